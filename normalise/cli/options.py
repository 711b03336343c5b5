"""The options several commands share: `--json`, `--lexicon` and `--models-dir`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")

models_dir_option = click.option(
    "--models-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    envvar="NORMALISE_MODELS_DIR",
    help="Translation models directory (default: the cache dir's models/).",
)


def lexicon_option(
    default: str = "the default lexicon, built on first use",
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Return the `--lexicon PATH` option (as `lexicon_path`), its help naming `default`, what
    a command reads without it."""
    return click.option(
        "--lexicon",
        "lexicon_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=f"Lexicon file (default: {default}).",
    )

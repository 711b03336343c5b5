"""The `normalise` command: a thin shell over the library.

Each command calls one library function and prints its result; library errors become
`click.ClickException` so users see a message, not a traceback.

This package defines the group; the commands live in its modules by concept (`names`:
normalise, resolve, transliterate; `rules`; `models`; `batch`; `serve`; `lexicon`), share
the options of `options` and print through `output`.
"""

from __future__ import annotations

import sys

import click

from normalise import __version__
from normalise.cli.batch import batch_command
from normalise.cli.lexicon import lexicon_group
from normalise.cli.models import models_group
from normalise.cli.names import normalise_command, resolve_command, transliterate_command
from normalise.cli.rules import rules_group
from normalise.cli.serve import serve_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="normalise")
def cli() -> None:
    """Resolve names spelled any way (Arabic, Turkish, English sources) to canonical entities.

    \b
    Examples:
      normalise resolve Sooran Kafrzeita "كفر زيتا" Türkiye HTS --country SY
      normalise batch mentions.csv --column place --country-column cc
      normalise normalise Kafrzeita "كفر زيتا" Türkiye
      normalise transliterate "جسر الشغور"
      normalise rules check
    """


cli.add_command(normalise_command)
cli.add_command(resolve_command)
cli.add_command(transliterate_command)
cli.add_command(rules_group)
cli.add_command(models_group)
cli.add_command(batch_command)
cli.add_command(serve_command)
cli.add_command(lexicon_group)


def main() -> None:  # pragma: no cover - console entry for `python -m`
    """Run the CLI with the process arguments."""
    cli(sys.argv[1:])

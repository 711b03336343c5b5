"""The `normalise models ...` commands: install and list offline translation models."""

from __future__ import annotations

from pathlib import Path

import click

from normalise.cli.options import json_option, models_dir_option
from normalise.cli.output import emit, reported_errors
from normalise.models import default_models_dir, install_model, list_models


@click.group("models")
def models_group() -> None:
    """Install and list offline machine-translation models (.argosmodel files).

    Models are never downloaded: install a file you have. Translation needs the `translate`
    extra (pip install -e ".[translate]").
    """


@models_group.command("install")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@models_dir_option
@json_option
def models_install(file: Path, models_dir: Path | None, as_json: bool) -> None:
    """Install the translation package FILE; it replaces any model for the same pair.

    \b
    Example:
      normalise models install translate-ar_en-1_9.argosmodel
    """
    target = default_models_dir() if models_dir is None else models_dir
    with reported_errors():
        source, dest = install_model(file, target)
    data = {"file": str(file), "from": source, "to": dest, "models_dir": str(target)}
    emit(data, as_json, f"installed {source}→{dest} in {target}")


@models_group.command("list")
@models_dir_option
@json_option
def models_list(models_dir: Path | None, as_json: bool) -> None:
    """List the installed translation models, one `from→to  name  version` per line.

    \b
    Example:
      normalise models list --json
    """
    target = default_models_dir() if models_dir is None else models_dir
    models = list_models(target)
    lines = [f"{m.from_code}→{m.to_code}\t{m.name}\t{m.package_version}" for m in models]
    text = "\n".join(lines) if lines else f"no translation models in {target}"
    emit([m.to_dict() for m in models], as_json, text)

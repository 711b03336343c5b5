"""The `normalise` command: a thin shell over the library.

Each command calls one library function and prints its result; library errors become
`click.ClickException` so users see a message, not a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from normalise import __version__
from normalise.errors import NormaliseError
from normalise.fingerprint import rules_fingerprint
from normalise.models import default_models_dir, install_model, list_models
from normalise.normaliser import Normaliser
from normalise.rules import check_rules_dir, load_rows
from normalise.translit import load_routes

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")


def emit(data: Any, as_json: bool, text: str) -> None:
    """Print `data` as JSON (one document) or `text` for people."""
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(text)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="normalise")
def cli() -> None:
    """Resolve names spelled any way (Arabic, Turkish, English sources) to canonical entities.

    \b
    Examples:
      normalise normalise Kafrzeita "كفر زيتا" Türkiye
      normalise transliterate "جسر الشغور"
      normalise rules check
    """


@cli.command("normalise")
@click.argument("names", nargs=-1, required=True)
@click.option("--lang", default=None, help="BCP 47 language of the names (e.g. tr, ar, en).")
@json_option
def normalise_command(names: tuple[str, ...], lang: str | None, as_json: bool) -> None:
    """Show how each NAME is cleaned, folded, romanised and keyed.

    The skeleton key is what spellings of one name share across conventions and scripts.

    \b
    Example:
      normalise normalise Sooran Suran صوران --json
    """
    nz = Normaliser()
    try:
        results = [nz.normalise(name, lang=lang) for name in names]
    except NormaliseError as exc:
        raise click.ClickException(str(exc)) from exc
    lines = [
        f"{r.text}\tfolded={r.keys.folded}\tskeleton={r.keys.skeleton}\t"
        f"tokens={' '.join(r.keys.tokens)}\tscripts={','.join(r.scripts) or '-'}"
        for r in results
    ]
    emit([r.to_dict() for r in results], as_json, "\n".join(lines))


@cli.command("transliterate")
@click.argument("text")
@click.option("--target", default="Latn", show_default=True, help="Target script.")
@json_option
def transliterate_command(text: str, target: str, as_json: bool) -> None:
    """Romanise TEXT to ASCII Latin (Arabic with the project's own ICU rules).

    \b
    Example:
      normalise transliterate "قلعة المضيق"      ->  ql'at al-mdiq
    """
    try:
        out = Normaliser().transliterate(text, target=target)
    except (NormaliseError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    emit({"text": text, "target": target, "result": out}, as_json, out)


@cli.group("rules")
def rules_group() -> None:
    """Inspect the rule tables in lexicons/rules."""


@rules_group.command("check")
@json_option
def rules_check(as_json: bool) -> None:
    """Load every rule table strictly; report the first error as file:line.

    Exit status 1 when a table is malformed.

    \b
    Example:
      normalise rules check --json
    """
    from normalise.rules import TABLES

    try:
        paths = check_rules_dir()
        counts = {name: len(load_rows(name, key=lambda r: r.line)) for name in TABLES}
        load_routes()
        Normaliser().normalise("check")
    except NormaliseError as exc:
        raise click.ClickException(str(exc)) from exc
    data = {"fingerprint": rules_fingerprint(), "tables": counts}
    emit(data, as_json, f"{len(paths)} tables OK, fingerprint {rules_fingerprint()}")


models_dir_option = click.option(
    "--models-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    envvar="NORMALISE_MODELS_DIR",
    help="Translation models directory (default: the cache dir's models/).",
)


@cli.group("models")
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
    try:
        source, dest = install_model(file, target)
    except NormaliseError as exc:
        raise click.ClickException(str(exc)) from exc
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


def main() -> None:  # pragma: no cover - console entry for `python -m`
    """Run the CLI with the process arguments."""
    cli(sys.argv[1:])

"""The `normalise lexicon ...` commands: build, create, apply, export, history, rekey, get,
info, translate.

Each command is a few lines over the library; library errors become `click.ClickException`
(a rejected batch prints every problem as `line N: field: message`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from normalise.cli.options import json_option, lexicon_option, models_dir_option
from normalise.cli.output import emit, reported_errors
from normalise.errors import BatchRejected
from normalise.lexicon.build import build_default_lexicon, ensure_default_lexicon
from normalise.lexicon.enrich import propose_translations
from normalise.lexicon.model import ENTITY_KINDS
from normalise.lexicon.store import Lexicon
from normalise.translate import Translator

NAMELESS_SHOWN = 5  # nameless entities named in `export`'s warning


def _open(path: Path | None, readonly: bool = False) -> Lexicon:
    with reported_errors():
        return Lexicon.open(ensure_default_lexicon() if path is None else path, readonly=readonly)


def read_ops(text: str) -> list[object]:
    """Parse a JSON-lines batch: line N is op N (blank lines at the end are ignored).

    Raises:
        BatchRejected: lines that are not JSON, each as `line N: json: message`.
    """
    ops: list[object] = []
    problems: list[tuple[int, str, str]] = []
    for number, line in enumerate(text.rstrip("\n").split("\n") if text.strip() else [], 1):
        try:
            ops.append(json.loads(line))
        except json.JSONDecodeError as exc:
            problems.append((number, "json", f"not JSON ({exc.msg} at column {exc.colno})"))
    if problems:
        raise BatchRejected(problems)
    return ops


@click.group("lexicon")
def lexicon_group() -> None:
    """Build, update and inspect lexicon stores (SQLite files of canonical entities)."""


@lexicon_group.command("build")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Where to write the store (default: the user cache, see `Lexicon.default_path`).",
)  # fmt: skip
@click.option("--workers", type=int, default=None, help="Key-building processes.")
@json_option
def build_command(output: Path | None, workers: int | None, as_json: bool) -> None:
    """Build the default lexicon from installed data (GeoNames, CLDR, curated); no network.

    \b
    Example:
      normalise lexicon build --output /tmp/default.lexicon
    """
    path = Lexicon.default_path() if output is None else output
    with reported_errors():
        figures = build_default_lexicon(path, workers=workers)
    emit({"path": str(path), **figures}, as_json,
          f"{path}: {figures['entities']} entities, {figures['names']} names,"
          f" {figures['keys']} keys in {figures['seconds']} s")  # fmt: skip


@lexicon_group.command("create")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@json_option
def create_command(path: Path, as_json: bool) -> None:
    """Create an empty lexicon store at PATH.

    \b
    Example:
      normalise lexicon create my.lexicon
    """
    with reported_errors():
        Lexicon.create(path).close()
    emit({"path": str(path), "version": 0}, as_json, f"created {path}")


@lexicon_group.command("apply")
@click.argument("ops_file", type=click.File("r", encoding="utf-8"))
@lexicon_option()
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@click.option("--batch-id", default=None, help="Idempotency key (default: a new id).")
@click.option("--actor", default=None, help="Who sends the batch (kept in the history).")
@json_option
def apply_command(
    ops_file: Any, lexicon_path: Path | None, dry_run: bool, batch_id: str | None,
    actor: str | None, as_json: bool,
) -> None:  # fmt: skip
    """Apply a batch of ops (JSON lines, OPS_FILE or - for stdin) in one transaction.

    The whole batch is checked first: any invalid op rejects it, listing every problem as
    `line N: field: message`, and nothing is written.

    \b
    Ops, one JSON object a line:
      {"op": "upsert", "entity": {"id": "nz:place/x", "kind": "place", "country": "SY",
                                  "names": [{"text": "Kafr Zita", "kind": "canonical"}]}}
      {"op": "add_names", "id": "...", "names": [{"text": "Kafrzeita", "lang": "en"}]}
      {"op": "remove_names", "id": "...", "names": [{"text": "..."}]}
      {"op": "delete", "id": "..."}
      {"op": "merge", "from": "...", "into": "..."}
      {"op": "not_same", "name": "...", "id": "..."}

    An upsert replaces the entity and every name of it. No batch may leave an entity with
    no name; one whose canonical name is removed gets its first remaining name as canonical,
    with a warning, unless the batch gives it another.

    \b
    Example:
      normalise lexicon apply seeds/batch.jsonl --lexicon my.lexicon --dry-run
    """
    with _open(lexicon_path) as lex, reported_errors():
        ops = read_ops(ops_file.read())
        report = lex.apply(ops, dry_run=dry_run, batch_id=batch_id, actor=actor)
    counts = ", ".join(f"{k}={v}" for k, v in report.counts.items() if v)
    text = (
        f"{'dry run' if dry_run else 'applied'} batch {report.batch_id}: version"
        f" {report.version}; {counts or 'no changes'}"
    )
    emit(report.to_dict(), as_json, "\n".join([text, *report.warnings]))


@lexicon_group.command("export")
@lexicon_option()
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="File to write (default: stdout).")  # fmt: skip
def export_command(lexicon_path: Path | None, output: Any) -> None:
    """Write the whole lexicon as batch JSON lines (apply them to a new store to copy it).

    Entities with no name (a store written before batches kept every entity named) are
    listed on stderr, with the ops that mend them: their export would not apply.

    \b
    Example:
      normalise lexicon export --lexicon my.lexicon --output my.jsonl
    """
    with _open(lexicon_path, readonly=True) as lex:
        lex.export(output)
        nameless = lex.nameless()
    if nameless:
        more = ", ..." if len(nameless) > NAMELESS_SHOWN else ""
        shown = ", ".join(nameless[:NAMELESS_SHOWN]) + more
        click.echo(
            f"warning: {len(nameless):,} {'entity has' if len(nameless) == 1 else 'entities have'}"
            f" no name ({shown}): a store written before"
            " batches kept every entity named. Applied, the export rejects their upserts. Give"
            ' each a name first, {"op": "add_names", "id": ID, "names": [{"text": ...}]}, or'
            ' delete it, {"op": "delete", "id": ID}, with `normalise lexicon apply`, then'
            " export again.",
            err=True,
        )


@lexicon_group.command("history")
@lexicon_option()
@json_option
def history_command(lexicon_path: Path | None, as_json: bool) -> None:
    """List the batches applied to a lexicon, oldest first.

    \b
    Example:
      normalise lexicon history --lexicon my.lexicon --json
    """
    with _open(lexicon_path, readonly=True) as lex:
        rows = lex.history()
    lines = [
        f"{r['version']}\t{r['applied_at']}\t{r['batch_id']}\t{r['actor'] or '-'}\t"
        + ", ".join(f"{k}={v}" for k, v in r["counts"].items() if v)
        for r in rows
    ]
    emit(rows, as_json, "\n".join(lines) or "no batches")


@lexicon_group.command("rekey")
@click.argument("path", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@json_option
def rekey_command(path: Path, as_json: bool) -> None:
    """Recompute every key of the store at PATH with the running rules.

    Opening a writable store does this by itself when its rules fingerprint is stale.
    """
    with _open(path) as lex:
        lex.rekey(progress=sys.stderr.isatty())
        data = {"path": str(path), "fingerprint": lex.fingerprint, **lex.counts()}
    emit(data, as_json, f"re-keyed {path} ({data['names']} names)")


@lexicon_group.command("get")
@click.argument("entity_id")
@lexicon_option()
@json_option
def get_command(entity_id: str, lexicon_path: Path | None, as_json: bool) -> None:
    """Show one entity (merge redirects followed) with all its names.

    \b
    Example:
      normalise lexicon get iso3166:TR --json
    """
    with _open(lexicon_path, readonly=True) as lex:
        entity = lex.get(entity_id)
        status = lex.status(entity_id)
    if entity is None:
        raise click.ClickException(f"{entity_id}: {status or 'unknown id'}")
    data = {**entity.to_dict(), "redirected_from": entity.redirected_from}
    names = "\n".join(f"  {n.kind}\t{n.lang or '-'}\t{n.text}" for n in entity.names)
    emit(data, as_json, f"{entity.id}\t{entity.kind}\t{entity.country or '-'}\n{names}")


@lexicon_group.command("info")
@lexicon_option()
@json_option
def info_command(lexicon_path: Path | None, as_json: bool) -> None:
    """Show a lexicon's path, version, rules fingerprint and row counts."""
    with _open(lexicon_path, readonly=True) as lex:
        data = {"path": str(lex.path), "fingerprint": lex.fingerprint, **lex.counts()}
    emit(data, as_json, "\n".join(f"{k}\t{v}" for k, v in data.items()))


@lexicon_group.command("translate")
@click.option("--lang", "source", required=True, help="Language to translate from (e.g. ar).")
@click.option("--to", "target", default="en", show_default=True, help="Language to propose.")
@click.option(
    "--kind",
    type=click.Choice(sorted(ENTITY_KINDS)),
    default="organisation",
    show_default=True,
    help="Which entities to consider.",
)
@lexicon_option()
@models_dir_option
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), default="-",
    help="Batch file to write (default: - for stdout, the summary then goes to stderr).",
)  # fmt: skip
@click.option("--dry-run", is_flag=True, help="List the proposals; write no batch file.")
@json_option
def translate_command(
    source: str, target: str, kind: str, lexicon_path: Path | None, models_dir: Path | None,
    output: Path, dry_run: bool, as_json: bool,
) -> None:  # fmt: skip
    """Propose machine-translated names for entities that lack one in the --to language.

    Each organisation (or --kind) entity with no name in --to gets its --lang name
    translated offline by an installed model (`normalise models install`). The proposals
    are written as a batch of add_names ops, every name tagged `source: mt` and
    `kind: variant`, for a person to review and then apply; the lexicon is not changed.

    \b
    Example:
      normalise lexicon translate --lang ar --to en --dry-run
      normalise lexicon translate --lang ar --to en --output mt-en.jsonl
      normalise lexicon apply mt-en.jsonl        # after review
    """
    to_stdout = str(output) == "-"
    if as_json and to_stdout and not dry_run:
        raise click.UsageError("--json prints the summary on stdout: give --output FILE")
    with _open(lexicon_path, readonly=True) as lex:
        with reported_errors():
            found = propose_translations(lex, Translator(models_dir), source, target, kind=kind)
        where = f" --lexicon {lexicon_path}" if lexicon_path is not None else ""
    if not dry_run:
        lines = "".join(json.dumps(op, ensure_ascii=False) + "\n" for op in found.ops)
        if to_stdout:
            click.echo(lines, nl=False)
        else:
            output.write_text(lines, encoding="utf-8")
    summary = (
        f"{'dry run: ' if dry_run else ''}{len(found.ops)} {found.target} names proposed for"
        f" {found.lacking} of {found.entities} {kind} entities lacking one"
        f" ({found.without_source} with no {found.source} name,"
        f" {found.unusable} translations empty or already a name)"
    )
    if dry_run:
        listing = [f"{op['id']}\t{op['names'][0]['text']}" for op in found.ops]
        emit(found.to_dict(), as_json, "\n".join([summary, *listing]))
    elif to_stdout:
        click.echo(summary, err=True)
    else:
        text = f"{summary} → {output}\nreview it, then: normalise lexicon apply {output}{where}"
        emit({**found.to_dict(), "output": str(output)}, as_json, text)

"""The commands over names given on the command line: normalise, resolve and transliterate."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click

from normalise.cli.options import json_option, lexicon_option, models_dir_option
from normalise.cli.output import emit, reported_errors
from normalise.match import Match
from normalise.normaliser import Normaliser


@click.command("normalise")
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
    with reported_errors():
        results = [nz.normalise(name, lang=lang) for name in names]
    lines = [
        f"{r.text}\tfolded={r.keys.folded}\tskeleton={r.keys.skeleton}\t"
        f"tokens={' '.join(r.keys.tokens)}\tscripts={','.join(r.scripts) or '-'}"
        for r in results
    ]
    emit([r.to_dict() for r in results], as_json, "\n".join(lines))


@click.command("resolve")
@click.argument("names", nargs=-1, required=True)
@click.option(
    "--country",
    default=None,
    help="ISO alpha-2 country the source places it in (a name spelled as another country's"
    " place, with no good candidate here, finds that place: never MATCH; a country, an"
    " organisation or a person is named in reports on any country).",
)
@click.option(
    "--admin1",
    default=None,
    help="First-level division: a GeoNames admin1 code (10), an ISO 3166-2 code (SY-HM) "
    "or a province's name (Hama, Nineveh).",
)
@click.option(
    "--kind",
    type=click.Choice(["country", "region", "place", "organisation", "person", "other"]),
    default=None,
    help="Expected kind of entity.",
)
@click.option("--lang", default=None, help="BCP 47 language of the names (e.g. tr).")
@click.option("--limit", default=5, show_default=True, help="Candidates per name.")
@lexicon_option()
@click.option(
    "--translate/--no-translate",
    default=True,
    show_default=True,
    help="Translate names with no confident candidate (needs an installed model).",
)
@models_dir_option
@json_option
def resolve_command(
    names: tuple[str, ...],
    country: str | None,
    admin1: str | None,
    kind: str | None,
    lang: str | None,
    limit: int,
    lexicon_path: Path | None,
    translate: bool,
    models_dir: Path | None,
    as_json: bool,
) -> None:
    """Resolve each NAME to its canonical entity: ID, display name, score and why.

    A line marked MATCH is a confident match; other lines are candidates to review.
    The first use of the default lexicon builds it (about a minute) and caches it.
    A NAME of `-` reads names from standard input, one per line (blank lines skipped),
    and prints each name's lines as soon as it is resolved; for files with columns, use
    `normalise batch`.

    A name with no confident candidate is machine-translated when a model for its language
    is installed (`normalise models install`); candidates found that way show
    `translated:ar→en` and are never MATCH.

    \b
    Example:
      normalise resolve Sooran Kafrzeita "كفر زيتا" --country SY
      normalise resolve HTS --kind organisation --json
      cut -f1 mentions.tsv | normalise resolve - --country SY
    """
    _refuse_empty(names)
    data = []
    with reported_errors():
        nz = Normaliser.open(lexicon_path, models_dir=models_dir, translate=translate)
        for name in _names_given(names):
            matches = nz.resolve(
                name, country=country, admin1=admin1, kind=kind, lang=lang, limit=limit
            )
            if as_json:
                data.append({"query": name, "results": [m.to_dict() for m in matches]})
            else:
                click.echo("\n".join(_result_lines(name, matches)))
    if as_json:
        emit(data, as_json, "")


def _refuse_empty(names: tuple[str, ...]) -> None:
    """Raise a usage error naming the first empty (or blank) NAME."""
    for number, name in enumerate(names, start=1):
        if not name.strip():
            raise click.UsageError(
                f"NAME {number} is empty: give a name with letters, or `-` to read names"
                " from standard input"
            )


def _names_given(names: tuple[str, ...]) -> Iterator[str]:
    """Yield the names of the command line, a `-` read as the lines of standard input."""
    for name in names:
        if name != "-":
            yield name
            continue
        for line in click.get_text_stream("stdin"):
            stripped = line.strip()
            if stripped:
                yield stripped


def _result_lines(name: str, matches: list[Match]) -> list[str]:
    """Return the lines `resolve` prints for one name's matches."""
    if not matches:
        return [f"{name}\t(no candidate)"]
    return [
        f"{name}\t{'MATCH' if m.match else '     '}\t{m.id}\t{m.name}\t{m.score:.3f}"
        f"\t{' '.join(m.why)}"
        for m in matches
    ]


@click.command("transliterate")
@click.argument("text")
@click.option("--target", default="Latn", show_default=True, help="Target script.")
@json_option
def transliterate_command(text: str, target: str, as_json: bool) -> None:
    """Romanise TEXT to ASCII Latin (Arabic with the project's own ICU rules).

    \b
    Example:
      normalise transliterate "قلعة المضيق"      ->  ql'at al-mdiq
    """
    with reported_errors(ValueError):
        out = Normaliser().transliterate(text, target=target)
    emit({"text": text, "target": target, "result": out}, as_json, out)

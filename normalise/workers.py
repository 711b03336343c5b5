"""Resolve chunks of queries in worker processes, in input order, with bounded memory.

Each worker opens the lexicon read-only once (SQLite allows many readers) and keeps its
`Normaliser` for its whole life. The parent keeps at most `2 × workers` chunks in flight and
collects them oldest first, so the output order, and every value, equals a single process run.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import Any, TypeVar

from normalise.filebatch import Item, Outcome, OutcomeCache, resolve_items
from normalise.heap import settle_for_batch
from normalise.normaliser import Normaliser

T = TypeVar("T")
_NORMALISER: Normaliser | None = None
_CACHE = OutcomeCache()


def _open_worker(lexicon: str | None) -> None:
    global _NORMALISER
    _NORMALISER = Normaliser.open(lexicon, progress=False)
    settle_for_batch()


def _resolve_in_worker(items: list[Item]) -> list[Outcome]:
    if _NORMALISER is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("worker has no lexicon open")
    return resolve_items(_NORMALISER, items, _CACHE)


def resolve_chunks(
    chunks: Iterable[tuple[T, list[Item]]], lexicon: Path | None, workers: int = 1
) -> Iterator[tuple[T, list[Outcome]]]:
    """Resolve each chunk's items; yield `(tag, outcomes)` in the order of `chunks`.

    Args:
        chunks: pairs of a tag the caller wants back (e.g. the input rows, which never leave
            this process) and the items to resolve.
        lexicon: lexicon file; None for the default lexicon (built here first if needed, so
            workers never race to build it).
        workers: processes to use; 1 resolves in this process.

    Raises:
        LexiconError: the lexicon cannot be opened.
    """
    if workers <= 1:
        cache = OutcomeCache()
        with Normaliser.open(lexicon) as nz:
            for tag, items in chunks:
                yield tag, resolve_items(nz, items, cache)
        return
    # Open once here: a missing lexicon fails fast, and the default lexicon is built once.
    Normaliser.open(lexicon).close()
    # spawn, not fork: the parent may run threads (tqdm, Dask) that fork would copy mid-state.
    context = multiprocessing.get_context("spawn")
    arg = None if lexicon is None else str(lexicon)
    with context.Pool(workers, initializer=_open_worker, initargs=(arg,)) as pool:
        window: deque[tuple[T, AsyncResult[Any]]] = deque()
        for tag, items in chunks:
            window.append((tag, pool.apply_async(_resolve_in_worker, (items,))))
            if len(window) >= 2 * workers:
                done_tag, result = window.popleft()
                yield done_tag, result.get()
        while window:
            done_tag, result = window.popleft()
            yield done_tag, result.get()

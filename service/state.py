"""The service's hold on one lexicon: a read-only reader with a per-version cache, and a
writable handle for batches.

Live updates: every answer is computed between two reads of the lexicon version. A batch that
commits in between (through this service or another process on the same file) makes the two
reads differ, and the answer is computed again, so each answer comes from exactly one version
and the next request after a commit sees it, without a restart.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from normalise import Normaliser, rules_fingerprint
from normalise.errors import ContextError
from normalise.lexicon import Lexicon, UpdateReport
from normalise.models import ModelInfo, list_models
from service.errors import InvalidInput

T = TypeVar("T")
MAX_RETRIES = 20


@dataclass(frozen=True, slots=True)
class Query:
    """One resolution query (hashable: it keys the cache)."""

    name: str
    country: str | None = None
    admin1: str | None = None
    kind: str | None = None
    lang: str | None = None
    limit: int = 5
    translate: bool = False


class LexiconState:
    """One open lexicon shared by all requests of a worker process.

    Machine translation is off unless a query asks for it (`Query.translate`); answers are
    cached per lexicon version, so a model installed while the service runs serves only the
    queries not answered before (restart to drop the cache).

    Args:
        path: the lexicon file, or None for the embedded default lexicon.
        cache_size: resolutions cached per lexicon version (0 disables the cache).
        models_dir: the translation models directory; None for the default one.
    """

    def __init__(
        self, path: Path | None, cache_size: int = 65_536, models_dir: Path | None = None
    ) -> None:
        self.nz = Normaliser.open(path, progress=False, models_dir=models_dir, translate=False)
        lexicon = self.nz.lexicon
        assert isinstance(lexicon, Lexicon)
        self.lexicon: Lexicon = lexicon
        self.path: Path = Path(self.lexicon.path)
        self._cache_size = cache_size
        self._cache_version = -1
        self._cache: dict[Query, tuple[Any, ...]] = {}
        self._cache_lock = threading.Lock()
        self._memo: dict[str, tuple[int, Any]] = {}
        self._writer: Lexicon | None = None
        self._write_lock = threading.Lock()

    def close(self) -> None:
        """Close the reader and the writer."""
        self.nz.close()
        if self._writer is not None:
            self._writer.close()

    # -- reading ---------------------------------------------------------------------------
    @property
    def version(self) -> int:
        """The lexicon version now."""
        return self.lexicon.version

    def models(self) -> list[ModelInfo]:
        """The translation models installed in the models directory now."""
        return list_models(self.nz.translator.models_dir)

    def ready(self) -> tuple[bool, str]:
        """Return whether the lexicon answers and is keyed with the running rules."""
        try:
            fingerprint = self.lexicon.fingerprint
            self.lexicon.version  # noqa: B018 - a read that fails when the file is unusable
        except Exception as exc:  # any failure means not ready
            return False, f"lexicon unreadable: {type(exc).__name__}"
        if fingerprint != rules_fingerprint():
            return False, "lexicon keys were built with other rules"
        return True, "ok"

    def consistent(self, compute: Callable[[int], T]) -> tuple[int, T]:
        """Run `compute(version)` until no batch commits during it; return (version, result)."""
        for _ in range(MAX_RETRIES):
            before = self.lexicon.version
            result = compute(before)
            if self.lexicon.version == before:
                return before, result
        raise RuntimeError("lexicon changed during every attempt")  # pragma: no cover

    def _cache_for(self, version: int) -> dict[Query, tuple[Any, ...]]:
        """The resolution cache of a version (a new, empty one when the version changed)."""
        with self._cache_lock:
            if version != self._cache_version:
                self._cache = {}
                self._cache_version = version
            return self._cache

    def _run(self, query: Query, cache: dict[Query, tuple[Any, ...]]) -> tuple[Any, ...]:
        found = cache.get(query)
        if found is not None:
            return found
        found = tuple(
            self.nz.resolve(
                query.name,
                country=query.country,
                admin1=query.admin1,
                kind=query.kind,
                lang=query.lang,
                limit=query.limit,
                translate=query.translate,
            )
        )
        if self._cache_size > 0:
            if len(cache) >= self._cache_size:
                # Drop the oldest entry (dicts keep insertion order).
                with contextlib.suppress(StopIteration, RuntimeError):
                    cache.pop(next(iter(cache)), None)
            cache[query] = found
        return found

    def resolve(self, queries: Sequence[Query]) -> tuple[int, list[tuple[Any, ...]]]:
        """Resolve queries in order, all against one lexicon version.

        Raises:
            InvalidInput: a query's context names no known value (its index in the message
                and `details`).
        """

        def compute(version: int) -> list[tuple[Any, ...]]:
            cache = self._cache_for(version)
            out = []
            for index, query in enumerate(queries):
                try:
                    out.append(self._run(query, cache))
                except ContextError as exc:  # say which query of a batch, as pydantic does
                    where = {"loc": ["body", "queries", index], "message": str(exc)}
                    raise InvalidInput(f"queries[{index}]: {exc}", [where]) from exc
            return out

        return self.consistent(compute)

    def resolve_cached(self, queries: Sequence[Query]) -> tuple[int, list[tuple[Any, ...]]] | None:
        """Answer from the cache alone, or None when any query is not cached.

        Cheap enough for the event loop: two version reads and dictionary lookups.
        """
        version = self.lexicon.version
        cache = self._cache_for(version)
        results = []
        for query in queries:
            found = cache.get(query)
            if found is None:
                return None
            results.append(found)
        if self.lexicon.version != version:
            return None
        return version, results

    def memo(self, key: str, version: int, build: Callable[[], T]) -> T:
        """Return a value derived from the lexicon, rebuilt when the version changes."""
        with self._cache_lock:
            held = self._memo.get(key)
            if held is not None and held[0] == version:
                value: T = held[1]
                return value
        value = build()
        with self._cache_lock:
            self._memo[key] = (version, value)
        return value

    def get(self, entity_id: str) -> tuple[int, str | None, Any]:
        """Return (version, status, entity) for an id, read at one version."""

        def compute(version: int) -> tuple[str | None, Any]:
            status = self.lexicon.status(entity_id)
            entity = self.lexicon.get(entity_id) if status in ("active", "redirect") else None
            return status, entity

        version, (status, entity) = self.consistent(compute)
        return version, status, entity

    def batch(self, batch_id: str) -> dict[str, Any] | None:
        """Return the audit record of an applied batch, or None."""
        for record in self.lexicon.history():
            if record["batch_id"] == batch_id:
                return record
        return None

    # -- writing ---------------------------------------------------------------------------
    def apply(
        self,
        ops: list[Any],
        *,
        dry_run: bool,
        batch_id: str | None,
        actor: str | None,
    ) -> UpdateReport:
        """Apply a batch through a writable handle (opened on first use, one batch at a time).

        Raises:
            BatchRejected: an invalid op; nothing written.
        """
        with self._write_lock:
            if self._writer is None:
                self._writer = Lexicon.open(self.path, progress=False)
            return self._writer.apply(ops, dry_run=dry_run, batch_id=batch_id, actor=actor)

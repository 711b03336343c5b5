"""The outcome cache: a job's queries resolved to their row outcomes (`resolve_items`), each
distinct query once (`OutcomeCache`)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from normalise.batchrow import Item, Outcome, Query
from normalise.errors import ContextError, NormaliseError
from normalise.fold import looks_turkish
from normalise.hints import country_hint
from normalise.matres import is_arabic_text
from normalise.query import query_lang
from normalise.suffixes import query_capitals
from normalise.text import clean

# Distinct queries whose outcomes a batch job remembers (`normalise batch --cache`): about 450
# bytes each (measured with tracemalloc), so up to about 220 MB, held by the one process that
# reads the input. A million generated mentions of GeoNames places (bench/batch_speed.py) hold
# 477,658 distinct queries: with 500,000 remembered each is resolved once; with 250,000,
# 560,792 resolutions are needed (17% more); with 100,000, 751,000.
OUTCOME_CACHE = 500_000


class OutcomeCache:
    """The outcomes of the most recently resolved distinct queries of a job (an LRU).

    Pipelines repeat names (one village, thousands of mentions): a repeated query, with the
    same context, is answered from here. One cache lives for one job in one process, so every
    repeat gets the answer its first occurrence got. With `case_blind`, a Latin-script name
    outside Turkey is remembered whatever its letter case (`DAMASCUS`, `damascus`, `Damascus`;
    `ZÜRICH`, `Zürich`): the resolver reads such a name alike in every case
    (`Normaliser.reads_letter_case` says when it may not).

    Args:
        size: how many distinct queries to remember.
        case_blind: remember names outside Turkey by their lower-case form (see `key`).
    """

    def __init__(self, size: int = OUTCOME_CACHE, *, case_blind: bool = False) -> None:
        self.size = size
        self.case_blind = case_blind
        self.hits = 0
        self._data: dict[Query, Outcome] = {}

    @classmethod
    def of(cls, nz: Any, size: int) -> OutcomeCache:
        """Return a cache of `size` queries for the `Normaliser` `nz`, case-blind unless it
        may read letter case (`Normaliser.reads_letter_case`)."""
        return cls(size, case_blind=not nz.reads_letter_case)

    def key(self, query: Query) -> Query:
        """Return the query `query`'s outcome is remembered under: with `case_blind`, a name
        in lower case unless the resolver reads it in Turkish (`query_lang`) or as initials
        (`suffixes.query_capitals`: `SAA` is the Syrian Arab Army's, `Saa` a town's; `BM'nin`
        the UN's). A name without a country that the resolver reads in Turkish because lexicon
        names in Turkish spell it (`Resolver.spelled_lang`) is read in lower case there, so
        its case counts for nothing.

        A name that is not ASCII is lower-cased after `text.clean`, the resolver's first
        step: Unicode composes some letters in one case only (`ẖ`, but `H̱`), so h with a
        combining line below, as typed, is read as `ẖ` and not as `H̱`. A name with Turkish
        letters (`looks_turkish`: ı and İ are read by their case) and one in Arabic script
        (which has no case) keep their key. On the batch benchmark's names outside Turkey,
        every group of names remembered under one key resolves alike (21,326 groups of
        51,436 names that are not ASCII; 87,182 case variants of ASCII ones).
        """
        name, country, admin1, kind = query
        if not self.case_blind or query_capitals(name):
            return query
        if name.isascii():
            lower = name.lower()
        elif is_arabic_text(name):
            return query
        else:
            cleaned = clean(name)
            if not cleaned or looks_turkish(cleaned):
                return query
            lower = cleaned.lower()
        if lower == name:
            return query
        try:
            if query_lang(name, country_hint(country)) is not None:
                return query
        except ContextError:  # answered by its error, whatever its case
            return query
        return Query(lower, country, admin1, kind)

    def get(self, query: Query, *, keyed: bool = False) -> Outcome | None:
        """Return the remembered outcome of `query` (now the most recent), or None;
        `keyed`: `query` is already its `key`."""
        if not self.size:
            return None
        if not keyed:
            query = self.key(query)
        outcome = self._data.pop(query, None)
        if outcome is not None:
            self._data[query] = outcome
            self.hits += 1
        return outcome

    def put(self, query: Query, outcome: Outcome, *, keyed: bool = False) -> None:
        """Remember `outcome`, forgetting the least recently used query when full; `keyed`:
        `query` is already its `key`.

        Many queries name one entity (every spelling of a village) and share their context
        and reasons: the ID, display name, `why`, country, admin1 and kind strings are kept
        once for all of them (`sys.intern`; freed with the last entry using them): on generated
        GeoNames mentions an entry takes about 410 bytes instead of 520.
        """
        if not self.size:
            return
        if not keyed:
            query = self.key(query)
        if len(self._data) >= self.size:
            del self._data[next(iter(self._data))]
        entity, display, score, match, why, error, confidence = outcome
        if entity is not None and display is not None:
            outcome = Outcome(
                sys.intern(entity),
                sys.intern(display),
                score,
                match,
                _intern(why),
                error,
                confidence,
            )
        name, country, admin1, kind = query
        self._data[Query(name, _intern(country), _intern(admin1), _intern(kind))] = outcome

    def __len__(self) -> int:
        return len(self._data)


def _intern(text: str | None) -> str | None:
    return None if text is None else sys.intern(text)


def resolve_query(nz: Any, query: Query) -> Outcome:
    """Resolve one query to its row outcome; a library error (e.g. an unknown kind) becomes
    the row's `nz_error`."""
    try:
        matches = nz.resolve(
            query.name, country=query.country, admin1=query.admin1, kind=query.kind, limit=1
        )
    except NormaliseError as exc:
        return Outcome(error=str(exc))
    if not matches:
        return Outcome()
    top = matches[0]
    return Outcome(top.id, top.name, top.score, top.match, " ".join(top.why), None, top.confidence)


def resolve_items(
    nz: Any, items: Sequence[Item], cache: OutcomeCache | None = None
) -> list[Outcome]:
    """Resolve the queries among `items` with the `Normaliser` `nz`; errors pass through.

    Args:
        nz: an open `Normaliser`.
        items: queries, and outcomes already decided for bad rows.
        cache: the job's outcome cache in this process, if any.
    """
    out: list[Outcome] = []
    for item in items:
        if isinstance(item, Outcome):
            out.append(item)
            continue
        if cache is None:
            out.append(resolve_query(nz, item))
            continue
        key = cache.key(item)
        outcome = cache.get(key, keyed=True)
        if outcome is None:
            outcome = resolve_query(nz, item)
            cache.put(key, outcome, keyed=True)
        out.append(outcome)
    return out

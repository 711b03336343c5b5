"""Resolve every name in a CSV, JSONL or Parquet file, streaming, resumable, row errors kept.

The pipeline is: read a chunk of rows → turn each row into a `Query` (or an error `Outcome`
for a bad row) → resolve the chunk (here or in worker processes, see `normalise.workers`) →
append the rows with `nz_*` columns to the output. Memory is bounded by the chunk size, and a
bad row (undecodable text, empty or overlong name) is flagged in `nz_error`, never fatal.

    >>> summary = run_batch(Path("mentions.csv"), Path("out.csv"), BatchOptions("name"))
    ... # doctest: +SKIP
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from normalise.batchrow import BatchOptions, Item, Outcome, Query, build_item
from normalise.errors import ContextError, NormaliseError
from normalise.fileformats import (
    NZ_COLUMNS,
    BatchFileError,
    count_rows,
    detect_format,
    open_sink,
    read_chunks,
    read_columns,
)
from normalise.fold import looks_turkish
from normalise.hints import country_hint
from normalise.matres import is_arabic_text
from normalise.query import query_lang
from normalise.suffixes import query_capitals
from normalise.text import clean

CHUNK_ROWS = 2000
# Distinct queries whose outcomes a batch job remembers (`normalise batch --cache`): about 450
# bytes each (measured with tracemalloc), so up to about 220 MB, held by the one process that
# reads the input. A million generated mentions of GeoNames places (bench/batch_speed.py) hold
# 477,658 distinct queries: with 500,000 remembered each is resolved once; with 250,000,
# 560,792 resolutions are needed (17% more); with 100,000, 751,000.
OUTCOME_CACHE = 500_000


@dataclass(slots=True)
class BatchSummary:
    """What a batch run did: rows written, matched, and bad rows by reason."""

    rows: int = 0
    matched: int = 0
    resumed_from: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        rate = self.rows / self.seconds if self.seconds > 0 else 0.0
        return {
            "rows": self.rows,
            "matched": self.matched,
            "errors": sum(self.errors.values()),
            "errors_by_reason": dict(self.errors),
            "resumed_from": self.resumed_from,
            "seconds": round(self.seconds, 3),
            "rows_per_second": round(rate, 1),
        }


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
        entity, display, score, match, why, error = outcome
        if entity is not None and display is not None:
            outcome = Outcome(
                sys.intern(entity), sys.intern(display), score, match, _intern(why), error
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
    return Outcome(top.id, top.name, top.score, top.match, " ".join(top.why))


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


def _progress(path: Path, fmt: str, initial: int, enabled: bool) -> Any:
    """Return a tqdm bar (rows/s, ETA) on a terminal; a disabled one in pipes or when quiet."""
    from tqdm import tqdm

    show = enabled and sys.stderr.isatty()
    total = _total_rows(path, fmt) if show else None
    return tqdm(total=total, initial=initial, unit="rows", unit_scale=True, disable=not show)


def _total_rows(path: Path, fmt: str) -> int | None:
    if fmt == "csv":
        return sum(1 for _ in read_chunks(path, fmt, 1))
    return count_rows(path, fmt)


def missing_column(path: Path, column: str, columns: Sequence[str]) -> str:
    """Return the error for an input without the name column: what it has, and what to do."""
    found = ", ".join(repr(c) for c in columns) or "none"
    message = f"{path} has no column {column!r} (its columns: {found}); name it with --column"
    if len(columns) == 1:
        for sep in (";", "\t", "|"):
            if sep in columns[0]:
                message += (
                    f". The header looks {sep!r}-separated: CSV input must be comma-separated"
                )
                break
    return message


def run_batch(
    input_path: Path,
    output_path: Path,
    options: BatchOptions,
    *,
    input_format: str | None = None,
    output_format: str | None = None,
    lexicon: Path | None = None,
    workers: int = 1,
    resume: bool = False,
    progress: bool = True,
    chunk_rows: int = CHUNK_ROWS,
    cache_size: int = OUTCOME_CACHE,
) -> BatchSummary:
    """Resolve the names of `input_path` into `output_path`, chunk by chunk.

    Args:
        input_path: CSV (with a header), JSONL (one object per line) or Parquet.
        output_path: where to write every input column plus `nz_*` columns.
        options: name and context columns.
        input_format: csv | jsonl | parquet; None to tell from the extension.
        output_format: as `input_format`, for the output (None: from its extension).
        lexicon: lexicon file; None for the default lexicon.
        workers: worker processes; 1 resolves in this process. Output is identical.
        resume: continue from the output a killed run left behind.
        progress: show a progress bar when stderr is a terminal.
        chunk_rows: rows per chunk (memory bound and resume granularity).
        cache_size: distinct queries whose outcomes are remembered, so that a repeated
            name is resolved once (0: none).

    Returns:
        The summary of this run (rows written now, matches, bad rows by reason).

    Raises:
        BatchFileError: unknown format, missing name column, or an output that cannot resume.
        LexiconError: the lexicon cannot be opened.
        WorkerStartError: `workers` > 1 and the main script is not a file workers can import.
    """
    from normalise.workers import resolve_chunks

    in_fmt = detect_format(input_path, input_format)
    out_fmt = detect_format(output_path, output_format)
    columns = read_columns(input_path, in_fmt)
    if in_fmt != "jsonl" and options.column not in columns:
        raise BatchFileError(missing_column(input_path, options.column, columns))
    out_columns = [c for c in columns if c not in NZ_COLUMNS] + list(NZ_COLUMNS)
    sink = open_sink(output_path, out_fmt, out_columns, resume, input_path, in_fmt)
    summary = BatchSummary(resumed_from=sink.done)
    start = time.perf_counter()
    bar = _progress(input_path, in_fmt, sink.done, progress)
    chunks = read_chunks(input_path, in_fmt, chunk_rows, skip=sink.done)
    tagged = ((rows, [build_item(row, options) for row in rows]) for rows in chunks)
    try:
        for rows, outcomes in resolve_chunks(tagged, lexicon, workers, cache_size):
            sink.write(rows, outcomes)
            summary.rows += len(rows)
            summary.matched += sum(o.match for o in outcomes)
            summary.errors.update(o.error for o in outcomes if o.error is not None)
            bar.update(len(rows))
        sink.close()
    finally:
        bar.close()
    summary.seconds = time.perf_counter() - start
    return summary

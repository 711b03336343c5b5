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

from normalise.batchrow import BatchOptions, build_item
from normalise.fileformats import (
    NZ_COLUMNS,
    BatchFileError,
    count_rows,
    detect_format,
    open_sink,
    read_chunks,
    read_columns,
)
from normalise.outcomecache import OUTCOME_CACHE
from normalise.workers import resolve_chunks

CHUNK_ROWS = 2000


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


def _progress(path: Path, fmt: str, initial: int, enabled: bool) -> Any:
    """Return a progress bar (rows/s, ETA) on a terminal; a disabled one in pipes or when
    quiet."""
    from normalise.progress import progress_bar

    show = enabled and sys.stderr.isatty()
    total = _total_rows(path, fmt) if show else None
    return progress_bar(unit="rows", total=total, enabled=show, initial=initial, unit_scale=True)


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

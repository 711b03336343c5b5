"""Resolve a Dask DataFrame column on a dask.distributed cluster (the `dask` extra).

`resolve_dataframe` maps partitions: each worker process opens the lexicon read-only once and
caches the `Normaliser` for its lifetime, then resolves its partitions with exactly the code the
`normalise batch` command uses, so results equal a single-process run.

The lexicon is shared by path: on one machine every worker reads the same file; on a cluster of
machines put the file at the same path on each (or on a shared file system), or pass
`lexicon=None` and point `NORMALISE_CACHE_DIR` at a shared build of the default lexicon.

    >>> from normalise.dask import resolve_dataframe                 # doctest: +SKIP
    >>> out = resolve_dataframe(ddf, "place", country_column="cc", lexicon="geo.lexicon")
    >>> out.compute()                                                # doctest: +SKIP
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from normalise.batchrow import BatchOptions, build_item
from normalise.filebatch import CHUNK_ROWS
from normalise.fileformats import NZ_COLUMNS, NZ_TYPES
from normalise.heap import settle_for_batch
from normalise.normaliser import Normaliser
from normalise.outcomecache import OutcomeCache, resolve_items

SLICE_ROWS = CHUNK_ROWS  # rows of a partition converted and resolved at a time, as in a batch
# Each Dask worker keeps its own outcome cache (a batch job keeps one, in the process reading
# the input), so each remembers half as many as `outcomecache.OUTCOME_CACHE`: about 110 MB.
WORKER_OUTCOME_CACHE = 250_000
_CACHE: dict[str, Normaliser] = {}
_OUTCOMES: dict[str, tuple[int, OutcomeCache]] = {}
_LOCK = threading.Lock()


def cached_normaliser(lexicon: str | None) -> Normaliser:
    """Return this process's `Normaliser` for `lexicon`, opening it on first use.

    Each worker thread gets its own: a SQLite connection must stay in the thread that made it.
    """
    key = f"{lexicon}\0{threading.get_ident()}"
    with _LOCK:
        nz = _CACHE.get(key)
        if nz is None:
            nz = _CACHE[key] = Normaliser.open(lexicon, progress=False)
            settle_for_batch()  # a Dask worker process, resolving partitions from now on
    return nz


def cached_outcomes(lexicon: str | None, nz: Normaliser) -> OutcomeCache:
    """Return this thread's outcome cache for `lexicon`, emptied when its version changed
    (a Dask worker outlives jobs, and the lexicon may be updated between them)."""
    key = f"{lexicon}\0{threading.get_ident()}"
    version = nz.lexicon.version if nz.lexicon is not None else 0
    with _LOCK:
        held = _OUTCOMES.get(key)
        if held is None or held[0] != version:
            held = _OUTCOMES[key] = (version, OutcomeCache.of(nz, WORKER_OUTCOME_CACHE))
    return held[1]


def resolve_partition(
    frame: Any, options: BatchOptions, lexicon: str | None, slice_rows: int = SLICE_ROWS
) -> Any:
    """Return the pandas `frame` with the `nz_*` columns added (one partition).

    Rows are read and resolved `slice_rows` at a time, so the extra memory a partition takes
    stays small however large the partition is (a Dask CSV block holds up to 64 MB of rows).
    """
    import pandas as pd

    nz = cached_normaliser(lexicon)
    cache = cached_outcomes(lexicon, nz)
    columns: list[list[Any]] = [[] for _ in NZ_COLUMNS]
    for start in range(0, len(frame), slice_rows):
        part = frame.iloc[start : start + slice_rows]
        # Missing values (NaN, pd.NA) become None, as in a CSV/JSONL/Parquet batch.
        plain = part.astype(object).where(part.notna(), None)
        items = [build_item(row, options) for row in plain.to_dict("records")]
        for outcome in resolve_items(nz, items, cache):
            for values, value in zip(columns, outcome, strict=True):
                values.append(value)
    out = frame.copy()
    for name, values, dtype in zip(NZ_COLUMNS, columns, _DTYPES, strict=True):
        out[name] = pd.Series(values, index=frame.index, dtype=dtype)
    return out


# pandas dtypes of the `NZ_TYPES`: a float column nullable (a bad row has no score)
_DTYPES = tuple({"float64": "Float64"}.get(alias, alias) for alias in NZ_TYPES)


def resolve_dataframe(
    ddf: Any,
    column: str,
    *,
    country: str | None = None,
    country_column: str | None = None,
    admin1_column: str | None = None,
    kind_column: str | None = None,
    lexicon: str | Path | None = None,
) -> Any:
    """Add the `nz_*` columns (`NZ_COLUMNS`: nz_id, nz_name, nz_score, nz_match, nz_why,
    nz_error, nz_confidence) to a Dask DataFrame.

    Args:
        ddf: a `dask.dataframe.DataFrame`.
        column: the column holding the names.
        country: ISO alpha-2 for rows without a country column value.
        country_column: column with each row's ISO alpha-2 country.
        admin1_column: column with each row's admin1 code.
        kind_column: column with each row's expected kind.
        lexicon: lexicon file readable at this path by every worker; None for the default
            lexicon (built on first use in each worker's cache directory).

    Returns:
        A lazy Dask DataFrame: every input column plus the `nz_*` columns.
    """
    options = BatchOptions(column, country, country_column, admin1_column, kind_column)
    path = None if lexicon is None else str(Path(lexicon).resolve())
    meta = resolve_partition_meta(ddf._meta)
    return ddf.map_partitions(resolve_partition, options, path, meta=meta)


def resolve_partition_meta(frame: Any) -> Any:
    """Return the empty frame describing `resolve_partition`'s output (no lexicon opened)."""
    import pandas as pd

    out = frame.iloc[:0].copy()
    for name, dtype in zip(NZ_COLUMNS, _DTYPES, strict=True):
        out[name] = pd.Series([], index=out.index, dtype=dtype)
    return out

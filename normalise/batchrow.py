"""Batch rows: an input row made into the `Query` it asks (its name and the context columns
`BatchOptions` names), or into an error `Outcome` (its `nz_*` values) for a bad row."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

MAX_NAME_CHARS = 512


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """Which columns hold the name and its context, and the default country.

    Attributes:
        column: the column holding the names.
        country: ISO alpha-2 applied to rows without a country column value.
        country_column: column with each row's ISO alpha-2 country.
        admin1_column: column with each row's first-level division code.
        kind_column: column with each row's expected kind (place, organisation ...).
    """

    column: str = "name"
    country: str | None = None
    country_column: str | None = None
    admin1_column: str | None = None
    kind_column: str | None = None


class Query(NamedTuple):
    """One name to resolve with its context; picklable for worker processes."""

    name: str
    country: str | None
    admin1: str | None
    kind: str | None


class Outcome(NamedTuple):
    """The `nz_*` values of one row: the best candidate, or an error for a bad row."""

    id: str | None = None
    name: str | None = None
    score: float | None = None
    match: bool = False
    why: str | None = None
    error: str | None = None
    confidence: float | None = None  # the decision's probability (`Match.confidence`)


Item = Query | Outcome


def check_name(value: object) -> str | None:
    """Return why `value` cannot be resolved as a name, or None when it can.

    Undecodable bytes reach us as lone surrogates (`surrogateescape`) or as `bytes`.
    """
    if value is None:
        return "empty name"
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            return "invalid UTF-8"
    if not isinstance(value, str):
        return "name is not text"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "invalid UTF-8"
    if not value.strip():
        return "empty name"
    if len(value) > MAX_NAME_CHARS:
        return f"name too long (over {MAX_NAME_CHARS} characters)"
    return None


def _context(row: Mapping[str, Any], column: str | None) -> str | None:
    if column is None:
        return None
    value = row.get(column)
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if value is None or not str(value).strip():
        return None
    return str(value).strip()


def build_item(row: Mapping[str, Any], options: BatchOptions) -> Item:
    """Return the `Query` for one input row, or an error `Outcome` for a bad row."""
    if row.get("nz_error") is not None and options.column not in row:
        return Outcome(error=str(row["nz_error"]))
    value = row.get(options.column)
    error = check_name(value)
    if error is not None:
        return Outcome(error=error)
    name = value.decode("utf-8") if isinstance(value, bytes) else str(value)
    country = _context(row, options.country_column)
    return Query(
        name,
        options.country if country is None else country,
        _context(row, options.admin1_column),
        _context(row, options.kind_column),
    )

"""Versioned reads: what a resolver reads of a store on every query that changes only with its
version (judgements, display names, provinces, the admin1 hints read), answered from the memo
of the version read (`VersionMemo`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Hashable, Sequence
from typing import Protocol

from normalise.lexicon.memo import VersionMemo
from normalise.lexicon.transaction import ReadTransaction


class _Host(Protocol):
    """The store a `VersionedReadsMixin` is part of, as the mixin's methods use it: its read
    transactions and the memo of the version they read, and the mixin's own methods."""

    def _read(self) -> ReadTransaction: ...

    def _current_memo(self, conn: sqlite3.Connection) -> VersionMemo: ...

    @staticmethod
    def _read_display_names(conn: sqlite3.Connection, entity_ids: list[str]) -> dict[str, str]: ...


class VersionedReadsMixin:
    """The reads of a `Lexicon` that its version memo answers."""

    def province(self: _Host, country: str, admin1: str) -> str | None:
        """Return the ID of the province of `country` whose GeoNames admin1 code is `admin1`
        (an active region whose parent is the country), or None."""
        with self._read() as conn:
            return self._current_memo(conn).province(conn, country, admin1)

    def country_words(self: _Host, country: str, lang: str) -> tuple[str, ...]:
        """Return the one-word names of `country` in `lang`, its demonyms too
        (`VersionMemo.country_words`)."""
        with self._read() as conn:
            return self._current_memo(conn).country_words(conn, country, lang)

    def surnames(self: _Host) -> frozenset[str]:
        """Return the folded last words of the people's Latin names (`VersionMemo.surnames`)."""
        with self._read() as conn:
            return self._current_memo(conn).surnames(conn)

    def largest_population(self: _Host, country: str, admin1: str) -> int:
        """Return the population of the most populous active place of `country` whose
        GeoNames admin1 code is `admin1` (0 for none)."""
        with self._read() as conn:
            return self._current_memo(conn).largest_population(conn, country, admin1)

    def divisions(self: _Host) -> dict[Hashable, object]:
        """Return this version's memo of the admin1 hints a resolver has read
        (`VersionMemo.divisions`)."""
        with self._read() as conn:
            return self._current_memo(conn).divisions()

    def display_names(self: _Host, entity_ids: Sequence[str]) -> dict[str, str]:
        """Return the canonical name of each active entity among `entity_ids` (those not
        met before in this version of the store read in one query)."""
        if not entity_ids:
            return {}
        with self._read() as conn:
            return self._current_memo(conn).display_names(
                entity_ids, lambda ids: self._read_display_names(conn, ids)
            )

    @staticmethod
    def _read_display_names(conn: sqlite3.Connection, entity_ids: list[str]) -> dict[str, str]:
        unique = list(dict.fromkeys(entity_ids))
        # The correlated subquery stops at an entity's first canonical name (3x faster than a
        # join that reads every name of a place with hundreds of them).
        sql = (
            "SELECT e.id, (SELECT n.text FROM names AS n WHERE n.entity = e.rowid"
            " AND n.kind = 'canonical' ORDER BY n.rowid LIMIT 1) FROM entities AS e"
            f" WHERE e.id IN ({','.join('?' * len(unique))}) AND e.status = 'active'"
        )
        return {str(r[0]): str(r[1]) for r in conn.execute(sql, unique) if r[1] is not None}

    def not_same(self: _Host, folded: str) -> set[str]:
        """Return the ids judged not the same as the name with this folded key."""
        with self._read() as conn:
            return set(self._current_memo(conn).not_same(conn, folded))

"""Entity and record reads: an entity by id (following merge redirects) or every one in id
order, and the store's own records: its version, rules fingerprint, audit log and counts."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from normalise.lexicon.model import Entity, Name
from normalise.lexicon.transaction import ReadTransaction


def _fields(entity: Entity) -> dict[str, Any]:
    return {f: getattr(entity, f) for f in Entity.__slots__}


class _Host(Protocol):
    """The store a `RecordsMixin` is part of, as the mixin's methods use it: its connection,
    lock and read transactions, and the mixin's own methods."""

    _conn: sqlite3.Connection
    _lock: threading.RLock

    def _read(self) -> ReadTransaction: ...

    def _entity(self, conn: sqlite3.Connection, rowid: int) -> Entity: ...

    def entities(self, statuses: Sequence[str] = ("active",)) -> Iterator[Entity]: ...


class RecordsMixin:
    """The entity and record reads of a `Lexicon`."""

    @property
    def version(self: _Host) -> int:
        """The store's version: 0 when created, bumped once per applied batch."""
        with self._read() as conn:
            return int(conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()[0])

    @property
    def fingerprint(self: _Host) -> str:
        """The rules fingerprint the stored keys were built with."""
        with self._read() as conn:
            return str(
                conn.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()[0]
            )

    def status(self: _Host, entity_id: str) -> str | None:
        """Return `active`, `deleted`, `redirect`, or None for an id never issued here."""
        with self._read() as conn:
            row = conn.execute("SELECT status FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return None if row is None else str(row[0])

    def get(self: _Host, entity_id: str) -> Entity | None:
        """Return the entity for an id, following merge redirects.

        Returns:
            The entity (`redirected_from` set when a redirect was followed), or None for an
            unknown or deleted id (see `status`).
        """
        with self._read() as conn:
            current = entity_id
            for _ in range(64):
                row = conn.execute(
                    "SELECT rowid, status, redirect_to FROM entities WHERE id = ?", (current,)
                ).fetchone()
                if row is None or row[1] == "deleted":
                    return None
                if row[1] == "active":
                    entity = self._entity(conn, row[0])
                    if current != entity_id:
                        return Entity(**{**_fields(entity), "redirected_from": entity_id})
                    return entity
                current = row[2]
        return None

    def _entity(self, conn: sqlite3.Connection, rowid: int) -> Entity:
        row = conn.execute(
            "SELECT id, kind, country, admin1, parent, population, lat, lon, external_ids,"
            " sources FROM entities WHERE rowid = ?",
            (rowid,),
        ).fetchone()
        names = tuple(
            Name(text=r[0], lang=r[1], kind=r[2], source=r[3], script=r[4])
            for r in conn.execute(
                "SELECT text, lang, kind, source, script FROM names WHERE entity = ?"
                " ORDER BY rowid",
                (rowid,),
            )
        )
        return Entity(
            id=row[0],
            kind=row[1],
            names=names,
            country=row[2],
            admin1=row[3],
            parent=row[4],
            population=row[5],
            lat=row[6],
            lon=row[7],
            external_ids=json.loads(row[8]) if row[8] else {},
            sources=tuple(json.loads(row[9])) if row[9] else (),
        )

    def history(self: _Host) -> list[dict[str, Any]]:
        """Return the audit log: one dict per applied batch, oldest first."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT batch_id, applied_at, actor, version, counts FROM batches ORDER BY seq"
            ).fetchall()
        return [
            {
                "batch_id": r[0],
                "applied_at": r[1],
                "actor": r[2],
                "version": r[3],
                "counts": json.loads(r[4]),
            }
            for r in rows
        ]

    def nameless(self: _Host) -> list[str]:
        """Return the ids of active entities with no name, ordered.

        No batch leaves an entity so since names were followed through batches; a store
        written before may hold some (an upsert without names wiped them). Its export
        re-applies only once each has a name (`add_names`) or is deleted.
        """
        with self._read() as conn:
            rows = conn.execute(
                "SELECT id FROM entities AS e WHERE status = 'active' AND NOT EXISTS"
                " (SELECT 1 FROM names WHERE names.entity = e.rowid) ORDER BY id"
            ).fetchall()
        return [r[0] for r in rows]

    def counts(self: _Host) -> dict[str, int]:
        """Return the version and row counts, all read from one version of the store."""
        with self._read() as conn:
            out = {
                "version": int(
                    conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()[0]
                )
            }
            for status, n in conn.execute("SELECT status, count(*) FROM entities GROUP BY status"):
                out[
                    {"active": "entities", "deleted": "deleted", "redirect": "redirects"}[status]
                ] = n
            for table in ("names", "not_same", "batches"):
                out[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for key in ("entities", "deleted", "redirects"):
            out.setdefault(key, 0)
        return out

    def __len__(self: _Host) -> int:
        with self._read() as conn:
            return int(
                conn.execute("SELECT count(*) FROM entities WHERE status = 'active'").fetchone()[0]
            )

    def __iter__(self: _Host) -> Iterator[Entity]:
        """Yield every active entity, ordered by id."""
        return self.entities(statuses=("active",))

    def entities(self: _Host, statuses: Sequence[str] = ("active",)) -> Iterator[Entity]:
        """Yield entities with the given statuses, ordered by id (each read consistently)."""
        with self._lock:
            rowids = [
                r[0]
                for r in self._conn.execute(
                    f"SELECT rowid FROM entities WHERE status IN ({','.join('?' * len(statuses))})"
                    " ORDER BY id",
                    tuple(statuses),
                )
            ]
        for rowid in rowids:
            with self._read() as conn:
                yield self._entity(conn, rowid)

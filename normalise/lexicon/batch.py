"""Applying a validated batch of ops to a store, inside the caller's write transaction.

The `BatchWriter` turns each op into row changes: entity rows, name rows with their stored
forms, and key rows (one per key and entity). Keys are derived from names only, so removing a
name's keys means recomputing them (cached) rather than keeping a reverse index.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from normalise.keys import Keys, build_keys
from normalise.lexicon.keyindex import (
    KeyRow,
    entity_key_rows,
    index_keys,
    key_country,
    name_forms,
    name_keys,
    script_of,
)
from normalise.lexicon.schema import KEYS_COLUMNS
from normalise.lexicon.validate import OPS, merged_kind, removed_by
from normalise.match import key_rank
from normalise.text import clean

ENTITY_COLUMNS = ("kind", "country", "admin1", "parent", "population", "lat", "lon")
_INSERT_NAME = (
    "INSERT INTO names (entity, text, lang, script, kind, source, folded, skeleton, phonetic,"
    " tokens) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_KEY = f"INSERT OR IGNORE INTO keys {KEYS_COLUMNS} VALUES (?, ?, ?, ?, ?)"
_UPDATE_FORMS = (
    "UPDATE names SET folded = ?, skeleton = ?, phonetic = ?, tokens = ? WHERE rowid = ?"
)


def normalise_name(item: Mapping[str, Any], default_kind: str = "variant") -> tuple[str, ...]:
    """Return a name dict as `(text, lang, kind, source)` strings, text cleaned (NFC, NFKC)."""
    return (
        clean(str(item["text"])),
        item.get("lang"),
        item.get("kind", default_kind),
        item.get("source"),
    )  # type: ignore[return-value]


class BatchWriter:
    """Write ops to an open transaction and collect counts and warnings.

    Args:
        conn: a connection inside `BEGIN IMMEDIATE`.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.counts: Counter[str] = Counter({op: 0 for op in OPS})
        self.counts.update({"names_added": 0, "names_removed": 0})
        self.warnings: list[str] = []
        # entities a remove_names op took the canonical name of, with that op's line and id
        self._lost_canonical: dict[int, tuple[int, str]] = {}

    # -- lookups -----------------------------------------------------------------------
    def _row(self, entity_id: str) -> tuple[int, str, str | None, str, str | None] | None:
        row = self.conn.execute(
            "SELECT rowid, status, redirect_to, kind, country FROM entities WHERE id = ?",
            (entity_id,),
        ).fetchone()
        return None if row is None else (row[0], row[1], row[2], row[3], row[4])

    def _resolve(self, entity_id: str) -> tuple[int, str, str, str | None]:
        """Return `(rowid, id, kind, country)` of the entity an id finally redirects to."""
        current = entity_id
        for _ in range(64):
            row = self._row(current)
            if row is None:
                break
            if row[1] != "redirect" or row[2] is None:
                return row[0], current, row[3], row[4]
            current = row[2]
        raise LookupError(f"id {entity_id!r} does not resolve")  # validation prevents this

    def _names_of(self, rowid: int) -> list[tuple[int, str, str | None, str]]:
        return [
            (r[0], r[1], r[2], r[3])
            for r in self.conn.execute(
                "SELECT rowid, text, lang, kind FROM names WHERE entity = ? ORDER BY rowid",
                (rowid,),
            )
        ]

    # -- keys --------------------------------------------------------------------------
    def _drop_keys(self, rowid: int, country: str | None) -> None:
        """Delete the key rows of every name of an entity (recomputed from the names)."""
        keys: set[str] = set()
        for _, text, lang, _ in self._names_of(rowid):
            keys.update(index_keys(name_keys(text, lang, country)))
        cc = key_country(country)
        self.conn.executemany(
            "DELETE FROM keys WHERE key = ? AND country = ? AND entity = ?",
            ((k, cc, rowid) for k in keys),
        )

    def _rank(self, rowid: int) -> int:
        """Return the entity's `key_rank`."""
        row = self.conn.execute("SELECT kind, population FROM entities WHERE rowid = ?", (rowid,))
        kind, population = row.fetchone()
        return key_rank(kind, population)

    def _index(
        self, rowid: int, country: str | None, names: Iterable[tuple[int, str, str | None]]
    ) -> None:
        forms, rows = entity_key_rows(rowid, country, self._rank(rowid), names)
        self.conn.executemany(_UPDATE_FORMS, ((*f, name_id) for name_id, f in forms))
        self.conn.executemany(_INSERT_KEY, rows)

    def _reindex(self, rowid: int, country: str | None) -> None:
        self._index(rowid, country, [(n, t, lang) for n, t, lang, _ in self._names_of(rowid)])

    def _insert_names(
        self,
        line: int,
        rowid: int,
        entity_id: str,
        kind: str,
        country: str | None,
        names: list[tuple[str, ...]],
        new: bool = False,
    ) -> None:
        present = {(t, lang) for _, t, lang, _ in self._names_of(rowid)} if not new else set()
        rows: list[KeyRow] = []
        cc = key_country(country)
        rank = self._rank(rowid)
        for text, lang, name_kind, source in names:
            if (text, lang) in present:
                continue
            present.add((text, lang))
            keys = name_keys(text, lang, country)
            self._warn_duplicate(line, rowid, kind, country, text, keys, entity_id)
            cur = self.conn.execute(
                _INSERT_NAME,
                (rowid, text, lang, script_of(text), name_kind, source, *name_forms(keys)),
            )
            assert cur.lastrowid is not None
            rows.extend((key, cc, rowid, cur.lastrowid, rank) for key in index_keys(keys))
            self.counts["names_added"] += 1
        self.conn.executemany(_INSERT_KEY, rows)

    def _warn_duplicate(
        self,
        line: int,
        rowid: int,
        kind: str,
        country: str | None,
        text: str,
        keys: Keys,
        entity_id: str,
    ) -> None:
        probe = [k for k in (f"s:{keys.skeleton}", f"f:{keys.folded}") if len(k) > 2]
        if not probe:
            return
        marks = ",".join("?" * len(probe))
        others = [
            r[0]
            for r in self.conn.execute(
                f"SELECT DISTINCT e.id FROM keys k JOIN entities e ON e.rowid = k.entity "
                f"WHERE k.key IN ({marks}) AND k.country = ? AND k.entity != ?"
                f" AND e.status = 'active' AND e.kind = ? LIMIT 3",
                (*probe, key_country(country), rowid, kind),
            )
        ]
        if others:
            self.warnings.append(
                f"line {line}: names: {text!r} added to {entity_id} also keys to "
                f"{', '.join(sorted(others))} ({kind}, {country or '-'}): likely duplicate"
            )

    # -- ops ---------------------------------------------------------------------------
    def apply(self, line: int, op: Mapping[str, Any]) -> None:
        """Apply one validated op."""
        getattr(self, f"_{op['op']}")(line, op)
        self.counts[str(op["op"])] += 1

    def _upsert(self, line: int, op: Mapping[str, Any]) -> None:
        entity = op["entity"]
        values = [entity.get(c) for c in ENTITY_COLUMNS]
        ext = entity.get("external_ids")
        src = entity.get("sources")
        extra = [
            None if not ext else json.dumps(dict(sorted(ext.items())), ensure_ascii=False),
            None if not src else json.dumps(list(src), ensure_ascii=False),
        ]
        row = self._row(entity["id"])
        if row is None:
            cur = self.conn.execute(
                "INSERT INTO entities (id, kind, country, admin1, parent, population, lat, lon,"
                " external_ids, sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (entity["id"], *values, *extra),
            )
            assert cur.lastrowid is not None
            rowid = cur.lastrowid
        else:
            rowid = row[0]
            self._drop_keys(rowid, row[4])
            removed = self.conn.execute("DELETE FROM names WHERE entity = ?", (rowid,))
            self.counts["names_removed"] += removed.rowcount
            self.conn.execute(
                "UPDATE entities SET kind = ?, country = ?, admin1 = ?, parent = ?,"
                " population = ?, lat = ?, lon = ?, external_ids = ?, sources = ? WHERE rowid = ?",
                (*values, *extra, rowid),
            )
        names = [normalise_name(n) for n in entity.get("names", [])]
        if names and not any(n[2] == "canonical" for n in names):
            names[0] = (names[0][0], names[0][1], "canonical", names[0][3])
        self._insert_names(
            line, rowid, entity["id"], entity["kind"], entity.get("country"), names, row is None
        )

    def _add_names(self, line: int, op: Mapping[str, Any]) -> None:
        rowid, entity_id, kind, country = self._resolve(op["id"])
        names = [normalise_name(n) for n in op["names"]]
        self._insert_names(line, rowid, entity_id, kind, country, names)

    def _remove_names(self, line: int, op: Mapping[str, Any]) -> None:
        rowid, entity_id, _, country = self._resolve(op["id"])
        wanted = [(clean(str(n["text"])), n.get("lang")) for n in op["names"]]
        names = self._names_of(rowid)
        doomed = [name_id for name_id, text, lang, _ in names if removed_by(text, lang, wanted)]
        if not doomed:
            return
        canonical = [name_id for name_id, _, _, kind in names if kind == "canonical"]
        if any(name_id in doomed for name_id in canonical):
            self._lost_canonical.setdefault(rowid, (line, entity_id))
        self._drop_keys(rowid, country)
        self.conn.executemany("DELETE FROM names WHERE rowid = ?", ((n,) for n in doomed))
        self.counts["names_removed"] += len(doomed)
        self._reindex(rowid, country)

    def finish(self) -> None:
        """Give every entity that lost its canonical name in the batch and got no other one
        its first remaining name as canonical, and say so in a warning (as an upserted
        entity whose names say none is canonical gets its first)."""
        for rowid, (line, entity_id) in self._lost_canonical.items():
            names = self._names_of(rowid)
            if not names or any(kind == "canonical" for _, _, _, kind in names):
                continue  # merged or deleted since, or given another
            name_id, text = names[0][0], names[0][1]
            self.conn.execute("UPDATE names SET kind = 'canonical' WHERE rowid = ?", (name_id,))
            self.warnings.append(
                f"line {line}: names: {entity_id} lost its canonical name; {text!r}, its first"
                " remaining name, is canonical now"
            )

    def _delete(self, line: int, op: Mapping[str, Any]) -> None:
        rowid, _, _, country = self._resolve(op["id"])
        self._drop_keys(rowid, country)
        self.conn.execute("DELETE FROM names WHERE entity = ?", (rowid,))
        self.conn.execute("UPDATE entities SET status = 'deleted' WHERE rowid = ?", (rowid,))

    def _merge(self, line: int, op: Mapping[str, Any]) -> None:
        source = self._row(op["from"])
        assert source is not None
        into_rowid, into_id, kind, country = self._resolve(op["into"])
        has_canonical = any(k == "canonical" for _, _, _, k in self._names_of(into_rowid))
        moved = [
            (text, lang, merged_kind(name_kind, has_canonical), None)
            for _, text, lang, name_kind in self._names_of(source[0])
        ]
        sources = {
            r[0]: r[1]
            for r in self.conn.execute(
                "SELECT text || char(0) || ifnull(lang, ''), source FROM names WHERE entity = ?",
                (source[0],),
            )
        }
        moved = [(t, lang, k, sources.get(f"{t}\0{lang or ''}")) for t, lang, k, _ in moved]
        self._drop_keys(source[0], source[4])
        self.conn.execute("DELETE FROM names WHERE entity = ?", (source[0],))
        self.conn.execute(
            "UPDATE entities SET status = 'redirect', redirect_to = ? WHERE rowid = ?",
            (into_id, source[0]),
        )
        self.conn.execute(
            "UPDATE entities SET redirect_to = ? WHERE redirect_to = ?", (into_id, op["from"])
        )
        self._insert_names(line, into_rowid, into_id, kind, country, moved)  # type: ignore[arg-type]

    def _not_same(self, line: int, op: Mapping[str, Any]) -> None:
        name = clean(str(op["name"]))
        self.conn.execute(
            "INSERT OR IGNORE INTO not_same (folded, entity_id, name) VALUES (?, ?, ?)",
            (build_keys(name).folded, op["id"], name),
        )

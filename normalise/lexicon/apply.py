"""Applying a batch to a store: validate the whole batch, then write it in one transaction.

`apply_batch` takes `BEGIN IMMEDIATE` (writers queue behind the busy timeout), replays the
stored report for a batch id seen before, validates every op against the store as earlier ops
leave it, writes through `BatchWriter`, bumps the version once and logs the batch; a dry run
does all of that and rolls back.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import UTC, datetime
from typing import Any

from normalise.errors import BatchRejected
from normalise.lexicon.batch import BatchWriter
from normalise.lexicon.model import UpdateReport
from normalise.lexicon.validate import NameRow, validate_ops


def apply_batch(
    conn: sqlite3.Connection,
    ops: list[Any],
    *,
    dry_run: bool = False,
    batch_id: str | None = None,
    actor: str | None = None,
) -> UpdateReport:
    """Validate and apply a batch on an autocommit connection; see `Lexicon.apply`.

    Raises:
        BatchRejected: any op is invalid (every problem listed; nothing written).
    """
    batch_id = batch_id if batch_id is not None else uuid.uuid4().hex
    conn.execute("BEGIN IMMEDIATE")
    try:
        old = conn.execute("SELECT report FROM batches WHERE batch_id = ?", (batch_id,)).fetchone()
        if old is not None:
            conn.execute("ROLLBACK")
            return UpdateReport(**{**json.loads(old[0]), "replayed": True})
        problems = validate_ops(
            ops, lambda i: _status_lookup(conn, i), lambda i: _names_lookup(conn, i)
        )
        if problems:
            raise BatchRejected(problems)
        report = _write(conn, ops, batch_id, actor, dry_run)
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("ROLLBACK" if dry_run else "COMMIT")
    return report


def _write(
    conn: sqlite3.Connection, ops: list[Any], batch_id: str, actor: str | None, dry_run: bool
) -> UpdateReport:
    writer = BatchWriter(conn)
    for line, op in enumerate(ops, start=1):
        writer.apply(line, op)
    writer.finish()
    version = int(conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()[0])
    report = UpdateReport(
        batch_id=batch_id,
        version=version + 1,
        applied=not dry_run,
        dry_run=dry_run,
        counts=dict(writer.counts),
        warnings=writer.warnings,
    )
    conn.execute("UPDATE meta SET value = ? WHERE key = 'version'", (str(version + 1),))
    conn.execute(
        "INSERT INTO batches (batch_id, applied_at, actor, version, counts, report)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (
            batch_id,
            datetime.now(UTC).isoformat(timespec="seconds"),
            actor,
            version + 1,
            json.dumps(report.counts),
            json.dumps(report.to_dict(), ensure_ascii=False),
        ),
    )
    return report


def _status_lookup(conn: sqlite3.Connection, entity_id: str) -> tuple[str, str | None] | None:
    row = conn.execute(
        "SELECT status, redirect_to FROM entities WHERE id = ?", (entity_id,)
    ).fetchone()
    return None if row is None else (row[0], row[1])


def _names_lookup(conn: sqlite3.Connection, entity_id: str) -> list[NameRow]:
    return [
        (text, lang, kind)
        for text, lang, kind in conn.execute(
            "SELECT n.text, n.lang, n.kind FROM names AS n JOIN entities AS e"
            " ON e.rowid = n.entity WHERE e.id = ? ORDER BY n.rowid",
            (entity_id,),
        )
    ]

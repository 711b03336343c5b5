"""The lexicon store: one SQLite file (WAL) of entities, names, keys, redirects and batches.

Readers never block: every multi-statement read runs in one read transaction, so it sees one
version. Writers take `BEGIN IMMEDIATE` with a busy timeout, so concurrent batches queue up and
all apply in some order. A store whose keys were built with other rules is re-keyed on a
writable open and refused on a read-only one; it is never served with stale keys.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO

from normalise.errors import LexiconError
from normalise.fingerprint import rules_fingerprint
from normalise.lexicon.apply import apply_batch
from normalise.lexicon.candidates import CandidatesMixin
from normalise.lexicon.connection import connect
from normalise.lexicon.memo import VersionMemo
from normalise.lexicon.model import UpdateReport
from normalise.lexicon.records import RecordsMixin
from normalise.lexicon.rekey import rekey_store
from normalise.lexicon.schema import migrate, pending
from normalise.lexicon.transaction import ReadTransaction, Snapshot
from normalise.lexicon.versioned import VersionedReadsMixin
from normalise.paths import default_cache_dir

DEFAULT_FILENAME = "default.lexicon"


class Lexicon(CandidatesMixin, VersionedReadsMixin, RecordsMixin):
    """A lexicon store. Use `Lexicon.create` or `Lexicon.open`; close it (or use `with`).

    Its reads come from mixins: `candidates.CandidatesMixin` looks a query's keys up,
    `versioned.VersionedReadsMixin` answers what its version memo keeps (judgements, display
    names, provinces) and `records.RecordsMixin` reads entities and the store's records
    (version, fingerprint, audit log, counts).

    Args:
        conn: an open connection to a migrated, current store.
        path: the file it reads.
        readonly: True when opened read-only.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
        self._conn = conn
        self.path = path
        self.readonly = readonly
        self._lock = threading.RLock()
        self._memo = VersionMemo()
        self._memo_checked = False  # the memo's version was read in the open snapshot

    # -- opening -----------------------------------------------------------------------
    @classmethod
    def default_path(cls) -> Path:
        """Return where the default lexicon is built and cached."""
        return default_cache_dir() / DEFAULT_FILENAME

    @classmethod
    def create(cls, path: str | Path) -> Lexicon:
        """Create an empty store at `path` (WAL mode, schema via migrations).

        Raises:
            LexiconError: the file already exists.
        """
        path = Path(path)
        if path.exists():
            raise LexiconError(f"{path}: already exists; use Lexicon.open")
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = connect(path)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("BEGIN IMMEDIATE")
        migrate(conn)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        conn.executemany(
            "INSERT OR REPLACE INTO meta VALUES (?, ?)",
            [("version", "0"), ("fingerprint", rules_fingerprint()), ("created", now)],
        )
        conn.execute("COMMIT")
        return cls(conn, path, readonly=False)

    @classmethod
    def open(cls, path: str | Path, readonly: bool = False, *, progress: bool = True) -> Lexicon:
        """Open a store; bring its schema up to date and re-key it when its rules are stale.

        Args:
            path: the store file.
            readonly: open with SQLite's `mode=ro` (no migrations, no re-keying).
            progress: show a progress bar on stderr while re-keying.

        Raises:
            LexiconError: no such file, not a lexicon, or stale keys on a read-only open.
        """
        path = Path(path)
        if not path.is_file():
            raise LexiconError(f"{path}: no such lexicon")
        try:
            conn = connect(path, readonly=readonly)
            if not readonly:
                conn.execute("BEGIN IMMEDIATE")
                migrate(conn)
                conn.execute("COMMIT")
            row = conn.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
            stale_schema = pending(conn)
        except sqlite3.DatabaseError as exc:
            raise LexiconError(f"{path}: not a lexicon store ({exc})") from exc
        if stale_schema:
            conn.close()
            raise LexiconError(
                f"{path}: the store's schema is older than this version of normalise"
                f" (missing {', '.join(stale_schema)}); upgrade it with"
                f" `normalise lexicon rekey {path}` (any writable open upgrades it)"
            )
        if row is None or row[0] != rules_fingerprint():
            if readonly:
                conn.close()
                raise LexiconError(
                    f"{path}: keys were built with other rules;"
                    f" run `normalise lexicon rekey {path}`"
                )
            rekey_store(conn, progress=progress)
        return cls(conn, path, readonly)

    def rekey(self, progress: bool = True) -> None:
        """Recompute every name's keys and forms with the running rules (one transaction)."""
        with self._lock:
            rekey_store(self._conn, progress=progress)

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def __enter__(self) -> Lexicon:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def snapshot(self) -> Snapshot:
        """Hold one read transaction: every read inside sees one version of the store.

        The resolver reads candidates, judgements and display names of a query inside one
        snapshot, so an answer never mixes versions and pays for one transaction, not three.
        The store's version is read once here, for the judgements and display names kept in
        memory (`VersionMemo`).
        """
        return Snapshot(self)

    def _current_memo(self, conn: sqlite3.Connection) -> VersionMemo:
        """Return the memo of the version `conn` reads (inside `_read`)."""
        return self._memo if self._memo_checked else self._memo.at(conn)

    def _read(self) -> ReadTransaction:
        """Run several reads in one read transaction (one consistent version)."""
        return ReadTransaction(self._lock, self._conn)

    # -- reading (the other reads are the mixins') -------------------------------------
    def export(self, fp: IO[str]) -> int:
        """Write the whole lexicon to `fp` as batch JSON lines; return the number of ops.

        Applying the export to a new store (`Lexicon.create`) gives an identical lexicon.
        """
        from normalise.lexicon.export import export_ops

        with self._read():
            count = 0
            for op in export_ops(self):
                fp.write(json.dumps(op, ensure_ascii=False, separators=(",", ":")) + "\n")
                count += 1
        return count

    # -- writing -----------------------------------------------------------------------
    def apply(
        self,
        ops: Iterable[object],
        *,
        dry_run: bool = False,
        batch_id: str | None = None,
        actor: str | None = None,
    ) -> UpdateReport:
        """Validate a whole batch, then apply it in one transaction.

        An upsert replaces the entity with every name of it. No batch may leave an entity
        with no name; one whose canonical name a `remove_names` takes gets its first
        remaining name as canonical, with a warning, unless the batch gives it another.

        Args:
            ops: batch ops (dicts: `upsert`, `add_names`, `remove_names`, `delete`, `merge`,
                `not_same`, as `normalise lexicon apply --help` shows them), in order.
            dry_run: compute the same report but write nothing.
            batch_id: an id making the batch idempotent; generated when None.
            actor: who sent the batch (recorded in the audit log).

        Returns:
            The `UpdateReport`; for a batch id applied before, the original report.

        Raises:
            BatchRejected: any op is invalid (every problem listed; nothing written).
            LexiconError: the store is read-only.
        """
        if self.readonly:
            raise LexiconError(f"{self.path}: opened read-only")
        with self._lock:
            return apply_batch(
                self._conn, list(ops), dry_run=dry_run, batch_id=batch_id, actor=actor
            )

"""Read transactions: the store's lock held and one read transaction begun, so several reads
see one version of the store, and the snapshot that holds one across a query's reads."""

from __future__ import annotations

import sqlite3
import threading
from types import TracebackType
from typing import Protocol

from normalise.lexicon.memo import VersionMemo


class ReadTransaction:
    """`Lexicon._read`: the store's lock held, and a read transaction begun unless one is open
    (a class, not a generator: a query enters several, and this is 3 times as fast)."""

    __slots__ = ("_began", "_conn", "_lock")

    def __init__(self, lock: threading.RLock, conn: sqlite3.Connection) -> None:
        self._lock = lock
        self._conn = conn
        self._began = False

    def __enter__(self) -> sqlite3.Connection:
        self._lock.acquire()
        try:
            if not self._conn.in_transaction:
                self._conn.execute("BEGIN")
                self._began = True
        except BaseException:
            self._lock.release()
            raise
        return self._conn

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if self._began:
                self._conn.execute("COMMIT")
        finally:
            self._lock.release()


class _Store(Protocol):
    """The store a `Snapshot` holds, as it uses it: its read transactions and its memo, with
    whether the memo's version was read in the open snapshot."""

    _memo: VersionMemo
    _memo_checked: bool

    def _read(self) -> ReadTransaction: ...


class Snapshot:
    """`Lexicon.snapshot`: one read transaction, the version checked once for the memo."""

    __slots__ = ("_outer", "_read", "_store")

    def __init__(self, store: _Store) -> None:
        self._store = store
        self._read = store._read()
        self._outer = False

    def __enter__(self) -> None:
        conn = self._read.__enter__()
        store = self._store
        if store._memo_checked:  # nested in another snapshot
            return
        try:
            store._memo.at(conn)
        except BaseException:
            self._read.__exit__(None, None, None)
            raise
        store._memo_checked = self._outer = True

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._outer:
            self._store._memo_checked = False
        self._read.__exit__(kind, exc, tb)

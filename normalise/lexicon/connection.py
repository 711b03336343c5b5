"""Opening SQLite connections to a lexicon store with the project's pragmas.

Connections are in autocommit mode: every transaction is explicit (`BEGIN` for consistent
reads, `BEGIN IMMEDIATE` for batches), and a long busy timeout makes writers queue up.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

BUSY_TIMEOUT_MS = 120_000
# Candidate queries differ by how many keys (and, without a country, which key families) a
# name has: a few hundred shapes, each prepared once per connection.
STATEMENT_CACHE = 1024


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open a connection in autocommit mode (transactions are explicit) with our pragmas."""
    if readonly:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro",
            uri=True,
            isolation_level=None,
            check_same_thread=False,
            cached_statements=STATEMENT_CACHE,
        )
    else:
        conn = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False, cached_statements=STATEMENT_CACHE
        )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA cache_size = -65536")
    conn.execute("PRAGMA mmap_size = 536870912")  # readers share the OS page cache
    if not readonly:
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn

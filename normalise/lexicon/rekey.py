"""Re-keying: recompute every stored name's forms and keys with the running rules.

A store records the rules fingerprint its keys were built with. When the rule tables or the key
code change, the keys are stale; `rekey_store` rebuilds them all in one transaction (readers
keep the old keys until it commits) and stamps the new fingerprint.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from normalise.fingerprint import rules_fingerprint
from normalise.lexicon.keyindex import KeyRow, entity_key_rows
from normalise.lexicon.schema import KEYS_COLUMNS, KEYS_ORDER
from normalise.match import key_rank
from normalise.progress import progress_bar

_CHUNK = 20_000


def _entities(
    conn: sqlite3.Connection,
) -> Iterator[tuple[int, str | None, int, list[tuple[int, str, str | None]]]]:
    """Yield `(entity rowid, country, key_rank, names)` for every entity with names."""
    cursor = conn.execute(
        "SELECT n.entity, e.country, e.kind, e.population, n.rowid, n.text, n.lang"
        " FROM names AS n JOIN entities AS e ON e.rowid = n.entity ORDER BY n.entity, n.rowid"
    )
    current: int | None = None
    country: str | None = None
    rank = 0
    names: list[tuple[int, str, str | None]] = []
    for entity, entity_country, kind, population, name_id, text, lang in cursor:
        if entity != current:
            if current is not None:
                yield current, country, rank, names
            current, country, names = entity, entity_country, []
            rank = key_rank(kind, population)
        names.append((name_id, text, lang))
    if current is not None:
        yield current, country, rank, names


def rekey_store(conn: sqlite3.Connection, *, progress: bool = True) -> int:
    """Rebuild all keys and stored name forms in one write transaction.

    Args:
        conn: an autocommit connection to a writable store.
        progress: show a tqdm progress bar on stderr.

    Returns:
        The number of names re-keyed.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        total = conn.execute("SELECT count(*) FROM names").fetchone()[0]
        conn.execute("DELETE FROM keys")
        conn.execute(
            "CREATE TEMP TABLE keys_staged"
            " (key TEXT, country TEXT, entity INTEGER, name INTEGER, population INTEGER)"
        )
        bar = progress_bar(desc="re-keying lexicon", unit="name", total=total, enabled=progress)
        entities = list(_entities(conn))
        forms_buf: list[tuple[str, str, str, str, int]] = []
        keys_buf: list[KeyRow] = []
        for entity, country, rank, names in entities:
            forms, rows = entity_key_rows(entity, country, rank, names)
            forms_buf.extend((*f, name_id) for name_id, f in forms)
            keys_buf.extend(rows)
            bar.update(len(names))
            if len(forms_buf) >= _CHUNK:
                _flush(conn, forms_buf, keys_buf)
        _flush(conn, forms_buf, keys_buf)
        bar.close()
        conn.execute(f"INSERT INTO keys {KEYS_COLUMNS} SELECT * FROM keys_staged {KEYS_ORDER}")
        conn.execute("DROP TABLE temp.keys_staged")
        conn.execute(
            "INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (rules_fingerprint(),)
        )
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return int(total)


def _flush(
    conn: sqlite3.Connection,
    forms: list[tuple[str, str, str, str, int]],
    keys: list[KeyRow],
) -> None:
    conn.executemany(
        "UPDATE names SET folded = ?, skeleton = ?, phonetic = ?, tokens = ? WHERE rowid = ?",
        forms,
    )
    conn.executemany("INSERT INTO temp.keys_staged VALUES (?, ?, ?, ?, ?)", keys)
    forms.clear()
    keys.clear()

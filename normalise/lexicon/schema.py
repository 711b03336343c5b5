"""The SQLite schema of a lexicon store, as recorded migrations.

Each migration runs once, in order, inside the caller's transaction, and is recorded in the
`migrations` table; opening an older store brings it up to date. Secondary indexes are listed
apart (`INDEXES`) so that a bulk build can load rows first and index them once at the end.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

SCHEMA_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entities (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    country TEXT,
    admin1 TEXT,
    parent TEXT,
    population INTEGER,
    lat REAL,
    lon REAL,
    external_ids TEXT,
    sources TEXT,
    status TEXT NOT NULL DEFAULT 'active',
    redirect_to TEXT
);
CREATE TABLE names (
    rowid INTEGER PRIMARY KEY,
    entity INTEGER NOT NULL,
    text TEXT NOT NULL,
    lang TEXT,
    script TEXT,
    kind TEXT NOT NULL,
    source TEXT,
    folded TEXT NOT NULL,
    skeleton TEXT NOT NULL,
    phonetic TEXT NOT NULL,
    tokens TEXT NOT NULL
);
CREATE TABLE keys (key TEXT NOT NULL, entity INTEGER NOT NULL, name INTEGER NOT NULL);
CREATE TABLE not_same (
    folded TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (folded, entity_id)
) WITHOUT ROWID;
CREATE TABLE batches (
    seq INTEGER PRIMARY KEY,
    batch_id TEXT NOT NULL UNIQUE,
    applied_at TEXT NOT NULL,
    actor TEXT,
    version INTEGER NOT NULL,
    counts TEXT NOT NULL,
    report TEXT NOT NULL
);
"""

# (name, SQL): dropped before a bulk load and created again after it.
INDEXES = (
    ("names_entity", "CREATE INDEX names_entity ON names (entity)"),
    ("entities_redirect", "CREATE INDEX entities_redirect ON entities (redirect_to)"),
)
# 0004: a query without a country reads each key's most populous entities first, and only
# so many of them (a skeleton such as `s:KRK` has hundreds of places across the world).
KEYS_POPULATION_INDEX = (
    "keys_population",
    "CREATE INDEX keys_population ON keys (key, population DESC, name)",
)

# 0002: key rows live in a WITHOUT ROWID table clustered on (key, entity): half the size of a
# rowid table plus an index, and a bulk load sorted by key appends instead of indexing.
KEYS_TABLE = """
CREATE TABLE {name} (
    key TEXT NOT NULL,
    entity INTEGER NOT NULL,
    name INTEGER NOT NULL,
    PRIMARY KEY (key, entity)
) WITHOUT ROWID
"""
# 0003: the entity's country ('' for none) joins the clustering key, so a query with a country
# hint reads only that country's rows of a key: a token key such as `t:SN` holds 12,000 rows
# across the world and a few dozen in one country (15x faster lookups on the default lexicon).
KEYS_BY_COUNTRY_TABLE = """
CREATE TABLE {name} (
    key TEXT NOT NULL,
    country TEXT NOT NULL,
    entity INTEGER NOT NULL,
    name INTEGER NOT NULL,
    PRIMARY KEY (key, country, entity)
) WITHOUT ROWID
"""
KEYS_POPULATION_TABLE = """
CREATE TABLE {name} (
    key TEXT NOT NULL,
    country TEXT NOT NULL,
    entity INTEGER NOT NULL,
    name INTEGER NOT NULL,
    population INTEGER NOT NULL,
    PRIMARY KEY (key, country, entity)
) WITHOUT ROWID
"""
# 0005: within a key and country, rows are clustered by population, so a query with a country
# hint reads a key's most populous rows of that country directly (a common token such as
# `t:ZHN` holds 7,700 rows in CN; a query reads only the first few dozen).
# Columns in clustering-key order (SQLite 3.40's integrity_check misreads a WITHOUT ROWID
# table whose primary key is not its leading columns).
KEYS_COUNTRY_POPULATION_TABLE = """
CREATE TABLE {name} (
    key TEXT NOT NULL,
    country TEXT NOT NULL,
    population INTEGER NOT NULL,
    entity INTEGER NOT NULL,
    name INTEGER NOT NULL,
    PRIMARY KEY (key, country, population, entity)
) WITHOUT ROWID
"""
# Key rows are written as (key, country, entity, name, population), the order of
# `keyindex.KeyRow`, and a bulk load inserts them in clustering-key order (appends only).
KEYS_COLUMNS = "(key, country, entity, name, population)"
KEYS_ORDER = "ORDER BY 1, 2, 5, 3"
MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "0001_initial",
        SCHEMA_TABLES
        + "CREATE UNIQUE INDEX keys_key_entity ON keys (key, entity);"
        + ";\n".join(sql for _, sql in INDEXES)
        + ";",
    ),
    (
        "0002_keys_without_rowid",
        KEYS_TABLE.format(name="keys_clustered")
        + ";INSERT INTO keys_clustered SELECT key, entity, name FROM keys ORDER BY key, entity"
        + ";DROP TABLE keys;ALTER TABLE keys_clustered RENAME TO keys;",
    ),
    (
        "0003_keys_by_country",
        KEYS_BY_COUNTRY_TABLE.format(name="keys_by_country")
        + ";INSERT INTO keys_by_country SELECT k.key, ifnull(e.country, ''), k.entity, k.name"
        + " FROM keys AS k JOIN entities AS e ON e.rowid = k.entity ORDER BY 1, 2, 3"
        + ";DROP TABLE keys;ALTER TABLE keys_by_country RENAME TO keys;",
    ),
    (
        "0004_keys_population",
        KEYS_POPULATION_TABLE.format(name="keys_population_table")
        + ";INSERT INTO keys_population_table SELECT k.key, k.country, k.entity, k.name,"
        + " ifnull(e.population, 0) FROM keys AS k JOIN entities AS e ON e.rowid = k.entity"
        + " ORDER BY 1, 2, 3"
        + ";DROP TABLE keys;ALTER TABLE keys_population_table RENAME TO keys;"
        + KEYS_POPULATION_INDEX[1]
        + ";",
    ),
    (
        "0005_keys_by_country_population",
        KEYS_COUNTRY_POPULATION_TABLE.format(name="keys_country_population")
        + ";INSERT INTO keys_country_population SELECT key, country, population, entity, name"
        + " FROM keys ORDER BY 1, 2, 3, 4"
        + ";DROP TABLE keys;ALTER TABLE keys_country_population RENAME TO keys;"
        + KEYS_POPULATION_INDEX[1]
        + ";",
    ),
)


def pending(conn: sqlite3.Connection) -> list[str]:
    """Return the names of the migrations a store has not recorded yet (read-only safe)."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    done = (
        {row[0] for row in conn.execute("SELECT name FROM migrations")}
        if "migrations" in tables
        else set()
    )
    return [name for name, _ in MIGRATIONS if name not in done]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply every migration the store has not recorded yet.

    Args:
        conn: a connection inside a write transaction (the caller commits).

    Returns:
        The names of the migrations applied now.
    """
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in conn.execute("SELECT name FROM migrations")}
    applied: list[str] = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        for statement in sql.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.execute(
            "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
            (name, datetime.now(UTC).isoformat(timespec="seconds")),
        )
        applied.append(name)
    return applied


def drop_indexes(conn: sqlite3.Connection) -> None:
    """Drop the secondary indexes (before a bulk load)."""
    for name, _ in (*INDEXES, KEYS_POPULATION_INDEX):
        conn.execute(f"DROP INDEX IF EXISTS {name}")


def create_indexes(conn: sqlite3.Connection) -> None:
    """Create the secondary indexes again (after a bulk load)."""
    for _, sql in (*INDEXES, KEYS_POPULATION_INDEX):
        conn.execute(sql.replace("INDEX", "INDEX IF NOT EXISTS", 1))

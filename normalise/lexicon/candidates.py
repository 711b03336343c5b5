"""Candidate lookup: the rows a query's keys find in a store, each key read up to its
family's row cap, and the names of found entities read by skeleton or by a generic head."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from normalise.lexicon.memo import ACTOR_FAMILIES, VersionMemo
from normalise.lexicon.model import CandidateRow
from normalise.lexicon.transaction import ReadTransaction
from normalise.match import ACTOR_KINDS, merge_rows

# One row per name, under its strongest key (exact, folded, skeleton, near-skeleton, token):
# the bare `key` beside min() comes from the row holding the minimum (SQLite). The names are
# ordered and cut with their entities' columns only, and joined to their own row after the
# cut: a sorter of narrow rows, and no name row read for a name past the limit.
_CANDIDATES = """
SELECT k.id, k.kind, k.country, k.admin1, k.population, n.text, n.lang, n.kind, n.folded,
       n.skeleton, n.phonetic, n.tokens, k.key
FROM (
    SELECT e.id, e.kind, e.country, e.admin1, e.population, k.key, k.name
    FROM (
        SELECT key, entity, name, min(CASE substr(key, 1, 1) WHEN 'x' THEN 0 WHEN 'f' THEN 1
                                      WHEN 's' THEN 2 WHEN 'd' THEN 3 ELSE 4 END) AS strength
        FROM {source} GROUP BY name
    ) AS k
    JOIN entities AS e ON e.rowid = k.entity
    WHERE e.status = 'active'
    ORDER BY k.strength, e.population DESC
    LIMIT ?
) AS k
JOIN names AS n ON n.rowid = k.name
"""
# A `CandidateRow` but its key, read from entities `e` and their names `n`.
_ROW_COLUMNS = (
    "e.id, e.kind, e.country, e.admin1, e.population, n.text, n.lang, n.kind, n.folded,"
    " n.skeleton, n.phonetic, n.tokens"
)
# Without a country, each key gives at most this many rows, most populous first: an exact or
# folded key names few places, but a skeleton, near-skeleton or token key can hold hundreds
# across the world (`s:KRK`, `t:SN`), and reading them all costs tens of milliseconds.
WORLD_ROWS_PER_KEY = {"x": 256, "f": 256, "s": 16, "d": 4, "t": 4}
# With a country hint a key reads at most this many of the country's most populous rows: a
# common token (`t:ZHN`, zhen, has 7,700 rows in CN) or a short near-skeleton would otherwise
# bring thousands of rows to score, nearly all of them far from the query.
COUNTRY_ROWS_PER_KEY = {"x": 256, "f": 256, "s": 64, "d": 16, "t": 16}
# Within a country, the entities of no country are read by these key families only (a name
# spelled as the query, or with its skeleton): by their near keys too, a few dozen of them came
# to every lookup as far candidates, and made right answers unsure (Tigris for الضلع, Yemen).
COUNTRYLESS_FAMILIES = frozenset("xfs")
MAX_KEYS_PER_QUERY = 256  # SQLite caps the terms of a compound SELECT
HEADED_ROWS = 64  # names of one first-level division a bare generic head reads at most
_WORLD_KEY = (
    "SELECT * FROM (SELECT key, entity, name FROM keys WHERE key = ?"
    " ORDER BY population DESC LIMIT {rows})"
)
_COUNTRY_KEY = (
    "SELECT * FROM (SELECT key, entity, name FROM keys WHERE key = ? AND country = ?"
    " ORDER BY population DESC LIMIT {rows})"
)
# Within a group of countries (`CandidatesMixin.candidates_within`): each key's most populous
# rows among those countries' entities, as many as the world's rows per key.
_WITHIN_KEY = (
    "SELECT * FROM (SELECT key, entity, name FROM keys WHERE key = ? AND country IN ({within})"
    " ORDER BY population DESC LIMIT {rows})"
)
# Of one kind only: organisations and people have no population, so populous places of the
# same key would fill a key's rows first.
_KIND_KEY = (
    "SELECT * FROM (SELECT k.key, k.entity, k.name FROM keys AS k"
    " JOIN entities AS e ON e.rowid = k.entity WHERE k.key = ? AND e.kind = ?{country}"
    " ORDER BY k.population DESC LIMIT {rows})"
)


def _rows_per_key(family: str, in_country: bool) -> int:
    """Return how many entities one key of this family contributes to a lookup."""
    return (COUNTRY_ROWS_PER_KEY if in_country else WORLD_ROWS_PER_KEY).get(family, 8)


@functools.lru_cache(maxsize=4096)
def _candidates_sql(families: str, country: bool, kind: bool) -> str:
    """Return the candidate query for keys of these families in order (`xfssd`), within a
    country or not, of one kind or not: a few hundred texts, each built and prepared once."""
    if kind:
        where = " AND k.country = ?" if country else ""
        terms = [_KIND_KEY.format(country=where, rows=_rows_per_key(f, country)) for f in families]
    else:
        term = _COUNTRY_KEY if country else _WORLD_KEY
        terms = [term.format(rows=_rows_per_key(f, country)) for f in families]
    return _CANDIDATES.format(source=f"({' UNION ALL '.join(terms)})")


def _shared_keys(
    keys: list[str], held: frozenset[str] | None, families: frozenset[str]
) -> list[str]:
    """Return the keys of `families` among `keys` that a memo's set holds (`countryless_keys`,
    `actor_keys`), or every key of `families` when the memo holds too many to keep (None)."""
    if held is not None and held.isdisjoint(keys):
        return []  # the usual case, told in one pass
    return [k for k in keys if k[:1] in families and (held is None or k in held)]


# Builds a `CandidateRow` from a fetched tuple in C (NamedTuple's own constructor is Python).
_candidate_row = functools.partial(tuple.__new__, CandidateRow)


class _Host(Protocol):
    """The store a `CandidatesMixin` is part of, as the mixin's methods use it: its read
    transactions and the memo of the version they read, and the mixin's own methods."""

    def _read(self) -> ReadTransaction: ...

    def _current_memo(self, conn: sqlite3.Connection) -> VersionMemo: ...

    def candidates(
        self,
        keys: Sequence[str],
        *,
        country: str | None = None,
        kind: str | None = None,
        limit: int = 2000,
    ) -> list[CandidateRow]: ...

    def candidates_within(
        self, keys: Sequence[str], countries: Sequence[str], *, limit: int = 2000
    ) -> list[CandidateRow]: ...

    def _named_abroad(
        self,
        conn: sqlite3.Connection,
        keys: list[str],
        country: str,
        kind: str | None,
        rows: list[CandidateRow],
    ) -> list[CandidateRow]: ...


def _in_parts(
    keys: list[str], limit: int, lookup: Callable[[list[str]], list[CandidateRow]]
) -> list[CandidateRow]:
    """Look `keys` up `MAX_KEYS_PER_QUERY` at a time (SQLite caps a compound SELECT's terms)
    and merge the parts' rows, each name once with its strongest key, cut at `limit`."""
    parts = (
        lookup(keys[at : at + MAX_KEYS_PER_QUERY]) for at in range(0, len(keys), MAX_KEYS_PER_QUERY)
    )
    return merge_rows(*parts)[:limit]


def _names_of_sql(entities: int) -> str:
    """Return the statement of the names of `entities` active entities (their IDs its
    parameters), each a `CandidateRow` keyed by its skeleton."""
    return (
        f"SELECT {_ROW_COLUMNS}, 's:' || n.skeleton"
        " FROM entities AS e JOIN names AS n ON n.entity = e.rowid"
        f" WHERE e.id IN ({','.join('?' * entities)}) AND e.status = 'active'"
    )


class CandidatesMixin:
    """The candidate lookups of a `Lexicon`: the names its keys index, read for a query."""

    def candidates(
        self: _Host,
        keys: Sequence[str],
        *,
        country: str | None = None,
        kind: str | None = None,
        limit: int = 2000,
    ) -> list[CandidateRow]:
        """Return one row per name of active entities having any of `keys`, with its strongest
        matched key.

        One indexed query. Each key contributes only its most populous entities, so many per
        key family (`COUNTRY_ROWS_PER_KEY` within `country`, `WORLD_ROWS_PER_KEY` without).
        Rows come best key first (`x:` exact, `f:`, `s:`, `d:`, `t:`), then by population, cut
        at `limit`. Within a country, the entities of no country (the UN, Kurdistan, the
        Euphrates) are read too by their exact, folded and skeleton keys: they contradict no
        country (`countryless_keys`, `COUNTRYLESS_FAMILIES`); so are the organisations and
        people of other countries by their exact and folded keys: a report on a country names
        the actors of others (`actor_keys`, `ACTOR_FAMILIES`: the PKK in Iraq).

        Args:
            keys: prefixed keys (`x:kafr zita`, `s:KFRZT`, `d:KFZT`...).
            country: keep only entities of this ISO alpha-2 country, and of none ("" for
                those alone).
            kind: keep only entities of this kind.
            limit: the most rows returned.
        """
        unique = list(dict.fromkeys(keys))
        if not unique:
            return []
        if len(unique) > MAX_KEYS_PER_QUERY:
            return _in_parts(
                unique,
                limit,
                lambda part: self.candidates(part, country=country, kind=kind, limit=limit),
            )
        params: list[Any]
        if kind is not None:
            params = [v for key in unique for v in (key, kind, country) if v is not None]
        elif country is None:
            params = [*unique]
        else:
            params = [v for key in unique for v in (key, country)]
        params.append(limit)
        families = "".join([key[:1] for key in unique])
        sql = _candidates_sql(families, country is not None, kind is not None)
        with self._read() as conn:
            rows = list(map(_candidate_row, conn.execute(sql, params)))
            if country:  # an entity of no country is in every country's lookup
                countryless = self._current_memo(conn).countryless_keys(conn)
                shared = _shared_keys(unique, countryless, COUNTRYLESS_FAMILIES)
                if shared:
                    rows = merge_rows(rows, self.candidates(shared, country="", kind=kind))
                    rows = rows[:limit]
                rows = self._named_abroad(conn, unique, country, kind, rows)[:limit]
            return rows

    def candidates_within(
        self: _Host, keys: Sequence[str], countries: Sequence[str], *, limit: int = 2000
    ) -> list[CandidateRow]:
        """Return one row per name of active entities of `countries` having any of `keys`,
        with its strongest matched key: each key's most populous rows among those countries
        (`WORLD_ROWS_PER_KEY` of them). A world lookup reads a common skeleton's most populous
        places across the world (`s:BR`: Aleppo's `Berea`, Brazil), and a village of the
        countries a query's writing points to (al-Bireh) is never among them."""
        unique = list(dict.fromkeys(keys))
        within = list(dict.fromkeys(countries))
        if not unique or not within:
            return []
        if len(unique) > MAX_KEYS_PER_QUERY:
            return _in_parts(
                unique, limit, lambda part: self.candidates_within(part, within, limit=limit)
            )
        places = ",".join("?" * len(within))
        terms = [
            _WITHIN_KEY.format(within=places, rows=_rows_per_key(key[:1], False)) for key in unique
        ]
        sql = _CANDIDATES.format(source=f"({' UNION ALL '.join(terms)})")
        params: list[Any] = [v for key in unique for v in (key, *within)]
        params.append(limit)
        with self._read() as conn:
            return list(map(_candidate_row, conn.execute(sql, params)))

    def _named_abroad(
        self: _Host,
        conn: sqlite3.Connection,
        keys: list[str],
        country: str,
        kind: str | None,
        rows: list[CandidateRow],
    ) -> list[CandidateRow]:
        """Return `rows` with what a report on `country` names of other countries that `keys`
        spell, in one lookup: their organisations and people by their exact or folded keys
        (`actor_keys`: the PKK in Iraq), and the countries themselves by the exact keys of
        their names in the reports' languages (`country_keys`: Lebanon, لبنان, which the
        village Banān read with a proclitic answered; the US, Turkish `ABD`, which the village
        Aabad, اعبد, answered)."""
        memo = self._current_memo(conn)
        actors = (
            _shared_keys(keys, memo.actor_keys(conn), ACTOR_FAMILIES)
            if kind is None or kind in ACTOR_KINDS
            else []
        )
        countries = (
            frozenset(_shared_keys(keys, memo.country_keys(conn), ACTOR_FAMILIES))
            if kind in (None, "country")
            else frozenset()
        )
        spelled = list(dict.fromkeys([*actors, *countries]))
        if not spelled:
            return rows
        abroad = [
            row
            for row in self.candidates(spelled, kind=kind)
            if row.country not in (None, "", country)
            and (row.kind in ACTOR_KINDS or (row.kind == "country" and row.key in countries))
        ]
        return merge_rows(rows, abroad) if abroad else rows

    def names_by_skeleton(
        self: _Host,
        entity_ids: Sequence[str],
        skeletons: Sequence[str],
        *,
        arabic: bool | None = None,
    ) -> list[CandidateRow]:
        """Return the names of these active entities whose skeleton is among `skeletons`
        (only Arabic-script names with `arabic=True`, only others with `arabic=False`).

        A key row points at one name of its entity (the first to produce the key), so the
        other names sharing that skeleton (an Arabic-script name beside the Latin canonical
        one, a machine transliteration beside a vowelled one) are read here, for the scorer
        to compare with the query. Each row carries its skeleton as an `s:` key.
        """
        ids = list(dict.fromkeys(entity_ids))
        wanted = list(dict.fromkeys(s for s in skeletons if s))
        if not ids or not wanted:
            return []
        sql = _names_of_sql(len(ids)) + f" AND n.skeleton IN ({','.join('?' * len(wanted))})"
        if arabic is not None:
            sql += f" AND {'' if arabic else 'NOT '}coalesce(n.script LIKE '%Arabic%', 0)"
        with self._read() as conn:
            return list(map(_candidate_row, conn.execute(sql, [*ids, *wanted])))

    def names_of(self: _Host, entity_ids: Sequence[str]) -> list[CandidateRow]:
        """Return every name of these active entities, each row with its skeleton as an `s:`
        key: what a place is called in each language, to find what is named after it."""
        ids = list(dict.fromkeys(entity_ids))
        if not ids:
            return []
        with self._read() as conn:
            return list(map(_candidate_row, conn.execute(_names_of_sql(len(ids)), ids)))

    def names_headed(
        self: _Host, heads: Sequence[str], *, country: str, admin1: str, limit: int = HEADED_ROWS
    ) -> list[CandidateRow]:
        """Return the names of active entities of `country` and `admin1` whose folded name
        begins with one of `heads` as a whole word (`bab` -> `Bab al-Taqa`), most populous
        first, at most `limit`. Each spelling is read as a range of folded keys (`f:bab ` up
        to `f:bab!`), so only names that begin with it are read."""
        wanted = list(dict.fromkeys(h for h in heads if h))
        if not wanted:
            return []
        term = (
            f"SELECT {_ROW_COLUMNS}, k.key FROM keys AS k"
            " JOIN entities AS e ON e.rowid = k.entity JOIN names AS n ON n.rowid = k.name"
            " WHERE k.key >= ? AND k.key < ? AND k.country = ? AND e.admin1 = ?"
            " AND e.status = 'active'"
        )
        sql = " UNION ALL ".join([term] * len(wanted)) + " ORDER BY 5 DESC LIMIT ?"
        params: list[Any] = []
        for head in wanted:
            params += [f"f:{head} ", f"f:{head}!", country, admin1]  # "!" sorts after " "
        params.append(limit)
        with self._read() as conn:
            return list(map(_candidate_row, conn.execute(sql, params)))

"""What a resolver reads of a store on every query and what changes only with its version.

Each query asks the store for the judgements on its name (`not_same`) and the display names of
its candidates, a query about a town's countryside for the province of a division
(`province`) and the population of its largest place (`largest_population`), a lookup within a
country for the keys of the entities of no country (`countryless_keys`) and for the spelled
keys of the organisations and people of every country (`actor_keys`), and a query with an
admin1 hint for what that names (`divisions`). They change only when a batch is applied,
and every applied batch bumps the store's version (`meta.version`), whichever process applied
it. So a reader keeps them here and reads the version once per snapshot: the judgements whole
(a few per thousand entities; a store with more than `JUDGEMENTS` of them is asked per query
instead), and the display names of the entities it has met (at most `DISPLAY_NAMES`; the memo
is emptied when full).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Hashable, Sequence

from normalise.keys import exact_key
from normalise.lexicon.keyindex import index_keys, key_lang, name_keys
from normalise.match import REPORT_LANGS

DISPLAY_NAMES = 2**16  # entities whose display names are remembered (about 10 MB)
DIVISION_HINTS = 2**12  # the admin1 hints whose divisions are remembered
JUDGEMENTS = 2**17  # the most not-same judgements held in memory (about 30 MB)
COUNTRYLESS_NAMES = 2**14  # the most names of entities of no country whose keys are held
ACTOR_NAMES = 2**14  # the most names of organisations and people whose spelled keys are held
ACTOR_FAMILIES = frozenset("xf")  # an actor abroad is read by the name spelled as the query
COUNTRY_NAMES = 2**14  # the most names of countries whose exact keys are held
PERSON_NAMES = 2**14  # the most names of people whose last words are held as surnames
MIN_SURNAME = 4  # letters of the shortest last word held as a surname (not `Ali`)


class VersionMemo:
    """The judgements and display names of one version of a store."""

    def __init__(self) -> None:
        self.version: str | None = None
        self._judged: dict[str, frozenset[str]] | None = None  # None: not read yet
        self._judged_per_query = False  # more than `JUDGEMENTS`: asked per query
        self._displays: dict[str, str | None] = {}
        self._provinces: dict[tuple[str, str], str] | None = None  # None: not read yet
        self._largest: dict[tuple[str, str], int] | None = None  # None: not read yet
        self._countryless: frozenset[str] | None = None  # None: too many to hold
        self._countryless_read = False
        self._actors: frozenset[str] | None = None  # None: too many to hold
        self._actors_read = False
        self._countries: frozenset[str] | None = None  # None: not read yet
        self._divisions: dict[Hashable, object] = {}
        self._country_words: dict[tuple[str, str], tuple[str, ...]] = {}
        self._surnames: frozenset[str] | None = None  # None: not read yet

    def at(self, conn: sqlite3.Connection) -> VersionMemo:
        """Forget everything when the store's version moved since the last call (`conn` is in
        a read transaction, so the version read is the one its next reads see)."""
        version = str(conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()[0])
        if version != self.version:
            self.version, self._judged, self._judged_per_query = version, None, False
            self._displays.clear()
            self._provinces = None
            self._largest = None
            self._countryless, self._countryless_read = None, False
            self._actors, self._actors_read = None, False
            self._countries = None
            self._divisions.clear()
            self._country_words.clear()
            self._surnames = None
        return self

    def not_same(self, conn: sqlite3.Connection, folded: str) -> frozenset[str]:
        """Return the ids judged not the same as the name with this folded key."""
        if self._judged is None and not self._judged_per_query:
            rows = conn.execute(
                "SELECT folded, entity_id FROM not_same LIMIT ?", (JUDGEMENTS + 1,)
            ).fetchall()
            self._judged_per_query = len(rows) > JUDGEMENTS
            if not self._judged_per_query:
                judged: dict[str, set[str]] = {}
                for key, entity_id in rows:
                    judged.setdefault(key, set()).add(entity_id)
                self._judged = {key: frozenset(ids) for key, ids in judged.items()}
        if self._judged is None:
            found = conn.execute("SELECT entity_id FROM not_same WHERE folded = ?", (folded,))
            return frozenset(r[0] for r in found)
        return self._judged.get(folded, frozenset())

    def province(self, conn: sqlite3.Connection, country: str, admin1: str) -> str | None:
        """Return the ID of the province (an active region whose parent is its country) of
        this country and GeoNames admin1 code, or None. A few hundred, read whole."""
        if self._provinces is None:
            rows = conn.execute(
                "SELECT country, admin1, id FROM entities WHERE kind = 'region'"
                " AND status = 'active' AND admin1 IS NOT NULL AND parent = 'iso3166:' || country"
            )
            self._provinces = {(c, a): entity_id for c, a, entity_id in rows}
        return self._provinces.get((country, admin1))

    def largest_population(self, conn: sqlite3.Connection, country: str, admin1: str) -> int:
        """Return the population of the most populous active place of this country and
        GeoNames admin1 code (0 for none). Every division's, read in one pass (a few
        thousand; about 0.1 s on the default lexicon)."""
        if self._largest is None:
            rows = conn.execute(
                "SELECT country, admin1, max(population) FROM entities WHERE kind = 'place'"
                " AND status = 'active' AND admin1 IS NOT NULL AND population IS NOT NULL"
                " GROUP BY country, admin1"
            )
            self._largest = {(c, a): int(population) for c, a, population in rows}
        return self._largest.get((country, admin1), 0)

    def countryless_keys(self, conn: sqlite3.Connection) -> frozenset[str] | None:
        """Return the index keys of the active entities of no country (the UN, Kurdistan, the
        Euphrates, the Sinjar Mountains: a few dozen in the default lexicon), which a lookup
        within a country reads too; None when their names are more than `COUNTRYLESS_NAMES`
        (a lexicon of organisations without countries): the lookup then asks the store for
        every key. Built from their names by the index's own key functions
        (`keyindex.name_keys`, `index_keys`), as the keys table has no index by entity
        (about 30 ms on the default lexicon)."""
        if not self._countryless_read:
            where = "(e.country IS NULL OR e.country = '')"
            self._countryless = _held_keys(conn, where, COUNTRYLESS_NAMES)
            self._countryless_read = True
        return self._countryless

    def actor_keys(self, conn: sqlite3.Connection) -> frozenset[str] | None:
        """Return the exact and folded keys (`ACTOR_FAMILIES`) of the active organisations and
        people of a country (some hundreds in the default lexicon), which a lookup within
        another country reads too: a report on Iraq names the PKK, one on Syria Hezbollah and
        Erdoğan. None when their names are more than `ACTOR_NAMES`: the lookup then asks the
        store for every such key. Built as `countryless_keys` is."""
        if not self._actors_read:
            where = "e.kind IN ('organisation', 'person') AND e.country <> ''"
            self._actors = _held_keys(conn, where, ACTOR_NAMES, ACTOR_FAMILIES)
            self._actors_read = True
        return self._actors

    def country_keys(self, conn: sqlite3.Connection) -> frozenset[str]:
        """Return the exact keys of the names of the active countries in the languages of
        the reports (`REPORT_LANGS`; not their demonyms), which a lookup within another
        country reads too: a report on Syria names Russia, the US (Turkish `ABD`) and
        Lebanon (لبنان). Only the exact key (`keys.exact_key`, no romanisation), a few
        milliseconds to build. Empty when there are more than `COUNTRY_NAMES` (the lookup
        then reads no country abroad)."""
        if self._countries is None:
            names = conn.execute(
                "SELECT n.text, n.lang, e.country FROM entities AS e JOIN names AS n"
                " ON n.entity = e.rowid WHERE e.kind = 'country' AND e.status = 'active'"
                f" AND n.lang IN ({', '.join('?' * len(REPORT_LANGS))})"
                " AND n.kind <> 'demonym' LIMIT ?",
                (*REPORT_LANGS, COUNTRY_NAMES + 1),
            ).fetchall()
            if len(names) > COUNTRY_NAMES:
                names = []
            self._countries = frozenset(
                "x:" + exact_key(text, key_lang(lang, country or None, text))
                for text, lang, country in names
            )
        return self._countries

    def divisions(self) -> dict[Hashable, object]:
        """Return the admin1 hints the resolver has read in this version and what it read
        them as (at most `DIVISION_HINTS`; emptied when full): a batch passes one province's
        name with many names, and reading it is a resolve of its own."""
        if len(self._divisions) >= DIVISION_HINTS:
            self._divisions.clear()
        return self._divisions

    def country_words(self, conn: sqlite3.Connection, country: str, lang: str) -> tuple[str, ...]:
        """Return the one-word names of a country's `iso3166:` entity in a language, its
        demonyms too (`Syria`, `Syrian`; `Suriye`, `Suriyeli`), but abbreviations. A few per
        country and language, read once a version: the resolver asks on every query that
        finds nothing near (`Resolver._score_country_named`)."""
        found = self._country_words.get((country, lang))
        if found is None:
            rows = conn.execute(
                "SELECT n.text FROM entities AS e JOIN names AS n ON n.entity = e.rowid"
                " WHERE e.id = ? AND e.status = 'active' AND n.lang = ?"
                " AND n.kind <> 'abbreviation' ORDER BY n.rowid",
                (f"iso3166:{country}", lang),
            )
            found = tuple(dict.fromkeys(text for (text,) in rows if " " not in text))
            self._country_words[(country, lang)] = found
        return found

    def surnames(self, conn: sqlite3.Connection) -> frozenset[str]:
        """Return the last words of the Latin names of the active people, folded (`barzani`
        of Masoud Barzani, `esad` of Beşşar Esad), at least `MIN_SURNAME` letters: a report
        names a man by it alone, and a village spelled alike by its skeleton (Barzan) is not
        surely what it means. Empty when their names are more than `PERSON_NAMES`."""
        if self._surnames is None:
            rows = conn.execute(
                "SELECT n.folded FROM entities AS e JOIN names AS n ON n.entity = e.rowid"
                " WHERE e.kind = 'person' AND e.status = 'active' LIMIT ?",
                (PERSON_NAMES + 1,),
            ).fetchall()
            if len(rows) > PERSON_NAMES:
                rows = []
            self._surnames = frozenset(
                last
                for (folded,) in rows
                if " " in folded
                and (last := folded.rsplit(" ", 1)[1]).isascii()
                and last.isalpha()
                and len(last) >= MIN_SURNAME
            )
        return self._surnames

    def display_names(
        self, entity_ids: Sequence[str], read: Callable[[list[str]], dict[str, str]]
    ) -> dict[str, str]:
        """Return the display name of each active entity among `entity_ids`; `read` reads
        those not yet remembered from the store (an inactive entity has none)."""
        missing = [entity_id for entity_id in entity_ids if entity_id not in self._displays]
        if len(self._displays) + len(missing) > DISPLAY_NAMES:
            self._displays.clear()  # and every entity is read again, those remembered too
            missing = list(entity_ids)
        if missing:
            found = read(missing)
            for entity_id in missing:
                self._displays[entity_id] = found.get(entity_id)
        out = {}
        for entity_id in entity_ids:
            name = self._displays.get(entity_id)
            if name is not None:
                out[entity_id] = name
        return out


def _held_keys(
    conn: sqlite3.Connection, where: str, most: int, families: frozenset[str] | None = None
) -> frozenset[str] | None:
    """Return the index keys (of `families`, or all) of the names of the active entities
    `where` selects (SQL over `entities AS e`), built by the index's own key functions; None
    when they have more than `most` names."""
    names = conn.execute(
        "SELECT n.text, n.lang, e.country FROM entities AS e JOIN names AS n"
        f" ON n.entity = e.rowid WHERE {where} AND e.status = 'active' LIMIT ?",
        (most + 1,),
    ).fetchall()
    if len(names) > most:
        return None
    return frozenset(
        key
        for text, lang, country in names
        for key in index_keys(name_keys(text, lang, country or None))
        if families is None or key[:1] in families
    )

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from normalise.errors import LexiconError
from normalise.keys import build_keys
from normalise.lexicon import Entity, Lexicon, memo
from normalise.lexicon.candidates import COUNTRY_ROWS_PER_KEY, WORLD_ROWS_PER_KEY
from normalise.lexicon.keyindex import index_keys


def test_create_is_wal_with_migrations(tmp_path: Path) -> None:
    path = tmp_path / "a.lexicon"
    Lexicon.create(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert [r[0] for r in conn.execute("SELECT name FROM migrations")] == [
        "0001_initial",
        "0002_keys_without_rowid",
        "0003_keys_by_country",
        "0004_keys_population",
        "0005_keys_by_country_population",
    ]
    with pytest.raises(LexiconError, match="already exists"):
        Lexicon.create(path)


def test_open_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="no such lexicon"):
        Lexicon.open(tmp_path / "nothing.lexicon")


def test_get_returns_entity_with_names_ar(lex: Lexicon) -> None:
    entity = lex.get("geonames:168620")
    assert isinstance(entity, Entity)
    assert entity.name == "Kafr Zita"
    assert [n.text for n in entity.names] == ["Kafr Zita", "كفر زيتا", "Kafrzeita"]
    assert entity.names[1].script == "Arabic"
    assert entity.population == 12000
    assert lex.get("geonames:1") is None
    assert lex.status("geonames:1") is None
    assert lex.status("geonames:168620") == "active"


def test_version_len_iter_counts(lex: Lexicon) -> None:
    assert lex.version == 1
    assert len(lex) == 3
    assert [e.id for e in lex] == ["geonames:163345", "geonames:168620", "iso3166:TR"]
    counts = lex.counts()
    assert counts["version"] == 1
    assert counts["entities"] == 3
    assert counts["names"] == 7


def test_candidates_find_every_spelling_by_skeleton_ar(lex: Lexicon) -> None:
    keys = build_keys("Kafer Zaita")
    rows = lex.candidates([f"s:{keys.skeleton}"])
    assert {r.entity_id for r in rows} == {"geonames:168620"}
    assert rows[0].key == "s:KFRZT"
    assert rows[0].folded == "kafr zita"
    rows = lex.candidates(["x:كفر زيتا"])
    assert [r.name_text for r in rows] == ["كفر زيتا"]


def test_candidates_country_filter_and_limit(lex: Lexicon) -> None:
    keys = ["s:" + build_keys("Suran").skeleton, "s:KFRZT"]
    assert len(lex.candidates(keys)) == 2
    assert lex.candidates(keys, country="TR") == []
    assert len(lex.candidates(keys, limit=1)) == 1
    assert lex.candidates([]) == []


def _plan(conn: sqlite3.Connection, where: str) -> str:
    return " ".join(
        str(r[3])
        for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT k.key FROM keys k JOIN entities e ON e.rowid = k.entity"
            f" JOIN names n ON n.rowid = k.name WHERE {where} AND e.status = 'active'"
        )
    )


def test_candidates_use_the_key_index(lex: Lexicon) -> None:
    conn = sqlite3.connect(lex.path)
    world = _plan(conn, "k.key IN ('a', 'b')")
    assert "SEARCH k USING" in world and "(key=?)" in world
    with_country = _plan(conn, "k.key IN ('a', 'b') AND k.country = 'SY'")
    assert "SEARCH k USING PRIMARY KEY (key=? AND country=?)" in with_country


def test_key_rows_carry_the_entity_country(lex: Lexicon) -> None:
    conn = sqlite3.connect(lex.path)
    rows = dict(conn.execute("SELECT key, country FROM keys WHERE key IN ('s:KFRZT', 'x:turkey')"))
    assert rows == {"s:KFRZT": "SY", "x:turkey": "TR"}
    suran = "s:" + build_keys("Suran").skeleton
    assert [r.entity_id for r in lex.candidates([suran], country="SY")] == ["geonames:163345"]
    assert lex.candidates([suran], country="TR") == []


def test_country_change_moves_key_rows(lex: Lexicon, kafr_zita: dict[str, Any]) -> None:
    lex.apply([{"op": "upsert", "entity": {**kafr_zita, "country": "LB", "admin1": None}}])
    assert lex.candidates(["s:KFRZT"], country="SY") == []
    assert [r.entity_id for r in lex.candidates(["s:KFRZT"], country="LB")] == [kafr_zita["id"]]
    conn = sqlite3.connect(lex.path)
    left = conn.execute(
        "SELECT count(*) FROM keys JOIN entities AS e ON e.rowid = keys.entity"
        " WHERE keys.country = 'SY' AND e.id = ?",
        (kafr_zita["id"],),
    )
    assert left.fetchone()[0] == 0


def test_index_keys_cover_deletions_and_tokens() -> None:
    keys = index_keys(build_keys("Kafr Zita"))
    assert "x:kafr zita" in keys
    assert "f:kafr zita" in keys
    assert "s:KFRZT" in keys
    assert "t:ZT" in keys
    assert {"d:FRZT", "d:KRZT", "d:KFZT", "d:KFRT", "d:KFRZ"} <= set(keys)
    assert len(keys) == len(set(keys))


def test_a_name_without_its_place_descriptor_is_keyed_when_no_token_holds_it() -> None:
    # Al-Watiya (T): one letter, no token key; Shayrat (SRT) is found by its token key
    assert "s:T" in index_keys(build_keys("Al-Watiya Air Base"))
    shayrat = index_keys(build_keys("Shayrat Air Base"))
    assert "t:SRT" in shayrat and "s:SRT" not in shayrat


def test_turkish_latin_names_keyed_as_tr(tmp_path: Path) -> None:
    lex = Lexicon.create(tmp_path / "t.lexicon")
    entity = {"id": "geonames:1", "kind": "place", "country": "TR", "names": [{"text": "Cisr"}]}
    lex.apply([{"op": "upsert", "entity": entity}])
    tr = build_keys("Cisr", "tr")
    assert {r.entity_id for r in lex.candidates([f"s:{tr.skeleton}"])} == {"geonames:1"}


def test_key_rows_deduplicated_per_entity(lex: Lexicon) -> None:
    conn = sqlite3.connect(lex.path)
    rows = conn.execute("SELECT count(*) FROM keys WHERE key = 's:KFRZT'").fetchone()[0]
    assert rows == 1


def test_stale_fingerprint_rekeyed_on_open(tmp_path: Path, kafr_zita: dict[str, Any]) -> None:
    path = tmp_path / "s.lexicon"
    Lexicon.create(path).apply([{"op": "upsert", "entity": kafr_zita}])
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = 'stale' WHERE key = 'fingerprint'")
    conn.execute("DELETE FROM keys")
    conn.execute("UPDATE names SET skeleton = ''")
    conn.commit()
    conn.close()
    with pytest.raises(LexiconError, match="normalise lexicon rekey"):
        Lexicon.open(path, readonly=True)
    lex = Lexicon.open(path, progress=False)
    assert lex.fingerprint != "stale"
    rows = lex.candidates(["s:KFRZT"])
    assert rows[0].skeleton == "KFRZT"
    lex.close()
    Lexicon.open(path, readonly=True).close()


def test_readonly_refuses_writes(lex: Lexicon) -> None:
    ro = Lexicon.open(lex.path, readonly=True)
    assert ro.get("iso3166:TR") is not None
    with pytest.raises(LexiconError, match="read-only"):
        ro.apply([])
    ro.close()


def test_not_same_by_folded_name(lex: Lexicon) -> None:
    lex.apply([{"op": "not_same", "name": "Kafr Zeta", "id": "geonames:168620"}])
    assert lex.not_same(build_keys("Kafr Zeta").folded) == {"geonames:168620"}
    assert lex.not_same("nothing") == set()


def test_old_schema_migrated_on_open(tmp_path: Path, kafr_zita: dict[str, Any]) -> None:
    path = tmp_path / "old.lexicon"
    Lexicon.create(path).apply([{"op": "upsert", "entity": kafr_zita}])
    conn = sqlite3.connect(path)  # turn it back into a 0002 store: keys without a country
    conn.executescript(
        "CREATE TABLE keys_old (key TEXT NOT NULL, entity INTEGER NOT NULL,"
        " name INTEGER NOT NULL, PRIMARY KEY (key, entity)) WITHOUT ROWID;"
        "INSERT INTO keys_old SELECT key, entity, name FROM keys;"
        "DROP TABLE keys; ALTER TABLE keys_old RENAME TO keys;"
        "DELETE FROM migrations WHERE name IN ('0003_keys_by_country', '0004_keys_population',"
        " '0005_keys_by_country_population');"
    )
    conn.close()
    with pytest.raises(LexiconError, match="0003_keys_by_country.*normalise lexicon rekey"):
        Lexicon.open(path, readonly=True)
    Lexicon.open(path).close()
    conn = sqlite3.connect(path)
    assert len(conn.execute("SELECT * FROM migrations").fetchall()) == 5
    assert conn.execute("SELECT DISTINCT country, population FROM keys").fetchall() == [
        ("SY", kafr_zita["population"])
    ]
    plan = conn.execute(
        "EXPLAIN QUERY PLAN SELECT entity FROM keys WHERE key = 's:KFRZT' AND country = 'SY'"
        " ORDER BY population DESC LIMIT 3"
    ).fetchall()
    assert "PRIMARY KEY" in plan[0][3] and "ORDER BY" not in str(plan)  # no sort: clustered
    conn.close()
    lex = Lexicon.open(path, readonly=True)
    assert {r.entity_id for r in lex.candidates(["s:KFRZT"], country="SY")} == {kafr_zita["id"]}
    lex.close()


def test_snapshot_reads_one_version(lex: Lexicon, kafr_zita: dict[str, Any]) -> None:
    reader = Lexicon.open(lex.path, readonly=True)
    with reader.snapshot():
        before = reader.version
        lex.apply([{"op": "delete", "id": kafr_zita["id"]}])
        assert reader.version == before
        assert reader.candidates(["s:KFRZT"])  # still there in this snapshot
    assert reader.version == before + 1
    assert reader.candidates(["s:KFRZT"]) == []
    reader.close()


def test_display_names_are_canonical_names_of_active_entities(
    lex: Lexicon, kafr_zita: dict[str, Any]
) -> None:
    ids = [kafr_zita["id"], "geonames:163345", "iso3166:TR", "geonames:0"]
    assert lex.display_names(ids) == {
        kafr_zita["id"]: "Kafr Zita",
        "geonames:163345": "Suran",
        "iso3166:TR": "Türkiye",
    }
    lex.apply([{"op": "delete", "id": "geonames:163345"}])
    assert lex.display_names(ids) == {kafr_zita["id"]: "Kafr Zita", "iso3166:TR": "Türkiye"}
    assert lex.display_names([]) == {}


def test_display_names_stay_whole_when_the_memo_fills_up(
    lex: Lexicon, kafr_zita: dict[str, Any], monkeypatch: Any
) -> None:
    monkeypatch.setattr(memo, "DISPLAY_NAMES", 2)
    assert lex.display_names([kafr_zita["id"]]) == {kafr_zita["id"]: "Kafr Zita"}
    # one more than room for: the memo is emptied, and the one remembered is read again
    both = lex.display_names([kafr_zita["id"], "geonames:163345", "iso3166:TR"])
    assert both == {
        kafr_zita["id"]: "Kafr Zita",
        "geonames:163345": "Suran",
        "iso3166:TR": "Türkiye",
    }


@pytest.mark.parametrize("judgements_in_memory", [2**17, 0])
def test_remembered_judgements_and_display_names_follow_another_writers_batches(
    lex: Lexicon, kafr_zita: dict[str, Any], judgements_in_memory: int, monkeypatch: Any
) -> None:
    monkeypatch.setattr(memo, "JUDGEMENTS", judgements_in_memory)  # 0: read per query
    reader = Lexicon.open(lex.path, readonly=True)  # as another process would
    folded = build_keys("Kafr Zeta").folded
    assert reader.not_same(folded) == set()
    assert reader.display_names([kafr_zita["id"]]) == {kafr_zita["id"]: "Kafr Zita"}
    renamed = {**kafr_zita, "names": [{**kafr_zita["names"][0], "text": "Kafr Zeita"}]}
    lex.apply([{"op": "not_same", "name": "Kafr Zeta", "id": kafr_zita["id"]}])
    lex.apply([{"op": "upsert", "entity": renamed}])
    with reader.snapshot():
        assert reader.not_same(folded) == {kafr_zita["id"]}
        assert reader.display_names([kafr_zita["id"]]) == {kafr_zita["id"]: "Kafr Zeita"}
        lex.apply([{"op": "delete", "id": kafr_zita["id"]}])
        assert reader.display_names([kafr_zita["id"]]) == {kafr_zita["id"]: "Kafr Zeita"}
    assert reader.display_names([kafr_zita["id"]]) == {}
    reader.close()


def test_world_query_reads_the_most_populous_per_key(tmp_path: Path) -> None:
    lex = Lexicon.create(tmp_path / "w.lexicon")
    countries = [
        "SY",
        "IQ",
        "LB",
        "JO",
        "PS",
        "EG",
        "SA",
        "YE",
        "LY",
        "TN",
        "DZ",
        "MA",
        "SD",
        "KW",
        "AE",
        "QA",
        "BH",
        "OM",
        "TR",
        "IR",
    ]
    lex.apply(
        [
            {
                "op": "upsert",
                "entity": {
                    "id": f"geonames:{i}",
                    "kind": "place",
                    "country": cc,
                    "population": i * 100,
                    "names": [{"text": "Karakoy"}],
                },
            }
            for i, cc in enumerate(countries[:20], start=1)
        ]
    )
    skeleton = "s:" + build_keys("Karakoy").skeleton
    cap = WORLD_ROWS_PER_KEY["s"]
    world = lex.candidates([skeleton])
    assert [r.entity_id for r in world] == [f"geonames:{i}" for i in range(20, 20 - cap, -1)]
    assert len(lex.candidates(["x:karakoy"])) == 20  # an exact key is not cut
    assert [r.entity_id for r in lex.candidates([skeleton], country="SY")] == ["geonames:1"]
    lex.apply([{"op": "upsert", "entity": {"id": "geonames:1", "kind": "place", "country": "SY",
               "population": 10**6, "names": [{"text": "Karakoy"}]}}])  # fmt: skip
    assert lex.candidates([skeleton])[0].entity_id == "geonames:1"  # keys follow the population
    many = [f"s:K{i}" for i in range(600)] + [skeleton]
    assert len(lex.candidates(many)) == cap  # more keys than one compound SELECT holds


def test_country_query_reads_the_most_populous_per_key(tmp_path: Path) -> None:
    lex = Lexicon.create(tmp_path / "c.lexicon")
    n = COUNTRY_ROWS_PER_KEY["t"] + 10
    lex.apply(
        [
            {
                "op": "upsert",
                "entity": {
                    "id": f"geonames:{i}",
                    "kind": "place",
                    "country": "CN",
                    "population": i * 100,
                    "names": [{"text": f"Xiang{i:03d} Zhen"}],
                },
            }
            for i in range(1, n + 1)
        ]
    )
    token = "t:" + build_keys("Zhen").skeleton
    rows = lex.candidates([token], country="CN")
    expected = [f"geonames:{i}" for i in range(n, n - COUNTRY_ROWS_PER_KEY["t"], -1)]
    assert [r.entity_id for r in rows] == expected  # the common token is cut, populous first
    exact = lex.candidates(["x:xiang001 zhen", token], country="CN")
    assert exact[0].entity_id == "geonames:1"  # an exact hit comes first, whatever its size
    many = [f"s:K{i}" for i in range(600)] + [token]
    assert len(lex.candidates(many, country="CN")) == COUNTRY_ROWS_PER_KEY["t"]


@pytest.mark.parametrize("names_held", [memo.COUNTRYLESS_NAMES, 0])
def test_a_country_lookup_reads_the_entities_of_no_country(
    lex: Lexicon, names_held: int, monkeypatch: Any
) -> None:
    """An entity of no country (a river, a region across borders, the UN) contradicts no
    country, so a lookup within one reads its keys too; another writer's batch that adds or
    removes one is seen at the next snapshot (the memo follows the store's version). With
    more names of such entities than the memo holds (0), every key is asked of the store."""
    monkeypatch.setattr(memo, "COUNTRYLESS_NAMES", names_held)
    euphrates = {
        "id": "nz:other/euphrates", "kind": "other",
        "names": [{"text": "Euphrates", "kind": "canonical"}, {"text": "الفرات", "lang": "ar"}],
    }  # fmt: skip
    reader = Lexicon.open(lex.path, readonly=True)
    keys = ["f:euphrates", "s:" + build_keys("الفرات").skeleton]
    assert reader.candidates(keys, country="SY") == []
    lex.apply([{"op": "upsert", "entity": euphrates}])
    found = reader.candidates(keys, country="SY")
    assert {row.entity_id for row in found} == {"nz:other/euphrates"}
    assert {row.key for row in found} == set(keys)  # each key's row, its own strongest
    assert reader.candidates(keys, country="SY", kind="place") == []
    assert [r.entity_id for r in reader.candidates(keys, country="")] == ["nz:other/euphrates"] * 2
    lex.apply([{"op": "delete", "id": "nz:other/euphrates"}])
    assert reader.candidates(keys, country="SY") == []
    reader.close()


@pytest.mark.parametrize("names_held", [memo.ACTOR_NAMES, 0])
def test_a_country_lookup_reads_the_actors_of_other_countries_by_their_spelled_names(
    lex: Lexicon, names_held: int, monkeypatch: Any
) -> None:
    """A report on one country names the organisations and people of others (the PKK in Iraq):
    a lookup within a country reads them by their exact and folded keys, not by their
    skeleton, and not a place of another country spelled alike; another writer's batch is
    seen at the next snapshot. With more actors' names than the memo holds (0), every exact
    and folded key is asked of the store."""
    monkeypatch.setattr(memo, "ACTOR_NAMES", names_held)
    pkk = {
        "id": "nz:org/pkk", "kind": "organisation", "country": "TR",
        "names": [{"text": "Kurdistan Workers' Party", "kind": "canonical"},
                  {"text": "حزب العمال الكردستاني", "lang": "ar"}],
    }  # fmt: skip
    town = {
        "id": "geonames:1", "kind": "place", "country": "TR",
        "names": [{"text": "Kurdistan Workers' Party", "kind": "canonical"}],
    }  # fmt: skip
    reader = Lexicon.open(lex.path, readonly=True)
    folded = "f:" + build_keys("Kurdistan Workers' Party").folded
    skeleton = "s:" + build_keys("Kurdistan Workers' Party").skeleton
    assert reader.candidates([folded], country="IQ") == []
    lex.apply([{"op": "upsert", "entity": pkk}, {"op": "upsert", "entity": town}])
    found = reader.candidates([folded, skeleton], country="IQ")
    assert [(r.entity_id, r.key) for r in found] == [("nz:org/pkk", folded)]
    assert reader.candidates([skeleton], country="IQ") == []
    assert reader.candidates([folded], country="IQ", kind="place") == []
    assert {r.entity_id for r in reader.candidates([folded], country="TR")} == {
        "nz:org/pkk",
        "geonames:1",
    }
    lex.apply([{"op": "delete", "id": "nz:org/pkk"}])
    assert reader.candidates([folded], country="IQ") == []
    reader.close()


@pytest.mark.parametrize("names_held", [memo.COUNTRY_NAMES, 0])
def test_a_country_lookup_reads_the_other_countries_by_their_names_as_written(
    lex: Lexicon, names_held: int, monkeypatch: Any
) -> None:
    """A report on one country names the others (Lebanon, لبنان, in Syria): a lookup within a
    country reads them by their exact keys in the reports' languages (`country_keys`), not by
    a folded or skeleton key, not by a name in another language, its ISO code or its
    demonym, and not a place of another country spelled alike; another writer's batch is seen
    at the next snapshot. With more countries' names than the memo holds (0), none is read."""
    monkeypatch.setattr(memo, "COUNTRY_NAMES", names_held)
    lebanon = {
        "id": "iso3166:LB", "kind": "country", "country": "LB",
        "names": [{"text": "Lebanon", "lang": "en", "kind": "canonical"},
                  {"text": "لبنان", "lang": "ar"}, {"text": "Lübnan", "lang": "tr"},
                  {"text": "Liban", "lang": "fr"}, {"text": "LB", "kind": "abbreviation"},
                  {"text": "Lebanese", "lang": "en", "kind": "demonym"}],
    }  # fmt: skip
    town = {
        "id": "geonames:2", "kind": "place", "country": "US",
        "names": [{"text": "Lebanon", "kind": "canonical"}],
    }  # fmt: skip
    reader = Lexicon.open(lex.path, readonly=True)
    exact, arabic, turkish = (
        "x:" + build_keys(text).exact for text in ("Lebanon", "لبنان", "Lübnan")
    )
    folded = "f:" + build_keys("Lübnan").folded
    assert reader.candidates([exact], country="SY") == []
    lex.apply([{"op": "upsert", "entity": lebanon}, {"op": "upsert", "entity": town}])
    found = reader.candidates([exact, arabic, turkish, folded], country="SY")
    expected = [("iso3166:LB", exact), ("iso3166:LB", arabic), ("iso3166:LB", turkish)]
    assert sorted((r.entity_id, r.key) for r in found) == (sorted(expected) if names_held else [])
    assert reader.candidates([folded], country="SY") == []
    others = ["x:" + build_keys(text).exact for text in ("Liban", "LB", "Lebanese")]
    assert reader.candidates(others, country="SY") == []
    assert reader.candidates([exact], country="SY", kind="place") == []
    assert [r.entity_id for r in reader.candidates([exact], country="LB")] == ["iso3166:LB"]
    lex.apply([{"op": "delete", "id": "iso3166:LB"}])
    assert reader.candidates([exact], country="SY") == []
    reader.close()

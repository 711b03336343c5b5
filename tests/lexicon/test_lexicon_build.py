"""The default lexicon build, on a small slice (Syrian places) so it runs in seconds."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from normalise.lexicon import Lexicon
from normalise.lexicon.build import (
    _state,
    build_default_lexicon,
    data_fingerprint,
    ensure_default_lexicon,
)
from normalise.lexicon.geonames import is_machine, name_kind


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lexicon]:
    path = tmp_path_factory.mktemp("build") / "small.lexicon"
    figures = build_default_lexicon(
        path, progress=False, workers=2, keep=lambda r: r["countrycode"] == "SY"
    )
    assert figures["entities"] == 254 + 382 + 1448 + 1818 + 3502  # + OCHA's communities
    lex = Lexicon.open(path, readonly=True)
    yield lex
    lex.close()


def test_build_is_wal_versioned_and_current(small: Lexicon) -> None:
    conn = sqlite3.connect(small.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert small.version == 1
    assert [h["batch_id"] for h in small.history()] == ["default-build"]
    assert _state(small.path) == "current"
    assert not list(small.path.parent.glob("*.tmp-*"))


def test_countries_have_cldr_names_codes_and_demonyms_tr(small: Lexicon) -> None:
    for spelling in ("Türkiye", "Turkey", "Turkiye", "تركيا", "Türkei", "TR", "TUR", "Turkish"):
        rows = small.candidates([f"x:{spelling.lower()}"])
        assert "iso3166:TR" in {r.entity_id for r in rows}, spelling
    turkey = small.get("iso3166:TR")
    assert turkey is not None
    assert turkey.name == "Türkiye"
    kinds = {n.text: n.kind for n in turkey.names}
    assert kinds["TUR"] == "abbreviation"
    assert kinds["Turkish"] == "demonym"
    assert turkey.population is not None and turkey.population > 50_000_000  # GeoNames'
    assert "geonames" in turkey.sources
    assert small.get("iso3166:XK") is not None


def test_geonames_place_with_tagged_names_ar(small: Lexicon) -> None:
    damascus = small.get("geonames:170654")
    assert damascus is not None
    assert (damascus.kind, damascus.country, damascus.admin1) == ("place", "SY", "13")
    assert damascus.population is not None and damascus.population > 1_000_000
    names = {n.text: n for n in damascus.names}
    assert damascus.names[0].text == "Damascus"
    assert names["DAM"].kind == "abbreviation"
    assert names["dmshq"].source == "geonames:machine"
    assert names["دمشق"].script == "Arabic"


def test_curated_entities_included(small: Lexicon) -> None:
    hts = small.get("nz:org/hayat-tahrir-al-sham")
    assert hts is not None
    assert "HTS" in {n.text for n in hts.names}
    assert {r.entity_id for r in small.candidates(["x:hts"])} == {"nz:org/hayat-tahrir-al-sham"}
    rows = small.candidates(["s:" + "LTMN"], country="SY")
    assert "nz:place/al-lataminah" in {r.entity_id for r in rows}


def test_ensure_default_lexicon_reuses_a_current_build(small: Lexicon) -> None:
    mtime = small.path.stat().st_mtime_ns
    assert ensure_default_lexicon(small.path, progress=False) == small.path
    assert small.path.stat().st_mtime_ns == mtime


def test_a_default_lexicon_built_from_other_data_is_stale(small: Lexicon, tmp_path: Path) -> None:
    data = data_fingerprint()
    assert _state(small.path, data) == "current"
    copy = tmp_path / "copy.lexicon"
    source = sqlite3.connect(small.path)
    target = sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.execute("UPDATE meta SET value = 'an older curated table' WHERE key = 'data'")
    target.commit()
    target.close()
    assert _state(copy, data) == "stale"  # e.g. lexicons/entities changed since the build
    assert _state(copy) == "current"  # a store that is not the default lexicon: rules only


def test_data_fingerprint_covers_curated_tables(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import normalise.fingerprint as fingerprint

    for folder in ("entities", "names"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.tsv").write_text("id\n", encoding="utf-8")
    monkeypatch.setattr(fingerprint, "lexicons_dir", lambda: tmp_path)
    before = data_fingerprint()
    (tmp_path / "names" / "x.tsv").write_text("id\nnz:place/x\n", encoding="utf-8")
    assert data_fingerprint() != before


def test_default_path_follows_cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NORMALISE_CACHE_DIR", str(tmp_path))
    assert Lexicon.default_path() == tmp_path / "default.lexicon"


@pytest.mark.parametrize(
    ("text", "kind", "source"),
    [("DAM", "abbreviation", "geonames"), ("dmshq", "variant", "geonames:machine"),
     ("d mshq", "variant", "geonames:machine"), ("damaskas", "variant", "geonames"),
     ("Dimashq", "variant", "geonames"), ("USA1", "variant", "geonames")],
)  # fmt: skip
def test_geonames_name_kinds(text: str, kind: str, source: str) -> None:
    assert name_kind(text) == (kind, source)
    assert is_machine(text) == (source == "geonames:machine")


def test_curated_names_of_a_place_left_out_go_with_it_of_no_place_are_an_error() -> None:
    """A build of some places only (`keep`) leaves the curated names of the others out with
    them (Cizre's Kurdish name in a build of Syria); a name for a GeoNames id that names no
    place is an error."""
    from normalise.errors import LexiconError
    from normalise.lexicon.build import _jobs
    from normalise.lexicon.curated import CuratedData, CuratedName

    def name(entity_id: str) -> CuratedName:
        return CuratedName(entity_id, "Cizîr", "ku", "variant", "wikipedia:en", False, "t:1")

    only_syria = lambda record: record["countrycode"] == "SY"  # noqa: E731
    cizre = CuratedData(names={"geonames:318253": [name("geonames:318253")]})
    jobs = list(_jobs(cizre, only_syria))
    assert all(not extra for _, _, _, extra in jobs)
    nowhere = CuratedData(names={"geonames:1": [name("geonames:1")]})
    with pytest.raises(LexiconError, match="geonames:1$"):
        list(_jobs(nowhere, only_syria))


def test_a_curated_population_fills_a_geonames_place_that_gives_none() -> None:
    """`lexicons/populations`: Tell Abyad (GeoNames population 0) takes a curated figure; a
    figure for a place GeoNames gives one, or for no place, is an error naming the row."""
    from normalise.errors import LexiconError
    from normalise.lexicon.build import _jobs
    from normalise.lexicon.curated import CuratedData, CuratedPopulation

    def figures(entity_id: str) -> CuratedData:
        row = CuratedPopulation(entity_id, 12345, 2004, "wikipedia:en", "p.tsv:2")
        return CuratedData(populations={entity_id: row})

    only_syria = lambda record: record["countrycode"] == "SY"  # noqa: E731
    jobs = list(_jobs(figures("geonames:163750"), only_syria))
    places = {record.get("geonameid"): record for _, record, _, _ in jobs}
    assert places[163750]["population"] == 12345
    with pytest.raises(LexiconError, match=r"p\.tsv:2: GeoNames gives geonames:170063"):
        list(_jobs(figures("geonames:170063"), only_syria))  # Aleppo: 2,098,210
    with pytest.raises(LexiconError, match=r"p\.tsv:2: no GeoNames place geonames:1$"):
        list(_jobs(figures("geonames:1"), only_syria))

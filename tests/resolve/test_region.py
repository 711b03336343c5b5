"""A Latin name written with an Arabic article, and no country hint, is looked up among the
places of the Arabic-speaking countries too (`normalise.region`, `Lexicon.candidates_within`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_resolver import built, upsert

from normalise import Normaliser, region, rules
from normalise.errors import RuleTableError
from normalise.fold import is_scholarly, looks_turkish
from normalise.keys import build_keys
from normalise.lexicon import Lexicon

# Seventeen places of skeleton BR, each more populous than al-Bireh: a world lookup reads a
# skeleton key's sixteen most populous rows (`WORLD_ROWS_PER_KEY`)
BR = [
    upsert(f"geonames:{900 + i}", country, None, 1_000_000 - 1_000 * i, [name])
    for i, (country, name) in enumerate(
        [("BR", "Bari"), ("IT", "Bara"), ("NG", "Bara"), ("IN", "Bareh"), ("PK", "Bara"),
         ("DZ", "Bouira"), ("RO", "Berea"), ("US", "Berea"), ("ID", "Bora"), ("TR", "Bure"),
         ("FR", "Bure"), ("DE", "Bier"), ("GR", "Beroia"), ("RU", "Bor"), ("SE", "Bor"),
         ("CZ", "Bor"), ("RS", "Bor")]
    )
]  # fmt: skip
BIREH = upsert("geonames:285108", "PS", "WE", 45_000, ["Al Bīrah", "البيرة"])


def test_a_name_with_an_arabic_article_finds_a_village_of_the_arab_world(tmp_path: Path) -> None:
    with Normaliser.open(built(tmp_path, [*BR, BIREH])) as nz:
        bireh = nz.resolve("Al-Bireh")
        hinted = nz.resolve("Al-Bireh", country="PS")
        bare = nz.resolve("Bireh")  # no article: the world's most populous places only
    assert bireh[0].id == "geonames:285108", bireh
    assert hinted[0].id == "geonames:285108"
    assert "geonames:285108" not in [m.id for m in bare]


def test_a_name_with_an_arabic_article_prefers_the_arab_world(tmp_path: Path) -> None:
    # `Al-Fatira`, as an English report on Syria spelled the village of Ftireh, answered a
    # town of Europe (Pfatter, in the default lexicon) first. Here a town elsewhere is spelled
    # as the query without its article. A place of the countries the article points to now
    # has half a hint's weight (`features.WITHIN_COUNTRY`).
    places = [
        upsert("geonames:1", "DE", "02", 3_000, ["Fatira"]),
        upsert("nz:place/ftireh", "SY", "11", None, ["Ftireh", "فطيرة"]),
    ]
    with Normaliser.open(built(tmp_path, places)) as nz:
        with_article = nz.resolve("Al-Fatira")
        bare = nz.resolve("Fatira")
        hinted = nz.resolve("Al-Fatira", country="DE")
    assert with_article[0].id == "nz:place/ftireh", with_article
    assert bare[0].id == "geonames:1", bare  # no article: nothing points to the Arab world
    assert hinted[0].id == "geonames:1", hinted  # the caller's hint is stronger


def test_candidates_within_reads_each_keys_rows_among_the_countries(tmp_path: Path) -> None:
    with Lexicon.open(built(tmp_path, [*BR, BIREH])) as lex:
        world = lex.candidates(["s:BR"])
        within = lex.candidates_within(["s:BR"], ["PS", "DZ"])
        many = lex.candidates_within([f"s:Q{i}" for i in range(300)] + ["s:BR"], ["PS", "DZ"])
    assert "geonames:285108" not in {row.entity_id for row in world}
    assert {row.entity_id for row in within} == {"geonames:285108", "geonames:905"}
    assert all(row.key == "s:BR" for row in within)
    assert many == within  # more keys than one statement takes are read in parts


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Al-Bireh", True), ("El Achara", True), ("As Sayani", True), ("Bireh", False),
     ("البيرة", False)],  # Arabic script is found by its exact and folded keys
)  # fmt: skip
def test_arabic_world(name: str, expected: bool) -> None:
    countries = region.writing_world(build_keys(name), "ا" <= name[0] <= "ي", False)
    assert bool(countries) == expected
    assert not countries or {"SY", "PS", "MA", "YE"} <= set(countries)
    assert "TR" not in countries


@pytest.mark.parametrize(
    ("name", "turkish_written"),
    [("Şeran", True), ("Kebaşin", True), ("Mabatlı", True), ("Khirbat Şaydāh", False),
     ("Şūrān", False), ("Seraing", False)],  # a scholarly ş is ص, not Turkish writing
)  # fmt: skip
def test_a_turkish_written_name_points_to_turkey_and_the_arab_world(
    name: str, turkish_written: bool
) -> None:
    said = looks_turkish(name) and not is_scholarly(name)
    assert said == turkish_written
    countries = region.writing_world(build_keys(name), False, said)
    assert ({"TR", "SY", "IQ"} <= set(countries)) == turkish_written


def test_the_table_is_loaded_strictly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rules, "rules_dir", lambda: tmp_path)
    region.reset_caches()
    (tmp_path / "arabic_world.tsv").write_text("country\tnote\nSY\tSyria\nsyr\t\n", "utf-8")
    try:
        with pytest.raises(RuleTableError, match=r"arabic_world.tsv:3: country must be"):
            region.arabic_countries()
    finally:
        region.reset_caches()

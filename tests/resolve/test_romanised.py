"""A Latin query written as a country's, an organisation's or a person's name is that entity
before a place whose Arabic name merely romanises as the query (`normalise.romanised`)."""

from __future__ import annotations

from pathlib import Path

from test_resolver import assert_capped, built, upsert

from normalise import Normaliser


def test_a_country_written_as_the_query_ranks_before_a_romanised_arabic_name(
    tmp_path: Path,
) -> None:
    # `Burma` is Myanmar's English name; Borama's Arabic name بورمة romanises as `burma`, and
    # the Somali town, found by that folded key, ranked first
    ops = [
        upsert("iso3166:MM", "MM", None, 54_000_000, ["Myanmar", "Burma", "ميانمار"], "country"),
        upsert("geonames:64021", "SO", "20", 215_000, ["Borama", "بورمة"]),
        upsert("nz:place/aabad", "SY", "09", None, ["Aabad", "اعبد"]),
        upsert("iso3166:US", "US", None, 330_000_000, ["United States", "ABD"], "country"),
    ]
    # a lookup within a hinted country reads the others by their names in the reports' languages
    ops[-1]["entity"]["names"] = [  # type: ignore[index]
        {"text": "United States", "kind": "canonical", "lang": "en"},
        {"text": "ABD", "kind": "variant", "lang": "tr"},
    ]
    with Normaliser.open(built(tmp_path, ops)) as nz:
        burma = nz.resolve("Burma")
        borama = nz.resolve("Borama")
        abd = nz.resolve("ABD", country="SY")
    assert_capped(burma, "iso3166:MM", "geonames:64021")
    assert borama[0].id == "geonames:64021"  # written as its Latin name, it is the town
    # a romanisation that already ranks below is left as it is, a rival in the decision
    assert abd[0].id == "iso3166:US" and abd[1].id == "nz:place/aabad", abd
    assert abd[1].score > 0.9 * abd[0].score


def test_a_place_written_as_the_query_ranks_before_an_actor_by_its_consonants(
    tmp_path: Path,
) -> None:
    # `Süleymaniye`, Sulaymaniyah's Turkish name, in a report on Iran: the hint counted for
    # Qasem Soleimani, found by his name's skeleton only, and he ranked first
    ops = [
        upsert("geonames:98463", "IQ", "05", 723_170, ["Sulaymaniyah", "Süleymaniye"]),
        upsert("nz:person/qasem-soleimani", "IR", None, None, ["Soleimani"], "person"),
    ]
    with Normaliser.open(built(tmp_path, ops)) as nz:
        city = nz.resolve("Süleymaniye", country="IR")
        person = nz.resolve("Soleimani", country="IR")[0]
    assert len(city) == 2
    assert_capped(city, "geonames:98463", "nz:person/qasem-soleimani")
    assert person.id == "nz:person/qasem-soleimani"  # his name as written is his

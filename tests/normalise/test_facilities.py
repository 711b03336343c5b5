"""Facility words (`lexicons/rules/facilities.tsv`): the facilities a name says it is."""

from __future__ import annotations

import pytest

from normalise.facilities import facilities_at, facilities_said, places_read_off
from normalise.keys import build_keys
from normalise.match import CandidateRow
from normalise.matres import is_arabic_text
from normalise.ranking import Scored
from normalise.reading import own_reading


def said(name: str) -> frozenset[str]:
    return facilities_said(build_keys(name).folded, is_arabic_text(name))


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Kuweires Military Airbase", {"base"}), ("Mezzeh Air Base", {"base"}),
     ("Hama Military Airport", {"base"}), ("İncirlik Hava Üssü", {"base"}),
     ("مطار كويرس العسكري", {"base"}), ("Rukban refugee camp", {"camp"}),
     ("مخيم الهول", {"camp"}), ("Bab al-Hawa crossing", {"crossing"}),
     ("Tishrin Dam", {"dam"}), ("سد تشرين", {"dam"}), ("Conoco gas field", {"field"}),
     ("Sednaya Prison", {"prison"}), ("Port Said", {"port"}),
     # none: a word that only contains one (Springfield, Camptown), a place's name
     ("Springfield", set()), ("Camptown", set()), ("Kweires", set()), ("القامشلي", set())],
)  # fmt: skip
def test_a_name_says_the_facilities_of_its_words(name: str, expected: set[str]) -> None:
    assert said(name) == frozenset(expected)


def test_a_word_counts_only_in_its_own_script() -> None:
    # قاعدة (a base) folds to `qada`, as the Latin qada (قضاء, a district) is written
    assert said("قاعدة حميميم") == {"base"}
    assert said("Qada Zahle") == frozenset()


def row(entity_id: str, admin1: str, text: str, population: int | None = None) -> CandidateRow:
    keys = build_keys(text)
    return CandidateRow(
        entity_id, "place", "SY", admin1, population, text, None, "variant", keys.folded,
        keys.skeleton, keys.phonetic, " ".join(keys.tokens), f"s:{keys.skeleton}",
    )  # fmt: skip


def scored(place: CandidateRow, score: float) -> Scored:
    return Scored(score, place, own_reading(build_keys("Hama")), [])


def test_a_facility_is_at_the_place_of_its_division_of_those_read_alike() -> None:
    # the village al-Hamah (Rif Dimashq, 08) reads as `Hama` a little better than the city
    village, city = row("nz:place/al-hamah", "08", "Hamah"), row("geonames:170017", "10", "Hama")
    places = [(village.entity_id, scored(village, 0.973)), (city.entity_id, scored(city, 0.971))]
    airport = row("nz:place/hama-military-airport", "10", "مطار حماة العسكري")
    found = facilities_at(places, [village, city], [airport], frozenset({"base"}))
    assert list(found) == ["nz:place/hama-military-airport"]
    assert found["nz:place/hama-military-airport"].support == ("at:geonames:170017",)
    assert found["nz:place/hama-military-airport"].score == 0.971  # as the city scored


def test_a_facility_of_another_kind_or_named_otherwise_is_not_at_the_place() -> None:
    city = row("geonames:170017", "10", "Hama")
    places = [("geonames:170017", scored(city, 0.97))]
    dam = row("nz:place/hama-dam", "10", "Hama Dam")
    other = row("nz:place/mezzeh-airbase", "13", "Mezzeh Air Base")
    assert facilities_at(places, [city], [dam, other], frozenset({"base"})) == {}


def test_no_place_is_read_off_when_every_candidate_scores_below_a_result() -> None:
    # `rank` leaves out candidates below `MIN_SCORE`: a query with only such candidates (an
    # Arabic name with ة written as ه in bench/arabic_names.py) raised IndexError
    village = row("nz:place/al-hamah", "08", "Hamah")
    weak = Scored(0.0004, village, own_reading(build_keys("Hama")), [])
    assert places_read_off({"nz:place/al-hamah": weak}, frozenset({"base"})) == []

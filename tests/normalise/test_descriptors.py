"""Descriptor words around a name (`lexicons/rules/descriptors.tsv`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from normalise import descriptors
from normalise.capitals import capital_of
from normalise.clause import located
from normalise.description import (
    area_phrases,
    described_capitals,
    described_stem,
    region_stem,
    region_word_after,
    without_descriptor,
)
from normalise.descriptors import names_a_city, read_off_kind
from normalise.errors import RuleTableError


@pytest.mark.parametrize(
    ("name", "lang", "read", "term"),
    [
        ("Aleppo city", None, "aleppo", "city"),
        ("the town of Kafr Nabl", None, "kafr nabl", "town"),
        ("city of Homs", None, "homs", "city"),
        # after other words: what they say is what the place is, not its name
        ("the northern Syrian town of Manbij", None, "manbij", "town"),
        ("the Damascus suburb of Douma", None, "douma", "suburb"),
        ("the Aleppo neighbourhood of Sheikh Maqsoud", None, "sheikh maqsoud", "neighbourhood"),
        # a compound adjective first: what leads or occupies it, not its name
        ("Kurdish-led SDF", None, "sdf", "led"),
        ("Israeli-occupied Golan", None, "golan", "occupied"),
        ("HTS-led rebels", None, "hts", "rebels"),  # nothing named after the compound
        ("kuzeyindeki Menbiç", "tr", "menbic", "kuzeyi"),  # in the north: an adjective of it
        ("Hama countryside", None, "hama province", "countryside"),
        ("rural Hama", None, "hama province", "rural"),
        ("northern Hama", None, "hama province", "northern"),
        ("the northern Hama countryside", None, "hama province", "countryside"),
        ("Hama city countryside", None, "hama province", "countryside"),
        ("Halep kırsalı", "tr", "halep ili", "kirsali"),
        ("Mahmur Mülteci Kampı", "tr", "mahmur", "kampi"),  # refugee camp: both read off
        ("Şucaiyye Mahallesi", "tr", "sucaiyye", "mahallesi"),  # its neighbourhood
        ("Halep kenti", "tr", "halep", "kenti"),
        # international airport: both read off (the first descriptor found is the last word)
        ("Trablus Uluslararası Havalimanı", "tr", "trablus", "havalimani"),
        ("Medinat Fayum", None, "fayum", "medinat"),  # مدينة romanised: the city of
        ("Qaḑā’ al Hindīyah", None, "al hindiyah", "qada"),  # قضاء romanised: the district of
        ("Qaryat Hajja", None, "hajja", "qaryat"),  # قرية romanised: the village of
        ("Yukarı Kıratlı", "tr", "kiratli", "yukari"),  # upper: the lexicon may leave it out
        ("Kasba Zaïda", None, "zaida", "kasba"),  # قصبة, a fortified village
        ("Khirbat al Burj", None, "al burj", "khirbat"),  # خربة, the ruin a village is named after
        ("Distretto di Çubuk", None, "di cubuk", "distretto"),
        ("Markaz Qada' al Qa'im", None, "al qa'im", "markaz"),  # مركز قضاء: both read off
        ("Halep kırsalı'nda", "tr", "halep ili", "kirsali"),  # a case ending comes off too
        ("Qal'at al Madiq town", None, "qal'at al madiq", "town"),  # an ayn apostrophe stays
        ("مدينة إدلب", None, "ادلب", "مدينة"),  # Arabic writes a place descriptor first
        ("الجولان المحتل", None, "الجولان", "المحتل"),  # and an adjective after the name
        ("الضفة الغربية المحتلة", None, "الضفة الغربية", "المحتلة"),
        ("بلدة كفرزيتا", None, "كفرزيتا", "بلدة"),
        ("ولاية صور", None, "صور", "ولاية"),  # a wilaya is named after its seat
        ("ريف حماة", None, "محافظة حماة", "ريف"),  # and the province word first
        ("محيط بلدة اللطامنة", None, "محافظة اللطامنة", "محيط"),  # its surroundings
        ("محور كفرنبودة", None, "كفرنبودة", "محور"),  # a front named after it
        ("the Kabani axis", None, "kabani", "axis"),
        ("ريف إدلب الجنوبي", None, "محافظة ادلب", "الجنوبي"),
        ("شمال حماة", None, "محافظة حماة", "شمال"),
        ("Güney İdlib", None, "idlib ili", "guney"),
        ("İdlib'in güneyi", None, "idlib ili", "guneyi"),  # the genitive ending comes off
        ("President Erdoğan", None, "erdogan", "president"),  # a person's title
        ("Dışişleri Bakanı Hakan Fidan", "tr", "hakan fidan", "bakani"),  # the last title word
        # a title after the words that say whose it is; in Arabic, its adjectives after it
        ("Iranian Foreign Minister Abbas Araghchi", None, "abbas araghchi", "minister"),
        ("SDF commander Mazloum Abdi", None, "mazloum abdi", "commander"),
        ("Suriye Dışişleri Bakanı Esad Hasan Şeybani", "tr", "esad hasan seybani", "bakani"),
        ("الرئيس التركي رجب طيب أردوغان", None, "رجب طيب اردوغان", "الرييس"),
        ("وزير الخارجية السوري أسعد الشيباني", None, "اسعد الشيباني", "وزير"),
        ("الرئيس بشار الأسد", None, "بشار الاسد", "الرييس"),
        ("تنظيم داعش", None, "داعش", "تنظيم"),  # what an organisation is
        ("ميليشيا حزب الله", None, "حزب الله", "ميليشيا"),
        ("مليشيات الحوثي", None, "الحوثي", "مليشيات"),  # spelled with one ya
        # an Arabic noun with its article, and the adjective after it as its demonym
        ("الحكومة السورية", None, "السوري", "حكومة"),
        ("Afrin merkezi", "tr", "afrin", "merkezi"),  # its centre
        ("وسط دمشق", None, "دمشق", "وسط"),  # the centre of Damascus
        ("القوات التركية", None, "التركي", "قوات"),
        ("PKK terör örgütü", "tr", "pkk", "orgutu"),
        ("terör örgütü PKK", "tr", "pkk", "teror"),
        ("Islamic State group", None, "islamic state", "group"),
        ("Hezbollah fighters", None, "hezbollah", "fighters"),
        ("the Hezbollah militia", None, "hezbollah", "militia"),
        ("HTS-led", None, "hts", "led"),
        ("Iran-backed", None, "iran", "backed"),  # English compound adjectives
        ("Idlib-based", None, "idlib", "based"),
        ("Houthi rebels", None, "houthi", "rebels"),
        ("Halep kentinde", None, "halep", "kenti"),  # a Turkish case ending, no apostrophe
        ("Esed rejiminin", None, "esed", "rejimi"),
        ("the Iraqi government", None, "iraqi", "government"),
        ("downtown Beirut", None, "beirut", "downtown"),
        ("Rafah crossing", None, "rafah", "crossing"),
        ("Ras Lanuf oil terminal", None, "ras lanuf", "terminal"),  # Al Faw before (0.04)
        ("Es Sider oil port", None, "es sider", "port"),  # `oil` read off as `air` is
        ("Bab al-Hawa border crossing", None, "bab al hawa", "crossing"),  # Victorville before
        ("العاصمة دمشق", None, "دمشق", "العاصمة"),
        ("Suriye hükümetinin", None, "suriye", "hukumeti"),
        ("İdlib kırsalında", None, "idlib ili", "kirsali"),
    ],
)
def test_a_name_is_read_without_its_descriptor(
    name: str, lang: str | None, read: str, term: str
) -> None:
    found = without_descriptor(name, lang)
    assert found is not None
    assert found[0] == read and found[1].term == term


@pytest.mark.parametrize(
    "name",
    [
        "city",
        "the city",
        "Town Hall",
        "Kafr Zita",
        "حماة المدينة",
        "Cityville",
        "مدينة",
        "مدينة Idlib",
        "the Syrian capital",  # a descriptor written only first is never read off the end
        "دمشق العاصمة",
    ],
)
def test_no_descriptor_or_nothing_left(name: str) -> None:
    assert without_descriptor(name) is None


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("city\ten\tplace\tafter\tprovince", "a place descriptor has none"),
        ("countryside\ten\tregion\tafter", "a region descriptor needs an `as` word"),
        ("city\ten\tvillage\tafter", "kind 'village' is not one of place, city, region"),
        ("City\ten\tplace\tafter", "must be one folded word"),
        ("أرياف\tar\tregion\tbefore\tمحافظة", "must be one folded word"),  # folded: ارياف
        ("шахар\tru\tplace\tafter", "must be one folded word"),
        ("city\ten\tplace\taround", "position 'around' is not one of after, before, first"),
    ],
)
def test_a_bad_row_names_file_and_line(
    rule_table: Callable[[str, str], Path], row: str, message: str
) -> None:
    path = rule_table(
        "descriptors.tsv", f"# comment\nterm\tlang\tkind\tposition\tas\tnote\n{row}\n"
    )
    with pytest.raises(RuleTableError, match=message) as info:
        descriptors.descriptors()
    assert info.value.line == 3
    assert str(info.value).startswith(f"{path}:3:")


@pytest.mark.parametrize(
    ("name", "stem"),
    [("Mosul countryside", "mosul"), ("the northern Hama countryside", "hama"),
     ("Musul kırsalı", "musul"), ("Halep kırsalında", "halep"), ("ريف الموصل", "الموصل"),
     ("Aleppo city", None), ("Hama", None)],
)  # fmt: skip
def test_a_region_descriptor_speaks_of_the_area_around_a_place(name: str, stem: str | None) -> None:
    assert region_stem(name) == stem


@pytest.mark.parametrize(
    ("name", "after"),
    [("Sétif Province", True), ("Kasserine Governorate", True), ("Hama countryside", True),
     ("Hatay ili", True), ("northern Hama", False), ("North Carolina", False),
     ("ريف الفجيرة", False), ("Hama", False)],
)  # fmt: skip
def test_a_region_word_after_a_name_is_told_from_one_before(name: str, after: bool) -> None:
    assert region_word_after(name) is after


@pytest.mark.parametrize(
    ("name", "phrases"),
    [("Şam kırsalında", ["sam kirsali"]), ("ريف دمشق الغربي", ["دمشق الغربي", "ريف دمشق"]),
     ("southern Damascus countryside", ["damascus countryside", "southern damascus"]),
     ("Aleppo city", []), ("Hama", [])],
)  # fmt: skip
def test_an_area_is_written_back_with_each_region_word(name: str, phrases: list[str]) -> None:
    assert area_phrases(name) == phrases


@pytest.mark.parametrize(
    ("name", "texts"),
    [("the Syrian capital", ["syrian"]), ("Syria's capital", ["syria"]),
     ("Suriye'nin başkenti", ["suriye"]), ("the Lebanese capital Beirut", ["lebanese"]),
     ("the capital of Saudi Arabia", ["saudi arabia", "saudi"]),
     ("العاصمة السورية", ["السورية", "سورية", "سوري"]), ("عاصمة سوريا", ["سوريا"]),
     ("the capital", []), ("başkenti", []), ("Damascus", None), ("capital Damascus", ["damascus"])],
)  # fmt: skip
def test_a_capital_word_names_the_country_whose_capital_it_is(
    name: str, texts: list[str] | None
) -> None:
    assert capital_of(name) == texts


@pytest.mark.parametrize(
    ("reason", "city"),
    [("descriptor:city", True), ("descriptor:kenti", True), ("descriptor:مدينة", True),
     ("descriptor:capital", True), ("descriptor:العاصمة", True), ("descriptor:village", False),
     ("descriptor:airport", False), ("descriptor:countryside", False), ("rule:tr:c→j", False),
     ("descriptor:nonesuch", False), (None, False)],
)  # fmt: skip
def test_a_word_for_a_city_a_town_or_a_capital_names_a_city(reason: str | None, city: bool) -> None:
    assert names_a_city(reason) is city


@pytest.mark.parametrize(
    ("name", "capitals"),
    [("PKK terör örgütü", "PKK"), ("HTS-led rebels", "HTS"), ("YPG'li teröristler", "YPG"),
     ("the SDF forces", "SDF"), ("hts rebels", ""), ("Syrian forces", ""), ("Aleppo city", ""),
     ("PKK", "")],
)  # fmt: skip
def test_initials_named_with_what_the_organisation_is(name: str, capitals: str) -> None:
    assert described_capitals(name) == capitals


@pytest.mark.parametrize(
    ("reason", "kind"),
    [("descriptor:president", "person"), ("descriptor:cumhurbaskani", "person"),
     ("descriptor:orgutu", "organisation"), ("descriptor:countryside", "region"),
     ("descriptor:nonesuch", None), ("rule:tr:c→j", None), (None, None)],
)  # fmt: skip
def test_the_kind_of_a_descriptor_read_off(reason: str | None, kind: str | None) -> None:
    assert read_off_kind(reason) == kind


@pytest.mark.parametrize(
    ("name", "stem"),
    [("Shayrat Air Base", "shayrat"), ("Kuweires Military Airbase", "kuwayres"),
     ("Rukban refugee camp", "rukban"), ("Sadr City", "sadr"), ("Hama Military Airport", "hama"),
     ("Masnaa Border Crossing", "masnaa"),  # `Masnaa` found it by token at 0.04 before
     ("Idlib Governorate", None), ("Rural Damascus", None), ("Central Damascus", None),
     ("Kafr Nabl", None)],
)  # fmt: skip
def test_a_name_ending_with_a_place_descriptor_has_a_stem(name: str, stem: str | None) -> None:
    found = described_stem(name, None)
    assert (found.phonetic if found is not None else None) == stem


@pytest.mark.parametrize(
    ("name", "stem"),
    [("Halep Uluslararası Havalimanı", "halep"), ("Mahmur Mülteci Kampı", "mahmur"),
     ("Cilvegözü Sınır Kapısı", "jilvegozu"), ("Hmeymim Hava Üssü", "hmeymim")],
)  # fmt: skip
def test_a_turkish_name_ending_with_a_dotless_i_descriptor_has_a_stem(name: str, stem: str) -> None:
    # the descriptors are written in ASCII (`havalimani`); the fold keeps ı, and only Üssü,
    # without one, had a stem
    found = described_stem(name, "tr")
    assert found is not None and found.phonetic == stem


def test_the_outermost_descriptor_alone_leaves_a_name_of_descriptor_words() -> None:
    # `west` is a region descriptor too: read off, West Bank would be `bank province`
    assert without_descriptor("the occupied West Bank") == (
        "bank province",
        descriptors.descriptors()["occupied"],
    )
    assert without_descriptor("the occupied West Bank", outer=True) == (
        "west bank",
        descriptors.descriptors()["occupied"],
    )
    assert without_descriptor("Aleppo city", outer=True) == without_descriptor("Aleppo city")


@pytest.mark.parametrize(
    ("name", "cut"),
    [("مدينة منبج شمال شرقي حلب", ("مدينة منبج", "شمال شرقي حلب")),
     ("بلدة سراقب بريف إدلب الشرقي", ("بلدة سراقب", "بريف ادلب الشرقي")),
     ("مخيم اليرموك جنوب دمشق", ("مخيم اليرموك", "جنوب دمشق")),
     ("منبج قرب حلب", ("منبج", "قرب حلب")),
     ("شمال سوريا", None),  # a region descriptor first, and its country
     ("ريف إدلب الجنوبي", None), ("كويرس شرقي", None),  # شرقي last: an adjective of the name
     ("Saraqib near Idlib", ("saraqib", "idlib")), ("In Salah", None),  # in: only a clause's
     ("Tel Rifaat north of Aleppo", ("tel rifaat", "north of aleppo")),
     ("North Gaza", None), ("Kafr Nabl North", None)],  # a direction not before `of`
)  # fmt: skip
def test_a_name_is_cut_before_the_clause_that_says_where_it_is(
    name: str, cut: tuple[str, str] | None
) -> None:
    assert located(name) == cut

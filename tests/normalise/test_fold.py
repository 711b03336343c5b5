import icu
import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalise.fold import fold, is_scholarly, lower, to_ascii
from normalise.text import clean


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("İSTANBUL", "tr", "istanbul"),
        ("İSTANBUL", None, "istanbul"),
        ("ISPARTA", "tr", "ısparta"),  # display fold keeps dotless i in Turkish
        ("ISPARTA", None, "isparta"),
        ("Türkiye", None, "turkiye"),  # diacritics deleted, never turned into spaces
        ("TÜRKİYE", None, "turkiye"),
        ("Qal‘at al Maḑīq", None, "qal‘at al madiq"),
        ("إمام", None, "امام"),
        ("أقجة قلعة", None, "اقجة قلعة"),
        ("ضلع فتھیے", None, "ضلع فتهيي"),  # Urdu heh doachashmee, Farsi yeh, yeh barree
        ("کرکوک", None, "كركوك"),  # Persian keheh
        ("مؤتة", None, "موتة"),
        ("ئاكرێ", None, "اكري"),  # Kurdish: a word-initial vowel on the hamza carrier
        ("چل ئاغا", None, "چل اغا"),
        ("ئێسکی شەھر", None, "ايسكي شاهر"),
        ("رئيس", None, "رييس"),  # inside a word it is the hamza on yeh of Arabic
    ],
)
def test_fold(text: str, lang: str | None, expected: str) -> None:
    assert fold(text, lang) == expected


def test_to_ascii_turkish_and_ayn() -> None:
    assert to_ascii("ısparta") == "isparta"
    assert to_ascii("qal‘at") == "qal'at"
    assert to_ascii("straße") == "strasse"


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    once = fold(clean(text))
    assert fold(once) == once


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_lower_skips_icu_for_ascii_with_the_same_result(text: str) -> None:
    turkish = str(icu.UnicodeString(text).toLower(icu.Locale("tr")))
    assert lower(text, "tr") == turkish
    assert lower(text) == str(icu.UnicodeString(text).toLower(icu.Locale("en")))


def test_lower_turkish_ascii() -> None:
    every_ascii = "".join(map(chr, range(128)))
    assert lower(every_ascii, "tr") == str(icu.UnicodeString(every_ascii).toLower(icu.Locale("tr")))
    assert lower("ISPARTA", "tr") == "ısparta"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Şūrān", True), ("Ar Raḑā‘ī", True), ("Ḩalab", True), ("Halep'e", False),
     ("Cisr eş-Şuğur", False), ("Çobanbey", False), ("Dar'a", False)],
)  # fmt: skip
def test_is_scholarly(text: str, expected: bool) -> None:
    assert is_scholarly(text) is expected

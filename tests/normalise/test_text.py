import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalise.errors import NotTextError
from normalise.text import acronym, clean


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Kafr\u200f  Zita ", "Kafr Zita"),  # RIGHT-TO-LEFT MARK and doubled spaces
        ("كَفْرُ  زيتـــا", "كفر زيتا"),  # harakat and tatweel
        ("\u202bحلب\u202c", "حلب"),  # RIGHT-TO-LEFT EMBEDDING / POP DIRECTIONAL FORMATTING
        ("ﻻذقية", "لاذقية"),  # presentation form ligature (NFKC)
        ("Ａｌｅｐｐｏ", "Aleppo"),  # full-width letters
        ("a\tb\nc", "a b c"),
        ("\x00", ""),
        ("Türkiye\u200b", "Türkiye"),  # ZERO WIDTH SPACE
        ("\ud800Hama", "Hama"),  # a lone surrogate
        ("ااالخرطوم", "الخرطوم"),  # an alef doubled at a word's start (GeoNames' Khartoum)
        ("قرية ااالبويضة", "قرية البويضة"),
        ("الاابار", "الاابار"),  # not inside a word
    ],
)
def test_clean_removes_invisible_and_marks(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize("value", [None, b"Hama", 3, ["Hama"]])
def test_clean_rejects_non_text(value: object) -> None:
    with pytest.raises(NotTextError, match="expected text"):
        clean(value)  # type: ignore[arg-type]


@given(st.text())
def test_clean_never_raises_and_returns_nfc(text: str) -> None:
    out = clean(text)
    assert unicodedata.normalize("NFC", out) == out
    assert clean(out) == out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HTS", "HTS"),
        ("IŞİD", "IŞİD"),  # Turkish capitals
        (" SDF\u200f", "SDF"),  # cleaned first
        ("UN", "UN"),
        ("SOHR", "SOHR"),
        ("Saa", ""),  # a name
        ("hts", ""),
        ("S", ""),  # one letter is no acronym
        ("IDLIB", ""),  # a name in a headline's capitals: five letters and more
        ("ALEPPO", ""),
        ("HTS'nin", ""),  # a Turkish case ending (read off elsewhere)
        ("U.N.", ""),
        ("داعش", ""),  # Arabic script has no capitals
    ],
)
def test_acronym_is_a_few_capitals_and_nothing_else(text: str, expected: str) -> None:
    assert acronym(text) == expected

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalise.fold import fold, to_ascii
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

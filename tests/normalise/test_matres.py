"""Long vowels: a romanisation with macrons spelled as the Arabic letters it implies."""

from __future__ import annotations

import pytest

from normalise.matres import letter_by_letter, long_vowel_letters
from normalise.score import query_letters


@pytest.mark.parametrize(
    ("romanised", "arabic"),
    [
        ("Tāzah Khūrmātū", "تازة خورماتو"),
        ("Ţayyibat al Imām", "طيبة الإمام"),
        ("Ar Rām", "الرام"),
        ("Qabbāsīn", "قباسين"),  # shadda is not written
        ("Kafr Zaytā", "كفر زيتا"),
        ("Jisr ash Shughūr", "جسر الشغور"),  # an article inside the name is ال too
    ],
)
def test_macron_spelling_equals_the_arabic_letters(romanised: str, arabic: str) -> None:
    assert long_vowel_letters(romanised) == query_letters(arabic)


@pytest.mark.parametrize(
    ("romanised", "other"),
    [
        ("Tāzah Khūrmātū", "توز خورماتو"),  # Tuz Khurmatu: و where Tāzah has ā
        ("Dar‘ā", "داريا"),  # Daraya, not Daraa (درعا)
    ],
)
def test_long_vowels_tell_apart_names_with_one_skeleton(romanised: str, other: str) -> None:
    assert long_vowel_letters(romanised) != letter_by_letter(other)


def test_no_macron_no_spelling() -> None:
    # without a macron a plain vowel may be long or short: nothing to compare
    assert long_vowel_letters("Tazah Khurmatu") == ""
    assert long_vowel_letters("Ḩimş") == ""

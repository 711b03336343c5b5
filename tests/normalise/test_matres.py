"""Long vowels: a romanisation with macrons spelled as the Arabic letters it implies; Arabic
spellings of one name written two ways."""

from __future__ import annotations

import pytest

from normalise.forms import query_letters
from normalise.matres import arabic_spelling, letter_by_letter, long_vowel_letters


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


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("البصيره", "البصيرة"),  # ta marbuta written as ha
        ("ديالا", "ديالى"),  # alef maksura written as alef
        ("مصطفي", "مصطفى"),  # alef maksura written as ya
        ("أصيلة", "اصيلة"),  # hamza seat
        ("اَلْكُوَيْت", "الكويت"),  # harakat
        ("سیحان", "سيحان"),  # Persian ya
        ("مدینہ", "مدينة"),  # Urdu heh goal for ta marbuta
        ("كفر زيتا", "كفرزيتا"),  # a word break
        ("حلب، سوريا", "حلب"),  # what follows a comma qualifies the name (the keys skip it too)
        ("«كفر زيتا»", "كفر زيتا"),  # quotes around the name
        ('"كفر زيتا".', "كفر زيتا"),  # and a stop after it
        ("(الرقة)", "الرقة"),  # brackets
    ],
)
def test_arabic_spellings_of_one_name_are_one(one: str, other: str) -> None:
    assert arabic_spelling(one) == arabic_spelling(other) != ""


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("معان", "عمان"),  # Ma'an and Amman: both romanise as `man`
        ("سعير", "صير"),  # sin and sad, an ayn
        ("جبيل", "الجبيل"),  # Byblos and Jubail: the article is part of a name
        ("الله", "الة"),  # Allah's heh is a letter
    ],
)
def test_arabic_spellings_of_two_names_stay_two(one: str, other: str) -> None:
    assert arabic_spelling(one) != arabic_spelling(other)


def test_a_name_in_another_script_has_no_arabic_spelling() -> None:
    assert arabic_spelling("Halab") == ""

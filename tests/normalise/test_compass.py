"""Compass words (`lexicons/rules/compass.tsv`): the points of the compass a name says."""

from __future__ import annotations

import pytest

from normalise.compass import compass_points, other_points
from normalise.keys import build_keys
from normalise.matres import is_arabic_text


def points(name: str) -> frozenset[str]:
    return compass_points(build_keys(name).folded, is_arabic_text(name))


@pytest.mark.parametrize(
    ("name", "said"),
    [("Western Ghouta", "w"), ("West Jerusalem", "w"), ("Eastern Ghouta", "e"),
     ("North-East Syria", "ne"), ("northeast Syria", "ne"), ("Kuzeydoğu Suriye", "ne"),
     ("Doğu Guta", "e"), ("Tunis Nord", "n"), ("Central Darfur", "c"),
     ("Kuwayris Sharqī", "e"), ("Al Gharbiyah", "w"), ("الغوطة الشرقية", "e"),
     ("شمال شرق سوريا", "ne"), ("ريف إدلب الجنوبي", "s"),
     # none: a word that only contains one (Westminster, المشرق, Maghreb)
     ("Westminster", ""), ("المشرق", ""), ("Al Maghrib", ""), ("Ghouta", ""), ("Sud", "s")],
)  # fmt: skip
def test_a_name_says_the_points_of_its_compass_words(name: str, said: str) -> None:
    assert points(name) == frozenset(said)


def test_a_word_counts_only_in_its_own_script() -> None:
    # `sud` is a French compass word, but the Arabic سود (black) romanises so too
    assert points("Sud") == {"s"}
    assert points("جبل السود") == frozenset()


@pytest.mark.parametrize(
    ("query", "name", "other"),
    [("Western Ghouta", "Eastern Ghouta", "e"), ("West Jerusalem", "East Jerusalem", "e"),
     ("Western Ghouta", "الغوطة الشرقية", "e"), ("North Darfur", "Central Darfur", "c"),
     ("northeast Syria", "North Syria", "n"),
     # the same point in other words, or none on either side: no other point
     ("Eastern Ghouta", "الغوطة الشرقية", ""), ("northern Hama", "Hama", ""),
     ("Ghouta", "Eastern Ghouta", ""), ("North-East Syria", "Northeast Syria", "")],
)  # fmt: skip
def test_a_candidate_says_another_point(query: str, name: str, other: str) -> None:
    assert other_points(points(query), build_keys(name).folded, name) == frozenset(other)

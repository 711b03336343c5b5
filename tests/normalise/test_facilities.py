"""Facility words (`lexicons/rules/facilities.tsv`): the facilities a name says it is."""

from __future__ import annotations

import pytest

from normalise.facilities import facilities_said
from normalise.keys import build_keys
from normalise.matres import is_arabic_text


def said(name: str) -> frozenset[str]:
    return facilities_said(build_keys(name).folded, is_arabic_text(name))


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Kuweires Military Airbase", {"base"}), ("Mezzeh Air Base", {"base"}),
     ("Hama Military Airport", {"base"}), ("İncirlik Hava Üssü", {"base"}),
     ("مطار كويرس العسكري", {"base"}), ("Rukban refugee camp", {"camp"}),
     ("مخيم الهول", {"camp"}), ("Bab al-Hawa crossing", {"crossing"}),
     ("Tishrin Dam", {"dam"}), ("سد تشرين", {"dam"}), ("Conoco gas field", {"field"}),
     ("Sednaya Prison", {"prison"}), ("Port Said", {"port"}),
     # none: a word that only contains one (Springfield, Camptown), a place's name
     ("Springfield", set()), ("Camptown", set()), ("Kweires", set()), ("القامشلي", set())],
)  # fmt: skip
def test_a_name_says_the_facilities_of_its_words(name: str, expected: set[str]) -> None:
    assert said(name) == frozenset(expected)


def test_a_word_counts_only_in_its_own_script() -> None:
    # قاعدة (a base) folds to `qada`, as the Latin qada (قضاء, a district) is written
    assert said("قاعدة حميميم") == {"base"}
    assert said("Qada Zahle") == frozenset()

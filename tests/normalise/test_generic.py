"""Village stems: a Turkish village word glued to a name, or written apart, is optional."""

from __future__ import annotations

import pytest

from normalise.generic import village_stem, village_suffixes
from normalise.keys import build_keys


def stem_skeleton(name: str) -> str | None:
    keys = build_keys(name, "tr")
    stem = village_stem(keys.phonetic, keys.skeleton)
    return None if stem is None else stem.skeleton


def test_suffixes_come_from_the_glossary_longest_first() -> None:
    suffixes = village_suffixes()
    assert "koy" in suffixes and "koyu" in suffixes
    assert suffixes.index("koyu") < suffixes.index("koy")


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("Umurköy", "Umur"),
        ("Sahilköyü", "Sahil"),
        ("Hisar Köy", "Hisar"),
        ("Gökçeören Köyü", "Gökçeören"),
        ("Yeni Hisar Koy", "Yeni Hisar"),
    ],
)
def test_stem_is_the_skeleton_of_the_bare_name(name: str, bare: str) -> None:
    assert stem_skeleton(name) == build_keys(bare, "tr").skeleton


@pytest.mark.parametrize("name", ["Çiftlikköy", "Gölyaka Köyü"])
def test_no_stem_when_the_skeleton_already_ends_in_k(name: str) -> None:
    # k + köy collapse into one K: the name's own skeleton is already the bare name's
    assert stem_skeleton(name) is None


@pytest.mark.parametrize("name", ["Köy", "Alköy", "Çiftlik", "Koyulhisar"])
def test_no_stem_without_a_village_word_or_with_too_little_left(name: str) -> None:
    assert stem_skeleton(name) is None

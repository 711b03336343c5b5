"""Names written syllable by syllable (`lexicons/rules/syllables.tsv`): Pinyin and Korean."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from normalise import syllables
from normalise.errors import RuleTableError
from normalise.keys import build_keys, words_of
from normalise.syllables import pinyin_parts, pinyin_spellings, pinyin_syllable, spelled_names
from normalise.variants import readings


@pytest.mark.parametrize(
    ("syllable", "reading"),
    [
        ("ba", "ba"),
        ("xia", "shia"),
        ("zhuo", "juo"),
        ("qiao", "chiao"),
        ("er", "r"),
        ("yi", "yi"),
        ("a", "a"),
        ("ding", "din"),
        ("cheng", "chen"),
    ],
)
def test_a_syllable_is_read_by_its_initial_and_final(syllable: str, reading: str) -> None:
    part = pinyin_syllable(syllable)
    assert part is not None and part.reading == reading


@pytest.mark.parametrize("word", ["al", "kafr", "ain", "bir", "tell", "sidi", "x", "shh"])
def test_a_name_with_a_word_that_is_no_syllable_is_not_pinyin(word: str) -> None:
    assert pinyin_syllable(word) is None
    assert pinyin_parts(["ba", word]) is None and pinyin_parts([word, "ba"]) is None


def test_a_pinyin_name_is_keyed_as_one_word() -> None:
    keys = build_keys("ba si la")
    assert keys.phonetic == "basila" and keys.skeleton == "BSL"
    assert "rule:zh:syllables" in keys.rules
    assert build_keys("la si tan nu la").skeleton == "LSTNL"  # `la` is no article here
    # as the name written as one word is: its letters are read as any word's are
    for spaced, joined in [("Da Nang", "Danang"), ("Xi An", "Xian"), ("Ha Long", "Halong")]:
        assert build_keys(spaced).skeleton == build_keys(joined).skeleton
    # one syllable alone is any short word; other names keep their words
    assert build_keys("Kafr Zita").phonetic == "kafr zita"
    assert "rule:zh:syllables" not in build_keys("ma").rules


def test_a_pinyin_query_is_read_as_it_spells_then_with_each_set_of_alternate_letters() -> None:
    parts = pinyin_parts(["ai", "er", "ma", "lei"])
    assert parts is not None
    assert pinyin_spellings(parts) == [
        ("airmalei", ()),
        ("ailmalei", ("rule:zh:er→l",)),  # Elmalı: a final l
        ("airmarei", ("rule:zh:l→r",)),
        ("ailmarei", ("rule:zh:er→l", "rule:zh:l→r")),
    ]
    read = {r.phonetic: r.reason for r in readings("ba si la")}
    assert read == {"basila": None, "basira": "rule:zh:syllables;rule:zh:l→r"}
    sharjah = {r.phonetic: r.reason for r in readings("xia er jia")}
    assert sharjah["shiarjia"] == "rule:zh:syllables"  # Pinyin x is sh, the keys' x is ks


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("taipeu", [("taip", "rule:ko:eu"), ("taif", "rule:ko:eu;rule:ko:p→f")]),
        ("seumala", [("smala", "rule:ko:eu"), ("smara", "rule:ko:eu;rule:ko:l→r")]),
        ("suejeu", [("suej", "rule:ko:eu"), ("suez", "rule:ko:eu;rule:ko:j→z")]),
        ("museukateu", [("muskat", "rule:ko:eu")]),
        ("deileuejeu", [("deileuej", "rule:ko:eu")]),  # eu before a vowel is a vowel
        ("Sooran", []),
        ("كفر زيتا", []),
    ],
)
def test_korean_added_vowels_are_dropped(name: str, expected: list[tuple[str, str]]) -> None:
    assert spelled_names(words_of(name)[1])[: len(expected) or None] == expected


def test_a_korean_name_with_two_alternate_letters_reads_each_set() -> None:
    spelled = dict(spelled_names(words_of("ipeulan")[1]))
    assert spelled == {
        "iplan": "rule:ko:eu",
        "iflan": "rule:ko:eu;rule:ko:p→f",
        "ipran": "rule:ko:eu;rule:ko:l→r",
        "ifran": "rule:ko:eu;rule:ko:p→f;rule:ko:l→r",
    }


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("zh\tb\tinitial\tb\nzh\tb\tfinal\tb\n", "syllables.tsv:3: duplicate entry"),
        ("zh\tB\tinitial\tb\n", "syllables.tsv:2: part 'B' must be lower-case ASCII"),
        ("ko\teu\tinitial\tb\n", "syllables.tsv:2: kind 'initial' does not belong to"),
        ("fr\tou\tfinal\tu\n", "syllables.tsv:2: system 'fr' is not one of zh, ko"),
        ("zh\ta\tvowel\ta\n", "syllables.tsv:2: kind 'vowel' is not one of"),
    ],
)
def test_a_bad_row_names_file_and_line(
    rule_table: Callable[[str, str], Path], table: str, message: str
) -> None:
    rule_table("syllables.tsv", "system\tpart\tkind\treading\talternate\tnote\n" + table)
    with pytest.raises(RuleTableError, match=message):
        syllables.syllable_tables()

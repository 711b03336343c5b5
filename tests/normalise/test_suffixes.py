"""Turkish case endings after an apostrophe (`lexicons/rules/case_suffixes.tsv`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from normalise import suffixes
from normalise.errors import RuleTableError
from normalise.suffixes import (
    marked_ending,
    query_capitals,
    without_case_suffix,
    written_without_case,
)


@pytest.mark.parametrize(
    ("name", "read", "ending"),
    [
        ("Halep'te", "halep", "te"),
        ("Hama’nın", "hama", "nin"),  # a typographic apostrophe, a dotless ı
        ("HTS'nin", "hts", "nin"),
        ("Tel Rıfat'a", "tel rifat", "a"),
        ("Madik Kalesi'nde", "madik kalesi", "nde"),  # after a possessive ending: n + de
        ("Dar'a", "dar", "a"),  # ayn, not a dative: an extra reading, the name's own wins
        ("DEAŞ'lı", "deas", "li"),  # belonging: one of DEAŞ
        ("DEAŞ'lılar", "deas", "lilar"),
    ],
)
def test_an_ending_after_an_apostrophe_is_cut(name: str, read: str, ending: str) -> None:
    assert without_case_suffix(name) == (read, ending)


@pytest.mark.parametrize("name", ["Qal'at al Madiq", "Mu'ta", "Ra's al Ayn", "Halep", "حلب"])
def test_no_ending_or_too_short_a_stem(name: str) -> None:
    assert without_case_suffix(name) is None


def test_a_bad_form_names_file_and_line(rule_table: Callable[[str, str], Path]) -> None:
    rule_table("case_suffixes.tsv", "form\tlang\tcase\tnote\nde\ttr\tlocative\n'da\ttr\tlocative\n")
    with pytest.raises(RuleTableError, match='case_suffixes.tsv:3: form "\'da" must be'):
        suffixes.case_suffixes()


def test_a_bad_turkish_only_letter_names_file_and_line(
    rule_table: Callable[[str, str], Path],
) -> None:
    rule_table("turkish_only.tsv", "letter\tnote\nı\nöü\n")
    with pytest.raises(RuleTableError, match="turkish_only.tsv:3: letter 'öü' must be one"):
        suffixes.turkish_only_letters()


@pytest.mark.parametrize(
    ("name", "expected", "capitals"),
    [
        ("Şam'da", ("Şam", "da"), ""),  # as written: Turkish letters kept
        ("BM'nin", ("BM", "nin"), "BM"),  # initials keep their capitals, two letters enough
        ("PKK'nın", ("PKK", "nin"), "PKK"),
        ("NATO’nun", ("NATO", "nun"), "NATO"),  # a typographic apostrophe
        ("Cisr eş-Şuğur'a", ("Cisr eş-Şuğur", "a"), ""),
        ("Mu'ta", None, ""),  # an apostrophe writing ayn: Mu is no name
        ("Qal'at al Madiq", None, ""),  # not on the last word
        ("HTS", None, "HTS"),
        ("the PKK", None, "PKK"),  # a leading function word passed over
        ("the PKK'nın", ("the PKK", "nin"), "PKK"),
        ("the Hague", None, ""),
    ],
)
def test_a_case_ending_is_read_off_the_name_as_written(
    name: str, expected: tuple[str, str] | None, capitals: str
) -> None:
    assert written_without_case(name) == expected
    assert query_capitals(name) == capitals


@pytest.mark.parametrize(
    ("name", "marked"),
    [
        ("Assad's", ("Assad", "s")),  # the English possessive
        ("Suriye'de", ("Suriye", "de")),  # an ending that begins with a consonant
        ("Hama'nın", ("Hama", "nin")),
        ("Esad'ın", ("Esad", "in")),  # Turkish letters
        ("Şam'ı", ("Şam", "i")),
        ("HTS'i", ("HTS", "i")),  # initials
        ("Halep'in", None),  # before a vowel, an apostrophe may write ayn: Bil'in
        ("Bil`in", None),
        ("Dar'a", None),
        ("Ra's", None),  # hamza, and too short a stem
        ("Aşba‘ūn", None),  # ayn: BGN romanises ص as ş, which is no Turkish sign
    ],
)
def test_an_apostrophe_surely_marks_an_ending_only_so(
    name: str, marked: tuple[str, str] | None
) -> None:
    assert marked_ending(name) == marked


def test_an_endings_case_says_what_it_makes_of_a_name() -> None:
    # genitive: a possessor (Hama'nın, Assad's); relative: an adjective (kuzeyindeki)
    assert {"in", "nin", "un", "nun", "s"} <= suffixes.endings_of("genitive")
    assert {"daki", "ndeki"} <= suffixes.endings_of("relative")
    assert not suffixes.endings_of("genitive") & suffixes.endings_of("locative")


def test_a_bad_case_names_file_and_line(rule_table: Callable[[str, str], Path]) -> None:
    rule_table("case_suffixes.tsv", "form\tlang\tcase\tnote\nde\ttr\tlocative\nda\ttr\tlocal\n")
    with pytest.raises(RuleTableError, match="case_suffixes.tsv:3: case 'local' is not one of"):
        suffixes.case_suffixes()

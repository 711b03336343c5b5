"""Figures in names read as words (`lexicons/rules/numbers.tsv`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from normalise import numbers
from normalise.errors import RuleTableError
from normalise.keys import build_keys
from normalise.numbers import spelled_numbers
from normalise.variants import readings


@pytest.mark.parametrize(
    ("name", "first", "expected"),
    [
        ("Evka-6", "tr", ("Evka-altı", "number:tr")),  # a Turkish name's Turkish first
        ("Al Twar 1", None, ("Al Twar first", "number:en:ordinal")),
        ("19 Mayıs", "tr", ("on dokuz Mayıs", "number:tr")),
        ("6th of October", None, ("sixth of October", "number:en:ordinal")),
        ("Zone ٤", None, ("Zone fourth", "number:en:ordinal")),  # Arabic-Indic figures
    ],
)
def test_a_figure_is_read_in_words(name: str, first: str | None, expected: tuple[str, str]) -> None:
    assert spelled_numbers(name, first)[0] == expected


def test_a_number_the_table_does_not_list_is_spelled_from_tens_and_units() -> None:
    spelled = dict((reason, text) for text, reason in spelled_numbers("althmamt 46"))
    assert spelled["number:ar"] == "althmamt sitta wa arba'un"  # the units first
    assert spelled["number:tr"] == "althmamt kırk altı"
    # no English ordinal compound is listed: that system is passed over, the next one read
    assert "number:en:ordinal" not in spelled and spelled["number:en"] == "althmamt forty six"


@pytest.mark.parametrize("name", ["ramadan10rishiti", "Zip 34000", "Kafr Zita", "A1 road"])
def test_no_figure_standing_as_a_word_no_reading(name: str) -> None:
    assert spelled_numbers(name) == []


def test_at_most_three_systems_are_read() -> None:
    assert [r for _, r in spelled_numbers("Al Twar 3")] == [
        "number:en:ordinal", "number:tr", "number:ar",
    ]  # fmt: skip
    assert [r.reason for r in readings("Al Twar 3")][1:4] == [
        "number:en:ordinal", "number:tr", "number:ar",
    ]  # fmt: skip


def test_an_ordinal_ending_keys_as_its_figure() -> None:
    assert build_keys("6th of October City").skeleton == build_keys("6 October City").skeleton
    assert build_keys("2nd Street").tokens[0] == "2"
    assert build_keys("Al Twar 1").skeleton != build_keys("Al Twar 3").skeleton


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("ar\t100\tmi'a\n", "numbers.tsv:3: number '100' must be 1-99 or 'compound'"),
        ("ar\tcompound\t{units} wa\n", "numbers.tsv:3: a compound row spells {tens} and {units}"),
        ("en\t1\tone\n", r"numbers.tsv:3: duplicate entry \('en', '1'\) \(first on line 2\)"),
    ],
)
def test_a_bad_numbers_row_names_file_and_line(
    rule_table: Callable[[str, str], Path], table: str, message: str
) -> None:
    rule_table("numbers.tsv", "system\tnumber\twords\tnote\nen\t1\tone\n" + table)
    with pytest.raises(RuleTableError, match=message):
        numbers.number_words()


def test_a_bad_ordinal_ending_names_file_and_line(rule_table: Callable[[str, str], Path]) -> None:
    rule_table("ordinal_endings.tsv", "ending\tlang\tnote\nth\ten\nème\tfr\n")
    with pytest.raises(RuleTableError, match="ordinal_endings.tsv:3: ending 'ème' must be"):
        numbers.ordinal_endings()

"""Arabic conjunctions and prepositions on or before a name (`arabic_proclitics.tsv`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from normalise import clitics
from normalise.clitics import without_proclitics
from normalise.errors import RuleTableError
from normalise.fallback import proclitic_readings


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("وحلب", [("حلب", "و")]),
        ("بإدلب", [("إدلب", "ب")]),  # the rest as written: its hamza seat kept
        ("للرقة", [("الرقة", "لل"), ("لرقة", "ل")]),  # ل took the article's alif
        ("وبالرقة", [("الرقة", "وبال"), ("بالرقة", "و")]),
        ("في إدلب", [("إدلب", "في")]),
        ("إلى حلب", [("حلب", "الي")]),  # a word of its own, read folded
        ("وَكفرزيتا", [("كفرزيتا", "و")]),  # harakat cleaned
        ("بريف إدلب", [("ريف إدلب", "ب")]),
    ],
)
def test_a_proclitic_is_read_off(name: str, expected: list[tuple[str, str]]) -> None:
    assert without_proclitics(name) == expected


@pytest.mark.parametrize("name", ["Aleppo", "بلد", "في", "حلب", "ولد"])
def test_no_proclitic_or_too_little_left(name: str) -> None:
    assert without_proclitics(name) == []


def test_a_rest_with_a_descriptor_is_read_without_it_too() -> None:
    reasons = [r.reason for r in proclitic_readings("بريف إدلب")]
    assert reasons == ["clitic:ب", "clitic:ب;descriptor:ريف"]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ('bi\t""\tattached\n', "arabic_proclitics.tsv:3: form 'bi' must be Arabic letters"),
        ("ب\tال\tword\n", "arabic_proclitics.tsv:3: to 'ال' must be"),
        ('ف\t""\tglued\n', "arabic_proclitics.tsv:3: position 'glued' is not one of"),
        ('و\t""\tattached\n', "arabic_proclitics.tsv:3: duplicate entry 'و'"),
    ],
)
def test_a_bad_proclitic_row_names_file_and_line(
    rule_table: Callable[[str, str], Path], row: str, message: str
) -> None:
    rule_table("arabic_proclitics.tsv", 'form\tto\tposition\tnote\nو\t""\tattached\n' + row)
    with pytest.raises(RuleTableError, match=message):
        clitics.proclitics()

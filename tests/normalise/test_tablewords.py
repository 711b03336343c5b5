"""Tables of words compared as keys fold them (`compass.tsv`, `facilities.tsv`), loaded
strictly by one loader (`tablewords.load_word_table`): each error names file and line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from normalise import compass, facilities
from normalise.errors import RuleTableError

COMPASS = ("compass.tsv", "word\tlang\tpoint\tnote", compass.compass_words)
FACILITIES = ("facilities.tsv", "word\tlang\tfacility\tnote", facilities.facility_words)


@pytest.mark.parametrize(
    ("table", "row", "message"),
    [(COMPASS, "west\ten\tx", "point 'x' is not one of n, s"),
     (COMPASS, "west\tde\tw", "lang 'de' is not one of en, fr"),
     (COMPASS, "al-gharbiyah\tar\tw", "must be one word without an article"),
     (COMPASS, "north west\ten\tnw", "must be one word without an article"),
     (FACILITIES, "airbase\ten\tairfield", "facility 'airfield' is not one of base, camp"),
     (FACILITIES, "airbase\tde\tbase", "lang 'de' is not one of en, fr"),
     (FACILITIES, "air base\ten\tbase", "must be one word without an article")],
)  # fmt: skip
def test_a_bad_row_names_file_and_line(
    rule_table: Callable[[str, str], Path],
    table: tuple[str, str, Callable[[], object]],
    row: str,
    message: str,
) -> None:
    name, header, load = table
    path = rule_table(name, f"# comment\n{header}\n{row}\n")
    with pytest.raises(RuleTableError, match=message) as info:
        load()
    assert info.value.line == 3
    assert str(info.value).startswith(f"{path}:3:")


@pytest.mark.parametrize(
    ("table", "rows"),
    [(COMPASS, "west\ten\tw\nWest\ten\tw"), (FACILITIES, "camp\ten\tcamp\nCamp\ten\tcamp")],
)
def test_a_word_given_twice_is_an_error(
    rule_table: Callable[[str, str], Path], table: tuple[str, str, Callable[[], object]], rows: str
) -> None:
    name, header, load = table
    rule_table(name, f"{header}\n{rows}\n")
    with pytest.raises(RuleTableError, match="duplicate entry"):
        load()

"""Arabic names against a lexicon of Arabic names (bench/arabic_names.py) on tiny inputs."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import arabic_names as an

from normalise import Normaliser

REWRITES = dict(an.VARIANTS)


@pytest.mark.parametrize(
    ("label", "name", "respelled"),
    [
        ("hamza seats written as plain alef (أ إ آ -> ا)", "أصيلة", "اصيلة"),
        ("hamza seats written as plain alef (أ إ آ -> ا)", "حلب", None),
        ("final ta marbuta written as ha (ة -> ه)", "البصيرة", "البصيره"),
        ("final ta marbuta written as ha (ة -> ه)", "طيبة الإمام", None),  # not final
        ("final alef maksura and ya swapped (ى <-> ي)", "مصطفى", "مصطفي"),
        ("final alef maksura and ya swapped (ى <-> ي)", "حماة", None),
        ("final alef maksura written as alef (ى -> ا)", "ديالى", "ديالا"),
        ("final alef maksura written as alef (ى -> ا)", "سوريا", None),
        ("one-word name without its article (البويرة -> بويرة)", "البويرة", "بويرة"),
        ("one-word name without its article (البويرة -> بويرة)", "دير الزور", None),
    ],
)
def test_everyday_respellings(label: str, name: str, respelled: str | None) -> None:
    assert REWRITES[label](name) == respelled


def test_tally_counts_first_answers_and_confident_ones(one_place: Callable[..., Path]) -> None:
    path = one_place("geonames:173927", "Al Buşayrah", "البصيرة")
    asked = [
        ("البصيرة", "SY", {"geonames:173927"}),
        ("البصيرة", "SY", {"geonames:1"}),  # another place carries it: a wrong answer
    ]
    with Normaliser.open(path) as nz:
        found = an.tally(nz, asked, hint=True)
    assert (found.n, found.top1, found.confident, found.confident_wrong) == (2, 1, 2, 1)
    (wrong,) = found.wrong
    assert wrong.startswith("البصيرة (SY): geonames:173927 Al Buşayrah 0.9")
    assert wrong.endswith("; expected geonames:1")
    assert found.row("on") == "| on | 2 | 50.0 (1) | 100.0 (2) | 1 |"

"""The tally of first answers the respellings and qualified-names benchmarks print."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from firsts import Firsts

from normalise import Normaliser


def test_first_answers_are_counted_right_confident_or_wrong(
    one_place: Callable[..., Path],
) -> None:
    with Normaliser.open(one_place("geonames:173927", "Al Buşayrah", "البصيرة")) as nz:
        firsts = Firsts()
        firsts.add("Al Busayrah", nz.resolve("Al Busayrah"), "geonames:173927")
        firsts.add("Al Busayrah (another)", nz.resolve("Al Busayrah"), "geonames:1")
        firsts.add("Qqqq", nz.resolve("Qqqq"), "geonames:173927")
    assert (firsts.n, firsts.top1) == (3, 1)
    assert firsts.confident + firsts.confident_wrong <= 2
    assert len(firsts.wrong) == 2 and firsts.wrong[0].startswith("Al Busayrah (another): ")
    assert firsts.wrong[1] == "Qqqq: -; expected geonames:173927"
    assert firsts.cells().startswith("3 | 33.3% (1) |")

"""A query's marked letters: a name written exactly as the query ranks before one that folds
like it without them (`normalise.marked`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_resolver import assert_capped, built, upsert

from normalise import Normaliser
from normalise.marked import marked_letters


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kudüs", {"ü"}),
        ("Şeyh Maksut", {"ş"}),
        ("Ḩamāh", {"ḩ", "ā"}),
        ("Çığlı", {"ç", "ğ"}),  # ı is a letter of its own, which sources write as i too
        ("İdlib", set()),  # İ lower-cases to i and a combining dot: no marked letter
        ("Kudus", set()),
        ("القدس", set()),
    ],
)
def test_marked_letters(name: str, expected: set[str]) -> None:
    assert marked_letters(name) == expected


def test_a_name_written_as_the_query_ranks_before_one_folded_like_it(tmp_path: Path) -> None:
    # Jerusalem's Turkish name is Kudüs; folded, the query met Indonesia's Kudus too, which
    # ranked first by its size
    ops = [
        upsert("geonames:281184", "IL", "06", 801_000, ["Jerusalem", "Kudüs"]),
        upsert("geonames:1639215", "ID", "07", 1_100_000, ["Kudus"]),
        upsert("geonames:318522", "TR", "33", 1_200, ["Çığlı"]),
        upsert("geonames:320257", "TR", "35", 190_000, ["Çiğli"]),
    ]
    with Normaliser.open(built(tmp_path, ops)) as nz:
        kudus = nz.resolve("Kudüs")
        plain = nz.resolve("Kudus")
        cigli = nz.resolve("Çığlı", country="TR")
    assert_capped(kudus, "geonames:281184", "geonames:1639215")
    assert plain[0].id == "geonames:1639215"  # written without the mark, it is Kudus's
    # Çiğli writes the query's ç and ğ (its i for ı is no mark): it keeps its score
    assert {m.id for m in cigli[:2]} == {"geonames:318522", "geonames:320257"}, cigli
    assert cigli[1].score > 0.9 * cigli[0].score

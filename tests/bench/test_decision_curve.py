"""bench/decision_curve.py: what the protocol's metrics would be at cuts of `Match.confidence`."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from decision_curve import Answered, curve_rows, main


def _q1(query: str, expected: str, top: str, confidence: float) -> Answered:
    record = {"query": query, "country": "SY", "expected": [expected], "band": "near"}
    return Answered("Q1", record, ((top, 0.9), (expected + "-twin", 0.5)), confidence)


def _q3(query: str, top: str, confidence: float) -> Answered:
    return Answered(
        "Q3", {"query": query, "country": "SY", "expected": []}, ((top, 0.9),), confidence
    )


def test_only_a_first_candidate_from_the_cut_on_is_confident() -> None:
    answered = _q1("Kafrzeita", "a", "a", 0.6)
    assert answered.at(0.6).hits[0][2] is True
    assert answered.at(0.61).hits[0][2] is False
    assert not any(hit[2] for hit in answered.at(0.0).hits[1:])


def test_each_cut_reads_precision_recall_and_false_confident_rate() -> None:
    answered = [
        _q1("Kafrzeita", "a", "a", 0.95),  # right, sure
        _q1("Hilfeyeh", "b", "b", 0.6),  # right, less sure
        _q1("Kirnez", "c", "x", 0.7),  # wrong
        _q1("Sooran", "d", "d", 0.1),  # right, unsure
        _q3("Nowhere", "y", 0.8),  # missing from the lexicon
    ]
    rows = {row[0]: row for row in curve_rows(answered, [0.5, 0.9], calibrated=0.75)}
    assert list(rows) == ["0.5000", "0.7500 calibrated", "0.9000"]
    # ar: conf P, conf R, confident, Q3 false-conf; TR has no queries
    assert rows["0.5000"][1:5] == ["66.7", "50.0", "3", "100.0"]
    assert rows["0.7500 calibrated"][1:5] == ["100.0", "25.0", "1", "100.0"]
    assert rows["0.9000"][1:5] == ["100.0", "25.0", "1", "0.0"]
    assert rows["0.9000"][5:] == ["–", "–", "0", "–"]


@pytest.mark.parametrize("cuts", ["0.5,x", "1.5", ""])
def test_bad_cuts_are_refused_with_a_message(cuts: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--cuts", cuts])
    assert exc.value.code == 2
    assert "--cuts" in capsys.readouterr().err

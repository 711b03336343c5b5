"""The decision model's training data and cut (bench/train_scoring.py) on tiny inputs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import train_scoring as ts

from bench.lexicons import load_protocol_lexicon
from normalise.resolver import Resolver


def examples(rows: list[tuple[float, int, bool, str]]) -> tuple[np.ndarray, ts.Decisions]:
    """(p, right, missing from the lexicon, region) per example, all with the hint on."""
    data = ts.Decisions()
    for _, right, negative, region in rows:
        data.xs.append([])
        data.ys.append(right)
        data.negative.append(negative)
        data.weights.append(1.0)
        data.region.append(region)
        data.hint.append(True)
    return np.array([row[0] for row in rows]), data


def test_the_cut_keeps_each_regions_false_confident_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ts, "MAX_FALSE_CONFIDENT", {"ar": 0.25, "TR": 0.5})
    positives = [(0.99, 1, False, "ar"), (0.9, 1, False, "ar"), (0.8, 1, False, "TR")]
    # ar: one missing name of four may be confident; TR: one of two
    missing = [(0.95, 0, True, "ar"), (0.85, 0, True, "ar"), (0.1, 0, True, "ar")]
    missing += [(0.1, 0, True, "ar"), (0.7, 0, True, "TR"), (0.1, 0, True, "TR")]
    p, data = examples(positives + missing)
    assert ts.choose_threshold(p, data, total=3) == 0.9  # 0.85 would let two ar names through
    monkeypatch.setattr(ts, "MAX_FALSE_CONFIDENT", {"ar": 0.5, "TR": 0.5})
    assert ts.choose_threshold(p, data, total=3) == 0.8  # all three, and the highest such cut


def test_the_cut_keeps_the_precision_target() -> None:
    rows = [(0.99, 1, False, "ar"), (0.9, 0, False, "ar"), (0.8, 1, False, "ar")]
    p, data = examples(rows)
    assert ts.choose_threshold(p, data, total=3) == 0.99


def test_leave_one_out_makes_a_negative_of_a_known_place(tmp_path: Path) -> None:
    places = [
        {"id": "geonames:1", "country": "SY", "admin1": "10", "population": 5000,
         "names": ["Kafr Zita", "كفر زيتا"]},
        {"id": "geonames:2", "country": "SY", "admin1": "10", "population": 100,
         "names": ["Kafr Zitan"]},
    ]  # fmt: skip
    source = tmp_path / "places.jsonl"
    source.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in places) + "\n")
    resolver = Resolver(load_protocol_lexicon(source, tmp_path / "lex.sqlite"), threshold=1.0)
    query = {"query": "Kafrzeita", "country": "SY", "expected": ["geonames:1"]}
    known = ts.decisions(resolver, [query])
    assert known.ys == [1, 1] and known.negative == [False, False]  # hint on and off
    left_out = ts.decisions(resolver, [query], leave_out=True)
    assert left_out.ys == [0, 0] and left_out.negative == [True, True]
    assert left_out.weights == [1.0, 1.0] and left_out.region == ["ar", "ar"]
    assert left_out.hint == [True, False]
    q3 = ts.decisions(resolver, [{"query": "Kafr Zitani", "country": "SY"}], negative=True)
    assert q3.negative == [True, True] and q3.weights == [ts.NEGATIVE_WEIGHT] * 2


def test_leave_one_out_drops_the_place_itself(tmp_path: Path) -> None:
    source = tmp_path / "one.jsonl"
    place = {"id": "geonames:1", "country": "SY", "admin1": "10", "population": 5000,
             "names": ["Kafr Zita"]}  # fmt: skip
    source.write_text(json.dumps(place) + "\n")
    resolver = Resolver(load_protocol_lexicon(source, tmp_path / "lex.sqlite"), threshold=1.0)
    query = {"query": "Kafrzeita", "country": "SY", "expected": ["geonames:1"]}
    assert len(ts.decisions(resolver, [query]).ys) == 2
    assert ts.decisions(resolver, [query], leave_out=True).ys == []  # no other candidate


def test_without_leaves_its_entities_out_of_every_lookup() -> None:
    # a lookup the resolver gains must leave the query's own place out too, or leave-one-out
    # counts the right answer as a confident wrong one (candidates_within did, at first)
    from normalise.match import CandidateSource

    lookups = [
        name
        for name in vars(CandidateSource)
        if not name.startswith("_")
        and getattr(CandidateSource, name).__annotations__.get("return") == "list[CandidateRow]"
    ]
    assert "candidates_within" in lookups and "candidates" in lookups
    missing = [name for name in lookups if name not in vars(ts.Without)]
    assert not missing, f"Without does not filter {missing}"

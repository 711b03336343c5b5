"""Protocol metrics and tables of bench/metrics.py on hand-made results."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import metrics as mt
from metrics import QueryResult, Run


def q1(query: str, cc: str, expected: list[str], band: str = "near", cat: str = "normal") -> dict:
    return {"query": query, "country": cc, "expected": expected, "band": band, "category": cat,
            "split": "test"}  # fmt: skip


def res(set_name: str, rec: dict, *hits: tuple[str, float, bool]) -> QueryResult:
    return QueryResult.of(set_name, rec, hits)


def test_compute_protocol_definitions() -> None:
    results = [
        res("Q1", q1("a", "SY", ["g:1"]), ("g:1", 0.9, True)),  # confident, correct
        res("Q1", q1("b", "SY", ["g:2"]), ("g:9", 0.9, True), ("g:2", 0.5, False)),  # conf wrong
        res("Q1", q1("c", "SY", ["g:3"]), ("g:3", 0.4, False)),  # correct, not confident
        res("Q1", q1("d", "SY", ["g:4"])),  # no answer
    ]
    m = mt.compute(results)
    assert m.n == 4
    assert m.top1 == pytest.approx(50.0)
    assert m.recall5 == pytest.approx(75.0)
    assert m.conf_precision == pytest.approx(50.0)
    assert m.conf_recall == pytest.approx(25.0)
    assert m.answered == pytest.approx(75.0)
    assert m.n_confident == 2


def test_confident_precision_undefined_without_confident_answers() -> None:
    m = mt.compute([res("Q1", q1("a", "SY", ["g:1"]), ("g:1", 0.4, False))])
    assert m.conf_precision is None and mt.fmt_pct(m.conf_precision) == "–"
    assert mt.compute([]).top1 is None


def test_only_five_hits_count() -> None:
    hits = [(f"g:{i}", 1.0 - i / 10, False) for i in range(6)]
    r = QueryResult.of("Q1", q1("a", "SY", ["g:5"]), hits)
    assert len(r.hits) == 5 and not r.any_correct


def test_false_confident_counts_any_tuple() -> None:
    neg = {"query": "x", "country": "TR", "kind": "canonical", "split": "test"}
    results = [
        res("Q3", neg, ("g:1", 0.9, False), ("g:2", 0.8, True)),
        res("Q3", neg, ("g:1", 0.9, False)),
        res("Q3", neg),
    ]
    m = mt.compute(results)
    assert m.false_confident == pytest.approx(100 / 3)
    assert m.top1 == 0.0  # Q3 has no expected ids


def test_regions_and_slices() -> None:
    assert mt.region_of("TR") == "TR"
    assert mt.region_of("SY") == "ar" and mt.region_of("OM") == "ar"
    results = [
        res("Q1", q1("a", "SY", ["g:1"], band="near"), ("g:1", 1.0, True)),
        res("Q1", q1("b", "TR", ["g:2"], band="near")),
        res("Q1", q1("c", "EG", ["g:3"], band="mid", cat="machine"), ("g:3", 1.0, False)),
        res("Q1", q1("d", "EG", ["g:4"], band="far")),
    ]
    run = Run("sys", True, "test", results)
    assert run.metrics(mt.where("Q1", "ar", band="near")).top1 == 100.0
    assert run.metrics(mt.where("Q1", "TR", band="near")).top1 == 0.0
    assert run.metrics(mt.where("Q1", "ar", band=("near", "mid"))).n == 2
    assert run.metrics(mt.where("Q1", category="machine")).n == 1
    assert run.metrics(mt.where("Q2")).n == 0


def test_formatting() -> None:
    assert mt.fmt_pct(96.44) == "96.4"
    assert [mt.fmt_rate(x) for x in (1.1e6, 463_000, 6_500, 950, None)] == [
        "1.1M", "463k", "6.5k", "950", "–"
    ]  # fmt: skip
    table = mt.markdown_table(["system", "a"], [["x", "1.0"]])
    assert table.splitlines() == ["| system | a |", "|---|---:|", "| x | 1.0 |"]


def test_region_row_layout() -> None:
    ar_near = q1("a", "SY", ["g:1"], band="near")
    neg = {"query": "n", "country": "TR", "kind": "arabic", "split": "test"}
    no_sk = {"query": "q", "country": "JO", "expected": ["g:7"], "category": "no_skeleton",
             "split": "test"}  # fmt: skip
    run = Run("ours", True, "test", [
        res("Q1", ar_near, ("g:1", 1.0, True)),
        res("Q2", no_sk, ("g:8", 1.0, False), ("g:7", 0.5, False)),
        res("Q3", neg, ("g:1", 0.2, True)),
    ])  # fmt: skip
    row = mt.region_row(run)
    assert len(row) == len(mt.REGION_HEADER)
    assert row == ["ours (hint on)", "100.0", "–", "100.0 / 100.0", "–", "–", "0.0", "–", "–",
                   "100.0"]  # fmt: skip


def test_parse_region_table() -> None:
    text = """# x

## By region (what the targets are set on)

Intro.

| system | Q1 ar near | Q1 ar mid | Q1 ar near+mid conf P / R | Q1 TR near | Q1 TR mid | Q2 ar no_skeleton | Q2 TR no_skeleton | Q3 ar false-conf | Q3 TR false-conf |
|---|---:|---:|---|---:|---:|---:|---:|---:|---:|
| B3 fuzzy JW (p95) | 96.4 | 63.5 | 98.4 / 33.7 | 83.1 | 35.1 | 76.5 | 56.3 | 1.4 | 8.2 |

After.

## Headline

| system | hint |
|---|---|
| B0 exact | on |
"""  # noqa: E501
    rows = mt.parse_region_table(text)
    assert rows == [["B3 fuzzy JW (p95)", "96.4", "63.5", "98.4 / 33.7", "83.1", "35.1", "76.5",
                     "56.3", "1.4", "8.2"]]  # fmt: skip
    assert mt.parse_region_table("no table") == []


def test_peer_rows_fall_back_to_embedded(tmp_path: Path) -> None:
    rows, origin = mt.peer_rows(tmp_path / "missing.md")
    assert "embedded" in origin
    assert [r[0] for r in rows] == ["B3 fuzzy JW (p95) (peer)", "B5 rigour (p95) (peer)"]


def test_report_renders_every_section() -> None:
    run = Run("ours", True, "test", [res("Q1", q1("a", "SY", ["g:1"]), ("g:1", 1.0, True))],
              load_seconds={"lexicon_A": 0.1}, resolve_seconds={"Q1": 0.5})  # fmt: skip
    text = mt.report([run], peers=False)
    for heading in ("## By region", "## Headline", "## Q1 by band", "## Detail: region ar",
                    "## Acceptance"):  # fmt: skip
        assert heading in text
    assert "| ours | on | 100.0 |" in text
    assert run.qps("Q1") == pytest.approx(2.0)

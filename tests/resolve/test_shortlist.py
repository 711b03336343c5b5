"""The shortlist: a query finding hundreds of names scores only the closest few."""

from __future__ import annotations

from normalise.keys import build_keys
from normalise.match import CandidateRow
from normalise.resolver import MAX_SCORED, shortlist
from normalise.variants import readings


def row(text: str, key: str, population: int = 0, entity: str | None = None) -> CandidateRow:
    keys = build_keys(text, "tr")
    return CandidateRow(
        entity or f"geonames:{text}:{key}:{population}", "place", "TR", None, population,
        text, None, "canonical", keys.folded, keys.skeleton, keys.phonetic,
        " ".join(keys.tokens), key,
    )  # fmt: skip


def test_few_rows_pass_untouched_tr() -> None:
    rows = [row("Karaköy", "s:KRK"), row("Kuruköy", "d:KRK")]
    assert shortlist(rows, readings("Karakoy", "tr")) is rows


def test_many_rows_keep_exact_hits_then_closest_spellings_tr() -> None:
    noise = [row(f"Kırık{i}", "d:KRK", population=10_000) for i in range(200)]
    exact = row("Karakoy", "x:karakoy", entity="geonames:exact")
    close = row("Karaköy", "s:KRK", population=5, entity="geonames:close")
    kept = shortlist([*noise, close, exact], readings("Karakoy", "tr"))
    assert len(kept) == MAX_SCORED
    assert kept[0].entity_id == "geonames:exact"
    assert kept[1].entity_id == "geonames:close"  # closer spelling beats larger population


def test_ties_broken_by_population_tr() -> None:
    rows = [row("Karaköy", "s:KRK", population=p) for p in range(100)]
    kept = shortlist(rows, readings("Karakoy", "tr"), limit=3)
    assert [r.population for r in kept] == [99, 98, 97]

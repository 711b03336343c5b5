"""The shortlist: a query finding hundreds of names scores only the closest few."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from normalise.keys import build_keys
from normalise.match import CandidateRow, key_rank
from normalise.ranking import MAX_SCORED, shortlist
from normalise.reading import Reading
from normalise.variants import readings


def row(
    text: str, key: str, population: int | None = 0, entity: str | None = None, kind: str = "place"
) -> CandidateRow:
    keys = build_keys(text, "tr")
    return CandidateRow(
        entity or f"geonames:{text}:{key}:{population}", kind, "TR", None, population,
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


def test_a_province_ranks_among_places_of_its_name_as_the_key_index_reads_it_tr() -> None:
    # `key_rank`: of no population, a province counts as a city of a million, not as a
    # village of none, so that it is scored among the 37 places named Washington
    rows = [row("Hatay", "x:hatay", population=p) for p in range(1, 41)]
    province = row("Hatay", "x:hatay", population=None, entity="iso3166-2:TR-31", kind="region")
    kept = shortlist([*rows, province], readings("Hatay", "tr"), limit=3)
    assert [r.entity_id for r in kept][:1] == ["iso3166-2:TR-31"]
    assert [r.population for r in kept[1:]] == [40, 39]


def reference_order(
    rows: list[CandidateRow], query: list[Reading], limit: int
) -> list[CandidateRow]:
    """The documented order, computed the plain way: a stable sort of every row."""
    spellings = {r.phonetic.replace(" ", "") for r in query}

    def order(r: CandidateRow) -> tuple[int, float, int]:
        own = r.phonetic.replace(" ", "")
        closest = max(Indel.normalized_similarity(q, own) for q in spellings)
        return (0 if r.key[:1] in "xf" else 1, -closest, -key_rank(r.kind, r.population))

    return sorted(rows, key=order)[:limit]


def light_row(
    i: int, phonetic: str, family: str, population: int | None, kind: str = "place"
) -> CandidateRow:
    return CandidateRow(
        f"geonames:{i}", kind, "TR", None, population, "x", None, "alternate", "x", "K",
        phonetic, "", f"{family}:K",
    )  # fmt: skip


_SPELLING = st.text(alphabet="ab k", max_size=6)


@settings(max_examples=300, deadline=None)
@given(
    found=st.lists(
        st.tuples(
            _SPELLING,
            st.sampled_from("xfsdt"),
            st.sampled_from([None, 0, 7, 7, 900]),
            st.sampled_from(["place", "place", "region"]),
        ),
        max_size=150,
    ),
    spellings=st.lists(_SPELLING, min_size=1, max_size=3),
    limit=st.sampled_from([1, 3, MAX_SCORED]),
)
def test_shortlist_is_the_first_rows_of_the_full_order_tr(
    found: list[tuple[str, str, int | None, str]], spellings: list[str], limit: int
) -> None:
    rows = [light_row(i, phonetic, family, population, kind)
            for i, (phonetic, family, population, kind) in enumerate(found)]  # fmt: skip
    query = [Reading("K", (), spelling, None) for spelling in spellings]
    expected = rows if len(rows) <= limit else reference_order(rows, query, limit)
    assert shortlist(rows, query, limit) == expected

"""Scored candidates: the best-scoring name of each candidate entity, the order they are
shown in, and the shortlist of candidate names worth scoring in full."""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import repeat
from operator import attrgetter

from rapidfuzz.distance import Indel

from normalise.match import CandidateRow, key_rank
from normalise.reading import Reading

MIN_SCORE = 0.001  # candidates below this probability are not worth showing
MAX_SCORED = 32  # candidate names fully scored per query; more are shortlisted first


@dataclass(slots=True)
class Scored:
    """The best-scoring name of one candidate entity, and the features that scored it."""

    score: float
    row: CandidateRow
    reading: Reading
    features: list[float]
    support: tuple[str, ...] = ()  # reasons of other readings that also found it well


def rank(best: dict[str, Scored]) -> list[tuple[str, Scored]]:
    """Order scored entities best first (ties: larger population, then ID)."""
    return sorted(
        ((k, v) for k, v in best.items() if v.score >= MIN_SCORE),
        key=lambda item: (-item[1].score, -(item[1].row.population or 0), item[0]),
    )


def cap_scores(best: dict[str, Scored], ceiling: float, capped: Callable[[Scored], bool]) -> None:
    """Lower to `ceiling` the score of each entity `capped` selects that scores above it."""
    for entity_id, scored in best.items():
        if scored.score > ceiling and capped(scored):
            best[entity_id] = replace(scored, score=ceiling)


def keep_better(best: dict[str, Scored], scored: dict[str, Scored]) -> None:
    """Add to `best` each entity of `scored` it lacks or that scored better there."""
    for entity_id, found in scored.items():
        if entity_id not in best or found.score > best[entity_id].score:
            best[entity_id] = found


def best_score(best: dict[str, Scored]) -> float:
    """Return the best score of the scored entities (0 with none)."""
    return max((s.score for s in best.values()), default=0.0)


_PHONETIC = attrgetter("phonetic")
_KEY = attrgetter("key")


def shortlist(
    rows: list[CandidateRow], query_readings: list[Reading], limit: int = MAX_SCORED
) -> list[CandidateRow]:
    """Return at most `limit` rows: the closest to any reading, by a cheap ordering.

    A short common name (a Turkish `Karaköy`, an Arabic `Tall`) can find hundreds of names
    in one country; scoring them all costs milliseconds. They are ordered by key family
    (exact and folded hits first), then by the Indel similarity of their spelling to the
    closest reading (one C call a row and reading), then by population as the key index
    ranks it (`key_rank`: a province as a city of a million; `Washington`, a name of 37
    places, is the US state's too), and only the first `limit` go on to full scoring. The
    sort is stable: ties keep the lookup's order.
    """
    if len(rows) <= limit:
        return rows
    spellings = list({r.phonetic.replace(" ", "") for r in query_readings})
    # C-level loops (map) over the rows: this runs on up to 2,000 rows per query.
    owns = list(map(str.replace, map(_PHONETIC, rows), repeat(" "), repeat("")))
    similarity = Indel.normalized_similarity
    closest = list(map(similarity, repeat(spellings[0]), owns))
    for spelling in spellings[1:]:
        closest = list(map(max, closest, map(similarity, repeat(spelling), owns)))
    exact = [key[:1] in "xf" for key in map(_KEY, rows)]
    # Only rows that can be among the first `limit` are ordered: every exact or folded hit,
    # and the other rows at least as close as the `room`-th closest of them (ties at that
    # closeness are settled by the full order below).
    room = limit - sum(exact)
    chosen = [i for i, hit in enumerate(exact) if hit]
    if room > 0:
        others = [i for i, hit in enumerate(exact) if not hit]
        cut = heapq.nlargest(room, [closest[i] for i in others])[-1]
        chosen += [i for i in others if closest[i] >= cut]

    def order(i: int) -> tuple[int, float, int, int]:
        rank = key_rank(rows[i].kind, rows[i].population)  # a province as a city of a million
        return (0 if exact[i] else 1, -closest[i], -rank, i)

    return [rows[i] for i in sorted(chosen, key=order)[:limit]]

"""Result types of resolution, and the interface the resolver reads candidates through."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import asdict, dataclass, field
from operator import attrgetter
from typing import Any, NamedTuple, Protocol

# Entities that act in the news rather than lie on a map: their names are written with their
# article or without it alike (al-Assad, Assad), and they have no population.
ACTOR_KINDS = frozenset({"organisation", "person"})
# Entities a report on any country names (a report on Syria names Iran, Russia and Türkiye, the
# PKK and Erdoğan): a country hint is where a place lies, and says nothing against these.
NAMED_ANYWHERE = ACTOR_KINDS | {"country"}
# The languages the reports are written in, whose names of countries weigh more than CLDR's other
# 150 (`Kana`, Ghana in Tongan, is Qana's Turkish spelling; `SUR`, Suriname's ISO code, Tyre's
# Turkish name `Sur`): `lexicon.memo.country_keys`, `decision._rivals_of_a_name`.
REPORT_LANGS = ("en", "ar", "tr")
# The population an entity without one counts as where entities are ranked by population: a
# key's rows (`key_rank`) and the scorer's `population` term: every kind but place
# (organisations, people, provinces, which a text names far more often than a village of
# their name).
PROMINENT_POPULATION = 1_000_000


def key_rank(kind: str, population: int | None) -> int:
    """Return where an entity's key rows come among a key's: its population, or for an entity
    of another kind than place with none, `PROMINENT_POPULATION`.

    A key's rows are read most populous first, and only the first few (`candidates.
    COUNTRY_ROWS_PER_KEY`), and a query's candidate names are shortlisted so too
    (`ranking.shortlist`). An organisation, a person or a province has no population: ranked
    as 0, it came after every village sharing a key and was never read by it (`al-Assad`,
    skeleton SD, found 16 places across the world and not Bashar al-Assad)."""
    if population:
        return population
    return 0 if kind == "place" else PROMINENT_POPULATION


@dataclass(frozen=True, slots=True)
class Match:
    """One candidate entity for a queried name.

    Attributes:
        id: the canonical ID (CURIE) — the survivor when the matched ID was merged.
        name: the entity's display (canonical) name.
        kind: country | region | place | organisation | person | other.
        country: ISO 3166 alpha-2, when known.
        score: similarity and context combined, 0..1.
        match: True for a confident match: good and clearly ahead of the next candidate.
            At most one candidate of a result has it.
        why: short stable reasons: the keys and rules that produced the candidate
            (`skeleton:KFRZT`, `rule:fr:ou→u`, `article:al`, `context:admin1=10`).
        matched_name: the lexicon name the query matched best.
        confidence: the decision model's probability that the candidate is the entity the
            name means, 0..1, given for the resolver's first candidate (0 for the others and
            for candidates found only through a translation); 1 when a rule decides (a
            country, organisation or person, or a large city, named as the query spells it),
            0 when one rules a confident match out (not clearly ahead of the next). `match`
            is True from the cut calibrated on the dev split for 99% precision; a pipeline
            that prefers recall may take a first candidate from a lower cut of its own
            (README, `bench/decision_curve.py`).
    """

    id: str
    name: str
    kind: str
    country: str | None
    score: float
    match: bool
    why: tuple[str, ...] = field(default=())
    matched_name: str = ""
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        data = asdict(self)
        data["why"] = list(self.why)
        return data


class CandidateRow(NamedTuple):
    """One lexicon name found under one key, with what the scorer needs of its entity."""

    entity_id: str
    kind: str
    country: str | None
    admin1: str | None
    population: int | None
    name_text: str
    name_lang: str | None
    name_kind: str
    folded: str
    skeleton: str
    phonetic: str
    tokens: str
    key: str


# Key families, strongest first: exact, folded, skeleton, near-skeleton (deletion), token, and
# the resolver's compound (a first part of a one-word query) and headed (a name of the caller's
# first-level division begun by the query's bare generic head).
KEY_STRENGTH = {"x": 0, "f": 1, "s": 2, "d": 3, "t": 4, "c": 5, "h": 6}
_ENTITY = attrgetter("entity_id")
_TEXT = attrgetter("name_text")


def strongest_rows(rows: list[CandidateRow]) -> list[CandidateRow]:
    """Keep, for each name of each entity, only the row of its strongest key family
    (exact > folded > skeleton > near-skeleton > token)."""
    idents = list(zip(map(_ENTITY, rows), map(_TEXT, rows), strict=True))
    if len(set(idents)) == len(idents):  # the usual case: one row per name already
        return list(rows)
    chosen: dict[tuple[str, str], CandidateRow] = {}
    for row in rows:
        ident = (row.entity_id, row.name_text)
        current = chosen.get(ident)
        if current is None or KEY_STRENGTH[row.key[:1]] < KEY_STRENGTH[current.key[:1]]:
            chosen[ident] = row
    return list(chosen.values())


def merge_rows(*lookups: list[CandidateRow]) -> list[CandidateRow]:
    """Return the rows of several lookups as one lookup of all their keys returns them: a name
    found by several under its strongest key, ordered by key family, then population."""
    filled = [rows for rows in lookups if rows]
    if len(filled) <= 1:
        return filled[0] if filled else []
    rows = strongest_rows([row for rows in filled for row in rows])
    rows.sort(key=lambda r: (KEY_STRENGTH[r.key[:1]], -(r.population or 0)))
    return rows


class CandidateSource(Protocol):
    """What the resolver needs of a lexicon: key lookups, judgements, display names."""

    def candidates(
        self,
        keys: Sequence[str],
        *,
        country: str | None = None,
        kind: str | None = None,
        limit: int = 2000,
    ) -> list[CandidateRow]:
        """Return the names indexed under any of `keys` (prefixed: `s:KFRZT`), of entities of
        `country` and `kind` when given."""
        ...

    def candidates_within(
        self, keys: Sequence[str], countries: Sequence[str], *, limit: int = 2000
    ) -> list[CandidateRow]:
        """Return the names indexed under any of `keys` of entities of `countries`."""
        ...

    def not_same(self, folded: str) -> set[str]:
        """Return the IDs judged not to be the entity named `folded`."""
        ...

    def display_names(self, entity_ids: Sequence[str]) -> dict[str, str]:
        """Return the canonical names of active entities (one lookup for a whole result)."""
        ...

    def names_by_skeleton(
        self, entity_ids: Sequence[str], skeletons: Sequence[str], *, arabic: bool | None = None
    ) -> list[CandidateRow]:
        """Return the names of these entities whose skeleton is among `skeletons` (the names
        a key row does not point at)."""
        ...

    def names_of(self, entity_ids: Sequence[str]) -> list[CandidateRow]:
        """Return every name of these entities."""
        ...

    def names_headed(
        self, heads: Sequence[str], *, country: str, admin1: str
    ) -> list[CandidateRow]:
        """Return the names in `country` and `admin1` whose first word is one of `heads`
        (folded spellings of one generic head: `bab`, `tall`, `tell`)."""
        ...

    def division(self, entity_id: str) -> tuple[str | None, str | None] | None:
        """Return the country and admin1 code of an entity (None for an unknown ID)."""
        ...

    def country_words(self, country: str, lang: str) -> tuple[str, ...]:
        """Return the one-word names of a country in a language, demonyms too."""
        ...

    def surnames(self) -> frozenset[str]:
        """Return the folded last words of the people's Latin names (`barzani`)."""
        ...

    def province(self, country: str, admin1: str) -> str | None:
        """Return the ID of the province of `country` with GeoNames admin1 code `admin1`."""
        ...

    def largest_population(self, country: str, admin1: str) -> int:
        """Return the population of the most populous place of `country` with GeoNames
        admin1 code `admin1` (0 for none)."""
        ...

    def divisions(self) -> dict[Hashable, object]:
        """Return a memo of what admin1 hints were read as, kept per lexicon version (a
        source without versions may return a new dict each time)."""
        ...

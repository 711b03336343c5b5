"""Facility words: the kind of facility a name says it is (`lexicons/rules/facilities.tsv`).

News text names an air base, a camp, a border crossing, a dam, an oil field, a port or a prison
after the place it is at (`Kuweires air base`, `al-Hol camp`), and the resolver also reads
such a name without its descriptor, which finds the place (`descriptors.tsv`). When the lexicon
holds the facility, it is what the query means: a candidate found only by reading the
descriptor off ranks below a facility of the kind the query says, named after the place the
query names (`prefer_facilities`). `Kweires air base` is Kuweires Military Airbase, not the
village of Kweires, though spelled as the village and not as the base. A query that says no
facility names a town rather than the camp named after it (`prefer_towns`: Rafah, not Rafah
Camp).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import cache, lru_cache
from operator import attrgetter

from normalise.description import without_descriptor
from normalise.forms import matched_stem
from normalise.generic import DESCRIBED
from normalise.keys import build_keys
from normalise.lexicon.keyindex import MIN_TOKEN, key_lang
from normalise.match import CandidateRow
from normalise.matres import is_arabic_text
from normalise.ranking import Scored, cap_scores, rank
from normalise.tablewords import load_word_table
from normalise.text import MEMO_TEXTS

FACILITIES = ("base", "camp", "crossing", "dam", "field", "port", "prison")
# A facility scoring less than this is too far from the query to say what it means.
FACILITY_FLOOR = 0.5
# A place found by reading the descriptor off scores at most this share of the facility's.
PLACE_SHARE = 0.9
# Places found by reading a facility word off within this of the best one's score are the
# places a query may name a facility at (`places_read_off`).
CLOSE = 0.05


@cache
def facility_words() -> tuple[dict[str, str], dict[str, str]]:
    """Load `facilities.tsv` strictly: the facility of each folded word of Latin names, and of
    Arabic-script names (file:line on any error)."""
    return load_word_table("facilities.tsv", "facility", FACILITIES)


@lru_cache(maxsize=MEMO_TEXTS)
def facilities_said(folded: str, arabic: bool) -> frozenset[str]:
    """Return the facilities a name says, from its folded key (`Keys.folded`): `kuweires
    military airbase` {base}, `mkhim al hul` (Arabic script) {camp}; empty for a name that
    says none."""
    words = facility_words()[1 if arabic else 0]
    return frozenset(words[token] for token in folded.split() if token in words)


def _said_by(row: CandidateRow) -> frozenset[str]:
    """Return the facilities a candidate's name says."""
    return facilities_said(row.folded, is_arabic_text(row.name_text))


def _says(row: CandidateRow, facilities: frozenset[str]) -> bool:
    """Return True when a candidate's name says one of `facilities`."""
    return not facilities.isdisjoint(_said_by(row))


def _read_off(scored: Scored) -> bool:
    """Return True when a candidate was found by reading a descriptor off the query."""
    reason = scored.reading.reason
    return reason is not None and reason.startswith("descriptor:")


def _named_alike(facility: Scored, place: CandidateRow) -> bool:
    """Return True when a facility may be the one a query names at a place: found by the
    query's name read without its descriptor, as the place was (its own name spelled after
    the place's), or else in the place's country and first-level division."""
    row = facility.row
    if _read_off(facility):
        return True
    return row.country == place.country and row.admin1 is not None and row.admin1 == place.admin1


def places_read_off(best: dict[str, Scored], said: frozenset[str]) -> list[tuple[str, Scored]]:
    """Return the places a query that says facilities (`said`) names, best first, when its best
    candidate is a place found by reading the facility word off the query, scoring at least
    `FACILITY_FLOOR`, and no facility of those kinds scores so well: that place and the others
    found so within `CLOSE` of its score (`Hama Havalimanı`: the village al-Hamah, 0.973, and
    the city of Hama, 0.971). The query names a facility at one of them (`Beyrut Havalimanı`,
    Beirut), which its own words did not find. Else []."""
    if not said or not best:
        return []
    if any(s.score >= FACILITY_FLOOR and _says(s.row, said) for s in best.values()):
        return []
    ranked = rank(best)
    if not ranked:
        return []  # every candidate scored below the least a result shows
    top = ranked[0][1]
    if not _a_place_read_off(top, said) or top.score < FACILITY_FLOOR:
        return []
    least = max(FACILITY_FLOOR, top.score - CLOSE)
    return [(i, s) for i, s in ranked if s.score >= least and _a_place_read_off(s, said)]


def _a_place_read_off(scored: Scored, said: frozenset[str]) -> bool:
    """Return True for a place, no facility of the kinds said, found by reading one off."""
    return scored.row.kind == "place" and _read_off(scored) and not _says(scored.row, said)


def facility_ids(
    rows: list[CandidateRow], said: frozenset[str], places: Iterable[str]
) -> list[str]:
    """Return the entities of `rows` that may be facilities of the kinds said at `places`:
    places, none of them, found by a name that says one of those kinds (a key row points at
    an entity's first name that has the key, a facility's own name with its word), whose
    names `facilities_at` then reads."""
    named = set(places)
    return list(
        dict.fromkeys(
            row.entity_id
            for row in rows
            if row.kind == "place" and row.entity_id not in named and _says(row, said)
        )
    )


def place_keys(names: list[CandidateRow]) -> list[str]:
    """Return the token keys a facility named after a place is found by: the longest token of
    each of the place's names (`t:BRT` of Beirut, `t:BYRT` of Beyrut)."""
    out: dict[str, None] = {}
    for row in names:
        tokens = [t for t in row.tokens.split() if len(t) >= MIN_TOKEN]
        if tokens:
            out["t:" + max(tokens, key=len)] = None
    return list(out)


@lru_cache(maxsize=MEMO_TEXTS)
def _stem_skeleton(text: str, lang: str | None) -> str:
    """Return the skeleton of a name without its descriptors (`مطار دمشق الدولي`: DMSK;
    `Beirut airport`: BRT), "" for a name without one."""
    found = without_descriptor(text, lang)
    return "" if found is None else build_keys(found[0], lang).skeleton


def facilities_at(
    places: list[tuple[str, Scored]],
    names: list[CandidateRow],
    rows: list[CandidateRow],
    said: frozenset[str],
) -> dict[str, Scored]:
    """Return the facilities among `rows` (all their names) of the kinds a query says (`said`)
    named after one of the places it names (`places`, best first, and `names`, all their
    names), each scored as that place: a name of the facility that says one of those kinds is,
    without its descriptors, spelled as one of the place's names in any language (their
    skeletons), and the facility lies in the place's country, of places alike in its
    first-level division if one is (Hama Military Airport: the city of Hama's, not the village
    al-Hamah's; Beirut's airport is in Mount Lebanon, not in Beirut's division), else the best.
    Each comes with a name spelled as the place's name the query found it by, when it has one,
    and `at:<the place's ID>` among its reasons. Beirut's airport is `Beirut airport` and
    `مطار رفيق الحريري الدولي بيروت`: named after Beirut, whose names are also `Beyrut` and
    `بيروت`."""
    skeletons: dict[str, set[str]] = {}
    for row in names:
        if row.skeleton:
            skeletons.setdefault(row.entity_id, set()).add(row.skeleton)
    found: dict[str, tuple[CandidateRow, str, Scored]] = {}
    for row in rows:
        if row.kind != "place" or not _says(row, said):
            continue
        stem = _stem_skeleton(row.name_text, key_lang(row.name_lang, row.country, row.name_text))
        at = [
            (place_id, place)
            for place_id, place in places
            if place.row.country == row.country and stem in skeletons.get(place_id, ())
        ]
        if not at:
            continue
        place_id, place = next(((i, p) for i, p in at if p.row.admin1 == row.admin1), at[0])
        if row.entity_id not in found or stem == place.row.skeleton:
            found[row.entity_id] = (row, place_id, place)
    return {
        entity_id: replace(place, row=row, support=(f"at:{place_id}",))
        for entity_id, (row, place_id, place) in found.items()
    }


def prefer_facilities(best: dict[str, Scored], said: frozenset[str]) -> None:
    """Rank each place found by reading a descriptor off the query below the facilities of
    the kinds the query says (`said`, its `facilities_said`) that score at least
    `FACILITY_FLOOR` and may be the one it names there (`_named_alike`): at most
    `PLACE_SHARE` of the best such facility's score, which says so in its reasons
    (`facility:base`).

    `Kweires air base` finds a village of Idlib spelled so, and Kuweires Military Airbase, of
    Aleppo, by `Kweires` too; `Abu al-Zuhur airbase` finds the town of Abu al-Duhur, and its
    air base in the same governorate by the whole name. `Yarmouk refugee camp` is not Rukban
    refugee camp, found by the words `refugee camp` alone.
    """
    if not said:
        return
    _rank_other_kinds_below(best, said)
    facilities = [
        s for s in best.values()
        if s.score >= FACILITY_FLOOR and s.row.kind == "place" and _says(s.row, said)
    ]  # fmt: skip
    if not facilities:
        return
    for entity_id, scored in list(best.items()):
        if not _read_off(scored) or _says(scored.row, said):
            continue
        near = [f for f in facilities if _named_alike(f, scored.row)]
        if not near:
            continue
        facility = max(near, key=attrgetter("score"))
        if scored.score > PLACE_SHARE * facility.score:
            best[entity_id] = replace(scored, score=PLACE_SHARE * facility.score)
            reasons = [f"facility:{f}" for f in sorted(said & _said_by(facility.row))]
            facility.support = tuple(dict.fromkeys([*facility.support, *reasons]))


def _rank_other_kinds_below(best: dict[str, Scored], said: frozenset[str]) -> None:
    """Rank each facility of none of the kinds a query says (`said`) below the best candidate
    that is no such facility, scoring at least `FACILITY_FLOOR`: at most `PLACE_SHARE` of its
    score. `Hudeyde Limanı`, Hodeidah's port, is spelled one word short of the airport's
    Turkish name `Hudeyde Havalimanı`, and is no airport: the city, where the lexicon names
    no port of it."""

    def other(scored: Scored) -> bool:
        return bool(_said_by(scored.row)) and not _says(scored.row, said)

    fitting = max((s.score for s in best.values() if not other(s)), default=0.0)
    if fitting >= FACILITY_FLOOR:
        cap_scores(best, PLACE_SHARE * fitting, other)


def prefer_towns(best: dict[str, Scored]) -> None:
    """Rank each camp found by its town's name alone (its name without the descriptor it ends
    with, `forms.matched_stem`: `Jenin` for Jenin Camp) below a place spelled as that name
    that is no facility and scores at least `FACILITY_FLOOR`: at most `PLACE_SHARE` of the
    place's score. For a query that says no facility: news text names a refugee camp with
    the word camp, and the town without it (`Rafah`, `Jenin`); `Rukban`, of no place in the
    lexicon, is the camp. A base is often named by its place's name alone (`Kuweires`)."""
    camps = {
        entity_id: stem.skeleton
        for entity_id, s in best.items()
        if "camp" in _said_by(s.row)
        and (stem := matched_stem(s.reading, s.row)) is not None
        and stem.kind == DESCRIBED
    }
    if not camps:
        return
    towns: dict[str, float] = {}
    for entity_id, s in best.items():
        if (
            entity_id not in camps
            and s.score >= FACILITY_FLOOR
            and s.row.kind == "place"
            and not _said_by(s.row)
        ):
            towns[s.row.skeleton] = max(towns.get(s.row.skeleton, 0.0), s.score)
    for entity_id, skeleton in camps.items():
        town = towns.get(skeleton)
        scored = best[entity_id]
        if town is not None and scored.score > PLACE_SHARE * town:
            best[entity_id] = replace(scored, score=PLACE_SHARE * town)


def reset_caches() -> None:
    """Forget the loaded table and the facilities of names read so far."""
    facility_words.cache_clear()
    facilities_said.cache_clear()
    _stem_skeleton.cache_clear()

"""Resolution: any spelling of a name to ranked canonical entities, with reasons.

Candidates come from key lookups only (exact, folded, skeleton and its one-deletion
neighbourhood, token keys), never from a scan of the lexicon. A query spelled as a lexicon name
is settled by its first keys and its own reading (`Resolver._settle`); any other has each
candidate name scored against every reading of it (see `variants`). Context adjusts the score,
and the best candidate is a confident `match` only when it is both good and clearly ahead of
the next.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, nullcontext
from operator import attrgetter
from typing import Any

from normalise.compass import other_points
from normalise.decision import SETTLED, DecisionMixin, initials_in_another_script, may_be_confident
from normalise.expansion import ExpansionMixin
from normalise.facilities import prefer_facilities, prefer_towns
from normalise.fallback import CLITIC
from normalise.features import features, in_hinted_country, row_part
from normalise.fold import looks_turkish
from normalise.forms import matched_stem
from normalise.generic import VILLAGE
from normalise.hints import admin1_hint, country_hint, kind_hint
from normalise.keys import Keys, build_keys
from normalise.lexicon.keyindex import key_lang
from normalise.lookup import (
    descriptor_tokens,
    key_reason,
    lookup_keys,
    named_by_descriptors,
    spelled_keys,
    unarticled_keys,
    written_keys,
)
from normalise.marked import marked_letters, prefer_exact
from normalise.match import CandidateRow, CandidateSource, Match, merge_rows, strongest_rows
from normalise.matres import is_arabic_text
from normalise.placement import UNPLACED_CONFIDENCE, PlacementMixin
from normalise.query import Context, query_context, query_lang
from normalise.ranking import Scored, best_score, rank, shortlist
from normalise.reading import Reading, own_reading
from normalise.referent import ReferentMixin
from normalise.romanised import prefer_named_as_written, prefer_places_as_written
from normalise.score import combine, confidence_weights
from normalise.suffixes import marked_ending
from normalise.text import clean
from normalise.variants import readings, turkish_respellings

SUPPORT_SCORE = 0.5  # another reading that finds an entity this well adds its reason to `why`
# When no candidate scores this well, fallback readings are looked up too: a Turkish-press
# article glued inside a word (`Resulayn`), and the first parts of a one-word name that may be
# another name with a word glued on (`Aktuzlamemlahası`: Aktuzla + memlahası "saltworks").
FALLBACK_BELOW = 0.5


def _names_a_region(best: dict[str, Scored]) -> bool:
    """Return True when a region among the candidates was found by its name as a reading of
    the query spells it (its exact or folded key) and scores `FALLBACK_BELOW` or more."""
    return any(
        s.row.kind == "region" and s.row.key[:1] in "xf" and s.score >= FALLBACK_BELOW
        for s in best.values()
    )


def _spelled_so(best: dict[str, Scored]) -> bool:
    """Return True when a candidate was found by its name as the query or a reading of it is
    written (its exact or folded key), but for a leading conjunction or preposition read off
    (`proclitic_readings`). When none was, the query may name an entity of another country
    spelled so (`Russia`, `بغداد` in a report on Syria), which a village of the hinted country
    whose skeleton it shares (عروس, بغيديد), or whose name it spells after a proclitic
    (بسكرة, Biskra, read as ب + سكرة, Sakra), must not hide."""
    return any(s.row.key[:1] in "xf" and not _by_proclitic(s) for s in best.values())


def _by_proclitic(scored: Scored) -> bool:
    """Return True for a candidate scored by a reading of the query without a proclitic."""
    return (scored.reading.reason or "").startswith(CLITIC)


def _drop_proclitic_readings(best: dict[str, Scored]) -> None:
    """Remove the entities found by a reading of the query without a proclitic when an entity
    of another country is spelled as the query (`_spelled_so`): a proclitic is read off only
    for a query no name is spelled as (`_score_proclitics`), and a hint of another country
    does not make it one (بسكرة in a report on Syria is Biskra, a city of Algeria, not ب +
    سكرة, Sakra, which came first before, at 0.999 against 0.97)."""
    if not _spelled_so(best):
        return
    for entity_id in [e for e, s in best.items() if _by_proclitic(s)]:
        del best[entity_id]


def _points(points: frozenset[str]) -> str:
    """Return compass points as `why` writes them: `ne` for {n, e}."""
    return "".join(p for p in "nsewc" if p in points)


def _row_lang(row: CandidateRow) -> str | None:
    """Return the language a candidate name is keyed in (`keyindex.key_lang`)."""
    return key_lang(row.name_lang, row.country, row.name_text)


class Resolver(DecisionMixin, PlacementMixin, ReferentMixin, ExpansionMixin):
    """Ranks lexicon entities for queried names over a `CandidateSource`.

    The confident-match decision is a model of its own (`score.confidence`) over the top
    candidate's features and its lead over the next; its threshold is calibrated on the dev
    split for >= 99% confident precision (`bench/train_scoring.py`).

    Some of its methods come from mixins: `decision.DecisionMixin` decides whether the top
    candidate is a confident match, `placement.PlacementMixin` reads where a query is
    placed (a bracketed qualifier, a possessor, a clause of where it is, an admin1 hint),
    `referent.ReferentMixin` adds the entities it refers to without naming them (an area's
    province, a country's capital), and `expansion.ExpansionMixin` the candidates its key
    lookup does not find (fallback readings, namesakes abroad, the best entities' other names).

    Args:
        source: the lexicon (or anything with its lookup methods).
        threshold: the decision threshold; None for the calibrated one in `scoring.tsv`.
    """

    def __init__(self, source: CandidateSource, *, threshold: float | None = None) -> None:
        self.source = source
        self.threshold = confidence_weights()[1] if threshold is None else threshold
        # A source that offers `snapshot()` (a `Lexicon`) answers each query from one version.
        self._snapshot: Callable[[], AbstractContextManager[Any]] = getattr(
            source, "snapshot", nullcontext
        )

    def resolve(
        self,
        name: str,
        *,
        country: str | None = None,
        admin1: str | None = None,
        kind: str | None = None,
        lang: str | None = None,
        limit: int = 5,
    ) -> list[Match]:
        """Return up to `limit` candidate entities for `name`, best first.

        Args:
            name: the name as the source spelled it.
            country: ISO alpha-2 of the country the source places it in.
            admin1: the first-level division when known: a GeoNames admin1 code (`10`), an
                ISO 3166-2 code (`SY-HM`) or a province's name (`Hama`, `Nineveh`).
            kind: the expected kind (place, organisation, person ...).
            lang: BCP 47 language of the name (`tr` selects Turkish conventions).
            limit: how many candidates to return.

        Raises:
            NotTextError: `name` is not a `str`.
            ContextError: `country` is not an ISO alpha-2 code, `kind` not an entity kind, or
                `admin1` names no division the lexicon places (in `country`).
        """
        if type(name) is not str:
            clean(name)  # raises NotTextError, before a memo meets an unhashable name
        country, kind, division = country_hint(country), kind_hint(kind), admin1_hint(admin1)
        with self._snapshot():
            if division is not None:
                country, admin1 = self._division_hinted(division, country, lang)
            given_lang = lang
            lang, keys = self.query_keys(name, country, lang)
            if division is None:
                country, admin1 = self._qualifier_context(name, country, lang)
            context = query_context(name, keys, Context(country, admin1, kind))
            best = self.score_candidates(name, keys, context, lang)
            read = self._qualified(name, (lang, keys, context, best), admin1, given_lang, kind)
            name, (lang, keys, context, best), placed = read
            possessed = None if division else self._placed(name, best, context, given_lang)
            if possessed is not None:
                keys, context, best = possessed
            ranked = rank(best)
            decision = self.decide(ranked, context)
            if not placed:
                decision = min(decision, UNPLACED_CONFIDENCE)
            return self._matches(ranked[:limit], keys, context, decision)

    def query_keys(
        self, name: str, country: str | None, lang: str | None = None
    ) -> tuple[str | None, Keys]:
        """Return the language a query is read in and its keys: `query_lang`'s, and for a query
        with neither a country hint nor a language, `spelled_lang`'s."""
        lang = query_lang(name, country, lang)
        keys = build_keys(name, lang)
        if lang is None and country is None:
            return self.spelled_lang(name, keys)
        return lang, keys

    def spelled_lang(self, name: str, keys: Keys) -> tuple[str | None, Keys]:
        """Return the language a query with no hint and no language is read in, with its keys:
        Turkish when it is spelled as lexicon names that are all read so (the Latin names of
        places in Türkiye, names given in Turkish: `Cizre`, `Ceyhan`, `Abdullah Öcalan`), as a
        country hint of TR would have it read; else as it was (None, `keys`).

        Read in English, `Cizre`, spelled as the town is, scored 0.89 against the town's
        Turkish reading (c as j), and `Ceyhan` found Adana, which GeoNames also names so,
        before the town of Ceyhan. A name without Turkish letters is read in lower case
        (`CIZRE` as `cizre`, not `cızre`), so that it is answered alike in every letter case.
        """
        if not keys.exact or is_arabic_text(name):
            return None, keys
        rows = self.source.candidates(written_keys(keys)[:1])
        if not rows or any(_row_lang(row) != "tr" for row in rows):
            return None, keys
        return "tr", build_keys(name if looks_turkish(name) else name.lower(), "tr")

    def score_candidates(
        self, name: str, keys: Keys, context: Context, lang: str | None
    ) -> dict[str, Scored]:
        """Return every candidate entity of a query with its best score (for ranking and for
        fitting the scorer's weights); `context` is the caller's after `query_context`."""
        if not keys.skeleton and not keys.folded:
            return {}
        query_arabic = is_arabic_text(name)
        judged = self.source.not_same(keys.folded)  # never returned, so never settle it either
        own = [own_reading(keys)]
        first = spelled_keys(keys)
        demonyms = unarticled_keys(keys, ())
        found = merge_rows(self._candidates(first, context), self._demonyms(demonyms))
        if judged:
            found = [row for row in found if row.entity_id not in judged]
        respelled = self._respelled_elsewhere(name, keys, context)
        settled = self._settle(found, name, own, context, query_arabic, respelled)
        if settled is not None:
            best, query_readings = settled, own
        else:
            query_readings = readings(name, lang)
            plain = [r for r in query_readings if not r.turkish_letters]
            wanted = lookup_keys(keys, plain)
            rows = self._lookup(wanted, context, found=(first, found))
            if len(plain) < len(query_readings):
                if any(row.key[0] == "x" for row in rows):
                    query_readings = plain  # see `_settle`
                else:
                    known = set(wanted)
                    extra = [k for k in lookup_keys(keys, query_readings) if k not in known]
                    rows = rows + self._lookup(extra, context, anywhere=not rows)
            more = [k for k in unarticled_keys(keys, query_readings) if k not in demonyms]
            rows = merge_rows(rows, self._demonyms(more))
            said = descriptor_tokens(keys.folded, keys.turkish)
            rows = named_by_descriptors(rows, said, query_readings)
            best = self._score(rows, query_readings, context, query_arabic)
        self._score_siblings(best, query_readings, context, query_arabic, settled is not None)
        if settled is None and not _names_a_region(best):
            self._score_province_around(name, best, context, lang)
        if settled is None:
            self._score_capital(name, best, context, lang)
        if query_arabic and not any(row.key[0] in "xf" for row in found):
            # not a name as written (وحلب, found by its skeleton as حلب is, is no name)
            self._score_proclitics(name, best, query_readings, context, lang)
        if best_score(best) < FALLBACK_BELOW:
            self._score_fallbacks(name, best, keys, query_readings, context, lang)
        if best_score(best) < FALLBACK_BELOW:
            self._score_abroad(keys, best, query_readings, context, query_arabic)
        elif settled is None and not _spelled_so(best):
            self._score_abroad(keys, best, query_readings, context, query_arabic, prominent=True)
            _drop_proclitic_readings(best)
        self._score_headed(keys, best, query_readings[0], context, query_arabic)
        self._score_area_named(name, keys, best, context, lang)
        if context.facilities:
            self._score_facility_at(best, context)  # before the judged pairs leave
        for entity_id in judged:
            best.pop(entity_id, None)
        if context.facilities:
            prefer_facilities(best, context.facilities)  # of the facilities it may return
        elif settled is None:  # a settled query's camp was spelled as the query, not its town
            prefer_towns(best)  # a town's name alone is the town's, not its camp's
        if not query_arabic:
            prefer_exact(best, marked_letters(name))  # Kudüs is Jerusalem's, not Kudus's
            prefer_named_as_written(best)  # Burma is Myanmar's, not Borama's بورمة
            prefer_places_as_written(best)  # Süleymaniye is Sulaymaniyah, not Soleimani
        return best

    def _respelled_elsewhere(self, name: str, keys: Keys, context: Context) -> bool:
        """Whether a respelling of the query that may not settle it (`turkish_respellings.tsv`:
        a final h read as kh) finds a name spelled as it is (`spelled_keys`, in the hinted
        country): Dadih read as Dadikh finds Dadikh, so Dadi, found by Dadih's own skeleton,
        must not settle it. A respelling that finds nothing rivals nothing: Antakiyah read
        with kh finds no name, and Antakya settles it as before the reading."""
        wanted = [
            key
            for respelled in turkish_respellings(name, keys)
            if not respelled.settles
            for key in spelled_keys(build_keys(respelled.text, "tr"))
        ]
        return bool(wanted) and bool(self.source.candidates(wanted, country=context.country))

    def _settle(
        self,
        found: list[CandidateRow],
        name: str,
        own: list[Reading],
        context: Context,
        query_arabic: bool,
        respelled: bool = False,
    ) -> dict[str, Scored] | None:
        """Score the candidates of the query's first keys (`spelled_keys`) by its own reading
        alone, and return them when a name spelled as the query, or nearly so, settles it: the
        best candidate was found by an exact or folded key and scores at least 0.5, or by the
        skeleton key and scores at least 0.9 (`SETTLED`), and it may be a confident match
        (`may_be_confident`: it fits the caller's country, admin1 and kind, and says no other
        point of the compass than the query). Else None: the query is read every way and
        looked up by every key.

        On dev (both hint settings), settling costs 3 of the 11,950 top-1 answers (2 are won)
        and makes resolving 3.6 times as fast; with the decision model refitted on it, there
        are 90 more confident answers with a country hint and 60 fewer without, and fewer of
        them wrong (7, from 8).

        A query with Turkish ş or ğ is settled only by a name written letter for letter as
        it is (`Şam`, Turkish for Damascus): those letters are then that name's, not an
        Arabic name's sh and gh. So is a Turkish-read query with a final h whose reading as kh
        finds a name (`respelled`: `_respelled_elsewhere`; Dadih settled on Dadi, not Dadikh).
        Its v does not stop it: Turkish villages' v settled by their names lost no confidence
        so.
        """
        if not any(row.key[0] in SETTLED for row in found):
            return None
        if not any(row.key[0] == "x" for row in found) and (
            respelled or context.turkish_letters or marked_ending(name) is not None
        ):
            return None
        best = self._score(found, own, context, query_arabic)
        top = max(best.values(), key=attrgetter("score"))
        least = SETTLED.get(top.row.key[0])
        if least is None or top.score < least or not may_be_confident(top.row, context):
            return None
        return best

    def _demonyms(self, wanted: list[str]) -> list[CandidateRow]:
        """Return the countries an Arabic query or its readings name by a demonym without
        the article the query writes (`wanted`, their `unarticled_keys`: `النظام السوري`, the
        Syrian regime, with a hint of SY: Syria's سوري, not the village Sur by its skeleton), of
        any country: a report on one names the others. Only a demonym: a country's name written
        so is a place's (السويس, Suez, is no سویس, Switzerland in Pashto)."""
        if not wanted:
            return []
        rows = self.source.candidates(wanted, kind="country")
        return [row for row in rows if row.name_kind == "demonym"]

    def _candidates(self, keys: list[str], context: Context) -> list[CandidateRow]:
        """Return the candidate rows of keys in the hinted country, or across the world and,
        for a query whose writing points to some countries (`Context.within`), among those
        countries' entities too, by the same keys: a hint-off name with an Arabic article
        takes about 1,000 µs instead of 590 (by its exact, folded and skeleton keys alone,
        850, and fewer answers won: one on dev, a few more on the test split)."""
        rows = self.source.candidates(keys, country=context.country)
        if context.within:
            rows = merge_rows(rows, self.source.candidates_within(keys, context.within))
        return rows

    def _lookup(
        self,
        wanted: list[str],
        context: Context,
        *,
        anywhere: bool = True,
        found: tuple[list[str], list[CandidateRow]] | None = None,
    ) -> list[CandidateRow]:
        """Return the candidate rows of lookup keys: in the hinted country (with `anywhere`,
        in every country when it has none there), and of the hinted kind too when the others
        hold none of it. `found` is keys already looked up in the hinted country, with their
        rows: only the other keys are read, and the rows merged."""
        if not wanted:
            return []
        if found is None:
            rows = self._candidates(wanted, context)
        else:
            known = set(found[0])
            rest = [k for k in wanted if k not in known]
            rows = found[1]
            if rest:
                rows = merge_rows(rows, self._candidates(rest, context))
        if not rows and anywhere and context.country is not None:
            rows = self.source.candidates(wanted)
        if context.kind is not None and not any(row.kind == context.kind for row in rows):
            # a key's rows go to its most populous entities: people and organisations (no
            # population) of a common skeleton are looked up by kind when the hint names one
            kinded = self.source.candidates(wanted, country=context.country, kind=context.kind)
            if not kinded and context.country is not None:
                kinded = self.source.candidates(wanted, kind=context.kind)
            rows = rows + kinded
        return rows

    def resolve_many(
        self, queries: Iterable[str | Mapping[str, Any]], **defaults: Any
    ) -> Iterator[list[Match]]:
        """Resolve queries lazily, in order; each is a name or a dict of `resolve` arguments."""
        for query in queries:
            if isinstance(query, str):
                yield self.resolve(query, **defaults)
            else:
                args = {**defaults, **dict(query)}
                yield self.resolve(args.pop("name"), **args)

    def _score(
        self,
        rows: list[CandidateRow],
        query_readings: list[Reading],
        context: Context,
        query_arabic: bool,
    ) -> dict[str, Scored]:
        best: dict[str, Scored] = {}
        support: dict[str, dict[str, None]] = {}
        primary = query_readings[0]
        for row in shortlist(strongest_rows(rows), query_readings):
            cross = query_arabic != is_arabic_text(row.name_text)
            part = row_part(row, cross, context)
            initials = initials_in_another_script(row, context)
            for reading in query_readings:
                values = features(reading, row, cross, reading is primary, context, part)
                score = 0.0 if initials else combine(values)
                if reading.reason is not None and score >= SUPPORT_SCORE:
                    support.setdefault(row.entity_id, {})[reading.reason] = None
                current = best.get(row.entity_id)
                if current is None or score > current.score:
                    best[row.entity_id] = Scored(score, row, reading, values)
        for entity_id, reasons in support.items():
            best[entity_id].support = tuple(reasons)
        return best

    def _matches(
        self, ranked: list[tuple[str, Scored]], keys: Keys, context: Context, decision: float
    ) -> list[Match]:
        """Return the ranked candidates as matches; `decision`: the probability that the first
        is right (`decide`), which makes it a confident match from the threshold."""
        confident = decision >= self.threshold
        out = []
        # A candidate matched through its canonical name already carries its display name.
        others = [entity_id for entity_id, s in ranked if s.row.name_kind != "canonical"]
        displays = self.source.display_names(others) if others else {}
        for index, (entity_id, best) in enumerate(ranked):
            why = [key_reason(best.row.key, best.reading, best.row)]
            stem = matched_stem(best.reading, best.row)
            if stem is not None and stem.kind == VILLAGE:
                why.append("generic:village")
            if best.reading.reason is not None:
                why.append(best.reading.reason)
            else:
                why.extend(keys.rules)
            why.extend(best.support)  # other readings that found it as well (glossary terms)
            why.extend(f"article:{a}" for a in keys.articles)
            if in_hinted_country(best.row, context.country):
                why.append(f"context:country={context.country}")
            if (
                context.admin1 is not None
                and best.row.admin1 == context.admin1
                and context.country in (None, best.row.country)
            ):
                why.append(f"context:admin1={context.admin1}")
            points = other_points(context.compass, best.row.folded, best.row.name_text)
            if points:  # `compass:w≠e`: Eastern Ghouta for Western Ghouta
                why.append(f"compass:{_points(context.compass)}≠{_points(points)}")
            display = displays.get(entity_id, best.row.name_text)
            out.append(
                Match(
                    id=entity_id,
                    name=display,
                    kind=best.row.kind,
                    country=best.row.country,
                    score=round(best.score, 4),
                    match=confident and index == 0,
                    why=tuple(dict.fromkeys(why)),
                    matched_name=best.row.name_text,
                    confidence=decision if index == 0 else 0.0,
                )
            )
        return out

"""Expansion: candidates a query's key lookup does not find, looked up another way: the
names a bare generic head begins in the hinted division, fallback readings (a glued article
split out, the names a slash joins, the first parts of a one-word name), an Arabic query read
without a conjunction or preposition, namesakes in other countries, and the other names of
the best entities."""

from __future__ import annotations

from typing import Protocol

from normalise.decision import CITY_POPULATION, initials_in_another_script
from normalise.fallback import inner_article_reading, proclitic_readings, slash_readings
from normalise.features import features, row_part
from normalise.fold import fold
from normalise.generic import bare_head, head_spellings
from normalise.keys import Keys, build_keys
from normalise.lookup import compound_keys, skeleton_keys, token_keys, written_keys
from normalise.match import REPORT_LANGS, CandidateRow, CandidateSource, merge_rows
from normalise.matres import arabic_spelling, is_arabic_text
from normalise.query import Context
from normalise.ranking import Scored, keep_better
from normalise.reading import Reading, reading_of
from normalise.score import combine

SIBLING_ENTITIES = 5  # the best entities whose other names of a matched skeleton are scored
COUNTRY_NAMED_FLOOR = 0.5  # an organisation found with the country's name put before the query


def _read_off(reading: Reading) -> bool:
    """Return True for a reading of the query's words without a title, a descriptor or an
    ending (`President Erdogan`: erdogan; `Erdoğan'ın`), not one respelled or cut otherwise
    (an article split off: `elbiwk` read as `biwk` found a town abroad)."""
    return reading.written or (reading.reason or "").startswith("descriptor:")


class _Host(Protocol):
    """The resolver an `ExpansionMixin` is part of, as the mixin's methods use it: its source
    and how it scores candidate rows against a query's readings."""

    source: CandidateSource

    def _score(
        self,
        rows: list[CandidateRow],
        query_readings: list[Reading],
        context: Context,
        query_arabic: bool,
    ) -> dict[str, Scored]: ...

    def _score_country_named(
        self,
        name: str,
        best: dict[str, Scored],
        query_readings: list[Reading],
        context: Context,
        lang: str | None,
    ) -> None: ...


# The languages of the reports written in Latin letters: a Latin query of no known language is
# read in each (`_score_country_named`: `Sivil Savunma`, Turkish, with SY and no language).
LATIN_REPORT_LANGS = tuple(lang for lang in REPORT_LANGS if lang != "ar")


class ExpansionMixin:
    """The methods of `Resolver` that add the candidates a query's key lookup does not find:
    by a bare generic head, by fallback readings, without a proclitic, abroad, and the other
    names of the best entities."""

    def _score_headed(
        self: _Host,
        keys: Keys,
        best: dict[str, Scored],
        own: Reading,
        context: Context,
        arabic: bool,
    ) -> None:
        """Add the names a bare generic head begins in the caller's country and first-level
        division (`Bab` with Syria's `10`, Hama: Bab al-Taqa), each compared by its head (key
        family `h`, `headed:` in `why`; never a confident match); nothing without both.

        News text that splits a name leaves its head alone (`Taka, and Bab` for Bab Taka), and
        a head alone names no place of the division; the division's places named with it are
        what the text can mean, and a place of another division, named by the head alone
        (al-Bab in Aleppo), contradicts the caller's context."""
        country, admin1 = context.country, context.admin1
        head = bare_head(keys.phonetic, keys.heads, keys.articles)
        if country is None or admin1 is None or head is None:
            return
        rows = self.source.names_headed(head_spellings(head), country=country, admin1=admin1)
        found = [row._replace(key="h:" + own.skeleton) for row in rows]
        keep_better(best, self._score(found, [own], context, arabic))

    def _score_fallbacks(
        self: _Host,
        name: str,
        best: dict[str, Scored],
        keys: Keys,
        query_readings: list[Reading],
        context: Context,
        lang: str | None,
    ) -> None:
        """Add the candidates of the readings tried only when nothing scored well: a glued
        Turkish-press article split out (`Resulayn`), each name a slash joins (`PKK/YPG`,
        `slash_readings`), and the first parts of a one-word query (`compound_keys`, key
        family `c:`, `compound:` in `why`), scored against the whole query. All are
        Latin-script readings."""
        if is_arabic_text(name):
            return
        self._score_country_named(name, best, query_readings, context, lang)
        split = inner_article_reading(name, lang)
        if split is not None and split.skeleton not in {r.skeleton for r in query_readings}:
            wanted = skeleton_keys(split.skeleton) + token_keys(split.tokens)
            rows = self.source.candidates(wanted, country=context.country)
            keep_better(best, self._score(rows, [*query_readings, split], context, False))
        parts = slash_readings(name, lang)
        if parts:
            wanted = [k for r in parts for k in (f"f:{r.folded}", *skeleton_keys(r.skeleton))]
            rows = self.source.candidates(wanted, country=context.country)
            keep_better(best, self._score(rows, [*query_readings, *parts], context, False))
        wanted = compound_keys(keys)
        if not wanted:
            return
        rows = self.source.candidates(wanted, country=context.country)
        found = [r._replace(key="c:" + r.skeleton) for r in rows if r.entity_id not in best]
        for entity_id, scored in self._score(found, query_readings, context, False).items():
            best[entity_id] = scored

    def _score_country_named(
        self: _Host,
        name: str,
        best: dict[str, Scored],
        query_readings: list[Reading],
        context: Context,
        lang: str | None,
    ) -> None:
        """Add the organisations of the hinted country named as the query with the country's
        name or demonym before it (`country_words` in the query's language, English and
        Turkish without one, `LATIN_REPORT_LANGS`; `country:Suriye` in `why`): news text on a
        country drops its name from the names of its bodies (`Sivil Savunma`, Turkish for
        the civil defence, is `Suriye Sivil Savunması`, Syria Civil Defence). A fallback: only
        when nothing scored well, for a Latin query; an organisation found so is kept when it
        scores `COUNTRY_NAMED_FLOOR` or more."""
        if context.country is None:
            return
        folded = {r.folded for r in query_readings}
        named = [
            reading_of(build_keys(f"{word} {name}", in_lang), f"country:{word}")
            for in_lang in ((lang,) if lang else LATIN_REPORT_LANGS)
            for word in self.source.country_words(context.country, in_lang)
            if not any(f.startswith(fold(word, in_lang)) for f in folded)
        ]
        if not named:
            return
        wanted = [k for r in named for k in (f"f:{r.folded}", *skeleton_keys(r.skeleton))]
        rows = self.source.candidates(wanted, country=context.country, kind="organisation")
        scored = self._score(rows, [*query_readings, *named], context, False)
        # a skeleton alone says little of so short a rest: `Ureyme`, a village, is `Syrian
        # army` by its skeleton (SRNRM), at 0.40
        keep_better(best, {k: v for k, v in scored.items() if v.score >= COUNTRY_NAMED_FLOOR})

    def _score_proclitics(
        self: _Host,
        name: str,
        best: dict[str, Scored],
        query_readings: list[Reading],
        context: Context,
        lang: str | None,
    ) -> None:
        """Add the entities with an Arabic name spelled as an Arabic query reads without a
        conjunction or preposition it may begin with (`proclitic_readings`: بحماة, والرقة,
        في إدلب, بريف إدلب), compared by those names; for a query no name is spelled as.
        Only a name so spelled counts: a name's own first letters may be one (باتبو is no
        ب + اتبو), and read by their keys alone these readings lost 11 test answers of the
        protocol's Arabic queries (whose lexicon has Latin names only). With a country hint,
        the countries spelled as the rest are read too (وتركيا in a report on Syria)."""
        unclitic = proclitic_readings(name, lang)
        if not unclitic:
            return
        wanted = [k for r in unclitic for k in (f"f:{r.folded}", f"s:{r.skeleton}")]
        found = self.source.candidates(wanted, country=context.country)
        if context.country is not None:
            # a report on one country names others (`NAMED_ANYWHERE`: وتركيا in Syria)
            folded = [f"f:{r.folded}" for r in unclitic]
            found = merge_rows(found, self.source.candidates(folded, kind="country"))
        if not found:
            return
        spelled = {r.spelling: r.folded for r in unclitic}
        arabic = self.source.names_by_skeleton(
            [row.entity_id for row in found], [r.skeleton for r in unclitic], arabic=True
        )
        # a name spelled as the rest is found as the query writes it, as its folded key would
        # find it (`_found_as_written`): بسوريا is Syria's سوريا after ب
        named = [
            row._replace(key=f"f:{spelled[spelling]}")
            for row in arabic
            if (spelling := arabic_spelling(row.name_text)) in spelled
        ]
        keep_better(best, self._score(named, [*query_readings, *unclitic], context, True))

    def _score_abroad(
        self: _Host,
        keys: Keys,
        best: dict[str, Scored],
        query_readings: list[Reading],
        context: Context,
        arabic: bool,
        prominent: bool = False,
    ) -> None:
        """Add the entities of other countries spelled as the query (its exact and folded
        keys) or as a reading of it that is a whole other name (`Reading.folded`: a title or
        a descriptor read off, `President Erdogan` read as `erdogan`); called when no
        candidate of the caller's country scores `FALLBACK_BELOW`, by any reading of the query
        (the fallback readings' too). With `prominent`, called when candidates of the
        caller's country score better but none is spelled as the query: only what a report
        on another country names (a country, a region, an organisation or a person, a city
        of `CITY_POPULATION` people or more: `Russia`, `بغداد`), not a town of a namesake
        name (Ceylanpınar, once Resulayn, for Ras al-Ayn's Turkish name).

        A caller may give every name of a text the text's country: `Moscow`, `Russia` or
        `Türkiye` in a report on Syria name no place of Syria, and the Syrian names that
        look most like them (Damascus, for `Moscow`) are no answer. They are scored as any
        candidate of another country is (the `country` feature), and are never a confident
        match (`contradicts`), but a country, an organisation or a person: a report on one
        country names the others (`NAMED_ANYWHERE`)."""
        if context.country is None:
            return
        read = [f"f:{r.folded}" for r in query_readings if r.folded and _read_off(r)]
        rows = self.source.candidates([*written_keys(keys), *read])
        found = [
            row
            for row in rows
            if row.country != context.country
            and not (prominent and row.kind == "place" and (row.population or 0) < CITY_POPULATION)
        ]
        keep_better(best, self._score(found, query_readings, context, arabic))

    def _score_siblings(
        self: _Host,
        best: dict[str, Scored],
        query_readings: list[Reading],
        context: Context,
        query_arabic: bool,
        settled: bool = False,
    ) -> None:
        """Score the other names of the best entities that share their matched skeleton.

        A key row names one name per entity; its siblings under the same skeleton (`الدالية`
        beside `Ad Dālīyah`) may be closer to the query (letter for letter), so the best
        `SIBLING_ENTITIES` entities have their names in both scripts read and scored, each
        against the reading that found its entity and the query's own reading: an Arabic
        query's Arabic names are the closest comparison of all (البريقه, Brega's name with its
        ta marbuta written as ha, is البريقة more than any Latin `brq`), and a Latin query's
        other Latin names (`Kuneytra` is Quneitra's `Al-Kuneytra` more than its canonical `Al
        Qunayţirah`, the name its key row points at). No sibling
        comes closer than a name spelled as the query (found by its exact or folded key), so
        of a `settled` query none are read when its best entity was found so, and else only
        those of the entities not found so.
        """
        ordered = sorted(best.items(), key=lambda item: -item[1].score)[:SIBLING_ENTITIES]
        if settled and ordered and ordered[0][1].row.key[0] in "xf":
            return
        top = {k: s for k, s in ordered if not (settled and s.row.key[0] in "xf")}
        if not top:
            return
        seen = {(entity_id, s.row.name_text) for entity_id, s in top.items()}
        skeletons = sorted({s.row.skeleton for s in top.values()})
        primary = query_readings[0]
        others = self.source.names_by_skeleton(list(top), skeletons)  # in both scripts
        for row in others:
            if (row.entity_id, row.name_text) in seen or initials_in_another_script(row, context):
                continue
            found = top[row.entity_id]
            cross = query_arabic != is_arabic_text(row.name_text)
            part = row_part(row, cross, context)
            for reading in dict.fromkeys((found.reading, primary)):
                values = features(reading, row, cross, reading is primary, context, part)
                score = combine(values)
                current = best[row.entity_id]
                if score > current.score:
                    best[row.entity_id] = Scored(score, row, reading, values, current.support)

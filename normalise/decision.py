"""The decision: whether the top candidate of a query may be a confident match (it
contradicts nothing the caller said and is clearly ahead of the next), and the names that
make it one whatever the decision model says (a country, organisation or person named as the
query spells it, a large city); `DecisionMixin` gives `Resolver` the decision itself."""

from __future__ import annotations

from typing import Protocol

from normalise.compass import other_points
from normalise.confidence import confidence_features, lead_log_odds
from normalise.descriptors import names_a_city, read_off_kind
from normalise.features import FEATURES
from normalise.match import (
    ACTOR_KINDS,
    NAMED_ANYWHERE,
    REPORT_LANGS,
    CandidateRow,
    CandidateSource,
)
from normalise.matres import arabic_spelling, is_arabic_text, without_long_vowels
from normalise.query import Context
from normalise.ranking import Scored
from normalise.score import confidence
from normalise.scripts import detect_scripts

# A confident match is clearly ahead of the next candidate: one within this many log-odds fits
# the query about as well (two places carrying the name queried, as an Arabic country and its
# capital do: الجزائر, تونس, الكويت). On the protocol's dev and test splits this takes back
# 3 and 9 confident answers, all homonyms the protocol accepts either way.
MIN_LEAD = 0.5
# How well a name must score to settle a query (`_settle`), by the key family that found it: the
# query's exact or folded key (spelled as it is), or its skeleton key. No other family settles.
SETTLED = {"x": 0.5, "f": 0.5, "s": 0.9}
# A country's name found with a hint of another country decides by its name alone
# (`named_as_spelled`) only when it leads the next candidate by this many log-odds: a place of
# the hinted country that reads nearly alike may be what the report means (Banin, بنين, at 0.87
# for `Benin`, 0.97, in Syria: 1.4 log-odds behind), where a village that reads less alike
# (Arran, عران, for `Iran`: 3.0; Arus for `Rusya`: 3.3) is not.
ABROAD_LEAD = 2.0
NEVER_CONFIDENT = frozenset("ch")  # compound and headed: part of a name found, not the name
FINAL_HAMZA = "\u0621"  # ء at the end of a name, which everyday writing leaves out (صنعا)


def contradicts(row: CandidateRow, context: Context) -> bool:
    """Return True when a candidate is in another country or admin1, or of another kind, than
    the caller said (an entity of no country or admin1 contradicts none, nor does an
    organisation's, a person's or a country's own country: a report on Iraq names the PKK and
    Türkiye, one on Syria Hezbollah and Erdoğan: `NAMED_ANYWHERE`)."""
    if context.kind is not None and row.kind != context.kind:
        return True
    if row.kind in NAMED_ANYWHERE:
        return False
    if context.country is not None and row.country is not None and row.country != context.country:
        return True
    return context.admin1 is not None and row.admin1 is not None and row.admin1 != context.admin1


def initials_in_another_script(row: CandidateRow, context: Context) -> bool:
    """Return True for an abbreviation in a script of capitals (`SNA`, `AAN`), or a one-word
    name in capitals a source lists as a variant (`SHBA`, the Albanian initials of the United
    States, in CLDR), written in another script than the query (`_other_script`), which no
    such query spells: initials are not a romanisation of words (the village سعن is not the
    Syrian National Army, though both read `sn`; `شبعا`, Shebaa, folds as `shba`). For such a
    query the name scores 0, and its entity is scored by its other names under the same
    skeleton, if any (`عين` finds Al Ain's airport code AAN, and Al Ain by its names). An
    Arabic abbreviation is a word (داعش), which a romanisation spells."""
    text = row.name_text
    if is_arabic_text(text):
        return False
    if row.name_kind != "abbreviation" and not (text.isupper() and " " not in text):
        return False
    return _other_script(row, context)


def may_be_confident(row: CandidateRow, context: Context) -> bool:
    """Return False for a top candidate that is never a confident match: one that contradicts
    what the caller knows, a name that says another point of the compass than the query
    (`Eastern Ghouta` for `Western Ghouta`: `compass.other_points`), a name that is only the
    first part of the query, or a name the query is only the generic head of."""
    return (
        not contradicts(row, context)
        and not other_points(context.compass, row.folded, row.name_text)
        and row.key[:1] not in NEVER_CONFIDENT
    )


_EXACT = FEATURES.index("exact")
_ACRONYM = FEATURES.index("acronym")
_SPELLING_EQUAL = FEATURES.index("spelling_equal")
# Kinds whose names, spelled as a query spells them, make a confident match (`named_as_spelled`)
NAMED_KINDS = frozenset({"country", "organisation", "person"})


def named_as_spelled(top: Scored, context: Context) -> bool:
    """Return True when the top candidate is a country, organisation or person found by one of
    its names as the query spells it (its exact or folded key, the query's own reading; an
    organisation's or person's name also spelled alike but for the article or an ending,
    `_spelled_alike`): not by a country's ISO code, and by an organisation's or
    person's abbreviation only when the query writes it in capitals alike (`HTS`, not `hts`),
    or in Arabic script as it is written (`حماس`, `داعش`: Arabic has no capitals).

    Such a top candidate clearly ahead of the next is a confident match whatever the decision
    model says: the model is fitted on the protocol's places, and a country's name in any of
    CLDR's languages (`Turkey`, `Rusya`, `Suriye`) is what a text means by it far more often
    than the village that shares it (`Turkey`, North Carolina), as a curated organisation's or
    person's name is (`Erdoğan`, `SDF`). Resolved without a hint, 3,000 of the countries' names
    had 2,065 confident answers from the model alone and 2,722 with this rule, each the
    country but `Əlcəzair`, Algeria's Azerbaijani name and Algiers' (the model's answer); the
    199 curated names of organisations and people had 153 and 191, none wrong. A name in two
    scripts is not read so: its keys read one of them (`U.S. ᎠᏒᏂᎸ ᏂᎨᏒᎾ ᏚᎦᏚᏛᎢ`, Cherokee for
    the U.S. Virgin Islands, is keyed as `u s`); nor is a name in capitals found by the folded
    key a query in another script romanises to (`شبعا`, the village of Shebaa, folds as
    `shba`, `SHBA` the Albanian initials of the United States, which it answered confidently;
    a country's name so found is still its: `უგანდა`, Uganda)."""
    row = top.row
    if row.kind not in NAMED_KINDS:
        return False
    if top.features[_EXACT] != 1 and not _spelled_alike(top):
        return False
    scripts = detect_scripts(row.name_text)
    if scripts.mixed or (_other_script(row, context) and row.name_text.isupper()):
        return False
    if row.name_kind != "abbreviation":
        return True
    if row.kind == "country":
        return False
    # Arabic writes no capitals: an abbreviation in Arabic script found as the query writes it
    # (حماس, داعش) is the organisation's, as initials in capitals are (HTS)
    arabic = is_arabic_text(row.name_text) and top.features[_EXACT] == 1
    return arabic or top.features[_ACRONYM] == 1


# A city spelled as the query writes it is a confident match without the model (`city_as_spelled`)
# when it has this many people or more (a town of `TOWN_POPULATION` in the country the caller
# names), and the next candidate this many times fewer, or, not spelled as the query, trails it
# by this many log-odds.
CITY_POPULATION = 100_000
TOWN_POPULATION = 10_000
CITY_RATIO = 100
CITY_LEAD = 2.0


def city_as_spelled(top: Scored, ranked: list[tuple[str, Scored]], context: Context) -> bool:
    """Return True when the top candidate is a city of `CITY_POPULATION` or more, or with a
    country hint a town of `TOWN_POPULATION` or more, found by one of its Latin-script names as
    the query writes it (its exact or folded key, by the query's own reading), clearly ahead of
    the next, which is `CITY_RATIO` times smaller or, not found as written, trails by
    `CITY_LEAD` log-odds.

    The decision model is fitted on the protocol's queries, none of which is a place's own
    name as the lexicon writes it, and without a hint it left `Beirut`, `Damascus`, `Amman`,
    `Cairo` and `Jerusalem` first but not confident (Bierutów, the Damascus of Maryland). On
    the dev split it adds 8 confident answers, none wrong (test: 43, one wrong: `Akra`, a
    town's name, for Aqrah). Not for an Arabic-script name without a country hint, which a
    village often shares with a city abroad (`تالين`: Tallinn and Syria's Talin; in
    `bench/arabic_names.py` 10 of 38 so were namesakes); with the hint there is no abroad
    (`درعا` with SY, Daraa, was unsure beside Adra, عدرا; arabic_names, hint on, 15 more
    confident, none wrong), nor for a name found by another reading of the query (a word, an
    article or an ending read off: `برقه` read as `رقه` found Raqqa), nor for a query in
    another script, which its folded key romanises (`רעים`, Re'im, folds as `rym`, a name of
    Rome, which it answered confidently). A query that calls the place a city, a town or a
    capital is read without that word (`Idlib city`, `مدينة الرقة`, `العاصمة دمشق`): a city
    found by the folded key of that reading is as spelled (`descriptors.names_a_city`;
    `Idlib city` and `Raqqa city` were first but not confident before).

    In the country the caller names, a town of 10,000 so spelled is what a report means before
    the villages that share its name, of no known population there: with SY, `Kobani`, `Morek`,
    `Nawa`, `Inkhil` were first but unsure beside OCHA's namesake villages (on dev, 6 more
    confident answers with the hint, all right). Without a hint, the towns of the world are too
    many: `Hola` found Hola in Kenya, `Resulayn` Ceylanpınar (once so named) before Ras al-Ayn."""
    row = top.row
    least = CITY_POPULATION if context.country is None else TOWN_POPULATION
    if row.kind != "place" or (row.population or 0) < least:
        return False
    if not (top.features[_EXACT] == 1 and top.reading.reason is None) and not (
        names_a_city(top.reading.reason) and row.key == "f:" + top.reading.folded
    ):
        return False
    if (is_arabic_text(row.name_text) and context.country is None) or _other_script(row, context):
        return False
    if len(ranked) < 2:
        return True
    nxt = ranked[1][1]
    lead = lead_log_odds(top.score, nxt.score)
    if lead < MIN_LEAD:
        return False
    apart = (nxt.row.population or 0) * CITY_RATIO <= (row.population or 0)
    return apart or (lead >= CITY_LEAD and nxt.features[_EXACT] != 1)


def _rivals_of_a_name(
    ranked: list[tuple[str, Scored]], context: Context
) -> list[tuple[str, Scored]]:
    """Return the ranked candidates without those that are no rivals of a top candidate named
    as the query spells it (`named_as_spelled`):
    - of a country named so in a language of the reports (`REPORT_LANGS`: not `Kana`, Ghana in
      Tongan, for Qana), the towns of other countries (fewer than `CITY_POPULATION` people)
      that share its name but those of the hinted country: a country's name is what a text
      means by it far more often than a town abroad that shares it (`Jordan`, a town of the
      Philippines at 0.95 against the country's 0.97, unsure before; `Palestine`, Texas;
      `Lebanon`, Ohio). They stay rivals where a text may mean them: a place of the country
      the caller gave (`_near_home`), the country's own city of its name (تونس, Tunis;
      الجزائر, Algiers; the city of Djibouti), a city abroad (عمان, Amman, which Arabic
      writes as Oman; Benin City);
    - of an organisation or a person named by the initials the query writes, the countries
      found by their ISO code (an abbreviation of no language): `BM`, Turkish for the United
      Nations, is not Bermuda's code, which tied with it (unsure before); reports write a
      country's initials as their own language does (`ABD`, `UAE`: names with a language)."""
    if len(ranked) < 2 or not named_as_spelled(ranked[0][1], context):
        return ranked
    named, rivals = ranked[0][1].row, ranked[1:]
    if named.kind == "country" and named.name_lang in REPORT_LANGS:
        homes = (named.country, context.country)
        rivals = [pair for pair in rivals if _may_be_meant(pair[1].row, homes)]
    elif named.kind in ACTOR_KINDS and named.name_kind == "abbreviation":
        rivals = [pair for pair in rivals if not _iso_code(pair[1].row)]
    else:
        return ranked
    return [ranked[0], *rivals]


def _may_be_meant(row: CandidateRow, homes: tuple[str | None, ...]) -> bool:
    """Return True for a rival of a country's name a text may mean (`_rivals_of_a_name`): not
    a place, a place of one of `homes`, or a city."""
    return row.kind != "place" or row.country in homes or (row.population or 0) >= CITY_POPULATION


def _iso_code(row: CandidateRow) -> bool:
    """Return True for a country found by its ISO code: an abbreviation of no language."""
    return row.kind == "country" and row.name_kind == "abbreviation" and row.name_lang is None


def _near_home(ranked: list[tuple[str, Scored]], context: Context) -> bool:
    """Return True when the top candidate is a country other than the hinted one and leads the
    next by less than `ABROAD_LEAD` log-odds."""
    row = ranked[0][1].row
    if row.kind != "country" or context.country is None or row.country == context.country:
        return False
    second = ranked[1][1].score if len(ranked) > 1 else 0.0
    return lead_log_odds(ranked[0][1].score, second) < ABROAD_LEAD


def _other_script(row: CandidateRow, context: Context) -> bool:
    """Return True when a candidate name is written in another script than the query."""
    return bool(context.script) and detect_scripts(row.name_text).primary != context.script


def _spelled_alike(top: Scored) -> bool:
    """Return True when the top candidate is an organisation or a person whose name the query
    spells alike but for the article or an ending (`al-Assad` for `Assad`, `Erdoğan'ın` for
    `Erdoğan`, `Assad's`): its canonical spelling is that of the query's own reading, or of
    the query read without the ending or the leading word (`Reading.written`), or without a
    title or a word that says what the organisation is, found by that reading's folded key
    (`President Erdogan`, `Cumhurbaşkanı Erdoğan`: `read_off_kind` is the candidate's kind;
    first but unsure before)."""
    reading, row = top.reading, top.row
    if row.kind not in ACTOR_KINDS:
        return False
    if read_off_kind(reading.reason) == row.kind and row.key == "f:" + reading.folded:
        return True
    return top.features[_SPELLING_EQUAL] == 1 and (reading.reason is None or reading.written)


def rivals_in_context(
    ranked: list[tuple[str, Scored]], context: Context
) -> list[tuple[str, Scored]]:
    """Return the ranked candidates a decision weighs: all of them, but without the rivals the
    caller's context rules out when the top candidate fits it. The caller has said where the
    name is and what it names, as a country hint says it for the candidates of other
    countries, which the lookup leaves out:
    - a first-level division: the places of the same country another division holds (Şūrān
      of Aleppo is no rival of Şūrān of Hama for `Sooran` in Hama, first but unsure before, at
      0.94, its lead and the candidates counted across Syria);
    - a kind: the entities of other kinds (the person al-Sharaa and the country Syria for the
      place `Shariat`).
    The ranking keeps them: a caller's context may be wrong, and the answer then is still among
    the candidates."""
    if len(ranked) < 2:
        return ranked
    top = ranked[0][1].row
    division = context.admin1 is not None and top.admin1 == context.admin1
    kind = context.kind is not None and top.kind == context.kind
    if not division and not kind:
        return ranked
    return [ranked[0]] + [
        pair
        for pair in ranked[1:]
        if not (division and _elsewhere(pair[1].row, context))
        and not (kind and pair[1].row.kind != context.kind)
    ]


def _elsewhere(row: CandidateRow, context: Context) -> bool:
    """Return True for a place or region of the hinted country in another first-level division
    than the caller's."""
    return (
        row.kind not in ACTOR_KINDS
        and row.country == context.country
        and row.admin1 is not None
        and row.admin1 != context.admin1
    )


def spelled_as(text: str, spelling: str) -> bool:
    """Return True when an Arabic-script name is spelled as an Arabic query (`spelling`, its
    `matres.arabic_spelling`): alike but for the variants of Arabic writing and a final hamza,
    which everyday writing leaves out (`FINAL_HAMZA`)."""
    own = arabic_spelling(text)
    return own.removesuffix(FINAL_HAMZA) == spelling.removesuffix(FINAL_HAMZA)


def written_alike(text: str, spelling: str) -> bool:
    """Return True when an Arabic-script name is spelled as an Arabic query (`spelled_as`), or
    alike but for the letters of long vowels inside its words (`matres.without_long_vowels`:
    كيلار for كلار, غولار for غولر): a consonant, a hamza or an ayn that differs still tells
    two names apart (سعير, صير)."""
    own = arabic_spelling(text).removesuffix(FINAL_HAMZA)
    query = spelling.removesuffix(FINAL_HAMZA)
    return own == query or without_long_vowels(own) == without_long_vowels(query)


def clearly_ahead(top: float, second: float) -> bool:
    """Return True when a top candidate scoring `top` leads the next (`second`) by at least
    `MIN_LEAD` log-odds; a confident match must."""
    return lead_log_odds(top, second) >= MIN_LEAD


class _Host(Protocol):
    """The resolver a `DecisionMixin` is part of, as the mixin's methods use it: its source
    and the mixin's own `may_decide`, `rivals_spelled_as_written`, `_a_surname_elsewhere` and
    `arabic_names`."""

    source: CandidateSource

    def may_decide(self, ranked: list[tuple[str, Scored]], context: Context) -> bool: ...

    def _a_surname_elsewhere(self, top: Scored, context: Context) -> bool: ...

    def rivals_spelled_as_written(
        self, ranked: list[tuple[str, Scored]], context: Context
    ) -> list[tuple[str, Scored]]: ...

    def arabic_names(self, entity_ids: list[str], skeletons: list[str]) -> dict[str, list[str]]: ...


class DecisionMixin:
    """The methods of `Resolver` that decide whether its top candidate is a confident match:
    the probability that it is right, and when no model may call it so."""

    def decide(self: _Host, ranked: list[tuple[str, Scored]], context: Context) -> float:
        """Return the probability that the top candidate is right (0 with no candidate)."""
        if not ranked:
            return 0.0
        found = len(ranked)
        ranked = self.rivals_spelled_as_written(rivals_in_context(ranked, context), context)
        ranked = _rivals_of_a_name(ranked, context)
        top = ranked[0][1]
        if not may_be_confident(top.row, context) or not self.may_decide(ranked, context):
            return 0.0
        if named_as_spelled(top, context) and not _near_home(ranked, context):
            return 1.0
        if city_as_spelled(top, ranked, context):
            return 1.0
        scores = [scored.score for _, scored in ranked]
        values = confidence_features(scores, top.features, context.country is not None, found)
        return confidence(values)

    def rivals_spelled_as_written(
        self: _Host, ranked: list[tuple[str, Scored]], context: Context
    ) -> list[tuple[str, Scored]]:
        """Return the ranked candidates of an Arabic query whose top candidate is its name as
        written (`spelled_as`) without the rivals found by a name in another script whose
        entity's Arabic names under that skeleton all spell it otherwise: a romanisation that
        reads alike is no rival of the name the query writes (Syria, سوريا, found by `Syria`
        for `الشريعة`, al-Sharia, at 0.93 and second; Adra, عدرا, for `درعا`). As in
        `may_decide`, a rival with no Arabic name under it stays."""
        if len(ranked) < 2 or not context.spelling:
            return ranked
        top = ranked[0][1]
        if top.reading.reason is not None or not spelled_as(top.row.name_text, context.spelling):
            return ranked
        cross = [
            (eid, s.row.skeleton) for eid, s in ranked[1:] if not is_arabic_text(s.row.name_text)
        ]
        if not cross:
            return ranked
        skeletons = list(dict.fromkeys(skeleton for _, skeleton in cross))
        names = self.arabic_names([eid for eid, _ in cross], skeletons)
        otherwise = {
            eid
            for eid, _ in cross
            if eid in names and not any(spelled_as(t, context.spelling) for t in names[eid])
        }
        return [pair for pair in ranked if pair[0] not in otherwise]

    def _a_surname_elsewhere(self: _Host, top: Scored, context: Context) -> bool:
        """Return True when a one-word Latin query is a man's surname as his names write it
        (`VersionMemo.surnames`: Barzani) and the top candidate, no person, was not found as
        the query writes it: Barzan, found by its skeleton, is one reading of `Barzani`, and
        the Barzanis the report may mean another."""
        if context.spelling or top.row.kind in ACTOR_KINDS or top.row.key[:1] in "xf":
            return False  # an Arabic query (`spelling`): its folded key is a romanisation
        folded = context.folded
        return " " not in folded and folded.isascii() and folded in self.source.surnames()

    def arabic_names(
        self: _Host, entity_ids: list[str], skeletons: list[str]
    ) -> dict[str, list[str]]:
        """Return the Arabic-script names of these entities under these skeletons, by entity
        (an entity with none is left out)."""
        names: dict[str, list[str]] = {}
        for row in self.source.names_by_skeleton(entity_ids, skeletons, arabic=True):
            names.setdefault(row.entity_id, []).append(row.name_text)
        return names

    def may_decide(self: _Host, ranked: list[tuple[str, Scored]], context: Context) -> bool:
        """Return False when the top candidate is never called confident, whatever the decision
        model says: it is not clearly ahead of the next (`clearly_ahead`), or the query is
        Arabic and the top entity's Arabic names under its skeleton all spell it otherwise
        (`matres.arabic_spelling`, `Context.spelling`): سعير found as Şīr, whose Arabic name
        is صير, is another name that romanises alike. A final hamza is no other spelling:
        everyday writing leaves it out (`التحيتا` for التحيتاء, at-Tuhayta, first but unsure at
        0.998 before); nor is the letter of a long vowel inside a word (`written_alike`: كيلار
        for كلار, Kalar). Only the query as written is compared: a top found by another reading of
        it (a qualifier read off, a descriptor dropped) was found by other words."""
        entity_id, top = ranked[0]
        second = ranked[1][1].score if len(ranked) > 1 else 0.0
        if not clearly_ahead(top.score, second):
            return False
        if self._a_surname_elsewhere(top, context):
            return False
        if not context.spelling or top.reading.reason is not None:
            return True
        if written_alike(top.row.name_text, context.spelling):
            return True
        names = self.arabic_names([entity_id], [top.row.skeleton]).get(entity_id, [])
        return not names or any(written_alike(text, context.spelling) for text in names)

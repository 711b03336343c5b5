"""Referents: the entities a query speaks of without naming them as the lexicon does: the
region an area phrase names (`ريف دمشق`, Rif Dimashq Governorate), the province around a place
a region descriptor speaks of (`Mosul countryside`: Nineveh Governorate), the country whose
north or countryside it is (`northern Syria`), and a country's capital (`the Syrian capital`:
Damascus)."""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from normalise.capitals import capital_names, capital_of
from normalise.clitics import without_proclitics
from normalise.decision import SETTLED, clearly_ahead, contradicts
from normalise.description import area_phrases, region_stem, region_word_after
from normalise.descriptors import read_off_kind
from normalise.facilities import facilities_at, facility_ids, place_keys, places_read_off
from normalise.keys import Keys, build_keys
from normalise.lookup import written_keys
from normalise.match import CandidateRow, CandidateSource
from normalise.qualifier import comma_head
from normalise.query import Context
from normalise.ranking import Scored, keep_better, rank

# A town whose countryside is its province: one of the province's first cities, at least this
# share of its most populous place's population (Mosul, Qamishli, İzmit beside Gebze); the
# countryside of a lesser town is the town's own (Afrin, Manbij, al-Bab in Aleppo's).
FIRST_CITY_SHARE = 1 / 3
# Kinds of entity whose area a region descriptor speaks of is the entity itself (a region, a
# mountain range: `Qandil bölgesi`), not its first-level division's
AREA_KINDS = frozenset({"region", "other"})


def _region_stem(name: str, lang: str | None) -> str | None:
    """Return the name a region descriptor speaks of the area around (`region_stem`), also
    after an Arabic conjunction or preposition (`في شمال سوريا`: سوريا)."""
    stem = region_stem(name, lang)
    if stem is not None:
        return stem
    for text, _ in without_proclitics(name):
        stem = region_stem(text, lang)
        if stem is not None:
            return stem
    return None


def _spelled_ahead(ranked: list[tuple[str, Scored]]) -> bool:
    """Return True when the best candidate was found by a name spelled as the text read
    (its exact or folded key), well enough to settle it (`SETTLED`), clearly ahead of the
    next (`clearly_ahead`)."""
    top = ranked[0][1]
    second = ranked[1][1].score if len(ranked) > 1 else 0.0
    spelled = top.row.key[:1] in "xf" and top.score >= SETTLED["f"]
    return spelled and clearly_ahead(top.score, second)


def _found_for(scored: Scored, reason: str) -> Scored:
    """Return a candidate found by reading a text beside the query, with the reason the
    query led to it (`province:mosul`, `capital:SY`) as its reading's."""
    return replace(scored, reading=replace(scored.reading, reason=reason))


def _read_as_province(reason: str | None) -> bool:
    """Return True for the reason of a candidate found by reading the area a region
    descriptor speaks of as its place's province: a reading with the descriptor's `as` word
    (`descriptor:ريف`, `clitic:ب;descriptor:ريف`), or the province around the place
    (`province:damascus`)."""
    parts = () if reason is None else reason.split(";")
    return any(p.startswith("province:") or read_off_kind(p) == "region" for p in parts)


class _Host(Protocol):
    """The resolver a `ReferentMixin` is part of, as the mixin's methods use it: its source,
    the methods that read a text beside the query (`placement.PlacementMixin`), and the
    mixin's own."""

    source: CandidateSource

    def _scored_text(
        self, text: str, given: Context, lang: str | None
    ) -> tuple[Context, dict[str, Scored]]: ...

    def _named_place(
        self, text: str, country: str | None, lang: str | None, *, anywhere: bool = False
    ) -> CandidateRow | None: ...

    def _country_named(self, text: str, lang: str | None) -> str | None: ...

    def _add_as_named(
        self,
        best: dict[str, Scored],
        entity_id: str,
        text: str,
        country: str,
        lang: str | None,
        reason: str,
    ) -> None: ...


class ReferentMixin:
    """The methods of `Resolver` that add the entities a query refers to without naming
    them: the region or province of an area a region descriptor speaks of, the capital a
    capital word speaks of and the facility at a place a facility word speaks of."""

    def _score_facility_at(self: _Host, best: dict[str, Scored], context: Context) -> None:
        """Add the facilities of the kinds a query says (`Context.facilities`) at the place it
        names, when it found the place by reading its facility word off and no such facility
        by its own words (`facilities.places_read_off`): those named after the place in any
        language (`facilities.facilities_at`), each scored as the place is, with `at:<the
        place's ID>` in `why`; `prefer_facilities` then ranks the place below them.
        `Beyrut Havalimanı` finds Beirut by its Turkish name, and the lexicon names Beirut's
        airport `Beirut airport` and `مطار رفيق الحريري الدولي بيروت`, not in Turkish. A
        place no facility is named after stays the answer (`Qamishli airport`)."""
        places = places_read_off(best, context.facilities)
        if not places:
            return
        named = {place_id: place.row.country for place_id, place in places}
        names = self.source.names_of(list(named))
        rows = [
            row
            for country in dict.fromkeys(named.values())  # several without a hint (Tripoli)
            for row in self.source.candidates(
                place_keys([n for n in names if named[n.entity_id] == country]), country=country
            )
        ]
        ids = facility_ids(rows, context.facilities, named)
        if ids:
            found = facilities_at(places, names, self.source.names_of(ids), context.facilities)
            keep_better(best, found)

    def _score_area_named(
        self: _Host,
        name: str,
        keys: Keys,
        best: dict[str, Scored],
        context: Context,
        lang: str | None,
    ) -> None:
        """Add the region the lexicon names by the area a query's region descriptor speaks of
        (`description.area_phrases`), when it names one as spelled and well (`SETTLED` for a
        folded key) in the hinted country, and drop the other regions found by reading that
        area as its place's province (`_read_as_province`; without such regions, nothing is
        read). Rif Dimashq Governorate is named `Damascus Countryside`, `ريف دمشق` and `Şam
        Kırsalı`, so `southern Damascus countryside`, `ريف دمشق الغربي`, `بريف دمشق` and `Şam
        kırsalında` are it, not Damascus Governorate (`area:` in `why`). Other areas (`Hama
        countryside`) name no region, and are read as before."""
        provinces = [
            k
            for k, s in best.items()
            if s.row.kind == "region" and _read_as_province(s.reading.reason)
        ]
        if not provinces:
            return  # the usual case: no region was found by reading an area as its province
        texts = [name, *(text for text, _ in without_proclitics(name))]
        for phrase in dict.fromkeys(p for text in texts for p in area_phrases(text, lang)):
            if build_keys(phrase, lang).folded == keys.folded:
                continue  # the query itself, read already
            read, scored = self._scored_text(phrase, Context(context.country), lang)
            ranked = rank(scored)
            if not ranked:
                continue
            entity_id, top = ranked[0]
            if (
                top.row.kind != "region"
                or top.reading.reason is not None  # found as the phrase is spelled
                or top.row.key[:1] not in "xf"
                or top.score < SETTLED["f"]
                or contradicts(top.row, context)
            ):
                continue
            for other in provinces:
                if other != entity_id:
                    del best[other]
            keep_better(best, {entity_id: _found_for(top, f"area:{read.folded}")})
            return

    def _score_province_around(
        self: _Host, name: str, best: dict[str, Scored], context: Context, lang: str | None
    ) -> None:
        """Add the province around the place a region descriptor speaks of, when no region
        was found well by its name (`_names_a_region`): `Musul kırsalı`, `ريف الموصل`,
        `Mosul countryside` (the countryside of Mosul) is Nineveh Governorate, a province not
        named after its capital, and `Humus kırsalı` Homs Governorate, which the lexicon
        names in English and Arabic only. The place's division (`_named_place`, a sure one
        anywhere) gives the province (`CandidateSource.province`), scored as its own name
        reads (`province:mosul` in `why`), when the place is one of its province's first
        cities (`FIRST_CITY_SHARE`); a lesser town's area is the town, scored as the stem
        reads (`around:afrin`: `Afrin region`, `ريف منبج`, Aleppo Governorate before), and
        so is a town's whose division the lexicon holds no province of, by a word for its area
        written after it (`Sétif Province`, `Kasserine Governorate`: Siirt Province and Basra
        Governorate before; not a point of the compass or the countryside written before it,
        which may be part of a name: `North Carolina`, `ريف الفجيرة`). A
        region's or a mountain range's area is itself (`Qandil bölgesi`, `the Gara region`:
        Erbil and Duhok Governorates before). A country's north or countryside is the
        country (`northern Syria`, `شمال سوريا`, `Kuzey Suriye`: `within:syria`). A name
        before a qualifier's comma that the lexicon holds as written is no area's (`East
        Ellijay, Georgia` is the town of East Ellijay, not Ellijay's east)."""
        stem = _region_stem(name, lang)
        head = None if stem is None else comma_head(name)
        if head is not None and self.source.candidates(written_keys(build_keys(head, lang))):
            return
        place = (
            None if stem is None
            else self._named_place(stem, context.country, lang, anywhere=True)
        )  # fmt: skip
        if stem is None or place is None or place.country is None:
            return
        if place.kind == "country":  # the area is within it
            self._add_as_named(best, place.entity_id, stem, place.country, lang, f"within:{stem}")
            return
        if place.kind in AREA_KINDS and (
            place.admin1 is None
            or self.source.province(place.country, place.admin1) != place.entity_id
        ):  # the area of a region or a mountain range is itself (a province's, below)
            self._add_as_named(best, place.entity_id, stem, place.country, lang, f"around:{stem}")
            return
        if place.admin1 is None:
            return
        if place.kind == "place" and (place.population or 0) < FIRST_CITY_SHARE * (
            self.source.largest_population(place.country, place.admin1)
        ):
            self._add_as_named(best, place.entity_id, stem, place.country, lang, f"around:{stem}")
            return
        province = self.source.province(place.country, place.admin1)
        display = None if province is None else self.source.display_names([province])
        if province is None or not display:  # a division the lexicon lacks: the town's own
            if region_word_after(name, lang):
                self._add_as_named(
                    best, place.entity_id, stem, place.country, lang, f"around:{stem}"
                )
            return
        self._add_as_named(
            best, province, display[province], place.country, None, f"province:{stem}"
        )

    def _add_as_named(
        self: _Host,
        best: dict[str, Scored],
        entity_id: str,
        text: str,
        country: str,
        lang: str | None,
        reason: str,
    ) -> None:
        """Add the entity `text` names, scored as that text reads in `country` (a province's
        own name, a country's), with `reason` in `why` (`province:mosul`, `within:syria`)."""
        scored = self._scored_text(text, Context(country), lang)[1].get(entity_id)
        if scored is not None:
            keep_better(best, {entity_id: _found_for(scored, reason)})

    def _score_capital(
        self: _Host, name: str, best: dict[str, Scored], context: Context, lang: str | None
    ) -> None:
        """Add the capital of the country a name speaks of (`capitals.capital_of`): `the Syrian
        capital`, `the capital of Syria`, `Suriye'nin başkenti` (`başkenti` in Syria, read so
        by `_placed`), `العاصمة السورية` are Damascus, and a capital word alone is the
        hinted country's (`the capital` with SY). The capital is the city GeoNames names so
        (`capitals.capital_names`), found by that name as spelled in its country, clearly
        ahead of any other place (`_spelled_ahead`: Sanaa, beside the village Şanā’), scored
        as it reads there (`capital:SY` in `why`). The country, which the words beside the
        capital word name (`السورية`, Syrian, is also Syria's name سورية), is no answer."""
        texts = capital_of(name, lang)
        if texts is None:
            return
        named = (self._country_named(text, lang) for text in texts)
        code = next((c for c in named if c is not None), None) if texts else context.country
        capital = None if code is None else capital_names().get(code)
        if code is None or capital is None:
            return
        ranked = rank(self._scored_text(capital, Context(code, kind="place"), None)[1])
        if not ranked or not _spelled_ahead(ranked):
            return
        best.pop(f"iso3166:{code}", None)
        keep_better(best, {ranked[0][0]: _found_for(ranked[0][1], f"capital:{code}")})

"""Descriptors: words that say what kind of place, person or organisation a name is
(`lexicons/rules/descriptors.tsv`).

News text writes them around the name: `Aleppo city`, `the town of Kafr Nabl`, `Halep kenti`,
`مدينة إدلب` (the city of Idlib), a person's title (`President Erdoğan`), what an organisation
is (`تنظيم داعش`, the organisation Daesh; `PKK terör örgütü`). The lexicon names the
entity without them, so a query is also read without its descriptor. A descriptor of kind
`region` speaks of the area around a place (`Hama countryside`, `Halep kırsalı`, `ريف حماة`),
which sources code as its province: that reading puts the table's `as` word in its place
(`Hama province`, `Halep ili`, `محافظة حماة`), the way the lexicon names provinces. A
descriptor of kind `capital` is a word for a capital: before a name it is read off as a place
descriptor is (`the capital Damascus`); with a country's name or demonym it names that
country's capital (`capitals.capital_of`: `the Syrian capital`, `Suriye'nin başkenti`,
`العاصمة السورية`).
A descriptor of kind `city` is a place descriptor that calls the place a city or a town
(`Idlib city`, `Halep kenti`, `مدينة الرقة`): a large city the name so read is spelled as is
what the query means (`decision.city_as_spelled`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from normalise.clitics import without_proclitics
from normalise.fold import fold
from normalise.keys import words_of
from normalise.matres import is_arabic_text
from normalise.rules import Row, check_choice, load_rows
from normalise.text import MEMO_TEXTS
from normalise.tokens import tables

KINDS = ("place", "city", "region", "person", "organisation", "capital")
PLACE_KINDS = frozenset({"place", "city"})  # read off a place's name alike
POSITIONS = ("after", "before", "first", "clause")


@dataclass(frozen=True, slots=True)
class Descriptor:
    """One descriptor word (folded) and how a name is read without it."""

    term: str
    kind: str
    position: str
    replacement: str  # the word a region descriptor is read as; "" to drop it


def _descriptor(row: Row) -> Descriptor:
    term = row["term"]
    if " " in term or term != fold(term) or not (term.isascii() or is_arabic_text(term)):
        raise row.error(
            f"term {term!r} must be one folded word (lower-case ASCII, or Arabic script)"
        )
    kind = check_choice(row, "kind", KINDS)
    replacement = row["as"]
    if (kind == "region") != bool(replacement):
        raise row.error("a region descriptor needs an `as` word; a place descriptor has none")
    return Descriptor(term, kind, check_choice(row, "position", POSITIONS), replacement)


@cache
def descriptors() -> dict[str, Descriptor]:
    """Load `descriptors.tsv` strictly (file:line on any error)."""
    return {d.term: d for d in map(_descriptor, load_rows("descriptors.tsv"))}


def read_off_kind(reason: str | None) -> str | None:
    """Return the kind of the descriptor a reading read off (its reason `descriptor:<term>`:
    `descriptor:city` -> `city`, `descriptor:president` -> `person`), else None."""
    if reason is None or not reason.startswith("descriptor:"):
        return None
    found = descriptors().get(reason.removeprefix("descriptor:"))
    return found.kind if found is not None else None


def names_a_city(reason: str | None) -> bool:
    """Return True for the reason of a reading that read off a word for a city, a town or a
    capital (`descriptor:city`, `descriptor:kenti`, `descriptor:العاصمة`; kinds `city` and
    `capital`)."""
    return read_off_kind(reason) in ("city", "capital")


@lru_cache(maxsize=MEMO_TEXTS)
def located(name: str, lang: str | None = None) -> tuple[str, str] | None:
    """Return a name cut before a clause that says where it is, and the clause: a word after
    the name that writes where, as a descriptor written first does. In Arabic a word of
    direction or place, joined to a preposition or not (شمال, شرقي: north of, east of; ريف:
    the countryside of; قرب: near; بريف, in the countryside of): `مدينة منبج شمال شرقي حلب`
    (the city of Manbij, north-east of Aleppo) is `مدينة منبج` and `شمال شرقي حلب`. In English
    `in` or `near`, or a direction and `of`: `Saraqib in Idlib province`, `Tel Rifaat north of
    Aleppo`. None for a name without one after a word of its own (شمال سوريا is a region
    descriptor and its country), or mixing Arabic and Latin words. Memoised: a query's
    qualifier, readings, descriptors and placed name all ask it."""
    if name.count(" ") + name.count("-") < 2:
        return None  # fewer than three words: most queries, and asked of each
    _, words, _ = words_of(name, lang)
    arabic = [w.arabic for w in words]
    if len(words) < 3 or (any(arabic) and not all(arabic)):
        return None
    texts = [w.text for w in words]
    own = 0  # words of the name itself seen so far (not descriptors)
    table = descriptors()
    for at, text in enumerate(texts[:-1]):
        if own and _is_locator(text, texts[at + 1], all(arabic)):
            found = table.get(text)
            clause = texts[at + 1 :] if found and found.position == "clause" else texts[at:]
            return " ".join(texts[:at]), " ".join(clause)
        if text not in table:
            own += 1
    return None


def _is_locator(text: str, following: str, arabic: bool) -> bool:
    """Return True for a word that begins a clause saying where a name is (`located`): one
    that does nothing else (position `clause`: in, near), a place descriptor written first
    (قرب, near), or a region descriptor written before a name (شمال, شرقي; in English only
    before `of`: north of), alone or, in Arabic, after a proclitic (بريف)."""
    table = descriptors()
    forms = (text, *(rest for rest, _ in without_proclitics(text))) if arabic else (text,)
    for form in forms:
        found = table.get(form)
        if found is None or found.position == "after":
            continue
        if found.position == "clause":
            return True
        if found.kind in PLACE_KINDS:
            return found.position == "first"
        if found.kind == "region":
            return arabic or following in tables().stopwords
    return False


def reset_caches() -> None:
    """Forget the loaded table and what was read with it."""
    descriptors.cache_clear()
    located.cache_clear()

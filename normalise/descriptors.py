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
from functools import cache

from normalise.fold import fold
from normalise.matres import is_arabic_text
from normalise.rules import Row, check_choice, load_rows

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
    lang: str = ""  # the language of the word (`ar` for Arabic words, romanised ones too)

    @property
    def leaves_name(self) -> bool:
        """Whether the name read without this word is the name as the query writes it: an
        English or Turkish word for a city or a town (`Saraqib town`, `the city of Saraqib`,
        `Halep kenti`), which no name the word is in writes so. An Arabic one is often part of
        the name (مدينة الكويت, Kuwait City; Madinat Zayed)."""
        return self.kind == "city" and self.lang != "ar"


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
    position = check_choice(row, "position", POSITIONS)
    return Descriptor(term, kind, position, replacement, row["lang"])


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


def reset_caches() -> None:
    """Forget the loaded table (`clause.reset_caches` forgets what `located` read with it)."""
    descriptors.cache_clear()

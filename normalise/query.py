"""What a query tells of itself: the language it is read in, and the context it is scored in
(`Context`): what the caller knows, and what the query's own text adds to it (its article,
letters, Arabic spelling, capitals, script, compass points and facilities)."""

from __future__ import annotations

from dataclasses import dataclass

from normalise.compass import compass_points
from normalise.description import described_capitals
from normalise.facilities import facilities_said
from normalise.fold import is_scholarly, looks_turkish
from normalise.forms import query_letters, written_forms
from normalise.keys import Keys
from normalise.matres import arabic_spelling, is_arabic_text
from normalise.region import writing_world
from normalise.scripts import detect_scripts
from normalise.suffixes import query_capitals
from normalise.variants import turkish_spelling


@dataclass(frozen=True, slots=True)
class Context:
    """What the caller knows beyond the name."""

    country: str | None = None
    admin1: str | None = None
    kind: str | None = None
    article: bool = False  # the query's name begins with an article (Az Zawiya, El Ksour)
    folded: str = ""  # the query's folded key (`Keys.folded`), articles and all
    letters: str = ""  # an Arabic query letter by letter, or a Latin one's long-vowel letters
    spelling: str = ""  # an Arabic query's letters, its writing's variants folded away
    # (`matres.arabic_spelling`)
    capitals: str = ""  # the query's initials in capitals (`suffixes.query_capitals`), else ""
    script: str = ""  # the query's first script (`scripts.detect_scripts`: Latin, Arabic ...)
    compass: frozenset[str] = frozenset()  # the points of the compass the query says
    # (`compass.compass_points`: `Western Ghouta` {w})
    facilities: frozenset[str] = frozenset()  # the facilities the query says
    # (`facilities.facilities_said`: `Kuweires air base` {base})
    written: frozenset[str] = frozenset()  # a Latin query's forms as written but for word
    # breaks, articles and heads (`forms.written_forms`); empty for another script
    turkish_letters: bool = False  # the query writes Turkish ş or ğ, as the Turkish press
    # does (`variants.turkish_spelling`; a scholarly romanisation's ş is its own)
    within: tuple[str, ...] = ()  # without a country, the countries the query's writing
    # points to, whose places are looked up too (`region.writing_world`: an Arabic article,
    # Turkish letters)


def query_lang(name: str, country: str | None, lang: str | None = None) -> str | None:
    """Return the language a query is read in: the caller's, else Turkish for a name not in
    Arabic script placed in Turkey (`country`, an upper-case hint), else None."""
    if lang is None and country == "TR" and not is_arabic_text(name):
        return "tr"
    return lang


def query_context(name: str, keys: Keys, context: Context) -> Context:
    """Return the caller's context with what the query itself tells the scorer and the
    decision: its article, folded key, letters, Arabic spelling, capitals, script and compass
    points, the facilities it says, its written forms and whether it writes Turkish ş or ğ."""
    arabic = is_arabic_text(name)
    return Context(
        context.country,
        context.admin1,
        context.kind,
        article=bool(keys.articles),
        folded=keys.folded,
        letters=query_letters(name),
        spelling=arabic_spelling(name),
        capitals=query_capitals(name) or described_capitals(name),
        script=detect_scripts(name).primary or "",
        compass=compass_points(keys.folded, arabic),
        facilities=facilities_said(keys.folded, arabic),
        written=frozenset() if arabic else written_forms(keys.folded),
        turkish_letters=not arabic and turkish_spelling(name) is not None,
        within=(
            writing_world(keys, arabic, looks_turkish(name) and not is_scholarly(name))
            if context.country is None
            else ()
        ),
    )

"""Descriptors: words that say what kind of place a name is (`lexicons/rules/descriptors.tsv`).

News text writes them around the name: `Aleppo city`, `the town of Kafr Nabl`, `Halep kenti`.
The lexicon names the place without them, so a query is also read without its descriptor. A
descriptor of kind `region` speaks of the area around a place (`Hama countryside`, `Halep
kırsalı`), which sources code as its province: that reading puts the table's `as` word in its
place (`Hama province`, `Halep ili`), the way the lexicon names provinces.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from normalise.keys import words_of
from normalise.rules import Row, check_choice, load_rows
from normalise.tokens import tables

KINDS = ("place", "region")
POSITIONS = ("after", "before")


@dataclass(frozen=True, slots=True)
class Descriptor:
    """One descriptor word (folded) and how a name is read without it."""

    term: str
    kind: str
    position: str
    replacement: str  # the word a region descriptor is read as; "" to drop it


def _descriptor(row: Row) -> Descriptor:
    term = row["term"]
    if not term.isascii() or term != term.lower() or " " in term:
        raise row.error(f"term {term!r} must be one folded word (lower-case ASCII)")
    kind = check_choice(row, "kind", KINDS)
    replacement = row["as"]
    if (kind == "region") != bool(replacement):
        raise row.error("a region descriptor needs an `as` word; a place descriptor has none")
    return Descriptor(term, kind, check_choice(row, "position", POSITIONS), replacement)


@cache
def descriptors() -> dict[str, Descriptor]:
    """Load `descriptors.tsv` strictly (file:line on any error)."""
    return {d.term: d for d in map(_descriptor, load_rows("descriptors.tsv"))}


def without_descriptor(name: str, lang: str | None = None) -> tuple[str, Descriptor] | None:
    """Return the name read without its descriptor, and the descriptor; None without one.

    The descriptor is the last word, or the first when it is an adjective written before the
    name (`rural Hama`) or an of-word follows it (`city of Homs`); leading function words
    (`the`) are passed over, and some word of the name must remain.
    """
    _, words, _ = words_of(name, lang)
    if any(w.arabic for w in words):
        return None
    stop = tables().stopwords
    texts = [w.text.split("'")[0] for w in words]
    while texts and texts[0] in stop:
        texts = texts[1:]
    table = descriptors()
    found = table.get(texts[-1]) if len(texts) >= 2 else None
    rest = texts[:-1]
    if found is None and len(texts) >= 2 and texts[0] in table:
        first = table[texts[0]]
        if first.position == "before" or texts[1] in stop:
            found, rest = first, texts[1:]
    while rest and rest[0] in stop:
        rest = rest[1:]
    if found is None or not rest:
        return None
    return " ".join([*rest, found.replacement] if found.replacement else rest), found


def reset_caches() -> None:
    """Forget the loaded table."""
    descriptors.cache_clear()

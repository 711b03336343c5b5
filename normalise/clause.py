"""Clause: the clause after a name that says where it is (`Saraqib in Idlib province`,
`مدينة منبج شمال شرقي حلب`), begun by a word of the descriptor table (`descriptors.tsv`)."""

from __future__ import annotations

from functools import lru_cache

from normalise.clitics import without_proclitics
from normalise.descriptors import PLACE_KINDS, descriptors
from normalise.keys import words_of
from normalise.text import MEMO_TEXTS
from normalise.tokens import tables


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
    """Forget the clauses read (`located`'s memo)."""
    located.cache_clear()

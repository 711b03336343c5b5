"""Glossary: a query's translated generic terms (`glossary.tsv`), put back as the Arabic heads
they translate (`Madik Castle` -> `Qalaat Madik`) or, for a separate word for "village",
dropped (`Apa Köyü` -> `Apa`)."""

from __future__ import annotations

from normalise.generic import VILLAGE_HEAD
from normalise.keys import words_of
from normalise.suffixes import uninflected
from normalise.tokens import Word, tables

HEAD_FIRST_MARKERS = frozenset({"of", "de", "du", "des", "d"})


def _latin_texts(words: list[Word], turkish: bool) -> list[str]:
    """Return the folded Latin words of a name; a Turkish one's without the case endings Turkish
    writes after an apostrophe on proper names (Şam'ın -> şam)."""
    return [uninflected(w.text)[0] if turkish else w.text for w in words if not w.arabic]


def glossary_form(name: str, lang: str | None = None) -> tuple[str, list[str]] | None:
    """Return the name with translated generic terms put back as Arabic heads, or None.

    English and Turkish put the head last (`Madik Castle`, `Madik Kalesi`), Arabic first
    (`Qalaat Madik`): the word order is reversed unless an of-word marks a head-first phrase.
    """
    _, found, turkish = words_of(name, lang)
    texts = _latin_texts(found, turkish)
    glossary = tables().glossary
    terms = [glossary[t] for t in texts if t in glossary]
    if not terms:
        return None
    head_first = any(t in HEAD_FIRST_MARKERS for t in texts)
    out = [glossary[t].head if t in glossary else t for t in texts if t not in HEAD_FIRST_MARKERS]
    if not head_first:
        out.reverse()
    return " ".join(out), [f"glossary:{t.term}→{t.head}" for t in terms]


def without_village(name: str, lang: str | None = None) -> str | None:
    """Return the name without a separate word for "village" (`Apa Köyü` -> `Apa`), or None.

    Sources add the generic word to a village's name (Turkish köy/köyü, English village);
    the lexicon usually names the place without it. The word must be a glossary term for
    the head `kafr` and some other word must remain.
    """
    _, found, turkish = words_of(name, lang)
    glossary = tables().glossary
    texts = _latin_texts(found, turkish)
    if len(texts) != len(found):
        return None
    kept = [t for t in texts if t not in glossary or glossary[t].head != VILLAGE_HEAD]
    if not kept or len(kept) == len(texts):
        return None
    return " ".join(kept)

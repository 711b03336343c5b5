"""Other readings of a query, tried beside its own keys.

A lexicon entry keeps one set of keys; a query may be read several ways: an ambiguous
letter (`ch` is French sh or German kh, `g` may write ج), an article glued to the word
(`Alzeqa`), or a translated generic term (`Madik-Castle` = `Qalaat al-Madiq`). Each reading
carries the reason it was tried, which the resolver reports in `why`.
"""

from __future__ import annotations

from dataclasses import dataclass

from normalise.conventions import rewrite_alternates
from normalise.keys import Keys, build_keys, words_of
from normalise.skeleton import join_skeletons, word_skeleton
from normalise.tokens import head_of, strip_article, tables

MAX_VARIANTS = 6
GLUED_ARTICLES = ("al", "el")
HEAD_FIRST_MARKERS = frozenset({"of", "de", "du", "des", "d"})


@dataclass(frozen=True, slots=True)
class Reading:
    """One reading of a query: its skeleton, tokens and canonical spelling, and why."""

    skeleton: str
    tokens: tuple[str, ...]
    phonetic: str
    reason: str | None


def _reading(keys: Keys, reason: str | None) -> Reading:
    return Reading(keys.skeleton, keys.tokens, keys.phonetic, reason)


def glossary_form(name: str, lang: str | None = None) -> tuple[str, list[str]] | None:
    """Return the name with translated generic terms put back as Arabic heads, or None.

    English and Turkish put the head last (`Madik Castle`, `Madik Kalesi`), Arabic first
    (`Qalaat Madik`): the word order is reversed unless an of-word marks a head-first phrase.
    """
    _, found, turkish = words_of(name, lang)
    # Turkish writes case endings after an apostrophe on proper names (Şam'ın): drop them.
    texts = [w.text.split("'")[0] if turkish else w.text for w in found if not w.arabic]
    glossary = tables().glossary
    terms = [glossary[t] for t in texts if t in glossary]
    if not terms:
        return None
    head_first = any(t in HEAD_FIRST_MARKERS for t in texts)
    out = [glossary[t].head if t in glossary else t for t in texts if t not in HEAD_FIRST_MARKERS]
    if not head_first:
        out.reverse()
    return " ".join(out), [f"glossary:{t.term}→{t.head}" for t in terms]


def readings(name: str, lang: str | None = None) -> list[Reading]:
    """Return the query's own reading first, then up to `MAX_VARIANTS` other readings."""
    keys = build_keys(name, lang)
    out = [_reading(keys, None)]
    seen = {keys.skeleton}

    def add(candidate: Keys, reason: str) -> None:
        if candidate.skeleton and candidate.skeleton not in seen and len(out) <= MAX_VARIANTS:
            seen.add(candidate.skeleton)
            out.append(_reading(candidate, reason))

    translated = glossary_form(name, lang)
    if translated is not None:
        add(build_keys(translated[0], lang), ";".join(translated[1]))
    _, words, turkish = words_of(name, lang)
    words, _ = strip_article(words)
    # A glued article: Alzeqa, Elkhalil.
    if words and not words[0].arabic:
        first = words[0].text
        for article in GLUED_ARTICLES:
            if first.startswith(article) and len(first) - len(article) >= 3:
                rest = " ".join([first[len(article) :]] + [w.text for w in words[1:]])
                add(build_keys(rest, lang), f"article:{article}")
    # Ambiguous letters: one alternate reading per word.
    for index, word in enumerate(words):
        if word.arabic or head_of(word.text) is not None:
            continue
        for spelling, label in rewrite_alternates(word.text, turkish):
            parts = []
            for j, other in enumerate(words):
                last = j == len(words) - 1
                text = spelling if j == index else build_keys(other.text, lang).phonetic
                parts.append(word_skeleton(text, last))
            skeleton = join_skeletons(parts)
            if skeleton not in seen and len(out) <= MAX_VARIANTS:
                seen.add(skeleton)
                tokens = tuple(p for p in parts if p)
                phonetic = keys.phonetic.replace(build_keys(word.text, lang).phonetic, spelling)
                out.append(Reading(skeleton, tokens, phonetic, label))
    return out

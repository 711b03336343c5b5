"""Generic words that sources add to, or leave off, a place's own name: village words, heads.

Turkish sources glue the word for village to a name (`Hasköy`, `Söğütalanköyü`) or write it
apart (`Gökçeören Köyü`), and GeoNames may name the same village with or without it
(`Seçköy` beside `Sec`). The stem is the name without that last word or suffix: lexicon
names are indexed under the stem's skeleton as well, and a query is also read as its stem, so
either spelling finds the other. The village terms are the glossary's Turkish terms for the
head `kafr` (`lexicons/rules/glossary.tsv`).

News text also leaves a generic head alone when it splits a name (`Taka, and Bab` for Bab
al-Taqa): a name's head (`heads.tsv`) is then its stem (`head_stem`), read only for a query
that is a bare head (`bare_head`) within the caller's first-level division.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from normalise.skeleton import join_skeletons, word_skeleton
from normalise.tokens import tables

VILLAGE_HEAD = "kafr"
SUFFIX_LANG = "tr"  # only Turkish glues the word for village to the name
MIN_STEM = 3  # letters a glued suffix must leave
MIN_STEM_SKELETON = 2  # a one-letter skeleton finds too much to be worth a key


VILLAGE = "village"  # `Stem.kind` of a name without its village word


class Stem(NamedTuple):
    """A name without its village word, or its generic head alone: its canonical spelling,
    skeleton and tokens, and which of the two it is (`VILLAGE` or `HEAD`)."""

    phonetic: str
    skeleton: str
    tokens: tuple[str, ...]
    kind: str = VILLAGE


@cache
def village_suffixes() -> tuple[str, ...]:
    """Return the folded Turkish village terms, longest first (`koyu` before `koy`)."""
    terms = [
        t.term
        for t in tables().glossary.values()
        if t.head == VILLAGE_HEAD and t.lang == SUFFIX_LANG and " " not in t.term
    ]
    return tuple(sorted(terms, key=lambda t: (-len(t), t)))


def village_stem(phonetic: str, skeleton: str) -> Stem | None:
    """Return the stem of a name whose last word is or ends with a village term, else None.

    Args:
        phonetic: the name's canonical spelling (`Keys.phonetic`), so lexicon names and
            queries get the same stem: `haskoy` -> `has`, `gokjeoren koyu` -> `gokjeoren`.
        skeleton: the name's skeleton (`Keys.skeleton`); a stem that keeps it is no stem.
    """
    words = phonetic.split()
    if not words:
        return None
    last = words[-1]
    for suffix in village_suffixes():
        if not last.endswith(suffix):
            continue
        stem = last[: -len(suffix)]
        if len(stem) >= MIN_STEM:
            parts = [*words[:-1], stem]
        elif not stem and len(words) > 1:
            parts = words[:-1]
        else:
            return None
        skeletons = [word_skeleton(w, i == len(parts) - 1) for i, w in enumerate(parts)]
        stem_skeleton = join_skeletons(skeletons)
        if len(stem_skeleton) < MIN_STEM_SKELETON or stem_skeleton == skeleton:
            return None
        return Stem(" ".join(parts), stem_skeleton, tuple(s for s in skeletons if s))
    return None


HEAD = "head"  # `Stem.kind` of a name read as its generic head alone
DESCRIBED = "described"  # `Stem.kind` of a name without the place descriptor it ends with


def bare_head(phonetic: str, heads: tuple[str, ...], articles: tuple[str, ...]) -> str | None:
    """Return the canonical generic head a query is made of alone (`Bab`, `Tell`), else None.

    News text that splits a name (`Taka, and Bab` for Bab al-Taqa) leaves a head alone. A
    name written with its article (`al-Bab`, the town) is a name of its own.

    Args:
        phonetic, heads, articles: the query's `Keys` fields of those names.
    """
    return phonetic if heads == (phonetic,) and not articles else None


@cache
def head_spellings(head: str) -> tuple[str, ...]:
    """Return the folded spellings of a canonical generic head (`heads.tsv`: `tall` is also
    written tal, tel, tell, til, تل)."""
    return tuple(sorted(v for v, c in tables().heads.items() if c == head))


@cache
def _canonical_heads() -> frozenset[str]:
    return frozenset(tables().heads.values())


def head_stem(phonetic: str) -> Stem | None:
    """Return a name's first word as its stem when that is a generic head (`bab taqa` ->
    `bab`); names are spelled with their heads canonical (`Keys.phonetic`)."""
    first, _, rest = phonetic.partition(" ")
    if not rest or first not in _canonical_heads():
        return None
    skeleton = word_skeleton(first, True)
    return Stem(first, skeleton, (skeleton,), HEAD) if skeleton else None


def reset_caches() -> None:
    """Forget the village terms read from the glossary."""
    village_suffixes.cache_clear()
    head_spellings.cache_clear()
    _canonical_heads.cache_clear()

"""Compass words: the point of the compass a name says (`lexicons/rules/compass.tsv`).

Two places are often named alike but for a compass word: West and East Jerusalem, Eastern
and Western Ghouta, Kuwayris Sharqi and Kuwayris Gharbi, North and South Kordofan. Keys
hardly tell them apart (`western` and `eastern` share the skeleton STRN), so the resolver
compares the points the query and a candidate's name say (`other_points`), and a candidate
that says another point is never a confident match.
"""

from __future__ import annotations

from functools import cache, lru_cache

from normalise.matres import is_arabic_text
from normalise.tablewords import load_word_table
from normalise.text import MEMO_TEXTS

POINTS = ("n", "s", "e", "w", "c", "ne", "nw", "se", "sw")


@cache
def compass_words() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Load `compass.tsv` strictly: the points of each folded word of Latin names, and of
    Arabic-script names (file:line on any error)."""
    latin, arabic = load_word_table("compass.tsv", "point", POINTS)
    return (
        {word: frozenset(point) for word, point in latin.items()},
        {word: frozenset(point) for word, point in arabic.items()},
    )


@lru_cache(maxsize=MEMO_TEXTS)
def compass_points(folded: str, arabic: bool) -> frozenset[str]:
    """Return the points of the compass a name says, from its folded key (`Keys.folded`):
    `western ghouta` {w}, `north east syria` {n, e}, `al ghuta al shrqia` (Arabic script)
    {e}; empty for a name that says none."""
    words = compass_words()[1 if arabic else 0]
    points: frozenset[str] = frozenset()
    for token in folded.split():
        found = words.get(token)
        if found is not None:
            points |= found
    return points


def other_points(query: frozenset[str], folded: str, name_text: str) -> frozenset[str]:
    """Return the points a candidate's name says when the query says others (`query`, its
    `compass_points`), else an empty set: `Eastern Ghouta` for `Western Ghouta` says {e}."""
    if not query:
        return frozenset()
    points = compass_points(folded, is_arabic_text(name_text))
    return points if points and points != query else frozenset()


def reset_caches() -> None:
    """Forget the loaded table and the points of names read so far."""
    compass_words.cache_clear()
    compass_points.cache_clear()

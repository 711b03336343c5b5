"""The consonant skeleton: a spelling-independent key comparable across scripts.

Arabic is written without short vowels and romanisations disagree about them, so the
skeleton keeps consonant classes only (`lexicons/rules/skeleton_classes.tsv`): ك ق k q c -> K,
ح ه خ h kh -> H, ص س ش s sh -> S, and so on. Vowels are dropped, doubled consonants count once,
ayn and hamza vanish. `Kafrzeita`, `Kafr Zita` and `كفر زيتا` all give `KFRZT`.
Skeletons collide more than names do: they find candidates, the scorer decides.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from functools import cache

import regex

from normalise.rules import SPECIAL_CLASSES, Row, load_rows

_VOWEL = "v"  # placeholder for a vowel while doubled consonants are collapsed
# Runs of one class letter. Standard `re` with a callable is several times faster here than
# `regex` with the template r"\1", which is parsed again on every call.
_DOUBLES = re.compile(r"([A-Z])\1+")
_FIRST_OF_RUN = operator.methodcaller("group", 1)
_NON_KEY = regex.compile(r"[^A-Z0-9v]+")  # letters no class covers (rare extended Arabic)


@dataclass(frozen=True, slots=True)
class ClassTable:
    """The skeleton classes compiled for fast use.

    Attributes:
        digraphs: multi-letter units and their class, longest first.
        middle: translate table for a letter inside a word.
        initial: class of a letter at the start of a word, where it differs from `middle`.
        final: class of a letter at the end of a word (`None` = silent), where it differs.
        final_after_vowel: letters that are silent at the end of a word after a vowel.
        construct: letters that are T before another word and silent at the end of a name.
    """

    digraphs: tuple[tuple[str, str], ...]
    middle: dict[int, str]
    initial: dict[str, str]
    final_silent: frozenset[str]
    final_after_vowel: frozenset[str]
    construct: frozenset[str]
    vowels: frozenset[str]


def _class_of(row: Row) -> str:
    value = row["class"]
    if value in SPECIAL_CLASSES:
        return value
    if len(value) == 1 and "A" <= value <= "Z":
        return value
    raise row.error(
        f"class {value!r} must be one upper-case letter or one of {', '.join(SPECIAL_CLASSES)}"
    )


@cache
def class_table() -> ClassTable:
    """Load and compile `skeleton_classes.tsv` (file:line on any error)."""
    digraphs: list[tuple[str, str]] = []
    middle: dict[str, str] = {}
    initial: dict[str, str] = {}
    final_silent: set[str] = set()
    after_vowel: set[str] = set()
    construct: set[str] = set()
    vowels: set[str] = set()
    for row in load_rows("skeleton_classes.tsv"):
        letter, value = row["letter"], _class_of(row)
        if len(letter) > 1:
            if value in SPECIAL_CLASSES:
                raise row.error("a multi-letter unit needs a plain consonant class")
            if letter != letter.lower() or not letter.isascii():
                raise row.error("multi-letter units are lower-case ASCII")
            digraphs.append((letter, value))
            continue
        if value == "V":
            middle[letter] = _VOWEL
            vowels.add(letter)
        elif value == "-":
            middle[letter] = ""
        elif value in ("~W", "~Y"):
            middle[letter] = _VOWEL
            initial[letter] = value[1]
            vowels.add(letter)
        elif value in ("H$", "H#"):
            middle[letter] = "H"
            (after_vowel if value == "H$" else final_silent).add(letter)
        elif value == "T+":
            middle[letter] = "T"
            construct.add(letter)
        else:
            middle[letter] = value
    digraphs.sort(key=lambda pair: -len(pair[0]))
    return ClassTable(
        tuple(digraphs),
        str.maketrans(middle),
        initial,
        frozenset(final_silent),
        frozenset(after_vowel),
        frozenset(construct),
        frozenset(vowels),
    )


def word_skeleton(word: str, last: bool) -> str:
    """Return the skeleton of one word (canonical ASCII spelling, or folded Arabic).

    Args:
        word: the word, after conventions (Latin) or folding (Arabic).
        last: whether it is the last word of the name (a final ة is silent only there).

    Returns:
        Upper-case class letters, vowels dropped, doubles collapsed within the word.
    """
    if not word:
        return ""
    table = class_table()
    head = ""
    first = word[0]
    if first in table.initial:
        head = table.initial[first]
        word = word[1:]
    tail = ""
    if word:
        end = word[-1]
        if end in table.final_silent or (
            end in table.final_after_vowel and len(word) > 1 and word[-2] in table.vowels
        ):
            word = word[:-1]
        elif end in table.construct:
            word = word[:-1]
            tail = "" if last else "T"
    for unit, value in table.digraphs:
        if unit in word:
            word = word.replace(unit, value)
    body = head + word.translate(table.middle) + tail
    if not body.isascii():
        body = _NON_KEY.sub("", body)
    return _DOUBLES.sub(_FIRST_OF_RUN, body).replace(_VOWEL, "")


def join_skeletons(parts: list[str]) -> str:
    """Concatenate word skeletons into the name skeleton, collapsing doubles across words."""
    out = ""
    for part in parts:
        if out and part and out[-1] == part[0]:
            part = part[1:]
        out += part
    return out


def reset_caches() -> None:
    """Forget the compiled class table."""
    class_table.cache_clear()

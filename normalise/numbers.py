"""Numbers in names: a figure is also read as the words a name may spell it with.

Gazetteers write a numbered district or village in words (`Evka-Altı`, `Al Twar First`,
`Ath Thumāmah Sittah wa Arba‘ūn`), sources often in figures (`Evka-6`, `Al Twar 1`,
`althmamt 46`). The words of each system (a language and the form its names use) are the
rule table `lexicons/rules/numbers.tsv`. The keys read a figure with an ordinal ending
(`lexicons/rules/ordinal_endings.tsv`) as the figure (`6th` is `6`: `keys.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from normalise.rules import Row, load_rows

LARGEST = 99  # the largest number spelled in words
COMPOUND = "compound"
MAX_READINGS = 3  # systems a query's figures are read in


@dataclass(frozen=True, slots=True)
class NumberWords:
    """One system's words for numbers: those listed, and how a number it does not list is
    spelled from its tens and units (empty: it is not)."""

    system: str
    listed: dict[int, str]
    compound: str

    @property
    def lang(self) -> str:
        """The language of the system (`ar` of `ar:ordinal`)."""
        return self.system.partition(":")[0]

    def spell(self, number: int) -> str | None:
        """Return the number in words, or None when the system cannot spell it."""
        listed = self.listed.get(number)
        if listed is not None or not self.compound:
            return listed
        tens, units = self.listed.get(number - number % 10), self.listed.get(number % 10)
        if tens is None or units is None:
            return None
        return self.compound.format(tens=tens, units=units)


def _number(row: Row) -> int:
    text = row["number"]
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= LARGEST:
        raise row.error(f"number {text!r} must be 1-{LARGEST} or {COMPOUND!r}")
    return int(text)


def _compound(row: Row) -> str:
    pattern = row["words"]
    if "{tens}" not in pattern or "{units}" not in pattern:
        raise row.error(f"a {COMPOUND} row spells {{tens}} and {{units}}; got {pattern!r}")
    return pattern


@cache
def ordinal_endings() -> tuple[str, ...]:
    """Load `ordinal_endings.tsv` strictly (file:line on any error): the endings a figure
    takes as an ordinal (`th`, `st`), longest first."""
    endings = []
    for row in load_rows("ordinal_endings.tsv"):
        ending = row["ending"]
        if not (ending.isascii() and ending.isalpha() and ending.islower()):
            raise row.error(f"ending {ending!r} must be lower-case ASCII letters")
        endings.append(ending)
    return tuple(sorted(endings, key=len, reverse=True))


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Return a figure standing as a word of its own, with an ordinal ending or not (`6`,
    `6th`: not one glued inside a word, `ramadan10rishiti`, or a longer number, `34000`), and
    a folded word that is a figure with an ordinal ending."""
    endings = "|".join(map(re.escape, ordinal_endings()))
    figure = re.compile(rf"(?<![^\W\d_])(\d{{1,2}})(?:{endings})?(?![^\W_])")
    return figure, re.compile(rf"(\d+)(?:{endings})")


@cache
def number_words() -> tuple[NumberWords, ...]:
    """Load `numbers.tsv` strictly (file:line on any error): each system's words, in the
    table's order."""
    listed: dict[str, dict[int, str]] = {}
    compounds: dict[str, str] = {}
    for row in load_rows("numbers.tsv", key=lambda row: (row["system"], row["number"])):
        words = listed.setdefault(row["system"], {})
        if row["number"] == COMPOUND:
            compounds[row["system"]] = _compound(row)
        else:
            words[_number(row)] = row["words"]
    return tuple(NumberWords(s, words, compounds.get(s, "")) for s, words in listed.items())


def spelled_numbers(text: str, first: str | None = None) -> list[tuple[str, str]]:
    """Return the name with its figures in the words of up to `MAX_READINGS` systems, each
    with its reason (`number:tr`, `number:en:ordinal`), in the table's order but the systems
    of language `first` (a Turkish name's) first. Empty when the name holds no figure; a
    system that cannot spell every figure is passed over.
    """
    if _patterns()[0].search(text) is None:
        return []
    out: list[tuple[str, str]] = []
    for words in sorted(number_words(), key=lambda words: words.lang != first):
        spelled = _spelled(text, words)
        if spelled is not None and all(spelled != seen for seen, _ in out):
            out.append((spelled, f"number:{words.system}"))
            if len(out) == MAX_READINGS:
                break
    return out


def _spelled(text: str, words: NumberWords) -> str | None:
    parts = _patterns()[0].split(text)  # text, figure, text, ...
    for index in range(1, len(parts), 2):
        spelled = words.spell(int(parts[index]))
        if spelled is None:
            return None
        parts[index] = spelled
    return "".join(parts)


def without_ordinal_ending(word: str) -> str:
    """Return a folded word that is a figure with an ordinal ending (`ordinal_endings.tsv`) as
    the figure (`6th` -> `6`), any other word as it is."""
    found = _patterns()[1].fullmatch(word)
    return found.group(1) if found else word


def reset_caches() -> None:
    """Forget the loaded tables."""
    number_words.cache_clear()
    ordinal_endings.cache_clear()
    _patterns.cache_clear()

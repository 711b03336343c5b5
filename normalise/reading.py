"""Reading: one way a query is read (its skeleton, tokens and canonical spelling, and why),
with the compact forms the scorer compares, and the query's own reading."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from normalise.keys import Keys

_VOWELS = str.maketrans("", "", "aeiou")
_VOWEL_COLOURS = str.maketrans("eiouq", "aaaak")
_SEPARATORS = str.maketrans("", "", " '")
# Unvowelled, letter-by-letter transliteration of Arabic (`alsalhyt`, `mylh`, `tl tmr`): no
# e/i/o/u, and a word of two or more letters without a vowel or three consonants in a row.
_BARE_WORD = re.compile(r"(?:^|\s)[^aeiou\s']{2,}(?:\s|$)|[^aeiou\s']{3}")


def compact(phonetic: str) -> str:
    """Return a canonical spelling without word breaks and apostrophes (what is compared)."""
    return phonetic.translate(_SEPARATORS)


def consonants(text: str) -> str:
    """Return a compact spelling without the vowel letters a e i o u (w and y are kept)."""
    return text.translate(_VOWELS)


def vowel_classes(text: str) -> str:
    """Return a compact spelling with every vowel letter written `a` (vowel colour is cheap:
    Salmiya ~ Salamiyah, but Hama stays apart from Homs) and q written `k` (ق: Turkish and
    English press write k, Serakib ~ Saraqib)."""
    return text.translate(_VOWEL_COLOURS)


def is_bare(phonetic: str) -> bool:
    """Return True for an unvowelled transliteration such as `alsalhyt` or `mylh`."""
    return not any(v in phonetic for v in "eiou") and _BARE_WORD.search(phonetic) is not None


@dataclass(frozen=True, slots=True)
class Reading:
    """One reading of a query: its skeleton, tokens and canonical spelling, and why.

    The forms the scorer compares (`compact`, `consonants`, `token_set`, `bare`) are
    computed once here, not once per candidate.
    """

    skeleton: str
    tokens: tuple[str, ...]
    phonetic: str
    reason: str | None
    letters: str = ""  # the query's own letters, compact (primary reading only)
    folded: str = ""  # the folded key of a reading that is a whole other name (Halep'te -> halep)
    turkish_letters: bool = False  # Turkish ş and ğ spelled out (Heyş -> heysh)
    # an Arabic reading's letters, its writing's variants folded away (`matres.arabic_spelling`),
    # when it reads other words than the query's (a descriptor dropped: تنظيم داعش -> داعش)
    spelling: str = ""
    # the query's own words as written but its leading function words or its ending (`the
    # US`: `us`; `Assad's`: `assad`): a name of that folded key is the query's as written, not
    # another reading of it
    written: bool = False
    compact: str = field(init=False)
    consonants: str = field(init=False)
    vowels: str = field(init=False)
    token_set: frozenset[str] = field(init=False)
    bare: bool = field(init=False)

    def __post_init__(self) -> None:
        flat = compact(self.phonetic)
        object.__setattr__(self, "compact", flat)
        object.__setattr__(self, "consonants", consonants(flat))
        object.__setattr__(self, "vowels", vowel_classes(flat))
        object.__setattr__(self, "token_set", frozenset(self.tokens))
        object.__setattr__(self, "bare", is_bare(self.phonetic))


def reading_of(keys: Keys, reason: str | None, turkish_letters: bool = False) -> Reading:
    """Return another reading of a query: the keys of a text read from it by a rule, and the
    reason it was tried (`turkish_letters`: Turkish ş and ğ spelled out)."""
    return Reading(
        keys.skeleton, keys.tokens, keys.phonetic, reason, "", keys.folded, turkish_letters
    )


def own_reading(keys: Keys) -> Reading:
    """Return a query's own reading: its keys as they are, by no other rule."""
    return Reading(keys.skeleton, keys.tokens, keys.phonetic, None, compact(keys.folded))

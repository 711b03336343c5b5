"""Which writing systems a name uses, per character and per string.

Later steps pick their route from this: Arabic-script tokens go through our own Arabic rules,
Latin through convention tables, anything else through ICU's generic romanisation. A name
that mixes two specific scripts (`Tell حلب`) is flagged, because such names are often
copy-paste accidents or deliberate spoofing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

# The scripts we name; any other letter reports as "Other". Ordered by how often they occur
# in our sources so the per-character lookup usually stops early.
SCRIPTS: tuple[str, ...] = (
    "Latin",
    "Arabic",
    "Cyrillic",
    "Greek",
    "Hebrew",
    "Armenian",
    "Georgian",
    "Syriac",
    "Thaana",
    "Han",
    "Hiragana",
    "Katakana",
    "Hangul",
    "Thai",
    "Lao",
    "Khmer",
    "Myanmar",
    "Tibetan",
    "Devanagari",
    "Bengali",
    "Gurmukhi",
    "Gujarati",
    "Oriya",
    "Tamil",
    "Telugu",
    "Kannada",
    "Malayalam",
    "Sinhala",
    "Ethiopic",
    "Tifinagh",
    "Mongolian",
    "Cherokee",
    "Canadian_Aboriginal",
    "Bopomofo",
    "Yi",
    "Nko",
    "Coptic",
)
COMMON = "Common"
INHERITED = "Inherited"
OTHER = "Other"

_PATTERNS = tuple((name, regex.compile(rf"\p{{Script={name}}}")) for name in SCRIPTS)
_COMMON = regex.compile(r"\p{Script=Common}")
_INHERITED = regex.compile(r"\p{Script=Inherited}")
_LETTER = regex.compile(r"\p{L}")


@lru_cache(maxsize=8192)
def char_script(char: str) -> str:
    """Return the Unicode script of one character.

    Args:
        char: a single character.

    Returns:
        A name from `SCRIPTS`, `"Common"` (digits, punctuation, spaces), `"Inherited"`
        (combining marks) or `"Other"` for a script we do not list.
    """
    for name, pattern in _PATTERNS:
        if pattern.match(char):
            return name
    if _COMMON.match(char):
        return COMMON
    if _INHERITED.match(char):
        return INHERITED
    return OTHER


@dataclass(frozen=True, slots=True)
class ScriptInfo:
    """The scripts found in a string.

    Attributes:
        scripts: the specific scripts of its letters, in order of first appearance
            (Common and Inherited characters are not counted).
        mixed: True when letters of two or more specific scripts occur.
    """

    scripts: tuple[str, ...]
    mixed: bool

    @property
    def primary(self) -> str | None:
        """The first specific script, or None for text with no letters."""
        return self.scripts[0] if self.scripts else None


_ASCII_LATIN = ScriptInfo(("Latin",), False)
_NONE = ScriptInfo((), False)


def detect_scripts(text: str) -> ScriptInfo:
    """Return the specific scripts used by the letters of `text`.

    Args:
        text: any string (best after `clean`).

    Returns:
        A `ScriptInfo`; ASCII text takes a fast path.
    """
    if text.isascii():
        return _ASCII_LATIN if any(c.isalpha() for c in text) else _NONE
    seen: list[str] = []
    for char in text:
        if char.isascii():
            if char.isalpha() and "Latin" not in seen:
                seen.append("Latin")
            continue
        script = char_script(char)
        if script in (COMMON, INHERITED):
            continue
        if script == OTHER and not _LETTER.match(char):
            continue
        if script not in seen:
            seen.append(script)
    return ScriptInfo(tuple(seen), len(seen) > 1)


def has_script(text: str, script: str) -> bool:
    """Return True if any character of `text` belongs to `script` (e.g. "Arabic")."""
    return any(char_script(c) == script for c in text if not c.isascii())

"""Script-independent Unicode cleanup: the first step for every name, query or lexicon entry.

`clean` makes text comparable without changing what it says: compatibility forms are unified
(NFKC), invisible characters that sources sprinkle into names are dropped, Arabic tatweel and
vowel marks (harakat) are removed, and whitespace is collapsed. It never raises for a `str`,
whatever it holds (lone surrogates included), and always returns NFC text.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from normalise.errors import NotTextError

# Characters deleted outright. Format characters (Cf) cover the bidi controls
# U+200E LEFT-TO-RIGHT MARK, U+200F RIGHT-TO-LEFT MARK, U+061C ARABIC LETTER MARK,
# U+202A..U+202E embeddings/overrides, U+2066..U+2069 isolates, U+200B ZERO WIDTH SPACE,
# U+200C ZERO WIDTH NON-JOINER, U+200D ZERO WIDTH JOINER, U+2060 WORD JOINER,
# U+FEFF BYTE ORDER MARK and U+00AD SOFT HYPHEN. Surrogates (Cs), private use (Co) and
# noncharacters cannot be part of a name.
_DELETE = regex.compile(
    r"[\p{Cf}\p{Cs}\p{Co}\p{Noncharacter_Code_Point}"
    r"\u0640"  # ARABIC TATWEEL
    r"\u064B-\u065F"  # ARABIC FATHATAN .. ARABIC WAVY HAMZA BELOW (harakat)
    r"\u0670"  # ARABIC LETTER SUPERSCRIPT ALEF
    r"\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED"  # Quranic annotation marks
    r"\u08D3-\u08E1\u08E3-\u08FF"  # extended Arabic marks
    r"]+"
)
MEMO_TEXTS = 2**12  # non-ASCII texts whose cleaned form is remembered
# How many capitals an acronym has (`acronym`): the lexicon's names in capitals are codes of
# two to four letters (ISO 3166, IATA, ICAO) and organisations' initials (HTS, SOHR, IRGC);
# a word of five is more often a name in a headline's capitals (IDLIB, RAQQA).
ACRONYM_LETTERS = range(2, 5)
# Other control characters (tab, newline, ...) and every kind of space become one space.
_SPACES = regex.compile(r"[\p{Cc}\p{Z}\s]+")
# A word's alef doubled or tripled at its start, which no Arabic or Persian word begins with:
# a typing slip in sources (GeoNames lists Khartoum as ااالخرطوم), read as one
_ALEFS = regex.compile(r"(?<!\p{Arabic})\u0627{2,}")


def ensure_text(value: object) -> str:
    """Return `value` if it is a `str`, else raise `NotTextError`.

    Args:
        value: anything a caller passed as a name.

    Raises:
        NotTextError: `value` is not a `str` (bytes, None, numbers...).
    """
    if not isinstance(value, str):
        raise NotTextError(value)
    return value


def clean(text: str) -> str:
    """Return `text` in NFC with invisible characters, tatweel and harakat removed.

    Steps: NFKC (unifies presentation forms and full-width letters), delete format and
    control characters, Arabic tatweel and vowel marks, collapse all whitespace to single
    spaces and strip the ends, read an alef doubled at a word's start as one (ااالخرطوم, a
    slip in GeoNames), then NFC again (deletions can leave decomposed sequences).

    Args:
        text: any string, including lone surrogates or control characters.

    Returns:
        The cleaned text; an empty string when nothing printable is left.

    Raises:
        NotTextError: `text` is not a `str`.
    """
    if not isinstance(text, str):
        raise NotTextError(text)
    if text.isascii():
        if text.isprintable() and "  " not in text and text == text.strip():
            return text
        return " ".join(_SPACES.split(text)).strip()
    return _clean_unicode(text)


def acronym(text: str) -> str:
    """Return a name written as an acronym, `ACRONYM_LETTERS` capital letters and nothing
    else (`HTS`, `SAA`, `IŞİD`), cleaned; else "". Sources write an organisation's initials
    so, and a town's name so seldom (`Saa`, not `SAA`)."""
    name = clean(text)
    if len(name) in ACRONYM_LETTERS and name.isalpha() and name.isupper():
        return name
    return ""


@lru_cache(maxsize=MEMO_TEXTS)
def _clean_unicode(text: str) -> str:
    """`clean` of a text that is not ASCII (memoised: a query's name is cleaned by several of
    its steps)."""
    # Lone surrogates cannot be normalised by every Python build: drop them first.
    text = _DELETE.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    text = _DELETE.sub("", text)
    text = " ".join(_SPACES.split(text)).strip()
    if "\u0627\u0627" in text:
        text = _ALEFS.sub("\u0627", text)
    return unicodedata.normalize("NFC", text)

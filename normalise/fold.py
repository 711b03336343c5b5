"""Language-aware folding: case, diacritics and Arabic orthography.

Folding keeps the script (Arabic stays Arabic) but removes what spellings of one name differ
by without meaning to: letter case (Turkish-aware: `ISPARTA` is `ısparta` in Turkish),
diacritics (deleted, never turned into spaces: `Türkiye` -> `turkiye`), and Arabic
orthographic variation (hamza seats, alef maksura, Persian/Urdu/Kurdish letters; the table is
`lexicons/rules/arabic_folds.tsv`). `to_ascii` then takes folded Latin text to plain ASCII.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import icu
import regex
from unidecode import unidecode

from normalise.rules import char_map, letter_table, rewrite_letters

TURKIC_LANGS = frozenset({"tr", "az", "crh", "gag", "tt", "kk"})
# Letters that only Turkish (and Azerbaijani) orthography uses among Latin alphabets.
TURKISH_LETTERS = frozenset("çşğıİÇŞĞ")

# Combining marks that are diacritics: the Latin/Greek/Cyrillic combining blocks, Hebrew points,
# and the Arabic marks that `clean` has not already removed (U+0654 HAMZA ABOVE etc. appear after
# NFD). Marks of Indic and other scripts are vowel signs, not diacritics, and are kept.
_DIACRITICS = regex.compile(
    r"[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F"
    r"\u0591-\u05C7\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]+"
)


@cache
def _turkish_locale() -> icu.Locale:
    return icu.Locale("tr")


def is_turkic(lang: str | None) -> bool:
    """Return True for a BCP 47 tag of Turkish or a language cased the Turkish way."""
    return lang is not None and lang.split("-")[0].lower() in TURKIC_LANGS


def looks_turkish(text: str) -> bool:
    """Return True if `text` holds letters that only Turkish-style Latin uses (ç ş ğ ı İ)."""
    return not text.isascii() and any(c in TURKISH_LETTERS for c in text)


def lower(text: str, lang: str | None = None) -> str:
    """Lower-case `text`, the Turkish way (ICU `tr` locale) for Turkic languages.

    Python's `"İ".lower()` gives `i` + U+0307 COMBINING DOT ABOVE; `fold` deletes the dot.
    ASCII text skips ICU: the only ASCII letter Turkish lower-cases differently is I -> ı.
    """
    if text.isascii():
        if "I" in text and is_turkic(lang):
            return text.replace("I", "ı").lower()
        return text.lower()
    if is_turkic(lang):
        return str(icu.UnicodeString(text).toLower(_turkish_locale()))
    return text.lower()


def fold(text: str, lang: str | None = None) -> str:
    """Fold case, diacritics and Arabic orthography; keep the script.

    Args:
        text: cleaned text (see `normalise.text.clean`).
        lang: BCP 47 language, when known; Turkic languages keep dotless ı.

    Returns:
        NFC text: `Türkiye` -> `turkiye`; `ISPARTA` -> `ısparta` with lang `tr`,
        `isparta` without; `إمام` -> `امام`.
    """
    return fold_lowered(lower(text, lang))


@cache
def _arabic_initials() -> tuple[dict[str, str], regex.Pattern[str]]:
    table = char_map("arabic_initials.tsv")
    letters = "".join(table)
    # the carrier and the vowel letter after it are one vowel: ئا and ئە are an alef's a
    return table, regex.compile(rf"(?<![\p{{L}}\p{{M}}])[{letters}][اە]?" if letters else "(?!)")


def fold_lowered(low: str) -> str:
    """Fold diacritics and Arabic orthography of text already lower-cased by `lower`."""
    if low.isascii():
        return low
    initials, at_start = _arabic_initials()
    if any(c in low for c in initials):  # before NFD, which takes ئ apart into ي and hamza
        low = at_start.sub(lambda m: initials[m.group()[0]], low)
    decomposed = unicodedata.normalize("NFD", low)
    stripped = _DIACRITICS.sub("", decomposed)
    return unicodedata.normalize("NFC", stripped).translate(letter_table("arabic_folds.tsv"))


# Marks of a scholarly romanisation of Arabic (BGN/PCGN, ALA-LC): a macron (ā), a dot below
# (ḥ), or a cedilla on a letter Turkish never gives one (ḩ ţ ḑ z̧). Such a name writes ṣ (ص) as
# ş (`Şūrān`), not the Turkish sh.
_SCHOLARLY_MARK = regex.compile(r"[\u0304\u0323]|[^sScC]\u0327")


def is_scholarly(text: str) -> bool:
    """Return True if `text` carries a mark of a scholarly romanisation of Arabic (`Şūrān`,
    `Ar Raḑā‘ī`), which Turkish and English-style spellings never do."""
    if text.isascii():
        return False
    return _SCHOLARLY_MARK.search(unicodedata.normalize("NFD", text)) is not None


def spell_turkish_letters(text: str) -> tuple[str, tuple[str, ...]] | None:
    """Return cleaned `text` lower-cased the Turkish way with ş and ğ written as an
    English-style romanisation of Arabic writes them (`Heyş` -> `heysh`, `Şuğur` -> `shughur`;
    the table is `lexicons/rules/turkish_letters.tsv`) and the rewrites made (`ş→sh`), or None
    when it has none of them or is a scholarly romanisation (`Şūrān`, `Şalkhad Ḩalab`)."""
    if text.isascii() or is_scholarly(text):
        return None
    return rewrite_letters(lower(text, "tr"), "turkish_letters.tsv")


def to_ascii(text: str) -> str:
    """Return folded Latin text as ASCII: ı -> i, ß -> ss, ʿ -> ', dashes -> '-'.

    Letters the table does not know (rare scripts mixed in) go through unidecode.
    """
    if text.isascii():
        return text
    out = text.translate(letter_table("latin_folds.tsv"))
    if out.isascii():
        return out
    out = _DIACRITICS.sub("", unicodedata.normalize("NFD", out))
    return out if out.isascii() else unidecode(out)


def reset_caches() -> None:
    """Forget the compiled fold tables."""
    _arabic_initials.cache_clear()

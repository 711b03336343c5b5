"""Long vowels: what a scholarly romanisation and the Arabic spelling of a name share.

Arabic writes long vowels as letters (ا و ي, the matres lectionis) and leaves short vowels
unwritten. BGN/PCGN and ALA-LC romanisations mark the long vowels with a macron (`Ḩamāh`,
`Khūrmātū`) and write short ones plainly, so such a spelling says which letters the Arabic
name has: `Tāzah Khūrmātū` is تازة خورماتو, not توز خورماتو; `Dar‘ā` is درعا, not داريا.
`long_vowel_letters` spells a romanisation the way `letter_by_letter` spells the Arabic
name (consonants, ā -> a, ī -> y, ū -> w, final -ah -> t for ta marbuta), so the two compare
letter for letter. Only names with a macron are spelled: without one, a plain vowel may be
long or short.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from normalise.fold import fold
from normalise.rules import char_map, letter_table
from normalise.text import clean
from normalise.tokens import tables

MEMO_NAMES = 2**16
MACRON = "\u0304"  # COMBINING MACRON
_KEPT = frozenset("bcdfghjklmnpqrstvwxyz")


@cache
def _long_vowels() -> dict[str, str]:
    """Each plain vowel -> the spelling of the Arabic letter its long form is written with."""
    letters = char_map("arabic_letters.tsv")
    return {vowel: letters[arabic] for vowel, arabic in char_map("long_vowels.tsv").items()}


@lru_cache(maxsize=MEMO_NAMES)
def letter_by_letter(text: str) -> str:
    """Return an Arabic-script name spelled letter by letter in ASCII, without spaces
    (`الدالية` -> `aldalyt`); letters without a spelling (ayn, hamza) are dropped."""
    spelled = fold(clean(text)).translate(letter_table("arabic_letters.tsv"))
    return "".join(c for c in spelled if "a" <= c <= "z")


_ARABIC_LETTER = re.compile("[\u0600-\u06ff]").search


def is_arabic_text(text: str) -> bool:
    """Return True if `text` contains Arabic-script letters (U+0600..U+06FF)."""
    return not text.isascii() and _ARABIC_LETTER(text) is not None


@lru_cache(maxsize=MEMO_NAMES)
def arabic_spelling(text: str) -> str:
    """Return an Arabic-script name's letters with the variants of Arabic writing folded away,
    or "" for a name in another script.

    Folded: harakat, hamza seats, alef maksura and Persian letter forms (`fold`); a word-final
    ه written for ة (البصيره, البصيرة) and ا for ى (ديالا, ديالى), before a final hamza too;
    word breaks, and the quotes and stops around a name, which no name spells (`«كفر زيتا»`,
    `كفر زيتا.`: كفرزيتا). Every letter that tells two names apart stays: ayn and hamza (معان,
    Ma'an, is not عمان, Amman, though both romanise as `man`), and the article (جبيل, Byblos,
    is not الجبيل, Jubail). Only what comes before a comma is read, as the keys read it (حلب،
    سوريا is حلب). The word-final letters are those of `arabic_finals.tsv`.
    """
    if not is_arabic_text(text):
        return ""
    table, at_end = _arabic_finals()
    name = fold(clean(text)).split(",")[0]
    return "".join(ch for ch in at_end.sub(lambda m: table[m.group()], name) if ch.isalnum())


@cache
def _arabic_finals() -> tuple[dict[str, str], re.Pattern[str]]:
    table = char_map("arabic_finals.tsv")
    letters = "".join(table)
    # at the end of a word, or before the hamza that ends it (`decision.spelled_as` reads a
    # final hamza as no letter: التحيتاء, at-Tuhayta, written التحيتا), but not Allah's heh
    # (الله, عبدالله)
    return table, re.compile(rf"(?<!لل)[{letters}](?=\u0621?(?!\w))" if letters else "(?!)")


@cache
def _articles() -> frozenset[str]:
    return tables().word_articles


def collapse(text: str) -> str:
    """Return `text` with each run of one letter written once (Arabic leaves shadda
    unwritten: Qabbāsīn ~ قباسين)."""
    return "".join(c for i, c in enumerate(text) if i == 0 or c != text[i - 1])


def long_vowel_letters(name: str) -> str:
    """Return a romanised name with macrons spelled as its Arabic letters, or "" without one.

    `Tāzah Khūrmātū` -> `taztkhwrmatw` (final -ah is ta marbuta, spelled `t`); an article
    word becomes `al` (`Ar Rām` -> `alram`); runs of one letter are written once.
    """
    decomposed = unicodedata.normalize("NFD", name.lower())
    if MACRON not in decomposed:
        return ""
    raws = decomposed.replace("-", " ").split()
    long_vowels = _long_vowels()
    words: list[str] = []
    for index, raw in enumerate(raws):
        plain = "".join(c for c in raw if c.isascii() and c.isalpha())
        if plain in _articles() and index < len(raws) - 1:
            words.append("al")  # ash Shām, ar Rām: the article is written ال
            continue
        letters: list[str] = []
        for i, char in enumerate(raw):
            if char in long_vowels:
                if raw[i + 1 : i + 2] == MACRON:
                    letters.append(long_vowels[char])
                elif i == 0:
                    letters.append("a")  # an initial vowel is written on an alef
            elif char in _KEPT:
                letters.append(char)
        word = "".join(letters)
        if plain.endswith("ah") and word.endswith("h") and len(word) > 1:
            word = word[:-1] + "t"  # -ah is ta marbuta
        words.append(word)
    return collapse("".join(words))


def without_long_vowels(spelling: str) -> str:
    """Return an Arabic spelling (`arabic_spelling`) without the letters of long vowels inside
    its words (`long_vowels.tsv`: ا, ي, و), which Arabic writing of foreign and dialect names
    puts in or leaves out (كيلار and كلار, Kalar; الديموقراطي and الديمقراطي)."""
    return _medial_long_vowels().sub("", spelling)


@cache
def _medial_long_vowels() -> re.Pattern[str]:
    letters = "".join(sorted(set(char_map("long_vowels.tsv").values())))
    return re.compile(rf"(?<=\w)[{letters}](?=\w)")


def reset_caches() -> None:
    """Forget the loaded tables and the memoised spellings."""
    for cached in (
        _long_vowels,
        _articles,
        _arabic_finals,
        _medial_long_vowels,
        letter_by_letter,
        arabic_spelling,
    ):
        cached.cache_clear()

"""Case endings after an apostrophe (`lexicons/rules/case_suffixes.tsv`).

Turkish writes a proper name's case ending after an apostrophe: `Halep'te` (in Aleppo),
`Hama'nın` (of Hama), `HTS'nin`; English its possessive (`Assad's`). A mention cut from a text
often keeps it, so a name holding one is also read without it, from its folded words
(`without_case_suffix`) and, for the last word, as written (`written_without_case`: Şam'da
keeps its ş, NATO'nun its capitals). Elsewhere the apostrophe writes ayn or hamza (`Dar'a`,
`Qal'at`, `Bil'in`): the name keeps its own reading, and the shorter one only competes with it
(`marked_ending` tells the two apart).
"""

from __future__ import annotations

from functools import cache, lru_cache

from normalise.fold import fold
from normalise.keys import latinise, words_of
from normalise.rules import Row, char_map, check_choice, load_rows
from normalise.text import MEMO_TEXTS, acronym, clean
from normalise.tokens import without_leading_stopwords

_VOWELS = frozenset("aeiou")
MIN_STEM = 3  # letters a name keeps without its ending (Mu'ta is not Mu + ta); initials: two


def _form(row: Row) -> str:
    form = row["form"]
    if not form.isascii() or not form.isalpha() or form != form.lower():
        raise row.error(f"form {form!r} must be folded letters (lower-case ASCII, ı as i)")
    return form


CASES = (
    "accusative", "genitive", "dative", "locative", "ablative", "relative", "instrumental",
    "belonging",
)  # fmt: skip


@cache
def _case_rows() -> tuple[tuple[str, str, str], ...]:
    """Load `case_suffixes.tsv` strictly (file:line on any error): each ending's form,
    language and case."""
    rows = load_rows("case_suffixes.tsv")
    return tuple((_form(row), row["lang"], check_choice(row, "case", CASES)) for row in rows)


@cache
def case_suffixes() -> dict[str, str]:
    """Return each ending's language (`case_suffixes.tsv`)."""
    return {form: lang for form, lang, _ in _case_rows()}


@cache
def endings_of(case: str) -> frozenset[str]:
    """Return the endings of one case (`genitive`: in, nin, un, nun and the English s;
    `relative`: daki, ndeki ...)."""
    return frozenset(form for form, _, found in _case_rows() if found == case)


def _letter(row: Row) -> str:
    letter = row["letter"]
    if len(letter) != 1 or not letter.isalpha():
        raise row.error(f"letter {letter!r} must be one letter")
    return letter


@cache
def turkish_only_letters() -> frozenset[str]:
    """Load `turkish_only.tsv` strictly: the letters Turkish writes and no romanisation of
    Arabic does (ı ğ ö ü, both cases)."""
    return frozenset(map(_letter, load_rows("turkish_only.tsv")))


def uninflected(word: str) -> tuple[str, str]:
    """Return a folded Latin word without its case ending (`halep'te` -> `halep`) and the
    ending; the word itself and "" when it has none (`qal'at`: `at` is no ending)."""
    stem, apostrophe, ending = word.rpartition("'")
    if apostrophe and ending in case_suffixes() and len(stem) >= MIN_STEM:
        return stem, ending
    return word, ""


def without_case_suffix(name: str, lang: str | None = None) -> tuple[str, str] | None:
    """Return the name with the case ending cut from its words (`halep'te` -> `halep`) and the
    first ending cut; None when no word ends in one."""
    _, words, _ = words_of(name, lang)
    out: list[str] = []
    found = ""
    for word in words:
        stem, ending = (word.text, "") if word.arabic else uninflected(word.text)
        out.append(stem)
        found = found or ending
    return (" ".join(out), found) if found else None


@cache
def _apostrophes() -> frozenset[str]:
    """Return the apostrophe and the characters `latin_folds.tsv` folds to it (Halep’te)."""
    folds = char_map("latin_folds.tsv")
    return frozenset({"'", *(char for char, to in folds.items() if to == "'")})


@lru_cache(maxsize=MEMO_TEXTS)
def written_without_case(name: str) -> tuple[str, str] | None:
    """Return a name as written, with the case ending after its last word's apostrophe cut
    (`Şam'da` -> `Şam`, `BM'nin` -> `BM`, `Cisr eş-Şuğur'a` -> `Cisr eş-Şuğur`), and the
    ending folded; None when its last word has none. The name keeps its Turkish letters and
    capitals, which `without_case_suffix`'s folded words lose (Şam is Damascus, `sam` is
    not; BM is the UN's Turkish initials). The stem keeps `MIN_STEM` letters, or is
    initials in capitals (`text.acronym`). Memoised: a query's capitals, settling and
    readings all ask it."""
    text = clean(name)
    marks = _apostrophes()
    cut = next((i for i in range(len(text) - 1, -1, -1) if text[i] in marks), -1)
    if cut <= 0 or " " in text[cut:]:
        return None
    stem, ending = text[:cut], latinise(fold(text[cut + 1 :]))
    if ending not in case_suffixes():
        return None
    last = stem.rsplit(" ", 1)[-1]
    if len(last) < MIN_STEM and not acronym(last):
        return None
    return stem, ending


def marked_ending(name: str) -> tuple[str, str] | None:
    """Return `written_without_case` of a name whose apostrophe surely marks an ending rather
    than writing ayn or hamza: the ending is English (Assad's) or begins with a consonant
    (Suriye'de, Halep'te), or Turkish letters no romanisation of Arabic uses write it or its
    stem (Esad'ın, Şam'ı, Kırıkhan'a), or the stem is initials (NATO'nun); else None. Before a
    vowel the apostrophe mostly writes ayn or hamza (Dar'a, Bil'in, Ar Raḑā‘ī; Aşba‘ūn, whose
    ş is the BGN romanisation's ص)."""
    written = written_without_case(name)
    if written is None:
        return None
    stem, ending = written
    if ending[0] not in _VOWELS or case_suffixes()[ending] != "tr" or acronym(stem):
        return written
    if not turkish_only_letters().isdisjoint(clean(name)):
        return written
    return None


def ending_lang(ending: str) -> str | None:
    """Return the language a name is read in without this ending: `tr` for a Turkish case
    ending, None (no conventions of its own) for the English possessive."""
    return "tr" if case_suffixes()[ending] == "tr" else None


def query_capitals(name: str) -> str:
    """Return the initials in capitals a query is written as (`text.acronym`), with a
    Turkish case ending read off (`BM'nin`, of the UN: `BM`) and a leading function word
    passed over (`the PKK`); else ""."""
    bare = written_without_case(name)
    text = bare[0] if bare is not None else name
    unled = without_leading_stopwords(text)
    return acronym(unled[0] if unled is not None else text)


def reset_caches() -> None:
    """Forget the loaded tables and what was read with them."""
    _case_rows.cache_clear()
    case_suffixes.cache_clear()
    endings_of.cache_clear()
    turkish_only_letters.cache_clear()
    written_without_case.cache_clear()
    _apostrophes.cache_clear()

"""Turkish case endings after an apostrophe (`lexicons/rules/case_suffixes.tsv`).

Turkish writes a proper name's case ending after an apostrophe: `Halep'te` (in Aleppo),
`Hama'nın` (of Hama), `HTS'nin`. A mention cut from Turkish text often keeps it, so a name
holding one is also read without it. Elsewhere the apostrophe writes ayn or hamza (`Dar'a`,
`Qal'at`): the name keeps its own reading, and the shorter one only competes with it.
"""

from __future__ import annotations

from functools import cache

from normalise.keys import words_of
from normalise.rules import Row, load_rows

MIN_STEM = 3  # letters a name keeps without its ending (Mu'ta is not Mu + ta)


def _form(row: Row) -> str:
    form = row["form"]
    if not form.isascii() or not form.isalpha() or form != form.lower():
        raise row.error(f"form {form!r} must be folded letters (lower-case ASCII, ı as i)")
    return form


@cache
def case_suffixes() -> frozenset[str]:
    """Load `case_suffixes.tsv` strictly (file:line on any error)."""
    return frozenset(map(_form, load_rows("case_suffixes.tsv")))


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


def reset_caches() -> None:
    """Forget the loaded table."""
    case_suffixes.cache_clear()

"""Ottoman adjectives that end an old Turkish place name (`lexicons/rules/ottoman_adjectives.tsv`):
the name read without its adjective, and with the modern Turkish word before or after it
(`Kızılcaikebir` -> `kizilca`, `buyuk kizilca`; `Babaiatik` -> `babaeski`)."""

from __future__ import annotations

from functools import cache

from normalise.keys import build_keys, words_of
from normalise.rules import load_rows

IZAFET = frozenset("iu")  # the izafet vowel before the adjective, folded (-i, -ı, -ü, -u)
MIN_STEM = 3  # letters the name keeps without its adjective
GLUED_ALONE = 5  # letters of an adjective read off a word without an izafet vowel before it


@cache
def ottoman_adjectives() -> dict[str, str]:
    """Return {adjective: modern Turkish word}, both folded (`ottoman_adjectives.tsv`)."""
    return {row["word"]: row["turkish"] for row in load_rows("ottoman_adjectives.tsv")}


def ottoman_readings(name: str, lang: str | None = None) -> list[tuple[str, str]]:
    """Return the readings of a Latin name ending with an Ottoman adjective, as (text, reason):
    the name without it (its izafet vowel read off), with the modern Turkish word before it
    and glued after it, and the stem as written (`Çallısağir` is Çallı + sağir, `Kızılcaikebir`
    Kızılca + i + kebir); [] for any other name, and for a name not read as Turkish (`lang`
    tr, the TR hint or Turkish letters): Arabic writes its own adjectives after a name
    (`Shihanas Sufla`), which such readings only gave rivals."""
    _, words, turkish = words_of(name, lang)
    texts = [w.text for w in words if not w.arabic]
    if not turkish or not texts or len(texts) != len(words) or build_keys(name, lang).articles:
        return []  # an Arabic name's own adjective follows its article (`Tell el Kebir`)
    table = ottoman_adjectives()
    last = texts[-1]
    stems: list[str] = []
    if last in table and len(texts) > 1:
        found = last
        rest = texts[:-1]
        if rest[-1] in IZAFET and len(rest) > 1:  # `Lofça-i Cedid`
            rest = rest[:-1]
        head = rest[-1]
        stems = [" ".join([*rest[:-1], h]) for h in _without_izafet(head)]
    else:
        found = next((a for a in table if _glued(last, a)), "")
        if not found:
            return []
        stems = [" ".join([*texts[:-1], h]) for h in _without_izafet(last[: -len(found)])]
    stems = [s for s in dict.fromkeys(stems) if len(s.replace(" ", "")) >= MIN_STEM]
    if not stems:
        return []
    modern, reason = table[found], f"ottoman:{found}"
    # the Turkish word before the stem (Büyükboyalık) or after it, as the Ottoman one was
    # (Babaeski, Baba-i Atik); the stem as written (Çallı) after the stem without the izafet
    first = stems[0]
    readings = [first, f"{modern} {first}", f"{first}{modern}", *stems[1:]]
    return [(text, reason) for text in readings]


def _glued(word: str, adjective: str) -> bool:
    """Return True for a word that ends with `adjective` glued to a stem: after the izafet
    vowel (`Kızılcaikebir`, `Koçhisarıbala`), or without it for an adjective of
    `GLUED_ALONE` letters or more (`Çallısağir`, `Tomakkebir`), a shorter one being too
    often a word's own ending (`Hathatik`, `Kabala`)."""
    stem = word[: -len(adjective)]
    if not word.endswith(adjective) or len(stem) < MIN_STEM:
        return False
    return stem[-1] in IZAFET or len(adjective) >= GLUED_ALONE


def _without_izafet(word: str) -> list[str]:
    """Return a word read without a final izafet vowel first, and as written."""
    if len(word) > MIN_STEM and word[-1] in IZAFET:
        return [word[:-1], word]
    return [word]


def reset_caches() -> None:
    """Forget the loaded table."""
    ottoman_adjectives.cache_clear()

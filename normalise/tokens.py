"""Words of a name and their roles: the article, generic heads, function words.

A name is split into words; each word is tagged from the tables in `lexicons/rules/`:
the Arabic article (`articles.tsv`: al-, el-, ash-, Turkish-press -ul-, attached ال), generic
heads (`heads.tsv`: Kafr, Tall, Dayr, Jisr, Qalaat ...), function words (`stopwords.tsv`) and
translated generic terms (`glossary.tsv`). Keys leave articles and function words out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from normalise.fold import fold, to_ascii
from normalise.rules import POSITIONS, ROLES, Row, check_choice, load_rows

# A word: Latin letters, digits and inner apostrophes (ayn: Qal'at), or a run of Arabic letters.
WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*|[\u0621-\u064A\u0660-\u0669\u0671-\u06D3\u06D5]+")
ARABIC_ARTICLE_MIN = 4  # ال + at least two letters


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a name.

    Attributes:
        text: the folded word (lower-case ASCII, or folded Arabic script).
        arabic: True for an Arabic-script word.
        hyphen_after: True when a hyphen joins it to the next word (Taybetul-Imam).
    """

    text: str
    arabic: bool
    hyphen_after: bool


@dataclass(frozen=True, slots=True)
class GlossaryTerm:
    """A translated generic term: `term` (folded) means the Arabic `head`."""

    term: str
    lang: str
    head: str
    role: str


@dataclass(frozen=True, slots=True)
class Tables:
    """The word tables, loaded once."""

    word_articles: frozenset[str]
    suffix_articles: tuple[str, ...]
    attached_articles: tuple[str, ...]
    heads: dict[str, str]
    stopwords: frozenset[str]
    glossary: dict[str, GlossaryTerm]


def _article_key(row: Row) -> tuple[str, str]:
    return (row["form"], check_choice(row, "position", POSITIONS))


@cache
def tables() -> Tables:
    """Load `articles.tsv`, `heads.tsv`, `stopwords.tsv` and `glossary.tsv` strictly."""
    words: set[str] = set()
    suffixes: list[str] = []
    attached: list[str] = []
    for row in load_rows("articles.tsv", key=_article_key):
        form, position = _article_key(row)
        if position == "attached":
            attached.append(form)
        else:
            if not form.isascii() or form != form.lower():
                raise row.error(f"Latin article {form!r} must be lower-case ASCII")
            (words.add(form) if position == "word" else suffixes.append(form))
    heads: dict[str, str] = {}
    for row in load_rows("heads.tsv"):
        canonical = row["canonical"]
        for raw in [canonical, *row["variants"].split("|")]:
            if not raw:
                raise row.error("empty variant (check for a doubled or trailing '|')")
            # Words are looked up after folding, so fold the table the same way.
            variant = to_ascii(fold(raw)) if raw.isascii() or raw[0].isascii() else fold(raw)
            if heads.get(variant, canonical) != canonical:
                raise row.error(f"variant {variant!r} already belongs to head {heads[variant]!r}")
            heads[variant] = canonical
    stopwords = frozenset(row["word"] for row in load_rows("stopwords.tsv"))
    glossary: dict[str, GlossaryTerm] = {}
    for row in load_rows("glossary.tsv"):
        term = row["term"]
        if not term.isascii() or term != term.lower():
            raise row.error(f"term {term!r} must be folded (lower-case ASCII)")
        glossary[term] = GlossaryTerm(
            term, row["lang"], row["head"], check_choice(row, "role", ROLES)
        )
    return Tables(
        frozenset(words),
        tuple(sorted(suffixes, key=len, reverse=True)),
        tuple(attached),
        heads,
        stopwords,
        glossary,
    )


def split_words(text: str) -> list[Word]:
    """Split folded text (ASCII Latin and/or folded Arabic) into words.

    Hyphens, spaces and other punctuation separate words; an apostrophe inside a Latin word
    (ayn, hamza) does not.
    """
    if "-" not in text:
        return [Word(w, not w.isascii(), False) for w in WORD.findall(text)]
    out = []
    for match in WORD.finditer(text):
        word = match.group()
        end = match.end()
        hyphen = end < len(text) and text[end] == "-"
        out.append(Word(word, not word.isascii(), hyphen))
    return out


def strip_article(words: list[Word]) -> tuple[list[Word], list[str]]:
    """Remove articles from a name's words; return the remaining words and the articles.

    A Latin article is removed only when a word follows it (so `Al` alone stays a name); a
    suffix article is cut from a word that a hyphen joins to the next (`taybetul-imam`); an
    Arabic article is cut from the front of any word long enough to hold one.
    """
    t = tables()
    kept: list[Word] = []
    found: list[str] = []
    for index, word in enumerate(words):
        text = word.text
        if word.arabic:
            for form in t.attached_articles:
                if text.startswith(form) and len(text) >= ARABIC_ARTICLE_MIN:
                    kept.append(Word(text[len(form) :], True, word.hyphen_after))
                    found.append("al")
                    break
            else:
                kept.append(word)
            continue
        if text in t.word_articles and index + 1 < len(words):
            found.append(text)
            continue
        if word.hyphen_after and index + 1 < len(words):
            for form in t.suffix_articles:
                if text.endswith(form) and len(text) - len(form) >= 3:
                    kept.append(Word(text[: -len(form)], False, True))
                    found.append(form)
                    break
            else:
                kept.append(word)
            continue
        kept.append(word)
    return kept, found


def drop_stopwords(words: list[Word]) -> list[Word]:
    """Remove function words (of, de, the ...) unless nothing else would remain."""
    stop = tables().stopwords
    kept = [w for w in words if w.text not in stop]
    return kept if kept else words


def head_of(word: str) -> str | None:
    """Return the canonical generic head a word spells (`kfar` -> `kafr`), or None."""
    return tables().heads.get(word)


def reset_caches() -> None:
    """Forget the loaded word tables."""
    tables.cache_clear()

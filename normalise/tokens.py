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
from normalise.text import clean

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
    inner_articles: tuple[str, ...]
    attached_articles: tuple[str, ...]
    heads: dict[str, str]
    stopwords: frozenset[str]
    glossary: dict[str, GlossaryTerm]
    leading_stopwords: frozenset[str]  # the English ones, read off a query's front (the UN)


def _article_key(row: Row) -> tuple[str, str]:
    return (row["form"], check_choice(row, "position", POSITIONS))


@cache
def tables() -> Tables:
    """Load `articles.tsv`, `heads.tsv`, `stopwords.tsv` and `glossary.tsv` strictly."""
    words: set[str] = set()
    suffixes: list[str] = []
    inner: list[str] = []
    attached: list[str] = []
    for row in load_rows("articles.tsv", key=_article_key):
        form, position = _article_key(row)
        if position == "attached":
            attached.append(form)
        else:
            if not form.isascii() or form != form.lower():
                raise row.error(f"Latin article {form!r} must be lower-case ASCII")
            if position == "word":
                words.add(form)
            else:
                (suffixes if position == "suffix" else inner).append(form)
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
    stop_rows = load_rows("stopwords.tsv")
    stopwords = frozenset(row["word"] for row in stop_rows)
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
        tuple(sorted(inner, key=len, reverse=True)),
        tuple(attached),
        heads,
        stopwords,
        glossary,
        frozenset(row["word"] for row in stop_rows if row["lang"] == "en"),
    )


def split_words(text: str) -> list[Word]:
    """Split folded text (ASCII Latin and/or folded Arabic) into words.

    Hyphens, spaces and other punctuation separate words; an apostrophe inside a Latin word
    (ayn, hamza) does not.
    """
    texts, hyphens = split_texts(text)
    if hyphens is None:
        return [Word(w, not w.isascii(), False) for w in texts]
    return [Word(w, not w.isascii(), h) for w, h in zip(texts, hyphens, strict=True)]


def split_texts(text: str) -> tuple[list[str], list[bool] | None]:
    """Split folded text into word strings, as `split_words` does, without `Word` objects.

    Returns:
        The words, and for each whether a hyphen joins it to the next (None when `text` has
        no hyphen, so no word is joined).
    """
    if "-" not in text:
        return WORD.findall(text), None
    texts: list[str] = []
    hyphens: list[bool] = []
    size = len(text)
    for match in WORD.finditer(text):
        texts.append(match.group())
        end = match.end()
        hyphens.append(end < size and text[end] == "-")
    return texts, hyphens


def cut_articles(
    texts: list[str], hyphens: list[bool] | None = None, arabic: list[bool] | None = None
) -> tuple[list[str], list[str], list[int]]:
    """Remove articles from a name's word strings (the rules of `strip_article`).

    Args:
        texts: the words, in order.
        hyphens: for each word, whether a hyphen joins it to the next (None: no hyphens).
        arabic: for each word, whether it is Arabic script (None: the non-ASCII words).

    Returns:
        The remaining words (cut where an article was attached), the articles found, and
        the indices of the words dropped as a whole.
    """
    t = tables()
    word_articles = t.word_articles
    kept: list[str] = []
    found: list[str] = []
    dropped: list[int] = []
    last = len(texts) - 1
    for index, text in enumerate(texts):
        if not text.isascii() if arabic is None else arabic[index]:
            for form in t.attached_articles:
                if text.startswith(form) and len(text) >= ARABIC_ARTICLE_MIN:
                    kept.append(text[len(form) :])
                    found.append("al")
                    break
            else:
                kept.append(text)
            continue
        if index < last:
            if text in word_articles:
                found.append(text)
                dropped.append(index)
                continue
            if hyphens is not None and hyphens[index]:
                for form in t.suffix_articles:
                    if text.endswith(form) and len(text) - len(form) >= 3:
                        text = text[: -len(form)]
                        found.append(form)
                        break
        kept.append(text)
    return kept, found, dropped


def strip_article(words: list[Word]) -> tuple[list[Word], list[str]]:
    """Remove articles from a name's words; return the remaining words and the articles.

    A Latin article is removed only when a word follows it (so `Al` alone stays a name); a
    suffix article is cut from a word that a hyphen joins to the next (`taybetul-imam`); an
    Arabic article is cut from the front of any word long enough to hold one.
    """
    texts, found, dropped = cut_articles(
        [w.text for w in words], [w.hyphen_after for w in words], [w.arabic for w in words]
    )
    survivors = [w for i, w in enumerate(words) if i not in dropped] if dropped else words
    kept = [
        word if text == word.text else Word(text, word.arabic, word.hyphen_after)
        for word, text in zip(survivors, texts, strict=True)
    ]
    return kept, found


def drop_stopwords(words: list[Word]) -> list[Word]:
    """Remove function words (of, de, the ...) unless nothing else would remain."""
    stop = tables().stopwords
    kept = [w for w in words if w.text not in stop]
    return kept if kept else words


def drop_stop_texts(texts: list[str]) -> list[str]:
    """Remove function words from word strings unless nothing else would remain."""
    stop = tables().stopwords
    kept = [w for w in texts if w not in stop]
    return kept if kept else texts


def without_leading_stopwords(name: str) -> tuple[str, str] | None:
    """Return a name as written without the English function words it begins with (`the US`
    -> `US`, `the Free Syrian Army`), and the first of them folded; None when it begins with
    none or nothing else would remain. News text puts `the` before an organisation's or a
    country's name, which the lexicon names without it; the name keeps its letter case
    (initials). Other languages' articles begin place names themselves (La Marsa, Le Kef) and
    are syllables of names romanised syllable by syllable (`la ta ji ya`, Latakia)."""
    stop = tables().leading_stopwords
    rest, first = clean(name), ""
    while True:
        word, _, tail = rest.partition(" ")
        folded = fold(word)
        if not tail or folded not in stop:
            break
        rest, first = tail, first or folded
    return (rest, first) if first else None


def head_of(word: str) -> str | None:
    """Return the canonical generic head a word spells (`kfar` -> `kafr`), or None."""
    return tables().heads.get(word)


def reset_caches() -> None:
    """Forget the loaded word tables."""
    tables.cache_clear()

"""Glue: words a query writes together that a reading splits: an article or a generic head
glued to the front of a word (`Alzeqa`, `Telabyad`), the Turkish izafet inside one
(`Resulayn`), words joined in camel case (`DeirEzZor`)."""

from __future__ import annotations

import re
from functools import cache

from normalise.text import clean
from normalise.tokens import Word, head_of, tables

GLUED_ARTICLES = ("al", "el")
MIN_INNER_PART = 3  # letters each side of an article glued inside a word
MIN_HEAD = 3  # letters of a head spelling read off the front of a word (tel, not um)

# A word written in camel case, its words' spaces dropped (`ArRuheybah`, `AthThumamah`,
# `DeirEzZor`): a lower-case letter followed by a capital.
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def camel_words(name: str) -> str | None:
    """Return a Latin name with a space where a word in camel case joins two (`ArRuheybah` ->
    `Ar Ruheybah`), or None when it holds no such join."""
    text = clean(name)
    split = _CAMEL.sub(" ", text)
    return split if split != text else None


def unglue_articles(words: list[Word]) -> tuple[list[Word], str]:
    """Return the words with an article glued to the front cut off (`alkabir` -> `kabir`),
    and the first article cut (empty when none was)."""
    out = []
    found = ""
    for word in words:
        text = word.text
        if not word.arabic and head_of(text) is None:
            for article in GLUED_ARTICLES:
                if text.startswith(article) and len(text) - len(article) >= 3:
                    text = text[len(article) :]
                    found = found or article
                    break
        out.append(word if text == word.text else Word(text, False, word.hyphen_after))
    return out, found


@cache
def _glued_heads() -> tuple[str, ...]:
    """Latin spellings of the generic heads, longest first (`kafr`, `tell`, `tel` ...)."""
    spelled = (h for h in tables().heads if h.isascii() and h.isalpha() and len(h) >= MIN_HEAD)
    return tuple(sorted(spelled, key=lambda h: (-len(h), h)))


def unglue_head(words: list[Word]) -> tuple[list[Word], str] | None:
    """Return the words with a generic head glued to the front of the first word split off
    (`telabyad` -> `tel abyad`, as the Turkish press writes Tall Abyad) and the head's canonical
    form; None when the first word starts with none, or is a head itself."""
    if not words or words[0].arabic or head_of(words[0].text) is not None:
        return None
    first = words[0]
    for head in _glued_heads():
        if first.text.startswith(head) and len(first.text) - len(head) >= MIN_INNER_PART:
            rest = Word(first.text[len(head) :], False, first.hyphen_after)
            return [Word(head, False, False), rest, *words[1:]], tables().heads[head]
    return None


def split_inner_article(words: list[Word]) -> tuple[list[Word], str] | None:
    """Return the words with the first word that holds an inner article (`articles.tsv`:
    the Turkish izafet `-ül-`) split around it (`resulayn` -> `res ayn`), and the article;
    None when no word does. Both parts keep `MIN_INNER_PART` letters or more."""
    forms = tables().inner_articles
    for index, word in enumerate(words):
        text = word.text
        if word.arabic or head_of(text) is not None:
            continue
        for start in range(MIN_INNER_PART, len(text) - MIN_INNER_PART - 1):
            for form in forms:
                end = start + len(form)
                if text.startswith(form, start) and len(text) - end >= MIN_INNER_PART:
                    parts = [Word(text[:start], False, False), Word(text[end:], False, False)]
                    return [*words[:index], *parts, *words[index + 1 :]], form
    return None


def reset_caches() -> None:
    """Forget the glued heads read from the rules."""
    _glued_heads.cache_clear()

"""Comparison keys: the one function that turns any name into the keys it is indexed and
looked up by. Lexicon entries and queries go through the same `build_keys`, so a spelling
matches exactly when its keys do.

Keys, from strict to loose:
- `exact`: the cleaned name, lower-cased (Turkish-aware);
- `folded`: ASCII romanisation, lower case, punctuation dropped (`kafr zita`);
- `skeleton`: consonant classes of the name without its article (`KFRZT`), equal across
  scripts and spelling conventions;
- `tokens`: the skeleton of each specific word (generic heads such as Kafr left out), so a
  name can be found from a part of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from normalise.conventions import rewrite
from normalise.fold import fold, is_turkic, looks_turkish, lower, to_ascii
from normalise.scripts import COMMON, INHERITED, char_script
from normalise.skeleton import join_skeletons, word_skeleton
from normalise.text import clean
from normalise.tokens import Word, drop_stopwords, head_of, split_words, strip_article
from normalise.translit import romanise

# Fast paths of `latinise`: text that is only Latin (with common punctuation and modifier
# letters), or only Arabic and Latin.
_LATIN = "\x00-\u024f\u02b0-\u02ff\u1e00-\u1eff\u2000-\u206f"
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"
_LATIN_ONLY = re.compile(f"[{_LATIN}]*")
_ARABIC_LATIN_ONLY = re.compile(f"[{_LATIN}{_ARABIC}]*")
_ARABIC_RUNS_ASCII = re.compile(f"[^{_ARABIC}\x00-\x7f]+")

# Bump when the key code changes in a way that changes keys: stores re-key on a new value.
KEYS_VERSION = "1"
MEMO_WORDS = 2**18
MEMO_NAMES = 2**16


@dataclass(frozen=True, slots=True)
class Keys:
    """Every key of one name, and what building them found.

    Attributes:
        exact: the cleaned name, lower-cased.
        folded: lower-case ASCII romanisation with punctuation dropped.
        skeleton: consonant-class key of the name without articles and function words.
        tokens: skeletons of the specific words (heads left out unless nothing else).
        phonetic: canonical spelling of the words (conventions applied, heads canonical,
            articles dropped), used by the scorer.
        heads: canonical generic heads found (`kafr`, `qalaat`).
        articles: articles removed (`al`, `ash`, `ul`).
        rules: labels of the convention rules that fired (`rule:fr:ou→u`).
        turkish: whether Turkish conventions were applied.
    """

    exact: str
    folded: str
    skeleton: str
    tokens: tuple[str, ...]
    phonetic: str
    heads: tuple[str, ...]
    articles: tuple[str, ...]
    rules: tuple[str, ...]
    turkish: bool


@dataclass(frozen=True, slots=True)
class WordKeys:
    """Keys of one word: canonical spelling, skeleton, head, rules fired."""

    phonetic: str
    skeleton: str
    head: str | None
    rules: tuple[str, ...]


@lru_cache(maxsize=MEMO_WORDS)
def word_keys(text: str, arabic: bool, turkish: bool, last: bool) -> WordKeys:
    """Return the keys of one folded word (cached: words repeat across names).

    Args:
        text: the folded word: lower-case ASCII, or folded Arabic script.
        arabic: True for Arabic script.
        turkish: apply Turkish conventions to a Latin word.
        last: the word ends the name (matters for ة).
    """
    head = head_of(text)
    if arabic:
        phonetic = head if head is not None else roman_word(text)
        return WordKeys(phonetic, word_skeleton(text, last), head, ())
    if head is not None:
        return WordKeys(head, word_skeleton(head, last), head, ())
    phonetic, fired = rewrite(text, turkish)
    return WordKeys(phonetic.replace("'", ""), word_skeleton(phonetic, last), None, fired)


@lru_cache(maxsize=MEMO_WORDS)
def roman_word(text: str) -> str:
    """Return the ASCII romanisation of one folded Arabic word, without punctuation."""
    return romanise(text).replace("'", "").replace("-", " ").strip()


def latinise(folded: str, lang: str | None = None) -> str:
    """Return folded text with Latin made ASCII and other scripts romanised; Arabic is kept.

    Arabic keeps its letters because the skeleton reads ة, ع and the article from them.
    """
    if folded.isascii():
        return folded
    if _LATIN_ONLY.fullmatch(folded):
        return to_ascii(folded)
    if _ARABIC_LATIN_ONLY.fullmatch(folded):
        return _ARABIC_RUNS_ASCII.sub(lambda m: to_ascii(m.group()), folded)
    out: list[str] = []
    run: list[str] = []
    run_script = ""
    for char in folded:
        script = "Latin" if char.isascii() else char_script(char)
        if script in (COMMON, INHERITED):
            script = run_script
        if script != run_script and run:
            out.append(_latinise_run("".join(run), run_script, lang))
            run = []
        run_script = script
        run.append(char)
    if run:
        out.append(_latinise_run("".join(run), run_script, lang))
    return "".join(out)


def _latinise_run(run: str, script: str, lang: str | None) -> str:
    if script == "Arabic" or run.isascii():
        return run
    if script == "Latin":
        return to_ascii(run)
    return to_ascii(romanise(run, lang).lower())


def words_of(name: str, lang: str | None = None) -> tuple[str, list[Word], bool]:
    """Clean, fold and split a name; return the folded text, its words and the Turkish flag."""
    cleaned = clean(name)
    turkish = is_turkic(lang) or looks_turkish(cleaned)
    folded = latinise(fold(cleaned, lang), lang)
    return folded, split_words(folded.split(",")[0]), turkish


@lru_cache(maxsize=MEMO_NAMES)
def build_keys(name: str, lang: str | None = None) -> Keys:
    """Build every key of a name; the same function serves lexicon entries and queries.

    Args:
        name: any text (cleaned here).
        lang: BCP 47 language when known (`tr` selects Turkish casing and conventions).

    Returns:
        The `Keys`. A name with no letters or digits has empty keys.

    Raises:
        NotTextError: `name` is not a `str`.
    """
    cleaned = clean(name)
    exact = lower(cleaned, lang)
    turkish = is_turkic(lang) or looks_turkish(cleaned)
    folded = latinise(fold(cleaned, lang), lang)
    all_words = split_words(folded)
    words = all_words if "," not in folded else split_words(folded.split(",")[0])
    words, articles = strip_article(words)
    words = drop_stopwords(words)
    parts = [word_keys(w.text, w.arabic, turkish, i == len(words) - 1) for i, w in enumerate(words)]
    if folded.isascii():
        folded_key = " ".join(w.text for w in all_words).replace("'", "")
    else:
        folded_key = " ".join(w.text if not w.arabic else roman_word(w.text) for w in all_words)
    specific = [p.skeleton for p in parts if p.head is None and p.skeleton]
    if not specific:
        specific = [p.skeleton for p in parts if p.skeleton]
    rules: list[str] = []
    for part in parts:
        rules.extend(r for r in part.rules if r not in rules)
    return Keys(
        exact=exact,
        folded=folded_key,
        skeleton=join_skeletons([p.skeleton for p in parts]),
        tokens=tuple(dict.fromkeys(specific)),
        phonetic=" ".join(p.phonetic for p in parts if p.phonetic),
        heads=tuple(p.head for p in parts if p.head is not None),
        articles=tuple(articles),
        rules=tuple(rules),
        turkish=turkish,
    )


def reset_caches() -> None:
    """Forget memoised word and name keys."""
    word_keys.cache_clear()
    roman_word.cache_clear()
    build_keys.cache_clear()

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
from typing import NamedTuple

from normalise.conventions import rewrite
from normalise.fold import fold, fold_lowered, is_turkic, looks_turkish, lower, to_ascii
from normalise.numbers import without_ordinal_ending
from normalise.scripts import COMMON, INHERITED, char_script
from normalise.skeleton import join_skeletons, word_skeleton
from normalise.syllables import PINYIN_RULE, pinyin_parts
from normalise.text import clean
from normalise.tokens import (
    WORD,
    Word,
    cut_articles,
    drop_stop_texts,
    head_of,
    split_texts,
    split_words,
)
from normalise.translit import romanise

# Fast paths of `latinise`: text that is only Latin (with common punctuation and modifier
# letters), or only Arabic and Latin.
_LATIN = "\x00-\u024f\u02b0-\u02ff\u1e00-\u1eff\u2000-\u206f"
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"
_LATIN_ONLY = re.compile(f"[{_LATIN}]*")
_ARABIC_LATIN_ONLY = re.compile(f"[{_LATIN}{_ARABIC}]*")
_ARABIC_RUNS_ASCII = re.compile(f"[^{_ARABIC}\x00-\x7f]+")

# Bump when the key code changes in a way that changes keys: stores re-key on a new value.
KEYS_VERSION = "10"
MEMO_WORDS = 2**16  # words whose keys are remembered (about 20 MB a process)
MEMO_NAMES = 2**15  # names whose keys and words are remembered (about 45 MB a process)


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


_new_keys = object.__new__
_set_exact, _set_folded, _set_skeleton, _set_tokens, _set_phonetic = (
    getattr(Keys, field).__set__ for field in Keys.__slots__[:5]
)
_set_heads, _set_articles, _set_rules, _set_turkish = (
    getattr(Keys, field).__set__ for field in Keys.__slots__[5:]
)


def _make_keys(
    exact: str,
    folded: str,
    skeleton: str,
    tokens: tuple[str, ...],
    phonetic: str,
    heads: tuple[str, ...],
    articles: tuple[str, ...],
    rules: tuple[str, ...],
    turkish: bool,
) -> Keys:
    """Return `Keys(exact, folded, ...)`, twice as fast as the frozen dataclass `__init__`.

    That `__init__` sets each field through `object.__setattr__`; this writes the slots
    directly. The object is the same (same class, same fields, still frozen to callers).
    """
    keys: Keys = _new_keys(Keys)
    _set_exact(keys, exact)
    _set_folded(keys, folded)
    _set_skeleton(keys, skeleton)
    _set_tokens(keys, tokens)
    _set_phonetic(keys, phonetic)
    _set_heads(keys, heads)
    _set_articles(keys, articles)
    _set_rules(keys, rules)
    _set_turkish(keys, turkish)
    return keys


class WordKeys(NamedTuple):
    """Keys of one word: canonical spelling, skeleton, head, rules fired."""

    phonetic: str
    skeleton: str
    head: str | None
    rules: tuple[str, ...]


# A memoised `WordKeys` as a plain tuple. The garbage collector stops tracking a plain tuple of
# strings (not a NamedTuple or dataclass), so a memo of hundreds of thousands of words adds
# nothing to the cost of each collection.
WordEntry = tuple[str, str, str | None, tuple[str, ...]]


def word_keys(text: str, arabic: bool, turkish: bool, last: bool) -> WordKeys:
    """Return the keys of one folded word (memoised: words repeat across names).

    Args:
        text: the folded word: lower-case ASCII, or folded Arabic script.
        arabic: True for Arabic script.
        turkish: apply Turkish conventions to a Latin word.
        last: the word ends the name (matters for ة).
    """
    return WordKeys._make(_word_entry(text, arabic, turkish, last))


@lru_cache(maxsize=MEMO_WORDS)
def _word_entry(text: str, arabic: bool, turkish: bool, last: bool) -> WordEntry:
    head = head_of(text)
    if arabic:
        phonetic = head if head is not None else roman_word(text)
        return (phonetic, word_skeleton(text, last), head, ())
    if head is not None:
        return (head, word_skeleton(head, last), head, ())
    if text[:1].isdigit():
        text = without_ordinal_ending(text)
    phonetic, fired = rewrite(text, turkish)
    return (phonetic.replace("'", ""), word_skeleton(phonetic, last), None, fired)


@lru_cache(maxsize=MEMO_WORDS)
def roman_word(text: str) -> str:
    """Return the ASCII romanisation of one folded Arabic word, without punctuation."""
    # lower(): letters the Arabic route does not know (ڂ, ڊ) come out of unidecode upper-case
    return romanise(text).lower().replace("'", "").replace("-", " ").strip()


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
    """Clean, fold and split a name; return the folded text, its words and the Turkish flag.

    Memoised (a query's readings split it several times); the caller gets its own list.
    """
    if type(name) is not str:  # not memoised: `clean` raises the library's error for it
        return _split_name(name, lang)
    folded, words, turkish = _memo_words_of(name, lang)
    return folded, list(words), turkish


@lru_cache(maxsize=MEMO_NAMES)
def _memo_words_of(name: str, lang: str | None) -> tuple[str, tuple[Word, ...], bool]:
    folded, words, turkish = _split_name(name, lang)
    return folded, tuple(words), turkish


def _split_name(name: str, lang: str | None) -> tuple[str, list[Word], bool]:
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
    turkic = lang is not None and is_turkic(lang)
    if cleaned.isascii() and not (turkic and "I" in cleaned):
        # What `lower` and `fold` give for ASCII (Turkish casing differs only for I): the text
        # lower-cased, nothing to romanise, and no Turkish letters.
        folded = cleaned.lower()
        if folded.isalnum():
            return _one_word_keys(folded, turkic)
        return _keys_of(folded, folded, turkic)
    exact = lower(cleaned, lang)
    turkish = turkic or looks_turkish(cleaned)
    # fold(cleaned) is fold_lowered(lower(cleaned)): lower-case once.
    folded = exact if exact.isascii() else latinise(fold_lowered(exact), lang)
    return _keys_of(exact, folded, turkish)


def exact_key(name: str, lang: str | None = None) -> str:
    """Return `build_keys(name, lang).exact` alone: the cleaned name lower-cased, without the
    romanisation the other keys need (a store's memo keys thousands of names so)."""
    return lower(clean(name), lang)


def _one_word_keys(word: str, turkish: bool) -> Keys:
    """Keys of a name that is one plain ASCII word: what `_keys_of` gives, in fewer steps."""
    phonetic, skeleton, head, rules = _word_entry(word, False, turkish, True)
    return _make_keys(
        word,
        word,
        skeleton,
        (skeleton,) if skeleton else (),
        phonetic,
        () if head is None else (head,),
        (),
        rules if len(rules) < 2 else tuple(dict.fromkeys(rules)),
        turkish,
    )


def _keys_of(exact: str, folded: str, turkish: bool) -> Keys:
    """Build the keys from the lower-cased name and its folded, latinised form."""
    if "," in folded:
        all_words = WORD.findall(folded)
        texts, hyphens = split_texts(folded.split(",")[0])
    else:
        texts, hyphens = split_texts(folded)
        all_words = texts
    spelled: tuple[str, ...] = ()
    if folded.isascii() and pinyin_parts(texts) is not None:
        # `ba si la` (巴士拉, Basra) is one word, keyed as `basila`, as `Da Nang` is `Danang`
        texts, hyphens, spelled = ["".join(texts)], None, (PINYIN_RULE,)
    words, found, _ = cut_articles(texts, hyphens)
    words = drop_stop_texts(words)
    last = len(words) - 1
    if folded.isascii():
        folded_key = " ".join(all_words)
        if "'" in folded_key:
            folded_key = folded_key.replace("'", "")
    else:
        # a word that romanises to nothing (ع, ء alone) leaves no space behind
        romanised = (w if w.isascii() else roman_word(w) for w in all_words)
        folded_key = " ".join(w for w in romanised if w)
    articles = tuple(found) if found else ()
    if last == 0:
        # One word: what the loop below gives.
        word = words[0]
        phonetic, skeleton, head, rules = _word_entry(word, not word.isascii(), turkish, True)
        return _make_keys(
            exact,
            folded_key,
            skeleton,
            (skeleton,) if skeleton else (),
            phonetic,
            () if head is None else (head,),
            articles,
            spelled + rules if len(rules) < 2 else tuple(dict.fromkeys(spelled + rules)),
            turkish,
        )
    skeletons: list[str] = []  # every non-empty word skeleton
    specific: list[str] = []  # those of words that are not generic heads
    phonetics: list[str] = []
    heads: list[str] = []
    fired: list[str] = []
    for index, word in enumerate(words):
        phonetic, skeleton, head, rules = _word_entry(
            word, not word.isascii(), turkish, index == last
        )
        if skeleton:
            skeletons.append(skeleton)
            if head is None:
                specific.append(skeleton)
        if phonetic:
            phonetics.append(phonetic)
        if head is not None:
            heads.append(head)
        if rules:
            fired.extend(rules)
    return _make_keys(
        exact,
        folded_key,
        join_skeletons(skeletons),
        tuple(dict.fromkeys(specific if specific else skeletons)),
        " ".join(phonetics),
        tuple(heads),
        articles,
        tuple(dict.fromkeys(fired)) if fired else (),
        turkish,
    )


def reset_caches() -> None:
    """Forget memoised word and name keys."""
    _word_entry.cache_clear()
    _memo_words_of.cache_clear()
    roman_word.cache_clear()
    build_keys.cache_clear()

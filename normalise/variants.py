"""Other readings of a query, tried beside its own keys.

A lexicon entry keeps one set of keys; a query may be read several ways: an ambiguous
letter (`ch` is French sh or German kh, `g` may write ج), an article glued to the word
(`Alzeqa`), or a translated generic term (`Madik-Castle` = `Qalaat al-Madiq`). Each reading
carries the reason it was tried, which the resolver reports in `why`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache, lru_cache, partial
from typing import NamedTuple

import regex

from normalise.conventions import rewrite_alternates
from normalise.description import without_descriptor
from normalise.fold import is_scholarly, is_turkic, spell_turkish_letters
from normalise.generic import village_stem
from normalise.glossary import glossary_form, without_village
from normalise.glue import camel_words, unglue_articles, unglue_head
from normalise.keys import Keys, build_keys, words_of
from normalise.matres import arabic_spelling, is_arabic_text
from normalise.numbers import spelled_numbers
from normalise.ottoman import ottoman_readings
from normalise.qualifier import without_qualifier
from normalise.reading import Reading, compact, own_reading, reading_of
from normalise.rules import check_choice, load_rows, rewrite_letters
from normalise.skeleton import join_skeletons, word_skeleton
from normalise.suffixes import ending_lang, marked_ending, without_case_suffix
from normalise.syllables import spelled_names
from normalise.text import MEMO_TEXTS, clean
from normalise.tokens import Word, head_of, strip_article, without_leading_stopwords

MAX_VARIANTS = 6


def persian_reading(name: str) -> tuple[str, tuple[str, ...]] | None:
    """Return an Arabic-script name with ث, ذ and ض written as Persian and Turkish say them
    (`lexicons/rules/persian_letters.tsv`: عثمانیه -> عسمانیه, Osmaniye) and the rewrites made,
    or None when it holds none of them."""
    return rewrite_letters(name, "persian_letters.tsv")


def turkish_spelling(name: str) -> tuple[str, tuple[str, ...]] | None:
    """Return a name with its Turkish ş and ğ written as an Arabic name's sh and gh are
    (`fold.spell_turkish_letters` of the cleaned name) and the rewrites made, or None."""
    return spell_turkish_letters(clean(name))


VOWELS = "aeiouyıöüâîû"  # after which `turkish_respellings.tsv`'s `end` letters are read
WHERE = ("any", "end")
SETTLE = ("yes", "no")
READS = ("turkish", "latin")


class Respelling(NamedTuple):
    """A query respelled by one row of `turkish_respellings.tsv`."""

    text: str
    reason: str  # `rule:tr:v→w`, after the ş and ğ rewrites that came first; `rule:v→w` for a
    # query not read as Turkish
    settles: bool  # the query may still settle by its own keys


class RespellingRule(NamedTuple):
    """One row of `turkish_respellings.tsv`."""

    pattern: regex.Pattern[str]  # its letter where it is read
    to: str  # the letters written instead
    letter: str
    settles: bool  # the query may still settle by its own keys
    latin: bool  # read in every Latin-script query, not only a Turkish-read one


@cache
def respelling_rules() -> tuple[RespellingRule, ...]:
    """Load `turkish_respellings.tsv` strictly."""
    out = []
    for row in load_rows("turkish_respellings.tsv"):
        letter, to = row["from"], row["to"]
        if len(letter) != 1 or not letter.islower() or not to.islower():
            raise row.error("from must be one lower-case letter and to lower-case letters")
        where = check_choice(row, "where", WHERE)
        settle = check_choice(row, "settle", SETTLE)
        reads = check_choice(row, "reads", READS)
        pattern = regex.escape(letter)
        if where == "end":
            pattern = f"(?<=[{VOWELS}{VOWELS.upper()}İ]){pattern}\\b"
        compiled = regex.compile(pattern, regex.IGNORECASE)
        out.append(RespellingRule(compiled, to, letter, settle == "yes", reads == "latin"))
    return tuple(out)


def _cased(to: str, match: regex.Match[str]) -> str:
    """Return `to` in the case of the letter it replaces."""
    return to.upper() if match.group().isupper() else to


def turkish_respellings(name: str, keys: Keys) -> tuple[Respelling, ...]:
    """Return a Turkish-read query respelled as an Arabic name's romanisation writes the letters
    Turkish writes its own way (`turkish_respellings.tsv`: v for و, a final h for خ), one per
    rule that applies; none for another query or a scholarly romanisation (Buşrah ash Shām:
    its ş is ص). Turkish ş and ğ come first (`turkish_spelling`). Remembered: the resolver asks
    before settling a query and again when it reads it every way (`readings`)."""
    return _respellings(name) if keys.turkish else ()


@lru_cache(maxsize=MEMO_TEXTS)
def _respellings(name: str) -> tuple[Respelling, ...]:
    """`turkish_respellings` of a Turkish-read query."""
    if is_scholarly(name):
        return ()
    spelled = turkish_spelling(name)
    text = spelled[0] if spelled is not None else clean(name)
    rules = [f"rule:tr:{r}" for r in spelled[1]] if spelled is not None else []
    return _respelled(text, respelling_rules(), "rule:tr:", rules)


def latin_respellings(name: str, keys: Keys) -> tuple[Respelling, ...]:
    """Return a Latin-script query not read as Turkish respelled by the rows of
    `turkish_respellings.tsv` that every Latin writing shares (`reads` latin: v for و, as
    Kurdish, Persian and Russian romanisations write it too: Ravanduz, Suvaida), one per row
    that applies; none for a Turkish-read query (`turkish_respellings`), an Arabic-script one
    or a scholarly romanisation."""
    if keys.turkish or is_arabic_text(name):
        return ()
    return _latin_respellings(name)


@lru_cache(maxsize=MEMO_TEXTS)
def _latin_respellings(name: str) -> tuple[Respelling, ...]:
    """`latin_respellings` of a Latin query not read as Turkish."""
    if is_scholarly(name):
        return ()
    return _respelled(clean(name), [rule for rule in respelling_rules() if rule.latin], "rule:")


def _respelled(
    text: str, rules: Sequence[RespellingRule], prefix: str, before: Sequence[str] = ()
) -> tuple[Respelling, ...]:
    """Return `text` respelled by each rule that applies, labelled `prefix` + `v→w` after the
    labels of the rewrites made `before` it (the Turkish ş and ğ)."""
    out = []
    for rule in rules:
        respelled = rule.pattern.sub(partial(_cased, rule.to), text)
        if respelled != text:
            label = f"{prefix}{rule.letter}→{rule.to}"
            out.append(Respelling(respelled, ";".join([*before, label]), rule.settles))
    return tuple(out)


def reset_caches() -> None:
    """Forget the loaded respelling rules and the queries respelled by them."""
    respelling_rules.cache_clear()
    _respellings.cache_clear()
    _latin_respellings.cache_clear()


def readings(name: str, lang: str | None = None) -> list[Reading]:
    """Return the query's own reading first, then up to `MAX_VARIANTS` other readings."""
    keys = build_keys(name, lang)
    out = [own_reading(keys)]
    seen = {keys.skeleton}

    def add(
        candidate: Keys, reason: str, *, spelling: bool = False, turkish: bool = False,
        words: str = "", written: bool = False,
    ) -> None:  # fmt: skip
        """Keep a reading with a new skeleton; with `spelling`, one with only a new spelling
        too (the skeleton of `sh` is that of `s`, of `tell abyad` that of `telabyad`); with
        `written`, one with only a new folded key too (`the US`: `us`).
        `words`: the other words it reads, when they are Arabic (`Reading.spelling`)."""
        new = (
            candidate.skeleton not in seen
            or (spelling and all(r.compact != compact(candidate.phonetic) for r in out))
            or (
                written
                and candidate.folded != keys.folded
                and all(r.folded != candidate.folded for r in out)
            )
        )
        if (candidate.skeleton or written) and new and len(out) <= MAX_VARIANTS:
            seen.add(candidate.skeleton)
            reading = reading_of(candidate, reason, turkish)
            if words and is_arabic_text(words):
                reading = replace(reading, spelling=arabic_spelling(words))
            if written:
                reading = replace(reading, written=True)
            out.append(reading)

    # Turkish ş and ğ spelled out (ğ -> gh: a skeleton of its own; ş -> sh: another spelling).
    spelled = turkish_spelling(name)
    if spelled is not None:
        alt = build_keys(spelled[0], lang if is_turkic(lang) else "tr")
        reason = ";".join(f"rule:tr:{r}" for r in spelled[1])
        add(alt, reason, spelling=True, turkish=True)
    # Turkish spellings of Arabic letters read as an Arabic name writes them: v for و, a final
    # h for خ (`turkish_respellings`)
    for respelled in turkish_respellings(name, keys):
        add(build_keys(respelled.text, "tr"), respelled.reason, spelling=True)
    # and a v for و in any other Latin writing (`latin_respellings`)
    for respelled in latin_respellings(name, keys):
        add(build_keys(respelled.text, lang), respelled.reason, spelling=True)

    # Figures as each language's words for them (`Evka-6`: Evka-Altı; `Al Twar 1`: Al Twar
    # First), a Turkish name's language first.
    for text, reason in spelled_numbers(clean(name), "tr" if keys.turkish else None):
        add(build_keys(text, lang), reason)

    # A name written syllable by syllable, as Chinese and Korean romanise it: the other names it
    # may spell (`ba si la`, keyed as `basila`, -> `basira`; `xia er jia` -> `shiarjia`;
    # `taipeu` -> `taip`, `taif`).
    _, words, turkish = words_of(name, lang)
    for spelling, reason in spelled_names(words):
        add(build_keys(spelling, lang), reason, spelling=True)

    # Arabic letters as Persian and Turkish say them (ث as s): a skeleton of its own.
    persian = persian_reading(clean(name))
    if persian is not None:
        add(build_keys(persian[0], lang), ";".join(f"rule:fa:{r}" for r in persian[1]))

    # A reading is a shorter text that may have lost the letters that made the name Turkish
    # (`Cerablus ilçesi` -> `cerablus`): it is keyed as Turkish when the name was.
    keyed = "tr" if lang is None and keys.turkish else lang
    translated = glossary_form(name, lang)
    if translated is not None:
        add(build_keys(translated[0], keyed), ";".join(translated[1]))
    bare_name = without_village(name, lang)
    if bare_name is not None:
        add(build_keys(bare_name, keyed), "generic:village")
    # An old Turkish name's Ottoman adjective read off, and as its Turkish word (`Kızılcaikebir`:
    # Kızılca, Büyük Kızılca)
    for text, reason in ottoman_readings(name, lang):
        add(build_keys(text, "tr"), reason, spelling=True)
    # A Turkish case ending or the English possessive, read off the name as written: the
    # stem is the name as the query writes it (`Reading.written`), a spelling of its own even
    # when a reading has its skeleton (Şam'da: Şam, Damascus, beside the glossary's `sham`).
    # Before a vowel an apostrophe mostly writes ayn or hamza (Ar Raḑā‘ī, Bil'in): unless
    # Turkish letters or initials mark it (`suffixes.marked_ending`), the folded words are
    # read without the ending, as another reading; a new spelling of the same skeleton too
    # (`Halep'e`: halep) unless scholarly marks say the apostrophe is a letter (Al Badā’i‘).
    marked = marked_ending(name)
    if marked is not None:
        keyed_stem = build_keys(marked[0], lang or ending_lang(marked[1]))
        add(keyed_stem, f"case:'{marked[1]}", spelling=True, written=True)
    else:
        bare_case = without_case_suffix(name, lang)
        if bare_case is not None:
            stem_keys = build_keys(bare_case[0], lang or "tr")
            add(stem_keys, f"case:'{bare_case[1]}", spelling=not is_scholarly(name))
    # A name read without a descriptor; an English or Turkish word for a city or a town
    # (`Saraqib town`, `the city of Saraqib`) leaves the name as the query writes it
    # (`Descriptor.leaves_name`, `Reading.written`), as the leading `the` of `the PKK` does.
    described = without_descriptor(name, lang)
    if described is not None:
        outermost = without_descriptor(name, lang, outer=True)  # and the outermost word alone
        also = [] if outermost is None or outermost[0] == described[0] else [outermost]
        for text, said in [described, *also]:
            reason = f"descriptor:{said.term}"
            add(build_keys(text, keyed), reason, words=text, written=said.leaves_name)
    # `the US`, `the PKK`: the lexicon names them without the article news text puts before
    # them (a longer name's skeleton already leaves it out; its written keys did not); and
    # without an ending after it too (`the PKK's`).
    unled = without_leading_stopwords(name)
    if unled is not None:
        text, reason = unled[0], f"stopword:{unled[1]}"
        ended = marked_ending(text)
        if ended is not None:
            text, reason = ended[0], f"{reason};case:'{ended[1]}"
        add(build_keys(text, keyed), reason, written=True)
    camel = camel_words(name)
    if camel is not None:
        add(build_keys(camel, keyed), "words:camel", spelling=True)
    qualified = without_qualifier(name)
    if qualified is not None:
        add(build_keys(qualified, keyed), "qualifier", words=qualified)
    stem = village_stem(keys.phonetic, keys.skeleton)
    if stem is not None and stem.skeleton not in seen and len(out) <= MAX_VARIANTS:
        seen.add(stem.skeleton)
        out.append(Reading(stem.skeleton, stem.tokens, stem.phonetic, "generic:village"))
    words, _ = strip_article(words)
    # A glued article on any word: Alzeqa, Elkhalil, Abasan alkabir, alsalhyt aljdydt.
    unglued, glued = unglue_articles(words)
    if glued:
        add(build_keys(" ".join(w.text for w in unglued), keyed), f"article:{glued}")
    split_head = unglue_head(unglued)
    if split_head is not None:
        head = build_keys(" ".join(w.text for w in split_head[0]), keyed)
        add(head, f"head:{split_head[1]}", spelling=True)
    # Ambiguous letters: one alternate reading per word, on the unglued words first.
    bases = [(unglued, f"article:{glued};"), (words, "")] if glued else [(words, "")]
    for base, prefix in bases:
        for reading in _alternates(base, keys.phonetic if not prefix else None, lang, turkish):
            if reading.skeleton not in seen and len(out) <= MAX_VARIANTS:
                seen.add(reading.skeleton)
                reason = prefix + (reading.reason or "")
                out.append(Reading(reading.skeleton, reading.tokens, reading.phonetic, reason))
    return out


def _alternates(
    words: list[Word], phonetic: str | None, lang: str | None, turkish: bool
) -> list[Reading]:
    """Return one reading per ambiguous letter of each word (`rewrite_alternates`)."""
    out = []
    spelled = [build_keys(w.text, lang).phonetic for w in words]
    if phonetic is None:
        phonetic = " ".join(p for p in spelled if p)
    for index, word in enumerate(words):
        if word.arabic or word.text[:1].isdigit() or head_of(word.text) is not None:
            continue
        for spelling, label in rewrite_alternates(word.text, turkish):
            parts = []
            for j, text in enumerate(spelled):
                parts.append(word_skeleton(spelling if j == index else text, j == len(words) - 1))
            skeleton = join_skeletons(parts)
            tokens = tuple(p for p in parts if p)
            out.append(Reading(skeleton, tokens, phonetic.replace(spelled[index], spelling), label))
    return out

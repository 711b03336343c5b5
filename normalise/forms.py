"""The forms a candidate name is compared by: its compact spelling, consonants, vowel
classes and tokens, its letters across scripts, its article, and the stem a query may read
it by (a village stem, a generic head, the name without its place descriptor)."""

from __future__ import annotations

from functools import lru_cache

from normalise.description import described_stem
from normalise.generic import Stem, head_stem, village_stem
from normalise.lexicon.keyindex import key_lang
from normalise.match import CandidateRow
from normalise.matres import collapse, is_arabic_text, letter_by_letter, long_vowel_letters
from normalise.reading import Reading, compact, consonants, vowel_classes
from normalise.tokens import tables

MEMO_FORMS = 2**15  # candidate names whose forms are remembered (about 25 MB a process)


@lru_cache(maxsize=MEMO_FORMS)
def row_forms(phonetic: str, tokens: str) -> tuple[str, str, str, frozenset[str]]:
    """Return a candidate name's compact spelling, its consonants, its vowel classes and its
    token set (cached: the same lexicon names come back for many queries)."""
    flat = compact(phonetic)
    return flat, consonants(flat), vowel_classes(flat), frozenset(tokens.split())


@lru_cache(maxsize=MEMO_FORMS)
def query_letters(name: str) -> str:
    """Return the letters a name is compared by across scripts (`Context.letters` of a query,
    and the same of a candidate name): an Arabic-script name spelled letter by letter, a
    Latin one's long-vowel letters ("" without macrons)."""
    if is_arabic_text(name):
        return collapse(letter_by_letter(name))
    return long_vowel_letters(name)


def has_article(folded: str) -> bool:
    """Return True if a folded Latin name begins with a separate article (`az zawiyah`)."""
    first, _, rest = folded.partition(" ")
    return bool(rest) and first in tables().word_articles


@lru_cache(maxsize=MEMO_FORMS)
def written_forms(folded: str) -> frozenset[str]:
    """Return the forms of a folded Latin name as written but for its word breaks
    (`serekaniye` for `sere kaniye`); but for them and the spelling of its articles too (each
    article word written `al`: `albab` for `el bab`); and but for them, its articles and the
    spelling of its generic heads (`heads.tsv`: `tallabyad` for `tel abyad`). Two names that
    share a form differ only in how a source breaks words or writes the article and the heads.
    Each form is kept, as an article form may be no article: `qal at sukkar` is Qal`at Sukkar,
    whose ayn the fold made a word break."""
    table = tables()
    words, heads = table.word_articles, table.heads
    tokens = folded.split()
    last = len(tokens) - 1
    articles = ["al" if t in words and i < last else t for i, t in enumerate(tokens)]
    headed = [heads.get(t, t) for t in articles]
    return frozenset(("".join(tokens), "".join(articles), "".join(headed)))


@lru_cache(maxsize=MEMO_FORMS)
def _row_stem(phonetic: str, skeleton: str) -> Stem | None:
    return village_stem(phonetic, skeleton)


@lru_cache(maxsize=MEMO_FORMS)
def _row_described_stem(text: str, lang: str | None, country: str | None) -> Stem | None:
    """`described_stem` of a lexicon name, keyed in the language the index keys it in
    (memoised: the same lexicon names come back for many queries)."""
    return described_stem(text, key_lang(lang, country, text))


def matched_stem(reading: Reading, row: CandidateRow) -> Stem | None:
    """Return the candidate name's village stem when that is what the reading reads
    (`Sari` for `Sarıköy`), its generic head when the name was found by the query's bare
    head (`Bab` for `Bab al-Taqa`, key family `h`), or the name without the place descriptor
    it ends with (`described_stem`: `Shayrat` for `Shayrat Air Base`; a place's only, not a
    province's: `Murzuq District` is no Murzuq), else None."""
    if reading.skeleton == row.skeleton:
        return None
    if row.key[:1] == "h":
        stem = head_stem(row.phonetic)
    else:
        stem = _row_stem(row.phonetic, row.skeleton)
        if stem is None and row.kind == "place" and " " in row.name_text:
            stem = _row_described_stem(row.name_text, row.name_lang, row.country)
    return stem if stem is not None and stem.skeleton == reading.skeleton else None


def reset_caches() -> None:
    """Forget the cached forms and stems of candidate names and the letters of names."""
    row_forms.cache_clear()
    _row_stem.cache_clear()
    _row_described_stem.cache_clear()
    query_letters.cache_clear()

"""The index keys of a stored name: which prefixed keys find it, and its derived forms.

Queries look names up by prefixed keys (`x:` exact, `f:` folded, `s:` skeleton, `t:` token
skeleton, `d:` skeleton with one letter deleted; a village name's stem is an `s:` key too).
This module is the one place that decides which keys a stored name gets, so the store, the
bulk build and re-keying always agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from normalise.description import described_stem
from normalise.generic import village_stem
from normalise.keys import Keys, build_keys
from normalise.matres import is_arabic_text, letter_by_letter
from normalise.scripts import detect_scripts

MIN_TOKEN = 2
MIN_DELETION = 3


class NameForms(NamedTuple):
    """The derived forms of a name stored beside it, so scoring needs no recomputation."""

    folded: str
    skeleton: str
    phonetic: str
    tokens: str


def key_lang(lang: str | None, country: str | None, text: str) -> str | None:
    """Return the language to build keys with: the name's, or `tr` for Turkish Latin names.

    A name with no language on an entity in Türkiye is read with Turkish conventions when it
    is written in Latin script (GeoNames alternate names carry no language).
    """
    if lang is not None:
        return lang
    if country == "TR" and detect_scripts(text).primary == "Latin":
        return "tr"
    return None


def deletions(skeleton: str) -> Iterator[str]:
    """Yield the skeleton with each one position deleted (its deletion neighbourhood)."""
    for i in range(len(skeleton)):
        yield skeleton[:i] + skeleton[i + 1 :]


def index_keys(keys: Keys) -> list[str]:
    """Return the distinct prefixed keys a name with `keys` is indexed under.

    Args:
        keys: the name's `build_keys` result.

    Returns:
        `x:`, `f:`, `s:` keys (also of a village name's stem and of a name without the place
        descriptor it ends with, when its skeleton is one letter), a `t:` key per token
        skeleton of two or more letters and, for skeletons of four or more letters, the `d:`
        deletion neighbourhood; empty keys skipped.
    """
    out: dict[str, None] = {}
    if keys.exact:
        out["x:" + keys.exact] = None
    if keys.folded:
        out["f:" + keys.folded] = None
    if is_arabic_text(keys.exact):
        spelled = letter_by_letter(keys.exact)
        if spelled:
            out["f:" + spelled] = None  # الدالية is found as aldalyt, GeoNames' spelling
    skeleton = keys.skeleton
    if skeleton:
        out["s:" + skeleton] = None
        stem = village_stem(keys.phonetic, skeleton)
        if stem is not None:
            out["s:" + stem.skeleton] = None  # Hasköy is found as Has too
        if " " in keys.exact:
            described = described_stem(keys.exact, "tr" if keys.turkish else None)
            if described is not None and len(described.skeleton) < MIN_TOKEN:
                # Al-Watiya Air Base is found as Al-Watiya too, whose one-letter skeleton (T)
                # no token key holds (a longer stem is found by its token: Shayrat, SRT); the
                # scorer compares it so (`forms.matched_stem`)
                out["s:" + described.skeleton] = None
    for token in keys.tokens:
        if len(token) >= MIN_TOKEN:
            out["t:" + token] = None
    if len(skeleton) >= MIN_DELETION:
        for short in deletions(skeleton):
            out["d:" + short] = None
    return list(out)


def name_keys(text: str, lang: str | None, country: str | None) -> Keys:
    """Return the keys of a lexicon name of an entity of `country`, read in the language its
    keys are built in (`key_lang`): the one key function of the index, its batches and its
    readers."""
    return build_keys(text, key_lang(lang, country, text))


def key_country(country: str | None) -> str:
    """Return the country column of an entity's key rows ('' for an entity with none)."""
    return country or ""


def name_forms(keys: Keys) -> NameForms:
    """Return the forms of a name stored on its row."""
    return NameForms(keys.folded, keys.skeleton, keys.phonetic, " ".join(keys.tokens))


def script_of(text: str) -> str | None:
    """Return the scripts of a name's letters joined by `+`, or None when it has no letters."""
    scripts = detect_scripts(text).scripts
    return "+".join(scripts) if scripts else None


KeyRow = tuple[str, str, int, int, int]  # key, country ('' for none), entity, name, key_rank


def entity_key_rows(
    entity: int,
    country: str | None,
    rank: int,
    names: Iterable[tuple[int, str, str | None]],
) -> tuple[list[tuple[int, NameForms]], list[KeyRow]]:
    """Compute the forms and the deduplicated key rows of one entity's names.

    Args:
        entity: the entity's rowid.
        country: its country (selects Turkish keys for Latin names in TR).
        rank: its `key_rank` (orders a key's rows, highest first).
        names: `(name rowid, text, lang)` in priority order: the first name producing a key
            is the one its key row points to.

    Returns:
        `(name rowid, forms)` per name and `(key, country, entity, name rowid, rank)` rows,
        one per key.
    """
    forms: list[tuple[int, NameForms]] = []
    rows: dict[str, KeyRow] = {}
    cc = key_country(country)
    for name_id, text, lang in names:
        keys = name_keys(text, lang, country)
        forms.append((name_id, name_forms(keys)))
        for key in index_keys(keys):
            if key not in rows:
                rows[key] = (key, cc, entity, name_id, rank)
    return forms, list(rows.values())

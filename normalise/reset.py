"""One call to forget every cache, for long-running processes after a rules update."""

from __future__ import annotations

from normalise import (
    clause,
    clitics,
    compass,
    conventions,
    description,
    descriptors,
    facilities,
    fold,
    generic,
    glue,
    keys,
    lookup,
    matres,
    numbers,
    ottoman,
    region,
    rules,
    score,
    skeleton,
    suffixes,
    syllables,
    tokens,
    translit,
    variants,
)
from normalise import fingerprint as _fingerprint


def reset_caches() -> None:
    """Drop cached rule tables, transliterators and memoised keys."""
    for module in (
        clitics,
        rules,
        fold,
        translit,
        conventions,
        skeleton,
        tokens,
        keys,
        generic,
        score,
        compass,
        facilities,
        descriptors,
        description,
        clause,
        suffixes,
        syllables,
        glue,
        lookup,
        matres,
        numbers,
        ottoman,
        region,
        variants,
    ):
        module.reset_caches()
    _fingerprint.rules_fingerprint.cache_clear()

"""A Latin query's marked letters (ü, ş, ā ...): when a name is written with them exactly as
the query is, a name that folds like it without them is another name (`Kudüs`, Turkish for
Jerusalem, is not Indonesia's Kudus)."""

from __future__ import annotations

import unicodedata

from normalise.ranking import Scored, cap_scores

FOLDED_SHARE = 0.9  # at most this share of the best exact match's score


def marked_letters(name: str) -> frozenset[str]:
    """Return the lower-case Latin letters of a name that are a letter and a mark (ü, ş, ā:
    their canonical decomposition), or none. Not the letters of their own, as Turkish ı: the
    sources themselves write it and i alike (Çığlı and Çiğli, one village in GeoNames)."""
    if name.isascii():
        return frozenset()
    return frozenset(
        letter
        for letter in unicodedata.normalize("NFC", name.lower())
        if not letter.isascii()
        and unicodedata.name(letter, "").startswith("LATIN ")
        and unicodedata.decomposition(letter)[:1] not in ("", "<")
    )


def prefer_exact(best: dict[str, Scored], letters: frozenset[str]) -> None:
    """Rank each candidate found only by the query's folded key, whose name lacks a marked
    letter of the query (`letters`), below a candidate found by its exact key: at most
    `FOLDED_SHARE` of that candidate's score. Jerusalem's Turkish name is `Kudüs`; folded,
    the query met Kudus too, a city of Indonesia, and ranked it first by its size."""
    if not letters:
        return
    exact = max((s.score for s in best.values() if s.row.key[:1] == "x"), default=None)
    if exact is None:
        return
    cap_scores(
        best,
        FOLDED_SHARE * exact,
        lambda s: s.row.key[:1] == "f" and not letters <= set(s.row.name_text.lower()),
    )

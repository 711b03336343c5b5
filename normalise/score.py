"""Scoring one candidate name against one reading of a query.

Spellings of one Arabic name differ in vowels, conventions and the article, which the keys
have already folded away; what is left to compare is the consonant skeleton (cheap for vowel
colour, doubled letters, ta marbuta; expensive for a real consonant change) and the canonical
spelling with its vowels (which separates Hama from Homs). Across scripts only the skeleton is
reliable, since Arabic leaves short vowels unwritten.

The comparison is a set of named features combined by a logistic model whose weights are data
(`lexicons/rules/scoring.tsv`), fitted on the dev split of the accuracy protocol by
`bench/train_scoring.py`. The score is the model's probability that the candidate is right.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from rapidfuzz.distance import Indel, JaroWinkler, Levenshtein

from normalise.match import CandidateRow
from normalise.rules import Row, load_rows
from normalise.variants import Reading

FEATURES: tuple[str, ...] = (
    "bias",
    "skeleton",  # normalised Levenshtein similarity of the skeletons
    "spelling_jw",  # Jaro-Winkler of the canonical spellings (vowels kept)
    "spelling_indel",  # Indel similarity of the canonical spellings
    "cross_script",  # one side Arabic script, the other not
    "cross_skeleton",  # cross_script * skeleton
    "cross_spelling",  # cross_script * spelling_jw
    "exact",  # found by the exact or folded key with the query's own reading
    "skeleton_equal",
    "variant",  # the reading needed an alternate rule, a glossary term or a glued article
    "token_only",  # found by a token key only
    "first_class",  # skeletons start with the same class
    "length_ratio",  # shorter skeleton length / longer
    "population",  # log10(population + 1) / 6, at most 1
    "canonical",  # the matched name is the entity's canonical name
    "country",  # +1 same country as the hint, -1 other, 0 no hint
    "admin1",  # +1 same admin1 as the hint, -1 other, 0 no hint or unknown
    "kind",  # -1 when the hint names another kind
)


@dataclass(frozen=True, slots=True)
class Context:
    """What the caller knows beyond the name."""

    country: str | None = None
    admin1: str | None = None
    kind: str | None = None


def is_arabic_text(text: str) -> bool:
    """Return True if `text` contains Arabic-script letters (U+0600..U+06FF)."""
    return not text.isascii() and any("\u0600" <= c <= "\u06ff" for c in text)


def features(
    reading: Reading, row: CandidateRow, cross: bool, primary: bool, context: Context
) -> list[float]:
    """Return the feature vector (ordered as `FEATURES`) of a reading against a candidate."""
    qs, ns = reading.skeleton, row.skeleton
    skeleton = Levenshtein.normalized_similarity(qs, ns) if qs and ns else 0.0
    qp, np_ = reading.phonetic.replace(" ", ""), row.phonetic.replace(" ", "")
    jw = JaroWinkler.normalized_similarity(qp, np_)
    indel = Indel.normalized_similarity(qp, np_)
    c = 1.0 if cross else 0.0
    family = row.key[:1]
    country = 0.0
    if context.country is not None:
        country = 1.0 if row.country == context.country else -1.0
    admin1 = 0.0
    if context.admin1 is not None and row.admin1 is not None:
        admin1 = 1.0 if row.admin1 == context.admin1 else -1.0
    kind = -1.0 if context.kind is not None and row.kind != context.kind else 0.0
    population = min(1.0, math.log10((row.population or 0) + 1) / 6)
    return [
        1.0,
        skeleton,
        jw,
        indel,
        c,
        c * skeleton,
        c * jw,
        1.0 if primary and family in ("x", "f") else 0.0,
        1.0 if qs and qs == ns else 0.0,
        0.0 if reading.reason is None else 1.0,
        1.0 if family == "t" else 0.0,
        1.0 if qs and ns and qs[0] == ns[0] else 0.0,
        min(len(qs), len(ns)) / max(len(qs), len(ns), 1),
        population,
        1.0 if row.name_kind == "canonical" else 0.0,
        country,
        admin1,
        kind,
    ]


# Features of the decision model: is the top candidate of a query right? Read from the same
# table with the prefix `confidence.`; `confidence.threshold` is the cut calibrated on dev.
CONFIDENCE_FEATURES: tuple[str, ...] = (
    "bias",
    "top",  # the top candidate's score
    "lead",  # its lead over the next entity's score
    "log_odds_lead",  # the same lead in log-odds
    "skeleton_equal",
    "exact",
    "cross_script",
    "spelling_indel",
    "variant",
    "candidates",  # log10(number of candidate entities + 1)
    "hint",  # 1 when a country hint was given
)
THRESHOLD = "confidence.threshold"
_KNOWN = {*FEATURES, *(f"confidence.{f}" for f in CONFIDENCE_FEATURES), THRESHOLD}


def _logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


def confidence_features(
    top: float, second: float, top_features: list[float], candidates: int, hint: bool
) -> list[float]:
    """Return the decision-model features of a query's top candidate."""
    index = {name: i for i, name in enumerate(FEATURES)}
    return [
        1.0,
        top,
        top - second,
        _logit(top) - _logit(second) if second > 0 else _logit(top) + 9.0,
        top_features[index["skeleton_equal"]],
        top_features[index["exact"]],
        top_features[index["cross_script"]],
        top_features[index["spelling_indel"]],
        top_features[index["variant"]],
        math.log10(candidates + 1),
        1.0 if hint else 0.0,
    ]


def _weight(row: Row) -> tuple[str, float]:
    name = row["feature"]
    if name not in _KNOWN:
        raise row.error(f"unknown feature {name!r}; known: {', '.join(sorted(_KNOWN))}")
    try:
        return name, float(row["weight"])
    except ValueError as exc:
        raise row.error(f"weight {row['weight']!r} is not a number") from exc


@cache
def _table() -> dict[str, float]:
    rows = load_rows("scoring.tsv")
    table = dict(_weight(row) for row in rows)
    missing = sorted(_KNOWN - set(table))
    if missing:
        raise rows[-1].error(f"missing weights for {', '.join(missing)}")
    return table


def weights() -> tuple[float, ...]:
    """Return the candidate model's weights in `FEATURES` order (all required)."""
    table = _table()
    return tuple(table[f] for f in FEATURES)


def confidence_weights() -> tuple[tuple[float, ...], float]:
    """Return the decision model's weights (`CONFIDENCE_FEATURES` order) and threshold."""
    table = _table()
    return tuple(table[f"confidence.{f}"] for f in CONFIDENCE_FEATURES), table[THRESHOLD]


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def combine(values: list[float]) -> float:
    """Return the candidate model's probability for a feature vector."""
    return _sigmoid(sum(w * v for w, v in zip(weights(), values, strict=True)))


def confidence(values: list[float]) -> float:
    """Return the decision model's probability that the top candidate is right."""
    ws, _ = confidence_weights()
    return _sigmoid(sum(w * v for w, v in zip(ws, values, strict=True)))


def reset_caches() -> None:
    """Forget the loaded weights."""
    _table.cache_clear()

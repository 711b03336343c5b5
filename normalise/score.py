"""Scoring a candidate name and deciding on a query's top candidate: the decision model's
features, and both models' weights and the probabilities they give.

The comparison is a set of named features combined by a logistic model whose weights are data
(`lexicons/rules/scoring.tsv`), fitted on the dev split of the accuracy protocol by
`bench/train_scoring.py`. The score is the model's probability that the candidate is right.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Mapping
from functools import cache

from normalise import forms, matres
from normalise.features import FEATURES
from normalise.rules import Row, load_rows

# Features of the decision model: is the top candidate of a query right? Read from the same
# table with the prefix `confidence.`; `confidence.threshold` is the cut calibrated on dev.
CONFIDENCE_FEATURES: tuple[str, ...] = (
    "bias",
    "top_log_odds",  # the top candidate's score in log-odds
    "lead_log_odds",  # its lead over the next entity in log-odds (a missing next counts
    # as `FLOOR`, so a lone weak candidate gains no lead)
    "lead",  # the lead in probability
    "lone",  # 1 when the top candidate is the only one
    "candidates",  # log10(number of candidate entities + 1)
    "hint",  # 1 when a country hint was given
    # the top candidate's own features:
    "skeleton",
    "skeleton_equal",
    "exact",
    "spelling_equal",
    "cross_script",
    "spelling_jw",
    "spelling_indel",
    "vowel_indel",
    "variant",
    "token_only",
    "token_overlap",
    "length_ratio",
    "population",
    "no_population",
    "canonical",
    "bare",
    "query_length",
)
THRESHOLD = "confidence.threshold"
_KNOWN = {*FEATURES, *(f"confidence.{f}" for f in CONFIDENCE_FEATURES), THRESHOLD}
FLOOR = 1e-3  # the least score a runner-up counts as
LOG_ODDS_LIMIT = 12.0
_COPIED = tuple(FEATURES.index(f) for f in CONFIDENCE_FEATURES[7:])


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def lead_log_odds(top: float, second: float) -> float:
    """Return the top candidate's lead over the next in log-odds (a missing or weaker next
    counts as `FLOOR`), at most `LOG_ODDS_LIMIT`."""
    return min(LOG_ODDS_LIMIT, _logit(top) - _logit(max(second, FLOOR)))


def confidence_features(
    top: float, second: float, top_features: list[float], candidates: int, hint: bool
) -> list[float]:
    """Return the decision-model features of a query's top candidate."""
    return [
        1.0,
        _logit(top),
        lead_log_odds(top, second),
        top - second,
        1.0 if candidates == 1 else 0.0,
        math.log10(candidates + 1),
        1.0 if hint else 0.0,
        *(top_features[i] for i in _COPIED),
    ]


def _weight(row: Row) -> tuple[str, float]:
    name = row["feature"]
    if name not in _KNOWN:
        raise row.error(f"unknown feature {name!r}; known: {', '.join(sorted(_KNOWN))}")
    try:
        return name, float(row["weight"])
    except ValueError as exc:
        raise row.error(f"weight {row['weight']!r} is not a number") from exc


_override: dict[str, float] | None = None


@cache
def _table() -> dict[str, float]:
    if _override is not None:
        return dict(_override)
    rows = load_rows("scoring.tsv")
    table = dict(_weight(row) for row in rows)
    missing = sorted(_KNOWN - set(table))
    if missing:
        raise rows[-1].error(f"missing weights for {', '.join(missing)}")
    return table


@cache
def weights() -> tuple[float, ...]:
    """Return the candidate model's weights in `FEATURES` order (all required)."""
    table = _table()
    return tuple(table[f] for f in FEATURES)


@cache
def confidence_weights() -> tuple[tuple[float, ...], float]:
    """Return the decision model's weights (`CONFIDENCE_FEATURES` order) and threshold."""
    table = _table()
    return tuple(table[f"confidence.{f}"] for f in CONFIDENCE_FEATURES), table[THRESHOLD]


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def combine(values: list[float]) -> float:
    """Return the candidate model's probability for a feature vector."""
    return _sigmoid(sum(map(operator.mul, weights(), values)))


def confidence(values: list[float]) -> float:
    """Return the decision model's probability that the top candidate is right."""
    return _sigmoid(sum(map(operator.mul, confidence_weights()[0], values)))


def use_weights(table: Mapping[str, float] | None) -> None:
    """Score with `table` (feature name -> weight, as in `scoring.tsv`) instead of the file;
    None goes back to the file. For fitting the weights without rewriting the table."""
    global _override
    if table is not None:
        missing = sorted(_KNOWN - set(table))
        if missing:
            raise ValueError(f"missing weights for {', '.join(missing)}")
    _override = None if table is None else dict(table)
    reset_caches()


def reset_caches() -> None:
    """Forget the loaded weights and the cached forms of candidate names."""
    _table.cache_clear()
    weights.cache_clear()
    confidence_weights.cache_clear()
    forms.reset_caches()
    matres.reset_caches()

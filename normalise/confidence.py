"""The decision model's features: a query's top candidate's score, its lead over the next
entity and its own candidate-model features."""

from __future__ import annotations

import math

from normalise.features import FEATURES

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

"""The decision model's features: a query's top candidate's score, its lead over the next
entity and its own candidate-model features."""

from __future__ import annotations

import math
from collections.abc import Sequence

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
    "candidates",  # log10(number of plausible candidate entities + 1): scoring `PLAUSIBLE`
    # or more (the top always counts)
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
# The least score of a candidate the `candidates` feature counts. The lookup reads a key's most
# populous rows whatever they score, so the raw count grew with the lexicon's density, not with
# the query's rivals: OCHA's 5,311 communities of Syria added candidates scoring 0.001-0.01 to
# most Syrian queries, and a clear lead (`Cerablus`, Jarābulus at 0.97, the next at 0.03) was
# unsure for 17 candidates. On dev (its lexicons without them): 178 more confident answers, one
# wrong (`Alpıköy`, its namesake twin); the Q3 names unchanged; with each dev place left out of
# the lexicon, 0.89% of the names it no longer holds answered confidently, against 0.84%.
PLAUSIBLE = 0.01
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
    scores: Sequence[float], top_features: list[float], hint: bool, found: int | None = None
) -> list[float]:
    """Return the decision-model features of a query's top candidate, from the scores of its
    ranked candidates (best first, at least one) and the top's own features. `found`: how
    many candidates the lookup found, when the rivals weighed are fewer (the caller's context
    ruled some out): the top is lone only when it was found alone (default: `len(scores)`)."""
    top = scores[0]
    second = scores[1] if len(scores) > 1 else 0.0
    plausible = max(1, sum(1 for score in scores if score >= PLAUSIBLE))
    return [
        1.0,
        _logit(top),
        lead_log_odds(top, second),
        top - second,
        1.0 if (len(scores) if found is None else found) == 1 else 0.0,
        math.log10(plausible + 1),
        1.0 if hint else 0.0,
        *(top_features[i] for i in _COPIED),
    ]

"""The weights of the candidate and decision models, read from one table, and the
probabilities they give.

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
from normalise.confidence import CONFIDENCE_FEATURES
from normalise.features import FEATURES
from normalise.rules import Row, load_rows

THRESHOLD = "confidence.threshold"
_KNOWN = {*FEATURES, *(f"confidence.{f}" for f in CONFIDENCE_FEATURES), THRESHOLD}


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

"""Fixtures of the bench scripts' tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from normalise.lexicon import Lexicon


@pytest.fixture
def one_place(tmp_path: Path) -> Callable[..., Path]:
    """Return a function that builds a lexicon of one Syrian place with these names (the
    first canonical, the others variants) and returns its path."""

    def build(entity_id: str, *names: str) -> Path:
        path = tmp_path / "small.lexicon"
        kinds = ["canonical", *["variant"] * (len(names) - 1)]
        entity = {
            "id": entity_id,
            "kind": "place",
            "country": "SY",
            "names": [{"text": t, "kind": k} for t, k in zip(names, kinds, strict=True)],
        }
        with Lexicon.create(path) as lex:
            lex.apply([{"op": "upsert", "entity": entity}])
        return path

    return build

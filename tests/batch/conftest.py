"""Fixtures for batch tests: a small real lexicon."""

from __future__ import annotations

from pathlib import Path

import pytest
from batchdata import ENTITIES

from normalise.lexicon import Lexicon


@pytest.fixture()
def lexicon(tmp_path: Path) -> Path:
    """A lexicon file with Kafr Zaytā, Suran and Istanbul."""
    path = tmp_path / "small.lexicon"
    lex = Lexicon.create(path)
    lex.apply([{"op": "upsert", "entity": entity} for entity in ENTITIES])
    lex.close()
    return path

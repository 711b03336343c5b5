"""Fixtures for lexicon tests: small stores built with real batches."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from normalise.lexicon import Lexicon

KAFR_ZITA: dict[str, Any] = {
    "id": "geonames:168620",
    "kind": "place",
    "country": "SY",
    "admin1": "10",
    "population": 12000,
    "names": [
        {"text": "Kafr Zita", "lang": "en", "kind": "canonical", "source": "geonames"},
        {"text": "كفر زيتا", "lang": "ar", "kind": "official", "source": "geonames"},
        {"text": "Kafrzeita", "kind": "variant", "source": "press:en"},
    ],
}
SURAN: dict[str, Any] = {
    "id": "geonames:163345",
    "kind": "place",
    "country": "SY",
    "admin1": "10",
    "names": [{"text": "Suran", "kind": "canonical"}, {"text": "صوران", "lang": "ar"}],
}
TURKEY: dict[str, Any] = {
    "id": "iso3166:TR",
    "kind": "country",
    "country": "TR",
    "names": [{"text": "Türkiye", "lang": "en", "kind": "canonical"}, {"text": "Turkey"}],
}


def upsert(entity: dict[str, Any]) -> dict[str, Any]:
    """Return an upsert op for `entity`."""
    return {"op": "upsert", "entity": entity}


@pytest.fixture()
def lex(tmp_path: Path) -> Iterator[Lexicon]:
    """A store holding Kafr Zita, Suran and Türkiye (version 1)."""
    store = Lexicon.create(tmp_path / "test.lexicon")
    store.apply([upsert(KAFR_ZITA), upsert(SURAN), upsert(TURKEY)], batch_id="seed")
    yield store
    store.close()


@pytest.fixture()
def kafr_zita() -> dict[str, Any]:
    """A fresh copy of the Kafr Zita entity."""
    return copy.deepcopy(KAFR_ZITA)

"""Fixtures for the HTTP service: the REAL app under uvicorn on 127.0.0.1 (random port), in a
background thread, over a small lexicon built through the batch API (see svc_helpers).

Fixtures are the smallest that work: one module-scoped server for reads; tests that write use
entities of their own, or start their own server.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from svc_helpers import Server, make_lexicon, settings_for


@pytest.fixture(scope="module")
def lexicon_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_lexicon(tmp_path_factory.mktemp("svc") / "small.lexicon")


@pytest.fixture(scope="module")
def server(lexicon_path: Path) -> Iterator[Server]:
    with Server(settings_for(lexicon_path, max_names=20, max_body_bytes=200_000,
                             max_batch_ops=50)) as running:
        yield running


@pytest.fixture()
def client(server: Server) -> Iterator[httpx.Client]:
    with server.client() as c:
        yield c

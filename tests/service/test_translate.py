"""Machine translation through the HTTP service: `/v1/resolve` with `translate`, and `/version`
listing the installed models. The real app under uvicorn with a real (tiny) argos model,
installed by `normalise models install`; no connection leaves 127.0.0.1."""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from svc_helpers import Server, make_lexicon, settings_for

# The model builder and the network recorder live with the translation tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "translate"))
from empty_network import EmptyNetwork
from tiny_model import PHRASE, build_argosmodel

from normalise.cli import cli
from normalise.lexicon import Lexicon

HTS = "nz:org/hayat-tahrir-al-sham"
HTS_QUERY = "لجنة تحرير الشام"  # "Levant Liberation Committee", what the model answers


@pytest.fixture(autouse=True)
def empty_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[EmptyNetwork]:
    network = EmptyNetwork()
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> None:
        network.check(address)
        real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    yield network
    assert network.attempts == [], f"network connections attempted: {network.attempts}"


@pytest.fixture(scope="module")
def models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    workdir = tmp_path_factory.mktemp("svc_model")
    model = build_argosmodel(workdir / "ar_en.argosmodel", workdir, PHRASE)
    target = workdir / "models"
    args = ["models", "install", str(model), "--models-dir", str(target)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return target


@pytest.fixture(scope="module")
def lexicon_with_hts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = make_lexicon(tmp_path_factory.mktemp("svc_mt") / "mt.lexicon")
    with Lexicon.open(path) as lex:
        names = [{"text": PHRASE, "lang": "en", "kind": "canonical"}]
        lex.apply([{"op": "upsert", "entity": {"id": HTS, "kind": "organisation", "names": names}}])
    return path


@pytest.fixture(scope="module")
def mt_server(lexicon_with_hts: Path, models_dir: Path) -> Iterator[Server]:
    with Server(settings_for(lexicon_with_hts, models_dir=models_dir)) as running:
        yield running


def resolve(server: Server, body: dict[str, Any]) -> list[dict[str, Any]]:
    with server.client() as client:
        answer = client.post("/v1/resolve", json=body)
    assert answer.status_code == 200, answer.text
    results: list[dict[str, Any]] = answer.json()["results"][0]
    return results


def test_translate_flag_finds_the_entity_through_translation(mt_server: Server) -> None:
    top = resolve(mt_server, {"queries": [{"name": HTS_QUERY}], "translate": True})[0]
    assert top["id"] == HTS
    assert top["match"] is False
    assert "translated:ar→en" in top["why"]
    assert f"translation:{PHRASE}" in top["why"]


def test_translation_is_off_by_default(mt_server: Server) -> None:
    results = resolve(mt_server, {"queries": [{"name": HTS_QUERY}]})
    assert HTS not in [m["id"] for m in results]
    explicit = resolve(mt_server, {"queries": [{"name": HTS_QUERY}], "translate": False})
    assert explicit == results
    # The flag is part of the cache key: a translated answer is not served to the untranslated.
    resolve(mt_server, {"queries": [{"name": HTS_QUERY}], "translate": True})
    assert resolve(mt_server, {"queries": [{"name": HTS_QUERY}]}) == results


def test_version_lists_installed_models(mt_server: Server) -> None:
    with mt_server.client() as client:
        data = client.get("/version").json()
    assert data["models"] == [
        {"name": "translate-ar_en-0_1", "from": "ar", "to": "en", "version": "0.1"}
    ]


def test_no_models_installed(lexicon_with_hts: Path, tmp_path: Path) -> None:
    settings = settings_for(lexicon_with_hts, models_dir=tmp_path / "no-models")
    with Server(settings) as server:
        with server.client() as client:
            assert client.get("/version").json()["models"] == []
        results = resolve(server, {"queries": [{"name": HTS_QUERY}], "translate": True})
    assert HTS not in [m["id"] for m in results]


def test_models_dir_from_the_environment(monkeypatch: pytest.MonkeyPatch, models_dir: Path) -> None:
    from service.settings import Settings

    monkeypatch.setenv("NORMALISE_MODELS_DIR", str(models_dir))
    assert Settings().models_dir == models_dir

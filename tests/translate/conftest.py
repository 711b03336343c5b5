"""Fixtures for the machine-translation tests: a tiny real model, a private home, no network.

Every test here runs in an "empty network": connecting anywhere but 127.0.0.1 or ::1 raises,
and the test fails afterwards even if the code under test swallowed the error.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from empty_network import EmptyNetwork
from tiny_model import OTHER_PHRASE, PHRASE, build_argosmodel


@pytest.fixture(autouse=True)
def empty_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[EmptyNetwork]:
    network = EmptyNetwork()
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_create_connection = socket.create_connection

    def connect(self: socket.socket, address: Any) -> None:
        network.check(address)
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        network.check(address)
        return real_connect_ex(self, address)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        network.check(address)
        return real_create_connection(address, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    yield network
    assert network.attempts == [], f"network connections attempted: {network.attempts}"


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point HOME and every XDG folder at a temp dir, so nothing lands in the real home."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config")):
        monkeypatch.setenv(name, str(tmp_path / "xdg" / sub))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg" / "cache"))
    for name in ("NORMALISE_CACHE_DIR", "NORMALISE_MODELS_DIR", "ARGOS_PACKAGES_DIR"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture(scope="session")
def ar_en_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real ar→en `.argosmodel` whose model answers "Levant Liberation Committee"."""
    workdir = tmp_path_factory.mktemp("ar_en_build")
    return build_argosmodel(workdir / "translate-ar_en.argosmodel", workdir, phrase=PHRASE)


@pytest.fixture(scope="session")
def ar_en_model_v2(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A second ar→en package (another phrase), to test that installing replaces a model."""
    workdir = tmp_path_factory.mktemp("ar_en_v2_build")
    return build_argosmodel(workdir / "translate-ar_en-v2.argosmodel", workdir, OTHER_PHRASE)


@pytest.fixture
def models_dir(tmp_path: Path) -> Path:
    return tmp_path / "models"

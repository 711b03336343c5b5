"""Helpers for the HTTP service tests: the REAL app under uvicorn on 127.0.0.1 (random port), in a
background thread, over a small lexicon built through the batch API. Tests talk HTTP (httpx).

Fixtures are the smallest that work: one module-scoped server for reads; tests that write use
entities of their own, or start their own server.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from normalise.lexicon import Lexicon
from service.app import create_app
from service.settings import Settings

WRITE_TOKEN = "write-token-for-tests"
READ_TOKEN = "read-token-for-tests"
SCHEMAS = Path(__file__).resolve().parents[3] / "shared" / "recon-schemas" / "0.2" / "schemas"

PLACES = [
    ("geonames:168620", "SY", "10", 21845, ["Kafr Zaytā", "Kafr Zita", "كفر زيتا"]),
    ("geonames:163915", "SY", "10", 30716, ["Şūrān", "صوران"]),
    ("geonames:163913", "SY", "09", 2000, ["Şūrān", "صوران"]),
    ("geonames:169389", "SY", "12", 128840, ["Idlib", "إدلب"]),
    ("geonames:173334", "SY", "12", 40000, ["Jisr ash Shughūr", "جسر الشغور"]),
    ("geonames:166227", "SY", "10", 0, ["Qal‘at al Maḑīq", "قلعة المضيق"]),
]


def upsert(entity_id: str, country: str, admin1: str, population: int,
           names: list[str], kind: str = "place") -> dict[str, Any]:
    return {
        "op": "upsert",
        "entity": {
            "id": entity_id, "kind": kind, "country": country, "admin1": admin1,
            "population": population,
            "names": [{"text": n, "kind": "canonical" if i == 0 else "variant"}
                      for i, n in enumerate(names)],
        },
    }


def make_lexicon(path: Path) -> Path:
    lex = Lexicon.create(path)
    lex.apply([upsert(*p) for p in PLACES])
    lex.apply([
        upsert("nz:place/old-idlib", "SY", "12", 1, ["Old Idleb"]),
        upsert("nz:place/gone", "SY", "12", 1, ["Gonetown"]),
    ])
    lex.apply([
        {"op": "merge", "from": "nz:place/old-idlib", "into": "geonames:169389"},
        {"op": "delete", "id": "nz:place/gone"},
    ])
    lex.close()
    return path


class Server:
    """A uvicorn server running `create_app(settings)` in a thread."""

    def __init__(self, settings: Settings) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.app = create_app(settings)
        config = uvicorn.Config(self.app, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("server did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()

    def client(self, token: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=60)


def settings_for(path: Path, **extra: Any) -> Settings:
    return Settings(
        lexicon=path, write_tokens=[WRITE_TOKEN], read_tokens=[READ_TOKEN], **extra
    )

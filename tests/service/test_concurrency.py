"""Live updates: while a 10,000-op batch is applied through the API, 4 client threads keep
resolving; no request fails, each answer comes from one lexicon version, and the requests after
the commit see the new version without a restart."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
from svc_helpers import WRITE_TOKEN, Server, make_lexicon, settings_for, upsert

from normalise.lexicon import Lexicon


def test_resolving_during_a_large_batch(tmp_path: Path) -> None:
    path = make_lexicon(tmp_path / "live.lexicon")
    ops = [upsert(f"nz:place/bulk-{i}", "SY", "12", i, [f"Bulkabad {i}"]) for i in range(9_999)]
    ops.append(upsert("nz:place/marker", "SY", "12", 7, ["Zanzibarq Marker"]))
    queries = {"queries": [{"name": "Zanzibarq Marker"}, {"name": "Kafrzeita"}]}
    stop = threading.Event()
    answers: list[tuple[int, bool, str]] = []
    finished: list[float] = []
    failures: list[str] = []
    with Server(settings_for(path)) as server:
        with server.client() as probe:
            old = probe.get("/version").json()["lexicon_version"]

        def reader() -> None:
            with server.client() as client:
                while not stop.is_set():
                    try:
                        response = client.post("/v1/resolve", json=queries)
                    except httpx.HTTPError as exc:
                        failures.append(repr(exc))
                        continue
                    if response.status_code != 200:
                        failures.append(response.text)
                        continue
                    data = response.json()
                    marker = [m["id"] for m in data["results"][0]]
                    top = data["results"][1][0]["id"] if data["results"][1] else ""
                    answers.append(
                        (data["lexicon_version"], "nz:place/marker" in marker, top))
                    finished.append(time.monotonic())

        threads = [threading.Thread(target=reader) for _ in range(4)]
        for thread in threads:
            thread.start()
        time.sleep(0.3)
        with server.client(WRITE_TOKEN) as writer:
            posted = time.monotonic()
            report = writer.post("/v1/lexicon/batches", json={"ops": ops})
            answered = time.monotonic()
        time.sleep(0.5)
        stop.set()
        for thread in threads:
            thread.join()
        assert report.status_code == 200, report.text
        new = report.json()["version"]
        with server.client() as probe:
            after = probe.post("/v1/resolve", json=queries).json()
    assert not failures, failures[:3]
    assert sum(posted < at < answered for at in finished) >= 4  # reads went on during the batch
    assert new == old + 1
    versions = {v for v, _, _ in answers}
    assert versions <= {old, new} and old in versions and new in versions
    for version, has_marker, top in answers:
        assert has_marker == (version == new)  # one version per answer, never a mix
        assert top == "geonames:168620"
    assert after["lexicon_version"] == new
    assert after["results"][0][0]["id"] == "nz:place/marker"
    with Lexicon.open(path, readonly=True) as lex:
        assert lex.version == new and lex.status("nz:place/bulk-9998") == "active"


def test_batch_from_another_process_is_seen_without_restart(tmp_path: Path) -> None:
    path = make_lexicon(tmp_path / "other.lexicon")
    with Server(settings_for(path)) as server, server.client() as client:
        before = client.post("/v1/resolve", json={"queries": [{"name": "Quxville"}]}).json()
        assert before["results"] == [[]]
        with Lexicon.open(path) as writer:  # another writer on the same file
            writer.apply([upsert("nz:place/qux", "SY", "12", 3, ["Quxville"])])
        after = client.post("/v1/resolve", json={"queries": [{"name": "Quxville"}]}).json()
        assert after["lexicon_version"] == before["lexicon_version"] + 1
        assert after["results"][0][0]["id"] == "nz:place/qux"

"""Every route over real HTTP, with its error answers."""

from __future__ import annotations

from pathlib import Path

import httpx
from svc_helpers import READ_TOKEN, WRITE_TOKEN, Server, settings_for, upsert

import normalise
from normalise import Normaliser


def assert_error(response: httpx.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error", "message", "status", "details"}
    assert body["status"] == status
    return body


def test_health_ready_version(client: httpx.Client) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["ready"] is True
    version = client.get("/version").json()
    assert version["version"] == normalise.__version__
    assert version["rules_fingerprint"] == normalise.rules_fingerprint()
    assert version["lexicon_version"] >= 3


def test_metrics_count_routes_and_show_lexicon_version(client: httpx.Client) -> None:
    client.post("/v1/resolve", json={"queries": [{"name": "Idlib"}]})
    text = client.get("/metrics").text
    assert 'normalise_http_requests_total{route="/v1/resolve",method="POST",status="200"}' in text
    assert 'normalise_http_request_duration_seconds_bucket{route="/v1/resolve"' in text
    assert "normalise_lexicon_version " in text


def test_resolve_keeps_order_and_context(client: httpx.Client, lexicon_path: Path) -> None:
    body = {"queries": [{"name": "Kafrzeita"}, {"name": "Sooran", "country": "sy",
                                                 "admin1": "09"}, {"name": "zzzqqq"}]}
    response = client.post("/v1/resolve", json=body)
    assert response.status_code == 200
    data = response.json()
    with Normaliser.open(lexicon_path) as nz:
        expected = [[m.to_dict() for m in nz.resolve("Kafrzeita")],
                    [m.to_dict() for m in nz.resolve("Sooran", country="SY", admin1="09")],
                    [m.to_dict() for m in nz.resolve("zzzqqq")]]
    assert data["results"] == expected
    assert data["results"][0][0]["id"] == "geonames:168620"
    assert response.headers["X-Lexicon-Version"] == str(data["lexicon_version"])
    first = data["results"][0][0]
    assert set(first) == {"id", "name", "kind", "country", "score", "match", "why",
                          "matched_name", "confidence"}
    assert first["match"] and first["confidence"] >= 0.9  # Kafrzeita: the seed's village
    assert all(m["confidence"] == 0 for m in data["results"][1][1:])


def test_normalise_and_transliterate(client: httpx.Client) -> None:
    data = client.post("/v1/normalise", json={"names": ["Kafrzeita", "كفر زيتا"]}).json()
    assert [r["keys"]["skeleton"] for r in data["results"]] == ["KFRZT", "KFRZT"]
    tr = client.post("/v1/transliterate", json={"text": "جسر الشغور"}).json()
    assert tr["result"] and tr["result"].isascii()
    assert_error(client.post("/v1/transliterate", json={"text": "x", "target": "Klingon"}), 422)


def test_entities_redirect_tombstone_unknown(client: httpx.Client) -> None:
    ok = client.get("/v1/entities/geonames:168620").json()
    assert ok["entity"]["id"] == "geonames:168620" and ok["redirected_from"] is None
    merged = client.get("/v1/entities/nz:place/old-idlib").json()
    assert merged["entity"]["id"] == "geonames:169389"
    assert merged["redirected_from"] == "nz:place/old-idlib"
    assert assert_error(client.get("/v1/entities/nz:place/gone"), 410)["error"] == "gone"
    assert_error(client.get("/v1/entities/geonames:0"), 404)


def test_unknown_route_and_method(client: httpx.Client) -> None:
    assert_error(client.get("/nope"), 404)
    assert_error(client.get("/v1/resolve"), 405)


def test_malformed_json_and_schema_errors(client: httpx.Client) -> None:
    bad = client.post("/v1/resolve", content=b'{"queries": [', headers={
        "Content-Type": "application/json"})
    assert assert_error(bad, 422)["message"] == "malformed JSON body"
    assert_error(client.post("/v1/resolve", json={"queries": [{"nom": "x"}]}), 422)
    assert_error(client.post("/v1/resolve", json={"queries": [{"name": "x", "kind": "cat"}]}),
                 422)
    country = client.post("/v1/resolve", json={"queries": [{"name": "Idlib", "country": "Syria"}]})
    assert "ISO 3166-1 alpha-2" in str(assert_error(country, 422)["message"])
    admin1 = client.post("/v1/resolve", json={"queries": [
        {"name": "Suran", "country": "SY", "admin1": "Nowhere"}]})
    assert "names no first-level division" in str(assert_error(admin1, 422)["message"])
    # in a batch, the error says which query: its index, as a schema error's `loc` does
    second = assert_error(client.post("/v1/resolve", json={"queries": [
        {"name": "Idlib", "country": "SY"}, {"name": "Idlib", "country": "Syria"}]}), 422)
    assert str(second["message"]).startswith("queries[1]: country must be")
    assert second["details"][0]["loc"] == ["body", "queries", 1]


def test_limits(client: httpx.Client) -> None:
    many = client.post("/v1/resolve", json={"queries": [{"name": "Idlib"}] * 21})
    assert "limit is 20" in assert_error(many, 413)["message"]
    long = client.post("/v1/normalise", json={"names": ["a" * 513]})
    assert "512" in assert_error(long, 422)["message"]
    huge = client.post("/v1/normalise", json={"names": ["a" * 300_000]})
    assert_error(huge, 413)


def test_invisible_characters_are_escaped(client: httpx.Client) -> None:
    response = client.post("/v1/normalise", json={"names": ["Id\u202elib\u200f"]})
    assert response.status_code == 200
    assert "\u202e" not in response.text and "\u200f" not in response.text
    assert "\\u202e" in response.text
    assert response.json()["results"][0]["text"] == "Id\u202elib\u200f"
    error = client.get("/v1/entities/x\u202ey")
    assert "\u202e" not in error.text


def test_auth_on_write_route(server: Server, client: httpx.Client) -> None:
    ops = {"ops": [upsert("nz:place/auth", "SY", "12", 5, ["Authville"])]}
    missing = client.post("/v1/lexicon/batches", json=ops)
    assert_error(missing, 401)
    assert missing.headers["WWW-Authenticate"].startswith("Bearer")
    with server.client("wrong") as wrong:
        assert_error(wrong.post("/v1/lexicon/batches", json=ops), 401)
    with server.client(READ_TOKEN) as reader:
        assert assert_error(reader.post("/v1/lexicon/batches", json=ops), 403)["error"] == (
            "forbidden")
    assert client.get("/v1/entities/nz:place/auth").status_code == 404


def test_batch_apply_dry_run_idempotent_and_record(server: Server, client: httpx.Client) -> None:
    op = upsert("nz:place/newtown", "SY", "12", 5, ["Newtown Qasr"])
    with server.client(WRITE_TOKEN) as writer:
        dry = writer.post("/v1/lexicon/batches", json={"ops": [op], "dry_run": True}).json()
        assert dry["dry_run"] is True and dry["applied"] is False
        assert client.get("/v1/entities/nz:place/newtown").status_code == 404
        first = writer.post("/v1/lexicon/batches?batch_id=b-1", json=[op])
        assert first.status_code == 200, first.text
        report = first.json()
        assert report["applied"] and report["batch_id"] == "b-1"
        again = writer.post("/v1/lexicon/batches", json={"ops": [op], "batch_id": "b-1"}).json()
        assert again["replayed"] is True and again["version"] == report["version"]
    assert client.get("/version").json()["lexicon_version"] == report["version"]
    found = client.post("/v1/resolve", json={"queries": [{"name": "Newtown Qasr"}]}).json()
    assert found["results"][0][0]["id"] == "nz:place/newtown"
    record = client.get("/v1/lexicon/batches/b-1").json()
    assert record["version"] == report["version"] and record["actor"].startswith("token:")
    assert WRITE_TOKEN not in str(record)
    assert_error(client.get("/v1/lexicon/batches/never"), 404)


def test_batch_as_json_lines(server: Server) -> None:
    import json

    lines = "\n".join(json.dumps(upsert(f"nz:place/jl{i}", "SY", "12", 1, [f"Jeelab {i}"]))
                      for i in range(3))
    with server.client(WRITE_TOKEN) as writer:
        response = writer.post("/v1/lexicon/batches?dry_run=true", content=lines.encode(),
                               headers={"Content-Type": "application/x-ndjson"})
        assert response.status_code == 200, response.text
        assert response.json()["counts"]["upsert"] == 3
        bad = writer.post("/v1/lexicon/batches", content=b'{"op": "delete"\n',
                          headers={"Content-Type": "application/x-ndjson"})
        assert "line 1" in assert_error(bad, 400)["message"]


def test_batch_with_one_invalid_op_writes_nothing(server: Server, client: httpx.Client) -> None:
    before = client.get("/version").json()["lexicon_version"]
    ops = [upsert("nz:place/valid1", "SY", "12", 1, ["Validtown"]),
           {"op": "delete", "id": "nz:place/never-issued"}]
    with server.client(WRITE_TOKEN) as writer:
        body = assert_error(writer.post("/v1/lexicon/batches", json={"ops": ops}), 422)
        assert body["error"] == "batch_rejected"
        assert body["details"] and body["details"][0]["line"] == 2
        assert_error(writer.post("/v1/lexicon/batches", content=b"{oops",
                                 headers={"Content-Type": "application/json"}), 400)
        assert_error(writer.post("/v1/lexicon/batches", json={"ops": [ops[0]] * 51}), 413)
    assert client.get("/version").json()["lexicon_version"] == before
    assert client.get("/v1/entities/nz:place/valid1").status_code == 404


def test_read_token_required_when_configured(lexicon_path: object) -> None:
    from pathlib import Path


    assert isinstance(lexicon_path, Path)
    with Server(settings_for(lexicon_path, require_read_token=True)) as locked:
        with locked.client() as anonymous:
            assert_error(anonymous.post("/v1/resolve", json={"queries": []}), 401)
            assert anonymous.get("/healthz").status_code == 200
        with locked.client(READ_TOKEN) as reader:
            assert reader.post("/v1/resolve", json={"queries": []}).status_code == 200
        with locked.client("nope") as wrong:
            assert_error(wrong.get("/v1/entities/geonames:168620"), 401)


def test_unreadable_lexicon_answers_503(lexicon_path: Path) -> None:
    with Server(settings_for(lexicon_path)) as broken, broken.client() as client:
        broken.app.state.lexicon.nz.close()  # the file can no longer be read
        ready = client.get("/readyz")
        assert ready.status_code == 503 and ready.json()["ready"] is False
        assert assert_error(client.get("/version"), 503)["error"] == "lexicon_unavailable"
        assert_error(client.post("/v1/resolve", json={"queries": [{"name": "Idlib"}]}), 503)
        assert client.get("/healthz").status_code == 200

"""`/reconcile` (W3C Reconciliation API 0.2): every answer validates against the 0.2 schemas
kept in ../shared/recon-schemas (beside the repository)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from svc_helpers import SCHEMAS


def _registry() -> Registry[Any]:
    resources = []
    for path in SCHEMAS.glob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resource = Resource.from_contents(schema, default_specification=_draft7())
        resources.append((schema["$id"], resource))
        resources.append((f"https://reconciliation-api.github.io/specs/0.2/schemas/{path.name}",
                          resource))
    swagger = {"definitions": {"securityDefinitions": {"additionalProperties": {}}}}
    resources.append(("http://swagger.io/v2/schema.json",
                      Resource.from_contents(swagger, default_specification=_draft7())))
    return Registry().with_resources(resources)


def _draft7() -> Any:
    from referencing.jsonschema import DRAFT7

    return DRAFT7


REGISTRY = _registry() if SCHEMAS.is_dir() else None


def validate(name: str, data: Any) -> None:
    if REGISTRY is None:
        pytest.fail(f"reconciliation schemas not found at {SCHEMAS}: put ../shared beside the repo")
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    errors = list(Draft7Validator(schema, registry=REGISTRY).iter_errors(data))
    assert not errors, [e.message for e in errors]


def test_manifest_validates_and_has_cors(client: httpx.Client) -> None:
    response = client.get("/reconcile", headers={"Origin": "https://openrefine.example"})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] in ("*", "https://openrefine.example")
    manifest = response.json()
    validate("manifest.json", manifest)
    assert manifest["versions"] == ["0.2"] and manifest["batchSize"] >= 1
    assert {t["id"] for t in manifest["defaultTypes"]} >= {"place", "country", "organisation"}
    assert manifest["preview"]["url"].endswith("/reconcile/preview?id={{id}}")
    preflight = client.options("/reconcile", headers={
        "Origin": "https://openrefine.example", "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 200


QUERIES = {
    "q0": {"query": "Kafrzeita", "type": "place", "limit": 3},
    "q1": {"query": "Sooran", "properties": [{"pid": "country", "v": "SY"},
                                             {"pid": "admin1", "v": {"id": "09"}}]},
    "q2": {"query": "zzzqqq"},
}


def test_query_batch_by_post_form_and_get(client: httpx.Client) -> None:
    validate("reconciliation-query-batch.json", QUERIES)
    posted = client.post("/reconcile", data={"queries": json.dumps(QUERIES)})
    assert posted.status_code == 200, posted.text
    result = posted.json()
    validate("reconciliation-result-batch.json", result)
    assert set(result) == {"q0", "q1", "q2"}
    top = result["q0"]["result"][0]
    assert top["id"] == "geonames:168620" and len(result["q0"]["result"]) <= 3
    assert top["type"] == [{"id": "place", "name": "Place"}]
    assert {"id": "score", "value": pytest.approx(top["score"] / 100, abs=0.01)} in (
        top["features"])
    assert any(f["id"].startswith("skeleton:") for f in top["features"])
    got = client.get("/reconcile", params={"queries": json.dumps(QUERIES)})
    assert got.status_code == 200 and got.json() == result


def test_type_filters_by_kind(client: httpx.Client) -> None:
    queries = {"q0": {"query": "Kafrzeita", "type": "organisation"}}
    result = client.post("/reconcile", data={"queries": json.dumps(queries)}).json()
    validate("reconciliation-result-batch.json", result)
    assert all(c["type"][0]["id"] == "organisation" for c in result["q0"]["result"])


def test_suggest_entity_type_and_preview(client: httpx.Client) -> None:
    entities = client.get("/reconcile/suggest/entity", params={"prefix": "Kafr"}).json()
    validate("suggest-entities-response.json", entities)
    assert entities["result"][0]["id"] == "geonames:168620"
    empty = client.get("/reconcile/suggest/entity", params={"prefix": ""}).json()
    validate("suggest-entities-response.json", empty)
    types = client.get("/reconcile/suggest/type", params={"prefix": "pl"}).json()
    validate("suggest-types-response.json", types)
    assert types["result"] == [{"id": "place", "name": "Place"}]
    card = client.get("/reconcile/preview", params={"id": "nz:place/old-idlib"})
    assert card.status_code == 200 and card.headers["content-type"].startswith("text/html")
    assert "Idlib" in card.text and "merged" in card.text
    assert client.get("/reconcile/preview", params={"id": "nz:place/gone"}).status_code == 410
    assert client.get("/reconcile/preview", params={"id": "nope:1"}).status_code == 404


def test_bad_query_batches(client: httpx.Client) -> None:
    assert client.post("/reconcile", data={"queries": "{not json"}).status_code == 400
    assert client.post("/reconcile", data={"queries": "[1, 2]"}).status_code == 422
    syria = {"q0": {"query": "Idlib", "properties": [{"pid": "country", "v": "Syria"}]}}
    response = client.post("/reconcile", data={"queries": json.dumps(syria)})
    assert response.status_code == 422
    assert response.json()["message"].startswith("queries.q0.properties: country must be")
    too_many = {f"q{i}": {"query": "Idlib"} for i in range(21)}
    response = client.post("/reconcile", data={"queries": json.dumps(too_many)})
    assert response.status_code == 413 and "limit is 20" in response.json()["message"]


def test_suggest_by_arabic_prefix_and_cursor(client: httpx.Client) -> None:
    arabic = client.get("/reconcile/suggest/entity", params={"prefix": "كفر"}).json()
    validate("suggest-entities-response.json", arabic)
    assert [e["id"] for e in arabic["result"]] == ["geonames:168620"]
    both = client.get("/reconcile/suggest/entity", params={"prefix": "sur"}).json()
    assert len(both["result"]) == 2
    rest = client.get("/reconcile/suggest/entity", params={"prefix": "sur", "cursor": 1}).json()
    validate("suggest-entities-response.json", rest)
    assert rest["result"] == both["result"][1:]

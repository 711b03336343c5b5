"""schemathesis against the running service's /openapi.json: no 5xx, and every answer matches
the documented status codes, content types and schemas. Bounded: a few examples per route."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from svc_helpers import WRITE_TOKEN, Server

CHECKS: list[Any] = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def test_openapi_document_names_every_route(server: Server) -> None:
    with server.client() as client:
        paths = client.get("/openapi.json").json()["paths"]
    assert set(paths) >= {
        "/healthz", "/readyz", "/version", "/metrics", "/v1/resolve", "/v1/normalise",
        "/v1/transliterate", "/v1/entities/{entity_id}", "/v1/lexicon/batches",
        "/v1/lexicon/batches/{batch_id}", "/reconcile", "/reconcile/suggest/entity",
        "/reconcile/suggest/type", "/reconcile/preview",
    }


def test_schemathesis_finds_no_failures(server: Server) -> None:
    schema = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 14
    failures: list[str] = []
    # A write token, so that batch bodies get past auth and reach validation.
    headers = {"Authorization": f"Bearer {WRITE_TOKEN}"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=8, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case: Any) -> None:
            case.call_and_validate(base_url=server.url, headers=headers, checks=CHECKS)

        try:
            run()
        except Exception as exc:  # collect every operation's failure, then report
            failures.append(f"{operation.label}: {exc}")
    if failures:
        pytest.fail("\n\n".join(failures)[:20000])

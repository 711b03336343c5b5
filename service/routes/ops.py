"""Operational routes: liveness, readiness, versions and Prometheus metrics."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import PlainTextResponse

import normalise
from service.deps import StateDep
from service.routes import errors
from service.schemas import HealthResponse, ModelModel, ReadyResponse, VersionResponse

router = APIRouter(tags=["operations"])


@router.get("/healthz", summary="Liveness: the process answers")
async def healthz() -> HealthResponse:
    """Answer while the process is alive."""
    return HealthResponse(status="ok")


@router.get(
    "/readyz",
    summary="Readiness: the lexicon is open and keyed",
    responses={503: {"model": ReadyResponse, "description": "Not ready."}},
)
def readyz(state: StateDep, response: Response) -> ReadyResponse:
    """Answer 200 when the lexicon reads and its keys match the running rules, else 503."""
    ok, detail = state.ready()
    if not ok:
        response.status_code = 503
    return ReadyResponse(ready=ok, detail=detail, lexicon_version=state.version if ok else None)


@router.get(
    "/version",
    summary="Code, rules and lexicon versions; translation models",
    responses=errors(503),
)
def version(state: StateDep) -> VersionResponse:
    """Return the package version, the rules fingerprint, the lexicon version and the
    installed translation models."""
    return VersionResponse(
        version=normalise.__version__,
        rules_fingerprint=normalise.rules_fingerprint(),
        lexicon_version=state.version,
        models=[
            ModelModel.model_validate(
                {"name": m.name, "from": m.from_code, "to": m.to_code, "version": m.package_version}
            )
            for m in state.models()
        ],
    )


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    response_class=PlainTextResponse,
    responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}}},
)
def metrics(request: Request, state: StateDep) -> PlainTextResponse:
    """Request counts and latency histograms per route, and the lexicon version."""
    try:
        lexicon_version: int | None = state.version
    except Exception:
        lexicon_version = None
    text = request.app.state.metrics.render(lexicon_version)
    return PlainTextResponse(text, media_type="text/plain; version=0.0.4; charset=utf-8")

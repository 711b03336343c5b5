"""`/reconcile`: the W3C Reconciliation Service API 0.2 (OpenRefine can use it)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from service import reconcile as recon
from service.deps import ReadAccess, SettingsDep, StateDep
from service.errors import NotFound
from service.routes import errors
from service.settings import Settings

router = APIRouter(prefix="/reconcile", tags=["reconciliation"])
_ERROR_REF = {"$ref": "#/components/schemas/ErrorResponse"}
ANY_JSON: dict[int | str, dict[str, Any]] = {
    200: {"description": "The manifest (no `queries`) or a result batch."}
}


def base_url(request: Request, settings: Settings) -> str:
    """The service's root URL for manifests."""
    if settings.public_url:
        return settings.public_url.rstrip("/")
    return str(request.base_url).rstrip("/")


@router.get(
    "",
    summary="Manifest (no parameters) or a query batch (?queries=)",
    responses={**ANY_JSON, **errors(400, 401, 413, 422, 503)},
)
def reconcile_get(
    request: Request,
    state: StateDep,
    settings: SettingsDep,
    _: ReadAccess,
    queries: Annotated[str | None, Query(description="A JSON query batch.")] = None,
) -> dict[str, Any]:
    """Return the manifest, or the results of a query batch given as `queries`."""
    if queries is None:
        return recon.manifest(base_url(request, settings), settings)
    return recon.reconcile(state, recon.parse_queries(queries, settings))


@router.post(
    "",
    summary="A query batch (form field `queries`)",
    responses={**ANY_JSON, **errors(400, 401, 413, 422, 503)},
)
async def reconcile_post(
    request: Request,
    state: StateDep,
    settings: SettingsDep,
    _: ReadAccess,
    queries: Annotated[str | None, Form(description="A JSON query batch.")] = None,
) -> dict[str, Any]:
    """Return the results of a query batch sent as the form field `queries`."""
    if queries is None:
        return recon.manifest(base_url(request, settings), settings)
    parsed = recon.parse_queries(queries, settings)
    result: dict[str, Any] = await run_in_threadpool(recon.reconcile, state, parsed)
    return result


@router.get(
    "/suggest/entity",
    summary="Suggest entities by prefix",
    responses=errors(401, 422, 503),
)
def suggest_entity(
    state: StateDep,
    _: ReadAccess,
    prefix: Annotated[str, Query(max_length=512)],
    cursor: Annotated[int, Query(ge=0, le=1000)] = 0,
) -> dict[str, Any]:
    """Entities whose names start with (or are spelled like) the prefix."""
    if any("\ud800" <= c <= "\udfff" for c in prefix):
        prefix = ""
    return {"result": recon.suggest_entities(state, prefix, cursor)}


@router.get("/suggest/type", summary="Suggest types by prefix", responses=errors(401, 422))
def suggest_type(
    _: ReadAccess, prefix: Annotated[str, Query(max_length=512)]
) -> dict[str, Any]:
    """Our entity kinds whose id or name starts with the prefix."""
    return {"result": recon.suggest_types(prefix)}


@router.get(
    "/preview",
    summary="A small HTML card for an entity",
    response_class=HTMLResponse,
    responses={
        200: {"content": {"text/html": {"schema": {"type": "string"}}}},
        **{
            status: {**doc, "content": {"application/json": {"schema": _ERROR_REF}}}
            for status, doc in errors(401, 404, 410, 503).items()
        },
    },
)
def preview(
    state: StateDep, _: ReadAccess, id: Annotated[str, Query(max_length=512)]
) -> HTMLResponse:
    """Render the entity as an HTML card sized for OpenRefine's preview pane."""
    from service.errors import Gone

    _version, status, entity = state.get(id)
    if status == "deleted":
        raise Gone(f"entity {id} was deleted")
    if entity is None:
        raise NotFound(f"no entity {id}")
    return HTMLResponse(recon.preview_html(entity, id))

"""The JSON API: resolve, normalise, transliterate, entities."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Response
from starlette.concurrency import run_in_threadpool

from service.deps import ReadAccess, SettingsDep, StateDep
from service.errors import Gone, InvalidInput, NotFound, PayloadTooLarge
from service.escape import EscapedJSONResponse
from service.routes import READ_ERRORS, errors
from service.schemas import (
    EntityResponse,
    NormaliseRequest,
    NormaliseResponse,
    ResolveRequest,
    ResolveResponse,
    TransliterateRequest,
    TransliterateResponse,
)
from service.settings import Settings
from service.state import Query

router = APIRouter(prefix="/v1", tags=["resolve"])
# Requests of at most this many names (without translation) are resolved on the event loop.
INLINE_QUERIES = 4


def match_dict(m: Any) -> dict[str, Any]:
    """A `Match` as JSON data (what `Match.to_dict` gives, without `asdict`'s deep copy)."""
    return {
        "id": m.id,
        "name": m.name,
        "kind": m.kind,
        "country": m.country,
        "score": m.score,
        "match": m.match,
        "why": list(m.why),
        "matched_name": m.matched_name,
        "confidence": m.confidence,
    }


def check_names(settings: Settings, names: list[str], what: str = "names") -> None:
    """Enforce the names-per-request and name-length limits.

    Raises:
        PayloadTooLarge: more names than `max_names`.
        InvalidInput: a name longer than `max_name_length`.
    """
    if len(names) > settings.max_names:
        raise PayloadTooLarge(
            f"{len(names)} {what} in one request; the limit is {settings.max_names}:"
            " split the batch"
        )
    problems = [
        {"index": i, "message": f"{len(n)} characters; the limit is {settings.max_name_length}"}
        for i, n in enumerate(names)
        if len(n) > settings.max_name_length
    ]
    if problems:
        raise InvalidInput(
            f"{len(problems)} name(s) longer than {settings.max_name_length} characters",
            problems,
        )


@router.post(
    "/resolve",
    summary="Resolve names to canonical entities",
    responses=READ_ERRORS,
    response_model=ResolveResponse,
)
async def resolve(
    body: ResolveRequest, state: StateDep, settings: SettingsDep, _: ReadAccess
) -> Response:
    """Resolve each query; one result list per query, in order, all from one lexicon version.

    Answers made only of cached resolutions, and small requests without translation (a
    resolve takes well under a millisecond, less than a hop to the thread pool), are served
    on the event loop; others run in the thread pool.
    """
    check_names(settings, [q.name for q in body.queries], "queries")
    queries = [
        Query(
            name=q.name,
            country=q.country.upper() if q.country else None,
            admin1=q.admin1,
            kind=q.kind,
            lang=q.lang,
            limit=min(q.limit or body.limit, settings.max_limit),
            translate=body.translate,
        )
        for q in body.queries
    ]
    answer = state.resolve_cached(queries)
    if answer is None and len(queries) <= INLINE_QUERIES and not body.translate:
        answer = state.resolve(queries)
    if answer is None:
        answer = await run_in_threadpool(state.resolve, queries)
    version, results = answer
    data = {
        "results": [[match_dict(m) for m in matches] for matches in results],
        "lexicon_version": version,
    }
    return EscapedJSONResponse(data, headers={"X-Lexicon-Version": str(version)})


@router.post("/normalise", summary="Clean, fold, romanise and key names", responses=READ_ERRORS)
def normalise_names(
    body: NormaliseRequest, state: StateDep, settings: SettingsDep, _: ReadAccess
) -> NormaliseResponse:
    """Return how each name is cleaned, folded, romanised and keyed."""
    check_names(settings, body.names)
    return NormaliseResponse(
        results=[state.nz.normalise(n, lang=body.lang).to_dict() for n in body.names]
    )


@router.post("/transliterate", summary="Romanise text", responses=READ_ERRORS)
def transliterate(
    body: TransliterateRequest, state: StateDep, settings: SettingsDep, _: ReadAccess
) -> TransliterateResponse:
    """Romanise text to ASCII Latin (Arabic with the project's rules)."""
    if len(body.text) > settings.max_text_length:
        raise InvalidInput(
            f"text has {len(body.text)} characters; the limit is {settings.max_text_length}"
        )
    result = state.nz.transliterate(body.text, body.target)
    return TransliterateResponse(text=body.text, target=body.target, result=result)


@router.get(
    "/entities/{entity_id:path}",
    summary="An entity by id (redirects followed and shown)",
    responses=errors(401, 404, 410, 503),
)
def entity(
    entity_id: Annotated[
        str, Path(description="The CURIE, e.g. geonames:168620", examples=["iso3166:TR"])
    ],
    state: StateDep,
    _: ReadAccess,
    response: Response,
) -> EntityResponse:
    """Return the entity; a merged id answers with the survivor, a deleted one with 410."""
    version, status, found = state.get(entity_id)
    response.headers["X-Lexicon-Version"] = str(version)
    if status == "deleted":
        raise Gone(f"entity {entity_id} was deleted")
    if found is None:
        raise NotFound(f"no entity {entity_id}")
    return EntityResponse(
        entity=found.to_dict(),
        status="active",
        redirected_from=found.redirected_from,
        lexicon_version=version,
    )

"""Lexicon updates: batches of ops (JSON or JSON lines), applied all or nothing."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from service.auth import actor_of
from service.deps import ReadAccess, SettingsDep, StateDep, TokenDep, WriteAccess
from service.errors import BadRequest, InvalidInput, NotFound, PayloadTooLarge
from service.routes import errors
from service.schemas import BatchRecord, BatchRequest, UpdateReportModel

router = APIRouter(prefix="/v1/lexicon", tags=["lexicon"])

JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines")
_BODY_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "A JSON object `{ops, dry_run, batch_id}`, a JSON array of ops, or JSON "
        "lines (one op per line, `Content-Type: application/x-ndjson`).",
        "content": {
            "application/json": {"schema": BatchRequest.model_json_schema()},
            "application/x-ndjson": {"schema": {"type": "string"}},
        },
    }
}


def parse_ops(body: bytes, content_type: str) -> tuple[list[Any], dict[str, Any]]:
    """Return the ops and the options carried in the body.

    Raises:
        BadRequest: a body that is not JSON (or not JSON lines).
        InvalidInput: JSON of the wrong shape.
    """
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"body is not UTF-8: {exc.reason} at byte {exc.start}") from exc
    if content_type.split(";")[0].strip().lower() in JSONL_TYPES:
        ops: list[Any] = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                ops.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise BadRequest(f"line {number}: malformed JSON: {exc.msg}") from exc
        return ops, {}
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadRequest(
            f"malformed JSON body: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from exc
    if isinstance(data, list):
        return data, {}
    if not isinstance(data, dict) or not isinstance(data.get("ops"), list):
        raise InvalidInput("expected {\"ops\": [...]}, a JSON array of ops, or JSON lines")
    unknown = sorted(set(data) - {"ops", "dry_run", "batch_id"})
    if unknown:
        raise InvalidInput(f"unknown field(s): {', '.join(unknown)}")
    options: dict[str, Any] = {}
    if "dry_run" in data:
        if not isinstance(data["dry_run"], bool):
            raise InvalidInput("dry_run: expected true or false")
        options["dry_run"] = data["dry_run"]
    if data.get("batch_id") is not None:
        if not isinstance(data["batch_id"], str) or not 0 < len(data["batch_id"]) <= 200:
            raise InvalidInput("batch_id: expected a string of 1 to 200 characters")
        options["batch_id"] = data["batch_id"]
    return data["ops"], options


@router.post(
    "/batches",
    summary="Apply a batch of lexicon ops (all or nothing)",
    responses=errors(400, 401, 403, 413, 422, 503),
    openapi_extra=_BODY_DOC,
)
async def apply_batch(
    request: Request,
    state: StateDep,
    settings: SettingsDep,
    _: WriteAccess,
    token: TokenDep,
    dry_run: Annotated[bool, Query(description="Validate and report; write nothing.")] = False,
    batch_id: Annotated[
        str | None,
        Query(min_length=1, max_length=200, description="Makes re-sending idempotent."),
    ] = None,
) -> UpdateReportModel:
    """Validate the whole batch, then apply it in one transaction; return the update report.

    An invalid op rejects the whole batch (422, every problem listed as line/field/message) and
    nothing is written. Re-sending a `batch_id` already applied changes nothing and returns the
    original report with `replayed: true`.
    """
    ops, options = parse_ops(await request.body(), request.headers.get("content-type", ""))
    if len(ops) > settings.max_batch_ops:
        raise PayloadTooLarge(
            f"{len(ops)} ops in one batch; the limit is {settings.max_batch_ops}"
        )
    if not ops:
        raise InvalidInput("the batch has no ops")
    report = await run_in_threadpool(
        state.apply,
        ops,
        dry_run=bool(options.get("dry_run", dry_run)),
        batch_id=options.get("batch_id", batch_id),
        actor=actor_of(token),
    )
    return UpdateReportModel(**report.to_dict())


@router.get(
    "/batches/{batch_id}",
    summary="The audit record of an applied batch",
    responses=errors(401, 404, 503),
)
def get_batch(
    batch_id: Annotated[str, Path(description="The batch id.")],
    state: StateDep,
    _: ReadAccess,
) -> BatchRecord:
    """Return when and by whom a batch was applied, its version and counts."""
    record = state.batch(batch_id)
    if record is None:
        raise NotFound(f"no applied batch {batch_id}")
    return BatchRecord(**record)

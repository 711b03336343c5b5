"""The API's routers, and the error responses they document."""

from __future__ import annotations

from typing import Any

from service.errors import ErrorResponse


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """Document error answers (all in the one `ErrorResponse` shape)."""
    text = {
        400: "Malformed body.",
        401: "Missing or unknown bearer token.",
        403: "The token lacks the needed scope.",
        404: "No such resource.",
        410: "The entity was deleted (tombstone).",
        413: "Too many names or ops, or the body is too large.",
        422: "Input does not match the schema or breaks a limit.",
        503: "The lexicon cannot be read.",
    }
    return {s: {"model": ErrorResponse, "description": text[s]} for s in statuses}


READ_ERRORS = errors(401, 413, 422, 503)

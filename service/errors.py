"""One error shape for every failure, and one table from exception type to HTTP status.

Every error answer is `{"error": code, "message": text, "status": n, "details": [...]}`.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from normalise import BatchRejected, LexiconError, NormaliseError, NotTextError
from service.escape import EscapedJSONResponse, escape_text


class ErrorResponse(BaseModel):
    """The body of every error answer."""

    error: str = Field(description="A stable machine-readable code (`not_found`, ...).")
    message: str = Field(description="What went wrong, for people.")
    status: int = Field(description="The HTTP status, repeated.")
    details: list[Any] = Field(default_factory=list, description="Problems, one per item.")


class ServiceError(Exception):
    """Base of the service's own errors; the status comes from `STATUS` (by type)."""

    code = "error"

    def __init__(self, message: str, details: list[Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []


class Unauthorized(ServiceError):
    """No token, or a token we do not know."""

    code = "unauthorized"


class Forbidden(ServiceError):
    """A known token without the scope the route needs."""

    code = "forbidden"


class NotFound(ServiceError):
    """No such entity or batch."""

    code = "not_found"


class Gone(ServiceError):
    """A deleted entity (tombstone)."""

    code = "gone"


class PayloadTooLarge(ServiceError):
    """Too many names or ops, or a body larger than allowed."""

    code = "payload_too_large"


class InvalidInput(ServiceError):
    """Input that parses but breaks a rule (a name too long, bad JSON lines...)."""

    code = "invalid_input"


class BadRequest(ServiceError):
    """A body that cannot be parsed at all."""

    code = "bad_request"


class NotReady(ServiceError):
    """The lexicon cannot be read right now."""

    code = "not_ready"


# The one exception → status table (checked most specific first, by MRO order).
STATUS: dict[type[BaseException], int] = {
    Unauthorized: 401,
    Forbidden: 403,
    NotFound: 404,
    Gone: 410,
    PayloadTooLarge: 413,
    InvalidInput: 422,
    BadRequest: 400,
    NotReady: 503,
    BatchRejected: 422,
    NotTextError: 422,
    LexiconError: 503,
    sqlite3.Error: 503,
    NormaliseError: 422,
    ValueError: 422,
}

_CODES: dict[type[BaseException], str] = {
    BatchRejected: "batch_rejected",
    NotTextError: "invalid_input",
    LexiconError: "lexicon_unavailable",
    sqlite3.Error: "lexicon_unavailable",
    NormaliseError: "invalid_input",
    ValueError: "invalid_input",
}


def status_for(exc: BaseException) -> int:
    """Return the HTTP status of an exception from `STATUS` (500 when none matches)."""
    for klass in type(exc).__mro__:
        if klass in STATUS:
            return STATUS[klass]
    return 500


def error_response(
    status: int, code: str, message: str, details: list[Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """Build an error answer in the one shape (text escaped)."""
    body = ErrorResponse(
        error=code, message=escape_text(message), status=status, details=details or []
    )
    return EscapedJSONResponse(body.model_dump(), status_code=status, headers=headers)


async def handle_service_error(request: Request, exc: Exception) -> Response:
    """Answer a `ServiceError`, `NormaliseError` or `ValueError` through the table."""
    status = status_for(exc)
    if isinstance(exc, ServiceError):
        code, message, details = exc.code, exc.message, exc.details
    else:
        code = next((_CODES[k] for k in type(exc).__mro__ if k in _CODES), "error")
        message, details = str(exc), []
        if isinstance(exc, sqlite3.Error):
            message = "the lexicon cannot be read right now"
        if isinstance(exc, BatchRejected):
            message = f"batch rejected: {len(exc.problems)} problem(s); nothing was written"
            details = [
                {"line": line, "field": field, "message": escape_text(msg)}
                for line, field, msg in exc.problems
            ]
    headers = {"WWW-Authenticate": 'Bearer realm="normalise"'} if status == 401 else None
    return error_response(status, code, message, details, headers)


async def handle_validation_error(request: Request, exc: Exception) -> Response:
    """Answer a request that does not match its schema (422), without echoing raw input."""
    assert isinstance(exc, RequestValidationError)
    details = [
        {
            "loc": [str(part) for part in err.get("loc", ())],
            "message": escape_text(str(err.get("msg", ""))),
            "type": str(err.get("type", "")),
        }
        for err in exc.errors()
    ]
    malformed = any(d["type"] == "json_invalid" for d in details)
    message = "malformed JSON body" if malformed else "request does not match the schema"
    return error_response(422, "invalid_request", message, details)


async def handle_http_error(request: Request, exc: Exception) -> Response:
    """Answer Starlette's HTTP errors (404 route, 405 method...) in the one shape."""
    assert isinstance(exc, StarletteHTTPException)
    codes = {404: "not_found", 405: "method_not_allowed", 413: "payload_too_large"}
    code = codes.get(exc.status_code, "http_error")
    return error_response(
        exc.status_code, code, str(exc.detail), headers=dict(exc.headers or {}) or None
    )


async def handle_unexpected(request: Request, exc: Exception) -> Response:
    """Answer any other exception with 500 and no internals."""
    return error_response(500, "internal_error", "internal error; see the service log")


HANDLERS: dict[int | type[Exception], Any] = {
    ServiceError: handle_service_error,
    NormaliseError: handle_service_error,
    ValueError: handle_service_error,
    sqlite3.Error: handle_service_error,
    RequestValidationError: handle_validation_error,
    StarletteHTTPException: handle_http_error,
    Exception: handle_unexpected,
}

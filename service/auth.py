"""Bearer tokens and scopes. Tokens are known only by their sha256 digests; a presented token
is hashed and compared with every stored digest in constant time. Tokens are never logged."""

from __future__ import annotations

import hashlib
import hmac
from typing import Literal

from service.errors import Forbidden, Unauthorized
from service.settings import Settings

Scope = Literal["read", "write"]


def _known(digest: str, digests: list[str]) -> bool:
    found = False
    for stored in digests:  # no early exit: the time does not depend on which one matched
        found |= hmac.compare_digest(digest, stored)
    return found


def token_scope(settings: Settings, token: str | None) -> Scope | None:
    """Return the scope a token grants (`write` implies `read`), or None for no token.

    Raises:
        Unauthorized: a token that matches no stored digest.
    """
    if token is None:
        return None
    digest = hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
    if _known(digest, settings.write_token_sha256):
        return "write"
    if _known(digest, settings.read_token_sha256):
        return "read"
    raise Unauthorized("invalid bearer token")


def require_read(settings: Settings, token: str | None) -> Scope | None:
    """Check access to a read route (open unless `require_read_token`)."""
    scope = token_scope(settings, token)
    if scope is None and settings.require_read_token:
        raise Unauthorized("this service needs a bearer token: Authorization: Bearer <token>")
    return scope


def require_write(settings: Settings, token: str | None) -> Scope:
    """Check access to a write route: a token with the write scope."""
    scope = token_scope(settings, token)
    if scope is None:
        raise Unauthorized("a bearer token with the write scope is required")
    if scope != "write":
        raise Forbidden("this token has the read scope only; writing needs the write scope")
    return scope


def actor_of(token: str | None) -> str | None:
    """Return a non-secret label for the sender of a batch (a short digest prefix)."""
    if token is None:
        return None
    return "token:" + hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()[:8]

"""FastAPI dependencies, as `Annotated` aliases: settings, the lexicon state, access checks.

They are `async def` on purpose: they never block, and FastAPI would run a plain `def`
dependency in the thread pool (one thread hop each, per request).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from service.auth import Scope, require_read, require_write
from service.settings import Settings
from service.state import LexiconState

bearer = HTTPBearer(
    auto_error=False,
    description="Bearer token: the write scope for lexicon batches; the read scope when the "
    "service requires tokens for reads.",
)


async def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


async def get_state(request: Request) -> LexiconState:
    """The worker's open lexicon."""
    state: LexiconState = request.app.state.lexicon
    return state


SettingsDep = Annotated[Settings, Depends(get_settings)]
StateDep = Annotated[LexiconState, Depends(get_state)]
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


async def get_token(credentials: Credentials) -> str | None:
    """The presented bearer token, if any."""
    return None if credentials is None else credentials.credentials


TokenDep = Annotated[str | None, Depends(get_token)]


async def read_access(settings: SettingsDep, token: TokenDep) -> Scope | None:
    """Allow a read (see `require_read`)."""
    return require_read(settings, token)


async def write_access(settings: SettingsDep, token: TokenDep) -> Scope:
    """Allow a write (see `require_write`)."""
    return require_write(settings, token)


ReadAccess = Annotated[Scope | None, Depends(read_access)]
WriteAccess = Annotated[Scope, Depends(write_access)]

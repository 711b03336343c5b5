"""The app factory: `create_app(settings)` builds the FastAPI app around one open lexicon.

    uvicorn --factory service.app:create_app_from_env      # settings from NORMALISE_* variables
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

import normalise
from service.errors import HANDLERS
from service.escape import EscapedJSONResponse, install_log_filter
from service.metrics import BodyLimitMiddleware, Metrics, MetricsMiddleware
from service.routes import lexicon, ops, reconcile, v1
from service.settings import Settings
from service.state import LexiconState

log = logging.getLogger("normalise.service")

TAGS = [
    {"name": "resolve", "description": "Names to canonical entities; normalising; romanising."},
    {"name": "lexicon", "description": "Batches of lexicon updates (write scope)."},
    {"name": "reconciliation", "description": "W3C Reconciliation Service API 0.2."},
    {"name": "operations", "description": "Health, readiness, versions and metrics."},
]


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app. The lexicon opens in the lifespan, before the app takes traffic.

    Args:
        settings: the service settings; None reads them from the environment.
    """
    settings = settings if settings is not None else Settings()
    install_log_filter()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state = LexiconState(
            settings.lexicon, cache_size=settings.cache_size, models_dir=settings.models_dir
        )
        app.state.lexicon = state
        log.info("lexicon open: version=%s", state.version)
        try:
            yield
        finally:
            state.close()

    app = FastAPI(
        title="normalise",
        version=normalise.__version__,
        summary="Arabic, Turkish and English spellings of names resolved to canonical IDs.",
        openapi_tags=TAGS,
        lifespan=lifespan,
        exception_handlers=HANDLERS,
        default_response_class=EscapedJSONResponse,
    )
    app.state.settings = settings
    app.state.metrics = Metrics()
    for router in (ops.router, v1.router, lexicon.router, reconcile.router):
        app.include_router(router)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Authorization", "Content-Type"],
    )
    plain = frozenset(p for p in (app.openapi_url, app.docs_url, app.redoc_url) if p)
    app.add_middleware(MetricsMiddleware, metrics=app.state.metrics, plain_paths=plain)
    return app


def create_app_from_env() -> FastAPI:
    """Build the app with settings from the environment (for uvicorn `--factory`, workers)."""
    return create_app(Settings())

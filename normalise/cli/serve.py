"""The `normalise serve` command: the HTTP service under uvicorn."""

from __future__ import annotations

from pathlib import Path

import click

from normalise.cli.options import lexicon_option


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, help="TCP port.")
@lexicon_option("NORMALISE_LEXICON, else the default lexicon")
@click.option("--workers", default=1, show_default=True, help="Worker processes.")
@click.option(
    "--access-log/--no-access-log",
    default=False,
    show_default=True,
    help="Log one line per request (costs about a tenth of the throughput; /metrics counts"
    " requests either way).",
)
def serve_command(
    host: str, port: int, lexicon_path: Path | None, workers: int, access_log: bool
) -> None:
    """Run the HTTP service (FastAPI under uvicorn); OpenAPI docs at /docs.

    Other settings come from NORMALISE_* environment variables (see service/settings.py),
    e.g. NORMALISE_WRITE_TOKENS='["secret"]' for lexicon batches.

    \b
    Example:
      normalise serve --lexicon my.lexicon --port 8000 --workers 2
    """
    import os

    import uvicorn

    if lexicon_path is not None:
        # Worker processes build their settings from the environment.
        os.environ["NORMALISE_LEXICON"] = str(lexicon_path.resolve())
    uvicorn.run(
        "service.app:create_app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        access_log=access_log,
    )

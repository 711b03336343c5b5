"""How the commands print their results: `emit`, as JSON or as text."""

from __future__ import annotations

import json
from typing import Any

import click


def emit(data: Any, as_json: bool, text: str) -> None:
    """Print `data` as JSON (one document) or `text` for people."""
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(text)

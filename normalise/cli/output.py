"""How the commands print their results (`emit`, as JSON or as text) and their failures
(`reported_errors`: a message, not a traceback)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from normalise.errors import NormaliseError


def emit(data: Any, as_json: bool, text: str) -> None:
    """Print `data` as JSON (one document) or `text` for people."""
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(text)


@contextmanager
def reported_errors(*also: type[Exception]) -> Iterator[None]:
    """Turn a library error (`NormaliseError`, and the exception types `also` names) raised
    inside the block into a `click.ClickException`: the user sees its message and exit status
    1, not a traceback."""
    caught: tuple[type[Exception], ...] = (NormaliseError, *also)
    try:
        yield
    except caught as exc:
        raise click.ClickException(str(exc)) from exc

"""The `normalise rules ...` commands: check the rule tables in lexicons/rules."""

from __future__ import annotations

import click

from normalise.cli.options import json_option
from normalise.cli.output import emit, reported_errors
from normalise.fingerprint import rules_fingerprint
from normalise.normaliser import Normaliser
from normalise.rules import check_rules_dir, load_rows
from normalise.translit import load_routes


@click.group("rules")
def rules_group() -> None:
    """Inspect the rule tables in lexicons/rules."""


@rules_group.command("check")
@json_option
def rules_check(as_json: bool) -> None:
    """Load every rule table strictly; report the first error as file:line.

    Exit status 1 when a table is malformed.

    \b
    Example:
      normalise rules check --json
    """
    from normalise.descriptors import descriptors
    from normalise.rules import TABLES
    from normalise.suffixes import case_suffixes

    with reported_errors():
        paths = check_rules_dir()
        counts = {name: len(load_rows(name, key=lambda r: r.line)) for name in TABLES}
        load_routes()
        descriptors()
        case_suffixes()
        Normaliser().normalise("check")
    data = {"fingerprint": rules_fingerprint(), "tables": counts}
    emit(data, as_json, f"{len(paths)} tables OK, fingerprint {rules_fingerprint()}")

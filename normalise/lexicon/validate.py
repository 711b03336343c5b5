"""Whole-batch validation: every problem of every op, found before anything is written.

Validation walks the batch in order over a simulated view of the store (ids created, deleted
or merged by earlier ops count), so a batch is judged exactly as it would apply. Problems are
`(line, field, message)` with `line` the 1-based position of the op; `BatchRejected` lists them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any

import icu

from normalise.lexicon.keyindex import script_of
from normalise.lexicon.model import ENTITY_KINDS, NAME_KINDS
from normalise.text import clean

MAX_NAME = 512
OPS = ("upsert", "add_names", "remove_names", "delete", "merge", "not_same")
CURIE = re.compile(
    r"geonames:[0-9]+|iso3166:[A-Z]{2}|iso3166-2:[A-Z]{2}-[A-Z0-9]{1,3}"
    r"|nz:[a-z]+/[a-z0-9]+(?:-[a-z0-9]+)*"
)
ENTITY_FIELDS = frozenset(
    {
        "id",
        "kind",
        "names",
        "country",
        "admin1",
        "parent",
        "population",
        "lat",
        "lon",
        "external_ids",
        "sources",
    }
)

Problem = tuple[int, str, str]
# status(id) -> (status, redirect target) or None when the store has no such id.
StatusLookup = Callable[[str], "tuple[str, str | None] | None"]


@cache
def country_codes() -> frozenset[str]:
    """Return the ISO 3166 alpha-2 codes ICU knows, plus XK (Kosovo, user-assigned)."""
    return frozenset(icu.Locale.getISOCountries()) | {"XK"}


def check_curie(value: object) -> str | None:
    """Return a message when `value` is not a well-formed CURIE, else None."""
    if not isinstance(value, str) or value == "":
        return "missing id"
    if CURIE.fullmatch(value) is None:
        return (
            f"bad CURIE {value!r} (expected geonames:<digits>, iso3166:<A2>, "
            "iso3166-2:<CC-code> or nz:<kind>/<slug>)"
        )
    return None


def check_name_text(value: object) -> str | None:
    """Return a message when `value` is not a usable name text, else None."""
    if not isinstance(value, str):
        return "name text must be a string"
    text = clean(value)
    if text == "":
        return "empty name"
    if len(text) > MAX_NAME:
        return f"name longer than {MAX_NAME} characters ({len(text)})"
    if script_of(text) is None:
        return f"name {value!r} has no letters in any script"
    return None


class BatchValidator:
    """Validate ops in order against the store's state as earlier ops would leave it.

    Args:
        status: looks an id up in the store.
        has_canonical: True when the stored entity already has a canonical name.
    """

    def __init__(self, status: StatusLookup, has_canonical: Callable[[str], bool]) -> None:
        self._status = status
        self._has_canonical = has_canonical
        self._view: dict[str, tuple[str, str | None]] = {}
        self._canonical: dict[str, bool] = {}
        self.problems: list[Problem] = []

    def state(self, entity_id: str) -> tuple[str, str | None] | None:
        """Return `(status, redirect target)` of an id as the batch so far leaves it."""
        if entity_id in self._view:
            return self._view[entity_id]
        return self._status(entity_id)

    def resolve(self, entity_id: str) -> tuple[str, str] | None:
        """Follow redirects; return `(final id, status)` or None for an unknown id."""
        seen: set[str] = set()
        current = entity_id
        while current not in seen:
            seen.add(current)
            found = self.state(current)
            if found is None:
                return None
            status, target = found
            if status != "redirect" or target is None:
                return current, status
            current = target
        return current, "redirect"

    def _add(self, line: int, field: str, message: str) -> None:
        self.problems.append((line, field, message))

    def _id(self, line: int, op: Mapping[str, Any], field: str) -> str | None:
        message = check_curie(op.get(field))
        if message is not None:
            self._add(line, field, message)
            return None
        return str(op[field])

    def _active(self, line: int, field: str, entity_id: str) -> str | None:
        found = self.resolve(entity_id)
        if found is None:
            self._add(line, field, f"unknown id {entity_id!r}")
            return None
        if found[1] != "active":
            self._add(line, field, f"id {entity_id!r} is deleted")
            return None
        return found[0]

    def _names(self, line: int, field: str, names: object, *, removing: bool = False) -> int:
        """Check a list of names; return how many are canonical."""
        if not isinstance(names, list) or (removing and not names):
            self._add(line, field, "names must be a non-empty list of objects")
            return 0
        canonical = 0
        for i, item in enumerate(names):
            where = f"{field}[{i}]"
            if not isinstance(item, dict):
                self._add(line, where, "name must be an object")
                continue
            message = check_name_text(item.get("text"))
            if message is not None:
                self._add(line, f"{where}.text", message)
            if removing:
                continue
            lang = item.get("lang")
            if lang is not None and not (isinstance(lang, str) and lang):
                self._add(line, f"{where}.lang", f"bad language tag {lang!r}")
            kind = item.get("kind", "variant")
            if kind not in NAME_KINDS:
                self._add(line, f"{where}.kind", f"unknown name kind {kind!r}")
            canonical += kind == "canonical"
        if canonical > 1:
            self._add(line, field, "more than one canonical name")
        return canonical

    def check(self, line: int, op: object) -> None:
        """Check one op and record it in the simulated view."""
        if not isinstance(op, dict):
            self._add(line, "op", "an op must be a JSON object")
            return
        name = op.get("op")
        if name not in OPS:
            self._add(line, "op", f"unknown op {name!r} (expected one of {', '.join(OPS)})")
            return
        getattr(self, f"_check_{name}")(line, op)

    def _check_upsert(self, line: int, op: Mapping[str, Any]) -> None:
        entity = op.get("entity")
        if not isinstance(entity, dict):
            self._add(line, "entity", "entity must be an object")
            return
        unknown = sorted(set(entity) - ENTITY_FIELDS)
        if unknown:
            self._add(line, "entity", f"unknown fields {', '.join(unknown)}")
        message = check_curie(entity.get("id"))
        if message is not None:
            self._add(line, "entity.id", message)
        else:
            found = self.state(entity["id"])
            if found is not None and found[0] != "active":
                self._add(
                    line, "entity.id", f"id {entity['id']!r} is {found[0]}; ids are never reused"
                )
        if entity.get("kind") not in ENTITY_KINDS:
            self._add(line, "entity.kind", f"unknown entity kind {entity.get('kind')!r}")
        country = entity.get("country")
        if country is not None and country not in country_codes():
            self._add(line, "entity.country", f"unknown country code {country!r}")
        parent = entity.get("parent")
        if parent is not None and check_curie(parent) is not None:
            self._add(line, "entity.parent", f"bad CURIE {parent!r}")
        population = entity.get("population")
        if population is not None and (type(population) is not int or population < 0):
            self._add(line, "entity.population", "population must be a whole number >= 0")
        for axis, bound in (("lat", 90.0), ("lon", 180.0)):
            value = entity.get(axis)
            if value is not None and (
                not isinstance(value, int | float) or isinstance(value, bool) or abs(value) > bound
            ):
                self._add(line, f"entity.{axis}", f"{axis} must be a number within ±{bound:g}")
        ext = entity.get("external_ids")
        if ext is not None and not (
            isinstance(ext, dict) and all(isinstance(v, str) for v in ext.values())
        ):
            self._add(line, "entity.external_ids", "external_ids must map names to strings")
        sources = entity.get("sources")
        if sources is not None and not (
            isinstance(sources, list) and all(isinstance(s, str) for s in sources)
        ):
            self._add(line, "entity.sources", "sources must be a list of strings")
        canonical = self._names(line, "entity.names", entity.get("names", []))
        if isinstance(entity.get("id"), str):
            self._view[entity["id"]] = ("active", None)
            self._canonical[entity["id"]] = canonical > 0 or bool(entity.get("names"))

    def _check_add_names(self, line: int, op: Mapping[str, Any]) -> None:
        entity_id = self._id(line, op, "id")
        target = self._active(line, "id", entity_id) if entity_id is not None else None
        canonical = self._names(line, "names", op.get("names"))
        if target is not None and canonical:
            has = self._canonical.get(target)
            if has is None:
                has = self._has_canonical(target)
            if has:
                self._add(line, "names", "more than one canonical name")
            self._canonical[target] = True

    def _check_remove_names(self, line: int, op: Mapping[str, Any]) -> None:
        entity_id = self._id(line, op, "id")
        if entity_id is not None:
            self._active(line, "id", entity_id)
        self._names(line, "names", op.get("names"), removing=True)

    def _check_delete(self, line: int, op: Mapping[str, Any]) -> None:
        entity_id = self._id(line, op, "id")
        if entity_id is not None and self._active(line, "id", entity_id) is not None:
            self._view[entity_id] = ("deleted", None)

    def _check_merge(self, line: int, op: Mapping[str, Any]) -> None:
        source = self._id(line, op, "from")
        into = self._id(line, op, "into")
        if source is not None:
            found = self.state(source)
            if found is None:
                self._add(line, "from", f"unknown id {source!r}")
                source = None
            elif found[0] != "active":
                self._add(line, "from", f"id {source!r} is {found[0]}")
                source = None
        if into is None:
            return
        target = self.resolve(into)
        if target is None:
            self._add(line, "into", f"merge into missing id {into!r}")
        elif target[1] != "active":
            self._add(line, "into", f"merge into deleted id {into!r}")
        elif source is not None and target[0] == source:
            self._add(line, "into", f"merge cycle: {into!r} resolves to {source!r}")
        elif source is not None:
            self._view[source] = ("redirect", target[0])

    def _check_not_same(self, line: int, op: Mapping[str, Any]) -> None:
        message = check_name_text(op.get("name"))
        if message is not None:
            self._add(line, "name", message)
        entity_id = self._id(line, op, "id")
        if entity_id is not None and self.state(entity_id) is None:
            self._add(line, "id", f"unknown id {entity_id!r}")


def validate_ops(
    ops: Sequence[object], status: StatusLookup, has_canonical: Callable[[str], bool]
) -> list[Problem]:
    """Return every problem of a batch (empty when the batch is valid).

    Args:
        ops: the parsed ops, in batch order.
        status: looks an id up in the store: `(status, redirect target)` or None.
        has_canonical: True when a stored entity already has a canonical name.
    """
    validator = BatchValidator(status, has_canonical)
    for line, op in enumerate(ops, start=1):
        validator.check(line, op)
    return validator.problems

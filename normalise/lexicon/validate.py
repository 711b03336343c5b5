"""Whole-batch validation: every problem of every op, found before anything is written.

Validation walks the batch in order over a simulated view of the store (ids created, deleted
or merged by earlier ops count), so a batch is judged exactly as it would apply. Problems are
`(line, field, message)` with `line` the 1-based position of the op; `BatchRejected` lists them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from typing import Any

import icu

from normalise.lexicon.keyindex import script_of
from normalise.lexicon.model import ENTITY_KINDS, NAME_KINDS
from normalise.text import clean

MAX_NAME = 512
NAMELESS = (
    "every entity needs a name; an upsert replaces all of an entity's names (add_names adds"
    " to them), and an entity that is gone is deleted, not emptied"
)
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
# One name of an entity as validation follows it: (cleaned text, lang, kind).
NameRow = tuple[str, "str | None", str]
# names(id) -> the names the store holds for an active entity.
NamesLookup = Callable[[str], "list[NameRow]"]


def removed_by(text: str, lang: str | None, wanted: Iterable[tuple[str, str | None]]) -> bool:
    """Return True when a `remove_names` op's `(text, lang)` pairs take a name: the same
    cleaned text, and the same language unless the op gives none."""
    return any(text == t and (wl is None or wl == lang) for t, wl in wanted)


def merged_kind(kind: str, survivor_has_canonical: bool) -> str:
    """Return the kind a merged entity's name takes on the survivor: its canonical name is a
    variant there, unless the survivor has none (an entity upserted to receive others')."""
    return "variant" if kind == "canonical" and survivor_has_canonical else kind


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

    The names of each entity an op touches are followed too, so that no batch leaves an
    entity with no name, or with two canonical ones.

    Args:
        status: looks an id up in the store.
        names: the names the store holds for an active entity.
    """

    def __init__(self, status: StatusLookup, names: NamesLookup) -> None:
        self._status = status
        self._stored_names = names
        self._view: dict[str, tuple[str, str | None]] = {}
        self._names_view: dict[str, list[NameRow]] = {}
        # entities the batch must leave with a name, by the first op that might not: an upsert
        # (it replaces every name) or a remove_names; later ops may still add names (`finish`)
        self._must_name: dict[str, tuple[int, str]] = {}
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

    def names_of(self, entity_id: str) -> list[NameRow]:
        """Return the names of an active entity as the batch so far leaves them."""
        if entity_id not in self._names_view:
            self._names_view[entity_id] = list(self._stored_names(entity_id))
        return self._names_view[entity_id]

    def finish(self) -> list[Problem]:
        """Return every problem, with those only the whole batch shows (an entity it leaves
        with no name), in line order."""
        for entity_id, (line, field) in self._must_name.items():
            if self.state(entity_id) == ("active", None) and not self.names_of(entity_id):
                self._add(line, field, f"leaves {entity_id!r} with no name: {NAMELESS}")
        return sorted(self.problems, key=lambda p: p[0])

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

    def _names(
        self, line: int, field: str, names: object, *, removing: bool = False
    ) -> list[NameRow]:
        """Check a list of names; return the good ones as `NameRow`s."""
        if not isinstance(names, list) or (removing and not names):
            self._add(line, field, "names must be a non-empty list of objects")
            return []
        good: list[NameRow] = []
        for i, item in enumerate(names):
            where = f"{field}[{i}]"
            if not isinstance(item, dict):
                self._add(line, where, "name must be an object")
                continue
            text = item.get("text")
            message = check_name_text(text)
            if message is not None:
                self._add(line, f"{where}.text", message)
            lang = item.get("lang")
            kind = item.get("kind", "variant")
            if not removing:
                if lang is not None and not (isinstance(lang, str) and lang):
                    self._add(line, f"{where}.lang", f"bad language tag {lang!r}")
                    message = message or "lang"
                if kind not in NAME_KINDS:
                    self._add(line, f"{where}.kind", f"unknown name kind {kind!r}")
                    message = message or "kind"
            if message is None:
                good.append((clean(str(text)), lang, str(kind)))
        if sum(kind == "canonical" for _, _, kind in good) > 1:
            self._add(line, field, "more than one canonical name")
        return good

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
        names = entity.get("names", [])
        good = self._names(line, "entity.names", names)
        if isinstance(entity.get("id"), str):
            self._view[entity["id"]] = ("active", None)
            if good and not any(kind == "canonical" for _, _, kind in good):
                good[0] = (good[0][0], good[0][1], "canonical")  # as the writer makes it
            self._names_view[entity["id"]] = good
            if names == [] or good:  # bad names are reported as such, not again here
                self._must_name.setdefault(entity["id"], (line, "entity.names"))

    def _check_add_names(self, line: int, op: Mapping[str, Any]) -> None:
        entity_id = self._id(line, op, "id")
        target = self._active(line, "id", entity_id) if entity_id is not None else None
        good = self._names(line, "names", op.get("names"))
        if target is None:
            return
        held = self.names_of(target)
        if any(k == "canonical" for _, _, k in good) and any(k == "canonical" for _, _, k in held):
            self._add(line, "names", "more than one canonical name")
        present = {(text, lang) for text, lang, _ in held}
        held.extend(n for n in good if (n[0], n[1]) not in present)  # as the writer skips them

    def _check_remove_names(self, line: int, op: Mapping[str, Any]) -> None:
        entity_id = self._id(line, op, "id")
        target = self._active(line, "id", entity_id) if entity_id is not None else None
        wanted = self._names(line, "names", op.get("names"), removing=True)
        if target is None:
            return
        held = self.names_of(target)
        pairs = [(t, wl) for t, wl, _ in wanted]
        kept = [name for name in held if not removed_by(name[0], name[1], pairs)]
        if len(kept) < len(held):
            self._must_name.setdefault(target, (line, "names"))
        held[:] = kept

    def _check_delete(self, line: int, op: Mapping[str, Any]) -> None:
        entity_id = self._id(line, op, "id")
        if entity_id is not None and self._active(line, "id", entity_id) is not None:
            self._view[entity_id] = ("deleted", None)
            self._names_view.pop(entity_id, None)

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
            # the source's names join the target's as `BatchWriter._merge` moves them
            held = self.names_of(target[0])
            has_canonical = any(kind == "canonical" for _, _, kind in held)
            moved = [
                (text, lang, merged_kind(kind, has_canonical))
                for text, lang, kind in self.names_of(source)
            ]
            present = {(text, lang) for text, lang, _ in held}
            held.extend(n for n in moved if (n[0], n[1]) not in present)
            self._names_view.pop(source, None)
            self._view[source] = ("redirect", target[0])

    def _check_not_same(self, line: int, op: Mapping[str, Any]) -> None:
        message = check_name_text(op.get("name"))
        if message is not None:
            self._add(line, "name", message)
        entity_id = self._id(line, op, "id")
        if entity_id is not None and self.state(entity_id) is None:
            self._add(line, "id", f"unknown id {entity_id!r}")


def validate_ops(ops: Sequence[object], status: StatusLookup, names: NamesLookup) -> list[Problem]:
    """Return every problem of a batch (empty when the batch is valid), in line order.

    Args:
        ops: the parsed ops, in batch order.
        status: looks an id up in the store: `(status, redirect target)` or None.
        names: the names the store holds for an active entity: `(text, lang, kind)`.
    """
    validator = BatchValidator(status, names)
    for line, op in enumerate(ops, start=1):
        validator.check(line, op)
    return validator.finish()

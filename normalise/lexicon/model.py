"""The records a lexicon holds and returns: entities, their names, candidate rows and reports.

These are plain frozen dataclasses (and one NamedTuple for the hot candidate path) so that the
resolver, the CLI and the HTTP service can share them without depending on SQLite.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from normalise.match import CandidateRow as CandidateRow  # re-exported: one definition

ENTITY_KINDS = frozenset({"country", "region", "place", "organisation", "person", "other"})
NAME_KINDS = frozenset(
    {"canonical", "official", "variant", "abbreviation", "historical", "demonym"}
)
STATUSES = ("active", "deleted", "redirect")


@dataclass(frozen=True, slots=True)
class Name:
    """One name of an entity.

    Attributes:
        text: the name as written (NFC).
        lang: BCP 47 language tag (`ar`, `tr`, `ar-Latn`) or None when unknown.
        kind: one of `NAME_KINDS`; exactly one name per entity is `canonical`.
        source: where the name comes from (`geonames`, `cldr`, `wikipedia:en`...).
        script: the scripts of its letters joined by `+` (`Arabic`, `Latin`).
    """

    text: str
    lang: str | None = None
    kind: str = "variant"
    source: str | None = None
    script: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the name as a batch-format dict (None fields left out, script derived)."""
        out: dict[str, Any] = {"text": self.text}
        if self.lang is not None:
            out["lang"] = self.lang
        out["kind"] = self.kind
        if self.source is not None:
            out["source"] = self.source
        return out


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity with its names and attributes.

    Attributes:
        id: the permanent CURIE (`geonames:168620`, `iso3166:TR`, `nz:org/...`).
        kind: one of `ENTITY_KINDS`.
        names: every name, the canonical one first.
        country: ISO 3166 alpha-2 code, or None.
        admin1: first-level division code (GeoNames admin1), or None.
        parent: the CURIE of the containing entity, or None.
        population: people living there, when known.
        lat: latitude in degrees, when known.
        lon: longitude in degrees, when known.
        external_ids: other registers' identifiers (`wikidata`, `pcode`...).
        sources: where the entity record comes from.
        redirected_from: the id asked for when `get` followed a merge redirect.
    """

    id: str
    kind: str
    names: tuple[Name, ...] = ()
    country: str | None = None
    admin1: str | None = None
    parent: str | None = None
    population: int | None = None
    lat: float | None = None
    lon: float | None = None
    external_ids: dict[str, str] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    redirected_from: str | None = None

    @property
    def name(self) -> str:
        """The canonical name (the first name), or the id for an entity with no names."""
        for item in self.names:
            if item.kind == "canonical":
                return item.text
        return self.names[0].text if self.names else self.id

    def to_dict(self) -> dict[str, Any]:
        """Return the entity in batch format (the `entity` of an `upsert` op)."""
        out: dict[str, Any] = {"id": self.id, "kind": self.kind}
        for key in ("country", "admin1", "parent", "population", "lat", "lon"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.external_ids:
            out["external_ids"] = dict(sorted(self.external_ids.items()))
        if self.sources:
            out["sources"] = list(self.sources)
        out["names"] = [n.to_dict() for n in self.names]
        return out


@dataclass(frozen=True, slots=True)
class UpdateReport:
    """What applying (or dry-running) a batch did.

    Attributes:
        batch_id: the batch's id (given, or generated).
        version: the lexicon version after the batch (the would-be version for a dry run).
        applied: True when the batch was written (or had been written before).
        dry_run: True when nothing was written on purpose.
        counts: ops per kind plus names added and removed.
        warnings: likely duplicates and other non-fatal findings, as `line N: field: message`.
        replayed: True when the batch id had already been applied and nothing changed.
    """

    batch_id: str
    version: int
    applied: bool
    dry_run: bool
    counts: dict[str, int]
    warnings: list[str]
    replayed: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready data."""
        return {
            "batch_id": self.batch_id,
            "version": self.version,
            "applied": self.applied,
            "dry_run": self.dry_run,
            "counts": dict(self.counts),
            "warnings": list(self.warnings),
            "replayed": self.replayed,
        }

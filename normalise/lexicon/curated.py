"""Strict loading of the curated entities, names and population figures in
`lexicons/entities`, `lexicons/names` and `lexicons/populations`.

The folders hold UTF-8 TSV files with `#` comment lines and a fixed header. Every problem is
reported as `file:line: message`: a wrong header or column count, text that is not NFC, a bad
CURIE, kind or country, a duplicate row, a curated entity without exactly one canonical name,
a population that is no positive whole number. Names may also be given for entities defined
elsewhere (CLDR countries, GeoNames places), as long as they are not canonical; population
figures only for GeoNames places, which the build checks exist and give no figure of their own.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from normalise.errors import LexiconError
from normalise.lexicon.model import ENTITY_KINDS, NAME_KINDS
from normalise.lexicon.validate import check_curie, check_name_text, country_codes
from normalise.paths import lexicons_dir

ENTITY_HEADER = (
    "id", "kind", "country", "admin1", "parent", "population", "lat", "lon", "external_ids",
    "source",
)  # fmt: skip
NAME_HEADER = ("id", "text", "lang", "kind", "source")
POPULATION_HEADER = ("id", "population", "year", "source", "note")
NAME_FLAGS = frozenset({"ambiguous"})


class CuratedDataError(LexiconError):
    """A curated lexicon file is malformed; the message starts with `path:line:`."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = str(path)
        self.line = line


@dataclass(frozen=True, slots=True)
class CuratedName:
    """One row of a names file."""

    entity_id: str
    text: str
    lang: str | None
    kind: str
    source: str | None
    ambiguous: bool
    where: str


@dataclass(frozen=True, slots=True)
class CuratedPopulation:
    """One row of a populations file: a census figure or dated estimate for a GeoNames place
    whose record gives none (cities500 lists 181 of Syria's 308 places with a population of 0)."""

    entity_id: str
    population: int
    year: int
    source: str
    where: str


@dataclass(slots=True)
class CuratedData:
    """Everything in the curated folders.

    Attributes:
        entities: curated entity records by id (batch-format dicts without names).
        names: names by entity id, in file order (curated and external ids alike).
        populations: population figures of GeoNames places by id.
    """

    entities: dict[str, dict[str, object]] = field(default_factory=dict)
    names: dict[str, list[CuratedName]] = field(default_factory=dict)
    populations: dict[str, CuratedPopulation] = field(default_factory=dict)


def _rows(path: Path, header: tuple[str, ...]) -> list[tuple[int, list[str]]]:
    """Return `(line number, fields)` of the data rows after checking header, NFC, columns."""
    rows: list[tuple[int, list[str]]] = []
    seen_header: tuple[str, ...] | None = None
    text = path.read_text(encoding="utf-8")
    for number, line in enumerate(text.split("\n"), start=1):
        if line == "" or line.startswith("#"):
            continue
        if unicodedata.normalize("NFC", line) != line:
            raise CuratedDataError(path, number, "text is not NFC")
        fields = line.split("\t")
        if seen_header is None:
            allowed = (header, (*header, "flags"))
            if tuple(fields) not in allowed:
                raise CuratedDataError(path, number, f"header must be {' '.join(header)}")
            seen_header = tuple(fields)
            continue
        if len(fields) != len(seen_header):
            raise CuratedDataError(
                path, number, f"expected {len(seen_header)} tab-separated fields, got {len(fields)}"
            )
        rows.append((number, [f.strip() for f in fields]))
    if seen_header is None:
        raise CuratedDataError(path, 1, "missing header line")
    return rows


def _optional(value: str) -> str | None:
    return value if value != "" else None


def _entity(path: Path, number: int, fields: list[str]) -> dict[str, object]:
    def fail(message: str) -> CuratedDataError:
        return CuratedDataError(path, number, message)

    entity_id, kind, country, admin1, parent, population, lat, lon, ext, source = fields
    message = check_curie(entity_id)
    if message is not None:
        raise fail(message)
    if kind not in ENTITY_KINDS:
        raise fail(f"unknown entity kind {kind!r}")
    if country != "" and country not in country_codes():
        raise fail(f"unknown country code {country!r}")
    if parent != "" and check_curie(parent) is not None:
        raise fail(f"bad parent CURIE {parent!r}")
    record: dict[str, object] = {"id": entity_id, "kind": kind}
    for key, value in (("country", country), ("admin1", admin1), ("parent", parent)):
        if value != "":
            record[key] = value
    try:
        if population != "":
            record["population"] = int(population)
        if lat != "":
            record["lat"] = float(lat)
        if lon != "":
            record["lon"] = float(lon)
    except ValueError as exc:
        raise fail(f"bad number ({exc})") from exc
    if ext != "":
        pairs = [p.partition("=") for p in ext.split(",")]
        if any(sep != "=" or not k or not v for k, sep, v in pairs):
            raise fail(f"external_ids must be name=value pairs separated by commas: {ext!r}")
        record["external_ids"] = {k: v for k, _, v in pairs}
    if source != "":
        record["sources"] = [source]
    return record


def _name(path: Path, number: int, fields: list[str]) -> CuratedName:
    entity_id, text, lang, kind, source = fields[:5]
    flags = set(fields[5].split(",")) - {""} if len(fields) > 5 else set()
    message = check_curie(entity_id) or check_name_text(text)
    if message is None and kind not in NAME_KINDS:
        message = f"unknown name kind {kind!r}"
    if message is None and flags - NAME_FLAGS:
        message = f"unknown flags {', '.join(sorted(flags - NAME_FLAGS))}"
    if message is not None:
        raise CuratedDataError(path, number, message)
    return CuratedName(
        entity_id, text, _optional(lang), kind, _optional(source), "ambiguous" in flags,
        f"{path}:{number}",
    )  # fmt: skip


def load_curated(root: Path | None = None) -> CuratedData:
    """Load and check every curated entity and name file.

    Args:
        root: the lexicons folder (default: the packaged `lexicons/`).

    Returns:
        The `CuratedData`.

    Raises:
        CuratedDataError: the first problem found, as `file:line: message`.
    """
    root = lexicons_dir() if root is None else root
    data = CuratedData()
    where: dict[str, tuple[Path, int]] = {}
    for path in sorted((root / "entities").glob("*.tsv")):
        for number, fields in _rows(path, ENTITY_HEADER):
            record = _entity(path, number, fields)
            entity_id = str(record["id"])
            if entity_id in data.entities:
                raise CuratedDataError(path, number, f"duplicate entity {entity_id}")
            data.entities[entity_id] = record
            where[entity_id] = (path, number)
    seen: set[tuple[str, str, str | None]] = set()
    for path in sorted((root / "names").glob("*.tsv")):
        for number, fields in _rows(path, NAME_HEADER):
            name = _name(path, number, fields)
            key = (name.entity_id, name.text, name.lang)
            if key in seen:
                raise CuratedDataError(path, number, f"duplicate name {name.text!r}")
            seen.add(key)
            curated = name.entity_id in data.entities
            if not curated and name.entity_id.startswith("nz:"):
                raise CuratedDataError(path, number, f"no entity {name.entity_id} in entities/")
            if name.kind == "canonical" and not curated:
                raise CuratedDataError(
                    path, number, f"canonical name of {name.entity_id}, defined elsewhere"
                )
            names = data.names.setdefault(name.entity_id, [])
            if name.kind == "canonical" and any(n.kind == "canonical" for n in names):
                raise CuratedDataError(path, number, "more than one canonical name")
            names.append(name)
    for entity_id, (path, number) in where.items():
        if not any(n.kind == "canonical" for n in data.names.get(entity_id, [])):
            raise CuratedDataError(path, number, f"{entity_id} has no canonical name")
    for path in sorted((root / "populations").glob("*.tsv")):
        for number, fields in _rows(path, POPULATION_HEADER):
            figure = _population(path, number, fields)
            if figure.entity_id in data.populations:
                raise CuratedDataError(path, number, f"duplicate population of {figure.entity_id}")
            data.populations[figure.entity_id] = figure
    return data


def _population(path: Path, number: int, fields: list[str]) -> CuratedPopulation:
    if len(fields) != len(POPULATION_HEADER):
        raise CuratedDataError(path, number, "a populations file has no flags column")
    entity_id, population, year, source, _note = fields
    if not entity_id.startswith("geonames:") or not _digits(entity_id[9:]):
        raise CuratedDataError(path, number, f"id must be a GeoNames place, got {entity_id!r}")
    if not _digits(population) or int(population) < 1:
        message = f"population must be a positive whole number, got {population!r}"
        raise CuratedDataError(path, number, message)
    if not (_digits(year) and len(year) == 4):
        raise CuratedDataError(path, number, f"year must be four digits, got {year!r}")
    if not source:
        raise CuratedDataError(path, number, "a population needs its source")
    return CuratedPopulation(entity_id, int(population), int(year), source, f"{path}:{number}")


def _digits(text: str) -> bool:
    """Return True for a non-empty run of ASCII digits."""
    return text.isascii() and text.isdigit()

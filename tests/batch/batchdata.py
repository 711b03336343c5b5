"""Test data for batch tests: lexicon entities and input rows with context columns."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

ENTITIES: list[dict[str, Any]] = [
    {
        "id": "geonames:168620",
        "kind": "place",
        "country": "SY",
        "admin1": "10",
        "population": 21845,
        "names": [
            {"text": "Kafr Zaytā", "kind": "canonical"},
            {"text": "كفر زيتا", "lang": "ar", "kind": "official"},
        ],
    },
    {
        "id": "geonames:163345",
        "kind": "place",
        "country": "SY",
        "admin1": "10",
        "population": 9000,
        "names": [{"text": "Suran", "kind": "canonical"}, {"text": "صوران", "lang": "ar"}],
    },
    {
        "id": "geonames:745044",
        "kind": "place",
        "country": "TR",
        "admin1": "34",
        "population": 15000000,
        "names": [{"text": "Istanbul", "kind": "canonical"}, {"text": "İstanbul", "lang": "tr"}],
    },
]
# with letter-case variants (a case-blind outcome cache answers them from one entry, outside
# Turkey) and a Turkish name in other cases (which it does not)
NAMES = ["Kafrzeita", "كفر زيتا", "Sooran", "صوران", "İSTANBUL", "Kafr Zita", "Nowhere",
         "KAFRZEITA", "sooran", "istanbul", "ISTANBUL", "kafr zita"]  # fmt: skip


def make_rows(n: int) -> list[dict[str, str]]:
    """Return `n` rows with a name and context columns, cycling through `NAMES`."""
    rows = []
    for i in range(n):
        name = NAMES[i % len(NAMES)]
        cc = "TR" if "stanbul" in name.lower() or "İ" in name else "SY"
        rows.append({"row": str(i), "place": name, "cc": cc, "adm": "10", "note": f"n{i}"})
    return rows


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    """Write `rows` as a CSV with a header."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path

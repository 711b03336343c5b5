"""Load the protocol's lexicon files (lexicon_A/B.jsonl) into a lexicon through the batch API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from normalise.lexicon import Lexicon

CHUNK = 5000


def protocol_ops(source: Path) -> Iterator[dict[str, Any]]:
    """Yield one upsert op per protocol record; the first name is canonical."""
    with source.open(encoding="utf-8") as fp:
        for line in fp:
            record = json.loads(line)
            names = [
                {"text": text, "kind": "canonical" if i == 0 else "variant"}
                for i, text in enumerate(record["names"])
            ]
            entity = {
                "id": record["id"],
                "kind": "place",
                "country": record["country"],
                "admin1": record.get("admin1") or None,
                "population": record.get("population") or 0,
                "names": names,
            }
            yield {"op": "upsert", "entity": entity}


def load_protocol_lexicon(source: Path, target: Path) -> Lexicon:
    """Create a lexicon at `target` and apply `source`'s records in batches of `CHUNK` ops."""
    lexicon = Lexicon.create(target)
    chunk: list[dict[str, Any]] = []
    for op in protocol_ops(source):
        chunk.append(op)
        if len(chunk) == CHUNK:
            lexicon.apply(chunk)
            chunk = []
    if chunk:
        lexicon.apply(chunk)
    return lexicon

"""Round trip: export -> create -> apply -> export gives byte-identical output."""

from __future__ import annotations

import io
import json
from pathlib import Path

from normalise.lexicon import Lexicon


def export_text(lex: Lexicon) -> str:
    out = io.StringIO()
    lex.export(out)
    return out.getvalue()


def test_round_trip_is_byte_identical(lex: Lexicon, tmp_path: Path) -> None:
    lex.apply(
        [
            {"op": "upsert", "entity": {"id": "nz:place/a", "kind": "place", "country": "SY",
                                        "external_ids": {"wikidata": "Q1"}, "sources": ["x"],
                                        "lat": 35.5, "lon": 36.25,
                                        "names": [{"text": "Maardes", "lang": "en"}]}},
            {"op": "upsert", "entity": {"id": "nz:place/b", "kind": "place", "country": "SY",
                                        "names": [{"text": "Jubayn"}]}},
            {"op": "merge", "from": "nz:place/b", "into": "nz:place/a"},
            {"op": "merge", "from": "nz:place/a", "into": "geonames:168620"},
            {"op": "delete", "id": "geonames:163345"},
            {"op": "not_same", "name": "Kafr Zeta", "id": "geonames:168620"},
            {"op": "not_same", "name": "تركيا", "id": "geonames:168620"},
        ]
    )  # fmt: skip
    first = export_text(lex)
    ops = [json.loads(line) for line in first.splitlines()]
    kinds = [op["op"] for op in ops]
    assert kinds[-5:] == ["merge", "merge", "delete", "not_same", "not_same"]
    copy = Lexicon.create(tmp_path / "copy.lexicon")
    copy.apply(ops)
    assert export_text(copy) == first
    for entity_id in ("nz:place/b", "nz:place/a", "geonames:163345", "iso3166:TR"):
        assert copy.status(entity_id) == lex.status(entity_id)
        assert copy.get(entity_id) == lex.get(entity_id)
    assert copy.candidates(["s:KFRZT"]) == lex.candidates(["s:KFRZT"])


def test_export_orders_upserts_then_merges_deletes_judgements(lex: Lexicon) -> None:
    lex.apply(
        [
            {"op": "not_same", "name": "Suran", "id": "iso3166:TR"},
            {"op": "delete", "id": "geonames:163345"},
        ]
    )
    ops = [json.loads(line) for line in export_text(lex).splitlines()]
    assert [op["op"] for op in ops] == ["upsert"] * 3 + ["delete", "not_same"]
    assert ops[0]["entity"]["id"] == "geonames:163345"
    assert ops[0]["entity"]["names"] == []

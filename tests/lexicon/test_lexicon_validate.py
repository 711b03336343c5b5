"""Every validation error names the op's line and the field at fault; nothing is written."""

from __future__ import annotations

from typing import Any

import pytest

from normalise.errors import BatchRejected
from normalise.lexicon import Lexicon


def place(entity_id: str = "nz:place/x", **fields: Any) -> dict[str, Any]:
    entity: dict[str, Any] = {"id": entity_id, "kind": "place", "country": "SY"}
    entity["names"] = [{"text": "Maardes", "kind": "canonical"}]
    entity.update(fields)
    return {"op": "upsert", "entity": entity}


OK = place("nz:place/ok")


def rejected(lex: Lexicon, ops: list[Any]) -> str:
    before = lex.counts()
    with pytest.raises(BatchRejected) as info:
        lex.apply(ops)
    assert lex.counts() == before
    return str(info.value)


CASES = [
    ("unknown_op", [OK, {"op": "rename", "id": "geonames:1"}], "line 2: op: unknown op 'rename'"),
    ("missing_id", [OK, {"op": "delete"}], "line 2: id: missing id"),
    ("missing_entity_id", [place(None)], "line 1: entity.id: missing id"),
    ("bad_curie", [OK, place("geonames:abc")], "line 2: entity.id: bad CURIE 'geonames:abc'"),
    ("bad_curie_iso", [place("iso3166:tur")], "line 1: entity.id: bad CURIE"),
    ("bad_curie_nz", [place("nz:Place/X Y")], "line 1: entity.id: bad CURIE"),
    ("bad_merge_curie", [{"op": "merge", "from": "kafr", "into": "geonames:168620"}],
     "line 1: from: bad CURIE 'kafr'"),
    ("unknown_country", [OK, OK, place(country="XX")],
     "line 3: entity.country: unknown country code 'XX'"),
    ("empty_name", [place(names=[{"text": "  "}])], "line 1: entity.names[0].text: empty name"),
    ("long_name", [OK, place(names=[{"text": "a" * 513}])],
     "line 2: entity.names[0].text: name longer than 512"),
    ("no_script", [place(names=[{"text": "Maardes", "kind": "canonical"}, {"text": "1234 -"}])],
     "line 1: entity.names[1].text: name '1234 -' has no letters"),
    ("add_empty_name", [{"op": "add_names", "id": "geonames:168620", "names": [{"text": ""}]}],
     "line 1: names[0].text: empty name"),
    ("not_same_no_script", [{"op": "not_same", "name": "...", "id": "geonames:168620"}],
     "line 1: name: name '...' has no letters"),
    ("unknown_name_kind", [place(names=[{"text": "Maardes", "kind": "nickname"}])],
     "line 1: entity.names[0].kind: unknown name kind 'nickname'"),
    ("two_canonical", [place(names=[{"text": "A", "kind": "canonical"},
                                    {"text": "B", "kind": "canonical"}])],
     "line 1: entity.names: more than one canonical name"),
    ("add_second_canonical",
     [{"op": "add_names", "id": "geonames:168620", "names": [{"text": "K", "kind": "canonical"}]}],
     "line 1: names: more than one canonical name"),
    ("merge_into_missing", [{"op": "merge", "from": "geonames:168620", "into": "geonames:9"}],
     "line 1: into: merge into missing id 'geonames:9'"),
    ("merge_into_deleted", [{"op": "delete", "id": "geonames:163345"},
                            {"op": "merge", "from": "geonames:168620", "into": "geonames:163345"}],
     "line 2: into: merge into deleted id 'geonames:163345'"),
    ("merge_cycle", [{"op": "merge", "from": "geonames:168620", "into": "geonames:163345"},
                     {"op": "merge", "from": "geonames:163345", "into": "geonames:168620"}],
     "line 2: into: merge cycle"),
    ("merge_self", [{"op": "merge", "from": "geonames:168620", "into": "geonames:168620"}],
     "line 1: into: merge cycle"),
    ("unknown_entity_kind", [place(kind="village")], "line 1: entity.kind: unknown entity kind"),
    ("add_to_unknown", [{"op": "add_names", "id": "geonames:7", "names": [{"text": "X"}]}],
     "line 1: id: unknown id 'geonames:7'"),
    ("delete_twice", [{"op": "delete", "id": "iso3166:TR"}, {"op": "delete", "id": "iso3166:TR"}],
     "line 2: id: id 'iso3166:TR' is deleted"),
    ("not_an_object", [OK, "upsert"], "line 2: op: an op must be a JSON object"),
    ("bad_population", [place(population=-3)], "line 1: entity.population:"),
    ("bad_lat", [place(lat=123.0)], "line 1: entity.lat:"),
]  # fmt: skip


@pytest.mark.parametrize(("ops", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_validation_error_names_line_and_field(lex: Lexicon, ops: list[Any], expected: str) -> None:
    assert expected in rejected(lex, ops)


def test_every_problem_listed_at_once(lex: Lexicon) -> None:
    message = rejected(
        lex,
        [
            {"op": "bogus"},
            place("geonames:x", country="QQ", names=[{"text": ""}]),
            {"op": "merge", "from": "geonames:168620", "into": "geonames:404"},
        ],
    )
    lines = message.splitlines()[1:]
    assert lines[0].startswith("line 1: op:")
    assert {line.split(":")[0] for line in lines} == {"line 1", "line 2", "line 3"}
    assert sum(line.startswith("line 2:") for line in lines) == 3
    assert lines[-1].startswith("line 3: into: merge into missing id")


def test_problems_are_structured(lex: Lexicon) -> None:
    with pytest.raises(BatchRejected) as info:
        lex.apply([OK, {"op": "delete", "id": "nz:bad id"}])
    assert info.value.problems[0][:2] == (2, "id")


def test_upsert_of_merged_or_deleted_id_is_rejected(lex: Lexicon) -> None:
    lex.apply([{"op": "delete", "id": "iso3166:TR"}])
    message = rejected(lex, [{"op": "upsert", "entity": {"id": "iso3166:TR", "kind": "country"}}])
    assert "line 1: entity.id: id 'iso3166:TR' is deleted; ids are never reused" in message


def test_kosovo_is_a_known_country(lex: Lexicon) -> None:
    lex.apply([place("nz:place/pristina", country="XK")])
    assert lex.status("nz:place/pristina") == "active"

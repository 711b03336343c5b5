"""Batch semantics: counts, versions, idempotency, dry runs, warnings, merges, deletes."""

from __future__ import annotations

import sqlite3

import pytest

from normalise.errors import BatchRejected
from normalise.lexicon import Lexicon


def test_apply_bumps_version_once_and_logs_history(lex: Lexicon) -> None:
    report = lex.apply(
        [{"op": "add_names", "id": "geonames:163345", "names": [{"text": "Sooran", "lang": "en"}]},
         {"op": "not_same", "name": "Suran", "id": "iso3166:TR"}],
        batch_id="b1", actor="tester",
    )  # fmt: skip
    assert report.version == 2
    assert report.applied
    assert report.counts["add_names"] == 1
    assert report.counts["not_same"] == 1
    assert report.counts["names_added"] == 1
    assert lex.version == 2
    history = lex.history()
    assert [h["batch_id"] for h in history] == ["seed", "b1"]
    assert history[1]["actor"] == "tester"
    assert history[1]["version"] == 2


def test_resending_a_batch_id_changes_nothing(lex: Lexicon) -> None:
    ops = [{"op": "add_names", "id": "geonames:163345", "names": [{"text": "Sooran"}]}]
    first = lex.apply(ops, batch_id="same")
    again = lex.apply(ops, batch_id="same")
    assert lex.version == 2
    assert again.replayed
    assert again.to_dict() | {"replayed": False} == first.to_dict()


def test_dry_run_reports_the_same_and_writes_nothing(lex: Lexicon) -> None:
    ops = [{"op": "add_names", "id": "geonames:163345", "names": [{"text": "Kafrzita"}]}]
    before = lex.counts()
    dry = lex.apply(ops, dry_run=True, batch_id="d")
    assert lex.counts() == before
    assert dry.dry_run
    assert not dry.applied
    real = lex.apply(ops, batch_id="d")
    assert (dry.version, dry.counts, dry.warnings) == (real.version, real.counts, real.warnings)


def test_duplicate_warning_for_name_keying_to_another_entity_ar(lex: Lexicon) -> None:
    report = lex.apply(
        [{"op": "add_names", "id": "geonames:163345", "names": [{"text": "كفر زيتا"}]}]
    )
    assert len(report.warnings) == 1
    warning = report.warnings[0]
    assert warning.startswith("line 1: names: 'كفر زيتا' added to geonames:163345")
    assert "geonames:168620" in warning


def test_no_duplicate_warning_across_countries(lex: Lexicon) -> None:
    entity = {"id": "geonames:2", "kind": "place", "country": "LB",
              "names": [{"text": "Kafr Zita", "kind": "canonical"}]}  # fmt: skip
    report = lex.apply([{"op": "upsert", "entity": entity}])
    assert report.warnings == []


def test_merge_leaves_a_redirect(lex: Lexicon) -> None:
    lex.apply([{"op": "merge", "from": "geonames:163345", "into": "geonames:168620"}])
    assert lex.status("geonames:163345") == "redirect"
    entity = lex.get("geonames:163345")
    assert entity is not None
    assert entity.id == "geonames:168620"
    assert entity.redirected_from == "geonames:163345"
    assert "Suran" in [n.text for n in entity.names]
    assert [n.kind for n in entity.names].count("canonical") == 1
    rows = lex.candidates(["x:suran"])
    assert {r.entity_id for r in rows} == {"geonames:168620"}


def test_merge_chains_resolve_to_the_last_survivor(lex: Lexicon) -> None:
    lex.apply([{"op": "merge", "from": "geonames:163345", "into": "geonames:168620"}])
    lex.apply([{"op": "upsert", "entity": {"id": "nz:place/z", "kind": "place"}},
               {"op": "merge", "from": "geonames:168620", "into": "nz:place/z"}])  # fmt: skip
    entity = lex.get("geonames:163345")
    assert entity is not None
    assert entity.id == "nz:place/z"
    # the survivor, upserted with no names to receive them, has Kafr Zita's canonical name
    assert [(n.text, n.kind) for n in entity.names if n.kind == "canonical"] == [
        ("Kafr Zita", "canonical")
    ]


def test_delete_leaves_a_tombstone(lex: Lexicon) -> None:
    lex.apply([{"op": "delete", "id": "geonames:168620"}])
    assert lex.get("geonames:168620") is None
    assert lex.status("geonames:168620") == "deleted"
    assert lex.candidates(["s:KFRZT", "x:kafr zita"]) == []
    assert len(lex) == 2


def test_remove_names_rekeys_the_entity(lex: Lexicon) -> None:
    lex.apply([{"op": "remove_names", "id": "geonames:168620", "names": [{"text": "Kafr Zita"}]}])
    assert lex.candidates(["x:kafr zita"]) == []
    rows = lex.candidates(["s:KFRZT"])
    assert [r.name_text for r in rows] == ["كفر زيتا"]
    conn = sqlite3.connect(lex.path)
    orphans = conn.execute(
        "SELECT count(*) FROM keys WHERE name NOT IN (SELECT rowid FROM names)"
    ).fetchone()[0]
    assert orphans == 0


def test_upsert_replaces_names_and_fields(lex: Lexicon) -> None:
    entity = {"id": "geonames:163345", "kind": "place", "country": "SY", "population": 5,
              "names": [{"text": "Souran"}]}  # fmt: skip
    report = lex.apply([{"op": "upsert", "entity": entity}])
    assert report.counts["names_removed"] == 2
    got = lex.get("geonames:163345")
    assert got is not None
    assert got.population == 5
    assert [(n.text, n.kind) for n in got.names] == [("Souran", "canonical")]
    assert lex.candidates(["x:صوران"]) == []


def test_same_text_added_twice_is_kept_once(lex: Lexicon) -> None:
    report = lex.apply([{"op": "add_names", "id": "geonames:163345", "names": [{"text": "Suran"}]}])
    assert report.counts["names_added"] == 0


# -- no batch leaves an entity nameless, or with no canonical name -------------------------


def names_of(lex: Lexicon, entity_id: str) -> list[tuple[str, str]]:
    entity = lex.get(entity_id)
    assert entity is not None
    return [(n.text, n.kind) for n in entity.names]


def test_an_upsert_without_names_is_rejected_and_keeps_the_old_names(lex: Lexicon) -> None:
    before = names_of(lex, "geonames:163345")
    with pytest.raises(BatchRejected) as info:
        lex.apply([{"op": "upsert", "entity": {"id": "geonames:163345", "kind": "place"}}])
    assert str(info.value).splitlines()[1].startswith(
        "line 1: entity.names: leaves 'geonames:163345' with no name"
    )
    assert names_of(lex, "geonames:163345") == before


def test_removing_every_name_is_rejected(lex: Lexicon) -> None:
    ops = [{"op": "remove_names", "id": "geonames:163345",
            "names": [{"text": "Suran"}, {"text": "صوران"}]}]  # fmt: skip
    with pytest.raises(BatchRejected, match="line 1: names: leaves 'geonames:163345' with no"):
        lex.apply(ops)
    assert len(names_of(lex, "geonames:163345")) == 2


def test_names_replaced_in_one_batch_are_accepted(lex: Lexicon) -> None:
    lex.apply([{"op": "remove_names", "id": "geonames:163345",
                "names": [{"text": "Suran"}, {"text": "صوران"}]},
               {"op": "add_names", "id": "geonames:163345",
                "names": [{"text": "Şūrān", "kind": "canonical"}]}])  # fmt: skip
    assert names_of(lex, "geonames:163345") == [("Şūrān", "canonical")]


def test_a_canonical_name_is_renamed_in_one_batch(lex: Lexicon) -> None:
    report = lex.apply([{"op": "remove_names", "id": "geonames:168620",
                         "names": [{"text": "Kafr Zita"}]},
                        {"op": "add_names", "id": "geonames:168620",
                         "names": [{"text": "Kafr Zaytā", "kind": "canonical"}]}])  # fmt: skip
    assert ("Kafr Zaytā", "canonical") in names_of(lex, "geonames:168620")
    assert not any("canonical" in w for w in report.warnings)


def test_a_second_canonical_name_is_still_rejected(lex: Lexicon) -> None:
    ops = [{"op": "add_names", "id": "geonames:168620",
            "names": [{"text": "Kafr Zaytā", "kind": "canonical"}]}]  # fmt: skip
    with pytest.raises(BatchRejected, match="line 1: names: more than one canonical name"):
        lex.apply(ops)


def test_an_entity_that_loses_its_canonical_name_gets_its_first_with_a_warning(
    lex: Lexicon,
) -> None:
    report = lex.apply([{"op": "remove_names", "id": "geonames:168620",
                         "names": [{"text": "Kafr Zita"}]}])  # fmt: skip
    assert names_of(lex, "geonames:168620")[0] == ("كفر زيتا", "canonical")
    assert [k for _, k in names_of(lex, "geonames:168620")].count("canonical") == 1
    assert report.warnings == [
        "line 1: names: geonames:168620 lost its canonical name; 'كفر زيتا', its first"
        " remaining name, is canonical now"
    ]

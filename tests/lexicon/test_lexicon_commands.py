"""The `normalise lexicon ...` commands, through click's runner on real files."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from normalise.cli import cli

OPS = [
    {"op": "upsert", "entity": {"id": "nz:place/maardes", "kind": "place", "country": "SY",
                                "names": [{"text": "Maardes", "kind": "canonical"},
                                          {"text": "معردس", "lang": "ar"}]}},
    {"op": "add_names", "id": "nz:place/maardes", "names": [{"text": "Maardis", "lang": "tr"}]},
]  # fmt: skip


def jsonl(ops: list[object]) -> str:
    return "".join(json.dumps(op, ensure_ascii=False) + "\n" for op in ops)


def test_create_apply_history_export_get(tmp_path: Path) -> None:
    runner = CliRunner()
    store = str(tmp_path / "a.lexicon")
    ops = tmp_path / "ops.jsonl"
    ops.write_text(jsonl(OPS), encoding="utf-8")
    assert runner.invoke(cli, ["lexicon", "create", store]).exit_code == 0
    dry = runner.invoke(cli, ["lexicon", "apply", str(ops), "--lexicon", store, "--dry-run",
                              "--json"])  # fmt: skip
    assert dry.exit_code == 0, dry.output
    assert json.loads(dry.output)["dry_run"] is True
    done = runner.invoke(cli, ["lexicon", "apply", str(ops), "--lexicon", store, "--json",
                               "--batch-id", "b1", "--actor", "me"])  # fmt: skip
    report = json.loads(done.output)
    assert (report["version"], report["counts"]["names_added"]) == (1, 3)
    history = json.loads(runner.invoke(cli, ["lexicon", "history", "--lexicon", store,
                                             "--json"]).output)  # fmt: skip
    assert [(h["batch_id"], h["actor"]) for h in history] == [("b1", "me")]
    exported = runner.invoke(cli, ["lexicon", "export", "--lexicon", store]).output
    assert json.loads(exported.splitlines()[0])["entity"]["names"][2]["text"] == "Maardis"
    got = runner.invoke(cli, ["lexicon", "get", "nz:place/maardes", "--lexicon", store, "--json"])
    assert json.loads(got.output)["names"][1]["text"] == "معردس"
    info = json.loads(runner.invoke(cli, ["lexicon", "info", "--lexicon", store, "--json"]).output)
    assert info["entities"] == 1


def test_apply_rejects_with_line_and_field(tmp_path: Path) -> None:
    runner = CliRunner()
    store = str(tmp_path / "a.lexicon")
    runner.invoke(cli, ["lexicon", "create", store])
    ops = tmp_path / "bad.jsonl"
    ops.write_text(jsonl([OPS[0], {"op": "delete", "id": "nope"}]) + "{oops\n", encoding="utf-8")
    result = runner.invoke(cli, ["lexicon", "apply", str(ops), "--lexicon", store])
    assert result.exit_code == 1
    assert "line 3: json: not JSON" in result.output
    ops.write_text(jsonl([OPS[0], {"op": "delete", "id": "nope"}]), encoding="utf-8")
    result = runner.invoke(cli, ["lexicon", "apply", str(ops), "--lexicon", store])
    assert "line 2: id: bad CURIE 'nope'" in result.output


def test_export_names_the_entities_left_nameless_and_how_to_mend_them(tmp_path: Path) -> None:
    # a store written before batches kept every entity named: an upsert without names wiped
    # Maardes's (done here in SQL, as no batch can any more)
    runner = CliRunner()
    store = str(tmp_path / "old.lexicon")
    ops = tmp_path / "ops.jsonl"
    ops.write_text(jsonl(OPS), encoding="utf-8")
    runner.invoke(cli, ["lexicon", "create", store])
    runner.invoke(cli, ["lexicon", "apply", str(ops), "--lexicon", store])
    with sqlite3.connect(store) as conn:
        conn.execute("DELETE FROM keys")
        conn.execute("DELETE FROM names")
    exported = runner.invoke(cli, ["lexicon", "export", "--lexicon", store])
    assert exported.exit_code == 0
    assert "warning: 1 entity has no name (nz:place/maardes)" in exported.stderr
    assert '"op": "add_names"' in exported.stderr
    copy = str(tmp_path / "copy.lexicon")
    runner.invoke(cli, ["lexicon", "create", copy])
    (tmp_path / "export.jsonl").write_text(exported.stdout, encoding="utf-8")
    rejected = runner.invoke(cli, ["lexicon", "apply", str(tmp_path / "export.jsonl"),
                                   "--lexicon", copy])  # fmt: skip
    assert rejected.exit_code != 0 and "line 1: entity.names: leaves 'nz:place/maardes'" in (
        rejected.output
    )
    # the mend the warning gives, then the export applies and warns no more
    mend = {"op": "add_names", "id": "nz:place/maardes", "names": [{"text": "Maardes"}]}
    ops.write_text(jsonl([mend]), encoding="utf-8")
    assert runner.invoke(cli, ["lexicon", "apply", str(ops), "--lexicon", store]).exit_code == 0
    again = runner.invoke(cli, ["lexicon", "export", "--lexicon", store])
    assert again.stderr == ""
    (tmp_path / "export.jsonl").write_text(again.stdout, encoding="utf-8")
    applied = runner.invoke(cli, ["lexicon", "apply", str(tmp_path / "export.jsonl"),
                                  "--lexicon", copy])  # fmt: skip
    assert applied.exit_code == 0, applied.output


def test_get_unknown_id_fails(tmp_path: Path) -> None:
    runner = CliRunner()
    store = str(tmp_path / "a.lexicon")
    runner.invoke(cli, ["lexicon", "create", store])
    result = runner.invoke(cli, ["lexicon", "get", "geonames:1", "--lexicon", store])
    assert result.exit_code == 1
    assert "unknown id" in result.output


def test_every_lexicon_command_has_help() -> None:
    runner = CliRunner()
    for command in ("build", "create", "apply", "export", "history", "rekey", "get", "info"):
        result = runner.invoke(cli, ["lexicon", command, "--help"])
        assert result.exit_code == 0
        assert "Usage" in result.output

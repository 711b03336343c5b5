"""Crash safety and concurrency: real processes, real SQLite files, real SIGKILL."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

from normalise.lexicon import Lexicon

CHILD = textwrap.dedent(
    """
    import json, sys
    from normalise.lexicon import Lexicon
    from normalise.lexicon.batch import BatchWriter

    path, ops_file, batch_id, marker = sys.argv[1:5]
    marker = int(marker)
    original = BatchWriter.apply

    def apply(self, line, op):
        if line == marker:
            print("midway", flush=True)
        original(self, line, op)

    BatchWriter.apply = apply
    ops = [json.loads(line) for line in open(ops_file, encoding="utf-8")]
    lex = Lexicon.open(path)
    lex._conn.execute("PRAGMA cache_size = 50")  # spill pages to the WAL before commit
    print("ready", flush=True)
    report = lex.apply(ops, batch_id=batch_id)
    print(json.dumps(report.to_dict()), flush=True)
    """
)


def batch(prefix: str, count: int, distinct: int = 1_000_000) -> list[dict[str, Any]]:
    """Return `count` upserts of new places; names repeat every `distinct` ops (cached keys)."""
    ops: list[dict[str, Any]] = []
    for i in range(count):
        name = {"text": f"{prefix} Tall {i % distinct}"}
        entity = {"id": f"nz:place/{prefix}-{i}", "kind": "place", "country": "SY", "names": [name]}
        ops.append({"op": "upsert", "entity": entity})
    return ops


def spawn(
    tmp: Path, store: Path, ops: list[dict[str, Any]], batch_id: str, marker: int = 0
) -> subprocess.Popen[str]:
    script = tmp / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    ops_file = tmp / f"{batch_id}.jsonl"
    ops_file.write_text("".join(json.dumps(op) + "\n" for op in ops), encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, str(script), str(store), str(ops_file), batch_id, str(marker)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip


def test_sigkill_midway_leaves_the_old_version(lex: Lexicon, tmp_path: Path) -> None:
    ops = batch("crash", 100_000, distinct=100)
    before = lex.counts()
    child = spawn(tmp_path, lex.path, ops, "big", marker=50_000)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    assert child.stdout.readline().strip() == "midway"
    time.sleep(0.2)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL
    fresh = Lexicon.open(lex.path)
    assert fresh.counts() == before
    assert fresh.status("nz:place/crash-0") is None
    conn = sqlite3.connect(lex.path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    report = fresh.apply(ops, batch_id="big")
    assert report.version == before["version"] + 1
    assert fresh.counts()["entities"] == before["entities"] + 100_000
    fresh.close()


def test_two_writers_both_apply_in_some_order(lex: Lexicon, tmp_path: Path) -> None:
    children = [spawn(tmp_path, lex.path, batch(p, 2000), p) for p in ("left", "right")]
    reports = []
    for child in children:
        out, _ = child.communicate(timeout=300)
        assert child.returncode == 0
        reports.append(json.loads(out.splitlines()[-1]))
    assert sorted(r["version"] for r in reports) == [2, 3]
    assert lex.version == 3
    assert len(lex) == 3 + 4000
    assert {h["batch_id"] for h in lex.history()} == {"seed", "left", "right"}


def test_reader_sees_old_or_new_never_a_mix(lex: Lexicon, tmp_path: Path) -> None:
    reader = Lexicon.open(lex.path, readonly=True)
    child = spawn(tmp_path, lex.path, batch("mid", 3000), "mid")
    seen: set[tuple[int, int, int]] = set()
    while child.poll() is None:
        counts = reader.counts()
        seen.add((counts["version"], counts["entities"], counts["names"]))
        time.sleep(0.01)
    counts = reader.counts()
    seen.add((counts["version"], counts["entities"], counts["names"]))
    assert child.returncode == 0
    assert seen <= {(1, 3, 7), (2, 3003, 3007)}
    assert (2, 3003, 3007) in seen
    reader.close()

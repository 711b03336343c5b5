"""`--resume` after SIGKILL gives exactly the output of an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from batchdata import make_rows, write_csv

ROWS = 6000
CHUNK_ROWS = 100  # the run checkpoints every chunk; it is killed after its first one, with
# dozens left, so a fast machine cannot finish the run before the kill lands


def batch_args(src: Path, out: Path, lexicon: Path, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "normalise", "batch", str(src), "--output", str(out),
        "--column", "place", "--country-column", "cc", "--admin1-column", "adm",
        "--lexicon", str(lexicon), "--chunk-rows", str(CHUNK_ROWS), "--quiet", *extra,
    ]  # fmt: skip


def rows_done(out: Path) -> int:
    checkpoint = Path(f"{out}.nz-checkpoint")
    if checkpoint.is_file():
        try:
            return int(json.loads(checkpoint.read_text())["rows"])
        except (ValueError, KeyError):
            return 0
    return CHUNK_ROWS * len(list(Path(f"{out}.nz-parts").glob("part-*.parquet")))


def kill_midway(args: list[str], out: Path) -> None:
    proc = subprocess.Popen(args)
    deadline = time.monotonic() + 120
    while rows_done(out) < CHUNK_ROWS:
        assert proc.poll() is None, "the run finished before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < rows_done(out) < ROWS


@pytest.mark.parametrize("ext", ["csv", "jsonl", "parquet"])
def test_resume_after_kill_equals_uninterrupted_run(
    tmp_path: Path, lexicon: Path, ext: str
) -> None:
    src = write_csv(tmp_path / "in.csv", make_rows(ROWS))
    full, killed = tmp_path / f"full.{ext}", tmp_path / f"killed.{ext}"
    subprocess.run(batch_args(src, full, lexicon), check=True)
    kill_midway(batch_args(src, killed, lexicon), killed)
    done = subprocess.run(batch_args(src, killed, lexicon, "--resume", "--json"),
                          check=True, capture_output=True, text=True)  # fmt: skip
    summary = json.loads(done.stdout)
    assert 0 < summary["resumed_from"] < ROWS
    assert summary["resumed_from"] + summary["rows"] == ROWS
    if ext == "parquet":
        assert pq.read_table(killed).equals(pq.read_table(full))
        assert isinstance(pq.read_table(killed), pa.Table)
    else:
        assert killed.read_bytes() == full.read_bytes()

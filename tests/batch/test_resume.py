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


def test_an_output_with_other_columns_is_not_resumed(tmp_path: Path, lexicon: Path) -> None:
    # an output a version before `nz_confidence` left behind (its checkpoint records no
    # columns, its Parquet parts have six `nz_*` columns): appending rows of seven would
    # corrupt it, so the run stops and says how to start over, leaving it as it was
    from normalise.batchrow import BatchOptions
    from normalise.filebatch import run_batch
    from normalise.fileformats import NZ_COLUMNS, BatchFileError

    options = BatchOptions("place", country_column="cc", admin1_column="adm")
    src = write_csv(tmp_path / "in.csv", make_rows(10))
    old = [c for c in NZ_COLUMNS if c != "nz_confidence"]
    out = tmp_path / "out.csv"
    written = ",".join(["place", "cc", "adm", *old]) + "\nKafrzeita,SY,10,geonames:168620\n"
    out.write_text(written, "utf-8")
    checkpoint = Path(f"{out}.nz-checkpoint")
    checkpoint.write_text(json.dumps({"rows": 1, "bytes": len(written.encode())}), "utf-8")
    with pytest.raises(BatchFileError, match="other columns .*run again without --resume"):
        run_batch(src, out, options, lexicon=lexicon, progress=False, resume=True)
    assert out.read_text("utf-8") == written and checkpoint.is_file()

    parquet = tmp_path / "out.parquet"
    parts = Path(f"{parquet}.nz-parts")
    parts.mkdir()
    part = pa.Table.from_pylist([{c: "x" for c in ["place", "cc", "adm", *old]}])
    pq.write_table(part, parts / "part-00000001.parquet")
    with pytest.raises(BatchFileError, match="other columns .*run again without --resume"):
        run_batch(src, parquet, options, lexicon=lexicon, progress=False, resume=True)
    assert [p.name for p in parts.iterdir()] == ["part-00000001.parquet"]

"""`normalise batch` and `run_batch`: round trips, bad rows, workers."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from batchdata import make_rows, write_csv
from click.testing import CliRunner

from normalise import Normaliser
from normalise.batchrow import BatchOptions, check_name
from normalise.cli import cli
from normalise.filebatch import run_batch
from normalise.fileformats import NZ_COLUMNS

OPTIONS = BatchOptions("place", country_column="cc", admin1_column="adm")


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", errors="surrogateescape", newline="") as f:
        return list(csv.DictReader(f))


def check_output(rows: list[dict[str, str]], out: list[dict[str, object]]) -> None:
    assert len(out) == len(rows)
    for row, got in zip(rows, out, strict=True):
        assert {k: got[k] for k in row} == row
        assert set(NZ_COLUMNS) <= set(got)
    by_name = {r["place"]: o["nz_id"] for r, o in zip(rows, out, strict=True)}
    assert by_name["Kafrzeita"] == "geonames:168620"
    assert by_name["كفر زيتا"] == "geonames:168620"
    assert by_name["صوران"] == "geonames:163345"
    assert by_name["İSTANBUL"] == "geonames:745044"
    assert by_name["KAFRZEITA"] == by_name["kafr zita"] == "geonames:168620"
    assert by_name["sooran"] == "geonames:163345"


def test_csv_round_trip_keeps_context_columns(tmp_path: Path, lexicon: Path) -> None:
    rows = make_rows(20)
    src = write_csv(tmp_path / "in.csv", rows)
    summary = run_batch(src, tmp_path / "out.csv", OPTIONS, lexicon=lexicon, progress=False)
    out = read_csv(tmp_path / "out.csv")
    check_output(rows, out)  # type: ignore[arg-type]
    assert list(out[0]) == [*rows[0], *NZ_COLUMNS]
    assert summary.rows == 20 and sum(summary.errors.values()) == 0
    assert not Path(f"{tmp_path / 'out.csv'}.nz-checkpoint").exists()


def test_jsonl_round_trip_keeps_context_columns(tmp_path: Path, lexicon: Path) -> None:
    rows = make_rows(15)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    run_batch(src, tmp_path / "out.jsonl", OPTIONS, lexicon=lexicon, progress=False)
    lines = (tmp_path / "out.jsonl").read_text("utf-8").splitlines()
    check_output(rows, [json.loads(line) for line in lines])


def test_parquet_round_trip_keeps_types(tmp_path: Path, lexicon: Path) -> None:
    rows = make_rows(15)
    table = pa.Table.from_pylist(rows).append_column("weight", pa.array(range(15), pa.int64()))
    pq.write_table(table, tmp_path / "in.parquet")
    run_batch(
        tmp_path / "in.parquet", tmp_path / "out.parquet", OPTIONS, lexicon=lexicon,
        progress=False, chunk_rows=4,
    )  # fmt: skip
    out = pq.read_table(tmp_path / "out.parquet")
    assert out.schema.field("weight").type == pa.int64()
    assert out.schema.field("nz_score").type == pa.float64()
    check_output(rows, out.to_pylist())
    assert not Path(f"{tmp_path / 'out.parquet'}.nz-parts").exists()


def test_each_row_carries_its_answers_confidence(tmp_path: Path, lexicon: Path) -> None:
    # `nz_confidence` is the first candidate's `Match.confidence`, as the library gives it;
    # `nz_match` is true exactly when it reaches the calibrated cut; a bad row has none
    rows = make_rows(20)
    src = write_csv(tmp_path / "in.csv", [*rows, {"place": " ", "cc": "SY", "adm": ""}])
    run_batch(src, tmp_path / "out.csv", OPTIONS, lexicon=lexicon, progress=False)
    out = read_csv(tmp_path / "out.csv")
    with Normaliser.open(lexicon) as nz:
        cut = nz.resolver.threshold
        for row, got in zip(rows, out, strict=False):
            found = nz.resolve(row["place"], country=row["cc"] or None,
                               admin1=row["adm"] or None, limit=1)  # fmt: skip
            expected = found[0].confidence if found else None
            assert (float(got["nz_confidence"]) if got["nz_confidence"] else None) == expected
            assert (got["nz_match"] == "true") == (expected is not None and expected >= cut)
    assert {r["nz_match"] for r in out} == {"true", "false"}  # both kinds of answer met
    assert out[-1]["nz_error"] == "empty name" and out[-1]["nz_confidence"] == ""


def test_bad_rows_are_flagged_and_counted(tmp_path: Path, lexicon: Path) -> None:
    src = tmp_path / "bad.csv"
    with open(src, "wb") as f:
        f.write(b"row,place,cc\n1,Kafrzeita,SY\n2,,SY\n")
        f.write(b"3,Kafr\xff\xfeZita,SY\n")
        f.write(b"4," + b"x" * 10_000 + b",SY\n")
        f.write("5,صوران,SY\n".encode())
    runner = CliRunner()
    result = runner.invoke(
        cli,
        ["batch", str(src), "--column", "place", "--country-column", "cc",
         "--lexicon", str(lexicon), "--output", str(tmp_path / "out.csv"), "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["rows"] == 5 and summary["errors"] == 3
    out = read_csv(tmp_path / "out.csv")
    assert [r["nz_error"] for r in out] == [
        "", "empty name", "invalid UTF-8", "name too long (over 512 characters)", "",
    ]  # fmt: skip
    assert out[0]["nz_id"] == "geonames:168620" and out[4]["nz_id"] == "geonames:163345"
    # The undecodable bytes are written back unchanged.
    assert b"Kafr\xff\xfeZita" in (tmp_path / "out.csv").read_bytes()


def test_batch_cache_option_changes_no_answer(tmp_path: Path, lexicon: Path) -> None:
    rows = make_rows(20) * 2  # every name twice
    src = write_csv(tmp_path / "in.csv", rows)
    outputs = []
    for size in ("0", "3"):
        out = tmp_path / f"out{size}.csv"
        result = CliRunner().invoke(
            cli,
            ["batch", str(src), "--column", "place", "--country-column", "cc",
             "--admin1-column", "adm", "--lexicon", str(lexicon), "-o", str(out),
             "--cache", size, "--quiet"],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        outputs.append(read_csv(out))
    assert outputs[0] == outputs[1]
    check_output(rows, outputs[0])  # type: ignore[arg-type]
    bad = CliRunner().invoke(cli, ["batch", str(src), "--cache", "-1"])
    assert bad.exit_code == 2 and "--cache" in bad.output


def test_csv_with_a_byte_order_mark(tmp_path: Path, lexicon: Path) -> None:
    src = tmp_path / "excel.csv"  # what spreadsheet programs save as "CSV UTF-8"
    src.write_bytes("\ufeffplace,cc\nKafrzeita,SY\nصوران,SY\n".encode())
    run_batch(src, tmp_path / "out.csv", OPTIONS, lexicon=lexicon, progress=False)
    out = read_csv(tmp_path / "out.csv")
    assert list(out[0])[:2] == ["place", "cc"]
    assert [r["nz_id"] for r in out] == ["geonames:168620", "geonames:163345"]


def test_csv_ragged_rows_and_an_earlier_runs_columns(tmp_path: Path, lexicon: Path) -> None:
    # a short row's missing cells stay empty, a long row's extra cells are dropped, and the
    # `nz_*` columns of an earlier run are replaced where the output puts them: at the end
    src = tmp_path / "rerun.csv"
    src.write_text(
        "nz_id,place,cc,nz_match\nold,Kafrzeita,SY,true\nold,Taxi\nold,صوران,SY,false,extra\n",
        "utf-8",
    )
    run_batch(src, tmp_path / "out.csv", OPTIONS, lexicon=lexicon, progress=False)
    lines = (tmp_path / "out.csv").read_text("utf-8").splitlines()
    assert lines[0] == ",".join(["place", "cc", *NZ_COLUMNS])
    assert lines[2].startswith("Taxi,,")
    out = read_csv(tmp_path / "out.csv")
    assert [(r["place"], r["cc"], r["nz_id"]) for r in out[::2]] == [
        ("Kafrzeita", "SY", "geonames:168620"),
        ("صوران", "SY", "geonames:163345"),
    ]
    assert out[0]["nz_match"] in {"true", "false"} and out[0]["nz_error"] == ""
    assert out[0]["nz_score"] == repr(float(out[0]["nz_score"]))


def test_missing_column_lists_the_columns_and_the_separator(tmp_path: Path, lexicon: Path) -> None:
    src = tmp_path / "semicolons.csv"
    src.write_text("place;cc\nKafrzeita;SY\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["batch", str(src), "--column", "place", "--lexicon", str(lexicon)]
    )
    assert result.exit_code != 0
    assert "has no column 'place' (its columns: 'place;cc'); name it with --column" in (
        result.output
    )
    assert "looks ';'-separated: CSV input must be comma-separated" in result.output
    assert not (tmp_path / "semicolons.nz.csv").exists()


def test_a_row_with_a_bad_country_is_flagged(tmp_path: Path, lexicon: Path) -> None:
    src = tmp_path / "countries.csv"
    src.write_text("place,cc\nKafrzeita,Syria\nKafrzeita,sy\n", encoding="utf-8")
    summary = run_batch(src, tmp_path / "out.csv", OPTIONS, lexicon=lexicon, progress=False)
    out = read_csv(tmp_path / "out.csv")
    assert out[0]["nz_id"] == "" and "ISO 3166-1 alpha-2" in out[0]["nz_error"]
    assert out[1]["nz_id"] == "geonames:168620" and out[1]["nz_error"] == ""
    assert summary.rows == 2 and sum(summary.errors.values()) == 1


def test_bad_jsonl_records_do_not_abort(tmp_path: Path, lexicon: Path) -> None:
    src = tmp_path / "bad.jsonl"
    src.write_bytes(b'{"place": "Kafrzeita"}\nnot json\n{"place": null}\n{"place": 7}\n')
    summary = run_batch(src, tmp_path / "o.jsonl", BatchOptions("place"), lexicon=lexicon,
                        progress=False)  # fmt: skip
    errors = [json.loads(x)["nz_error"] for x in (tmp_path / "o.jsonl").read_text().splitlines()]
    assert errors == [None, "invalid JSON record", "empty name", "name is not text"]
    assert summary.rows == 4


def test_check_name_limits() -> None:
    assert check_name("x" * 512) is None
    assert check_name("x" * 513) is not None
    assert check_name("   ") == "empty name"
    assert check_name(b"\xff") == "invalid UTF-8"
    assert check_name("كفر زيتا") is None


def test_two_workers_equal_single_process(tmp_path: Path, lexicon: Path) -> None:
    src = write_csv(tmp_path / "in.csv", make_rows(700))
    run_batch(src, tmp_path / "one.csv", OPTIONS, lexicon=lexicon, progress=False,
              chunk_rows=50)  # fmt: skip
    run_batch(src, tmp_path / "two.csv", OPTIONS, lexicon=lexicon, progress=False,
              chunk_rows=50, workers=2)  # fmt: skip
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "two.csv").read_bytes()


def test_a_query_repeated_across_chunks_is_sent_to_a_worker_once() -> None:
    from normalise.batchrow import Outcome, Query
    from normalise.outcomecache import OutcomeCache
    from normalise.workers import _Awaited, _Pending

    a, b, c = (Query(n, "SY", None, None) for n in ("Sooran", "Suran", "Kirnez"))
    bad = Outcome(error="empty name")
    cache: OutcomeCache = OutcomeCache()
    waiting: dict[Query, _Awaited] = {}
    first = _Pending([a, b, a, bad], cache, waiting)
    second = _Pending([b, c, a], cache, waiting)  # sent before the first comes back
    assert first.sent == [a, b] and second.sent == [c]
    answer = {q: Outcome(id=f"id:{q.name}") for q in (a, b, c)}
    got_first = first.finish([answer[a], answer[b]], cache, waiting)
    assert got_first == [answer[a], answer[b], answer[a], bad]
    assert second.finish([answer[c]], cache, waiting) == [answer[b], answer[c], answer[a]]
    assert waiting == {}  # nothing is held once every chunk is out
    third = _Pending([c, a], cache, waiting)  # now remembered: nothing to send
    assert third.sent == [] and third.finish([], cache, waiting) == [answer[c], answer[a]]


def test_workers_from_a_script_read_on_stdin_fail_fast(tmp_path: Path, lexicon: Path) -> None:
    # spawned workers import the main script again; one read from stdin has no file, and the
    # pool would start a dying worker forever
    src = write_csv(tmp_path / "in.csv", make_rows(10))
    script = (
        "from pathlib import Path\n"
        "from normalise.errors import WorkerStartError\n"
        "from normalise.batchrow import BatchOptions\n"
        "from normalise.filebatch import run_batch\n"
        "try:\n"
        f"    run_batch(Path({str(src)!r}), Path({str(tmp_path / 'out.csv')!r}),"
        f" BatchOptions('place'), lexicon=Path({str(lexicon)!r}), workers=2, progress=False)\n"
        "except WorkerStartError as exc:\n"
        "    print('refused:', exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-"], input=script, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "refused: worker processes cannot start" in done.stdout
    assert "save it to a file" in done.stdout

"""Chunked readers and resumable writers for CSV, JSON Lines and Parquet batch files.

Readers yield lists of row dicts so memory stays bounded by the chunk size. Writers append one
chunk at a time and can say how many rows a previous, interrupted run finished:

- CSV and JSONL are appended and flushed once per chunk; a checkpoint file beside the output
  (`OUTPUT.nz-checkpoint`) records the rows done and the byte length after the last whole chunk,
  so a resumed run truncates any torn tail and carries on.
- Parquet has no valid prefix (its footer comes last), so each chunk is written as a complete
  part file into `OUTPUT.nz-parts/`; `close` streams the parts into the output, one row group
  each, and removes them.

Invalid UTF-8 in CSV and JSONL is read with `surrogateescape`, so a bad row survives to be
flagged, and written back byte for byte.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from normalise.errors import NormaliseError

FORMATS = ("csv", "jsonl", "parquet")
EXTENSIONS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
# The columns a batch adds (`nz_confidence` came last, after the others, so that the first six
# keep their places in outputs read by position)
NZ_COLUMNS = (
    "nz_id", "nz_name", "nz_score", "nz_match", "nz_why", "nz_error", "nz_confidence"
)  # fmt: skip
# Their value types, as Arrow names them (`pyarrow.type_for_alias`); Dask reads the same
# (`dask.resolve_partition`: nullable floats)
NZ_TYPES = ("string", "string", "float64", "bool", "string", "string", "float64")
Row = dict[str, Any]


class BatchFileError(NormaliseError):
    """A batch input or output file cannot be read, written or resumed."""


# UTF-8, with the byte-order mark that spreadsheet programs write dropped (else the first
# column would be named "\ufeffname"). Undecodable bytes survive as surrogates and are
# reported per row.
CSV_ENCODING = "utf-8-sig"


def detect_format(path: Path, override: str | None = None) -> str:
    """Return the file format: `override` when given, else from the extension.

    Raises:
        BatchFileError: the extension is unknown and no format was given.
    """
    if override is not None:
        if override not in FORMATS:
            raise BatchFileError(f"unknown format {override!r}: use one of {', '.join(FORMATS)}")
        return override
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        raise BatchFileError(f"cannot tell the format of {path}: use --format csv|jsonl|parquet")
    return fmt


def count_rows(path: Path, fmt: str) -> int | None:
    """Return the number of data rows cheaply where possible (Parquet, JSONL), else None."""
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(path).metadata.num_rows)
    if fmt == "jsonl":
        with open(path, "rb") as f:
            return sum(1 for line in f if line.strip())
    return None


def read_columns(path: Path, fmt: str) -> list[str]:
    """Return the input's column names (JSONL: the keys of the first valid record)."""
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return list(pq.ParquetFile(path).schema_arrow.names)
    if fmt == "csv":
        with open(path, encoding=CSV_ENCODING, errors="surrogateescape", newline="") as f:
            return next(csv.reader(f), [])
    for chunk in read_chunks(path, fmt, 1):
        return [key for key in chunk[0] if key not in NZ_COLUMNS]
    return []


def read_chunks(path: Path, fmt: str, size: int, skip: int = 0) -> Iterator[list[Row]]:
    """Yield the rows of `path` as dicts, in lists of at most `size`, after `skip` rows."""
    if fmt == "parquet":
        yield from _read_parquet(path, size, skip)
        return
    rows = _read_csv(path) if fmt == "csv" else _read_jsonl(path)
    chunk: list[Row] = []
    for index, row in enumerate(rows):
        if index < skip:
            continue
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _read_csv(path: Path) -> Iterator[Row]:
    with open(path, encoding=CSV_ENCODING, errors="surrogateescape", newline="") as f:
        yield from csv.DictReader(f)


def _read_jsonl(path: Path) -> Iterator[Row]:
    with open(path, "rb") as f:
        for raw in f:
            if not raw.strip():
                continue
            text = raw.decode("utf-8", errors="surrogateescape")
            try:
                record = json.loads(text)
            except ValueError:
                record = None
            if not isinstance(record, dict):
                yield {"nz_error": "invalid JSON record"}
            else:
                yield record


def _read_parquet(path: Path, size: int, skip: int) -> Iterator[list[Row]]:
    import pyarrow.parquet as pq

    seen = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=size):
        if seen + batch.num_rows <= skip:
            seen += batch.num_rows
            continue
        if seen < skip:
            batch = batch.slice(skip - seen)
        seen += batch.num_rows
        yield batch.to_pylist()


class Sink(Protocol):
    """A resumable output: `done` rows were finished before; `write` appends one chunk."""

    done: int

    def write(self, rows: Sequence[Row], results: Sequence[Sequence[Any]]) -> None:
        """Append one chunk durably (a kill after it returns keeps it): each input row with
        its result, the values of the `NZ_COLUMNS` in order."""
        ...

    def close(self) -> None:
        """Finish the output file."""
        ...


class TextSink:
    """CSV or JSONL output, appended per chunk with a checkpoint for `resume`."""

    def __init__(self, path: Path, fmt: str, columns: Sequence[str], resume: bool) -> None:
        self.path, self.fmt, self.columns = path, fmt, list(columns)
        self.checkpoint = Path(f"{path}.nz-checkpoint")
        self.done, offset = 0, 0
        if resume and self.checkpoint.is_file():
            state = json.loads(self.checkpoint.read_text(encoding="utf-8"))
            _check_columns(path, state.get("columns"), self.columns)
            self.done, offset = int(state["rows"]), int(state["bytes"])
        elif resume and path.is_file():
            raise BatchFileError(f"cannot resume {path}: no checkpoint (finished or not ours)")
        self.file = open(path, "r+b" if offset > 0 else "wb")  # noqa: SIM115
        self.file.truncate(offset)
        self.file.seek(offset)
        # the input's columns, in the output's order (an input's own `nz_*` are replaced)
        self._inputs = [c for c in self.columns if c not in NZ_COLUMNS]
        if offset == 0 and fmt == "csv":
            self._append(_render_csv([self.columns]))

    def _append(self, text: str) -> None:
        self.file.write(text.encode("utf-8", errors="surrogateescape"))
        self.file.flush()
        state = {"rows": self.done, "bytes": self.file.tell(), "columns": self.columns}
        tmp = Path(f"{self.checkpoint}.tmp")
        tmp.write_text(json.dumps(state), encoding="utf-8")
        os.replace(tmp, self.checkpoint)

    def write(self, rows: Sequence[Row], results: Sequence[Sequence[Any]]) -> None:
        """Append the chunk in one write, then record the checkpoint."""
        if self.fmt == "csv":
            inputs = self._inputs
            text = _render_csv(
                [*map(row.get, inputs), *_csv_result(result)]
                for row, result in zip(rows, results, strict=True)
            )
        else:
            text = "".join(
                json.dumps(record, ensure_ascii=False) + "\n" for record in _records(rows, results)
            )
        self.done += len(rows)
        self._append(text)

    def close(self) -> None:
        """Close the file and drop the checkpoint: the output is complete."""
        self.file.close()
        self.checkpoint.unlink(missing_ok=True)


def _check_columns(path: Path, written: object, columns: Sequence[str]) -> None:
    """Raise BatchFileError when the output a run left behind has other columns than this run
    writes (another input, or a version of normalise before `nz_confidence`)."""
    if written != list(columns):
        shown = ", ".join(map(str, written)) if isinstance(written, list) else "not recorded"
        raise BatchFileError(
            f"cannot resume {path}: it was written with other columns ({shown}) than this run"
            f" writes ({', '.join(columns)}); run again without --resume to start over"
        )


def _render_csv(records: Iterable[Sequence[Any]]) -> str:
    """Return CSV lines of `records` (lists of cells; None is written as an empty cell)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(records)
    return buffer.getvalue()


def _csv_result(result: Sequence[Any]) -> Sequence[Any]:
    """Return the `nz_*` cells of a result: `nz_match` as `true` or `false`."""
    entity, name, score, match, why, error, confidence = result
    return entity, name, score, "true" if match else "false", why, error, confidence


def _records(rows: Sequence[Row], results: Sequence[Sequence[Any]]) -> Iterator[Row]:
    """Yield each input row with its result's `nz_*` values (replacing the input's own)."""
    for row, result in zip(rows, results, strict=True):
        yield {**row, **dict(zip(NZ_COLUMNS, result, strict=True))}


class ParquetSink:
    """Parquet output written as one complete part file per chunk, merged on `close`."""

    def __init__(self, path: Path, schema: Any, resume: bool, text_input: bool) -> None:
        import pyarrow.parquet as pq

        self.path, self.schema, self.text_input = path, schema, text_input
        self.parts = Path(f"{path}.nz-parts")
        if not resume and self.parts.exists():
            shutil.rmtree(self.parts)
        self.parts.mkdir(parents=True, exist_ok=True)
        self.count = 0
        self.done = 0
        for part in sorted(self.parts.glob("part-*.parquet")):
            found = pq.ParquetFile(part)
            if not found.schema_arrow.equals(schema):
                _check_columns(path, found.schema_arrow.names, schema.names)
                raise BatchFileError(
                    f"cannot resume {path}: {part.name} was written with other column types"
                    " than this run writes; run again without --resume to start over"
                )
            self.count += 1
            self.done += int(found.metadata.num_rows)

    def write(self, rows: Sequence[Row], results: Sequence[Sequence[Any]]) -> None:
        """Write the chunk to a new part file, atomically (temp file then rename)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        records = list(_records(rows, results))
        if self.text_input:
            records = [{k: _parquet_text(k, v) for k, v in row.items()} for row in records]
        table = pa.Table.from_pylist(records, schema=self.schema)
        self.count += 1
        final = self.parts / f"part-{self.count:08d}.parquet"
        tmp = self.parts / f"tmp-{self.count:08d}.parquet"
        pq.write_table(table, tmp)
        os.replace(tmp, final)
        self.done += len(rows)

    def close(self) -> None:
        """Stream every part into the output (one row group each) and remove the parts."""
        import pyarrow.parquet as pq

        tmp = Path(f"{self.path}.nz-tmp")
        with pq.ParquetWriter(tmp, self.schema) as writer:
            for part in sorted(self.parts.glob("part-*.parquet")):
                writer.write_table(pq.read_table(part, schema=self.schema))
        os.replace(tmp, self.path)
        shutil.rmtree(self.parts)


def _parquet_text(key: str, value: Any) -> Any:
    """Make a CSV/JSONL value storable in a Parquet string column."""
    if key in NZ_COLUMNS or value is None:
        return value
    if not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    # Lone surrogates stand for undecodable input bytes; Parquet strings must be valid UTF-8.
    return value.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace")


def parquet_output_schema(path: Path) -> Any:
    """Return the Parquet input schema with the `nz_*` columns appended."""
    import pyarrow.parquet as pq

    return _with_nz_fields(pq.ParquetFile(path).schema_arrow)


def _with_nz_fields(schema: Any) -> Any:
    import pyarrow as pa

    for name, alias in zip(NZ_COLUMNS, NZ_TYPES, strict=True):
        if name in schema.names:
            schema = schema.remove(schema.get_field_index(name))
        schema = schema.append(pa.field(name, pa.type_for_alias(alias)))
    return schema


def open_sink(
    path: Path, fmt: str, columns: Sequence[str], resume: bool, input_path: Path, input_fmt: str
) -> Sink:
    """Open the output for `fmt`; with `resume`, continue from what a previous run wrote.

    Parquet output keeps a Parquet input's column types; from CSV or JSONL every input column
    becomes a string column (JSONL values other than strings are stored as JSON text).
    """
    if fmt != "parquet":
        return TextSink(path, fmt, columns, resume)
    if input_fmt == "parquet":
        return ParquetSink(path, parquet_output_schema(input_path), resume, text_input=False)
    import pyarrow as pa

    base = pa.schema([pa.field(c, pa.string()) for c in columns if c not in NZ_COLUMNS])
    return ParquetSink(path, _with_nz_fields(base), resume, text_input=True)

"""The `normalise batch` command: resolve every name in a CSV, JSONL or Parquet file."""

from __future__ import annotations

from pathlib import Path

import click

from normalise.cli.options import json_option, lexicon_option
from normalise.cli.output import emit, reported_errors
from normalise.outcomecache import OUTCOME_CACHE


@click.command("batch")
@click.argument(
    "input_path", metavar="INPUT", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "-o",
    "--output",
    "output_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Output file (default: INPUT with .nz before the extension).",
)
@click.option("--column", default="name", show_default=True, help="Column holding the names.")
@click.option("--country-column", default=None, help="Column with each row's ISO alpha-2 country.")
@click.option(
    "--admin1-column",
    default=None,
    help="Column with each row's first-level division (a code, ISO 3166-2 code or name).",
)
@click.option("--kind-column", default=None, help="Column with each row's expected kind.")
@click.option("--country", default=None, help="ISO alpha-2 country for rows without one.")
@click.option(
    "--workers", default=1, show_default=True, type=click.IntRange(1), help="Worker processes."
)
@lexicon_option()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "parquet"]),
    default=None,
    help="Input and output format (default: from the extensions).",
)
@click.option(
    "--resume", is_flag=True, help="Continue an interrupted run from the output written so far."
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option(
    "--chunk-rows",
    default=2000,
    show_default=True,
    type=click.IntRange(1),
    help="Rows per chunk: the memory bound and how often output is flushed for --resume.",
)
@click.option(
    "--cache",
    "cache_size",
    default=OUTCOME_CACHE,
    show_default=True,
    type=click.IntRange(0),
    help="Distinct names whose answers are remembered, so a repeated name is resolved once"
    " (about 450 bytes each; 0 remembers none).",
)
@json_option
def batch_command(
    input_path: Path,
    output_path: Path | None,
    column: str,
    country_column: str | None,
    admin1_column: str | None,
    kind_column: str | None,
    country: str | None,
    workers: int,
    lexicon_path: Path | None,
    fmt: str | None,
    resume: bool,
    quiet: bool,
    chunk_rows: int,
    cache_size: int,
    as_json: bool,
) -> None:
    """Resolve every name in a CSV, JSONL or Parquet file INPUT.

    The output keeps every input column and adds nz_id, nz_name, nz_score, nz_match, nz_why,
    nz_error and nz_confidence (the probability that nz_id is right: nz_match is true from
    the calibrated cut up; pick your own cut to trade precision for recall). Bad rows
    (undecodable text, empty or overlong names) are flagged in nz_error and counted in the
    summary; they never stop the job. Memory stays constant; --resume continues a killed
    run; --workers N gives the same output as one process.

    \b
    Example:
      normalise batch mentions.csv --column place --country-column cc --workers 2
    """
    from normalise.batchrow import BatchOptions
    from normalise.filebatch import run_batch
    from normalise.heap import settle_for_batch

    settle_for_batch()  # this process resolves the job (with --workers 1) and nothing else
    if output_path is None:
        output_path = input_path.with_name(f"{input_path.stem}.nz{input_path.suffix}")
    options = BatchOptions(column, country, country_column, admin1_column, kind_column)
    with reported_errors():
        summary = run_batch(
            input_path,
            output_path,
            options,
            input_format=fmt,
            output_format=fmt,
            lexicon=lexicon_path,
            workers=workers,
            resume=resume,
            progress=not quiet,
            chunk_rows=chunk_rows,
            cache_size=cache_size,
        )
    data = {"output": str(output_path), **summary.to_dict()}
    reasons = ", ".join(f"{k}: {v}" for k, v in sorted(summary.errors.items()))
    text = (
        f"{summary.rows} rows → {output_path}: {summary.matched} matched, "
        f"{data['errors']} bad rows{f' ({reasons})' if reasons else ''}, "
        f"{data['rows_per_second']} rows/s"
    )
    emit(data, as_json, text)

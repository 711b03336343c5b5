"""Accuracy benchmark: the GeoNames held-out sets of ../shared/eval/PROTOCOL.md.

Usage: python bench/accuracy.py [--split test|dev] [--hint on|off|both]
                                [--sets rebuild|shipped] [--limit N] [--json-log PATH]

Rebuilds (or reads) lexicon_A, lexicon_B, Q1, Q2 and Q3, writes each lexicon to a temporary
lexicon file through the batch API (`Lexicon.create` + `apply`, 5,000 upserts per batch),
opens it with `Normaliser.open`, resolves every query of the split (with the query's country
as a hint, without it, or both) and prints the protocol's tables in markdown, with the peers'
rows from ../shared/eval/BASELINES.md beside ours. Report on `test`; tune only on `dev`.
`--limit N` keeps the first N queries of each set (for a quick look, not for reporting).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evalsets import EvalSets, load_sets
from metrics import QueryResult, Record, Run, report

CHUNK = 5_000
LIMIT = 5
SYSTEM = "normalise"
SET_LEXICON = {"Q1": "lexicon_A", "Q2": "lexicon_B", "Q3": "lexicon_A"}


class ApiMissing(RuntimeError):
    """The lexicon or resolver API this benchmark needs is not available yet."""


def _api() -> tuple[Any, Any]:
    """(Lexicon, Normaliser), or ApiMissing with a clear message."""
    try:
        from normalise import Normaliser
        from normalise.lexicon import Lexicon
    except ImportError as exc:
        raise ApiMissing(
            "bench/accuracy.py needs `from normalise.lexicon import Lexicon` and "
            f"`from normalise import Normaliser` (issue 4); import failed: {exc}"
        ) from exc
    missing = [
        name
        for obj, name in ((Lexicon, "create"), (Normaliser, "open"))
        if not callable(getattr(obj, name, None))
    ]
    if missing:
        raise ApiMissing(f"the resolver API is incomplete: missing {', '.join(missing)}")
    return Lexicon, Normaliser


def upsert_ops(records: Sequence[Record]) -> Iterator[dict[str, Any]]:
    """Batch ops for lexicon records: first name canonical, the rest variants."""
    for rec in records:
        names = [
            {"text": text, "kind": "canonical" if i == 0 else "variant"}
            for i, text in enumerate(rec["names"])
        ]
        yield {
            "op": "upsert",
            "entity": {
                "id": rec["id"],
                "kind": "place",
                "country": rec["country"],
                "admin1": rec["admin1"],
                "population": rec["population"],
                "names": names,
            },
        }


def build_lexicon(lexicon_cls: Any, path: Path, records: Sequence[Record]) -> float:
    """Write `records` to a new lexicon file at `path`; seconds taken."""
    start = time.perf_counter()
    lex = lexicon_cls.create(str(path))
    try:
        chunk: list[dict[str, Any]] = []
        for op in upsert_ops(records):
            chunk.append(op)
            if len(chunk) >= CHUNK:
                lex.apply(chunk)
                chunk = []
        if chunk:
            lex.apply(chunk)
    finally:
        close = getattr(lex, "close", None)
        if callable(close):
            close()
    return time.perf_counter() - start


def queries_of(sets: EvalSets, set_name: str, split: str, limit: int | None) -> list[Record]:
    """The queries of one set and split (the first `limit` of them)."""
    records = {"Q1": sets.q1, "Q2": sets.q2, "Q3": sets.q3}[set_name]
    chosen = [r for r in records if r["split"] == split]
    return chosen[:limit] if limit is not None else chosen


def resolve_set(
    nz: Any, queries: Sequence[Record], hint: bool
) -> tuple[list[list[tuple[str, float, bool]]], float]:
    """Resolve every query; (hits per query, wall-clock seconds of the loop)."""
    out: list[list[tuple[str, float, bool]]] = []
    start = time.perf_counter()
    for rec in queries:
        matches = nz.resolve(rec["query"], country=rec["country"] if hint else None, limit=LIMIT)
        out.append([(m.id, float(m.score), bool(m.match)) for m in matches[:LIMIT]])
    return out, time.perf_counter() - start


def run_benchmark(
    sets: EvalSets,
    *,
    split: str = "test",
    hints: Sequence[bool] = (True,),
    limit: int | None = None,
    log: TextIO | None = None,
    workdir: Path | None = None,
) -> list[Run]:
    """Build both lexicons, resolve every query for each hint setting, return the runs."""
    lexicon_cls, normaliser_cls = _api()
    with tempfile.TemporaryDirectory(prefix="nz-accuracy-", dir=workdir) as tmp:
        paths: dict[str, Path] = {}
        for name, records in (("lexicon_A", sets.lexicon_A), ("lexicon_B", sets.lexicon_B)):
            paths[name] = Path(tmp) / f"{name}.lexicon"
            secs = build_lexicon(lexicon_cls, paths[name], records)
            print(f"built {name}: {len(records)} places in {secs:.1f} s", file=sys.stderr)
        opened: dict[str, Any] = {}
        load_seconds: dict[str, float] = {}
        for name, path in paths.items():
            start = time.perf_counter()
            opened[name] = normaliser_cls.open(str(path))
            opened[name].resolve("warm-up", limit=LIMIT)  # a lazy open loads here, not in q/s
            load_seconds[name] = time.perf_counter() - start
        runs = []
        for hint in hints:
            run = Run(SYSTEM, hint, split, [], load_seconds=dict(load_seconds))
            for set_name in ("Q1", "Q2", "Q3"):
                queries = queries_of(sets, set_name, split, limit)
                hits, secs = resolve_set(opened[SET_LEXICON[set_name]], queries, hint)
                run.resolve_seconds[set_name] = secs
                for rec, h in zip(queries, hits, strict=True):
                    run.results.append(QueryResult.of(set_name, rec, h))
                    if log is not None:
                        line = _log_line(set_name, rec, hint, h)
                        log.write(json.dumps(line, ensure_ascii=False) + "\n")
                print(
                    f"hint {'on' if hint else 'off'} {set_name}: {len(queries)} queries "
                    f"in {secs:.1f} s",
                    file=sys.stderr,
                )
            runs.append(run)
        for nz in opened.values():
            close = getattr(nz, "close", None)
            if callable(close):
                close()
    return runs


def _log_line(
    set_name: str, rec: Record, hint: bool, hits: Sequence[tuple[str, float, bool]]
) -> dict[str, Any]:
    return {
        "set": set_name,
        "query": rec["query"],
        "country": rec["country"],
        "hint": hint,
        "expected": rec.get("expected", []),
        "slice": rec.get("band") or rec.get("kind"),
        "category": rec.get("category"),
        "split": rec["split"],
        "answered": bool(hits),
        "results": [{"id": i, "score": round(s, 4), "match": c} for i, s, c in hits],
    }


def main(argv: list[str] | None = None) -> int:
    doc = __doc__ or ""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--split", choices=("test", "dev"), default="test")
    parser.add_argument("--hint", choices=("on", "off", "both"), default="both")
    parser.add_argument("--sets", choices=("rebuild", "shipped"), default="rebuild")
    parser.add_argument("--limit", type=int, default=None, help="first N queries of each set")
    parser.add_argument("--json-log", type=Path, default=None, help="one JSON line per query")
    args = parser.parse_args(argv)
    hints = {"on": (True,), "off": (False,), "both": (True, False)}[args.hint]
    try:
        _api()
    except ApiMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    sets = load_sets(args.sets)
    print(f"sets ({args.sets}) ready in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    for note in sets.notes:
        print(f"note: {note}", file=sys.stderr)
    log = args.json_log.open("w", encoding="utf-8") if args.json_log else None
    try:
        runs = run_benchmark(sets, split=args.split, hints=hints, limit=args.limit, log=log)
    except ApiMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        if log is not None:
            log.close()
    limited = f", first {args.limit} queries per set" if args.limit is not None else ""
    print(f"# Accuracy: sets={args.sets}, split={args.split}{limited}\n")
    print(report(runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())

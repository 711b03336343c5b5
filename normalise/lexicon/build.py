"""Build the default lexicon from installed data: CLDR countries, GeoNames places, curated.

The build is a bulk load, not a series of batches: rows are computed in worker processes
(keys are the costly part), inserted with `executemany` in one transaction into a temporary
file with journalling off, indexed once at the end, switched to WAL and renamed into place
atomically, so a reader never sees a half-built file.
"""

from __future__ import annotations

import fcntl
import json
import multiprocessing
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tqdm import tqdm

from normalise.errors import LexiconError
from normalise.fingerprint import data_fingerprint, rules_fingerprint
from normalise.lexicon.cldr import load_countries
from normalise.lexicon.curated import CuratedData, load_curated
from normalise.lexicon.geonames import MACHINE, SOURCE, cities500_path, place_entity, place_names
from normalise.lexicon.keyindex import (
    KeyRow,
    index_keys,
    key_country,
    name_forms,
    name_keys,
    script_of,
)
from normalise.lexicon.schema import (
    KEYS_COLUMNS,
    KEYS_ORDER,
    create_indexes,
    drop_indexes,
    migrate,
    pending,
)
from normalise.match import key_rank
from normalise.progress import progress_bar

NAME_SHIFT = 16  # name rowid = entity rowid << NAME_SHIFT | position among its names
CHUNK = 500
NameRow = tuple[str, str | None, str, str | None]
# A unit of work: (entity rowid, entity record or raw GeoNames record, names or None, extras).
Job = tuple[int, dict[str, Any], list[NameRow] | None, list[NameRow]]
Rows = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[KeyRow]]


def _merge_names(names: list[NameRow], extras: list[NameRow]) -> list[NameRow]:
    """Add curated names; a curated name replaces a generated one with the same text."""
    if not extras:
        return names
    curated = {text for text, *_ in extras}
    kept = [n for n in names if n[0] not in curated or n[2] == "canonical"]
    kept_text = {n[0] for n in kept}
    return kept + [n for n in extras if n[0] not in kept_text]


def compute_rows(jobs: list[Job]) -> Rows:
    """Return entity, name and key rows for a chunk of jobs (runs in a worker process)."""
    entities: list[tuple[Any, ...]] = []
    names_out: list[tuple[Any, ...]] = []
    keys_out: list[KeyRow] = []
    for rowid, record, given, extras in jobs:
        entity: dict[str, Any] = place_entity(record) if given is None else record
        names: list[NameRow] = list(place_names(record)) if given is None else list(given)
        names = _merge_names(names, extras)
        country: str | None = entity.get("country")
        ext = entity.get("external_ids")
        sources = entity.get("sources")
        entities.append((
            rowid, entity["id"], entity["kind"], country, entity.get("admin1"),
            entity.get("parent"), entity.get("population"), entity.get("lat"), entity.get("lon"),
            json.dumps(ext, ensure_ascii=False) if ext else None,
            json.dumps(sources, ensure_ascii=False) if sources else None,
        ))  # fmt: skip
        seen: set[str] = set()
        cc = key_country(country)
        rank = key_rank(entity["kind"], entity.get("population"))
        for position, (text, lang, kind, source) in enumerate(names):
            name_id = rowid << NAME_SHIFT | position
            keys = name_keys(text, lang, country)
            if (
                source == SOURCE
                and kind == "variant"
                and text.isascii()
                and text.islower()
                and text.replace(" ", "").upper() == keys.skeleton
            ):
                source = MACHINE
            names_out.append(
                (name_id, rowid, text, lang, script_of(text), kind, source, *name_forms(keys))
            )
            for key in index_keys(keys):
                if key not in seen:
                    seen.add(key)
                    keys_out.append((key, cc, rowid, name_id, rank))
    return entities, names_out, keys_out


def _jobs(curated: CuratedData, keep: Callable[[dict[str, Any]], bool] | None) -> Iterator[Job]:
    """Yield every entity to build: countries, curated entities, then GeoNames places."""
    extras: dict[str, list[NameRow]] = {
        entity_id: [(n.text, n.lang, n.kind, n.source) for n in names]
        for entity_id, names in curated.names.items()
    }
    rowid = 0
    for entity, names in load_countries():
        rowid += 1
        yield rowid, entity, list(names), extras.pop(str(entity["id"]), [])
    for entity_id, entity in curated.entities.items():
        rowid += 1
        yield rowid, entity, extras.pop(entity_id), []
    with cities500_path().open(encoding="utf-8") as fp:
        data: dict[str, dict[str, Any]] = json.load(fp)
    populations = dict(curated.populations)
    for key, record in data.items():
        added = extras.pop(f"geonames:{key}", [])  # a place `keep` leaves out takes its own
        figure = populations.pop(f"geonames:{key}", None)
        if figure is not None:
            if record.get("population"):
                raise LexiconError(
                    f"{figure.where}: GeoNames gives geonames:{key} a population"
                    f" ({record['population']}); a curated figure only fills a missing one"
                )
            record = {**record, "population": figure.population}
        if keep is None or keep(record):
            rowid += 1
            yield rowid, record, None, added
    del data
    if extras:
        missing = ", ".join(sorted(extras)[:5])
        raise LexiconError(f"curated names for entities not in the default lexicon: {missing}")
    if populations:
        figure = next(iter(populations.values()))
        raise LexiconError(f"{figure.where}: no GeoNames place {figure.entity_id}")


_JOBS: list[Job] = []  # set before forking workers, which inherit it


def _chunks(jobs: list[Job], size: int, part: int, parts: int) -> Iterator[list[Job]]:
    """Yield this part's chunks: every `parts`-th chunk of `size` jobs, from chunk `part`."""
    for index, start in enumerate(range(0, len(jobs), size)):
        if index % parts == part:
            yield jobs[start : start + size]


def _open_bulk(path: Path) -> sqlite3.Connection:
    """Open a new file for bulk loading: journalling off, no secondary indexes yet."""
    for leftover in (path, Path(f"{path}-journal")):
        leftover.unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode = OFF", "synchronous = OFF", "locking_mode = EXCLUSIVE",
                   "cache_size = -65536", "temp_store = MEMORY"):  # fmt: skip
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("BEGIN")
    migrate(conn)
    drop_indexes(conn)
    return conn


def build_part(path: Path, part: int, parts: int, done: Any = None) -> dict[str, int]:
    """Compute and store the rows of one share of `_JOBS` in its own file (a worker's job).

    Args:
        path: the part file to write.
        part: this worker's number, from 0.
        parts: how many workers share the jobs.
        done: a shared counter of entities done, for the progress bar.
    """
    conn = _open_bulk(path)
    conn.execute(
        "CREATE TABLE keys_staged"
        " (key TEXT, country TEXT, entity INTEGER, name INTEGER, population INTEGER)"
    )
    totals = {"entities": 0, "names": 0, "keys": 0}
    for chunk in _chunks(_JOBS, CHUNK, part, parts):
        entities, names, keys = compute_rows(chunk)
        conn.executemany("INSERT INTO entities (rowid, id, kind, country, admin1, parent,"
                         " population, lat, lon, external_ids, sources)"
                         " VALUES (?,?,?,?,?,?,?,?,?,?,?)", entities)  # fmt: skip
        conn.executemany("INSERT INTO names VALUES (?,?,?,?,?,?,?,?,?,?,?)", names)
        conn.executemany("INSERT INTO keys_staged VALUES (?,?,?,?,?)", keys)
        totals["entities"] += len(entities)
        totals["names"] += len(names)
        totals["keys"] += len(keys)
        if done is not None:
            with done.get_lock():
                done.value += len(entities)
    conn.execute("COMMIT")
    conn.close()
    return totals


def _worker(path: Path, part: int, parts: int, done: Any) -> None:
    try:
        build_part(path, part, parts, done)
    except BaseException:
        import traceback

        traceback.print_exc()
        os._exit(1)
    os._exit(0)


def _run_parts(tmp: Path, workers: int, bar: tqdm[Any]) -> list[Path]:
    """Build the parts in `workers` forked processes (or in-process for 0); return their files."""
    if workers <= 0:
        path = Path(f"{tmp}.part0")
        build_part(path, 0, 1)
        bar.update(len(_JOBS))
        return [path]
    ctx = multiprocessing.get_context("fork")
    done = ctx.Value("q", 0)
    paths = [Path(f"{tmp}.part{i}") for i in range(workers)]
    procs = [ctx.Process(target=_worker, args=(p, i, workers, done)) for i, p in enumerate(paths)]
    for proc in procs:
        proc.start()
    try:
        while any(proc.is_alive() for proc in procs):
            time.sleep(0.5)
            bar.update(done.value - bar.n)
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.kill()
            proc.join()
    bar.update(done.value - bar.n)
    if any(proc.exitcode != 0 for proc in procs):
        raise LexiconError("building the default lexicon failed in a worker process")
    return paths


def build_default_lexicon(
    output: Path,
    *,
    progress: bool = True,
    workers: int | None = None,
    keep: Callable[[dict[str, Any]], bool] | None = None,
) -> dict[str, Any]:
    """Build the default lexicon into `output` (replaced atomically when it exists).

    Rows are computed by `workers` forked processes, each into its own file; the files are
    then copied into one (in SQLite, without Python in the loop) and indexed once.

    Args:
        output: the store file to write.
        progress: show a tqdm progress bar on stderr.
        workers: key-building processes (default: the CPU count, at most 4; 0 = in-process).
        keep: a filter on raw GeoNames records (tests build a small lexicon with it).

    Returns:
        Figures: entities, names, keys and seconds taken.
    """
    global _JOBS
    start = time.monotonic()
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(f"{output.name}.tmp-{os.getpid()}")
    workers = min(os.cpu_count() or 1, 4) if workers is None else workers
    _JOBS = list(_jobs(load_curated(), keep))
    phases = {"prepare": round(time.monotonic() - start, 1)}
    bar = progress_bar(
        desc="building default lexicon", unit="entity", total=len(_JOBS), enabled=progress
    )
    parts: list[Path] = []
    conn = _open_bulk(tmp)
    try:
        try:
            parts = _run_parts(tmp, workers, bar)
        finally:
            _JOBS = []
        bar.close()
        phases["keys"] = round(time.monotonic() - start - sum(phases.values()), 1)
        for i, part in enumerate(parts):
            conn.execute(f"ATTACH DATABASE ? AS part{i}", (str(part),))
            for table in ("entities", "names"):
                conn.execute(f"INSERT INTO main.{table} SELECT * FROM part{i}.{table}")
        staged = " UNION ALL ".join(f"SELECT * FROM part{i}.keys_staged" for i in range(len(parts)))
        conn.execute(f"INSERT INTO main.keys {KEYS_COLUMNS} SELECT * FROM ({staged}) {KEYS_ORDER}")
        conn.execute("COMMIT")
        for i in range(len(parts)):
            conn.execute(f"DETACH DATABASE part{i}")
        phases["merge"] = round(time.monotonic() - start - sum(phases.values()), 1)
        conn.execute("BEGIN")
        create_indexes(conn)
        totals = {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("entities", "names", "keys")
        }
        now = datetime.now(UTC).isoformat(timespec="seconds")
        report = {"batch_id": "default-build", "version": 1, "applied": True, "dry_run": False,
                  "counts": {"upsert": totals["entities"], "names_added": totals["names"]},
                  "warnings": [], "replayed": False}  # fmt: skip
        conn.executemany(
            "INSERT OR REPLACE INTO meta VALUES (?, ?)",
            [("version", "1"), ("fingerprint", rules_fingerprint()), ("created", now),
             ("source", "default"), ("data", data_fingerprint())],
        )  # fmt: skip
        conn.execute(
            "INSERT INTO batches (batch_id, applied_at, actor, version, counts, report)"
            " VALUES ('default-build', ?, 'normalise lexicon build', 1, ?, ?)",
            (now, json.dumps(report["counts"]), json.dumps(report)),
        )
        conn.execute("COMMIT")
        conn.execute("PRAGMA locking_mode = NORMAL")
        conn.execute("PRAGMA journal_mode = WAL")
    except BaseException:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise
    finally:
        for part in parts:
            part.unlink(missing_ok=True)
    conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{output}{suffix}").unlink(missing_ok=True)
    os.replace(tmp, output)
    phases["index"] = round(time.monotonic() - start - sum(phases.values()), 1)
    return {**totals, "seconds": round(time.monotonic() - start, 1), "phases": phases}


def _state(path: Path, data: str | None = None) -> str:
    """Return `current`, `old-schema` (rules current, migrations pending) or `stale`.

    `data`: the `data_fingerprint()` the store must have been built from (the default
    lexicon), or None not to check it.
    """
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            old_schema = bool(pending(conn))
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return "stale"
    if meta.get("fingerprint") != rules_fingerprint():
        return "stale"
    if data is not None and meta.get("data") != data:
        return "stale"
    return "old-schema" if old_schema else "current"


def ensure_default_lexicon(path: Path | None = None, *, progress: bool = True) -> Path:
    """Return the default lexicon's path, building it first if missing or built with old rules.

    A lock file makes concurrent first uses (several workers) build it once.

    Args:
        path: where the store lives (default: `Lexicon.default_path()`).
        progress: show a progress bar while building.
    """
    from normalise.lexicon.store import Lexicon

    path = Lexicon.default_path() if path is None else Path(path)
    data = data_fingerprint()
    if path.is_file() and _state(path, data) == "current":
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(f"{path}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        state = _state(path, data) if path.is_file() else "missing"
        if state == "old-schema":
            Lexicon.open(path, progress=progress).close()  # a writable open migrates it
        elif state != "current":
            build_default_lexicon(path, progress=progress)
    return path

"""Apply a 10,000-op batch to a copy of the default lexicon.

Usage: python bench/batch_apply.py [--lexicon PATH] [--ops N] [--seed S]

The batch mixes every op kind the way a curation pipeline sends them: names added to existing
places, new places, places re-upserted, names removed, merges, deletes and negative
judgements. Target: <= 10 s for 10,000 ops (validation and one transaction included).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

from normalise.lexicon import Lexicon
from normalise.lexicon.build import ensure_default_lexicon

SUFFIXES = ("Tahtani", "Fawqani", "Sharqi", "Gharbi", "Kebir", "Saghir")


def make_batch(path: Path, count: int, seed: int) -> list[dict[str, Any]]:
    """Return `count` ops over random GeoNames places of the store at `path`."""
    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    # each place with its first (canonical) name and its second, when it has one
    rows = conn.execute(
        "SELECT e.id, e.country, n.text, m.text FROM entities e"
        " JOIN names n ON n.rowid = e.rowid << 16"
        " LEFT JOIN names m ON m.rowid = (e.rowid << 16) + 1"
        " WHERE e.id LIKE 'geonames:%' AND e.status = 'active'"
    ).fetchall()
    conn.close()
    rng.shuffle(rows)
    picks = iter(rows)
    ops: list[dict[str, Any]] = []
    shares = [("add_names", 40), ("upsert_new", 20), ("upsert", 10), ("remove_names", 10),
              ("merge", 10), ("delete", 5), ("not_same", 5)]  # fmt: skip
    for kind, share in shares:
        for i in range(count * share // 100):
            entity_id, country, name, other = next(picks)
            suffix = rng.choice(SUFFIXES)
            if kind == "add_names":
                ops.append({"op": "add_names", "id": entity_id,
                            "names": [{"text": f"{name} {suffix}", "lang": "en"}]})  # fmt: skip
            elif kind == "upsert_new":
                ops.append({"op": "upsert", "entity": {
                    "id": f"nz:place/bench-{i}", "kind": "place", "country": country,
                    "names": [{"text": f"{name} {suffix}", "kind": "canonical"}]}})  # fmt: skip
            elif kind == "upsert":
                ops.append({"op": "upsert", "entity": {
                    "id": entity_id, "kind": "place", "country": country,
                    "names": [{"text": name, "kind": "canonical"}, {"text": f"{name} {suffix}"}],
                }})  # fmt: skip
            elif kind == "remove_names":
                # a wrong name taken off a place that keeps another (a batch may leave no
                # entity nameless)
                while other is None:
                    entity_id, country, name, other = next(picks)
                ops.append({"op": "remove_names", "id": entity_id, "names": [{"text": other}]})
            elif kind == "merge":
                into, _, _, _ = next(picks)
                ops.append({"op": "merge", "from": entity_id, "into": into})
            elif kind == "delete":
                ops.append({"op": "delete", "id": entity_id})
            else:
                ops.append({"op": "not_same", "name": f"{name} {suffix}", "id": entity_id})
    rng.shuffle(ops)
    return ops


def main() -> None:
    """Copy the store, apply the batch (dry run, then for real) and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lexicon", type=Path, default=None, help="Default: the built default.")
    parser.add_argument("--ops", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    source = ensure_default_lexicon(args.lexicon)
    tmp = Path(tempfile.mkdtemp(prefix="batch-bench-"))
    try:
        path = tmp / "copy.lexicon"
        shutil.copyfile(source, path)
        ops = make_batch(path, args.ops, args.seed)
        lex = Lexicon.open(path)
        start = time.perf_counter()
        dry = lex.apply(ops, dry_run=True)
        dry_s = time.perf_counter() - start
        start = time.perf_counter()
        report = lex.apply(ops, batch_id="bench")
        apply_s = time.perf_counter() - start
        lex.close()
        print(f"ops             {len(ops):>10,}")
        print(f"dry run         {dry_s:>10.2f} s")
        print(f"apply           {apply_s:>10.2f} s   (target <= 10 s)")
        print(f"ops/s           {len(ops) / apply_s:>10,.0f}")
        print(f"version         {report.version:>10}")
        print(f"warnings        {len(report.warnings):>10,}   (likely duplicates)")
        print("counts          " + ", ".join(f"{k}={v}" for k, v in report.counts.items()))
        assert dry.counts == report.counts
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

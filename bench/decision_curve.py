"""The decision's trade-off on the protocol's sets: confident precision and recall against the
false-confident rate of names missing from the lexicon, at cuts of `Match.confidence`.

Usage: python bench/decision_curve.py [--split dev|test] [--hint on|off] [--sets rebuild|shipped]
                                      [--cuts 0.5,0.7,0.9] [--limit N]

Builds lexicon_A and lexicon_B as bench/accuracy.py does, resolves every query of the split
once, keeps each first candidate's `confidence` (the decision model's probability that it is
right) and prints, for each cut, what bench/accuracy.py would report had the resolver called a
first candidate confident from that cut: per region, Q1 near+mid confident precision and
recall and the Q3 false-confident rate. The row marked `calibrated` is the resolver's own cut,
the one bench/accuracy.py reports. A pipeline that prefers recall to precision reads its cut
here; issue 4 asks for confident recall >= 75% and a Q3 false-confident rate <= 0.5% at once.
Choose on dev; report test.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import LIMIT, SET_LEXICON, _api, build_lexicon, queries_of
from evalsets import EvalSets, load_sets
from metrics import REGIONS, QueryResult, Record, compute, fmt_pct, markdown_table, select, where

from normalise.score import confidence_weights

CUTS = (0.3, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99)


@dataclass(frozen=True)
class Answered:
    """One query of one set, its candidates (id, score) and its first one's confidence."""

    set: str
    record: Record
    hits: tuple[tuple[str, float], ...]
    confidence: float

    def at(self, cut: float) -> QueryResult:
        """The query's result had a first candidate been confident from `cut` on."""
        hits = [(i, s, k == 0 and self.confidence >= cut) for k, (i, s) in enumerate(self.hits)]
        return QueryResult.of(self.set, self.record, hits)


def resolve_all(sets: EvalSets, split: str, hint: bool, limit: int | None = None) -> list[Answered]:
    """Build both lexicons and resolve every query of the split once."""
    lexicon_cls, normaliser_cls = _api()
    out: list[Answered] = []
    with tempfile.TemporaryDirectory(prefix="nz-curve-") as tmp:
        paths = {}
        for name, records in (("lexicon_A", sets.lexicon_A), ("lexicon_B", sets.lexicon_B)):
            paths[name] = Path(tmp) / f"{name}.lexicon"
            build_lexicon(lexicon_cls, paths[name], records)
        opened = {name: normaliser_cls.open(str(path)) for name, path in paths.items()}
        try:
            for set_name in ("Q1", "Q2", "Q3"):
                nz = opened[SET_LEXICON[set_name]]
                for rec in queries_of(sets, set_name, split, limit):
                    country = rec["country"] if hint else None
                    found = nz.resolve(rec["query"], country=country, limit=LIMIT)
                    hits = tuple((m.id, float(m.score)) for m in found)
                    confidence = float(found[0].confidence) if found else 0.0
                    out.append(Answered(set_name, rec, hits, confidence))
        finally:
            for nz in opened.values():
                nz.close()
    return out


HEADER = (
    "cut",
    *(
        f"{region} {what}"
        for region in REGIONS
        for what in ("conf P", "conf R", "confident", "Q3 false-conf")
    ),
)


def curve_rows(
    answered: Sequence[Answered], cuts: Sequence[float], calibrated: float
) -> list[list[str]]:
    """One table row per cut (and one for the calibrated cut), in ascending order."""
    rows = []
    for cut in sorted({*cuts, calibrated}):
        results = [a.at(cut) for a in answered]
        cells = [f"{cut:.4f}" + (" calibrated" if cut == calibrated else "")]
        for region in REGIONS:
            q1 = compute(select(results, where("Q1", region, band=("near", "mid"))))
            q3 = compute(select(results, where("Q3", region)))
            cells += [
                fmt_pct(q1.conf_precision),
                fmt_pct(q1.conf_recall),
                str(q1.n_confident),
                fmt_pct(q3.false_confident),
            ]
        rows.append(cells)
    return rows


def main(argv: list[str] | None = None) -> int:
    doc = __doc__ or ""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--split", choices=("test", "dev"), default="dev")
    parser.add_argument("--hint", choices=("on", "off"), default="on")
    parser.add_argument("--sets", choices=("rebuild", "shipped"), default="shipped")
    parser.add_argument(
        "--cuts", default=",".join(str(c) for c in CUTS),
        help="comma-separated cuts of Match.confidence, each in 0..1",
    )  # fmt: skip
    parser.add_argument("--limit", type=int, default=None, help="first N queries of each set")
    args = parser.parse_args(argv)
    try:
        cuts = [float(c) for c in args.cuts.split(",") if c.strip()]
    except ValueError:
        parser.error(f"--cuts: {args.cuts!r} is not a comma-separated list of numbers")
    if not cuts or any(not 0.0 <= c <= 1.0 for c in cuts):
        parser.error(f"--cuts: give one or more numbers in 0..1, not {args.cuts!r}")
    answered = resolve_all(load_sets(args.sets), args.split, args.hint == "on", args.limit)
    calibrated = confidence_weights()[1]
    limited = f", first {args.limit} queries per set" if args.limit is not None else ""
    print(f"# Decision curve: split={args.split}, hint {args.hint}{limited}\n")
    print("Q1 near+mid confident precision and recall, Q3 false-confident rate (%)\n")
    print(markdown_table(HEADER, curve_rows(answered, cuts, calibrated), numeric_from=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

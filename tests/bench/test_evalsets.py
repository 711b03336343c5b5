"""Set rebuilding of bench/evalsets.py on tiny inputs (the full check: `--verify`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import evalsets as ev
from evalsets import Place


def place(gid: int, name: str, cc: str, *alts: str) -> Place:
    return Place(gid, name, cc, "01", 0, tuple(alts))


def test_script_tests() -> None:
    assert ev.is_arabic_script("دمشق")
    assert ev.is_arabic_script("dێryk")  # one Kurdish letter is enough
    assert not ev.is_arabic_script("Dimashq")
    assert ev.is_latin("tl ʿmar")  # U+02BF is Common
    assert ev.is_latin("Ḩarīr")
    assert not ev.is_latin("Дамаск")
    assert not ev.is_latin("Luxor- الأقصر")
    assert not ev.is_latin("'-")


def test_fold() -> None:
    assert ev.fold("  Ad  Dālī ") == "ad dali"
    assert ev.fold("دمشق") == "dmshq"
    assert ev.fold("Al-‘Ula") != ev.fold("Al Ula")  # punctuation kept


def test_skeletons() -> None:
    assert ev.skeletons("دمشق") == {"dmshq"}
    assert {"almalkyt", "almalkyh"} <= ev.skeletons("المالكية")
    assert "babda" in ev.skeletons("بعبدا") and "bbda" in ev.skeletons("بعبدا")
    assert ev.skeletons("رمادی") == {"rmady"}  # Persian ya
    assert ev.skeletons("الرَّس") == {"alrs"}  # harakat and shadda dropped
    assert "aba" in ev.skeletons("ابھا")  # heh doachashmee dropped
    assert ev.skeletons("حسکه") == {"hskh"}
    assert ev.skeletons("Luxor- الأقصر") == {"alaqsr"}  # Latin letters dropped


def test_is_machine() -> None:
    assert ev.is_machine("dmshq", [])  # unvowelled token
    assert ev.is_machine("tl tmr", [])
    assert ev.is_machine("alzytyt", [])  # three consonants in a row
    assert ev.is_machine("hmah", ["حماة", "حماه"])  # a skeleton of an Arabic name
    assert not ev.is_machine("hama", ["حماة", "حماه"])
    assert not ev.is_machine("darya", [])  # needs the skeleton
    assert ev.is_machine("darya", ["داريّا"])
    assert not ev.is_machine("ba lei bei ke", [])  # has vowels
    assert not ev.is_machine("Dmshq", [])  # not lowercase


def test_split_of_matches_shipped_records() -> None:
    assert ev.split_of("Q1", "A`waj", "SY") == "dev"
    assert ev.split_of("Q1", "'Ain el Shegag", "SY") == "test"
    assert ev.split_of("Q2", "qamshlۆ", "SY") == "dev"
    assert ev.split_of("Q3", "Tadmur", "SY") == "dev"
    assert ev.split_of("Q3", "PMS", "SY") == "test"


def test_split_places_is_seeded_and_rounds_ten_percent() -> None:
    by_cc = {cc: [] for cc in ev.COUNTRIES}
    by_cc["SY"] = [place(i, f"P{i}", "SY") for i in range(1, 16)]
    by_cc["TR"] = [place(i, f"T{i}", "TR") for i in range(100, 104)]
    lexicon, negative = ev.split_places(by_cc)
    assert len(negative) == 2 + 0  # round(1.5) == 2, round(0.4) == 0
    assert len(lexicon) == 17
    assert ev.split_places(by_cc) == (lexicon, negative)


def test_q1_records() -> None:
    a = place(1, "Şūrān", "SY", "Sourane", "Sawran", "swran", "sawran", "سوران", "Suran", "ab")
    b = place(2, "Sawran", "IQ", "سۆران")
    recs = {(r["query"], r["country"]): r for r in ev.build_q1([a, b])}
    assert ("Suran", "SY") not in recs  # same fold as the canonical
    assert ("ab", "SY") not in recs  # shorter than 3
    sourane = recs[("Sourane", "SY")]
    assert sourane["band"] == "near" and sourane["category"] == "normal"
    assert sourane["canonical"] == "Şūrān" and sourane["source"] == ["geonames:1"]
    # the IQ place carries the string itself (its canonical): a homonym
    assert recs[("Sawran", "SY")]["expected"] == ["geonames:1", "geonames:2"]
    assert recs[("swran", "SY")]["category"] == "machine"  # unvowelled
    assert recs[("sawran", "SY")]["category"] == "normal"  # not a skeleton of سوران
    assert set(recs[("swran", "SY")]) == {
        "query", "expected", "country", "band", "category", "jw", "source", "canonical", "split"
    }


def test_q2_records() -> None:
    a = place(1, "Al Mālikīyah", "SY", "almalkyt", "المالكية", "دێريك")
    b = place(2, "Elsewhere", "IQ", "المالكية")
    recs = {(r["query"], r["country"]): r for r in ev.build_q2([a, b])}
    sy = recs[("المالكية", "SY")]
    assert sy["expected"] == ["geonames:1", "geonames:2"] and sy["source"] == ["geonames:1"]
    assert sy["category"] == "skeleton_in_lexicon"
    assert recs[("المالكية", "IQ")]["category"] == "skeleton_in_lexicon"  # via place 1
    assert recs[("دێريك", "SY")]["category"] == "no_skeleton"


def test_q3_keeps_only_names_unknown_to_the_lexicon() -> None:
    known = place(1, "Tadmur", "SY", "تدمر")
    neg = place(2, "Tadmur", "SY", "Palmyra", "tdmr", "تدمر", "Palmira")
    other = place(3, "Qūrqīnā", "SY", "Kourkania", "قورقنيا")
    recs = ev.build_q3([known], [neg, other])
    got = {(r["query"], r["kind"], r["source"]) for r in recs}
    assert got == {
        ("Palmyra", "latin_alt", "geonames:2"),
        ("Palmira", "latin_alt", "geonames:2"),
        ("Qūrqīnā", "canonical", "geonames:3"),
        ("Kourkania", "latin_alt", "geonames:3"),
        ("قورقنيا", "arabic", "geonames:3"),
    }


def test_compare_sets() -> None:
    a = [{"query": "x", "country": "SY", "expected": ["g:1"]}]
    b = [{"query": "x", "country": "SY", "expected": ["g:2"]}, {"query": "y", "country": "SY"}]
    diff = ev.compare_sets("Q1", a, b)
    assert not diff.identical
    assert len(diff.changed) == 1 and len(diff.missing) == 1 and not diff.extra
    assert ev.compare_sets("Q1", a, list(a)).identical


def test_load_sets_rejects_unknown_source() -> None:
    with pytest.raises(ValueError):
        ev.load_sets("nope")  # type: ignore[arg-type]


def test_full_rebuild_matches_shipped() -> None:
    # the published sets are part of the project's set-up (../shared beside the repository)
    assert ev.SHIPPED_DIR.is_dir(), f"{ev.SHIPPED_DIR} is missing"
    rebuilt, shipped = ev.rebuild(), ev.load_shipped()
    for name in ("lexicon_A", "lexicon_B", "Q1", "Q2"):
        diff = ev.compare_sets(name, rebuilt.by_name()[name], shipped.by_name()[name])
        assert diff.identical, name
    canon = {(r["query"], r["country"]) for r in shipped.q3 if r["kind"] == "canonical"}
    assert canon == {(r["query"], r["country"]) for r in rebuilt.q3 if r["kind"] == "canonical"}

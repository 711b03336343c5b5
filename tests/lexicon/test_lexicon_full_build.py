"""The full default lexicon (built once per session by the `default_lexicon_path` fixture)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from normalise.keys import build_keys
from normalise.lexicon import Lexicon


@pytest.mark.slow
def test_full_default_lexicon_builds_and_opens_fast(default_lexicon_path: Path) -> None:
    start = time.perf_counter()
    lex = Lexicon.open(default_lexicon_path, readonly=True)
    assert time.perf_counter() - start < 2.0
    conn = sqlite3.connect(default_lexicon_path)
    by_source = dict(
        conn.execute(
            "SELECT substr(id, 1, instr(id, ':') - 1), count(*) FROM entities GROUP BY 1"
        ).fetchall()
    )
    assert by_source["geonames"] == 234_908
    assert by_source["iso3166"] == 254
    assert conn.execute("SELECT count(*) FROM names").fetchone()[0] > 1_200_000
    assert conn.execute("SELECT count(*) FROM names WHERE skeleton = ''").fetchone()[0] < 20_000
    conn.close()
    kafr_zita = lex.get("geonames:168620")
    assert kafr_zita is not None
    assert kafr_zita.country == "SY"
    keys = build_keys("كفر زيتا")
    start = time.perf_counter()
    rows = lex.candidates([f"x:{keys.exact}", f"s:{keys.skeleton}"], country="SY")
    assert time.perf_counter() - start < 0.5
    assert "geonames:168620" in {r.entity_id for r in rows}
    for spelling in ("Türkiye", "Turkey", "Turkiye", "تركيا", "Türkei"):
        found = {r.entity_id for r in lex.candidates([f"x:{build_keys(spelling).exact}"])}
        assert "iso3166:TR" in found, spelling
    lex.close()

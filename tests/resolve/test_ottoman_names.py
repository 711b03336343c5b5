"""An old Turkish name ending with an Ottoman adjective, resolved (`normalise.ottoman`)."""

from __future__ import annotations

from pathlib import Path

from test_resolver import built, upsert

from normalise import Normaliser


def test_an_old_turkish_name_finds_the_village_named_without_its_adjective(
    tmp_path: Path,
) -> None:
    ops = [
        upsert("geonames:301156", "TR", "75", 1347, ["Yuva"]),
        upsert("geonames:323716", "TR", "07", 900, ["Yuvacık"]),
        upsert("geonames:751371", "TR", "39", 26724, ["Babaeski"]),
        upsert("geonames:322607", "TR", "07", 400, ["Babaköy"]),
        upsert("geonames:320284", "TR", "10", 800, ["Büyükboyalık"]),
    ]
    with Normaliser.open(built(tmp_path, ops)) as nz:
        for query, expected in [
            ("Yuvaikebir", "geonames:301156"),
            ("Babaiatik", "geonames:751371"),
            ("Boyalık Kebir", "geonames:320284"),
        ]:
            top = nz.resolve(query, country="TR")[0]
            assert top.id == expected, (query, top)
            assert any(w.startswith("ottoman:") for w in top.why), top.why

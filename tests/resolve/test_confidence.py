"""`Match.confidence`: the decision model's probability that the first candidate is right, from
which the resolver's calibrated cut makes it a confident match."""

from __future__ import annotations

from pathlib import Path

from test_resolver import built, upsert

from normalise import Normaliser
from normalise.resolver import Resolver


def _places(tmp_path: Path) -> Path:
    return built(
        tmp_path,
        [
            upsert("geonames:168620", "SY", "10", 9_000, ["Kafr Zaytā", "كفر زيتا"]),
            upsert("geonames:163915", "SY", "09", 1_200, ["Şūrān"]),
            upsert("geonames:163913", "SY", "10", 1_100, ["Şūrān"]),
        ],
    )


def test_the_first_candidate_carries_the_confidence_that_makes_it_a_match(
    tmp_path: Path,
) -> None:
    with Normaliser.open(_places(tmp_path)) as nz:
        cut = nz.resolver.threshold
        sure = nz.resolve("Kafrzeita", country="SY")
        twins = nz.resolve("Sooran", country="SY")  # two villages of one name: not ahead
    assert sure[0].match and sure[0].confidence >= cut
    assert not twins[0].match and twins[0].confidence < cut
    for found in (sure, twins):
        assert 0.0 <= found[0].confidence <= 1.0
        assert all(m.confidence == 0.0 and not m.match for m in found[1:])


def test_a_first_candidate_is_a_match_from_a_cut_at_its_confidence(tmp_path: Path) -> None:
    with Normaliser.open(_places(tmp_path)) as nz:
        confidence = nz.resolve("Kafr Zeita", country="SY")[0].confidence
        assert 0.0 < confidence < 1.0
        at = Resolver(nz.lexicon, threshold=confidence)
        above = Resolver(nz.lexicon, threshold=confidence + 1e-9)
        assert at.resolve("Kafr Zeita", country="SY")[0].match is True
        assert above.resolve("Kafr Zeita", country="SY")[0].match is False


def test_confidence_is_in_the_json_of_a_match(tmp_path: Path) -> None:
    with Normaliser.open(_places(tmp_path)) as nz:
        data = nz.resolve("Kafrzeita", country="SY")[0].to_dict()
    assert data["confidence"] > 0 and data["match"] is True

import shutil
from pathlib import Path

import pytest

import normalise.fingerprint as fingerprint
from normalise.paths import lexicons_dir


def test_fingerprint_is_stable_and_tracks_rule_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = fingerprint.rules_fingerprint()
    assert first == fingerprint.rules_fingerprint()
    copy = tmp_path / "lexicons"
    shutil.copytree(lexicons_dir(), copy)
    monkeypatch.setattr(fingerprint, "lexicons_dir", lambda: copy)
    fingerprint.rules_fingerprint.cache_clear()
    try:
        assert fingerprint.rules_fingerprint() == first
        weights = copy / "rules" / "scoring.tsv"
        weights.write_text(weights.read_text(encoding="utf-8") + "# refitted\n", encoding="utf-8")
        fingerprint.rules_fingerprint.cache_clear()
        assert fingerprint.rules_fingerprint() == first  # weights never change a key
        table = copy / "rules" / "stopwords.tsv"
        table.write_text(table.read_text(encoding="utf-8") + "von\tde\n", encoding="utf-8")
        fingerprint.rules_fingerprint.cache_clear()
        assert fingerprint.rules_fingerprint() != first
    finally:
        fingerprint.rules_fingerprint.cache_clear()

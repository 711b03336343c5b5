"""bench/install_size.py on this environment: sizes add up, the extras are told apart, and the
heavy-package check can fail."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import install_size as size


def test_light_translation_stack_without_torch() -> None:
    run = subprocess.run(
        [sys.executable, str(Path(size.__file__)), "--json", "--top", "5"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["heavy_present"] == {name: False for name in size.HEAVY}
    assert len(data["biggest"]) == 5
    assert data["biggest"][0][1] >= data["biggest"][-1][1] > 0
    assert data["site_packages_bytes"] > data["translate_extra_bytes"] > 0
    assert {"argos-translate-lt", "ctranslate2", "sentencepiece"} <= set(data["translate_extra"])
    assert {"normalise", "pyicu-wheels", "click"} <= set(data["base_install"])
    assert not set(data["base_install"]) & set(data["translate_extra"])


def test_heavy_check_sees_an_installed_package() -> None:
    assert size.present(["numpy", "surely-not-installed-package"]) == {
        "numpy": True,
        "surely-not-installed-package": False,
    }


def test_canonical_names() -> None:
    assert size.canonical("Argos_Translate.LT") == "argos-translate-lt"

"""Shared fixtures. Tests use real components: real ICU, real rule files, real SQLite files.

Fixtures are chosen to be the smallest that work; special cases are built inline in tests.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"


def read_cases() -> dict[str, list[tuple[str, str]]]:
    """Return the golden tables as {group: [(name, lang), ...]}."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for path in sorted(CASES.glob("*.tsv")):
        header_seen = False
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            if not header_seen:
                header_seen = True
                continue
            group, name, lang = line.split("\t")[:3]
            groups.setdefault(group, []).append((name, lang))
    return groups


@pytest.fixture(scope="session")
def cases() -> dict[str, list[tuple[str, str]]]:
    return read_cases()


@pytest.fixture(scope="session")
def default_lexicon_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The full default lexicon, built once per test session (slow: one to two minutes).

    `NORMALISE_TEST_LEXICON` names a file to reuse across sessions; it is built there when
    missing or built with other rules. Tests using this fixture should be marked `slow`.
    """
    from normalise.lexicon.build import ensure_default_lexicon

    override = os.environ.get("NORMALISE_TEST_LEXICON")
    if override:
        path = Path(override)
    else:
        path = tmp_path_factory.mktemp("default-lexicon") / "default.lexicon"
    return ensure_default_lexicon(path, progress=False)


@pytest.fixture()
def rule_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[str, str], Path]]:
    """Write a rule table (file name, text) into a copy of `lexicons/rules` that the loaders
    read instead, forgetting every cached table; give the rules back afterwards. Returns the
    table's path, which an error message names."""
    import shutil

    from normalise import rules
    from normalise.reset import reset_caches

    folder = tmp_path / "rules"
    shutil.copytree(rules.rules_dir(), folder)

    def write(name: str, text: str) -> Path:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        monkeypatch.setattr(rules, "rules_dir", lambda: folder)
        reset_caches()
        return path

    yield write
    monkeypatch.undo()
    reset_caches()

"""`normalise models install|list`: the shell over `normalise.models`."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from normalise.cli import cli
from normalise.models import ModelError, install_model, list_models


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_models_list_empty(models_dir: Path) -> None:
    code, out = run("models", "list", "--models-dir", str(models_dir))
    assert code == 0
    assert out.strip() == f"no translation models in {models_dir}"
    assert json.loads(run("models", "list", "--models-dir", str(models_dir), "--json")[1]) == []


def test_models_install_then_list(ar_en_model: Path, models_dir: Path) -> None:
    code, out = run("models", "install", str(ar_en_model), "--models-dir", str(models_dir))
    assert code == 0, out
    assert out.strip() == f"installed ar→en in {models_dir}"
    code, out = run("models", "list", "--models-dir", str(models_dir))
    assert code == 0
    assert out.strip() == "ar→en\ttranslate-ar_en-0_1\t0.1"
    data = json.loads(run("models", "list", "--models-dir", str(models_dir), "--json")[1])
    assert data == [
        {
            "name": "translate-ar_en-0_1",
            "from": "ar",
            "to": "en",
            "from_name": "Arabic",
            "to_name": "English",
            "version": "0.1",
            "path": str(models_dir / "translate-ar_en-0_1"),
        }
    ]


def test_models_dir_from_environment(
    ar_en_model: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NORMALISE_MODELS_DIR", str(models_dir))
    assert run("models", "install", str(ar_en_model), "--json")[0] == 0
    assert [m.pair for m in list_models(models_dir)] == [("ar", "en")]


def test_models_install_rejects_a_file_that_is_not_a_zip(tmp_path: Path, models_dir: Path) -> None:
    bogus = tmp_path / "bogus.argosmodel"
    bogus.write_text("hello")
    code, out = run("models", "install", str(bogus), "--models-dir", str(models_dir))
    assert code == 1
    assert "not an .argosmodel file" in out
    assert not models_dir.exists()


@pytest.mark.parametrize(
    ("members", "error"),
    [
        (
            {"pkg/model/model.bin": b"x", "pkg/sentencepiece.model": b"x"},
            "metadata.json is missing",
        ),
        ({"pkg/metadata.json": b"{}", "pkg/sentencepiece.model": b"x"}, "model.bin"),
        ({"pkg/metadata.json": b"{}", "pkg/model/model.bin": b"x"}, "sentencepiece.model"),
        ({"a/metadata.json": b"{}", "b/metadata.json": b"{}"}, "one top folder"),
        ({"pkg/../../evil.txt": b"x"}, "unsafe member path"),
        (
            {
                "pkg/metadata.json": b'{"type": "sbd", "from_code": "ar", "to_code": "en"}',
                "pkg/model/model.bin": b"x",
                "pkg/sentencepiece.model": b"x",
            },
            "is not 'translate'",
        ),
        (
            {
                "pkg/metadata.json": b'{"from_code": "ar"}',
                "pkg/model/model.bin": b"x",
                "pkg/sentencepiece.model": b"x",
            },
            "lacks to_code",
        ),
    ],
)
def test_install_checks_the_package_layout(
    members: dict[str, bytes], error: str, tmp_path: Path, models_dir: Path
) -> None:
    path = tmp_path / "bad.argosmodel"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with pytest.raises(ModelError, match=error):
        install_model(path, models_dir)
    assert list_models(models_dir) == []


def test_list_skips_hidden_and_broken_folders(ar_en_model: Path, models_dir: Path) -> None:
    install_model(ar_en_model, models_dir)
    (models_dir / ".argos" / "data").mkdir(parents=True)
    (models_dir / "broken").mkdir()
    (models_dir / "broken" / "metadata.json").write_text("{not json")
    assert [m.name for m in list_models(models_dir)] == ["translate-ar_en-0_1"]


def test_models_commands_have_help() -> None:
    for args in (
        ["models", "--help"],
        ["models", "install", "--help"],
        ["models", "list", "--help"],
    ):
        code, out = run(*args)
        assert code == 0
        assert "Example" in out or args == ["models", "--help"]

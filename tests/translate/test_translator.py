"""The translation stage end to end: a real `.argosmodel`, installed with `normalise models
install`, run through argostranslate, CTranslate2 and SentencePiece, with no network."""

from __future__ import annotations

import logging
import os
import socket
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from empty_network import EmptyNetwork
from tiny_model import OTHER_PHRASE, PHRASE, build_argosmodel

from normalise import translate as translate_module
from normalise.cli import cli
from normalise.models import ModelError, default_models_dir
from normalise.translate import Translator, install_model

HTS_AR = "هيئة تحرير الشام"


def install_with_cli(model: Path, models_dir: Path) -> None:
    args = ["models", "install", str(model), "--models-dir", str(models_dir)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output


def test_translate_arabic_to_english_through_argos(ar_en_model: Path, models_dir: Path) -> None:
    install_with_cli(ar_en_model, models_dir)
    tr = Translator(models_dir)
    assert tr.available_pairs() == [("ar", "en")]
    assert tr.translate(HTS_AR, "ar", "en") == PHRASE
    assert tr.translate(f"  {HTS_AR}\n", "ar-SY", "EN") == PHRASE
    assert "argostranslate.translate" in sys.modules


def test_argos_import_leaves_the_home_alone(
    ar_en_model: Path, models_dir: Path, private_home: Path
) -> None:
    install_with_cli(ar_en_model, models_dir)
    assert Translator(models_dir).translate(HTS_AR, "ar", "en") == PHRASE
    settings = sys.modules["argostranslate.settings"]
    # Wherever the first import in this process pointed argostranslate, it was a `.argos`
    # folder inside a models directory, never ~/.local or ~/.config.
    for folder in (settings.data_dir, settings.config_dir, settings.cache_dir):
        assert ".argos" in Path(folder).parts
    assert list(private_home.iterdir()) == []
    assert "stanza" not in sys.modules or hasattr(sys.modules["stanza"], "Pipeline")


def test_translate_does_not_download_a_sentence_splitter(
    ar_en_model: Path, models_dir: Path
) -> None:
    install_model(ar_en_model, models_dir)
    assert Translator(models_dir).translate("قلعة المضيق. جسر الشغور", "ar", "en") == PHRASE
    settings = sys.modules["argostranslate.settings"]
    assert not any(Path(settings.data_dir, "minisbd").glob("**/*.onnx"))


def test_empty_network_refuses_other_hosts(empty_network: EmptyNetwork) -> None:
    with pytest.raises(OSError, match="empty network"):
        socket.create_connection(("192.0.2.1", 443), timeout=0.1)
    assert empty_network.attempts == ["('192.0.2.1', 443)"]
    empty_network.attempts.clear()


def test_translate_without_model_returns_none_and_logs_once(
    models_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="normalise.translate")
    tr = Translator(models_dir)
    assert tr.available_pairs() == []
    assert tr.translate(HTS_AR, "ar", "en") is None
    assert Translator(models_dir).translate("Kafr Zita", "ar", "en") is None
    messages = [r.getMessage() for r in caplog.records if "no translation model" in r.message]
    assert messages == [
        f"no translation model installed in {models_dir}: machine translation is off"
    ]


def test_translate_unknown_pair_same_language_or_empty_text_is_none(
    ar_en_model: Path, models_dir: Path
) -> None:
    install_model(ar_en_model, models_dir)
    tr = Translator(models_dir)
    assert tr.translate("Şam'ın Kurtuluşu Heyeti", "tr", "en") is None
    assert tr.translate(PHRASE, "en", "ar") is None
    assert tr.translate(HTS_AR, "ar", "ar") is None
    assert tr.translate(" \n ", "ar", "en") is None


def test_default_models_dir_is_in_the_cache_dir(private_home: Path, tmp_path: Path) -> None:
    assert default_models_dir() == tmp_path / "xdg" / "cache" / "normalise" / "models"
    assert Translator().models_dir == default_models_dir()


def test_installing_replaces_the_model_for_the_pair(
    ar_en_model: Path, ar_en_model_v2: Path, models_dir: Path
) -> None:
    tr = Translator(models_dir)
    assert install_model(ar_en_model, models_dir) == ("ar", "en")
    assert tr.translate(HTS_AR, "ar", "en") == PHRASE
    assert install_model(ar_en_model_v2, models_dir) == ("ar", "en")
    assert tr.translate(HTS_AR, "ar", "en") == OTHER_PHRASE
    assert tr.available_pairs() == [("ar", "en")]


def test_broken_model_raises_model_error(
    ar_en_model: Path, models_dir: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.argosmodel"
    with zipfile.ZipFile(ar_en_model) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = b"not a model" if item.filename.endswith("model.bin") else src.read(item)
            dst.writestr(item, data)
    install_model(broken, models_dir)
    with pytest.raises(ModelError, match="cannot load translation model|translation failed"):
        Translator(models_dir).translate(HTS_AR, "ar", "en")


def test_models_without_argostranslate_are_unusable_and_logged_once(
    ar_en_model: Path,
    models_dir: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    install_model(ar_en_model, models_dir)
    monkeypatch.setattr(translate_module, "runtime_available", lambda: False)
    tr = Translator(models_dir)
    assert tr.available_pairs() == []
    assert tr.translate(HTS_AR, "ar", "en") is None
    assert tr.translate(HTS_AR, "ar", "en") is None
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert 'pip install -e ".[translate]"' in warnings[0].getMessage()


def test_translation_leaves_the_environment_unchanged(ar_en_model: Path, models_dir: Path) -> None:
    before = dict(os.environ)
    install_model(ar_en_model, models_dir)
    assert Translator(models_dir).translate(HTS_AR, "ar", "en") == PHRASE
    # argostranslate itself sets this Intel OpenMP work-around when first imported.
    os.environ.pop("KMP_DUPLICATE_LIB_OK", None)
    before.pop("KMP_DUPLICATE_LIB_OK", None)
    assert dict(os.environ) == before


def test_empty_network_allows_loopback(empty_network: EmptyNetwork) -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=1):
            pass
    assert empty_network.attempts == []


def test_fixture_builds_any_pair_and_phrase(tmp_path: Path, models_dir: Path) -> None:
    model = build_argosmodel(tmp_path / "en_ar.argosmodel", tmp_path, HTS_AR, "en", "ar")
    assert install_model(model, models_dir) == ("en", "ar")
    assert Translator(models_dir).translate("Hayat Tahrir al-Sham", "en", "ar") == HTS_AR

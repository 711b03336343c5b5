"""Offline machine translation of names with argostranslate (CTranslate2 + SentencePiece).

The resolver calls three names and nothing else:

    tr = Translator(models_dir=None)          # default: default_cache_dir()/"models"
    tr.available_pairs()                      # [('ar', 'en'), ...] installed and usable
    tr.translate("هيئة تحرير الشام", "ar", "en")  # 'Levant Liberation Committee', or None
    install_model(Path("ar_en.argosmodel"))   # also `normalise models install FILE`

Install (the light route; never `pip install argostranslate`, which pulls stanza → torch,
about 5.9 GB): `pip install -e ".[translate]"`, which brings `argos-translate-lt` (the
LibreTranslate build of the same `argostranslate` package, declaring only ctranslate2,
sentencepiece, sacremoses, minisbd and packaging): +316 MB over the base install (ctranslate2
146 MB, onnxruntime 78 MB via minisbd, numpy 73 MB), no torch, stanza or spacy. If the
`argostranslate` distribution must be used instead, install it without its declared
dependencies: `pip install --no-deps "argostranslate==1.11.0"` then
`pip install "ctranslate2>=4,<5" "sentencepiece>=0.2,<0.3" "sacremoses<0.2" minisbd packaging`.
Never install both distributions: they write the same files.

What this module guarantees, whichever of the two is installed:
- No network. Models come only from installed `.argosmodel` files (see `normalise.models`);
  the package index (`get_available_packages()`) is never consulted, and the sentence splitter
  is replaced by one that keeps a name whole, so no minisbd model is downloaded.
- No folders in the real home. argostranslate creates its data, config and cache folders when
  imported; the import happens lazily, on the first translation, with `ARGOS_PACKAGES_DIR` and
  `XDG_*` pointed at `<models_dir>/.argos` for the duration of the import only.
- argostranslate 1.11's `sbd.py` imports `stanza` unconditionally; when stanza is absent an
  empty module stands in for it during the import.
- With no model installed the translator answers None and says so once in the log, not per
  query.

Cost: the first translation imports argostranslate and loads the model (about 0.2 s for a tiny
model); then about 1 ms per name on CPU with one CTranslate2 thread, and results are memoised.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import sys
import threading
import types
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from normalise.models import ModelError, ModelInfo, default_models_dir, install_model, list_models

__all__ = ["ModelError", "ModelInfo", "Translator", "install_model", "list_models"]

log = logging.getLogger(__name__)

MEMO_SIZE = 4096
_PROCESS_LOCK = threading.Lock()
_LOGGED: set[tuple[str, str]] = set()


def _log_once(event: str, models_dir: Path, message: str, level: int = logging.INFO) -> None:
    """Log `message` the first time `event` happens for `models_dir` in this process."""
    key = (event, str(models_dir))
    with _PROCESS_LOCK:
        if key in _LOGGED:
            return
        _LOGGED.add(key)
    log.log(level, message, models_dir, extra={"event": event, "models_dir": str(models_dir)})


def runtime_available() -> bool:
    """Return True when argostranslate and CTranslate2 are installed (without importing them)."""
    return all(
        importlib.util.find_spec(name) is not None for name in ("argostranslate", "ctranslate2")
    )


@contextmanager
def _environment(overrides: dict[str, str]) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in overrides}
    os.environ.update(overrides)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _import_argos(models_dir: Path) -> tuple[Any, Any]:
    """Import `argostranslate.package` and `.translate` once per process, side-effect free.

    argostranslate reads its settings when imported, so whichever models directory comes first
    holds its (unused) side folders; every translation below passes package paths explicitly.
    """
    with _PROCESS_LOCK:
        if "argostranslate.translate" not in sys.modules:
            side = models_dir / ".argos"
            overrides = {
                "ARGOS_PACKAGES_DIR": str(models_dir),
                "XDG_DATA_HOME": str(side / "data"),
                "XDG_CONFIG_HOME": str(side / "config"),
                "XDG_CACHE_HOME": str(side / "cache"),
                # The MiniSBD sentencizer builds lazily; we replace it before it is used.
                "ARGOS_CHUNK_TYPE": "MINISBD",
                # One short name gains nothing from a thread pool: with CTranslate2's default
                # (all cores) a name took 20 ms to 1.5 s on 2 busy cores, with one thread 1 ms.
                "ARGOS_INTRA_THREADS": os.environ.get("ARGOS_INTRA_THREADS", "1"),
            }
            stub = None
            if "stanza" not in sys.modules and importlib.util.find_spec("stanza") is None:
                stub = sys.modules["stanza"] = types.ModuleType("stanza", "normalise stand-in")
            try:
                with _environment(overrides):
                    importlib.import_module("argostranslate.translate")
            finally:
                if stub is not None and sys.modules.get("stanza") is stub:
                    del sys.modules["stanza"]
    return sys.modules["argostranslate.package"], sys.modules["argostranslate.translate"]


class _WholeName:
    """Sentence splitter for names: one sentence in, one out (nothing to download)."""

    def split_sentences(self, text: str) -> list[str]:
        return [text]


def _directory_stamp(models_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """Identify the installed packages cheaply: folder names and their metadata files.

    A directory's own mtime is not enough: file-system timestamps are coarse (a few ms), and
    `install_model` can replace a package within one tick.
    """
    stamp = []
    try:
        with os.scandir(models_dir) as entries:
            for entry in entries:
                try:
                    meta = os.stat(os.path.join(entry.path, "metadata.json"))
                except OSError:
                    continue
                stamp.append((entry.name, meta.st_ino, meta.st_mtime_ns))
    except OSError:
        return ()
    return tuple(sorted(stamp))


def _language_key(code: str) -> str:
    return code.strip().lower().replace("_", "-")


class Translator:
    """Translate short texts (names) between languages with the installed argos models.

    Models are found by reading the models directory; a model installed or replaced while the
    translator lives is picked up on the next call. Results are memoised per translator.
    Thread-safe: one translation runs at a time.

    Args:
        models_dir: the models directory; `default_cache_dir()/"models"` when None.
    """

    def __init__(self, models_dir: Path | None = None) -> None:
        self.models_dir = default_models_dir() if models_dir is None else models_dir
        self._lock = threading.RLock()
        self._stamp: tuple[tuple[str, int, int], ...] | None = None
        self._models: dict[tuple[str, str], ModelInfo] = {}
        self._loaded: dict[tuple[str, str], Any] = {}
        self._memo = lru_cache(maxsize=MEMO_SIZE)(self._translate_uncached)

    def _refresh(self) -> dict[tuple[str, str], ModelInfo]:
        """Re-read the models directory when its contents changed since the last call."""
        stamp = _directory_stamp(self.models_dir)
        with self._lock:
            if stamp != self._stamp:
                models = list_models(self.models_dir) if stamp else []
                self._models = {
                    (_language_key(m.from_code), _language_key(m.to_code)): m for m in models
                }
                self._loaded.clear()
                self._memo.cache_clear()
                self._stamp = stamp
            return self._models

    def _usable_models(self) -> dict[tuple[str, str], ModelInfo]:
        models = self._refresh()
        if not models:
            _log_once(
                "no-model",
                self.models_dir,
                "no translation model installed in %s: machine translation is off",
            )
            return {}
        if not runtime_available():
            _log_once(
                "no-runtime",
                self.models_dir,
                "translation models are installed in %s but argostranslate is not; "
                'install it with: pip install -e ".[translate]"',
                logging.WARNING,
            )
            return {}
        return models

    def available_pairs(self) -> list[tuple[str, str]]:
        """Return the `(from, to)` language pairs that `translate` can serve now, sorted.

        Only direct pairs count: no pivoting through a third language.
        """
        return sorted((m.from_code, m.to_code) for m in self._usable_models().values())

    def _find(self, source: str, target: str) -> ModelInfo | None:
        models = self._usable_models()
        for key in ((source, target), (source.split("-")[0], target.split("-")[0])):
            if key in models:
                return models[key]
        return None

    def translate(self, text: str, source: str, target: str) -> str | None:
        """Translate `text` from language `source` to `target` (ISO 639-1 codes such as `ar`).

        Never touches the network. Whitespace (newlines included) is collapsed first, since a
        name is one sentence.

        Args:
            text: the name to translate.
            source: its language; a region subtag (`ar-SY`) falls back to the language.
            target: the language wanted.

        Returns:
            The translation, or None when there is no installed model for the pair, the
            languages are the same, or the text (or its translation) is empty.

        Raises:
            ModelError: an installed model could not be loaded or run.
        """
        name = " ".join(text.split())
        src, tgt = _language_key(source), _language_key(target)
        if not name or src == tgt:
            return None
        model = self._find(src, tgt)
        if model is None:
            return None
        return self._memo(name, model)

    def _translate_uncached(self, name: str, model: ModelInfo) -> str | None:
        with self._lock:
            translation = self._load(model)
            try:
                value = translation.hypotheses(name, num_hypotheses=1)[0].value
            except Exception as exc:  # ctranslate2/sentencepiece raise plain RuntimeErrors
                raise ModelError(f"{model.path}: translation failed: {exc}") from exc
        out = " ".join(str(value).split())
        return out or None

    def _load(self, model: ModelInfo) -> Any:
        """Build (once) argostranslate's PackageTranslation for one installed package."""
        if model.pair in self._loaded:
            return self._loaded[model.pair]
        try:
            package_mod, translate_mod = _import_argos(self.models_dir)
        except ImportError as exc:
            raise ModelError(
                f'argostranslate cannot be imported ({exc}); pip install -e ".[translate]"'
            ) from exc
        try:
            pkg = package_mod.Package(model.path)
            translation = translate_mod.PackageTranslation(
                translate_mod.Language(model.from_code, model.from_name),
                translate_mod.Language(model.to_code, model.to_name),
                pkg,
            )
        except Exception as exc:
            raise ModelError(f"{model.path}: cannot load translation model: {exc}") from exc
        translation.sentencizer = _WholeName()
        self._loaded[model.pair] = translation
        return translation

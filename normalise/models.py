"""Installed machine-translation models: install `.argosmodel` files and list what is installed.

A models directory holds one folder per installed package, exactly as argostranslate lays them
out (`<name>/metadata.json`, `<name>/model/`, `<name>/sentencepiece.model`). This module only
reads and writes that layout: it never imports argostranslate, so `normalise models list` and
the resolver's "is any model installed?" check cost nothing, and installing needs no network.
Models come from `.argosmodel` files only; nothing here downloads.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from normalise.errors import NormaliseError
from normalise.paths import default_cache_dir

log = logging.getLogger(__name__)

METADATA = "metadata.json"
TOKENIZER_FILES = ("sentencepiece.model", "bpe.model")


class ModelError(NormaliseError):
    """A model file cannot be installed, or an installed model cannot be used."""


@dataclass(frozen=True)
class ModelInfo:
    """One installed translation package, as its `metadata.json` describes it."""

    name: str
    from_code: str
    to_code: str
    from_name: str
    to_name: str
    package_version: str
    path: Path

    @property
    def pair(self) -> tuple[str, str]:
        """The `(from, to)` language codes, e.g. `('ar', 'en')`."""
        return (self.from_code, self.to_code)

    def to_dict(self) -> dict[str, str]:
        """Return a JSON-ready view (used by `normalise models list --json`)."""
        return {
            "name": self.name,
            "from": self.from_code,
            "to": self.to_code,
            "from_name": self.from_name,
            "to_name": self.to_name,
            "version": self.package_version,
            "path": str(self.path),
        }


def default_models_dir() -> Path:
    """Return the default models directory, `default_cache_dir()/models`."""
    return default_cache_dir() / "models"


def _parse_metadata(raw: bytes | str, where: str) -> dict[str, str]:
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ModelError(f"{where}: metadata.json is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise ModelError(f"{where}: metadata.json must hold an object")
    if data.get("type", "translate") != "translate":
        raise ModelError(f"{where}: package type {data.get('type')!r} is not 'translate'")
    for key in ("from_code", "to_code"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise ModelError(f"{where}: metadata.json lacks {key}")
    return {key: str(value) for key, value in data.items() if isinstance(value, str)}


def _model_info(folder: Path) -> ModelInfo:
    meta = _parse_metadata((folder / METADATA).read_bytes(), str(folder))
    return ModelInfo(
        name=folder.name,
        from_code=meta["from_code"],
        to_code=meta["to_code"],
        from_name=meta.get("from_name", ""),
        to_name=meta.get("to_name", ""),
        package_version=meta.get("package_version", ""),
        path=folder,
    )


def list_models(models_dir: Path | None = None) -> list[ModelInfo]:
    """List the translation packages installed in `models_dir`, sorted by folder name.

    Folders whose names start with `.` (argostranslate's own settings and caches, unfinished
    installs) are not packages. A broken package is logged and left out rather than hiding the
    others.

    Args:
        models_dir: the models directory; `default_models_dir()` when None.

    Returns:
        The installed packages; empty when the directory does not exist.
    """
    root = default_models_dir() if models_dir is None else models_dir
    if not root.is_dir():
        return []
    found: list[ModelInfo] = []
    for folder in sorted(root.iterdir()):
        if folder.name.startswith(".") or not (folder / METADATA).is_file():
            continue
        try:
            found.append(_model_info(folder))
        except (ModelError, OSError) as exc:
            log.warning("skipping broken translation model %s: %s", folder, exc)
    return found


def _package_root(archive: zipfile.ZipFile, path: Path) -> str:
    """Check the archive's layout and return its single top folder."""
    tops: set[str] = set()
    for member in archive.namelist():
        parts = PurePosixPath(member).parts
        if member.startswith(("/", "\\")) or ".." in parts or ":" in member.split("/")[0]:
            raise ModelError(f"{path}: unsafe member path {member!r}")
        if parts:
            tops.add(parts[0])
    if len(tops) != 1:
        raise ModelError(f"{path}: expected one top folder, found {sorted(tops)}")
    top = tops.pop()
    names = set(archive.namelist())
    if f"{top}/{METADATA}" not in names:
        raise ModelError(f"{path}: {top}/{METADATA} is missing")
    if f"{top}/model/model.bin" not in names:
        raise ModelError(f"{path}: {top}/model/model.bin (a CTranslate2 model) is missing")
    if not any(f"{top}/{name}" in names for name in TOKENIZER_FILES):
        raise ModelError(f"{path}: no {' or '.join(TOKENIZER_FILES)} in {top}/")
    return top


def install_model(path: Path, models_dir: Path | None = None) -> tuple[str, str]:
    """Install a `.argosmodel` file (a zip of one package folder) into `models_dir`.

    The archive is checked first (one top folder, `metadata.json` of type translate, a
    CTranslate2 `model/`, a tokenizer; no absolute or `..` paths), unpacked beside the models,
    then moved into place. A package already installed for the same language pair is
    replaced, so each pair has one model.

    Args:
        path: the `.argosmodel` file.
        models_dir: where to install; `default_models_dir()` when None. Created if missing.

    Returns:
        The `(from, to)` language codes of the installed package.

    Raises:
        ModelError: the file is missing, not a zip, or not a translation package.
    """
    root = default_models_dir() if models_dir is None else models_dir
    if not path.is_file() or not zipfile.is_zipfile(path):
        raise ModelError(f"{path}: not an .argosmodel file (a zip archive)")
    with zipfile.ZipFile(path) as archive:
        top = _package_root(archive, path)
        meta = _parse_metadata(archive.read(f"{top}/{METADATA}"), str(path))
        pair = (meta["from_code"], meta["to_code"])
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".install-", dir=root))
        try:
            archive.extractall(staging)
            for old in list_models(root):
                if old.pair == pair:
                    shutil.rmtree(old.path)
            if (root / top).exists():
                shutil.rmtree(root / top)
            (staging / top).rename(root / top)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    log.info("installed translation model %s (%s→%s) in %s", top, pair[0], pair[1], root)
    return pair

"""A stable fingerprint of everything that determines keys: rule files and key code version.

A lexicon store records the fingerprint its keys were built with; when the running code's
fingerprint differs, the store's keys are stale and must be rebuilt before serving.
"""

from __future__ import annotations

import hashlib
from functools import cache

from normalise.keys import KEYS_VERSION
from normalise.paths import lexicons_dir

_KEY_FOLDERS = ("rules", "translit")


@cache
def rules_fingerprint() -> str:
    """Return a hex SHA-256 over every rule and transliteration file and `KEYS_VERSION`.

    Line endings are normalised so a checkout on another platform fingerprints the same.
    """
    digest = hashlib.sha256(f"keys:{KEYS_VERSION}\n".encode())
    root = lexicons_dir()
    for folder in _KEY_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()[:16]

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
# Tables that only score candidates, never shape a key: refitting weights must not force every
# lexicon to be re-keyed.
_NOT_KEYS = frozenset({"rules/scoring.tsv"})


@cache
def rules_fingerprint() -> str:
    """Return a hex SHA-256 over every rule and transliteration file that shapes keys, and
    `KEYS_VERSION` (the scoring weights are left out: they never change a key).

    Line endings are normalised so a checkout on another platform fingerprints the same.
    """
    digest = hashlib.sha256(f"keys:{KEYS_VERSION}\n".encode())
    root = lexicons_dir()
    for folder in _KEY_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            name = path.relative_to(root).as_posix()
            if path.is_file() and not path.name.startswith(".") and name not in _NOT_KEYS:
                digest.update(name.encode() + b"\0")
                digest.update(path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()[:16]

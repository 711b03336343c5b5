"""Progress bars on stderr for long work (building, re-keying a lexicon, a batch job)."""

from __future__ import annotations

import sys
from typing import Any

from tqdm import tqdm

PIPE_INTERVAL = 15.0  # seconds between updates when stderr is a file or a pipe (a log)


def progress_bar(
    *,
    unit: str,
    total: int | None,
    enabled: bool,
    desc: str | None = None,
    initial: int = 0,
    unit_scale: bool = False,
) -> tqdm[Any]:
    """Return a tqdm bar on stderr: live on a terminal; in a log (stderr a file or a pipe)
    updated every `PIPE_INTERVAL` seconds, so the log keeps a few lines rather than hundreds;
    disabled when not `enabled`. `initial` and `unit_scale` as tqdm takes them (a resumed
    batch starts at the rows already written)."""
    live = sys.stderr.isatty()
    return tqdm(
        desc=desc,
        unit=unit,
        total=total,
        initial=initial,
        unit_scale=unit_scale,
        file=sys.stderr,
        disable=not enabled,
        mininterval=0.1 if live else PIPE_INTERVAL,
    )

"""The garbage-collector settings of processes that resolve a batch job."""

from __future__ import annotations

import json
import subprocess
import sys

from normalise.heap import BATCH_GC_THRESHOLDS


def test_settle_for_batch_freezes_and_spaces_collections() -> None:
    code = (
        "import gc, json\n"
        "from normalise.heap import settle_for_batch\n"
        "before = gc.get_threshold()\n"
        "settle_for_batch()\n"
        "print(json.dumps([before, gc.get_threshold(), gc.get_freeze_count()]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    before, after, frozen = json.loads(out.stdout)
    assert before == [700, 10, 10]  # CPython's defaults: the tuning happens only on request
    assert after == list(BATCH_GC_THRESHOLDS) and frozen > 0

"""Progress bars: live on a terminal, a few lines in a log."""

from __future__ import annotations

import io
import sys

import pytest

from normalise.progress import PIPE_INTERVAL, progress_bar


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("stream", "interval"), [(io.StringIO, PIPE_INTERVAL), (_Terminal, 0.1)])
def test_a_bar_in_a_log_updates_seldom(
    monkeypatch: pytest.MonkeyPatch, stream: type[io.StringIO], interval: float
) -> None:
    err = stream()
    monkeypatch.setattr(sys, "stderr", err)
    bar = progress_bar(desc="building", unit="entity", total=1000, enabled=True)
    for _ in range(1000):
        bar.update(1)
    bar.close()
    assert bar.mininterval == interval
    assert "1000/1000" in err.getvalue()  # the last state is always written


def test_a_disabled_bar_writes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    bar = progress_bar(desc="building", unit="entity", total=10, enabled=False)
    bar.update(10)
    bar.close()
    assert err.getvalue() == ""

"""The composition root's helpers that can be tested without running an event loop."""

from __future__ import annotations

import time

import pytest

from ui.app.run import ms_since_process_start


def test_time_since_process_start_is_plausible() -> None:
    elapsed = ms_since_process_start()
    assert 0 < elapsed < 24 * 3600 * 1000


def test_falls_back_to_started_at_without_proc(monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.app.run

    def no_proc(self: object) -> str:
        raise OSError("no /proc here")

    monkeypatch.setattr(ui.app.run.Path, "read_text", no_proc)
    started = time.perf_counter() - 1.5
    assert 1400 < ms_since_process_start(started) < 60_000

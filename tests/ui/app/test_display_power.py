"""Screen off out of hours: only when nobody is there, back on at opening time or on a touch."""

from __future__ import annotations

import logging
import stat
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from kiosk.display_schedule import DisplaySchedule, parse_days, parse_hours
from kiosk.ports import FixedClock
from tests.ui.conftest import NOW
from ui.app.display_power import DisplayPower, WlopmPanel, install_display_power, panel_switch
from ui.app.shell import HOME

OFFICE = DisplaySchedule(parse_hours("07:30-19:00"), parse_days("mon-fri"))  # NOW: Monday 14:27
EVENING = NOW.replace(hour=19, minute=30)


class FakePanel:
    def __init__(self) -> None:
        self.calls: list[bool] = []

    def set_power(self, on: bool) -> None:
        self.calls.append(on)


@pytest.fixture
def panel() -> FakePanel:
    return FakePanel()


@pytest.fixture
def display(
    shell: Any, clock: FixedClock, panel: FakePanel
) -> Iterator[Callable[..., DisplayPower]]:
    made: list[DisplayPower] = []

    def make(schedule: DisplaySchedule = OFFICE, quiet_ms: int = 0) -> DisplayPower:
        d = install_display_power(shell, schedule, clock, panel=panel, quiet_ms=quiet_ms)
        d.start()
        made.append(d)
        return d

    yield make
    for d in made:
        d.stop()


def blackout_of(shell: Any) -> Any:
    from ui.widgets.blackout import Blackout

    (cover,) = shell.window.findChildren(Blackout)
    return cover


def test_lit_in_hours_dark_after_closing_when_nobody_is_there(
    shell: Any, clock: FixedClock, panel: FakePanel, display: Callable[..., DisplayPower]
) -> None:
    d = display()
    cover = blackout_of(shell)
    assert d.lit
    assert not cover.isVisible()
    clock.set(EVENING)
    d.check()
    assert not d.lit
    assert cover.isVisible()
    assert cover.geometry() == shell.window.rect()
    assert panel.calls == [False]
    grabbed = cover.grab().toImage()
    assert grabbed.pixelColor(960, 540).name() == "#000000"


def test_a_visitor_in_the_middle_of_a_session_keeps_the_screen(
    shell: Any, clock: FixedClock, panel: FakePanel, display: Callable[..., DisplayPower]
) -> None:
    d = display()
    shell.router.go(HOME)
    clock.set(EVENING)
    d.check()
    assert d.lit
    assert panel.calls == []
    shell.reset_session()  # the idle reset brings the attract screen back
    d.check()
    assert not d.lit


def test_attract_screen_touched_recently_stays_lit(
    shell: Any, clock: FixedClock, display: Callable[..., DisplayPower]
) -> None:
    d = display(quiet_ms=3_600_000)
    clock.set(EVENING)
    d.check()
    assert d.lit


def test_a_touch_wakes_the_dark_screen_without_starting_a_session(
    qtbot: QtBot,
    shell: Any,
    clock: FixedClock,
    panel: FakePanel,
    display: Callable[..., DisplayPower],
) -> None:
    d = display()
    clock.set(EVENING)
    d.check()
    cover = blackout_of(shell)
    qtbot.mouseClick(cover, Qt.MouseButton.LeftButton, pos=QPoint(900, 500))
    assert d.lit
    assert not cover.isVisible()
    assert panel.calls == [False, True]
    assert shell.router.current_key == "attract"  # the wake-up touch is not a start


def test_a_badge_leaving_the_attract_screen_wakes_it(
    shell: Any, clock: FixedClock, display: Callable[..., DisplayPower]
) -> None:
    d = display()
    clock.set(EVENING)
    d.check()
    assert not d.lit
    shell.router.go(HOME)  # what a badge routed to a fallback handler does
    assert d.lit


def test_lit_again_at_opening_time_and_dark_at_the_weekend(
    shell: Any, clock: FixedClock, panel: FakePanel, display: Callable[..., DisplayPower]
) -> None:
    d = display()
    clock.set(EVENING)
    d.check()
    clock.set((NOW + timedelta(days=1)).replace(hour=7, minute=31))
    d.check()
    assert d.lit
    saturday: datetime = (NOW + timedelta(days=5)).replace(hour=11)
    clock.set(saturday)
    d.check()
    assert not d.lit
    assert panel.calls == [False, True, False]


def test_always_on_schedule_never_darkens(
    shell: Any, clock: FixedClock, panel: FakePanel, display: Callable[..., DisplayPower]
) -> None:
    d = display(DisplaySchedule())
    clock.set(NOW.replace(hour=3))
    d.check()
    assert d.lit
    assert panel.calls == []


def test_panel_switch_only_under_wayland_with_wlopm(tmp_path: Path) -> None:
    wlopm = tmp_path / "wlopm"
    wlopm.write_text("#!/bin/sh\n")
    wlopm.chmod(0o755)
    assert panel_switch({"PATH": str(tmp_path)}) is None  # no compositor
    assert panel_switch({"PATH": "/nonexistent", "WAYLAND_DISPLAY": "wayland-0"}) is None
    assert isinstance(
        panel_switch({"PATH": str(tmp_path), "WAYLAND_DISPLAY": "wayland-0"}), WlopmPanel
    )


def _fake_wlopm(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "wlopm"
    script.write_text(f'#!/bin/sh\necho "$@" >> {tmp_path}/calls\n{body}\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def test_wlopm_panel_runs_off_and_on(qtbot: QtBot, tmp_path: Path) -> None:
    panel = WlopmPanel(str(_fake_wlopm(tmp_path, "exit 0")))
    calls = tmp_path / "calls"
    panel.set_power(False)
    qtbot.waitUntil(lambda: not panel.busy)
    panel.set_power(True)
    qtbot.waitUntil(lambda: not panel.busy)
    assert calls.read_text().splitlines() == ["--off *", "--on *"]
    assert panel.supported


def test_wlopm_refused_by_the_compositor_is_given_up_once(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """cage lacks wlr-output-power-management: wlopm fails, the black cover stays the answer."""
    body = (
        'echo "ERROR: Wayland compositor does not support wlr-output-power-management-v1." >&2\n'
        "exit 1"
    )
    panel = WlopmPanel(str(_fake_wlopm(tmp_path, body)))
    with caplog.at_level(logging.WARNING, logger="ui.app.display_power"):
        panel.set_power(False)
        qtbot.waitUntil(lambda: not panel.busy)
    assert not panel.supported
    assert "does not support wlr-output-power-management" in caplog.text
    panel.set_power(True)  # not run again
    assert (tmp_path / "calls").read_text().splitlines() == ["--off *"]


def test_missing_wlopm_program_is_given_up(qtbot: QtBot, tmp_path: Path) -> None:
    panel = WlopmPanel(str(tmp_path / "gone"))
    panel.set_power(False)
    qtbot.waitUntil(lambda: not panel.busy)
    assert not panel.supported

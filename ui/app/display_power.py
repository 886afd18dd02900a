"""Screen off out of hours (``display_hours``/``display_days``), on again by schedule or touch.

Under cage there is no screensaver and no DPMS command (cage-kiosk/cage#245), so the kiosk
does it itself, in two layers:

1. always, a black :class:`~ui.widgets.blackout.Blackout` over the whole window: nothing left
   to burn in, and a touch anywhere wakes the kiosk for as long as it is used;
2. where the compositor speaks wlr-output-power-management (sway, labwc, a future cage),
   ``wlopm`` also powers the panel down; a touch still reaches the kiosk and powers it up.
   ``wlr-randr --off`` is deliberately not used: it removes the output from the layout, the
   kiosk window loses its screen and a touch could no longer wake it.

The screen only goes dark when nobody is using the kiosk (attract screen, untouched for two
minutes), never in the middle of a visitor's session; it comes back at opening time, on a
touch, or when a badge or a scan moves the kiosk off the attract screen.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QProcess, QTimer, Signal, Slot

from kiosk.display_schedule import DisplaySchedule
from kiosk.ports import Clock
from ui.widgets.blackout import Blackout

if TYPE_CHECKING:
    from ui.app.shell import Shell

log = logging.getLogger(__name__)

CHECK_MS = 30_000
QUIET_MS = 120_000  # the attract screen untouched this long before the screen goes dark


class PanelSwitch(Protocol):
    """Powers the physical panel; the black cover works without one."""

    def set_power(self, on: bool) -> None: ...


class WlopmPanel(QObject):
    """``wlopm --off '*'`` / ``--on '*'``, run without blocking the GUI thread.

    The first failure (typically: the compositor lacks the protocol) is logged once and the
    panel is then left alone; the black cover keeps doing its job.
    """

    def __init__(self, program: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._program = program
        self.supported = True
        self._running: set[QProcess] = set()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def set_power(self, on: bool) -> None:
        if not self.supported:
            return
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        process.finished.connect(lambda code, _status: self._finished(process, code, on))
        process.errorOccurred.connect(lambda error: self._start_failed(process, error))
        self._running.add(process)
        process.start(self._program, ["--on" if on else "--off", "*"])

    def _finished(self, process: QProcess, code: int, on: bool) -> None:
        output = bytes(process.readAll().data()).decode(errors="replace").strip()
        self._done(process)
        if code != 0:
            self._give_up(output or f"exit status {code}")
        else:
            log.info("display panel powered %s (wlopm)", "on" if on else "off")

    def _start_failed(self, process: QProcess, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:  # no finished() follows
            self._give_up(process.errorString())
            self._done(process)

    def _done(self, process: QProcess) -> None:
        self._running.discard(process)
        process.deleteLater()

    def _give_up(self, why: str) -> None:
        if self.supported:
            log.warning("wlopm cannot switch the panel (%s): black screen only", why)
        self.supported = False


def panel_switch(
    environ: Mapping[str, str] | None = None, parent: QObject | None = None
) -> PanelSwitch | None:
    """The panel switch this session allows: wlopm under a Wayland compositor, else none."""
    env = os.environ if environ is None else environ
    program = shutil.which("wlopm", path=env.get("PATH"))
    if env.get("WAYLAND_DISPLAY") and program:
        return WlopmPanel(program, parent)
    return None


class DisplayPower(QObject):
    lit_changed = Signal(bool)

    def __init__(
        self,
        schedule: DisplaySchedule,
        clock: Clock,
        blackout: Blackout,
        *,
        is_quiet: Callable[[int], bool],
        panel: PanelSwitch | None = None,
        check_ms: int = CHECK_MS,
        quiet_ms: int = QUIET_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._schedule = schedule
        self._clock = clock
        self._blackout = blackout
        self._is_quiet = is_quiet
        self._panel = panel
        self._quiet_ms = quiet_ms
        self._lit = True
        self._timer = QTimer(self, interval=check_ms)
        self._timer.timeout.connect(self.check)
        blackout.touched.connect(self.wake)

    @property
    def lit(self) -> bool:
        return self._lit

    def start(self) -> None:
        if self._schedule.always_on:
            return
        log.info("display schedule: lit %s", self._schedule)
        self._timer.start()
        self.check()

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def check(self) -> None:
        """Dark when out of hours and nobody is there; lit again at opening time."""
        in_hours = self._schedule.is_on(self._clock.now())
        if not self._lit:
            if in_hours:
                self._set_lit(True, "opening hours")
            return
        if not in_hours and self._is_quiet(self._quiet_ms):
            self._set_lit(False, "out of hours")

    @Slot()
    def wake(self) -> None:
        """Someone touched the dark screen, or the kiosk left the attract screen (a badge)."""
        if not self._lit:
            self._set_lit(True, "woken")

    def _set_lit(self, lit: bool, why: str) -> None:
        self._lit = lit
        log.info("display %s (%s)", "lit" if lit else "dark", why)
        if lit:
            self._blackout.hide()
        else:
            self._blackout.cover()
        if self._panel is not None:
            self._panel.set_power(lit)
        self.lit_changed.emit(lit)


def install_display_power(
    shell: Shell,
    schedule: DisplaySchedule,
    clock: Clock,
    *,
    panel: PanelSwitch | None = None,
    check_ms: int = CHECK_MS,
    quiet_ms: int = QUIET_MS,
) -> DisplayPower:
    """A black cover on the kiosk window, driven by ``schedule``; call ``start()`` after it."""
    display = DisplayPower(
        schedule,
        clock,
        Blackout(shell.window),
        is_quiet=shell.is_quiet,
        panel=panel,
        check_ms=check_ms,
        quiet_ms=quiet_ms,
        parent=shell.owner,
    )
    # A badge or a scan moves the kiosk off the attract screen: the visitor must see it.
    shell.router.current_changed.connect(lambda _key: display.wake())
    return display

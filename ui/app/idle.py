"""Idle handling: no touch, key or device event for a while -> countdown -> session wiped.

An application-wide event filter sees every input; device adapters (badge, scanner) call
``poke()``. The monitor only decides *when*; what a reset does is the ``reset_session``
callback of the composition root, and whether it may happen now is ``holds_session``.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, Slot

log = logging.getLogger(__name__)

_ACTIVITY = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
        QEvent.Type.TabletPress,
    }
)
_TICK_MS = 250


class IdleMonitor(QObject):
    countdown_started = Signal(int)  # seconds left
    countdown_tick = Signal(int)  # seconds left, when it changes
    countdown_cancelled = Signal()
    session_reset = Signal()
    reset_deferred = Signal()  # idle, but the current screen holds the session

    def __init__(
        self,
        timeout_ms: int,
        countdown_ms: int,
        reset_session: Callable[[], None],
        holds_session: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._reset_session = reset_session
        self._holds_session = holds_session
        self._active = False
        self._app: QCoreApplication | None = None
        self._idle = QTimer(self, singleShot=True, interval=timeout_ms)
        self._idle.timeout.connect(self._on_idle)
        self._countdown = QTimer(self, singleShot=True, interval=countdown_ms)
        self._countdown.timeout.connect(self._on_countdown_end)
        self._tick = QTimer(self, interval=_TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._last_seconds = 0
        self._last_activity = time.monotonic()

    def quiet_ms(self) -> int:
        """Milliseconds since the last touch, key, badge or scan, on any screen."""
        return round((time.monotonic() - self._last_activity) * 1000)

    def set_durations(self, timeout_ms: int, countdown_ms: int) -> None:
        self._idle.setInterval(timeout_ms)
        self._countdown.setInterval(countdown_ms)
        if self._idle.isActive():
            self._idle.start()

    def install(self, app: QCoreApplication) -> None:
        self._app = app
        app.installEventFilter(self)

    def uninstall(self) -> None:
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None
        self.set_active(False)

    @property
    def counting_down(self) -> bool:
        return self._countdown.isActive()

    @property
    def watching(self) -> bool:
        """True while a countdown may come (active, and not already counting down)."""
        return self._idle.isActive()

    def set_active(self, active: bool) -> None:
        """Watch for idleness (off on the attract screen, where there is no session to wipe)."""
        self._active = active
        if active:
            self.poke()
        else:
            self._stop_countdown(notify=self.counting_down)
            self._idle.stop()

    @Slot()
    def poke(self) -> None:
        """Someone is there: restart the wait, and call off a countdown in progress."""
        self._last_activity = time.monotonic()
        if not self._active:
            return
        if self.counting_down:
            self._stop_countdown(notify=True)
        self._idle.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.poke()
        return False

    def _seconds_left(self) -> int:
        return max(1, math.ceil(self._countdown.remainingTime() / 1000))

    def _on_idle(self) -> None:
        if self._holds_session():
            log.debug("idle, but the screen holds the session: waiting again")
            self._idle.start()
            self.reset_deferred.emit()
            return
        self._countdown.start()
        self._tick.start()
        self._last_seconds = self._seconds_left()
        log.info("idle: countdown of %d s", self._last_seconds)
        self.countdown_started.emit(self._last_seconds)

    def _on_tick(self) -> None:
        seconds = self._seconds_left()
        if seconds != self._last_seconds:
            self._last_seconds = seconds
            self.countdown_tick.emit(seconds)

    def _stop_countdown(self, *, notify: bool) -> None:
        self._countdown.stop()
        self._tick.stop()
        if notify:
            self.countdown_cancelled.emit()

    def _on_countdown_end(self) -> None:
        self._tick.stop()
        if self._holds_session():
            self.countdown_cancelled.emit()
            self._idle.start()
            self.reset_deferred.emit()
            return
        log.info("idle: session reset")
        self._reset_session()
        self.session_reset.emit()

"""Keeping systemd informed: readiness, a watchdog fed from the GUI event loop, idle restarts.

The watchdog pings come from a ``QTimer`` on the GUI thread on purpose: if a slot blocks or the
event loop dies, the pings stop and systemd (``WatchdogSec=``) kills and restarts the kiosk. A
ping from a helper thread would keep a frozen screen alive for months.

The nightly restart is *asked*, never forced: ``smartcorner-nightly.service`` touches a request
file, and :class:`RestartAtIdle` quits the application at the first moment the kiosk is idle
(attract screen, untouched for a while), after which ``Restart=always`` starts a fresh process.
The app is the one that knows whether somebody is using it, so it decides; systemd only asks.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Slot

from hardware import systemd_notify

log = logging.getLogger(__name__)

RESTART_QUIET_MS = 120_000  # attract screen untouched this long: nobody is about to use it


class SystemdWatchdog(QObject):
    """READY=1 once started, WATCHDOG=1 every half ``WATCHDOG_USEC``, STOPPING=1 at quit."""

    def __init__(
        self, environ: Mapping[str, str] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._environ = dict(os.environ if environ is None else environ)
        usec = systemd_notify.watchdog_usec(self._environ)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._ping)
        self.interval_ms: int | None = None
        self._started = False
        if usec is not None:
            self.interval_ms = max(1, usec // 2000)  # half the period, in ms
            self._timer.setInterval(self.interval_ms)

    @property
    def supervised(self) -> bool:
        return bool(self._environ.get("NOTIFY_SOCKET"))

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    @Slot()
    def start(self, status: str = "kiosk running") -> None:
        """Call once the first screen is painted: systemd counts the service as started then.

        MAINPID names this process, not cage: the watchdog's SIGABRT then reaches the frozen
        application (whose faulthandler prints where it is stuck), and its exit is the
        service's exit.
        """
        if self._started:
            return
        self._started = True
        systemd_notify.notify(
            systemd_notify.READY, f"STATUS={status}", f"MAINPID={os.getpid()}",
            environ=self._environ,
        )  # fmt: skip
        if self.interval_ms is not None:
            log.info("systemd watchdog: pinging every %d ms from the GUI thread", self.interval_ms)
            self._ping()
            self._timer.start()

    def set_status(self, status: str) -> None:
        """A line for ``systemctl status``."""
        systemd_notify.notify(f"STATUS={status}", environ=self._environ)

    def stop(self) -> None:
        self._timer.stop()
        systemd_notify.notify(systemd_notify.STOPPING, environ=self._environ)

    @Slot()
    def _ping(self) -> None:
        systemd_notify.notify(systemd_notify.WATCHDOG, environ=self._environ)


class RestartAtIdle(QObject):
    """Quit at the first idle moment after a restart request newer than this process.

    The request is the modification time of ``request_file`` (touched by the nightly timer), so
    nothing has to delete it and a restarted process does not restart again.
    """

    def __init__(
        self,
        request_file: Path,
        *,
        is_idle: Callable[[], bool],
        restart: Callable[[], None],
        started_at: float | None = None,
        check_ms: int = 30_000,
        on_waiting: Callable[[], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._file = request_file
        self._is_idle = is_idle
        self._restart = restart
        self._on_waiting = on_waiting
        self._started_at = time.time() if started_at is None else started_at
        self._timer = QTimer(self, interval=check_ms)
        self._timer.timeout.connect(self.check)
        self._announced = False

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def requested(self) -> bool:
        try:
            return self._file.stat().st_mtime > self._started_at
        except OSError:
            return False

    @Slot()
    def check(self) -> bool:
        """Restart now if asked and idle; True when the restart was triggered."""
        if not self.requested():
            return False
        if not self._is_idle():
            if not self._announced:
                log.info("restart requested (%s): waiting for the kiosk to be idle", self._file)
                self._announced = True
                if self._on_waiting is not None:
                    self._on_waiting()
            return False
        log.info("restart requested and the kiosk is idle: restarting")
        self._timer.stop()
        self._restart()
        return True

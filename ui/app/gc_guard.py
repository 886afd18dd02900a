"""Python's cycle collector on the GUI thread only.

The collector runs in whichever thread allocates past its threshold. On a worker (a database
call, the print spooler), it may free a reference cycle holding a Qt object that belongs to
the GUI thread — a screen and the lambda connected to its signal — and Qt then destroys that
object from the wrong thread: the process dies with a segmentation fault ("Garbage-collecting"
in the crashed thread's stack, seen in the test suite). :class:`GuiThreadCollector` turns
automatic collection off and collects from a timer on the GUI thread instead, with the same
thresholds, so cycles are still freed within a fraction of a second.
"""

from __future__ import annotations

import gc
from typing import Final

from PySide6.QtCore import QObject, QTimer, Signal

INTERVAL_MS: Final = 500
SETTLE_MS: Final = 10_000  # after the first paint: the warm-ups are over


def collect_if_due(threshold: tuple[int, int, int]) -> int:
    """Collect the generations past their ``threshold`` (``gc.get_threshold()`` before it was
    disabled), as the interpreter would have; the number of unreachable objects found."""
    young, middle, old = gc.get_count()
    if young <= threshold[0]:
        return 0
    found = gc.collect(0)
    if middle > threshold[1]:
        found += gc.collect(1)
        if old > threshold[2]:
            found += gc.collect(2)
    return found


class GuiThreadCollector(QObject):
    settled = Signal()  # start-up is frozen and the timer collects from now on

    def __init__(
        self, interval_ms: int = INTERVAL_MS, parent: QObject | None = None, *, start: bool = True
    ) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_if_due)
        if start:
            self._timer.start()

    def start_after_start_up(self, settle_ms: int = SETTLE_MS) -> None:
        """Once the kiosk has painted: collect nothing while it warms up, then freeze.

        The warm-ups that follow the first paint (the ORM, the devices, the check-in desk)
        import on the workers; a young generation of hundreds of thousands of their objects,
        collected here, took the GUI thread for 50-70 ms every half second. What start-up
        made lives as long as the process: :func:`gc.freeze` takes it out of every later
        collection (now, and once settled), then the timer collects the rest.
        """
        gc.freeze()
        QTimer.singleShot(settle_ms, self, self._settled)

    def _settled(self) -> None:
        gc.freeze()
        self._timer.start()
        self.settled.emit()

    def collect_if_due(self) -> int:
        return collect_if_due(self._threshold)

    def stop(self) -> None:
        """Back to the interpreter's own collection (when the application ends)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()

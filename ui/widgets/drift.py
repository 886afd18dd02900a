"""Burn-in protection: the attract screen's content wanders a few pixels every minute."""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, QTimer, Signal

DRIFT_MS = 60_000
AMPLITUDE_PX = 14
_STEPS = 24  # one slow loop every 24 steps


class BurnInDrift(QObject):
    """Emits small (dx, dy) offsets along a closed Lissajous path; the screen applies them."""

    moved = Signal(int, int)

    def __init__(self, interval_ms: int = DRIFT_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._step = 0
        self.offset = (0, 0)
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self._advance)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def set_interval(self, ms: int) -> None:
        self.timer.setInterval(ms)

    def _advance(self) -> None:
        self._step = (self._step + 1) % _STEPS
        angle = 2 * math.pi * self._step / _STEPS
        self.offset = (
            round(AMPLITUDE_PX * math.sin(angle)),
            round(AMPLITUDE_PX * math.sin(2 * angle) / 2),
        )
        self.moved.emit(*self.offset)

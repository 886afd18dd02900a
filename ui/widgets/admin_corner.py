"""The hidden admin gesture: five taps in the top-right corner within three seconds."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

CORNER_PX = 120
TAPS = 5
WINDOW_S = 3.0


class AdminCorner(QWidget):
    """An invisible square kept on top of the window's top-right corner; it eats the taps there."""

    triggered = Signal()

    def __init__(self, parent: QWidget, monotonic: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.setObjectName("adminCorner")
        self.setFixedSize(CORNER_PX, CORNER_PX)
        self.monotonic = monotonic  # replaceable in tests
        self._taps: list[float] = []

    def place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.move(parent.width() - CORNER_PX, 0)
        self.raise_()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        now = self.monotonic()
        self._taps = [t for t in self._taps if now - t <= WINDOW_S]
        self._taps.append(now)
        if len(self._taps) >= TAPS:
            self._taps.clear()
            self.triggered.emit()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()

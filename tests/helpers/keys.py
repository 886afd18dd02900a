"""Key events with the timestamps a test chooses, sent as the platform would deliver them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def qt_key(char: str) -> Qt.Key:
    return Qt.Key(ord(char.upper()))  # Qt's key codes are the upper-case Latin-1 code points


class Keyboard:
    """Sends key events with the timestamps we choose, as the platform would deliver them."""

    def __init__(self, target: QWidget) -> None:
        self.target = target
        self.t = 10_000

    def _send(self, kind: QEvent.Type, key: Qt.Key, text: str, repeat: bool = False) -> None:
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text, repeat)
        event.setTimestamp(self.t)
        QApplication.sendEvent(self.target, event)

    def key(self, key: Qt.Key, text: str, gap_ms: int, repeat: bool = False) -> None:
        self.t += gap_ms
        self._send(QEvent.Type.KeyPress, key, text, repeat)
        self._send(QEvent.Type.KeyRelease, key, text, repeat)

    def type(
        self, text: str, gap_ms: int, end: str | None = "\r", end_gap_ms: int | None = None
    ) -> None:
        for char in text:
            self.key(qt_key(char), char, gap_ms)
        if end is not None:
            key = Qt.Key.Key_Return if end == "\r" else Qt.Key.Key_Tab
            self.key(key, end, gap_ms if end_gap_ms is None else end_gap_ms)

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


_SHIFT = Qt.KeyboardModifier.ShiftModifier


class Scanner(Keyboard):
    """Key events as a USB keyboard-wedge scanner sends them: Shift held around each capital.

    ``shifted`` says which characters need Shift on the host's layout (capitals everywhere;
    on AZERTY the digits and '.' too). ``caps_lock`` inverts the case of what Shift gives, as
    the host does when its Caps Lock is on.
    """

    def __init__(
        self, target: QWidget, shifted: str = "", caps_lock: bool = False, altgr: str = ""
    ) -> None:
        super().__init__(target)
        self.shifted = shifted
        self.caps_lock = caps_lock
        self.altgr = altgr  # characters typed with AltGr held

    def _mod(self, kind: QEvent.Type, key: Qt.Key, mods: Qt.KeyboardModifier) -> None:
        event = QKeyEvent(kind, key, mods, "", False)
        event.setTimestamp(self.t)
        QApplication.sendEvent(self.target, event)

    def _press(self, key: Qt.Key, text: str, mods: Qt.KeyboardModifier) -> None:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, mods, text, False)
            event.setTimestamp(self.t)
            QApplication.sendEvent(self.target, event)

    def char(self, char: str, gap_ms: int) -> None:
        shift = char.isupper() or char in self.shifted
        altgr = char in self.altgr
        text = char.swapcase() if self.caps_lock and char.isalpha() else char
        modifier, mods = None, Qt.KeyboardModifier.NoModifier
        if shift:
            modifier, mods = Qt.Key.Key_Shift, _SHIFT
        elif altgr:
            modifier, mods = Qt.Key.Key_AltGr, Qt.KeyboardModifier.GroupSwitchModifier
        self.t += gap_ms
        if modifier is not None:
            self._mod(QEvent.Type.KeyPress, modifier, mods)
            self.t += 1
        self._press(qt_key(char), text, mods)
        if modifier is not None:
            self._mod(QEvent.Type.KeyRelease, modifier, Qt.KeyboardModifier.NoModifier)

    def scan(self, text: str, gap_ms: int, end: str | None = "\r") -> None:
        for char in text:
            self.char(char, gap_ms)
        if end is not None:
            key = Qt.Key.Key_Return if end == "\r" else Qt.Key.Key_Tab
            self.key(key, end, gap_ms)

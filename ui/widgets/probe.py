"""What is on screen, where, for end-to-end tests that tap it with real X events.

Only with ``SMARTCORNER_TEST_PROBE=1`` in the environment (never on a kiosk): the window's
visible named widgets (``objectName``) and buttons, their global geometry and their text are
written on stdout as one JSON line, prefixed with ``probe:``, each time that list changes. A
test that drives the running application with ``xdotool`` reads the last line and taps the
centre of a widget it names, instead of guessing coordinates that move whenever a layout
changes.

Polled rather than hooked into each screen: the probe must see pages that switch inside a
screen (the door's lock, its event list, its board) without those screens knowing about it.

With ``SMARTCORNER_TEST_STALL=KEYS:MS`` (never on a kiosk either), :class:`KeyStall` blocks the
GUI thread for MS milliseconds, once, right after the KEYS-th key press: a scan typed across a
busy GUI thread, at a chosen point of the burst, to test that it still reads whole.
"""

from __future__ import annotations

import json
import sys
import threading
from typing import Final

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

PREFIX: Final = "probe: "
POLL_MS: Final = 100


def _text(widget: QWidget) -> str:
    if isinstance(widget, (QLabel, QAbstractButton)):
        return widget.text()
    text = getattr(widget, "text", None)  # painted widgets that say what they paint
    return text if isinstance(text, str) else ""


def snapshot(window: QWidget) -> list[dict[str, object]]:
    """Every visible named widget of ``window``, and every visible button with a text (a list's
    rows are often unnamed buttons), in creation order: name, x, y, w, h, text."""
    found: list[dict[str, object]] = []
    for widget in window.findChildren(QWidget):
        name = widget.objectName()
        if not widget.isVisible() or widget.width() <= 0 or widget.height() <= 0:
            continue
        if not name and not (isinstance(widget, QAbstractButton) and widget.text()):
            continue
        corner = widget.mapToGlobal(QPoint(0, 0))
        found.append(
            {
                "name": name,
                "x": corner.x(),
                "y": corner.y(),
                "w": widget.width(),
                "h": widget.height(),
                "text": _text(widget),
            }
        )
    return found


class GeometryProbe(QObject):
    """Writes :func:`snapshot` of ``window`` on stdout when it changes (see the module)."""

    def __init__(self, window: QWidget, interval_ms: int = POLL_MS) -> None:
        super().__init__(window)
        self._window = window
        self._last = ""
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.report)
        self._timer.start()

    def report(self) -> None:
        if not self._window.isVisible():
            return
        line = json.dumps(snapshot(self._window), ensure_ascii=False)
        if line != self._last:
            self._last = line
            sys.stdout.write(PREFIX + line + "\n")
            sys.stdout.flush()


class KeyStall(QObject):
    """Blocks the GUI thread once, after the ``after_keys``-th key press (see the module)."""

    def __init__(self, after_keys: int, stall_ms: int, app: QCoreApplication) -> None:
        super().__init__(app)
        self._left = after_keys
        self._stall_ms = stall_ms
        app.installEventFilter(self)

    @classmethod
    def from_spec(cls, spec: str, app: QCoreApplication) -> KeyStall:
        keys, ms = spec.split(":")
        return cls(int(keys), int(ms), app)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Counted once per key: at the window, before the focus widget gets it.
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QWindow):
            self._left -= 1
            if self._left == 0:
                QTimer.singleShot(0, self._stall)
        return False

    def _stall(self) -> None:
        sys.stdout.write(f"stall: the GUI thread is blocked for {self._stall_ms} ms\n")
        sys.stdout.flush()
        threading.Event().wait(self._stall_ms / 1000)  # what a long slot does to the thread

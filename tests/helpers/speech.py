"""Listening to the kiosk's speech in tests: what the engine was handed, and keys pressed the
way a keypad sends them (to the focused widget, through the application's event filters).

The Qt ``mock`` engine (a plugin shipped with QtTextToSpeech) speaks word by word on a timer
and goes back to Ready: tests wait for the speaker to be idle, never for a time.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from ui.speech.narrator import Narrator, window_rect

WAIT_MS = 20_000  # the mock engine says about ten words a second


class Heard:
    """Every text the speaker handed to its engine, in order."""

    def __init__(self, narrator: Narrator) -> None:
        self.narrator = narrator
        self.texts: list[str] = []
        narrator.speaker.speaking.connect(self.texts.append)

    def clear(self) -> None:
        self.texts.clear()

    def wait_for(self, qtbot: QtBot, text: str) -> None:
        try:
            qtbot.waitUntil(lambda: norm(text) in [norm(t) for t in self.texts], timeout=WAIT_MS)
        except TimeoutError:
            raise AssertionError(f"{text!r} never said; heard: {self.texts}") from None

    def wait_idle(self, qtbot: QtBot) -> list[str]:
        qtbot.waitUntil(lambda: self.narrator.settled, timeout=WAIT_MS)
        return list(self.texts)


def norm(text: str) -> str:
    """French typography's narrow no-break spaces as plain spaces (translations vary)."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def press(qtbot: QtBot, window: QWidget, key: Qt.Key, *, keypad: bool = False) -> None:
    """One key as a keypad or keyboard sends it: to the focused widget, else the window."""
    modifier = Qt.KeyboardModifier.KeypadModifier if keypad else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


def activate(qtbot: QtBot, shell: Any) -> None:
    """The kiosk's window is the active one, as on the kiosk (keys and focus need it)."""
    shell.window.activateWindow()
    qtbot.waitUntil(shell.window.isActiveWindow)


def tab_to(qtbot: QtBot, shell: Any, wanted: Any, limit: int = 100) -> None:
    """Tab (or Shift+Tab, whichever is shorter, as a person would) until ``wanted(focus)``."""
    for _ in range(limit):
        focus = QApplication.focusWidget()
        if focus is not None and wanted(focus):
            return
        targets = shell.narrator.targets()
        goal = next((n for n, w in enumerate(targets) if wanted(w)), None)
        here = targets.index(focus) if focus in targets else 0
        backwards = goal is not None and (here - goal) % len(targets) < (goal - here) % len(targets)
        press(qtbot, shell.window, Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab)
    raise AssertionError("the keys never reached the control")


def reading_order_ok(a: QRect, b: QRect) -> bool:
    """``b`` may come after ``a`` for a reader: its middle lies below ``a`` (a lower row), or
    within ``a``'s height and further right (the same row). A tall widget (the door's arrivals
    list) shares its row with the buttons beside it; the keys never go back up. A page said
    whole (an event's page in its scroll area) comes before the buttons it holds."""
    if b.center().y() > a.bottom() or a.contains(b):
        return True
    return a.top() <= b.center().y() and b.left() > a.left()


def walk_focus(qtbot: QtBot, shell: Any) -> list[QWidget]:
    """Tab once round the screen from where the focus is: every control reached once, each
    after the one before it in reading order, and Shift+Tab going the other way."""
    qtbot.waitUntil(lambda: shell.narrator.settled, timeout=WAIT_MS)
    expected = shell.narrator.targets()
    first = QApplication.focusWidget()
    assert first is expected[0], (first, expected[0])
    visited: list[QWidget] = []
    while True:
        visited.append(QApplication.focusWidget())
        press(qtbot, shell.window, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is first:
            break
        assert len(visited) <= len(expected)
    assert set(visited) == set(expected)  # every control reached, none twice
    rects = [window_rect(w) for w in visited]
    for a, b in pairwise(rects):
        assert reading_order_ok(a, b), (a, b)
    press(qtbot, shell.window, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is visited[-1]  # Shift+Tab goes the other way
    press(qtbot, shell.window, Qt.Key.Key_Tab)
    return visited

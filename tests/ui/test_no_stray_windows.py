"""Opening a screen never shows a window of its own beside the kiosk's: a stacked layout that
got its pages before it had a parent showed the first one as a top-level window for an instant,
and that window took the keyboard focus away from the kiosk (the keypad path went dead)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.identity import load_site_key
from kiosk.settings import Profile, Settings
from tests.ui.test_screen_sizes import settle
from tools.screenshots.layout import LOADS, ROOM_VIEWS, STORE_VIEWS, open_view, seed_store


class WindowsShown(QObject):
    """The names of the native windows shown while it is installed."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWindow):
            self.names.append(watched.objectName())
        return False


def opened_windows(qtbot: QtBot, qapp: QApplication, shell: Any, view: str) -> list[str]:
    shown = WindowsShown()
    qapp.installEventFilter(shown)
    try:
        open_view(shell, view, lambda c: qtbot.waitUntil(c, timeout=10_000))
        qapp.processEvents()
        if view in LOADS:
            settle(shell, qtbot)
    finally:
        qapp.removeEventFilter(shown)
    return [n for n in shown.names if n != "kioskWindowWindow"]


@pytest.mark.parametrize("view", ROOM_VIEWS)
def test_opening_a_screen_shows_no_window_of_its_own(
    qtbot: QtBot, qapp: QApplication, make_shell: Callable[..., Any], view: str
) -> None:
    assert opened_windows(qtbot, qapp, make_shell(), view) == []


def test_no_store_screen_shows_a_window_of_its_own(
    qtbot: QtBot, qapp: QApplication, make_shell: Callable[..., Any], kiosk_settings: Settings
) -> None:
    seed_store(kiosk_settings.database_url, load_site_key(kiosk_settings.site_key_path))
    shell = make_shell(profile=Profile.STORE, reader="none")
    stray = {view: opened_windows(qtbot, qapp, shell, view) for view in STORE_VIEWS}
    assert {view: names for view, names in stray.items() if names} == {}

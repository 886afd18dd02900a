"""Every flow by keys alone, heard through the mock engine: what a person who cannot see the
screen gets with a keypad and a headset (or the loudspeaker)."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.settings import Language, Profile
from tests.helpers.speech import WAIT_MS, Heard, activate, press, tab_to
from ui.app.screens.tile import Tile
from ui.help.pages import ReasonButton
from ui.help.screen import HelpScreen
from ui.speech.narrator import window_rect

TEXTS = {
    Language.FR: {
        "attract": "Touchez l’écran pour commencer",
        "home": "Que souhaitez-vous faire\u202f?",
        "help": "Besoin d’aide\u202f?",
        "ticket": "Votre numéro\u202f: P-001.",
        "next": "Vous êtes le prochain appelé.",
    },
    Language.EN: {
        "attract": "Touch the screen to start",
        "home": "What would you like to do?",
        "help": "Need help?",
        "ticket": "Your number: P-001.",
        "next": "You are next in line.",
    },
}


@pytest.fixture
def store(make_shell: Callable[..., Any]) -> Any:
    shell = make_shell(profile=Profile.STORE)
    shell.window.transition.duration_ms = 0
    return shell


def start_by_keys(qtbot: QtBot, shell: Any, heard: Heard) -> None:
    """The keypad's first key turns speech on; Enter leaves the attract screen."""
    activate(qtbot, shell)
    assert not shell.narrator.active
    press(qtbot, shell.window, Qt.Key.Key_Tab)
    assert shell.narrator.active
    assert shell.session.accessible
    press(qtbot, shell.window, Qt.Key.Key_Enter, keypad=True)
    assert shell.router.current_key == "home"


@pytest.mark.parametrize("lang", [Language.FR, Language.EN])
def test_a_help_ticket_by_keys_alone_with_its_number_and_wait_spoken(
    qtbot: QtBot, make_shell: Callable[..., Any], lang: Language
) -> None:
    shell = make_shell(profile=Profile.STORE, lang=lang)
    shell.window.transition.duration_ms = 0
    texts = TEXTS[lang]
    heard = Heard(shell.narrator)
    activate(qtbot, shell)
    press(qtbot, shell.window, Qt.Key.Key_Tab)
    heard.wait_for(qtbot, texts["attract"])
    press(qtbot, shell.window, Qt.Key.Key_Enter, keypad=True)
    heard.wait_for(qtbot, texts["home"])

    tab_to(qtbot, shell, lambda w: isinstance(w, Tile) and w.capability.key == "help")
    press(qtbot, shell.window, Qt.Key.Key_Enter, keypad=True)
    help_screen = shell.router.current
    assert isinstance(help_screen, HelpScreen)
    heard.wait_for(qtbot, texts["help"])
    # the first reason has the focus, and is said after the page
    assert isinstance(QApplication.focusWidget(), ReasonButton)

    press(qtbot, shell.window, Qt.Key.Key_Return)
    assert help_screen.pages.currentWidget() is help_screen.describe
    tab_to(qtbot, shell, lambda w: w is help_screen.describe.skip)
    press(qtbot, shell.window, Qt.Key.Key_Enter, keypad=True)
    assert help_screen.pages.currentWidget() is help_screen.ticket
    heard.wait_for(qtbot, texts["ticket"])
    heard.wait_for(qtbot, texts["next"])

    tab_to(qtbot, shell, lambda w: w is help_screen.ticket.finish)
    press(qtbot, shell.window, Qt.Key.Key_Return)
    assert shell.router.current_key == "home"


def test_repeat_and_keys_help_on_the_keypad(qtbot: QtBot, store: Any) -> None:
    heard = Heard(store.narrator)
    start_by_keys(qtbot, store, heard)
    heard.wait_idle(qtbot)
    last = heard.texts[-1]
    heard.clear()
    press(qtbot, store.window, Qt.Key.Key_Asterisk, keypad=True)
    assert last in heard.wait_idle(qtbot)
    heard.clear()
    press(qtbot, store.window, Qt.Key.Key_Slash, keypad=True)
    assert heard.wait_idle(qtbot) == [store.narrator.keys_help()]


def test_back_on_the_keypad_and_silence_at_the_idle_reset(qtbot: QtBot, store: Any) -> None:
    heard = Heard(store.narrator)
    start_by_keys(qtbot, store, heard)
    tab_to(qtbot, store, lambda w: isinstance(w, Tile) and w.capability.key == "help")
    press(qtbot, store.window, Qt.Key.Key_Enter, keypad=True)
    assert store.router.current_key == "help"
    press(qtbot, store.window, Qt.Key.Key_Minus, keypad=True)
    assert store.router.current_key == "home"
    heard.wait_for(qtbot, "Bonjour !")  # home again, and said
    store.reset_session()  # what the idle monitor does at the end of its countdown
    store.idle.session_reset.emit()
    assert store.narrator.speaker.idle
    assert not store.narrator.active  # the next visitor starts without speech


def reading_order_ok(a: QRect, b: QRect) -> bool:
    """``b`` comes after ``a`` for a reader: on a lower row, or on the same row further right
    (same row: the middle of one lies within the height of the other)."""
    same_row = a.top() <= b.center().y() <= a.bottom() or b.top() <= a.center().y() <= b.bottom()
    return b.left() > a.left() if same_row else b.center().y() > a.center().y()


@pytest.mark.parametrize("route", ["home", "help", "help-describe"])
def test_the_focus_order_is_the_visual_order(qtbot: QtBot, store: Any, route: str) -> None:
    heard = Heard(store.narrator)
    start_by_keys(qtbot, store, heard)
    if route != "home":
        store.router.go("help")
    if route == "help-describe":  # the on-screen keyboard: forty keys in rows
        press(qtbot, store.window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: store.narrator.settled, timeout=WAIT_MS)
    expected = store.narrator.targets()
    visited: list[QWidget] = []
    first = QApplication.focusWidget()
    assert first is expected[0]
    while True:
        visited.append(QApplication.focusWidget())
        press(qtbot, store.window, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is first:
            break
        assert len(visited) <= len(expected)
    assert set(visited) == set(expected)  # every control reached, none twice
    rects = [window_rect(w) for w in visited]
    for a, b in pairwise(rects):
        assert reading_order_ok(a, b), (a, b)
    press(qtbot, store.window, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is visited[-1]  # Shift+Tab goes the other way

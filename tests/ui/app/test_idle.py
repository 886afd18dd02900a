"""Idle: countdown, then a reset that wipes the session; "Continuer" and held sessions stop it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFrame
from pytestqt.qtbot import QtBot

from kiosk.settings import Language

TIMEOUT_MS = 150
COUNTDOWN_MS = 400


def tap(qtbot: QtBot, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def visitor(qtbot: QtBot, shell: Any) -> Any:
    """A visitor went to the agenda in English with the accessible theme."""
    shell.idle.set_durations(TIMEOUT_MS, COUNTDOWN_MS)
    tap(qtbot, shell.attract)
    bar = shell.window.bottom_bar
    tap(qtbot, bar.language)
    tap(qtbot, bar.accessible)
    shell.router.go("events")
    assert shell.session.lang is Language.EN
    assert shell.theme.accessible
    return shell


def test_countdown_then_reset_to_attract_with_the_session_wiped(qtbot: QtBot, visitor: Any) -> None:
    shell = visitor
    with qtbot.waitSignal(shell.idle.countdown_started, timeout=3000):
        pass
    assert shell.window.overlay.isVisible()
    assert int(shell.window.overlay.count.text()) >= 1
    with qtbot.waitSignal(shell.idle.session_reset, timeout=3000):
        pass
    assert shell.router.current_key == "attract"
    assert not shell.router.can_go_back()
    assert shell.session.lang is Language.FR
    assert not shell.session.accessible
    assert not shell.theme.accessible
    assert not shell.window.bottom_bar.accessible.isChecked()
    assert not shell.window.overlay.isVisible()
    qtbot.waitUntil(lambda: shell.attract.touch.text() == "Touchez l’écran pour commencer")


@pytest.mark.parametrize("accessible", [False, True])
def test_nothing_of_the_screen_shows_through_the_countdown_veil(
    qtbot: QtBot, shell: Any, accessible: bool
) -> None:
    """The veil hides: whoever walks up during the countdown reads nothing of the screen."""
    shell.idle.set_durations(TIMEOUT_MS, COUNTDOWN_MS)
    tap(qtbot, shell.attract)
    if accessible:
        tap(qtbot, shell.window.bottom_bar.accessible)
    shell.router.go("events")  # titles, times and places on the left half of the screen
    with qtbot.waitSignal(shell.idle.countdown_started, timeout=3000):
        pass
    overlay = shell.window.overlay
    card = overlay.findChild(QFrame, "idleCard")
    window = shell.window
    image = window.grab().toImage()  # what the screen shows, overlay and all
    top = overlay.mapTo(window, QPoint(0, 0)).y()
    left_of_card = card.mapTo(window, QPoint(0, 0)).x()
    outside = {
        image.pixel(x, y)
        for x in range(0, left_of_card - 1, 5)
        for y in range(top, top + overlay.height(), 5)
    }
    assert len(outside) == 1  # one flat colour: no text, no card, no icon behind it


def test_reset_calls_every_built_screens_reset(
    qtbot: QtBot, visitor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shell = visitor
    reset = []
    for screen in shell.router.built_screens():
        monkeypatch.setattr(screen, "reset", lambda key=screen.key: reset.append(key))
    with qtbot.waitSignal(shell.idle.session_reset, timeout=3000):
        pass
    assert sorted(reset) == ["attract", "events", "home"]


def test_continuer_keeps_the_session(qtbot: QtBot, visitor: Any) -> None:
    shell = visitor
    with qtbot.waitSignal(shell.idle.countdown_started, timeout=3000):
        pass
    with qtbot.waitSignal(shell.idle.countdown_cancelled, timeout=3000):
        tap(qtbot, shell.window.overlay.continue_button)
    assert not shell.window.overlay.isVisible()
    # The wait starts again from zero: the next thing to happen is a new countdown, not a reset.
    with (
        qtbot.assertNotEmitted(shell.idle.session_reset),
        qtbot.waitSignal(shell.idle.countdown_started, timeout=3000),
    ):
        pass
    assert shell.router.current_key == "events"
    assert shell.session.lang is Language.EN
    assert shell.theme.accessible


def test_any_touch_counts_as_activity(qtbot: QtBot, visitor: Any) -> None:
    shell = visitor
    with qtbot.waitSignal(shell.idle.countdown_started, timeout=3000):
        pass
    with qtbot.waitSignal(shell.idle.countdown_cancelled, timeout=3000):
        qtbot.mousePress(shell.window.overlay, Qt.MouseButton.LeftButton)
    assert shell.router.current_key == "events"


def test_a_device_poke_counts_as_activity(qtbot: QtBot, visitor: Any) -> None:
    shell = visitor
    with qtbot.waitSignal(shell.idle.countdown_started, timeout=3000):
        pass
    with qtbot.waitSignal(shell.idle.countdown_cancelled, timeout=3000):
        shell.idle.poke()


def test_never_reset_while_the_screen_holds_the_session(
    qtbot: QtBot, visitor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shell = visitor
    monkeypatch.setattr(shell.router.current, "holds_session", lambda: True)
    with (
        qtbot.assertNotEmitted(shell.idle.countdown_started),
        qtbot.waitSignal(shell.idle.reset_deferred, timeout=3000),
    ):
        pass
    assert shell.router.current_key == "events"
    assert shell.session.lang is Language.EN


def test_a_hold_taken_during_the_countdown_calls_the_reset_off(
    qtbot: QtBot, visitor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shell = visitor
    with qtbot.waitSignal(shell.idle.countdown_started, timeout=3000):
        pass
    monkeypatch.setattr(shell.router.current, "holds_session", lambda: True)
    with (
        qtbot.assertNotEmitted(shell.idle.session_reset),
        qtbot.waitSignal(shell.idle.reset_deferred, timeout=3000),
    ):
        pass
    assert shell.router.current_key == "events"


def test_idle_is_off_on_the_attract_screen(qtbot: QtBot, shell: Any) -> None:
    shell.idle.set_durations(TIMEOUT_MS, COUNTDOWN_MS)
    tap(qtbot, shell.attract)
    with qtbot.waitSignal(shell.idle.session_reset, timeout=3000):
        pass
    assert shell.router.current_key == "attract"
    # Back on the attract screen, the monitor is idle itself: nothing left to time.
    assert not shell.idle.counting_down
    assert not shell.idle.watching


def test_the_keypad_and_its_focus_ring_go_onto_the_veil(qtbot: QtBot, shell: Any) -> None:
    """With the keypad on, the veil holds the keys: the focus moves to « Continuer » and the
    ring with it (it was drawn over the veil, around a control of the screen underneath)."""
    from PySide6.QtWidgets import QApplication, QWidget

    shell.idle.set_durations(TIMEOUT_MS, 3000)
    tap(qtbot, shell.attract)
    tap(qtbot, shell.window.bottom_bar.accessible)
    shell.router.go("events")
    with qtbot.waitSignal(shell.idle.countdown_started, timeout=3000):
        pass
    overlay = shell.window.overlay
    qtbot.waitUntil(lambda: QApplication.focusWidget() is overlay.continue_button, timeout=2000)
    ring = shell.window.findChild(QWidget, "focusRing")
    assert ring is not None
    qtbot.waitUntil(lambda: ring.target is overlay.continue_button, timeout=2000)

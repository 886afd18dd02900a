"""The first tap on « Terminé » counts: the ticket arriving does not move the button away.

The ticket page shows « Terminé » at once, while the worker creates the ticket; when the
number, the figures and the printer's line appeared, the card grew and the button jumped about
100 px down, so a tap begun on it ended beside it (Qt clicks only when the release is on the
button), or landed where it had just been.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.settings import Profile
from tests.ui.help.test_help_screen import WAIT_MS, open_help
from ui.help.screen import HelpScreen

# The first ticket of a freshly started kiosk waits for the shared worker's start-up jobs:
# seconds on a loaded test machine.
TICKET_MS = 20_000


def settle_layouts() -> None:
    """Run the re-layouts Qt has queued (what the next paint would do), without waiting."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)


def finish_spot(screen: HelpScreen, window: Any) -> QPoint:
    finish = screen.ticket.finish
    return finish.mapTo(window, finish.rect().center())


def test_a_tap_on_termine_begun_before_the_ticket_arrives_is_not_lost(
    qtbot: QtBot, make_shell: Callable[..., Any]
) -> None:
    shell = make_shell(profile=Profile.STORE)
    window = shell.window
    window.show()
    qtbot.waitExposed(window)
    screen = open_help(shell)
    screen.reasons.buttons[1].click()
    screen.describe.keyboard.submitted.emit()  # « Prendre mon ticket »
    assert screen.pages.currentWidget() is screen.ticket
    settle_layouts()
    assert screen.ticket.ticket is None  # still being created: « Terminé » is already there
    spot = finish_spot(screen, window)
    handle = window.windowHandle()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)

    qtbot.waitUntil(lambda: screen.ticket.ticket is not None, timeout=TICKET_MS)
    settle_layouts()
    assert finish_spot(screen, window) == spot  # the card kept its shape
    with qtbot.waitSignal(screen.ticket.done, timeout=WAIT_MS):
        QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
    assert shell.router.current_key == "home"


def test_termine_stays_put_through_the_printer_queue_and_failure_news(
    qtbot: QtBot, make_shell: Callable[..., Any]
) -> None:
    shell = make_shell(profile=Profile.STORE, printer="tcp://127.0.0.1:9")
    window = shell.window
    window.show()
    qtbot.waitExposed(window)
    screen = open_help(shell)
    screen.reasons.buttons[0].click()
    screen.describe.keyboard.submitted.emit()
    settle_layouts()
    spots = [finish_spot(screen, window)]
    qtbot.waitUntil(lambda: screen.ticket.ticket is not None, timeout=TICKET_MS)
    ticket = screen.ticket
    for news in (
        lambda: ticket.set_print_state(ticket.print_state.TROUBLE),
        lambda: ticket.update_estimate(None),  # called: « C’est à vous ! »
        lambda: ticket.set_print_state(ticket.print_state.GAVE_UP),
        ticket.show_failure,  # « Réessayer » appears beside it
    ):
        news()
        settle_layouts()
        spots.append(finish_spot(screen, window))
    assert set(spots) == {spots[0]}

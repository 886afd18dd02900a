"""Besoin d’aide ? walked to the idle reset: nothing of the visitor stays readable."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain import Role
from kiosk.ports import BadgePresented
from kiosk.settings import Profile
from tests.ui.help.test_help_screen import link, open_help

TICKET_MS = 20_000  # the first ticket of a fresh kiosk waits for the start-up jobs


def visible_texts(root: QWidget) -> str:
    """Every text a passer-by could read in ``root``: labels, buttons, fields, shown only."""
    return " ".join(
        w.text()
        for w in root.findChildren(QWidget)
        if w.isVisible() and isinstance(w, QLabel | QAbstractButton | QLineEdit)
    )


def test_a_help_ticket_walked_to_the_idle_reset_leaves_no_personal_datum_on_screen(
    qtbot: QtBot, make_shell: Callable[..., Any]
) -> None:
    shell = make_shell(profile=Profile.STORE)
    shell.window.show()
    qtbot.waitExposed(shell.window)
    agent = link(shell, Role.AGENT, b"agent-badge")
    screen = open_help(shell)
    assert shell.input_router.route_badge(BadgePresented(b"agent-badge", "test"))
    qtbot.waitUntil(lambda: agent.first_name in visible_texts(shell.window), timeout=TICKET_MS)
    screen.reasons.buttons[2].click()
    description = "Compte bloqué depuis Trifouillis"
    screen.describe.field.setText(description)
    assert description in visible_texts(shell.window)  # the check sees the field's text
    screen.describe.keyboard.submitted.emit()
    qtbot.waitUntil(lambda: screen.ticket.ticket is not None, timeout=TICKET_MS)
    personal = (agent.first_name, agent.last_name, agent.matricule or "", "Trifouillis")

    shell.idle.set_durations(50, 50)  # the countdown, then the reset, as the idle timer runs
    with qtbot.waitSignal(shell.idle.session_reset, timeout=TICKET_MS):
        pass
    assert shell.router.current_key == "attract"
    shown = visible_texts(shell.window)
    assert [datum for datum in personal if datum and datum in shown] == []
    shell.router.go("home")
    shell.router.go("help")  # and the next visitor opening the help finds it blank
    shown = visible_texts(shell.window)
    assert [datum for datum in personal if datum and datum in shown] == []

"""The cross-fade between screens: made on the first change, never in the way of a tap."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget
from pytestqt.qtbot import QtBot

from ui.widgets.crossfade import CrossFade


def test_the_fade_is_made_on_the_first_change_and_lets_taps_through(qtbot: QtBot) -> None:
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    first, second = QLabel("Accueil"), QLabel("Kiosque numérique")
    stack.addWidget(first)
    stack.addWidget(second)
    fade = CrossFade(stack, duration_ms=30)
    stack.resize(400, 300)
    stack.show()
    qtbot.waitExposed(stack)
    # nothing of it exists before the first change (the first paint does not wait for it)
    assert stack.findChildren(QLabel, "crossFade") == []
    assert not fade.running

    fade.leaving()
    stack.setCurrentWidget(second)
    fade.entered()
    (snapshot,) = stack.findChildren(QLabel, "crossFade")
    assert fade.running
    assert snapshot.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    assert snapshot.geometry() == stack.rect()
    assert not snapshot.pixmap().isNull()  # the leaving screen, fading
    qtbot.waitUntil(lambda: not fade.running, timeout=5_000)
    assert snapshot.pixmap().isNull()  # no full-screen image kept alive

    fade.leaving()  # the next change reuses it
    stack.setCurrentWidget(first)
    fade.entered()
    assert stack.findChildren(QLabel, "crossFade") == [snapshot]

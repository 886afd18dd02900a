"""Touch buttons draw their icons when first shown, or once the kiosk has painted."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ui.theme import ThemeController
from ui.widgets.buttons import TouchButton, draw_pending_icons


def test_icons_are_drawn_when_shown_and_the_hidden_ones_on_request(qtbot: QtBot, qapp: Any) -> None:
    theme = ThemeController(qapp)
    theme.apply(accessible=False)
    root = QWidget()
    qtbot.addWidget(root)
    shown = TouchButton(theme, "x", parent=root)
    hidden = TouchButton(theme, "x", parent=root)
    hidden.hide()
    assert shown.icon().isNull()  # nothing drawn while the screens are built
    assert hidden.icon().isNull()

    root.show()
    qtbot.waitExposed(root)
    assert not shown.icon().isNull()
    assert hidden.icon().isNull()

    draw_pending_icons(root)  # what the shell does after the first paint
    qtbot.waitUntil(lambda: not hidden.icon().isNull(), timeout=3000)

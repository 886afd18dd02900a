"""The window paints the screen's gradient itself, from a picture made once per size and theme:
what shows through every see-through card and list, and under each repainted row."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

from ui.theme import ThemeController
from ui.widgets.window import KioskWindow


def close(a: QColor, b: QColor, tolerance: int = 3) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def shown_window(qtbot: Any, qapp: QApplication, width: int, height: int) -> KioskWindow:
    theme = ThemeController(qapp)
    theme.apply()
    window = KioskWindow(theme)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_gradient_runs_corner_to_corner_and_follows_the_theme(
    qtbot: Any, qapp: QApplication
) -> None:
    window = shown_window(qtbot, qapp, 640, 400)
    theme = window._theme
    t = theme.tokens
    assert t.background != t.background_end  # a gradient to see, in the normal theme
    image = window.grab().toImage()
    assert close(image.pixelColor(0, 0), QColor(t.background))
    assert close(image.pixelColor(639, 399), QColor(t.background_end))
    middle = image.pixelColor(320, 200)
    assert not close(middle, QColor(t.background), 0) or not close(
        middle, QColor(t.background_end), 0
    )

    theme.set_accessible(True)  # black screen, white cards
    dark = window.grab().toImage()
    for x, y in ((0, 0), (320, 200), (639, 399)):
        assert close(dark.pixelColor(x, y), QColor(theme.tokens.background))

    window.resize(300, 900)  # a new size: the picture is made again at that size
    tall = window.grab().toImage()
    assert (tall.width(), tall.height()) == (300, 900)
    assert close(tall.pixelColor(299, 899), QColor(theme.tokens.background_end))


def test_a_see_through_child_repainted_alone_shows_the_gradient_behind_it(
    qtbot: Any, qapp: QApplication
) -> None:
    window = shown_window(qtbot, qapp, 800, 600)
    page = QWidget()
    window.stack.addWidget(page)
    window.stack.setCurrentWidget(page)
    whole = window.grab().toImage()
    page.repaint(500, 400, 120, 80)  # a row's worth, as a keystroke's answer repaints
    again = window.grab().toImage()
    for x, y in ((500, 400), (619, 479), (560, 440)):
        assert again.pixelColor(x, y) == whole.pixelColor(x, y)

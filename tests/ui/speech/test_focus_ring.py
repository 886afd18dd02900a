"""The keypad's focus ring as painted: at least 3 px contrasting 3:1 or more (WCAG 1.4.11)
with what lies next to it, on the light theme and on the dark accessible one."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.settings import Profile
from tests.helpers.speech import activate, press, tab_to
from ui.app.screens.tile import Tile


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def bands(image: QImage, x: int, y_from: int, y_to: int) -> list[tuple[QColor, int]]:
    """Runs of equal colour down one column: (colour, length)."""
    runs: list[tuple[QColor, int]] = []
    for y in range(y_from, y_to):
        colour = image.pixelColor(x, y)
        if runs and runs[-1][0] == colour:
            runs[-1] = (colour, runs[-1][1] + 1)
        else:
            runs.append((colour, 1))
    return runs


@pytest.mark.parametrize("accessible", [False, True])
def test_the_focus_ring_is_wide_and_contrasted(
    qtbot: QtBot, make_shell: Any, accessible: bool
) -> None:
    shell = make_shell(profile=Profile.STORE)
    shell.window.transition.duration_ms = 0
    activate(qtbot, shell)
    shell.router.go("home")
    if accessible:
        press(qtbot, shell.window, Qt.Key.Key_Tab)  # the keypad turns the accessible mode on
        assert shell.session.accessible
    else:
        shell.narrator.set_active(True)  # a headset in the jack: speech, the light theme
    qtbot.waitUntil(lambda: shell.narrator.settled or shell.narrator.ring.isVisible())
    tab_to(qtbot, shell, lambda w: isinstance(w, Tile) and w.capability.key == "help")
    ring = shell.narrator.ring
    assert ring.target is QApplication.focusWidget()
    assert ring.isVisible()
    image = shell.window.grab().toImage()
    box = ring.ring_rect().toRect()
    x = box.center().x()  # down through the ring's top edge, from outside to inside the tile
    runs = bands(image, x, box.top() - 6, box.top() + 14)
    outside = runs[0][0]
    inside = runs[-1][0]
    ring_runs = runs[1:-1]
    # some band of the ring, 3 px wide or more, stands out 3:1 from each of its neighbours
    assert any(width >= 3 and contrast(colour, outside) >= 3.0 for colour, width in ring_runs), (
        outside.name(),
        [(c.name(), w) for c, w in runs],
    )
    assert any(width >= 3 and contrast(colour, inside) >= 3.0 for colour, width in ring_runs), (
        inside.name(),
        [(c.name(), w) for c, w in runs],
    )

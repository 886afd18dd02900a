"""Touch buttons draw their icons when first shown, or once the kiosk has painted; fields are
cleared with a touch target."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.rgpd.notice import PrivacyTerms
from ui.checkin.person_search import PersonSearch
from ui.theme import MIN_TARGET_MM, ScreenMetrics, ThemeController, mm_to_px
from ui.widgets.buttons import ClearButton, TouchButton, draw_pending_icons


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


# A 18.5" 1366x768 panel: 409.8 mm wide, the least dense kiosk screen (fewest px per mm).
SMALL_PANEL = ScreenMetrics(1366, 768, 1366 / 409.8)
# A 4K panel at 200 %: 1920x1080 logical pixels on 596.7 mm.
FOUR_K = ScreenMetrics(1920, 1080, 1920 / 596.7)


@pytest.mark.parametrize("metrics", [SMALL_PANEL, FOUR_K], ids=["1366x768", "4k"])
def test_the_person_search_clears_with_a_touch_target_not_qt_s_small_icon(
    qtbot: QtBot, qapp: Any, metrics: ScreenMetrics
) -> None:
    theme = ThemeController(qapp)
    theme.set_screen(metrics)
    theme.apply(accessible=False)
    search = PersonSearch(theme, PrivacyTerms.defaults())
    qtbot.addWidget(search)
    search.resize(metrics.width, metrics.height)
    search.show()
    qtbot.waitExposed(search)
    assert not search.field.isClearButtonEnabled()  # Qt's own: about 14 px inside the field
    clear = search.findChild(ClearButton)
    assert clear is not None
    assert not clear.isVisible()  # nothing to clear yet

    search.field.setText("dupont")
    assert clear.isVisible()
    least = mm_to_px(MIN_TARGET_MM, metrics)
    assert min(clear.width(), clear.height()) >= least
    field = search.field.geometry()
    assert field.contains(clear.geometry().translated(field.topLeft()))  # no room taken beside
    assert search.field.textMargins().right() >= clear.width()  # the text stops before it
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert search.field.text() == ""
    assert not clear.isVisible()

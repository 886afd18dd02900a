"""What a look at every screen on every panel found that the layout matrix does not measure.

The matrix (tests/ui/test_screen_sizes.py) checks a single-line label's width, not its height:
the help ticket's number was drawn with its tops and tails cut at 1366x768 and still passed.
These tests open the screens a person looked at, on the panels they broke on, and check what
was wrong there with font metrics and geometry (no pixels compared).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kiosk.identity import load_site_key
from kiosk.settings import Profile, Settings
from tests.ui.test_screen_sizes import PANELS, Panel
from tools.screenshots.layout import open_view, seed_store
from ui.help.ticket import PrintState
from ui.theme import ScreenMetrics
from ui.widgets.fitting_label import FittingLabel

SMALL, PORTRAIT, UHD = (next(p for p in PANELS if p.name == n)
                        for n in ("1366x768", "1080x1920", "3840x2160@200"))  # fmt: skip
LOOKED_AT = [SMALL, PORTRAIT, UHD]


def shown(root: QWidget) -> Iterator[QWidget]:
    for child in root.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if child.isVisible():
            yield child
            yield from shown(child)


def cut_lines(root: QWidget) -> list[str]:
    """Single-line labels given less height than their font's line: glyphs cut top and bottom."""
    found = []
    for widget in shown(root):
        if isinstance(widget, QLabel) and widget.text() and not widget.wordWrap():
            font = widget.drawn_font() if isinstance(widget, FittingLabel) else widget.font()
            needed = QFontMetrics(font).height()
            if widget.contentsRect().height() + 1 < needed:
                found.append(
                    f"#{widget.objectName()} {widget.text()!r}: "
                    f"{widget.contentsRect().height()} px high, its font needs {needed}"
                )
    return found


def fit(shell: Any, panel: Panel, qapp: QApplication) -> ScreenMetrics:
    metrics = panel.metrics
    shell.theme.set_screen(metrics)
    shell.window.resize(metrics.width, metrics.height)
    shell.window.show()
    qapp.processEvents()
    return metrics


@pytest.fixture
def store_shell(make_shell: Callable[..., Any], kiosk_settings: Settings) -> Callable[[], Any]:
    def make() -> Any:
        seed_store(kiosk_settings.database_url, load_site_key(kiosk_settings.site_key_path))
        return make_shell(profile=Profile.STORE, reader="none")

    return make


@pytest.mark.parametrize("panel", LOOKED_AT, ids=lambda p: p.name)
def test_the_help_ticket_number_is_drawn_whole(
    store_shell: Callable[[], Any], qapp: QApplication, panel: Panel
) -> None:
    shell = store_shell()
    fit(shell, panel, qapp)
    report: list[str] = []
    for accessible in (False, True):
        shell.session.set_accessible(accessible)
        open_view(shell, "help_ticket")
        qapp.processEvents()
        ticket = shell.router.current.ticket
        report += cut_lines(ticket)
        # the number reads from across the room: the largest text of the page
        drawn = ticket.number.drawn_font().pixelSize()
        assert drawn > 2 * ticket.position.font().pixelSize(), drawn
        # « Prenez votre ticket imprimé. » on one line: it wrapped in a narrow box everywhere
        ticket.set_print_state(PrintState.PRINTED)
        qapp.processEvents()
        assert ticket.print_text.height() < 2 * ticket.print_text.fontMetrics().lineSpacing()
    assert not report, "\n".join(report)


def rect_in(child: QWidget, parent: QWidget) -> QRect:
    return QRect(child.mapTo(parent, child.rect().topLeft()), child.size())


def inside(child: QWidget, parent: QWidget) -> bool:
    return parent.rect().contains(rect_in(child, parent))

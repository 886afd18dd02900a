"""What a look at every screen on every panel found that the layout matrix does not measure.

The matrix (tests/ui/test_screen_sizes.py) checks a single-line label's width, not its height:
the help ticket's number was drawn with its tops and tails cut at 1366x768 and still passed.
These tests open the screens a person looked at, on the panels they broke on, and check what
was wrong there with font metrics and geometry (no pixels compared).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.documents.catalogue import (
    THEMES,
    DocumentKind,
    DocumentSummary,
    SearchResults,
    ThemeCount,
)
from kiosk.identity import load_site_key
from kiosk.settings import Language, Profile, Settings
from tests.ui.test_screen_sizes import PANELS, Panel, problems, settle_layout
from tools.screenshots.layout import open_view, seed_store
from ui.documents.desk import Shelf
from ui.help.ticket import PrintState
from ui.theme import ScreenMetrics
from ui.widgets.fitting_label import FittingLabel

SMALL, PORTRAIT, UHD = (next(p for p in PANELS if p.name == n)
                        for n in ("1366x768", "1080x1920", "3840x2160@200"))  # fmt: skip
LOOKED_AT = [SMALL, PORTRAIT, UHD]
# a portrait panel as dense as the 24" design one (what the screenshot tool draws by default)
DENSE_PORTRAIT = Panel("1080x1920-dense", 1080, 1920, 1.0, 1080 / (1920 / 531.4))


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


@pytest.mark.parametrize("panel", LOOKED_AT, ids=lambda p: p.name)
def test_the_pickup_confirmation_buttons_share_one_row(
    store_shell: Callable[[], Any], qapp: QApplication, qtbot: QtBot, panel: Panel
) -> None:
    """« En savoir plus » sat 33 px above « J’ai bien reçu » on 1366x768: an empty status line
    under the privacy line lifted it, the confirm button kept to the row's bottom."""
    shell = store_shell()
    fit(shell, panel, qapp)
    open_view(shell, "collect_confirm", lambda c: qtbot.waitUntil(c, timeout=10_000))
    page = shell.router.current.confirm_page
    qtbot.waitUntil(lambda: page.isVisible() and page.confirm.isEnabled(), timeout=10_000)
    qapp.processEvents()
    window = shell.window

    def middle(button: QWidget) -> int:
        return rect_in(button, window).center().y()

    assert abs(middle(page.privacy.more) - middle(page.confirm)) <= 2


def a_shelf() -> Shelf:
    """The demo catalogue's first page: eight themes and a few new documents."""
    latest = tuple(
        DocumentSummary(
            f"doc-{n}", DocumentKind.PDF, f"Télétravail : le guide pratique, partie {n}",
            "Conditions, équipement, horaires et droit à la déconnexion.", "Travail hybride",
            (), date(2026, 11, 19 - n), 6, 4, None, None,
        )
        for n in range(4)
    )  # fmt: skip
    return Shelf(tuple(ThemeCount(name, 8) for name, _ in THEMES), latest)


@pytest.mark.parametrize("panel", LOOKED_AT, ids=lambda p: p.name)
def test_the_catalogue_themes_and_new_documents_fit_the_panel(
    make_shell: Callable[..., Any], qapp: QApplication, panel: Panel
) -> None:
    """In portrait the eight theme tiles grew into 320 px squares with their names cut, and
    « Nouveautés » was squeezed into a 170 px column where no title could be read."""
    shell = make_shell()
    metrics = fit(shell, panel, qapp)
    shell.router.go("documents")
    screen = shell.router.current
    report: list[str] = []
    for lang in (Language.FR, Language.EN):
        for accessible in (False, True):
            shell.session.set_language(lang)
            shell.session.set_accessible(accessible)
            screen.browse.set_shelf(a_shelf())
            settle_layout(shell.window, qapp)
            where = f"{lang.value} {'accessible' if accessible else 'normal'}: "
            report += [where + p for p in problems(shell.window, screen, metrics)]
            latest = screen.browse.latest
            # landscape: the themes' names take what they need, « Nouveautés » the rest
            if latest.width() < metrics.width * (0.7 if metrics.portrait else 0.25):
                report.append(f"{where}« Nouveautés » is {latest.width()} px wide")
    assert not report, "\n".join(report)


@pytest.mark.parametrize("panel", LOOKED_AT, ids=lambda p: p.name)
def test_the_themes_suggested_for_nothing_found_stay_on_screen(
    make_shell: Callable[..., Any], qapp: QApplication, qtbot: QtBot, panel: Panel
) -> None:
    """« Essayez plutôt un thème » offered four themes in one row that ran off the panel's
    right edge (« Accessibili » on 1366x768, the third cut in portrait)."""
    shell = make_shell()
    fit(shell, panel, qapp)
    shell.router.go("documents")
    screen = shell.router.current
    screen.open_search(typing=False)
    themes = tuple(name for name, _ in THEMES[:4])
    report: list[str] = []
    for lang in (Language.FR, Language.EN):
        for accessible in (False, True):
            shell.session.set_language(lang)
            shell.session.set_accessible(accessible)
            settle_layout(shell.window, qapp)  # a search the switch started answers first
            qtbot.waitUntil(lambda: not screen.desk.pending)
            screen.search.show_results(SearchResults("charte", (), 0, suggested_themes=themes))
            settle_layout(shell.window, qapp)
            where = f"{lang.value} {'accessible' if accessible else 'normal'}: "
            for button in screen.search.empty.themes:
                assert button.isVisible()
                if not inside(button, shell.window):
                    report.append(f"{where}{button.text()!r} leaves the window")
                if button.sizeHint().width() > button.width() + 1:
                    report.append(f"{where}{button.text()!r} is cut")
    assert not report, "\n".join(report)


@pytest.mark.parametrize("panel", [*LOOKED_AT, DENSE_PORTRAIT], ids=lambda p: p.name)
def test_the_walk_in_offer_buttons_stay_on_a_portrait_panel(
    make_shell: Callable[..., Any], qapp: QApplication, panel: Panel
) -> None:
    """The walk-in offer's row was a fixed 1200 px: on a 24" portrait panel (1080 px wide)
    « Non merci » and « M’inscrire » ran off both edges."""
    from tools.screenshots.checkin import sample_results
    from ui.checkin.self_checkin import walk_in_buttons
    from ui.checkin.verdict_panel import VerdictPanel
    from ui.checkin.verdicts import describe

    shell = make_shell()
    metrics = fit(shell, panel, qapp)
    now = datetime(2026, 11, 23, 14, 5, tzinfo=ZoneInfo("Europe/Paris"))
    verdict = VerdictPanel(shell.theme, shell.window)
    verdict.setGeometry(shell.window.rect())
    accept, decline, icon = walk_in_buttons(confirming=False)
    for accessible in (False, True):
        shell.session.set_accessible(accessible)
        verdict.show_view(
            describe(sample_results(now)["walk-in-offer"], now),
            timeout_ms=8000, accept_text=accept, decline_text=decline, accept_icon=icon,
        )  # fmt: skip
        verdict.show()
        for _ in range(3):
            qapp.processEvents()
        for button in (verdict.accept_button, verdict.decline_button):
            assert button.isVisible()
            assert inside(button, shell.window), rect_in(button, shell.window)
        assert verdict.width() == metrics.width
    verdict.close()

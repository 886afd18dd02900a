"""The Statistiques screen: computed on the worker thread, QoQ cards, quarter picker, charts."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from kiosk.ports import FixedClock
from kiosk.stats.dashboard import Dashboard, quarter_dashboard
from kiosk.stats.french import NBSP
from kiosk.stats.periods import Quarter
from tests.helpers import stats_world
from ui.stats.screen import StatsScreen
from ui.tasks import BackgroundExecutor

JUNE = FixedClock(datetime(2026, 6, 20, 10, tzinfo=UTC))  # during 2026-Q2


class Loader:
    """quarter_dashboard on the test database, noting the thread and the quarters asked."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.threads: list[threading.Thread] = []
        self.asked: list[Quarter] = []
        self.fail = False

    def __call__(self, quarter: Quarter) -> Dashboard:
        self.threads.append(threading.current_thread())
        self.asked.append(quarter)
        if self.fail:
            raise RuntimeError("database gone")
        with Session(self.engine) as session:
            return quarter_dashboard(session, quarter)


@pytest.fixture
def loader(engine: Engine) -> Loader:
    with Session(engine) as session:
        stats_world.build(session)
        session.commit()
    return Loader(engine)


@pytest.fixture
def screen(qtbot: QtBot, qapp: Any, loader: Loader) -> Iterator[StatsScreen]:
    from ui.theme import ThemeController

    theme = ThemeController(qapp)
    theme.apply(accessible=False)
    executor = BackgroundExecutor()
    view = StatsScreen(theme, executor, JUNE, loader)
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.show()
    yield view
    executor.wait()


def loaded(qtbot: QtBot, screen: StatsScreen) -> Dashboard:
    qtbot.waitUntil(lambda: screen.board is not None, timeout=10_000)
    assert screen.board is not None
    return screen.board


def accessible_on(qtbot: QtBot, screen: StatsScreen, width: int, height: int) -> None:
    """The screen in accessible type on a ``width`` x ``height`` panel of 409.8 mm, its figures
    computed and laid out."""
    from ui.theme import ScreenMetrics

    screen._theme.set_screen(ScreenMetrics(width, height, width / 409.8))
    screen._theme.apply(accessible=True)
    screen.resize(width, height)
    screen.shown()
    loaded(qtbot, screen)
    for _ in range(5):  # the charts' new minimum heights reach the scroll area a pass at a time
        QApplication.processEvents()
        screen.resize(width, height)  # once restyled, the page's minimum lets it be this small


def test_the_dashboard_is_computed_off_the_gui_thread_and_painted(
    qtbot: QtBot, screen: StatsScreen, loader: Loader
) -> None:
    screen.shown()
    assert screen.status.text() == "Calcul en cours…"
    assert screen.attendance.value.text() == "…"
    board = loaded(qtbot, screen)
    assert board.quarter == Quarter(2026, 2)
    assert loader.threads
    assert all(t is not threading.main_thread() for t in loader.threads)
    assert screen.quarter_label.text() == "2ᵉ trimestre 2026"
    assert screen.attendance.value.text() == "12"
    assert screen.attendance.change.text() == f"+140{NBSP}%"
    assert screen.attendance.before.text() == "1ᵉʳ trimestre 2026\u202f: 5"
    assert screen.no_show.value.text() == f"18{NBSP}%"
    assert screen.no_show.change.text() == "\u221215,2 pts"  # 18,2 % after 33,3 %
    assert screen.help.change.text() == f"+300{NBSP}%"
    assert not screen.next.isEnabled()  # no figures for a quarter still to come
    assert screen.status.text() == (
        "3 événements · 3 venus sans inscription · 5 documents consultés · "
        "3 recherches sans résultat"
    )


def test_the_arrow_says_which_way_not_only_the_colour(qtbot: QtBot, screen: StatsScreen) -> None:
    screen.shown()
    loaded(qtbot, screen)
    assert screen.attendance.arrow._name == "trending-up"
    assert screen.no_show.arrow._name == "trending-down"
    screen.show_quarter(Quarter(2026, 1))
    loaded(qtbot, screen)
    assert screen.attendance.change.text() == "n/a"  # nothing in 2025-Q4
    assert screen.attendance.arrow._name == "equal"


def test_the_quarter_picker_moves_back_and_forth(
    qtbot: QtBot, screen: StatsScreen, loader: Loader
) -> None:
    screen.shown()
    loaded(qtbot, screen)
    qtbot.mouseClick(screen.previous, Qt.MouseButton.LeftButton)
    board = loaded(qtbot, screen)
    assert board.quarter == Quarter(2026, 1)
    assert screen.quarter_label.text() == "1ᵉʳ trimestre 2026"
    assert screen.next.isEnabled()
    qtbot.mouseClick(screen.next, Qt.MouseButton.LeftButton)
    assert loaded(qtbot, screen).quarter == Quarter(2026, 2)
    assert loader.asked == [Quarter(2026, 2), Quarter(2026, 1), Quarter(2026, 2)]


def test_the_charts_show_the_quarters_months_types_and_reasons(
    qtbot: QtBot, screen: StatsScreen
) -> None:
    screen.shown()
    loaded(qtbot, screen)
    month = screen.charts.by_month.data
    assert month is not None
    assert {s.name: list(s.values) for s in month.series} == {
        "Participations": [3.0, 5.0, 4.0],
        "Visites": [1.0, 2.0, 3.0],
    }
    assert month.categories == ("Avr.", "Mai", "Juin")
    kinds = screen.charts.by_kind.data
    assert kinds is not None
    assert list(kinds.series[0].values) == [5.0, 4.0, 3.0, 0.0, 0.0]  # the biggest first
    wait = screen.charts.help_times.data
    assert wait is not None
    assert sorted(wait.series[0].values) == [0.0, 0.0, 0.0, 15.0, 30.0]


def test_every_bar_carries_its_value_in_large_type_within_its_card(
    qtbot: QtBot, screen: StatsScreen
) -> None:
    screen.shown()
    loaded(qtbot, screen)
    for _ in range(5):  # the charts' heights for their data reach the scroll area a pass at a time
        QApplication.processEvents()
    for chart in (screen.charts.by_month, screen.charts.by_kind, screen.charts.help_times):
        chart.grab()  # paints
        assert chart.data is not None
        values = [v for s in chart.data.series for v in s.values]
        assert len(chart.painted) == len(values)
        assert sorted(p.text for p in chart.painted) == sorted(
            screen.charts.value_text(v) for v in values
        )
        card = chart.rect()
        for bar in chart.painted:
            assert card.contains(bar.label.toAlignedRect()), (bar.text, bar.label, card)
            if bar.inside:  # written on the bar's end
                assert bar.bar.contains(bar.label.center())
            elif chart.data.horizontal:  # a short bar: just past its end, on its line
                assert bar.label.left() >= bar.bar.right()
                assert bar.label.top() <= bar.bar.center().y() <= bar.label.bottom()
            else:
                assert bar.label.bottom() <= bar.bar.top()
        assert any(p.inside for p in chart.painted)
        assert chart.accessibleDescription()  # the numbers, for a screen reader
    longest = max(screen.charts.by_month.painted, key=lambda p: p.bar.height())
    assert (longest.text, longest.inside) == ("5", True)  # May's 5 attendances, on the bar


def test_chart_labels_are_at_least_24_px(qtbot: QtBot, screen: StatsScreen) -> None:
    from ui.stats.bar_chart import MIN_LABEL_PX

    screen.shown()
    loaded(qtbot, screen)
    chart = screen.charts.by_month
    chart.grab()
    assert MIN_LABEL_PX >= 24
    assert all(p.label.height() >= 24 for p in chart.painted)


def test_qt_charts_is_not_imported_by_the_application() -> None:
    """Qt Charts is deprecated (Qt 6.10): the statistics draw their bars themselves."""
    import subprocess
    import sys

    code = (
        "import sys, ui.app.shell, ui.stats.screen, ui.stats.bar_chart\n"
        "loaded = [m for m in sys.modules if m.startswith('PySide6.QtCharts')]\n"
        "assert not loaded, loaded"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr


def test_a_failure_is_said_on_screen(qtbot: QtBot, screen: StatsScreen, loader: Loader) -> None:
    loader.fail = True
    with qtbot.captureExceptions():
        screen.shown()
        qtbot.waitUntil(
            lambda: screen.status.text() == "Les statistiques n’ont pas pu être calculées.",
            timeout=10_000,
        )
    assert screen.board is None
    screen.retranslate()  # a language switch keeps saying it failed
    assert screen.status.text() == "Les statistiques n’ont pas pu être calculées."
    assert screen.status.property("error") is True


def test_the_administration_opens_the_statistics(qtbot: QtBot, shell: Any) -> None:
    shell.router.go("admin")
    qtbot.mouseClick(shell.router.current.stats, Qt.MouseButton.LeftButton)
    assert shell.router.current_key == "stats"
    qtbot.waitUntil(lambda: shell.router.current.board is not None, timeout=15_000)
    qtbot.mouseClick(shell.router.current.back, Qt.MouseButton.LeftButton)
    assert shell.router.current_key == "admin"


def test_figures_follow_the_language_of_the_screen(
    qtbot: QtBot, qapp: Any, screen: StatsScreen
) -> None:
    from kiosk.settings import Language
    from ui.i18n import LanguageSwitcher

    screen.shown()
    loaded(qtbot, screen)
    switcher = LanguageSwitcher(qapp)
    try:
        switcher.apply(Language.EN)
        qtbot.waitUntil(lambda: screen.attendance.change.text() == "+140%")
        assert screen.no_show.value.text() == "18%"
        assert screen.no_show.change.text().startswith("\u221215.2")  # a point, not a comma
    finally:
        switcher.uninstall()
    qtbot.waitUntil(lambda: screen.attendance.change.text() == f"+140{NBSP}%")
    assert screen.no_show.change.text() == "\u221215,2 pts"


@pytest.mark.parametrize("size", [(1366, 768), (1080, 1920)])
def test_no_two_values_overlap_in_accessible_mode_on_a_short_or_narrow_panel(
    qtbot: QtBot, screen: StatsScreen, size: tuple[int, int]
) -> None:
    """Five help reasons of two bars each: squeezed into a 1366x768 panel the ten values were
    drawn over each other. The charts keep the height their values need and the page scrolls;
    in portrait they stand one under the other at the page's full width."""
    width, height = size
    accessible_on(qtbot, screen, width, height)
    assert (screen.width(), screen.height()) == size
    charts = (screen.charts.by_month, screen.charts.by_kind, screen.charts.help_times)
    for chart in charts:
        chart.grab()
        labels = [p.label for p in chart.painted]
        for n, one in enumerate(labels):
            for other in labels[n + 1 :]:
                assert not one.intersects(other), (chart.data and chart.data.title, one, other)
    content = screen.scroll_area.widget()
    assert content.height() > screen.scroll_area.viewport().height()  # it scrolls
    lefts = {chart.geometry().left() for chart in charts}
    assert len(lefts) == (1 if height > width else 3)


def test_a_legend_too_wide_for_its_card_goes_one_series_a_line(
    qtbot: QtBot, screen: StatsScreen
) -> None:
    """« Attente (min) » and « Prise en charge (min) » side by side ran past a 1366 px card in
    accessible type: each name stays inside the card."""
    accessible_on(qtbot, screen, 1366, 768)
    for chart in (screen.charts.by_month, screen.charts.help_times):
        chart.grab()
        assert len(chart.legend) == 2
        card = chart.rect()
        for name in chart.legend:
            assert card.contains(name.toAlignedRect()), (name, card)

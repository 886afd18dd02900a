"""The Statistiques screen: computed on the worker thread, QoQ cards, quarter picker, charts."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtCore import Qt
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
    assert screen.quarter_label.text() == "2e trimestre 2026"
    assert screen.attendance.value.text() == "12"
    assert screen.attendance.change.text() == f"+140{NBSP}%"
    assert screen.attendance.before.text() == "1er trimestre 2026 : 5"
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
    assert screen.quarter_label.text() == "1er trimestre 2026"
    assert screen.next.isEnabled()
    qtbot.mouseClick(screen.next, Qt.MouseButton.LeftButton)
    assert loaded(qtbot, screen).quarter == Quarter(2026, 2)
    assert loader.asked == [Quarter(2026, 2), Quarter(2026, 1), Quarter(2026, 2)]


def test_the_charts_show_the_quarters_months_types_and_reasons(
    qtbot: QtBot, screen: StatsScreen
) -> None:
    screen.shown()
    loaded(qtbot, screen)
    month_chart = screen.by_month.chart()
    series = month_chart.series()[0]
    sets = {s.label(): [s.at(i) for i in range(s.count())] for s in series.barSets()}
    assert sets == {"Participations": [3.0, 5.0, 4.0], "Visites": [1.0, 2.0, 3.0]}
    axis = next(a for a in month_chart.axes() if isinstance(a, QBarCategoryAxis))
    assert axis.categories() == ["Avr.", "Mai", "Juin"]
    kinds = screen.by_kind.chart().series()[0].barSets()[0]
    assert sorted(kinds.at(i) for i in range(kinds.count())) == [0.0, 0.0, 3.0, 4.0, 5.0]
    wait = screen.help_times.chart().series()[0].barSets()[0]
    assert sorted(wait.at(i) for i in range(wait.count())) == [0.0, 0.0, 0.0, 15.0, 30.0]


def test_a_failure_is_said_on_screen(qtbot: QtBot, screen: StatsScreen, loader: Loader) -> None:
    loader.fail = True
    with qtbot.captureExceptions():
        screen.shown()
        qtbot.waitUntil(
            lambda: screen.status.text() == "Les statistiques n'ont pas pu être calculées.",
            timeout=10_000,
        )
    assert screen.board is None
    screen.retranslate()  # a language switch keeps saying it failed
    assert screen.status.text() == "Les statistiques n'ont pas pu être calculées."
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

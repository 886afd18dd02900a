"""The requests, the sign-ups made at the kiosk (by direction, visitors in their own row) and
the projects opened most, as tables of the Statistiques screen: figures from the hand-counted
data set (tests/helpers/stats_world.py), in French and English, fitting each panel."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session

from kiosk.ports import FixedClock
from kiosk.settings import Language, Settings
from kiosk.stats.dashboard import Dashboard, quarter_dashboard
from kiosk.stats.french import NBSP
from kiosk.stats.periods import Quarter
from tests.helpers import stats_world
from tests.ui.test_screen_sizes import MODES, PANELS, Panel, fit, problems, settle_layout
from ui.stats.screen import StatsScreen
from ui.tasks import BackgroundExecutor
from ui.theme import ThemeController

JUNE = FixedClock(datetime(2026, 6, 20, 10, tzinfo=UTC))  # during 2026-Q2
NNBSP = "\u202f"


@pytest.fixture
def screen(qtbot: QtBot, qapp: Any, engine: Engine) -> Iterator[StatsScreen]:
    with Session(engine) as session:
        stats_world.build(session)
        session.commit()

    def load(quarter: Quarter) -> Dashboard:
        with Session(engine) as session:
            return quarter_dashboard(session, quarter)

    theme = ThemeController(qapp)
    theme.apply(accessible=False)
    executor = BackgroundExecutor()
    view = StatsScreen(theme, executor, JUNE, load)
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.show()
    view.shown()
    qtbot.waitUntil(lambda: view.board is not None, timeout=10_000)
    yield view
    executor.wait()


def test_the_tables_give_the_quarters_figures_by_direction(screen: StatsScreen) -> None:
    requests = screen.requests_table
    assert requests.title.text() == "Demandes faites à la borne, par direction"
    assert requests.note.text() == (
        f"4 demandes, 2 acceptées, 2 refusées (+100{NBSP}%) · 1ᵉʳ trimestre 2026{NNBSP}: 2"
    )
    assert [h.text() for h in requests.headers] == ["Direction", "Demandes", "Acceptées",
                                                     "Refusées"]  # fmt: skip
    assert requests.texts() == [
        ["Direction des routes", "2", "1", "1"],
        ["Direction du numérique", "1", "1", "1"],
        ["Agents sans direction", "1", "0", "0"],
    ]
    signups = screen.signups_table
    assert signups.note.text().startswith(
        f"5 inscriptions · places libérées données{NNBSP}: 1 (+400{NBSP}%)"
    )
    assert signups.texts() == [
        ["Direction des routes", "2", "1", "0", "1"],
        ["Direction du numérique", "2", "0", "1", "0"],
        ["Visiteurs extérieurs", "1", "0", "0", "0"],
    ]
    projects = screen.projects_table
    assert projects.note.text().startswith(f"4 consultations (+100{NBSP}%)")
    assert projects.texts() == [["Télétravail serein", "2"], ["ancien-projet", "1"],
                                ["Parapheur", "1"]]  # fmt: skip
    assert not projects.empty.isVisible()


def test_a_quarter_without_any_says_so(qtbot: QtBot, screen: StatsScreen) -> None:
    screen.show_quarter(Quarter(2025, 4))
    qtbot.waitUntil(lambda: screen.board is not None, timeout=10_000)
    for table in (screen.requests_table, screen.signups_table, screen.projects_table):
        assert table.texts() == []
        assert table.empty.isVisible()
        assert not any(h.isVisible() for h in table.headers)
    assert screen.requests_table.empty.text() == "Aucune demande ni décision ce trimestre."


def test_the_tables_speak_english(qtbot: QtBot, qapp: Any, screen: StatsScreen) -> None:
    from ui.i18n import LanguageSwitcher

    switcher = LanguageSwitcher(qapp)
    try:
        switcher.apply(Language.EN)
        qtbot.waitUntil(
            lambda: (
                screen.requests_table.title.text() == "Requests made at the kiosk, by directorate"
            )
        )
        assert screen.requests_table.note.text() == (
            "4 requests, 2 approved, 2 declined (+100%) · Q1 2026: 2"
        )
        assert [h.text() for h in screen.signups_table.headers] == [
            "Directorate", "Sign-ups", "On the waiting list", "Cancelled", "Freed places given",
        ]  # fmt: skip
        assert screen.signups_table.texts()[2][0] == "External visitors"
        assert screen.requests_table.texts()[2][0] == "Staff without a directorate"
        assert screen.projects_table.title.text() == "Digital projects opened most"
    finally:
        switcher.uninstall()
    qtbot.waitUntil(lambda: screen.signups_table.texts()[2][0] == "Visiteurs extérieurs")


@pytest.mark.parametrize(
    "panel",
    [p for p in PANELS if p.name in {"1366x768", "1920x1080", "1080x1920", "3840x2160@200"}],
    ids=lambda p: p.name,
)
def test_the_tables_fit_the_panel(
    make_shell: Any, kiosk_settings: Settings, qapp: Any, qtbot: QtBot, panel: Panel
) -> None:
    """The statistics page with the three tables filled, in both languages, normal and
    accessible: nothing cut, nothing over anything else (the layout check's own rules)."""
    engine = create_engine(kiosk_settings.database_url)
    with Session(engine) as session:
        stats_world.build(session)
        session.commit()
    engine.dispose()
    shell = make_shell(reader="none")
    metrics = fit(shell, panel)
    shell.router.go("stats")
    screen = shell.router.current
    assert isinstance(screen, StatsScreen)
    report: list[str] = []
    for lang, accessible in MODES:
        shell.session.set_language(lang)
        shell.session.set_accessible(accessible)
        screen.show_quarter(Quarter(2026, 2))
        qtbot.waitUntil(lambda: not screen.computing, timeout=30_000)
        settle_layout(shell.window, qapp)
        assert len(screen.requests_table.cells) == 3
        assert len(screen.signups_table.cells) == 3
        assert len(screen.projects_table.cells) == 3
        where = f"{lang.value} {'accessible' if accessible else 'normal'}"
        report += [f"{where}: {p}" for p in problems(shell.window, screen, metrics)]
    assert not report, "\n".join(report)

"""Satisfaction after the events on the Statistiques screen: the fifth card (score, change in
points, answers, response rate), the table by event type, in French and English, and the
five cards fitting each panel (five in a row, three then two, two by two in portrait)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from kiosk.ports import FixedClock
from kiosk.settings import Language, Settings
from kiosk.stats.dashboard import Dashboard, quarter_dashboard
from kiosk.stats.french import NBSP
from kiosk.stats.periods import Quarter
from tests.helpers import stats_world
from tests.ui.test_screen_sizes import (
    MODES,
    PANELS,
    Panel,
    check_modes,
    fit,
    problems,
    settle_layout,
)
from ui.stats.satisfaction import NOT_AVAILABLE
from ui.stats.screen import StatsScreen
from ui.tasks import BackgroundExecutor
from ui.theme import ScreenMetrics, ThemeController

JUNE = FixedClock(datetime(2026, 6, 20, 10, tzinfo=UTC))  # during 2026-Q2
NNBSP = "\u202f"


@pytest.fixture
def theme(qapp: Any) -> ThemeController:
    theme = ThemeController(qapp)
    theme.apply(accessible=False)
    return theme


@pytest.fixture
def make_screen(
    qtbot: QtBot, theme: ThemeController, engine: Any
) -> Iterator[Callable[[bool], StatsScreen]]:
    executor = BackgroundExecutor()

    def make(with_answers: bool) -> StatsScreen:
        with Session(engine) as session:
            world = stats_world.build(session)
            if with_answers:
                stats_world.add_feedback(session, world)
            session.commit()

        def load(quarter: Quarter) -> Dashboard:
            with Session(engine) as session:
                return quarter_dashboard(session, quarter)

        view = StatsScreen(theme, executor, JUNE, load)
        qtbot.addWidget(view)
        view.resize(1920, 1080)
        view.show()
        view.shown()
        qtbot.waitUntil(lambda: view.board is not None, timeout=10_000)
        return view

    yield make
    executor.wait()


def table_texts(screen: StatsScreen) -> list[list[str]]:
    return [[cell.text() for cell in row] for row in screen.satisfaction_table.cells]


def test_the_card_gives_the_score_its_change_in_points_and_the_response_rate(
    make_screen: Callable[[bool], StatsScreen],
) -> None:
    screen = make_screen(True)
    card = screen.satisfaction
    assert card.title.text() == "Satisfaction après les événements"
    assert card.value.text() == f"3,2{NNBSP}/{NNBSP}4"  # 16 / 5 answers
    assert card.change.text() == "+2,2"  # Q1: one face 1
    assert card.arrow._name == "trending-up"
    assert card.before.text() == (
        f"5 réponses, taux de réponse 62{NBSP}% · 1ᵉʳ trimestre 2026{NNBSP}: 1,0{NNBSP}/{NNBSP}4"
    )


def test_the_table_lists_each_answered_type_with_its_three_figures(
    qtbot: QtBot, make_screen: Callable[[bool], StatsScreen]
) -> None:
    screen = make_screen(True)
    table = screen.satisfaction_table
    assert [h.text() for h in table.headers] == ["Type", "Note", "Réponses", "Taux de réponse"]
    assert table_texts(screen) == [
        ["Masterclass", f"3,2{NNBSP}/{NNBSP}4", "4", f"80{NBSP}%"],  # 13 / 4 = 3,25
        ["Table ronde", f"3,0{NNBSP}/{NNBSP}4", "1", f"33{NBSP}%"],
    ]
    assert not table.empty.isVisible()
    screen.show_quarter(Quarter(2026, 1))  # one answer, to the masterclass
    assert table_texts(screen) == []  # computing: nothing from the quarter before is left
    assert screen.satisfaction.value.text() == "…"
    qtbot.waitUntil(lambda: screen.board is not None, timeout=10_000)
    assert table_texts(screen) == [["Masterclass", f"1,0{NNBSP}/{NNBSP}4", "1", f"33{NBSP}%"]]
    assert screen.satisfaction.change.text() == NOT_AVAILABLE  # nothing in 2025-Q4
    assert screen.satisfaction.arrow._name == "equal"


def test_a_quarter_without_answers_says_so_instead_of_an_empty_table(
    make_screen: Callable[[bool], StatsScreen],
) -> None:
    screen = make_screen(False)
    assert screen.satisfaction.value.text() == NOT_AVAILABLE
    assert table_texts(screen) == []
    assert screen.satisfaction_table.empty.isVisible()
    assert not any(h.isVisible() for h in screen.satisfaction_table.headers)
    assert "Comment était" in screen.satisfaction_table.empty.text()


def test_the_card_and_table_speak_english(
    qtbot: QtBot, qapp: Any, make_screen: Callable[[bool], StatsScreen]
) -> None:
    from ui.i18n import LanguageSwitcher

    screen = make_screen(True)
    switcher = LanguageSwitcher(qapp)
    try:
        switcher.apply(Language.EN)
        qtbot.waitUntil(lambda: screen.satisfaction.title.text() == "Satisfaction after events")
        assert screen.satisfaction.value.text() == "3.2 / 4".replace(" ", NNBSP)
        assert screen.satisfaction.before.text().startswith("5 answers, response rate 62% · ")
        assert [h.text() for h in screen.satisfaction_table.headers] == [
            "Type",
            "Score",
            "Answers",
            "Response rate",
        ]
        assert [row[0] for row in table_texts(screen)] == ["Masterclass", "Round table"]
        assert screen.satisfaction_table.title.text() == "Satisfaction by event type"
    finally:
        switcher.uninstall()
    qtbot.waitUntil(lambda: table_texts(screen)[1][0] == "Table ronde")


def card_rows(screen: StatsScreen) -> list[list[str]]:
    """The cards' titles, grouped by the row they stand in, left to right."""
    cards = screen._cards_in_order()
    rows: dict[int, list[tuple[int, str]]] = {}
    for card in cards:
        place = card.geometry()
        rows.setdefault(place.top(), []).append((place.left(), card.title.text()))
    return [[title for _, title in sorted(row)] for _, row in sorted(rows.items())]


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ((1920, 1080), [5]),
        ((1366, 768), [3, 2]),
        ((1080, 1920), [2, 2, 1]),
    ],
)
def test_five_cards_in_a_row_three_and_two_or_two_by_two(
    qtbot: QtBot,
    theme: ThemeController,
    make_screen: Callable[[bool], StatsScreen],
    size: tuple[int, int],
    expected: list[int],
) -> None:
    screen = make_screen(True)
    width, height = size
    theme.set_screen(ScreenMetrics(width, height, width / 409.8))
    screen.resize(width, height)
    for _ in range(3):
        QApplication.processEvents()
    rows = card_rows(screen)
    assert [len(r) for r in rows] == expected
    assert (
        rows[0][:3]
        == [
            "Participations aux événements",
            "Taux d’absence des inscrits",
            "Satisfaction après les événements",
        ][: expected[0]]
    )
    # each row fills the page's width: the last card of every row ends where the first row does
    places = [c.geometry() for c in screen._cards_in_order()]
    rights = {max(p.right() for p in places if p.top() == top) for top in {p.top() for p in places}}
    assert len(rights) == 1


@pytest.mark.parametrize(
    "panel", [p for p in PANELS if p.name in {"1366x768", "1080x1920", "3840x2160@200"}],
    ids=lambda p: p.name,
)  # fmt: skip
def test_the_satisfaction_figures_fit_the_panel(
    make_shell: Callable[..., Any],
    kiosk_settings: Settings,
    qapp: QApplication,
    qtbot: QtBot,
    panel: Panel,
) -> None:
    """The whole statistics page with answers in the table, in both languages, normal and
    accessible: nothing cut, nothing over anything else (the layout check's own rules)."""
    engine = create_engine(kiosk_settings.database_url)
    with Session(engine) as session:
        stats_world.add_feedback(session, stats_world.build(session))
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
        assert len(screen.satisfaction_table.cells) == 2
        assert screen.satisfaction.isVisible()
        where = f"{lang.value} {'accessible' if accessible else 'normal'}"
        report += [f"{where}: {p}" for p in problems(shell.window, screen, metrics)]
    assert not report, "\n".join(report)


@pytest.mark.parametrize(
    "panel",
    [p for p in PANELS if p.name in {"1366x768", "1280x1024", "1080x1920", "3840x2160@200"}],
    ids=lambda p: p.name,
)
def test_the_five_cards_fit_as_the_layout_check_switches_modes(
    make_shell: Callable[..., Any], qapp: QApplication, qtbot: QtBot, panel: Panel
) -> None:
    """The layout check's own run (languages and modes switched on one shell, no answers): the
    cards re-laid by the accessible mode kept the items they had left, so the satisfaction
    card, a line taller in French, stayed at its English height and cut its lines."""
    shell = make_shell(reader="none")
    report = check_modes(shell, ["stats"], fit(shell, panel), qapp, qtbot)
    assert not report, "\n".join(report)

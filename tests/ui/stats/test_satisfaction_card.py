"""The statistics screen's satisfaction line: the mean face out of 4, the answers and the
response rate (the hand-counted world of tests/helpers/stats_world.py), fitting the panels."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from kiosk.db.engine import create_db_engine
from kiosk.db.migrate import ensure_schema
from kiosk.db.models import Event
from kiosk.domain import EventKind
from kiosk.satisfaction.tables import EventFeedback
from kiosk.settings import Language, Settings
from kiosk.stats.french import NBSP
from kiosk.stats.periods import Quarter
from tests.helpers import stats_world
from tests.ui.stats.test_screen import JUNE, Loader
from tests.ui.test_screen_sizes import PANELS, Panel, problems
from ui.stats.screen import StatsScreen
from ui.tasks import BackgroundExecutor


def with_feedback(engine: Engine) -> None:
    """Q1's masterclass: one face 2; Q2's (5 present): faces 4 and 3."""
    with Session(engine) as session:
        world = stats_world.build(session)
        events = sorted(session.scalars(select(Event).where(Event.kind == EventKind.MASTERCLASS)),
                        key=lambda e: e.starts_at)  # fmt: skip
        for event, faces in ((events[0], [2]), (events[-1], [4, 3])):
            for n, face in enumerate(faces):
                session.add(EventFeedback(nonce=uuid.uuid4().hex, event_id=event.id,
                                          kiosk_id=world.room_kiosk.id, score=face,
                                          at=event.ends_at + timedelta(minutes=n + 1)))  # fmt: skip
        session.commit()


@pytest.fixture
def screen(qtbot: QtBot, qapp: Any, engine: Engine) -> Iterator[StatsScreen]:
    from ui.theme import ThemeController

    with_feedback(engine)
    theme = ThemeController(qapp)
    theme.apply(accessible=False)
    executor = BackgroundExecutor()
    view = StatsScreen(theme, executor, JUNE, Loader(engine))
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.show()
    yield view
    executor.wait()


def test_the_line_shows_the_score_the_answers_and_the_response_rate(
    qtbot: QtBot, screen: StatsScreen
) -> None:
    screen.shown()
    qtbot.waitUntil(lambda: screen.board is not None, timeout=10_000)
    assert screen.satisfaction.text() == (
        f"Satisfaction après les événements\u202f: 3,5/4 · 2 avis · 40{NBSP}% des présents"
    )


@pytest.mark.parametrize(
    "panel",
    [p for p in PANELS if p.name in {"1366x768", "1080x1920", "3840x2160@200"}],
    ids=lambda p: p.name,
)
def test_the_satisfaction_line_and_the_home_tiles_fit(
    make_shell: Callable[..., Any],
    kiosk_settings: Settings,
    qapp: QApplication,
    qtbot: QtBot,
    panel: Panel,
) -> None:
    engine = create_db_engine(kiosk_settings.database_url)
    ensure_schema(engine)
    with_feedback(engine)
    engine.dispose()
    shell = make_shell()
    report: list[str] = []
    for lang in Language:
        for accessible in (False, True):
            shell.theme.set_screen(panel.metrics)
            shell.window.resize(panel.metrics.width, panel.metrics.height)
            shell.session.set_language(lang)
            shell.session.set_accessible(accessible)
            shell.router.go("home")
            qapp.processEvents()
            where = f"{lang.value} {'accessible' if accessible else 'normal'}"
            report += [f"home {where}: {p}" for p in problems(shell.window, shell.router.current,
                                                             panel.metrics)]  # fmt: skip
            shell.router.go("stats")
            screen = shell.router.current
            screen.show_quarter(Quarter(2026, 2))
            qtbot.waitUntil(lambda s=screen: s.board is not None, timeout=10_000)
            qapp.processEvents()
            # the screen's own lines and cards are the screens matrix's: here, the new line
            report += [f"stats {where}: {p}" for p in problems(shell.window, screen,
                                                              panel.metrics)
                       if "Satisfaction" in p]  # fmt: skip
    assert not report, "\n".join(report)

"""The home screen with the « Projets numériques » tile fits the panels (the satisfaction
figures are in the report and exports: tests/kiosk/stats/test_satisfaction.py)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
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
from tests.helpers import stats_world
from tests.ui.test_screen_sizes import PANELS, Panel, problems, settle_layout


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


@pytest.mark.parametrize(
    "panel",
    PANELS,
    ids=lambda p: p.name,
)
def test_the_home_tiles_with_projects_fit(
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
            settle_layout(shell.window, qapp)
            where = f"{lang.value} {'accessible' if accessible else 'normal'}"
            report += [f"home {where}: {p}" for p in problems(shell.window, shell.router.current,
                                                             panel.metrics)]  # fmt: skip
    assert not report, "\n".join(report)

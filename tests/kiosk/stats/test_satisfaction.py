"""Satisfaction after events in the quarter's statistics: score, answers and response rate per
event, type and quarter, in the report and the export table; on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db import migrate
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.models import Event
from kiosk.domain import EventKind
from kiosk.satisfaction.tables import EventFeedback
from kiosk.stats.dashboard import quarter_dashboard, quarter_dashboard_by_parts
from kiosk.stats.periods import Quarter
from kiosk.stats.report import report_text
from kiosk.stats.satisfaction import quarter_satisfaction
from kiosk.stats.table import SATISFACTION, table
from tests.helpers import stats_world

Q2 = Quarter(2026, 2)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def sessions(request: pytest.FixtureRequest) -> Iterator[sessionmaker[Session]]:
    if request.param == "sqlite":
        factory: sessionmaker[Session] = request.getfixturevalue("session_factory")
        engine: Engine | None = None
    else:
        engine = create_db_engine(request.getfixturevalue("postgres_db_url"))
        migrate.ensure_schema(engine)
        factory = make_session_factory(engine)
    with factory.begin() as session:
        world = stats_world.build(session)
        by_kind = {e.kind: e for e in session.scalars(select(Event))}
        # Q1's masterclass (3 present): one answer, face 1
        _answers(session, world, by_kind, EventKind.MASTERCLASS, [1], first=True)
        # Q2: the 12/05 masterclass (5 present): faces 4, 4, 3, 2 (one with a badge)
        _answers(session, world, by_kind, EventKind.MASTERCLASS, [4, 4, 3, 2], first=False)
        # Q2 (01/04 Paris time): the table ronde (3 present): one face 3
        _answers(session, world, by_kind, EventKind.TABLE_RONDE, [3], first=True)
    yield factory
    if engine is not None:
        engine.dispose()


def _answers(session: Session, world: stats_world.StatsWorld, by_kind: dict[EventKind, Event],
             kind: EventKind, faces: list[int], *, first: bool) -> None:  # fmt: skip
    events = sorted(
        (e for e in session.scalars(select(Event).where(Event.kind == kind))),
        key=lambda e: e.starts_at,
    )
    event = events[0] if first else events[-1]
    for n, face in enumerate(faces):
        session.add(
            EventFeedback(
                nonce=uuid.uuid4().hex,
                event_id=event.id,
                kiosk_id=world.room_kiosk.id,
                at=event.ends_at + timedelta(minutes=n + 1),
                score=face,
                person_id=world.people[0].id if n == 0 else None,
            )
        )


def test_the_quarter_counts_score_answers_and_response_rate_by_type_and_event(
    sessions: sessionmaker[Session],
) -> None:
    with sessions() as session:
        sat = quarter_satisfaction(session, Q2)
    assert (sat.total.answers, sat.total.score_sum, sat.total.attendance) == (5, 16, 8)
    assert sat.total.score == pytest.approx(3.2)
    assert sat.total.response_rate == pytest.approx(5 / 8)
    assert (sat.previous.answers, sat.previous.score) == (1, 1.0)
    assert [(k.key, k.answers, k.score, k.attendance) for k in sat.by_kind] == [
        ("masterclass", 4, 3.25, 5),
        ("table_ronde", 1, 3.0, 3),
    ]
    assert [e.answers for e in sat.by_event] == [4, 1]


def test_report_table_and_both_dashboards_carry_the_figures(
    sessions: sessionmaker[Session],
) -> None:
    with sessions() as session:
        board = quarter_dashboard(session, Q2)
        assert quarter_dashboard_by_parts(session, Q2).satisfaction == board.satisfaction
    text = report_text(board)
    assert SATISFACTION in text
    assert "Ensemble : note 3,2 / 4, 5 réponse(s), taux de réponse 62 %" in text
    rows = {(r.indicator, r.detail): r.value for r in table(board) if r.section == SATISFACTION}
    assert rows[("Réponses", "total")] == 5
    assert rows[("Note moyenne par type (sur 4)", "Masterclass")] == 3.25
    assert rows[("Taux de réponse (%)", "total")] == 62.5

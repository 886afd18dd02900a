"""Satisfaction after events in the quarter's statistics: score, answers and response rate per
event, type and quarter, in the report and the export table; on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db import migrate
from kiosk.db.engine import create_db_engine, make_session_factory
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
        stats_world.add_feedback(session, stats_world.build(session))
    yield factory
    if engine is not None:
        engine.dispose()


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

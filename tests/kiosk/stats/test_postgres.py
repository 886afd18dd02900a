"""The statistics on a real PostgreSQL server give exactly the figures of SQLite."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from kiosk.db.models import Event
from kiosk.stats.attendance import attendance_by_period
from kiosk.stats.dashboard import Dashboard, quarter_dashboard
from kiosk.stats.periods import Grain, Quarter
from kiosk.stats.sql import local_day
from tests.helpers import records, stats_world

pytestmark = pytest.mark.postgres


def comparable(board: Dashboard) -> dict[str, object]:
    """The dashboard with the times rounded: SQLite's julianday is a float."""
    data = dataclasses.asdict(board)
    for item in data["help_by_reason"]:
        for key in ("wait_minutes", "service_minutes"):
            if item[key] is not None:
                item[key] = round(item[key], 3)
    for key in ("mean_hours", "max_hours"):
        if data["collect_delay"][key] is not None:
            data["collect_delay"][key] = round(data["collect_delay"][key], 3)
    return data


@pytest.mark.parametrize("quarter", [Quarter(2026, 1), Quarter(2026, 2), Quarter(2026, 3)])
def test_postgresql_and_sqlite_give_the_same_dashboard(
    pg_engine: Engine, engine: Engine, quarter: Quarter
) -> None:
    boards = []
    for db in (pg_engine, engine):
        with Session(db) as session:
            stats_world.build(session)
            session.flush()
            boards.append(comparable(quarter_dashboard(session, quarter)))
            by_week = attendance_by_period(session, quarter, Grain.WEEK)
            by_day = attendance_by_period(session, quarter, Grain.DAY)
            boards[-1]["weeks"] = [(r.key, r.value) for r in by_week]
            boards[-1]["days"] = [(r.key, r.value) for r in by_day]
    assert boards[0] == boards[1]
    if quarter == Quarter(2026, 2):
        assert boards[0]["attendance"] == {"current": 12, "previous": 5}
        assert boards[0]["requests"]["declined"] == {"current": 2, "previous": 0}
        assert len(boards[0]["requests"]["by_direction"]) == 3
        assert boards[0]["signups"]["signups"] == {"current": 5, "previous": 1}
        assert boards[0]["project_views"] == {"current": 4, "previous": 2}


def test_postgresql_puts_instants_on_their_paris_day(pg_engine: Engine) -> None:
    instants = [
        datetime(2026, 3, 28, 23, 0, tzinfo=UTC),
        datetime(2026, 3, 29, 21, 59, tzinfo=UTC),
        datetime(2026, 3, 29, 22, 0, tzinfo=UTC),
        datetime(2026, 10, 25, 22, 59, tzinfo=UTC),
        datetime(2026, 10, 25, 23, 0, tzinfo=UTC),
    ]
    with Session(pg_engine) as s:
        site = records.site(s)
        for at in instants:
            records.event(s, site, starts_at=at)
        start, end = datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC)
        day = local_day(Event.starts_at, "postgresql", start, end)
        got = s.scalars(select(day).order_by(Event.starts_at)).all()
    assert got == ["2026-03-29", "2026-03-29", "2026-03-30", "2026-10-25", "2026-10-26"]

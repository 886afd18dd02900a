"""The demo data set: big and varied enough to demo every screen, and reproducible."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, MetaData, func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.demo import DemoSummary
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.migrate import ensure_schema
from kiosk.db.models import Direction, Event, Person, Registration, Service, Site
from kiosk.demo.seed import reset_demo, seed_demo
from kiosk.domain import PARIS, EventKind, PersonKind, RegistrationStatus, Role
from tests.helpers.db import DEMO_NOW, sqlite_url_in


@pytest.fixture
def seeded(demo_seeded: DemoSummary) -> DemoSummary:
    """The demo data set at ``DEMO_NOW``: a copy of the session's seeded template."""
    return demo_seeded


def dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    tables = MetaData()
    tables.reflect(engine)
    with engine.connect() as conn:
        return {
            name: [tuple(r) for r in conn.execute(t.select().order_by(*t.primary_key.columns))]
            for name, t in tables.tables.items()
        }


def seeded_file(folder: Path, now_offset: timedelta = timedelta(0)) -> Engine:
    engine = create_db_engine(sqlite_url_in(folder))
    ensure_schema(engine)
    seed_demo(make_session_factory(engine), DEMO_NOW + now_offset)
    return engine


def test_summary_counts_meet_the_minimums(seeded: DemoSummary) -> None:
    assert not seeded.already_present
    assert seeded.agents >= 300
    assert seeded.directions >= 10
    assert seeded.sites >= 20
    assert seeded.kiosks == 3
    assert 25 <= seeded.visitors <= 40
    assert "agents" in str(seeded)


def test_the_database_holds_what_the_summary_says(
    seeded: DemoSummary, session_factory: sessionmaker[Session]
) -> None:
    with session_factory() as session:
        kinds = Counter(session.scalars(select(Person.kind)))
        assert kinds[PersonKind.AGENT] == seeded.agents
        assert kinds[PersonKind.VISITOR] == seeded.visitors
        assert session.scalar(select(func.count(Direction.id))) == seeded.directions
        assert session.scalar(select(func.count(Site.id))) == seeded.sites
        assert session.scalar(select(func.count(Event.id))) == seeded.events
        assert session.scalar(select(func.count(Registration.id))) == seeded.registrations


def test_every_direction_has_two_to_four_services(
    seeded: DemoSummary, session_factory: sessionmaker[Session]
) -> None:
    with session_factory() as session:
        per_direction = Counter(session.scalars(select(Service.direction_id)))
    assert len(per_direction) == seeded.directions
    assert all(2 <= n <= 4 for n in per_direction.values())


def test_agents_look_like_council_agents(
    seeded: DemoSummary, session_factory: sessionmaker[Session]
) -> None:
    with session_factory() as session:
        agents = session.scalars(select(Person).where(Person.kind == PersonKind.AGENT)).all()
        cadam = session.scalars(select(Site).where(Site.is_smart_corner)).one()
    assert cadam.town == "Nice"
    assert "route de Grenoble" in cadam.address
    emails = [a.email or "" for a in agents]
    assert len(set(emails)) == len(emails)
    assert all(e.endswith("@departement06.fr") and e.isascii() for e in emails)
    assert all(a.matricule and len(a.matricule) == 7 and a.matricule[0] == "A" for a in agents)
    roles = Counter(a.role for a in agents)
    assert roles[Role.AGENT] > roles[Role.AMBASSADOR] > roles[Role.STAFF] > roles[Role.ADMIN] > 0
    assert all(a.service_id is not None and a.direction_id is not None for a in agents)


def test_events_cover_past_quarters_today_and_the_next_six_weeks(
    seeded: DemoSummary, session_factory: sessionmaker[Session]
) -> None:
    with session_factory() as session:
        events = session.scalars(select(Event)).all()
    days = [e.starts_at.astimezone(PARIS).date() for e in events]
    today = DEMO_NOW.astimezone(PARIS).date()
    assert {e.kind for e in events} == set(EventKind)
    assert date(2025, 10, 1) <= min(days) < date(2025, 10, 15)  # two full quarters back
    assert any(date(2026, 1, 1) <= d < date(2026, 4, 1) for d in days)  # the last quarter
    assert any(date(2026, 4, 1) <= d < today for d in days)  # this quarter so far
    assert today in days
    assert any(today < d <= today + timedelta(weeks=6) for d in days)
    assert max(days) <= today + timedelta(weeks=6)
    assert any(e.open_to_external for e in events)
    assert any(e.capacity is None for e in events)
    local_hours = {e.starts_at.astimezone(PARIS).hour for e in events}
    assert min(local_hours) >= 8
    assert max(local_hours) <= 17  # the latest: an after-work round table at 17:00


def test_confirmed_registrations_never_exceed_capacity(
    seeded: DemoSummary, session_factory: sessionmaker[Session]
) -> None:
    with session_factory() as session:
        rows = session.execute(
            select(Event.capacity, func.count(Registration.id))
            .join(Registration, Registration.event_id == Event.id)
            .where(Registration.status == RegistrationStatus.CONFIRMED)
            .group_by(Event.id)
        ).all()
        statuses = set(session.scalars(select(Registration.status)))
    assert rows
    assert all(capacity is None or taken <= capacity for capacity, taken in rows)
    assert statuses == set(RegistrationStatus)


def test_seeding_is_deterministic_for_a_day(tmp_path: Path) -> None:
    first = seeded_file(tmp_path / "a")
    later_that_day = seeded_file(tmp_path / "b", now_offset=timedelta(hours=9))
    try:
        assert dump(first) == dump(later_that_day)
    finally:
        first.dispose()
        later_that_day.dispose()


def test_the_seeded_copy_the_tests_get_is_what_seeding_writes(
    engine: Engine, seeded: DemoSummary, tmp_path: Path
) -> None:
    """The other demo tests read a copy of the session's template: it must be the real thing."""
    fresh = seeded_file(tmp_path / "fresh")
    try:
        assert dump(engine) == dump(fresh)
    finally:
        fresh.dispose()


def test_seeding_twice_changes_nothing(
    engine: Engine, session_factory: sessionmaker[Session]
) -> None:
    seed_demo(session_factory, DEMO_NOW)
    before = dump(engine)
    again = seed_demo(session_factory, DEMO_NOW + timedelta(days=3))
    assert again == DemoSummary(already_present=True)
    assert dump(engine) == before


def test_reset_wipes_and_seeds_again(
    engine: Engine, session_factory: sessionmaker[Session]
) -> None:
    first = seed_demo(session_factory, DEMO_NOW)
    snapshot = dump(engine)
    with session_factory.begin() as session:
        session.add(Direction(code="EXTRA", name="Direction ajoutée après la démo"))
    again = reset_demo(session_factory, DEMO_NOW)
    assert again == first
    assert dump(engine) == snapshot

"""The attract screen's programme: soonest first, seats left, nothing already over."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.demo import DemoSummary
from kiosk.db.models import Site
from kiosk.domain import EventKind, PersonKind, RegistrationStatus, Role, Space
from kiosk.programme.agenda import upcoming_events
from tests.helpers import records
from tests.helpers.db import DEMO_NOW

NOW = datetime(2026, 6, 1, 9, tzinfo=UTC)
HOUR = timedelta(hours=1)


@pytest.fixture
def session(session_factory: sessionmaker[Session]) -> Iterator[Session]:
    with session_factory() as session:
        yield session


@pytest.fixture
def cadam(session: Session) -> Site:
    return records.site(session, town="Nice")


def test_soonest_first_and_finished_events_left_out(session: Session, cadam: Site) -> None:
    records.event(session, cadam, title="later", starts_at=NOW + 3 * HOUR)
    records.event(session, cadam, title="finished", starts_at=NOW - 3 * HOUR)
    records.event(session, cadam, title="under way", starts_at=NOW - HOUR)
    records.event(session, cadam, title="ends now", starts_at=NOW - 2 * HOUR)
    records.event(session, cadam, title="next", starts_at=NOW + HOUR)
    titles = [e.title for e in upcoming_events(session, NOW, limit=10)]
    assert titles == ["under way", "next", "later"]


def test_limit_keeps_the_soonest(session: Session, cadam: Site) -> None:
    for hours in (5, 1, 3, 2, 4):
        records.event(session, cadam, title=f"+{hours}h", starts_at=NOW + hours * HOUR)
    assert [e.title for e in upcoming_events(session, NOW, limit=2)] == ["+1h", "+2h"]
    assert upcoming_events(session, NOW, limit=0) == []


def test_seats_left_count_only_confirmed_registrations(session: Session, cadam: Site) -> None:
    event = records.event(session, cadam, capacity=3, starts_at=NOW + HOUR)
    for status in (
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITING_LIST,
        RegistrationStatus.CANCELLED,
    ):
        records.registration(session, event, records.person(session), status=status)
    [shown] = upcoming_events(session, NOW, limit=5)
    assert shown.seats_left == 1


def test_no_capacity_means_no_seat_count_and_full_means_zero(session: Session, cadam: Site) -> None:
    records.event(session, cadam, title="open", capacity=None, starts_at=NOW + HOUR)
    full = records.event(session, cadam, title="full", capacity=1, starts_at=NOW + 2 * HOUR)
    records.registration(session, full, records.person(session))
    shown = {e.title: e.seats_left for e in upcoming_events(session, NOW, limit=5)}
    assert shown == {"open": None, "full": 0}


def test_place_names_the_space_or_the_remote_town(session: Session, cadam: Site) -> None:
    menton = records.site(session, town="Menton", smart_corner=False)
    records.event(session, cadam, space=Space.SMART_LAB, starts_at=NOW + HOUR)
    records.event(
        session,
        menton,
        kind=EventKind.CAFE_NUMERIQUE,
        space=Space.REMOTE_SITE,
        starts_at=NOW + 2 * HOUR,
    )
    [lab, tour] = upcoming_events(session, NOW, limit=5)
    assert (lab.place, tour.place) == ("Smart Lab", "Menton")
    assert tour.space is Space.REMOTE_SITE
    assert tour.kind is EventKind.CAFE_NUMERIQUE


def test_read_model_fields(session: Session, cadam: Site) -> None:
    records.event(
        session, cadam, title="Masterclass : RGPD", starts_at=NOW + HOUR, open_to_external=True
    )
    [shown] = upcoming_events(session, NOW, limit=1)
    assert shown.title == "Masterclass : RGPD"
    assert shown.starts_at == NOW + HOUR
    assert shown.starts_at.tzinfo is not None
    assert shown.ends_at == NOW + 3 * HOUR
    assert shown.open_to_external is True
    assert shown.seats_left == 60


def test_one_query_whatever_the_number_of_events(
    session_factory: sessionmaker[Session], demo_seeded: DemoSummary
) -> None:
    with session_factory() as session:
        statements: list[str] = []

        def record(_conn: object, _cursor: object, statement: str, *_: object) -> None:
            statements.append(statement)

        engine = session.get_bind()
        sa_event.listen(engine, "before_cursor_execute", record)
        try:
            shown = upcoming_events(session, DEMO_NOW, limit=8)
        finally:
            sa_event.remove(engine, "before_cursor_execute", record)
    assert len(shown) == 8
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 1, statements
    assert [e.starts_at for e in shown] == sorted(e.starts_at for e in shown)


def test_visitors_take_seats_like_agents(session: Session, cadam: Site) -> None:
    event = records.event(session, cadam, capacity=2, starts_at=NOW + HOUR, open_to_external=True)
    visitor = records.person(session, kind=PersonKind.VISITOR, matricule=None, role=None)
    records.registration(session, event, visitor)
    records.registration(session, event, records.person(session, role=Role.AMBASSADOR))
    [shown] = upcoming_events(session, NOW, limit=1)
    assert shown.seats_left == 0


def test_the_description_comes_along_for_the_event_page(session: Session, cadam: Site) -> None:
    event = records.event(session, cadam, starts_at=NOW + HOUR)
    event.description = "Pour les managers : cadrer l'usage de l'IA dans son service."
    session.flush()
    [shown] = upcoming_events(session, NOW, limit=5)
    assert shown.description == "Pour les managers : cadrer l'usage de l'IA dans son service."

"""The demo's check-in history: consistent with the programme, and a room kiosk that works."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.checkin.demo import link_demo_badges
from kiosk.checkin.service import BadgeIdentity, CheckinContext, check_in
from kiosk.checkin.tables import Attendance, CheckinRecord, SpaceVisit
from kiosk.db.demo import DemoSummary
from kiosk.db.models import Badge, Event, Kiosk, Person, Registration
from kiosk.domain import CheckinOutcome, PersonKind, RegistrationStatus, Space, new_nonce
from kiosk.identity import badge_hash, demo_badge_uid
from tests.helpers.db import DEMO_NOW

type Factory = sessionmaker[Session]
SITE_KEY = bytes(range(32))


@pytest.fixture
def seeded(demo_seeded: DemoSummary) -> DemoSummary:
    """The demo data set at ``DEMO_NOW``: a copy of the session's seeded template."""
    return demo_seeded


def test_every_admission_is_a_confirmed_registration_with_its_ok_scan(
    seeded: DemoSummary, session_factory: Factory
) -> None:
    assert seeded.extra["check-ins"] > 500
    with session_factory() as s:
        rows = s.execute(
            select(Attendance, CheckinRecord, Registration.status, Event.starts_at)
            .join(CheckinRecord, CheckinRecord.id == Attendance.checkin_id)
            .join(Event, Event.id == Attendance.event_id)
            .outerjoin(
                Registration,
                (Registration.event_id == Attendance.event_id)
                & (Registration.person_id == Attendance.person_id),
            )
        ).all()
        attended = s.scalar(select(func.count(Attendance.id)))
        over_capacity = s.execute(
            select(Event.id)
            .join(Attendance, Attendance.event_id == Event.id)
            .group_by(Event.id, Event.capacity)
            .having(func.count(Attendance.id) > func.coalesce(Event.capacity, 10**6))
        ).all()
        refused = s.scalars(
            select(CheckinRecord.outcome).where(CheckinRecord.outcome != CheckinOutcome.OK)
        ).all()
    assert attended == seeded.extra["check-ins"] == len(rows)
    for attendance, record, status, starts_at in rows:
        assert status is RegistrationStatus.CONFIRMED
        assert record.outcome is CheckinOutcome.OK
        assert (record.event_id, record.person_id) == (attendance.event_id, attendance.person_id)
        assert record.at == attendance.at
        assert record.at <= DEMO_NOW  # no scan is dated after the demo's "now" (10:30)
        assert abs(record.at - starts_at).total_seconds() <= 3600  # inside the window
    assert not over_capacity
    assert set(refused) == {CheckinOutcome.UNKNOWN_BADGE, CheckinOutcome.ALREADY_CHECKED_IN}


def test_today_the_masterclass_is_filling_up_and_the_afternoon_is_untouched(
    seeded: DemoSummary, session_factory: Factory
) -> None:
    today = DEMO_NOW.date()
    with session_factory() as s:
        by_event = dict(
            s.execute(
                select(Event.starts_at, func.count(Attendance.id))
                .outerjoin(Attendance, Attendance.event_id == Event.id)
                .where(func.date(Event.starts_at) == today.isoformat())
                .group_by(Event.id, Event.starts_at)
            ).all()
        )
        expected = dict(
            s.execute(
                select(Event.starts_at, func.count(Registration.id))
                .join(Registration, Registration.event_id == Event.id)
                .where(
                    func.date(Event.starts_at) == today.isoformat(),
                    Registration.status == RegistrationStatus.CONFIRMED,
                )
                .group_by(Event.id, Event.starts_at)
            ).all()
        )
    assert len(by_event) == 4  # café 08:45, masterclass 10:00, workshop 14:00, table 17:00
    cafe, masterclass, workshop, round_table = (by_event[k] for k in sorted(by_event))
    assert cafe > 0
    assert 0 < masterclass < expected[sorted(expected)[1]]
    assert workshop == 0
    assert round_table == 0


def test_space_visits_cover_two_quarters_once_per_person_day_and_space(
    seeded: DemoSummary, session_factory: Factory
) -> None:
    with session_factory() as s:
        visits = s.execute(select(SpaceVisit.person_id, SpaceVisit.day, SpaceVisit.space)).all()
    assert len(visits) == seeded.extra["space visits"] > 1000
    assert len(set(visits)) == len(visits)
    assert {v.space for v in visits} == {Space.SMART_STORE, Space.SMART_ROOM}
    assert min(v.day for v in visits).isoformat() == "2026-01-01"
    assert max(v.day for v in visits) < DEMO_NOW.date()
    assert all(v.day.weekday() < 5 for v in visits)


def test_demo_badges_open_the_room_kiosk(seeded: DemoSummary, session_factory: Factory) -> None:
    with session_factory.begin() as s:
        linked = link_demo_badges(s, SITE_KEY, DEMO_NOW)
    with session_factory.begin() as s:
        assert link_demo_badges(s, SITE_KEY, DEMO_NOW) == 0  # idempotent
    with session_factory() as s:
        active_agents = s.scalar(
            select(func.count(Person.id)).where(
                Person.kind == PersonKind.AGENT, Person.active.is_(True)
            )
        )
        assert linked == active_agents == s.scalar(select(func.count(Badge.id)))
        kiosk = s.scalar(select(Kiosk).where(Kiosk.code == "DEMO-ROOM"))
        assert kiosk is not None
        masterclass = s.scalar(
            select(Event).where(
                Event.space == Space.SMART_ROOM, func.date(Event.starts_at) == "2026-05-20"
            )
        )
        assert masterclass is not None
        present = set(
            s.scalars(select(Attendance.person_id).where(Attendance.event_id == masterclass.id))
        )
        agents = set(
            s.scalars(
                select(Registration.person_id)
                .join(Person, Person.id == Registration.person_id)
                .where(
                    Registration.event_id == masterclass.id,
                    Registration.status == RegistrationStatus.CONFIRMED,
                    Person.kind == PersonKind.AGENT,
                )
            )
        )
    waiting, came = min(agents - present), min(agents & present)
    context = CheckinContext(site_id=kiosk.site_id, space=Space.SMART_ROOM)

    def tap(person_id: int) -> CheckinOutcome:
        identity = BadgeIdentity(badge_hash(SITE_KEY, demo_badge_uid(person_id)))
        with session_factory() as s:
            return check_in(s, identity, context, kiosk.id, DEMO_NOW, new_nonce()).outcome

    assert tap(waiting) is CheckinOutcome.OK
    assert tap(came) is CheckinOutcome.ALREADY_CHECKED_IN


def test_no_badges_without_the_demo(session_factory: Factory) -> None:
    with session_factory.begin() as s:
        assert link_demo_badges(s, SITE_KEY, datetime.combine(DEMO_NOW, time(9), UTC)) == 0

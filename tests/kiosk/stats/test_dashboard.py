"""The one-pass quarter dashboard equals the one assembled from the granular functions, on
random databases (SQLite and a real PostgreSQL), and the direction a check-in records.

Each seed builds a different world around the edges that matter: events just before and
after the Paris quarter boundaries and the DST changes, confirmed, waiting and cancelled
registrations, walk-ins, people without direction, check-ins that recorded another direction
than the person's current one (they moved since) or none at all (an older kiosk), several
kiosks and sites (two of the same name), visits on the quarter edges.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from kiosk.checkin.service import BadgeIdentity, CheckinContext, check_in, register_walk_in
from kiosk.checkin.tables import Attendance, CheckinRecord, SpaceVisit
from kiosk.db import migrate
from kiosk.db.engine import create_db_engine
from kiosk.db.models import Direction, Event, Kiosk, Person, Registration, Site
from kiosk.domain import (
    CheckinMethod,
    CheckinOutcome,
    EventKind,
    PersonKind,
    RegistrationStatus,
    Role,
    Space,
    new_nonce,
)
from kiosk.help.domain import HelpReason, Requester, TicketState
from kiosk.help.tables import HelpRequest
from kiosk.settings import Profile
from kiosk.stats.attendance import attendance_by
from kiosk.stats.dashboard import quarter_dashboard, quarter_dashboard_by_parts
from kiosk.stats.figures import Row
from kiosk.stats.periods import Quarter
from tests.helpers.checkin_world import NOW, build_world

CREATED = datetime(2025, 6, 1, tzinfo=UTC)
QUARTERS = [Quarter(2026, 1), Quarter(2026, 2), Quarter(2026, 3), Quarter(2026, 4)]
# Paris quarter starts and DST changes in UTC: the instants a wrong conversion gets wrong
EDGES = [
    datetime(2025, 12, 31, 23, tzinfo=UTC),
    datetime(2026, 3, 29, 1, tzinfo=UTC),
    datetime(2026, 3, 31, 22, tzinfo=UTC),
    datetime(2026, 6, 30, 22, tzinfo=UTC),
    datetime(2026, 9, 30, 22, tzinfo=UTC),
    datetime(2026, 10, 25, 1, tzinfo=UTC),
    datetime(2026, 12, 31, 23, tzinfo=UTC),
]


def _nonce(rng: random.Random) -> str:
    return uuid.UUID(int=rng.getrandbits(128)).hex


def build_random_world(session: Session, seed: int) -> dict[str, int]:
    """A random world for ``seed``; returns a few counts so a test can see it is not empty."""
    rng = random.Random(seed)
    directions = [Direction(code=f"D{n}", name=f"Direction {n}") for n in range(4)]
    session.add_all(directions)
    sites = [
        Site(code=f"S{n}", name="Site" if n < 2 else f"Site {n}", town="Nice", address="-")
        for n in range(3)
    ]  # two sites of the same name: the order of equal rows must not depend on the database
    session.add_all(sites)
    session.flush()
    kiosks = [
        Kiosk(
            code=f"K{n}",
            name=f"Borne {n}",
            profile=Profile.ROOM,
            site_id=rng.choice(sites).id,
            created_at=CREATED,
        )
        for n in range(4)
    ]
    session.add_all(kiosks)
    people = []
    for n in range(40):
        agent = rng.random() < 0.8
        people.append(
            Person(
                kind=PersonKind.AGENT if agent else PersonKind.VISITOR,
                matricule=f"R{seed:03d}{n:04d}" if agent else None,
                first_name="Camille",
                last_name=f"Martin{n}",
                role=Role.AGENT if agent else None,
                direction_id=rng.choice(directions).id if agent and rng.random() < 0.9 else None,
                created_at=CREATED,
            )
        )
    session.add_all(people)
    session.flush()
    events = []
    for n in range(30):
        if rng.random() < 0.6:
            starts = rng.choice(EDGES) + timedelta(minutes=rng.randrange(-150, 150))
        else:
            starts = datetime(2025, 12, 1, tzinfo=UTC) + timedelta(minutes=rng.randrange(580_000))
        events.append(
            Event(
                kind=rng.choice(list(EventKind)),
                title=f"Événement {n}",
                space=rng.choice(list(Space)),
                site_id=rng.choice(sites).id,
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
                capacity=None,
                created_at=CREATED,
            )
        )
    session.add_all(events)
    session.flush()
    counts = {"registrations": 0, "attendance": 0, "moved": 0, "unrecorded": 0, "visits": 0}
    for event in events:
        crowd = rng.sample(people, rng.randrange(0, 25))
        for who in crowd[: len(crowd) * 2 // 3]:
            status = rng.choice(
                [RegistrationStatus.CONFIRMED] * 4
                + [RegistrationStatus.WAITING_LIST, RegistrationStatus.CANCELLED]
            )
            session.add(
                Registration(event_id=event.id, person_id=who.id, status=status, created_at=CREATED)
            )
            counts["registrations"] += 1
        # most registered people come, some do not; the last third are walk-ins
        came = [p for p in crowd[: len(crowd) * 2 // 3] if rng.random() < 0.75]
        came += crowd[len(crowd) * 2 // 3 :]
        for who in came:
            kiosk = rng.choice(kiosks)
            at = event.starts_at - timedelta(minutes=rng.randrange(40))
            method = rng.choice(list(CheckinMethod))
            record = CheckinRecord(
                nonce=_nonce(rng),
                kiosk_id=kiosk.id,
                at=at,
                method=method,
                outcome=CheckinOutcome.OK,
                event_id=event.id,
                person_id=who.id,
                identity_key=f"p:{who.id}",
            )
            session.add(record)
            session.flush()
            roll = rng.random()
            direction_id = who.direction_id
            if roll < 0.15:  # they were in another direction (or none) when they came
                direction_id = rng.choice([*[d.id for d in directions], None])
                counts["moved"] += 1
            elif roll < 0.3:  # written by a kiosk that did not record it
                direction_id = None
                counts["unrecorded"] += 1
            session.add(
                Attendance(
                    event_id=event.id,
                    person_id=who.id,
                    checkin_id=record.id,
                    at=at,
                    kiosk_id=kiosk.id,
                    method=method,
                    direction_id=direction_id,
                )
            )
            counts["attendance"] += 1
    seen = set()
    for _ in range(120):
        if rng.random() < 0.5:
            day = rng.choice(EDGES).astimezone(UTC).date() + timedelta(days=rng.randrange(-2, 3))
        else:
            day = date(2025, 12, 1) + timedelta(days=rng.randrange(400))
        key = (rng.choice(people).id, day, rng.choice(sites).id, rng.choice(list(Space)))
        if key in seen:
            continue
        seen.add(key)
        session.add(
            SpaceVisit(
                nonce=_nonce(rng),
                kiosk_id=rng.choice(kiosks).id,
                at=datetime(day.year, day.month, day.day, 9, tzinfo=UTC),
                day=day,
                person_id=key[0],
                site_id=key[2],
                space=key[3],
            )
        )
        counts["visits"] += 1
    for n in range(20):
        created = datetime(2025, 12, 1, 8, tzinfo=UTC) + timedelta(hours=rng.randrange(9000))
        reason = rng.choice(list(HelpReason))
        session.add(
            HelpRequest(
                nonce=_nonce(rng),
                kiosk_id=kiosks[0].id,
                site_id=sites[0].id,
                requester=Requester.ANONYMOUS,
                reason=reason,
                service_day=created.date(),
                number=n + 1,
                ticket=f"{reason.prefix}-{n + 1:03d}",
                state=TicketState.DONE,
                desk="1",
                call_count=1,
                created_at=created,
                called_at=created + timedelta(minutes=rng.randrange(1, 30)),
                serving_at=created + timedelta(minutes=31),
                finished_at=created + timedelta(minutes=31 + rng.randrange(1, 30)),
            )
        )
    session.flush()
    return counts


def assert_same_dashboards(session: Session) -> None:
    for quarter in QUARTERS:
        fast = quarter_dashboard(session, quarter)
        assert fast == quarter_dashboard_by_parts(session, quarter), quarter.code
        # the quarter under way: its events still to come leave the no-show figures
        mid = quarter.utc_bounds()[0] + timedelta(days=45)
        under_way = quarter_dashboard(session, quarter, mid)
        assert under_way == quarter_dashboard_by_parts(session, quarter, mid), quarter.code
        assert under_way.no_show.registered <= fast.no_show.registered


@pytest.mark.parametrize("seed", range(8))
def test_the_dashboard_equals_the_granular_figures_on_sqlite(engine: Engine, seed: int) -> None:
    with Session(engine) as session:
        counts = build_random_world(session, seed)
        session.commit()
        assert counts["attendance"] > 100
        assert counts["moved"]
        assert counts["unrecorded"]
        assert_same_dashboards(session)
        assert sum(quarter_dashboard(session, q).attendance.current for q in QUARTERS) > 0


@pytest.mark.postgres
@pytest.mark.parametrize("seed", [100, 101, 102])
def test_the_dashboard_equals_the_granular_figures_on_postgresql(
    pg_engine: Engine, engine: Engine, seed: int
) -> None:
    boards = []
    for db in (pg_engine, engine):
        with Session(db) as session:
            build_random_world(session, seed)
            session.commit()
            assert_same_dashboards(session)
            boards.append([quarter_dashboard(session, q) for q in QUARTERS])
    # the same world gives the same figures on both databases (the help times aside:
    # SQLite's julianday is a float)
    for pg, lite in zip(*boards, strict=True):
        assert pg.attendance_by_direction == lite.attendance_by_direction
        assert pg.no_show_by_kind == lite.no_show_by_kind
        assert pg.attendance_by_month == lite.attendance_by_month
        assert pg.visits_by_month == lite.visits_by_month


# --- the direction a check-in records ------------------------------------------------------


def test_a_person_counts_for_the_direction_they_were_in_when_they_checked_in(
    session_factory: sessionmaker[Session],
) -> None:
    world = build_world(session_factory)
    with session_factory.begin() as s:
        before, after = Direction(code="DSI", name="Numérique"), Direction(code="DRH", name="RH")
        s.add_all([before, after])
        s.flush()
        s.execute(
            update(Person)
            .where(Person.id.in_([world.alice, world.dan]))
            .values(direction_id=before.id)
        )
    context = CheckinContext(
        site_id=world.site, event_id=world.masterclass, verifier=world.verifier
    )
    with session_factory() as s:
        badge = check_in(
            s, BadgeIdentity(world.alice_badge), context, world.kiosk, NOW, new_nonce()
        )
    with session_factory() as s:
        walk_in = register_walk_in(s, world.dan, world.masterclass, world.kiosk, NOW, new_nonce())
    assert [r.outcome for r in (badge, walk_in)] == [CheckinOutcome.OK] * 2
    with session_factory.begin() as s:
        recorded = dict(s.execute(select(Attendance.person_id, Attendance.direction_id)).all())
        assert recorded == {world.alice: before.id, world.dan: before.id}
        # both move to the RH after the event; a row written without the direction (by an
        # older kiosk: Dan's here) counts for the person's current direction
        s.execute(
            update(Person)
            .where(Person.id.in_([world.alice, world.dan]))
            .values(direction_id=after.id)
        )
        s.execute(
            update(Attendance).where(Attendance.person_id == world.dan).values(direction_id=None)
        )
    quarter = Quarter.containing(NOW.date())
    expected = [Row("DSI", "Numérique", 1.0), Row("DRH", "RH", 1.0)]  # equal: by name
    with session_factory() as s:
        assert attendance_by(s, quarter, "direction") == expected
        assert quarter_dashboard(s, quarter).attendance_by_direction == expected
        assert quarter_dashboard_by_parts(s, quarter) == quarter_dashboard(s, quarter)


def test_the_migration_fills_the_direction_of_the_check_ins_made_before_it(
    sqlite_url: str,
) -> None:
    engine = create_db_engine(sqlite_url)
    migrate.upgrade(engine, "0007")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO direction (id, code, name) VALUES (1, 'DSI', 'Numérique')"))
        conn.execute(
            text(
                "INSERT INTO site (id, code, name, town, address, is_smart_corner) "
                "VALUES (1, 'S', 'Site', 'Nice', '-', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO kiosk (id, code, name, profile, site_id, created_at) "
                "VALUES (1, 'K', 'Borne', 'room', 1, '2026-01-01 00:00:00.000000')"
            )
        )
        for pid, direction in ((1, "1"), (2, "NULL")):
            conn.execute(
                text(
                    "INSERT INTO person (id, kind, matricule, first_name, last_name, role, "
                    f"direction_id, created_at, active) VALUES ({pid}, 'agent', 'M{pid}', 'A', "
                    f"'B', 'agent', {direction}, '2026-01-01 00:00:00.000000', 1)"
                )
            )
        conn.execute(
            text(
                "INSERT INTO event (id, kind, title, description, space, site_id, starts_at, "
                "ends_at, open_to_external, checkin_opens_minutes_before, "
                "checkin_closes_minutes_after, created_at) VALUES (1, 'masterclass', 'E', '', "
                "'smart_room', 1, '2026-05-01 08:00:00.000000', '2026-05-01 10:00:00.000000', "
                "0, 60, 30, '2026-01-01 00:00:00.000000')"
            )
        )
        for pid in (1, 2):
            conn.execute(
                text(
                    "INSERT INTO checkin (id, nonce, kiosk_id, at, method, outcome, event_id, "
                    f"person_id, identity_key, detail) VALUES ({pid}, 'n{pid}', 1, "
                    f"'2026-05-01 08:00:00.000000', 'badge', 'ok', 1, {pid}, 'p:{pid}', '')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO attendance (event_id, person_id, checkin_id, at, kiosk_id, "
                    f"method) VALUES (1, {pid}, {pid}, '2026-05-01 08:00:00.000000', 1, 'badge')"
                )
            )
    migrate.upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT person_id, direction_id FROM attendance")).all()
    assert sorted(rows) == [(1, 1), (2, None)]
    engine.dispose()

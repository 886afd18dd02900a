"""Several kiosks, one PostgreSQL database: two kiosk processes start at once on an empty
database (both try to migrate it), then check the same people in at the same time."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from multiprocessing.synchronize import Barrier
from typing import Any
from uuid import uuid4

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, insert, select, text

from kiosk import schema  # every capability's tables: the whole schema
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.migrate import HEAD_REVISION, current_revision

pytestmark = pytest.mark.slow

NOW = datetime(2026, 5, 20, 8, 30, tzinfo=UTC)
PEOPLE = 12


def _start_kiosk(url: str, barrier: Barrier, results: Any) -> None:
    """A kiosk's start-up: bring the schema up to date (the way ``smartcorner run`` does)."""
    from kiosk.db.migrate import ensure_schema

    engine = create_db_engine(url)
    barrier.wait(timeout=30)
    try:
        results.put(("migrated", ensure_schema(engine)))
    except Exception as exc:  # reported to the test, which fails with it
        results.put(("error", repr(exc)))
    finally:
        engine.dispose()


def _check_everyone_in(url: str, code: str, barrier: Barrier, results: Any) -> None:
    """A Smart Room door kiosk checking in the whole list, racing the other door."""
    from kiosk.checkin.service import CheckinContext, PersonIdentity, check_in
    from kiosk.db.models import Event, Person
    from kiosk.settings import Settings
    from kiosk.this_kiosk import ensure_kiosk

    engine = create_db_engine(url)
    factory = make_session_factory(engine)
    try:
        with factory.begin() as s:
            kiosk = ensure_kiosk(s, Settings(kiosk_code=code, kiosk_name=code, site="CADAM"), NOW)
            event = s.scalar(select(Event.id))
            staff = s.scalar(select(Person.id).where(Person.role == "staff"))
            people = list(s.scalars(select(Person.id).where(Person.role == "agent")))
        barrier.wait(timeout=30)
        outcomes = []
        for person in people:
            with factory() as s:
                result = check_in(
                    s,
                    PersonIdentity(person, staff_id=staff),
                    CheckinContext(site_id=kiosk.site_id, event_id=event),
                    kiosk.id,
                    NOW,
                    uuid4().hex,
                )
            outcomes.append(result.outcome.value)
        results.put((code, kiosk.id, outcomes))
    except Exception as exc:
        results.put(("error", repr(exc)))
    finally:
        engine.dispose()


def _run_two(target: Callable[..., None], *args_per_process: tuple[Any, ...]) -> list[Any]:
    ctx = multiprocessing.get_context("spawn")  # fresh interpreters, as two machines would be
    barrier, results = ctx.Barrier(len(args_per_process)), ctx.Queue()
    processes = [
        ctx.Process(target=target, args=(*args, barrier, results)) for args in args_per_process
    ]
    for p in processes:
        p.start()
    out = [results.get(timeout=120) for _ in processes]
    for p in processes:
        p.join(timeout=30)
        assert p.exitcode == 0
    assert not [o for o in out if o[0] == "error"], out
    return out


def _seed(url: str) -> None:
    from kiosk.db.models import Event, Person, Registration, Site
    from kiosk.domain import EventKind, PersonKind, RegistrationStatus, Role, Space

    with make_session_factory(create_db_engine(url)).begin() as s:
        site = Site(code="CADAM", name="CADAM", town="Nice", address="x", is_smart_corner=True)
        s.add(site)
        s.flush()
        event = Event(
            kind=EventKind.TABLE_RONDE,
            title="Table ronde",
            space=Space.SMART_ROOM,
            site_id=site.id,
            starts_at=NOW - timedelta(minutes=30),
            ends_at=NOW + timedelta(hours=1),
            capacity=None,
            created_at=NOW,
        )
        s.add(event)
        s.flush()

        def person(n: int, role: Role) -> dict[str, Any]:
            return {"kind": PersonKind.AGENT, "matricule": f"M{n:05d}", "first_name": f"P{n}",
                    "last_name": "Agent", "role": role, "created_at": NOW}  # fmt: skip

        ids = s.scalars(
            insert(Person).returning(Person.id),
            [person(n, Role.AGENT) for n in range(PEOPLE)] + [person(99, Role.STAFF)],
        ).all()
        s.execute(
            insert(Registration),
            [
                {"event_id": event.id, "person_id": p, "status": RegistrationStatus.CONFIRMED,
                 "created_at": NOW}
                for p in ids
            ],
        )  # fmt: skip


def test_two_kiosks_start_on_an_empty_database_and_share_it(postgres_db_url: str) -> None:
    started = _run_two(_start_kiosk, (postgres_db_url,), (postgres_db_url,))

    assert [kind for kind, _ in started] == ["migrated", "migrated"]  # both started
    engine = create_db_engine(postgres_db_url)
    try:
        assert current_revision(engine) == HEAD_REVISION
        with engine.connect() as conn:  # migrated once, completely: what the models say
            assert conn.scalar(text("SELECT count(*) FROM alembic_version")) == 1
            diff = compare_metadata(MigrationContext.configure(conn), schema.metadata)
            assert diff == []

        _seed(postgres_db_url)
        doors = _run_two(
            _check_everyone_in, (postgres_db_url, "ROOM-DOOR-1"), (postgres_db_url, "ROOM-DOOR-2")
        )

        from kiosk.checkin.tables import Attendance, CheckinRecord
        from kiosk.db.models import Kiosk

        with engine.connect() as conn:
            kiosks = dict(conn.execute(select(Kiosk.code, Kiosk.id)).all())
            assert set(kiosks) == {"ROOM-DOOR-1", "ROOM-DOOR-2"}
            for code, kiosk_id, outcomes in doors:
                assert kiosks[code] == kiosk_id
                recorded = conn.scalar(
                    select(func.count()).where(CheckinRecord.kiosk_id == kiosk_id)
                )
                assert recorded == PEOPLE  # every scan names the kiosk that made it
                assert set(outcomes) <= {"ok", "already_checked_in"}
            assert sum(o.count("ok") for _, _, o in doors) == PEOPLE  # each person once
            assert conn.scalar(select(func.count()).select_from(Attendance)) == PEOPLE
            assert conn.scalar(select(func.count(func.distinct(Attendance.kiosk_id)))) in {1, 2}
    finally:
        engine.dispose()

"""The SQLite settings that make a confirmed record durable and consistent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.engine import create_db_engine
from kiosk.db.models import Direction, Service
from kiosk.domain import EventKind, PersonKind, RegistrationStatus, Role, Space
from tests.helpers import records


def test_pragmas_are_in_force_on_every_connection(engine: Engine) -> None:
    connections = [engine.connect(), engine.connect()]  # two pooled connections, not one
    try:
        for conn in connections:
            pragma = conn.exec_driver_sql
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA synchronous").scalar() == 2  # FULL
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA busy_timeout").scalar() == 5000
            assert pragma("PRAGMA cache_size").scalar() == -16384  # KiB: 16 MiB
    finally:
        for conn in connections:
            conn.close()


def test_the_database_folder_is_created(tmp_path: Path) -> None:
    folder = tmp_path / "deep" / "er"
    engine = create_db_engine(f"sqlite:///{folder / 'kiosk.sqlite3'}")
    with engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1")
    engine.dispose()
    assert (folder / "kiosk.sqlite3").is_file()


def test_foreign_keys_are_enforced(session_factory: sessionmaker[Session]) -> None:
    with pytest.raises(IntegrityError), session_factory.begin() as session:
        session.add(Service(direction_id=999, name="Service fantôme"))


def test_datetimes_come_back_aware_utc(session_factory: sessionmaker[Session]) -> None:
    paris_summer = timezone(timedelta(hours=2))
    with session_factory.begin() as session:
        site = records.site(session)
        event = records.event(
            session, site, starts_at=datetime(2026, 6, 1, 10, tzinfo=paris_summer)
        )
        event_id = event.id
    with session_factory() as session:
        stored = session.get_one(type(event), event_id)
        assert stored.starts_at == datetime(2026, 6, 1, 8, tzinfo=UTC)
        assert stored.starts_at.tzinfo is UTC


def test_naive_datetimes_are_refused(session_factory: sessionmaker[Session]) -> None:
    with session_factory() as session:
        site = records.site(session)
        with pytest.raises(StatementError, match="naive datetime"):
            records.event(session, site, starts_at=datetime(2026, 6, 1, 10))


def test_enums_are_stored_as_their_values(
    engine: Engine, session_factory: sessionmaker[Session]
) -> None:
    with session_factory.begin() as session:
        site = records.site(session)
        records.event(session, site, kind=EventKind.CAFE_NUMERIQUE, space=Space.SMART_STORE)
    with engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT kind, space FROM event").one()
    assert tuple(row) == ("cafe_numerique", "smart_store")


def test_a_value_outside_the_vocabulary_is_refused_by_the_database(engine: Engine) -> None:
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO person (kind, first_name, last_name, created_at, active) "
            "VALUES ('robot', 'R', 'R', '2026-01-01 00:00:00', 1)"
        )


def test_an_agent_needs_a_matricule(session_factory: sessionmaker[Session]) -> None:
    with pytest.raises(IntegrityError), session_factory.begin() as session:
        records.person(session, kind=PersonKind.AGENT, matricule=None, role=Role.AGENT)


def test_an_event_must_end_after_it_starts(session_factory: sessionmaker[Session]) -> None:
    start = datetime(2026, 6, 1, 10, tzinfo=UTC)
    with session_factory() as session:
        site = records.site(session)
        with pytest.raises(IntegrityError, match="ck_event_ends_after_start"):
            records.event(session, site, starts_at=start, ends_at=start)


def test_one_registration_per_person_and_event(session_factory: sessionmaker[Session]) -> None:
    with session_factory.begin() as session:
        site = records.site(session)
        event = records.event(session, site)
        person = records.person(session)
        records.registration(session, event, person)
    with pytest.raises(IntegrityError, match="UNIQUE"), session_factory.begin() as session:
        records.registration(session, event, person, status=RegistrationStatus.WAITING_LIST)


def test_a_failed_transaction_leaves_nothing_behind(session_factory: sessionmaker[Session]) -> None:
    def add_two_directions_with_one_code() -> None:
        with session_factory.begin() as session:
            session.add(Direction(code="DSI", name="Direction des systèmes d'information"))
            session.flush()
            session.add(Direction(code="DSI", name="Doublon"))

    with pytest.raises(IntegrityError):
        add_two_directions_with_one_code()
    with session_factory() as session:
        assert session.scalars(select(Direction)).all() == []


def test_a_writing_transaction_holds_the_write_lock_from_its_first_statement(
    tmp_path: Path,
) -> None:
    """``begin_writing`` is a writer from BEGIN: another writer waits for it instead of
    slipping in between its read and its write. A deferred transaction that read first fails
    at once when it writes after another connection did (what the Smart Tour's sync met while
    the kiosk wrote its heartbeat)."""
    import sqlite3

    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    from kiosk.db.engine import begin_writing

    path = tmp_path / "kiosk.sqlite3"
    engine = create_db_engine(f"sqlite:///{path}")
    with engine.begin() as c:
        c.execute(text("CREATE TABLE state (id INTEGER PRIMARY KEY, n INTEGER)"))
        c.execute(text("INSERT INTO state VALUES (1, 0)"))
    other = sqlite3.connect(path, timeout=0, isolation_level=None)  # never waits
    try:
        # deferred: read, another connection writes, then this one writes -> locked
        with engine.begin() as c:
            c.execute(text("SELECT n FROM state")).all()
            other.execute("UPDATE state SET n = n + 1")
            with pytest.raises(OperationalError, match="locked"):
                c.execute(text("UPDATE state SET n = n + 10"))
        # as a writer: the other one is the one refused (it would wait with a busy timeout)
        with begin_writing(engine) as c:
            c.execute(text("SELECT n FROM state")).all()
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("UPDATE state SET n = n + 1")
            c.execute(text("UPDATE state SET n = n + 10"))
        other.execute("UPDATE state SET n = n + 1")  # free again once it committed
        assert other.execute("SELECT n FROM state").fetchone()[0] == 12
    finally:
        other.close()
        engine.dispose()

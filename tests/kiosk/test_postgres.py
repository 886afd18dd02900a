"""The same schema, migrations and demo on a real PostgreSQL server (several kiosks' setup)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, func, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kiosk import schema  # every capability's tables: the whole schema
from kiosk.db import migrate
from kiosk.db.demo import DemoSummary
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.models import Event, Person, Registration
from kiosk.demo.seed import reset_demo, seed_demo
from kiosk.domain import PersonKind, RegistrationStatus
from kiosk.programme.agenda import upcoming_events
from tests.helpers import records
from tests.helpers.db import DEMO_NOW

pytestmark = pytest.mark.postgres
UNIQUE_PAIR = "uq_registration_event_id_person_id"


@pytest.fixture
def pg_engine(postgres_db_url: str) -> Iterator[Engine]:
    engine = create_db_engine(postgres_db_url)
    yield engine
    engine.dispose()


def test_migrations_up_down_up_and_models_agree(pg_engine: Engine) -> None:
    assert migrate.ensure_schema(pg_engine) is True
    migrate.downgrade(pg_engine, "base")
    assert migrate.current_revision(pg_engine) is None
    assert inspect(pg_engine).get_table_names() == ["alembic_version"]
    migrate.upgrade(pg_engine)
    assert migrate.current_revision(pg_engine) == migrate.HEAD_REVISION
    assert migrate.ensure_schema(pg_engine) is False
    with pg_engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), schema.metadata) == []


@pytest.fixture
def pg_sessions(pg_engine: Engine) -> sessionmaker[Session]:
    migrate.ensure_schema(pg_engine)
    return make_session_factory(pg_engine)


def test_demo_seeds_once_with_the_same_counts_as_on_sqlite(
    pg_sessions: sessionmaker[Session], session_factory: sessionmaker[Session]
) -> None:
    on_postgres = seed_demo(pg_sessions, DEMO_NOW)
    assert on_postgres == seed_demo(session_factory, DEMO_NOW)  # session_factory: SQLite
    assert on_postgres.agents >= 300
    assert on_postgres.events > 0
    assert seed_demo(pg_sessions, DEMO_NOW) == DemoSummary(already_present=True)
    with pg_sessions() as session:
        agents = session.scalar(
            select(func.count(Person.id)).where(Person.kind == PersonKind.AGENT)
        )
        assert agents == on_postgres.agents
        assert session.scalar(select(func.count(Event.id))) == on_postgres.events
        assert session.scalar(select(func.count(Registration.id))) == on_postgres.registrations
        assert len(upcoming_events(session, DEMO_NOW, limit=4)) == 4


def test_reset_restarts_ids(pg_sessions: sessionmaker[Session]) -> None:
    seed_demo(pg_sessions, DEMO_NOW)
    reset_demo(pg_sessions, DEMO_NOW)
    with pg_sessions() as session:
        assert session.scalar(select(func.min(Person.id))) == 1


def test_the_database_rejects_a_second_registration(pg_sessions: sessionmaker[Session]) -> None:
    with pg_sessions.begin() as session:
        event = records.event(session, records.site(session))
        person = records.person(session)
        records.registration(session, event, person)
    with pg_sessions() as session, pytest.raises(IntegrityError, match=UNIQUE_PAIR):
        records.registration(session, event, person, status=RegistrationStatus.WAITING_LIST)
    with pg_sessions() as session:
        assert session.scalar(select(func.count(Registration.id))) == 1

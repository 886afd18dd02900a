"""The last place raced by two kiosks on one PostgreSQL database: one place, one wait."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select

from kiosk.db.engine import make_session_factory
from kiosk.db.models import Registration
from kiosk.domain import RegistrationStatus
from tests.helpers.checkin_world import build_world
from tests.kiosk.signup.test_signup import race_for_the_last_place

pytestmark = pytest.mark.postgres


def test_two_kiosks_racing_for_the_last_place_on_postgresql_one_wins(pg_engine: Engine) -> None:
    factory = make_session_factory(pg_engine)
    world = build_world(factory)
    results = race_for_the_last_place(pg_engine, factory, world, "SELECT")
    assert sorted(r.status for r in results) == [
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITING_LIST,
    ]
    with factory() as s:
        confirmed = s.scalar(
            select(func.count(Registration.id)).where(
                Registration.event_id == world.masterclass,
                Registration.status == RegistrationStatus.CONFIRMED,
            )
        )
    assert confirmed == 3

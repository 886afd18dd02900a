"""Races settled by PostgreSQL: two visitors for an event's last place, and two door kiosks
giving the one place freed after the start to two people waiting."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, event, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from kiosk.checkin.service import register_walk_in
from kiosk.checkin.tables import Attendance
from kiosk.db.engine import make_session_factory
from kiosk.db.models import Event
from kiosk.domain import CheckinOutcome, RegistrationStatus, new_nonce
from kiosk.people import VisitorForm
from kiosk.signup.registration import cancel, sign_up, sign_up_visitor
from tests.helpers.checkin_world import NOW, World, build_world

pytestmark = pytest.mark.postgres

EARLY = NOW - timedelta(hours=3)


def together(
    engine: Engine, factory: sessionmaker[Session], *work: Callable[[Session], Any]
) -> list[Any]:
    """Each ``work(session)`` on its own connection, held at its first SELECT until all are
    there: they really are in flight at once."""
    barrier = threading.Barrier(len(work), timeout=10)
    waited: set[int] = set()

    def hold(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        me = threading.get_ident()
        if statement.lstrip().upper().startswith("SELECT") and me not in waited:
            waited.add(me)
            barrier.wait()

    results: list[Any] = [None] * len(work)
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            with factory() as s:
                results[i] = work[i](s)
        except BaseException as exc:
            errors.append(exc)

    event.listen(engine, "before_cursor_execute", hold)
    try:
        threads = [threading.Thread(target=run, args=(i,)) for i in range(len(work))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
    finally:
        event.remove(engine, "before_cursor_execute", hold)
    assert not errors, errors
    assert waited == {t.ident for t in threads}
    return results


def test_two_visitors_racing_for_the_last_place_one_gets_it_one_waits(
    pg_engine: Engine,
) -> None:
    factory = make_session_factory(pg_engine)
    world = build_world(factory)
    with factory.begin() as s:
        s.execute(update(Event).where(Event.id == world.table_ronde).values(capacity=1))
    lea = VisitorForm("Léa", "Blanc", "Mairie de Menton", "")
    tom = VisitorForm("Tom", "Roux", "Métropole Nice Côte d’Azur", "")
    results = together(
        pg_engine,
        factory,
        lambda s: sign_up_visitor(s, lea, world.table_ronde, EARLY),
        lambda s: sign_up_visitor(s, tom, world.table_ronde, EARLY),
    )
    assert sorted(r.status for r in results) == [
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITING_LIST,
    ]


def test_two_door_kiosks_giving_the_one_freed_place_admit_one(pg_engine: Engine) -> None:
    factory = make_session_factory(pg_engine)
    world: World = build_world(factory)
    with factory() as s:  # the formation's one place is Carole's; Bob then Dan wait
        sign_up(s, world.bob, world.formation, EARLY)
    with factory() as s:
        sign_up(s, world.dan, world.formation, EARLY + timedelta(minutes=1))
    with factory() as s:  # given back after the start: nobody promoted
        cancel(s, world.carol, world.formation, NOW - timedelta(minutes=5))

    def give(person: int, kiosk: int) -> Callable[[Session], Any]:
        return lambda s: register_walk_in(
            s, person, world.formation, kiosk, NOW, new_nonce(), staff_at_door=True
        )

    results = together(
        pg_engine, factory, give(world.bob, world.kiosk), give(world.dan, world.other_kiosk)
    )
    outcomes = sorted(r.outcome for r in results)
    assert outcomes == sorted([CheckinOutcome.OK, CheckinOutcome.WAITING_LIST])
    with factory() as s:
        admitted = s.scalar(
            select(func.count(Attendance.id)).where(Attendance.event_id == world.formation)
        )
    assert admitted == 1

"""Two kiosks on one PostgreSQL database check the same person in at the same moment."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import Engine, event, func, select

from kiosk.checkin.service import (
    CheckinContext,
    CheckinResult,
    PersonIdentity,
    check_in,
    register_walk_in,
)
from kiosk.checkin.tables import Attendance
from kiosk.db.engine import make_session_factory
from kiosk.domain import CheckinOutcome, new_nonce
from tests.helpers.checkin_world import NOW, World, build_world

pytestmark = pytest.mark.postgres


def _race(engine: Engine, statement_prefix: str, calls: list[Any]) -> list[Any]:
    """Run ``calls`` in threads; each waits at its first ``statement_prefix`` statement until
    all have reached it, so every one has done its reads before any writes."""
    barrier = threading.Barrier(len(calls), timeout=10)
    waited: set[int] = set()

    def hold(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        me = threading.get_ident()
        if statement.lstrip().upper().startswith(statement_prefix) and me not in waited:
            waited.add(me)
            barrier.wait()

    event.listen(engine, "before_cursor_execute", hold)
    results: list[Any] = [None] * len(calls)
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            results[i] = calls[i]()
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
    finally:
        event.remove(engine, "before_cursor_execute", hold)
    assert not errors, errors
    return results


def test_same_person_at_two_kiosks_at_once_gives_one_ok_and_one_already(pg_engine: Engine) -> None:
    factory = make_session_factory(pg_engine)
    world: World = build_world(factory)
    ctx = CheckinContext(site_id=world.site, event_id=world.masterclass)

    def at(kiosk: int) -> Any:
        def go() -> CheckinResult:
            with factory() as s:
                return check_in(s, PersonIdentity(world.alice), ctx, kiosk, NOW, new_nonce())

        return go

    results = _race(pg_engine, "INSERT INTO ATTENDANCE", [at(world.kiosk), at(world.other_kiosk)])
    outcomes = sorted(r.outcome for r in results)
    assert outcomes == sorted([CheckinOutcome.OK, CheckinOutcome.ALREADY_CHECKED_IN])
    with factory() as s:
        assert s.scalar(select(func.count(Attendance.id))) == 1
    already = next(r for r in results if r.outcome is CheckinOutcome.ALREADY_CHECKED_IN)
    assert already.first_checkin_kiosk is not None


def test_two_walk_ins_for_the_last_seat_give_one_seat(pg_engine: Engine) -> None:
    factory = make_session_factory(pg_engine)
    world: World = build_world(factory)

    def walk_in(person: int, kiosk: int) -> Any:
        def go() -> CheckinResult:
            with factory() as s:
                return register_walk_in(s, person, world.masterclass, kiosk, NOW, new_nonce())

        return go

    # The masterclass has 3 seats and Alice holds one: Dan and Bob take the two others, then
    # Carole and Sam race for nothing... first fill one seat, then race two people for the last.
    with factory() as s:
        assert (
            register_walk_in(s, world.dan, world.masterclass, world.kiosk, NOW, new_nonce()).outcome
            is CheckinOutcome.OK
        )
    results = _race(
        pg_engine,
        "SELECT EVENT",
        [walk_in(world.bob, world.kiosk), walk_in(world.carol, world.other_kiosk)],
    )
    outcomes = sorted(r.outcome for r in results)
    assert outcomes == sorted([CheckinOutcome.OK, CheckinOutcome.EVENT_FULL])

"""Sign-up at the kiosk: places, waiting list in order, cancellation and promotion, the slip,
and the last place raced by two kiosks on one SQLite file."""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.checkin.service import CheckinContext, PersonIdentity, check_in
from kiosk.db.models import Registration
from kiosk.domain import CheckinOutcome, RegistrationSource, RegistrationStatus, new_nonce
from kiosk.printing.layout import plain_text
from kiosk.printing.spool import receipt_from_json
from kiosk.printing.tables import PrintJob
from kiosk.signup.notices import pending_for
from kiosk.signup.registration import (
    SignupProblem,
    SignupRefused,
    SlipRequest,
    cancel,
    sign_up,
)
from kiosk.signup.tables import NoticeKind
from tests.helpers.checkin_world import NOW, World

EARLY = NOW - timedelta(hours=3)  # before the masterclass (10:00 today) starts


def test_a_free_place_is_confirmed_and_signing_up_again_changes_nothing(
    session_factory: sessionmaker[Session], world: World
) -> None:
    with session_factory() as s:
        first = sign_up(s, world.dan, world.masterclass, EARLY)
    with session_factory() as s:
        again = sign_up(s, world.dan, world.masterclass, EARLY)
        row = s.scalars(
            select(Registration).where(
                Registration.person_id == world.dan, Registration.event_id == world.masterclass
            )
        ).one()
    assert first.status is RegistrationStatus.CONFIRMED
    assert not first.already
    assert first.position is None
    assert again.already
    assert again.reference == first.reference
    assert row.source is RegistrationSource.KIOSK
    assert row.reference == first.reference


def test_a_full_event_puts_people_on_the_waiting_list_and_a_cancellation_promotes_the_first(
    session_factory: sessionmaker[Session], world: World
) -> None:
    # the formation has one place, Carole holds it
    with session_factory() as s:
        dan = sign_up(s, world.dan, world.formation, EARLY)
    with session_factory() as s:
        bob = sign_up(s, world.bob, world.formation, EARLY + timedelta(minutes=1))
    assert (dan.status, dan.position) == (RegistrationStatus.WAITING_LIST, 1)
    assert (bob.status, bob.position) == (RegistrationStatus.WAITING_LIST, 2)

    with session_factory() as s:
        done = cancel(s, world.carol, world.formation, EARLY + timedelta(minutes=2))
    assert done.was is RegistrationStatus.CONFIRMED
    assert done.promoted == (world.dan,)
    with session_factory() as s:
        again = sign_up(s, world.bob, world.formation, EARLY + timedelta(minutes=3))
        notices = pending_for(s, world.dan)
        assert pending_for(s, world.bob) == []
    assert (again.status, again.position) == (RegistrationStatus.WAITING_LIST, 1)
    assert [n.kind for n in notices] == [NoticeKind.PROMOTED]
    assert "Une place s’est libérée" in notices[0].subject
    assert dan.reference in notices[0].body


def test_cancelling_a_wait_promotes_nobody_and_the_next_moves_up(
    session_factory: sessionmaker[Session], world: World
) -> None:
    with session_factory() as s:
        sign_up(s, world.dan, world.formation, EARLY)
    with session_factory() as s:
        sign_up(s, world.bob, world.formation, EARLY + timedelta(minutes=1))
    with session_factory() as s:
        done = cancel(s, world.dan, world.formation, EARLY + timedelta(minutes=2))
    with session_factory() as s:
        bob = sign_up(s, world.bob, world.formation, EARLY + timedelta(minutes=3))
    assert done.promoted == ()
    assert bob.position == 1


def test_visitors_only_to_events_open_to_them_and_not_once_started(
    session_factory: sessionmaker[Session], world: World
) -> None:
    with session_factory() as s, pytest.raises(SignupRefused) as refused:
        sign_up(s, world.vera, world.masterclass, EARLY, source=RegistrationSource.VISITOR_FORM)
    assert refused.value.problem is SignupProblem.NOT_FOR_VISITORS
    with session_factory() as s:
        ok = sign_up(
            s, world.vera, world.table_ronde, EARLY, source=RegistrationSource.VISITOR_FORM
        )
    assert ok.status is RegistrationStatus.CONFIRMED
    with session_factory() as s, pytest.raises(SignupRefused) as late:
        sign_up(s, world.dan, world.masterclass, NOW)  # started at 10:00
    assert late.value.problem is SignupProblem.ALREADY_STARTED
    with session_factory() as s, pytest.raises(SignupRefused) as nothing:
        cancel(s, world.dan, world.masterclass, EARLY)
    assert nothing.value.problem is SignupProblem.NOT_SIGNED_UP


def test_the_slip_is_queued_with_the_sign_up_and_carries_event_time_and_reference(
    session_factory: sessionmaker[Session], world: World
) -> None:
    with session_factory() as s:
        done = sign_up(
            s, world.dan, world.masterclass, EARLY, slip=SlipRequest(world.kiosk, "Smart Room")
        )
    with session_factory() as s:
        job = s.get_one(PrintJob, done.print_job_id)
        text = plain_text(receipt_from_json(job.receipt), 42)
    assert job.kind == "signup_slip"
    assert job.ref == done.reference
    assert done.reference in text
    assert "10:00 – 12:00" in text
    assert "Smart Room" in text
    assert "Place réservée" in text


def test_the_door_admits_the_badge_of_an_agent_who_signed_up_at_the_kiosk(
    session_factory: sessionmaker[Session], world: World
) -> None:
    with session_factory() as s:
        sign_up(s, world.dan, world.masterclass, EARLY)
    with session_factory() as s:
        result = check_in(
            s,
            PersonIdentity(world.dan),
            CheckinContext(site_id=world.site, event_id=world.masterclass),
            world.kiosk,
            NOW,
            new_nonce(),
        )
    assert result.outcome is CheckinOutcome.OK


def race_for_the_last_place(
    engine: Engine, factory: sessionmaker[Session], world: World, hold_at: str
) -> list[Any]:
    """Dan and Bob sign up to the masterclass's last place at once, each on its own
    connection; each waits at its first ``hold_at`` statement until both are there."""
    with factory() as s:  # 3 places: Alice holds one, Ivan's inactive record cannot sign up
        sign_up(s, world.staff, world.masterclass, EARLY)
    barrier = threading.Barrier(2, timeout=10)
    waited: set[int] = set()

    def hold(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        me = threading.get_ident()
        if statement.lstrip().upper().startswith(hold_at) and me not in waited:
            waited.add(me)
            barrier.wait()

    results: list[Any] = [None, None]
    errors: list[BaseException] = []

    def run(i: int, person: int) -> None:
        try:
            with factory() as s:
                results[i] = sign_up(s, person, world.masterclass, EARLY)
        except BaseException as exc:
            errors.append(exc)

    event.listen(engine, "before_cursor_execute", hold)
    try:
        threads = [
            threading.Thread(target=run, args=(0, world.dan)),
            threading.Thread(target=run, args=(1, world.bob)),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
    finally:
        event.remove(engine, "before_cursor_execute", hold)
    assert not errors, errors
    assert waited == {t.ident for t in threads}  # both really were in flight together
    return results


def test_two_kiosks_racing_for_the_last_place_on_sqlite_one_wins(
    engine: Engine, session_factory: sessionmaker[Session], world: World
) -> None:
    results = race_for_the_last_place(engine, session_factory, world, "BEGIN")
    assert sorted(r.status for r in results) == [
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITING_LIST,
    ]
    with session_factory() as s:
        confirmed = s.scalars(
            select(Registration).where(
                Registration.event_id == world.masterclass,
                Registration.status == RegistrationStatus.CONFIRMED,
            )
        ).all()
    assert len(confirmed) == 3

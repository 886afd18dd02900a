"""A person on the waiting list at the door: told where they stand, never admitted past the
people ahead of them; a free place that is theirs in order is taken with the walk-in's two taps."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from kiosk.checkin.door_operations import check_in_person
from kiosk.checkin.place import KioskPlace
from kiosk.checkin.service import (
    BadgeIdentity,
    CheckinContext,
    CheckinResult,
    PersonIdentity,
    check_in,
    register_walk_in,
)
from kiosk.checkin.tables import Attendance
from kiosk.db.models import Event, Registration
from kiosk.domain import CheckinOutcome, RegistrationStatus, Verdict, new_nonce
from kiosk.identity import badge_hash, link_badge
from kiosk.signup.registration import cancel, sign_up
from tests.helpers.checkin_world import NOW, SITE_KEY, World, paris

type Factory = sessionmaker[Session]

EARLY = NOW - timedelta(hours=3)  # 07:30 in Paris: before the formation (10:00) starts
DAN_BADGE = badge_hash(SITE_KEY, bytes.fromhex("04d1d2d3d4d5d6"))


def waiting_for_the_formation(factory: Factory, world: World) -> None:
    """The formation's one place is Carole's; Bob then Dan wait for it."""
    with factory() as s:
        sign_up(s, world.bob, world.formation, EARLY)
    with factory() as s:
        sign_up(s, world.dan, world.formation, EARLY + timedelta(minutes=1))


def at_the_door(factory: Factory, world: World, person: int, at: timedelta) -> CheckinResult:
    with factory() as s:
        return check_in(
            s,
            PersonIdentity(person),
            CheckinContext(site_id=world.site, event_id=world.formation),
            world.kiosk,
            NOW + at,
            new_nonce(),
        )


def walk_in(factory: Factory, world: World, person: int, *, staff: bool = False) -> CheckinResult:
    with factory() as s:
        if staff:
            place = KioskPlace(world.kiosk, world.site, None, "Smart Class")
            return check_in_person(
                s, place, NOW, person_id=person, event_id=world.formation, staff_id=world.staff
            )
        return register_walk_in(s, person, world.formation, world.kiosk, NOW, new_nonce())


def status_of(factory: Factory, world: World, person: int) -> RegistrationStatus:
    with factory() as s:
        return s.scalars(
            select(Registration.status).where(
                Registration.event_id == world.formation, Registration.person_id == person
            )
        ).one()


def attending(factory: Factory, world: World) -> set[int]:
    with factory() as s:
        return set(
            s.scalars(select(Attendance.person_id).where(Attendance.event_id == world.formation))
        )


def test_a_badge_on_the_waiting_list_is_told_its_position_and_not_admitted(
    session_factory: Factory, world: World
) -> None:
    waiting_for_the_formation(session_factory, world)
    with session_factory.begin() as s:
        link_badge(s, DAN_BADGE, world.dan, now=EARLY, nonce="n-dan")
    with session_factory() as s:
        result = check_in(
            s,
            BadgeIdentity(DAN_BADGE),
            CheckinContext(site_id=world.site),  # the room's own kiosk finds the event
            world.kiosk,
            NOW,
            new_nonce(),
        )
    assert result.outcome is CheckinOutcome.WAITING_LIST
    assert result.verdict is Verdict.AMBER
    assert not result.outcome.admitted
    assert result.event is not None
    assert result.event.id == world.formation
    assert (result.waiting_position, result.seats_left) == (2, 0)
    assert not result.walk_in_possible
    assert attending(session_factory, world) == set()


def test_a_freed_place_goes_to_the_first_waiting_not_to_the_one_at_the_door(
    session_factory: Factory, world: World
) -> None:
    waiting_for_the_formation(session_factory, world)
    with session_factory() as s:  # Carole gives her place back after the start
        assert cancel(s, world.carol, world.formation, NOW - timedelta(minutes=5)).promoted == ()

    dan = at_the_door(session_factory, world, world.dan, timedelta(0))
    assert (dan.outcome, dan.waiting_position, dan.seats_left) == (
        CheckinOutcome.WAITING_LIST,
        2,
        1,
    )
    assert not dan.walk_in_possible  # Bob waits ahead of him
    taken = walk_in(session_factory, world, world.dan)
    assert taken.outcome is CheckinOutcome.WAITING_LIST
    assert status_of(session_factory, world, world.dan) is RegistrationStatus.WAITING_LIST

    bob = at_the_door(session_factory, world, world.bob, timedelta(seconds=5))
    assert (bob.outcome, bob.waiting_position) == (CheckinOutcome.WAITING_LIST, 1)
    assert bob.walk_in_possible  # his turn: the place is his to take
    admitted = walk_in(session_factory, world, world.bob)
    assert admitted.outcome is CheckinOutcome.OK
    assert status_of(session_factory, world, world.bob) is RegistrationStatus.CONFIRMED
    assert attending(session_factory, world) == {world.bob}

    again = at_the_door(session_factory, world, world.dan, timedelta(seconds=10))
    assert (again.waiting_position, again.seats_left) == (1, 0)  # moved up, nothing free


def test_nobody_off_the_list_takes_a_place_owed_to_those_waiting(
    session_factory: Factory, world: World
) -> None:
    waiting_for_the_formation(session_factory, world)
    with session_factory() as s:
        cancel(s, world.carol, world.formation, NOW - timedelta(minutes=5))
    with session_factory.begin() as s:  # Alice, not on the list, tries the same place
        s.execute(
            update(Registration)
            .where(Registration.person_id == world.alice)
            .values(status=RegistrationStatus.CANCELLED)
        )
    refused = walk_in(session_factory, world, world.alice)
    assert refused.outcome is CheckinOutcome.EVENT_FULL
    assert attending(session_factory, world) == set()


def test_staff_at_the_door_may_give_a_free_place_once_the_event_has_started(
    session_factory: Factory, world: World
) -> None:
    """Staff see who is there: after the start, those ahead on the list may never come."""
    waiting_for_the_formation(session_factory, world)
    with session_factory() as s:
        cancel(s, world.carol, world.formation, NOW - timedelta(minutes=5))
    given = walk_in(session_factory, world, world.dan, staff=True)
    assert given.outcome is CheckinOutcome.OK
    assert status_of(session_factory, world, world.dan) is RegistrationStatus.CONFIRMED
    assert status_of(session_factory, world, world.bob) is RegistrationStatus.WAITING_LIST


def test_before_the_start_the_kiosk_keeps_the_order_of_the_list(
    session_factory: Factory, world: World
) -> None:
    """A place freed before the start went to Bob at once; a second place, added to the event
    meanwhile, is Dan's to take at the door (nobody waits ahead of him any more)."""
    with session_factory.begin() as s:  # the formation starts in 30 minutes, check-in is open
        s.execute(
            update(Event)
            .where(Event.id == world.formation)
            .values(starts_at=NOW + timedelta(minutes=30), ends_at=paris(0, 13))
        )
    waiting_for_the_formation(session_factory, world)
    with session_factory() as s:
        assert cancel(s, world.carol, world.formation, EARLY + timedelta(minutes=5)).promoted == (
            world.bob,
        )
    dan = at_the_door(session_factory, world, world.dan, timedelta(0))
    assert (dan.waiting_position, dan.seats_left, dan.walk_in_possible) == (1, 0, False)
    with session_factory.begin() as s:
        s.execute(update(Event).where(Event.id == world.formation).values(capacity=2))
    dan = at_the_door(session_factory, world, world.dan, timedelta(seconds=5))
    assert (dan.waiting_position, dan.seats_left, dan.walk_in_possible) == (1, 1, True)
    assert walk_in(session_factory, world, world.dan).outcome is CheckinOutcome.OK

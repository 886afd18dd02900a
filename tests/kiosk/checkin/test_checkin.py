"""Every outcome of kiosk.checkin.service.check_in, on a real SQLite file."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.checkin.service import (
    BadgeIdentity,
    CheckinContext,
    CheckinResult,
    CodeIdentity,
    Identity,
    PersonIdentity,
    check_in,
    register_walk_in,
    undo_checkin,
)
from kiosk.checkin.tables import Attendance, CheckinRecord, CheckinUndo, SpaceVisit
from kiosk.codes import TicketIssuer, generate_private_key
from kiosk.db.models import Registration
from kiosk.domain import (
    CheckinMethod,
    CheckinOutcome,
    RegistrationStatus,
    Space,
    Verdict,
    new_nonce,
)
from tests.helpers.checkin_world import NOW, World, paris

type Factory = sessionmaker[Session]


def scan(
    factory: Factory,
    world: World,
    identity: Identity,
    *,
    event: int | None = None,
    space: Space | None = None,
    at: timedelta = timedelta(0),
    kiosk: int | None = None,
    nonce: str | None = None,
) -> CheckinResult:
    ctx = CheckinContext(site_id=world.site, event_id=event, space=space, verifier=world.verifier)
    with factory() as s:
        return check_in(s, identity, ctx, kiosk or world.kiosk, NOW + at, nonce or new_nonce())


def count(factory: Factory, model: type, *where: object) -> int:
    with factory() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def ticket(world: World, event: int, person: int, expires: timedelta = timedelta(days=2)) -> str:
    return world.issuer.issue(event_id=event, person_id=person, expires_at=NOW + expires)


def test_badge_of_a_registered_person_is_ok_with_what_the_screen_shows(
    world: World, session_factory: Factory
) -> None:
    r = scan(session_factory, world, BadgeIdentity(world.alice_badge), event=world.masterclass)
    assert r.outcome is CheckinOutcome.OK
    assert r.verdict is Verdict.GREEN
    assert r.method is CheckinMethod.BADGE
    assert r.first_name == "Alice"
    assert r.event is not None
    assert r.event.title == "masterclass test"
    assert r.event.place == "Smart Room"
    assert r.event.starts_at == paris(0, 10)
    assert r.undoable
    assert not r.repeated
    assert count(session_factory, Attendance, Attendance.person_id == world.alice) == 1


def test_second_scan_after_the_debounce_is_already_checked_in_with_first_time_and_kiosk(
    world: World, session_factory: Factory
) -> None:
    first = scan(session_factory, world, BadgeIdentity(world.alice_badge), event=world.masterclass)
    again = scan(
        session_factory,
        world,
        BadgeIdentity(world.alice_badge),
        event=world.masterclass,
        at=timedelta(minutes=5),
        kiosk=world.other_kiosk,
    )
    assert again.outcome is CheckinOutcome.ALREADY_CHECKED_IN
    assert again.verdict is Verdict.AMBER
    assert again.first_checkin_at == first.at
    assert again.first_checkin_kiosk == "Smart Room — entrée"
    assert count(session_factory, CheckinRecord) == 2  # refusals and repeats are logged too
    assert count(session_factory, Attendance) == 1


def test_same_badge_within_the_debounce_gives_one_record(
    world: World, session_factory: Factory
) -> None:
    first = scan(session_factory, world, BadgeIdentity(world.alice_badge), event=world.masterclass)
    bounce = scan(
        session_factory,
        world,
        BadgeIdentity(world.alice_badge),
        event=world.masterclass,
        at=timedelta(seconds=1),
    )
    assert bounce.outcome is CheckinOutcome.OK
    assert bounce.repeated
    assert bounce.checkin_id == first.checkin_id
    assert count(session_factory, CheckinRecord) == 1


def test_the_same_nonce_gives_the_same_answer_and_records_nothing_more(
    world: World, session_factory: Factory
) -> None:
    nonce = new_nonce()
    first = scan(
        session_factory,
        world,
        BadgeIdentity(world.alice_badge),
        event=world.masterclass,
        nonce=nonce,
    )
    replay = scan(
        session_factory,
        world,
        BadgeIdentity(world.alice_badge),
        event=world.masterclass,
        nonce=nonce,
        at=timedelta(minutes=10),
    )
    assert replay.outcome is CheckinOutcome.OK
    assert replay.repeated
    assert replay.checkin_id == first.checkin_id
    assert count(session_factory, CheckinRecord) == 1


def test_unknown_badge_is_refused_and_logged_without_a_person(
    world: World, session_factory: Factory
) -> None:
    r = scan(session_factory, world, BadgeIdentity(world.unknown_badge), event=world.masterclass)
    assert r.outcome is CheckinOutcome.UNKNOWN_BADGE
    assert r.verdict is Verdict.RED
    assert r.first_name is None
    with session_factory() as s:
        record = s.get(CheckinRecord, r.checkin_id)
        assert record is not None
        assert record.person_id is None
        assert record.identity_key == "b:" + world.unknown_badge  # the hash, never the UID


def test_not_registered_agent_is_offered_a_walk_in_when_seats_are_left(
    world: World, session_factory: Factory
) -> None:
    r = scan(session_factory, world, PersonIdentity(world.dan), event=world.masterclass)
    assert r.outcome is CheckinOutcome.NOT_REGISTERED
    assert r.walk_in_possible
    assert r.seats_left == 2
    assert r.method is CheckinMethod.MANUAL


def test_visitor_at_an_agents_only_event_gets_no_walk_in(
    world: World, session_factory: Factory
) -> None:
    r = scan(session_factory, world, PersonIdentity(world.vera), event=world.masterclass)
    assert r.outcome is CheckinOutcome.NOT_REGISTERED
    assert not r.walk_in_possible


def test_not_registered_at_a_full_event_is_event_full(
    world: World, session_factory: Factory
) -> None:
    r = scan(session_factory, world, PersonIdentity(world.dan), event=world.formation)
    assert r.outcome is CheckinOutcome.EVENT_FULL  # his registration was cancelled
    assert r.seats_left == 0
    assert not r.walk_in_possible


def test_registered_before_the_window_opens_is_outside_window(
    world: World, session_factory: Factory
) -> None:
    r = scan(session_factory, world, PersonIdentity(world.bob), event=world.workshop)
    assert r.outcome is CheckinOutcome.OUTSIDE_WINDOW
    assert r.event is not None
    assert r.event.checkin_opens_at == paris(0, 13)
    later = scan(
        session_factory,
        world,
        PersonIdentity(world.bob),
        event=world.workshop,
        at=timedelta(hours=3),
    )
    assert later.outcome is CheckinOutcome.OK


def test_registered_to_another_event_says_which_where_and_when(
    world: World, session_factory: Factory
) -> None:
    r = scan(session_factory, world, PersonIdentity(world.bob), event=world.masterclass)
    assert r.outcome is CheckinOutcome.WRONG_EVENT
    assert r.registered_event is not None
    assert r.registered_event.id == world.workshop
    assert r.registered_event.place == "Smart Lab"
    assert r.registered_event.starts_at == paris(0, 14)


def test_self_check_in_finds_the_open_event_the_person_is_registered_to(
    world: World, session_factory: Factory
) -> None:
    r = scan(session_factory, world, BadgeIdentity(world.alice_badge))
    assert r.outcome is CheckinOutcome.OK
    assert r.event is not None
    assert r.event.id == world.masterclass


def test_self_check_in_of_someone_expected_later_names_their_event(
    world: World, session_factory: Factory
) -> None:
    r = scan(session_factory, world, PersonIdentity(world.bob))
    assert r.outcome is CheckinOutcome.WRONG_EVENT
    assert r.registered_event is not None
    assert r.registered_event.id == world.workshop


def test_badge_at_a_space_with_no_event_counts_one_visit_per_day(
    world: World, session_factory: Factory
) -> None:
    staff = BadgeIdentity(world.staff_badge)
    first = scan(session_factory, world, staff, space=Space.SMART_STORE)
    again = scan(session_factory, world, staff, space=Space.SMART_STORE, at=timedelta(hours=2))
    tomorrow = scan(session_factory, world, staff, space=Space.SMART_STORE, at=timedelta(days=1))
    assert first.outcome is CheckinOutcome.VISIT_RECORDED
    assert first.verdict is Verdict.GREEN
    assert again.outcome is CheckinOutcome.VISIT_RECORDED
    assert tomorrow.outcome is CheckinOutcome.VISIT_RECORDED
    assert count(session_factory, SpaceVisit) == 2


def test_inactive_person_badge_is_unknown(world: World, session_factory: Factory) -> None:
    from kiosk.identity import badge_hash, link_badge
    from tests.helpers.checkin_world import SITE_KEY

    h = badge_hash(SITE_KEY, b"\x04ivan42")
    with session_factory.begin() as s:
        # link while active, then the person leaves
        from kiosk.db.models import Person

        ivan = s.get(Person, world.ivan)
        assert ivan is not None
        ivan.active = True
        link_badge(s, h, world.ivan, now=NOW, nonce=new_nonce())
        ivan.active = False
    r = scan(session_factory, world, BadgeIdentity(h), event=world.masterclass)
    assert r.outcome is CheckinOutcome.UNKNOWN_BADGE


# --- codes ---------------------------------------------------------------------------------


def test_valid_ticket_is_ok_even_without_a_local_registration(
    world: World, session_factory: Factory
) -> None:
    r = scan(session_factory, world, CodeIdentity(ticket(world, world.masterclass, world.dan)))
    assert r.outcome is CheckinOutcome.OK
    assert r.method is CheckinMethod.QR
    assert r.first_name == "Dan"


def test_ticket_of_a_cancelled_registration_is_not_registered(
    world: World, session_factory: Factory
) -> None:
    code = ticket(world, world.formation, world.dan)
    r = scan(session_factory, world, CodeIdentity(code), event=world.formation)
    assert r.outcome is CheckinOutcome.EVENT_FULL


def test_ticket_for_another_event_is_wrong_event(world: World, session_factory: Factory) -> None:
    code = ticket(world, world.table_ronde, world.vera)
    r = scan(session_factory, world, CodeIdentity(code), event=world.masterclass)
    assert r.outcome is CheckinOutcome.WRONG_EVENT
    assert r.registered_event is not None
    assert r.registered_event.id == world.table_ronde
    self_service = scan(session_factory, world, CodeIdentity(code), at=timedelta(minutes=1))
    assert self_service.outcome is CheckinOutcome.OUTSIDE_WINDOW  # here, but tomorrow


def test_modified_code_is_forged(world: World, session_factory: Factory) -> None:
    good = ticket(world, world.masterclass, world.alice)
    body = good.split(".")[1]
    other = world.issuer.issue(
        event_id=world.masterclass, person_id=world.dan, expires_at=NOW + timedelta(days=1)
    )
    tampered = good.replace(body, other.split(".")[1])  # Dan's body with Alice's signature
    r = scan(session_factory, world, CodeIdentity(tampered))
    assert r.outcome is CheckinOutcome.FORGED_CODE
    assert r.verdict is Verdict.RED


def test_code_signed_with_another_key_is_forged(world: World, session_factory: Factory) -> None:
    rogue = TicketIssuer(generate_private_key())
    code = rogue.issue(
        event_id=world.masterclass, person_id=world.dan, expires_at=NOW + timedelta(days=1)
    )
    assert scan(session_factory, world, CodeIdentity(code)).outcome is CheckinOutcome.FORGED_CODE


def test_truncated_code_is_invalid(world: World, session_factory: Factory) -> None:
    code = ticket(world, world.masterclass, world.alice)
    r = scan(session_factory, world, CodeIdentity(code[:-5]))
    assert r.outcome is CheckinOutcome.INVALID_CODE


def test_foreign_text_is_invalid(world: World, session_factory: Factory) -> None:
    r = scan(session_factory, world, CodeIdentity("https://example.org/?q=1"))
    assert r.outcome is CheckinOutcome.INVALID_CODE


def test_expired_code_is_expired(world: World, session_factory: Factory) -> None:
    code = ticket(world, world.masterclass, world.alice, expires=timedelta(minutes=-1))
    r = scan(session_factory, world, CodeIdentity(code))
    assert r.outcome is CheckinOutcome.EXPIRED_CODE
    assert r.event is not None  # still says which event it was for


def test_revoked_code_is_revoked(world: World, session_factory: Factory) -> None:
    from kiosk.checkin.door import revoke_ticket

    code = ticket(world, world.masterclass, world.alice)
    with session_factory.begin() as s:
        revoke_ticket(s, code, world.verifier, now=NOW, reason="lost")
    assert scan(session_factory, world, CodeIdentity(code)).outcome is CheckinOutcome.REVOKED_CODE


def test_kiosk_without_a_ticket_key_refuses_codes_as_invalid(
    world: World, session_factory: Factory
) -> None:
    ctx = CheckinContext(site_id=world.site, event_id=world.masterclass)
    with session_factory() as s:
        code = ticket(world, world.masterclass, world.alice)
        r = check_in(s, CodeIdentity(code), ctx, world.kiosk, NOW, new_nonce())
    assert r.outcome is CheckinOutcome.INVALID_CODE


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    garbage=st.one_of(
        st.text(max_size=200),
        st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ234567.", max_size=160).map("SCA.".__add__),
    ),
    position=st.integers(min_value=0),
    replacement=st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567."),
    staff_mode=st.booleans(),
)
def test_garbage_and_mutated_codes_through_the_service_are_logged_refusals(
    world: World,
    session_factory: Factory,
    garbage: str,
    position: int,
    replacement: str,
    staff_mode: bool,
) -> None:
    """Whatever a scanner sends, check_in answers with a refusal and records it; never raises."""
    good = ticket(world, world.masterclass, world.alice)
    i = position % len(good)
    mutated = good[:i] + replacement + good[i + 1 :]
    event = world.masterclass if staff_mode else None
    for payload in (garbage, mutated):
        if payload.strip().upper() == good:
            continue  # the mutation put back the same character
        r = scan(session_factory, world, CodeIdentity(payload), event=event)
        assert not r.outcome.admitted, payload
        assert r.outcome in {
            CheckinOutcome.INVALID_CODE,
            CheckinOutcome.FORGED_CODE,
        }, (payload, r.outcome)
        with session_factory() as s:
            record = s.get(CheckinRecord, r.checkin_id)
            assert record is not None
            assert record.outcome is r.outcome
    assert count(session_factory, Attendance) == 0


# --- staff actions -------------------------------------------------------------------------


def test_walk_in_registers_and_checks_in(world: World, session_factory: Factory) -> None:
    with session_factory() as s:
        r = register_walk_in(s, world.dan, world.masterclass, world.kiosk, NOW, new_nonce())
    assert r.outcome is CheckinOutcome.OK
    assert r.method is CheckinMethod.WALK_IN
    assert r.seats_left == 1
    assert (
        count(
            session_factory,
            Registration,
            Registration.person_id == world.dan,
            Registration.event_id == world.masterclass,
            Registration.status == RegistrationStatus.CONFIRMED,
        )
        == 1
    )


def test_walk_in_at_a_full_event_is_refused(world: World, session_factory: Factory) -> None:
    with session_factory() as s:
        r = register_walk_in(s, world.dan, world.formation, world.kiosk, NOW, new_nonce())
    assert r.outcome is CheckinOutcome.EVENT_FULL
    assert count(session_factory, Attendance) == 0


def test_undo_keeps_the_record_and_lets_the_person_check_in_again(
    world: World, session_factory: Factory
) -> None:
    r = scan(session_factory, world, BadgeIdentity(world.alice_badge), event=world.masterclass)
    with session_factory() as s:
        assert undo_checkin(s, r.checkin_id, world.kiosk, NOW, new_nonce(), staff_id=world.staff)
    with session_factory() as s:
        assert not undo_checkin(s, r.checkin_id, world.kiosk, NOW, new_nonce())
    assert count(session_factory, Attendance) == 0
    assert count(session_factory, CheckinUndo) == 1
    again = scan(
        session_factory,
        world,
        BadgeIdentity(world.alice_badge),
        event=world.masterclass,
        at=timedelta(minutes=1),
    )
    assert again.outcome is CheckinOutcome.OK
    assert count(session_factory, CheckinRecord, CheckinRecord.outcome == CheckinOutcome.OK) == 2


def test_naive_time_is_refused(world: World, session_factory: Factory) -> None:
    ctx = CheckinContext(site_id=world.site)
    with session_factory() as s, pytest.raises(ValueError, match="aware"):
        check_in(s, PersonIdentity(world.alice), ctx, world.kiosk, NOW.replace(tzinfo=None), "n")

"""An external visitor signs up at the kiosk through the visitor form: only to events open to
visitors, waiting list when full, a slip whose QR (the registration reference) opens the door,
and found at the door by name or reference too."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from hardware.wedge import repair_layout
from kiosk.checkin.door import Roster
from kiosk.checkin.service import CheckinContext, CodeIdentity, check_in
from kiosk.codes import reference_code, reference_in
from kiosk.db.models import Event, Person, Registration
from kiosk.domain import (
    CheckinOutcome,
    PersonKind,
    RegistrationSource,
    RegistrationStatus,
    new_nonce,
)
from kiosk.people import VisitorForm
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
    sign_up_visitor,
)
from kiosk.signup.tables import NoticeKind
from tests.helpers.checkin_world import NOW, World, paris

type Factory = sessionmaker[Session]

EARLY = NOW - timedelta(hours=3)
LEA = VisitorForm("Léa", "Blanc", "Mairie de Menton", "lea.blanc@menton.fr")


def visitors(factory: Factory) -> int:
    with factory() as s:
        return int(
            s.scalar(select(func.count(Person.id)).where(Person.kind == PersonKind.VISITOR)) or 0
        )


def test_a_visitor_signs_up_to_an_event_open_to_visitors_with_a_slip_bearing_the_qr(
    session_factory: Factory, world: World
) -> None:
    before = visitors(session_factory)
    with session_factory() as s:
        done = sign_up_visitor(
            s, LEA, world.table_ronde, EARLY, slip=SlipRequest(world.kiosk, "Smart Room")
        )
    assert done.status is RegistrationStatus.CONFIRMED
    assert visitors(session_factory) == before + 1
    with session_factory() as s:
        row = s.scalars(select(Registration).where(Registration.reference == done.reference)).one()
        person = s.get_one(Person, row.person_id)
        job = s.get_one(PrintJob, done.print_job_id)
        receipt = receipt_from_json(job.receipt)
    assert (person.kind, person.organisation) == (PersonKind.VISITOR, "Mairie de Menton")
    assert row.source is RegistrationSource.VISITOR_FORM
    assert receipt.qr_payload == reference_code(done.reference)
    assert reference_in(receipt.qr_payload) == done.reference
    text = plain_text(receipt, 42)
    assert done.reference in text
    assert "table_ronde test" in text
    assert "10:00 – 12:00" in text
    assert "présentez ce code QR" in text

    with session_factory() as s:  # the same visitor again: the same registration and reference
        same = VisitorForm("Lea", "BLANC", "mairie de menton", "LEA.BLANC@menton.fr")
        again = sign_up_visitor(s, same, world.table_ronde, EARLY)
    assert again.already
    assert again.reference == done.reference
    assert visitors(session_factory) == before + 1


def test_an_agents_only_event_refuses_the_visitor_and_keeps_nothing_of_them(
    session_factory: Factory, world: World
) -> None:
    before = visitors(session_factory)
    with session_factory() as s, pytest.raises(SignupRefused) as refused:
        sign_up_visitor(s, LEA, world.masterclass, EARLY)
    assert refused.value.problem is SignupProblem.NOT_FOR_VISITORS
    with session_factory() as s, pytest.raises(SignupRefused) as late:
        sign_up_visitor(s, LEA, world.table_ronde, paris(1, 10))  # started
    assert late.value.problem is SignupProblem.ALREADY_STARTED
    assert visitors(session_factory) == before


def test_a_full_event_puts_the_visitor_on_the_waiting_list(
    session_factory: Factory, world: World
) -> None:
    with session_factory.begin() as s:
        s.execute(update(Event).where(Event.id == world.table_ronde).values(capacity=1))
    with session_factory() as s:
        dan = sign_up(s, world.dan, world.table_ronde, EARLY)
    assert dan.status is RegistrationStatus.CONFIRMED
    with session_factory() as s:
        done = sign_up_visitor(
            s, LEA, world.table_ronde, EARLY, slip=SlipRequest(world.kiosk, "Smart Room")
        )
    assert (done.status, done.position) == (RegistrationStatus.WAITING_LIST, 1)
    with session_factory() as s:
        text = plain_text(receipt_from_json(s.get_one(PrintJob, done.print_job_id).receipt), 42)
    assert "Liste d’attente" in text


def test_the_slip_qr_checks_the_visitor_in_at_the_door_even_through_an_azerty_scanner(
    session_factory: Factory, world: World
) -> None:
    with session_factory() as s:
        done = sign_up_visitor(s, LEA, world.table_ronde, EARLY)
    code = reference_code(done.reference)
    # a US-layout scanner on an AZERTY machine: A/Q and Z/W swap, digits unshifted, '.' as ':'
    azerty = str.maketrans("AQZW.23456789", "QAWZ:é\"'(-è_ç")
    assert repair_layout(code.translate(azerty)) == code
    at_the_door = paris(1, 9, 45)  # the table ronde, tomorrow 10:00; its door opens at 9:00
    context = CheckinContext(site_id=world.site, event_id=world.table_ronde)  # no ticket key
    with session_factory() as s:
        result = check_in(s, CodeIdentity(code), context, world.kiosk, at_the_door, new_nonce())
    assert result.outcome is CheckinOutcome.OK
    assert result.first_name == "Léa"
    with session_factory() as s:
        other = check_in(
            s,
            CodeIdentity(reference_code("ZZZZZZ")),
            context,
            world.kiosk,
            at_the_door,
            new_nonce(),
        )
    assert other.outcome is CheckinOutcome.INVALID_CODE


def test_staff_find_the_visitor_at_the_door_by_name_or_reference(
    session_factory: Factory, world: World
) -> None:
    with session_factory() as s:
        done = sign_up_visitor(s, LEA, world.table_ronde, EARLY)
    with session_factory() as s:
        roster = Roster.for_event(s, world.table_ronde, everybody=True)
    by_name = roster.search("lea blanc")
    by_reference = roster.search(done.reference.lower())
    assert [m.first_name for m in by_name] == ["Léa"]
    assert by_name[0].registration is RegistrationStatus.CONFIRMED
    assert by_name[0].organisation == "Mairie de Menton"
    assert [m.person_id for m in by_reference] == [by_name[0].person_id]


def test_a_promoted_visitor_is_told_of_the_qr_and_the_desk_not_of_a_badge(
    session_factory: Factory, world: World
) -> None:
    with session_factory.begin() as s:
        s.execute(update(Event).where(Event.id == world.table_ronde).values(capacity=1))
    with session_factory() as s:
        sign_up(s, world.dan, world.table_ronde, EARLY)
    with session_factory() as s:
        waiting = sign_up_visitor(s, LEA, world.table_ronde, EARLY)
    with session_factory() as s:
        assert cancel(s, world.dan, world.table_ronde, EARLY + timedelta(minutes=5)).promoted
    with session_factory() as s:
        lea = s.scalars(
            select(Registration.person_id).where(Registration.reference == waiting.reference)
        ).one()
        (notice,) = pending_for(s, lea)
    assert notice.kind is NoticeKind.PROMOTED
    assert waiting.reference in notice.body
    assert "code QR" in notice.body
    assert "l’accueil" in notice.body
    assert "badge" not in notice.body
    assert "Mon espace" not in notice.body

"""The door mode's operations and the place rules, without any screen: a real SQLite file."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from kiosk.checkin import door_operations as ops
from kiosk.checkin.place import PROFILE_SPACE, KioskPlace, place_of
from kiosk.checkin.service import event_info
from kiosk.checkin.tables import Attendance
from kiosk.db.models import Event
from kiosk.domain import CheckinOutcome, Space
from kiosk.printing.tables import PrintJob
from kiosk.settings import Profile
from kiosk.this_kiosk import KioskRef
from tests.helpers.checkin_world import NOW, World

type Factory = sessionmaker[Session]


@pytest.fixture
def place(world: World) -> KioskPlace:
    return KioskPlace(world.kiosk, world.site, Space.SMART_ROOM, "Smart Room — entrée")


@pytest.mark.parametrize("profile", list(Profile))
def test_each_profile_covers_its_space(profile: Profile) -> None:
    kiosk = KioskRef(id=3, code="K3", name="Borne", profile=profile, site_id=9, site_name="CADAM")
    assert place_of(kiosk) == KioskPlace(3, 9, PROFILE_SPACE[profile], "Borne")
    assert place_of(kiosk).space is not None


def test_only_staff_badges_unlock(session_factory: Factory, world: World) -> None:
    with session_factory() as session:
        staff = ops.staff_for_badge(session, world.staff_badge)
        assert staff == ops.StaffMember(world.staff, "Sam")
        assert ops.staff_for_badge(session, world.alice_badge) is None
        assert ops.staff_for_badge(session, world.unknown_badge) is None


def test_todays_events_here_come_first_then_the_week(
    session_factory: Factory, world: World, place: KioskPlace
) -> None:
    with session_factory() as session:
        choices = ops.events_to_pick(session, place, NOW)
    ids = [c.info.id for c in choices]
    today = [world.masterclass, world.formation, world.workshop]
    assert sorted(ids[:3]) == sorted(today)
    assert [c.info.starts_at for c in choices[:3]] == sorted(c.info.starts_at for c in choices[:3])
    assert ids[3] == world.table_ronde
    assert all(c.here for c in choices)
    assert [c.today for c in choices] == [True, True, True, False]


def test_a_name_picked_by_staff_is_checked_in_or_walks_in(
    session_factory: Factory, world: World, place: KioskPlace
) -> None:
    with session_factory() as session:
        registered = ops.check_in_person(
            session, place, NOW, person_id=world.alice, event_id=world.masterclass,
            staff_id=world.staff,
        )  # fmt: skip
        walk_in = ops.check_in_person(
            session, place, NOW, person_id=world.dan, event_id=world.masterclass,
            staff_id=world.staff,
        )  # fmt: skip
        assert registered.outcome is CheckinOutcome.OK
        assert walk_in.outcome is CheckinOutcome.OK
        state = ops.door_state(session, place, world.masterclass)
    assert state.counters.present == 2
    assert state.counters.walk_ins == 1
    assert state.undoable is not None


def test_a_visitor_is_recorded_checked_in_and_their_pass_queued_together(
    session_factory: Factory, world: World, place: KioskPlace
) -> None:
    with session_factory.begin() as session:
        session.execute(
            update(Event).where(Event.id == world.masterclass).values(open_to_external=True)
        )
    form = ops.VisitorForm("Léa", "Blanc", "Mairie de Menton", "")
    with session_factory() as session:
        outcome = ops.admit_visitor(
            session, place, NOW, form=form, event_id=world.masterclass,
            staff_id=world.staff, issuer=world.issuer,
        )  # fmt: skip
        assert outcome.result.outcome.admitted
        assert outcome.print_job_id is not None
        job = session.get(PrintJob, outcome.print_job_id)
        assert job is not None
        assert job.kind == "visitor_pass"
        assert job.ref == f"checkin:{outcome.result.checkin_id}"
        assert outcome.result.person_id is not None
        assert ops.visitor_name(session, outcome.result.person_id) == "Léa Blanc"


def test_no_pass_is_queued_for_a_visitor_refused(
    session_factory: Factory, world: World, place: KioskPlace
) -> None:
    form = ops.VisitorForm("Léa", "Blanc", "Mairie de Menton", "")
    with session_factory() as session:
        outcome = ops.admit_visitor(
            session, place, NOW, form=form, event_id=world.masterclass,  # agents only
            staff_id=world.staff, issuer=None,
        )  # fmt: skip
        assert not outcome.result.outcome.admitted
        assert outcome.print_job_id is None
        assert session.scalar(select(func.count(PrintJob.id))) == 0


def test_a_pass_without_the_issuing_key_carries_its_own_reference(
    session_factory: Factory, world: World
) -> None:
    with session_factory() as session:
        event = session.get(Event, world.table_ronde)
        assert event is not None
        info = event_info(session, event)
    nonce = "00" * 16
    assert ops.pass_qr_payload(None, info, world.vera, nonce) == "SCV." + "A" * 26
    signed = ops.pass_qr_payload(world.issuer, info, world.vera, nonce)
    assert world.verifier.verify(signed, NOW).event_id == world.table_ronde


def test_the_attendance_lands_whole_on_the_stick(
    session_factory: Factory, world: World, place: KioskPlace, tmp_path: Path
) -> None:
    with session_factory() as session:
        ops.check_in_person(
            session, place, NOW, person_id=world.alice, event_id=world.masterclass,
            staff_id=None,
        )  # fmt: skip
        stick = tmp_path / "stick"
        stick.mkdir()
        exported = ops.export_to(session, world.masterclass, stick, NOW)
    assert exported.path.parent == stick
    assert exported.path.name.endswith(f"-{world.masterclass}-masterclass-test.csv")
    assert list(stick.iterdir()) == [exported.path]  # no partial file left behind
    assert "Alice" in exported.path.read_text(encoding="utf-8")


def test_an_undo_takes_the_check_in_back(
    session_factory: Factory, world: World, place: KioskPlace
) -> None:
    with session_factory() as session:
        result = ops.check_in_person(
            session, place, NOW, person_id=world.alice, event_id=world.masterclass,
            staff_id=world.staff,
        )  # fmt: skip
        later = NOW + timedelta(seconds=20)
        assert ops.undo(session, place, later, checkin_id=result.checkin_id, staff_id=world.staff)
        present = session.scalar(
            select(func.count(Attendance.id)).where(Attendance.event_id == world.masterclass)
        )
    assert present == 0

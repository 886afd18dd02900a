"""Staff door mode helpers: counters, last scans, name search, visitors, passes, export."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker

from kiosk.checkin.door import (
    Roster,
    event_counters,
    export_attendance,
    last_scans,
    last_undoable,
    revoke_ticket,
    visitor_pass,
)
from kiosk.checkin.service import (
    BadgeIdentity,
    CheckinContext,
    PersonIdentity,
    check_in,
    register_walk_in,
    undo_checkin,
)
from kiosk.domain import CheckinOutcome, new_nonce
from kiosk.people import find_or_create_visitor
from kiosk.printing.layout import plain_text
from tests.helpers.checkin_world import NOW, World

type Factory = sessionmaker[Session]


def _door(factory: Factory, world: World, person: int, minutes: int = 0) -> None:
    ctx = CheckinContext(site_id=world.site, event_id=world.masterclass)
    with factory() as s:
        check_in(
            s,
            PersonIdentity(person, world.staff),
            ctx,
            world.kiosk,
            NOW + timedelta(minutes=minutes),
            new_nonce(),
        )


def test_counters_follow_check_ins_walk_ins_refusals_and_undo(
    world: World, session_factory: Factory
) -> None:
    _door(session_factory, world, world.alice)
    _door(session_factory, world, world.bob, 1)  # wrong event: refused
    with session_factory() as s:
        register_walk_in(s, world.dan, world.masterclass, world.kiosk, NOW, new_nonce())
        c = event_counters(s, world.masterclass)
    assert (c.present, c.registered, c.capacity, c.walk_ins, c.refused) == (2, 2, 3, 1, 1)
    with session_factory() as s:
        line = last_undoable(s, world.masterclass, world.kiosk)
        assert line is not None
        assert line.first_name == "Dan"
        assert undo_checkin(s, line.checkin_id, world.kiosk, NOW, new_nonce())
        assert event_counters(s, world.masterclass).present == 1
        scans = last_scans(s, world.masterclass)
    assert [(x.first_name, x.outcome, x.undone) for x in scans] == [
        ("Bob", CheckinOutcome.WRONG_EVENT, False),
        ("Dan", CheckinOutcome.OK, True),
        ("Alice", CheckinOutcome.OK, False),
    ]


def test_roster_search_is_accent_insensitive_and_ranks_word_starts_first(
    world: World, session_factory: Factory
) -> None:
    with session_factory() as s:
        everybody = Roster.for_event(s, world.masterclass, everybody=True)
        registered = Roster.for_event(s, world.masterclass)
    assert [m.first_name for m in everybody.search("lefevre")] == ["Dan"]
    assert [m.first_name for m in everybody.search("VERA roux")] == ["Véra"]
    assert [m.first_name for m in registered.search("mar")] == ["Alice"]
    assert everybody.search("   ") == []
    assert all(m.first_name != "Ivan" for m in everybody.search("moreau"))  # inactive
    assert len(registered) == 1


def test_visitor_is_found_again_by_email_or_by_name_and_organisation(
    world: World, session_factory: Factory
) -> None:
    with session_factory.begin() as s:
        same = find_or_create_visitor(
            s,
            first_name="vera",
            last_name="ROUX",
            organisation="Mairie de  Nice",
            email=None,
            now=NOW,
        )
        new = find_or_create_visitor(
            s, first_name="Léa", last_name="Blanc", organisation="Région", email="Lea@x.fr", now=NOW
        )
        again = find_or_create_visitor(
            s, first_name="L.", last_name="Blanc", organisation="Région", email="lea@x.fr ", now=NOW
        )
        with pytest.raises(ValueError, match="organisation"):
            find_or_create_visitor(
                s, first_name="A", last_name="B", organisation=" ", email=None, now=NOW
            )
    assert same == world.vera
    assert again == new != world.vera


def test_visitor_pass_has_name_organisation_event_date_and_qr(
    world: World, session_factory: Factory
) -> None:
    code = world.issuer.issue(
        event_id=world.table_ronde, person_id=world.vera, expires_at=NOW + timedelta(days=2)
    )
    with session_factory() as s:
        receipt = visitor_pass(
            s, world.vera, world.table_ronde, kiosk_name="Smart Room", now=NOW, qr_payload=code
        )
    text = plain_text(receipt, 42)
    for expected in (
        "Véra Roux",
        "Mairie de Nice",
        "table_ronde test",
        "21/05/2026",
        "10:00",
        "[QR]",
    ):
        assert expected in text
    assert receipt.qr_payload == code


def test_revoke_by_serial_or_code_is_idempotent(world: World, session_factory: Factory) -> None:
    code = world.issuer.issue(
        event_id=world.masterclass, person_id=world.alice, expires_at=NOW + timedelta(days=1)
    )
    serial = world.verifier.verify(code, NOW).serial
    with session_factory.begin() as s:
        assert revoke_ticket(s, serial.lower(), None, now=NOW) == serial
        assert revoke_ticket(s, code, world.verifier, now=NOW) == serial
        with pytest.raises(ValueError, match="neither"):
            revoke_ticket(s, "hello", None, now=NOW)
        with pytest.raises(ValueError, match="genuine"):
            revoke_ticket(s, code[:-3], world.verifier, now=NOW)


def test_export_lists_present_and_absent_with_method_time_and_kiosk(
    world: World, session_factory: Factory
) -> None:
    ctx = CheckinContext(site_id=world.site, event_id=world.formation)
    with session_factory() as s:
        check_in(s, PersonIdentity(world.carol), ctx, world.kiosk, NOW, new_nonce())
        register_walk_in(s, world.alice, world.masterclass, world.other_kiosk, NOW, new_nonce())
    out = io.StringIO()
    with session_factory() as s:
        counts = export_attendance(s, world.masterclass, out)
        check_in(
            s,
            BadgeIdentity(world.alice_badge),
            CheckinContext(site_id=world.site, event_id=world.masterclass),
            world.kiosk,
            NOW,
            new_nonce(),
        )
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert counts == {"present": 1, "absent": 0, "walk_ins": 1}
    assert rows == [
        {
            "status": "present",
            "last_name": "Martin",
            "first_name": "Alice",
            "kind": "agent",
            "matricule": "A000001",
            "organisation": "",
            "registration": "confirmed",
            "walk_in": "yes",
            "method": "walk_in",
            "checked_in_at": "2026-05-20 10:30:00",
            "kiosk": "Smart Room — porte 2",
        }
    ]
    out = io.StringIO()
    with session_factory() as s:
        assert export_attendance(s, world.workshop, out) == {
            "present": 0,
            "absent": 1,
            "walk_ins": 0,
        }
    assert "absent,Durand,Bob" in out.getvalue()

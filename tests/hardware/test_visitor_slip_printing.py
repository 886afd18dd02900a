"""A visitor's sign-up slip through the real print spool to a loopback ESC/POS printer, bytes
decoded: the reference in big print and as the QR code, which then opens the door."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker

from hardware.printer_links import EscposLink
from kiosk.checkin.service import CheckinContext, CodeIdentity, check_in
from kiosk.codes import reference_code
from kiosk.domain import CheckinOutcome, new_nonce
from kiosk.people import VisitorForm
from kiosk.ports import FixedClock
from kiosk.printing.spool import PrintSpool
from kiosk.signup.registration import SlipRequest, sign_up_visitor
from tests.hardware.test_collect_receipt_printing import send_next
from tests.helpers.checkin_world import NOW, build_world, paris
from tests.helpers.escpos_decode import decode
from tests.helpers.virtual_printer import VirtualPrinter

EARLY = NOW - timedelta(hours=3)


@pytest.fixture
def printer() -> Iterator[VirtualPrinter]:
    with VirtualPrinter() as p:
        yield p


def test_the_visitor_slip_prints_the_reference_and_its_qr_which_opens_the_door(
    session_factory: sessionmaker[Session], printer: VirtualPrinter
) -> None:
    world = build_world(session_factory)
    form = VisitorForm("Léa", "Blanc", "Mairie de Menton", "")
    with session_factory() as s:
        done = sign_up_visitor(
            s, form, world.table_ronde, EARLY, slip=SlipRequest(world.kiosk, "Smart Room — entrée")
        )
    escpos = EscposLink(printer.url + "?profile=TM-T88V", timeout=1.0)
    assert send_next(PrintSpool(session_factory), escpos, FixedClock(EARLY)).ok
    printed = decode(printer.wait_for_jobs(1)[0])
    rows = " | ".join(printed.texts)
    assert done.reference in rows
    assert "table_ronde test" in rows
    assert "présentez ce code QR" in rows
    assert printed.qr_payloads == [reference_code(done.reference)]
    assert printed.cuts == 1

    at_the_door = CheckinContext(site_id=world.site, event_id=world.table_ronde)
    with session_factory() as s:
        result = check_in(
            s,
            CodeIdentity(printed.qr_payloads[0]),
            at_the_door,
            world.other_kiosk,
            paris(1, 9, 50),
            new_nonce(),
        )
    assert result.outcome is CheckinOutcome.OK
    assert result.first_name == "Léa"

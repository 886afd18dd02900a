"""A request slip through the real print spool to a loopback ESC/POS printer, bytes decoded:
the request number in big print and as the QR code, the agent, the item, the note."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session, sessionmaker

from hardware.printer_links import EscposLink
from kiosk.collect.requests import NewRequest, record_request
from kiosk.ports import FixedClock
from kiosk.printing.spool import PrintSpool
from tests.hardware.test_collect_receipt_printing import send_next
from tests.helpers import collect as c
from tests.helpers.collect import NOW
from tests.helpers.escpos_decode import decode
from tests.helpers.virtual_printer import VirtualPrinter


@pytest.fixture
def printer() -> Iterator[VirtualPrinter]:
    with VirtualPrinter() as p:
        yield p


def test_the_slip_carries_the_request_number_as_text_and_qr(
    session_factory: sessionmaker[Session], printer: VirtualPrinter
) -> None:
    with session_factory.begin() as s:
        kiosk = c.kiosk(s, "Smart Store CADAM")
        who = c.agent(s)
        who.first_name, who.last_name = "Hélène", "Dupont"
        riser = c.item(s, name="Rehausseur d'écran")
        riser.stocked = False
        request = NewRequest(who.id, riser.id, 1, "Bureau 312", kiosk.id, uuid.uuid4().hex)
    placed = record_request(session_factory, request, NOW)
    escpos = EscposLink(printer.url + "?profile=TM-T88V", timeout=1.0)
    assert send_next(PrintSpool(session_factory), escpos, FixedClock(NOW)).ok
    printed = decode(printer.wait_for_jobs(1)[0])
    rows = " | ".join(printed.texts)
    assert "Demande de matériel" in printed.texts
    assert placed.reference in rows
    assert "Hélène DUPONT" in rows
    assert "1 x Rehausseur d'écran" in rows
    assert "Bureau 312" in rows
    assert printed.qr_payloads == [placed.reference]
    assert printed.cuts == 1

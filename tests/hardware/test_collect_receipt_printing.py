"""A pickup receipt through the real print spool to a loopback ESC/POS printer, bytes decoded.

The receipt is queued in the same transaction as the hand-over; a printer that is down
leaves the hand-over recorded and the job pending, and the retry prints it once paper is back.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from hardware.printer_links import EscposLink
from kiosk.collect.pickup import HandOverRequest, IdentifiedBy, PickupDone, record_pickup
from kiosk.collect.receipt import describe_pickup, nonce_of_receipt_code
from kiosk.collect.status import LineStatus
from kiosk.collect.tables import HandOver
from kiosk.ports import FixedClock, PrintResult
from kiosk.printing.spool import PrintSpool, failure_for, receipt_from_json
from kiosk.printing.states import PrintJobState
from tests.helpers import collect as c
from tests.helpers.collect import NOW
from tests.helpers.escpos_decode import decode
from tests.helpers.virtual_printer import PrinterState as Paper
from tests.helpers.virtual_printer import VirtualPrinter


@pytest.fixture
def printer() -> Iterator[VirtualPrinter]:
    with VirtualPrinter() as p:
        yield p


@pytest.fixture
def escpos(printer: VirtualPrinter) -> EscposLink:
    return EscposLink(printer.url + "?profile=TM-T88V", timeout=1.0)  # as the spooler's link


def pickup(sessions: sessionmaker[Session], *, signature: bytes | None = None) -> PickupDone:
    """Hélène collects a tracked screen and a headset at the Smart Store CADAM kiosk."""
    with sessions.begin() as s:
        kiosk = c.kiosk(s, "Smart Store CADAM")
        who = c.agent(s, matricule="A012345")
        who.first_name, who.last_name = "Hélène", "Dupont"
        screen = c.item(s, name='Écran 24"', tracked=True)
        headset = c.item(s, name="Casque Teams")
        order = c.order(
            s, who, [(screen, LineStatus.READY), (headset, LineStatus.READY)],
            reference="CC-2026-00042",
        )  # fmt: skip
        request = HandOverRequest(
            person_id=who.id,
            line_ids=tuple(line.id for line in order.lines),
            kiosk_id=kiosk.id,
            nonce=uuid.uuid4().hex,
            identified_by=IdentifiedBy.BADGE,
            signature=signature,
        )
    return record_pickup(sessions, request, NOW)


def send_next(spool: PrintSpool, printer: EscposLink, clock: FixedClock) -> PrintResult:
    """One spooler pass, as hardware/print_spooler does it: claim, print, settle."""
    claimed, _ = spool.claim_next("test", clock.now())
    assert claimed is not None
    spool.mark_transmitting(claimed.id, "test", clock.now())
    result = printer.print(receipt_from_json(claimed.receipt_json), lambda: None)
    if result.ok:
        spool.mark_printed(claimed.id, "test", clock.now())
    else:
        failure = failure_for(result.status.state)
        spool.reschedule(claimed.id, "test", clock.now(), failure, claimed.job.attempts)
    return result


def test_the_receipt_names_the_agent_the_lines_their_identifiers_the_kiosk_and_verifies(
    session_factory: sessionmaker[Session], printer: VirtualPrinter, escpos: EscposLink
) -> None:
    done = pickup(session_factory)
    spool = PrintSpool(session_factory)
    assert send_next(spool, escpos, FixedClock(NOW)).ok
    printed = decode(printer.wait_for_jobs(1)[0])
    rows = " | ".join(printed.texts)
    assert "Reçu de retrait" in printed.texts
    assert "Smart Store CADAM" in printed.texts
    assert "23/11/2026 14:05" in printed.texts  # NOW is 13:05 UTC: Paris time on paper
    assert "Hélène DUPONT" in rows
    assert "A012345" in rows
    assert "CC-2026-00042" in rows
    assert '1 x Écran 24"' in rows
    assert "1 x Casque Teams" in rows
    assert "CD06-00001" in rows  # asset tag and serial of the tracked screen only
    assert "SN00000001" in rows
    assert "confirmé à l'écran" in rows
    assert printed.cuts == 1
    # the QR on paper leads back to this very pickup
    (payload,) = printed.qr_payloads
    assert nonce_of_receipt_code(payload) == done.nonce
    with session_factory() as s:
        described = describe_pickup(s, done.nonce)
    assert described is not None
    assert "Smart Store CADAM" in described
    assert spool.get(done.print_job_id or 0).state is PrintJobState.PRINTED  # type: ignore[union-attr]


def test_printer_down_keeps_the_hand_over_and_the_receipt_prints_when_it_is_back(
    session_factory: sessionmaker[Session], printer: VirtualPrinter, escpos: EscposLink
) -> None:
    clock = FixedClock(NOW)
    printer.state = Paper.PAPER_OUT
    done = pickup(session_factory, signature=b"signed")
    spool = PrintSpool(session_factory)
    assert not send_next(spool, escpos, clock).ok
    with session_factory() as s:  # recorded, whatever the printer does
        assert s.scalar(select(func.count(HandOver.id))) == 2
    job = spool.get(done.print_job_id or 0)
    assert job is not None
    assert job.state is PrintJobState.PENDING
    assert job.last_error_code is not None  # what the pickup screen shows as "printer down"
    printer.state = Paper.OK
    clock.set(NOW + timedelta(minutes=2))  # past the spool's backoff
    assert send_next(spool, escpos, clock).ok
    printed = [decode(j) for j in printer.wait_for_jobs(1)]
    assert any("Reçu de retrait" in p.texts for p in printed)
    assert any("signé" in " | ".join(p.texts) for p in printed)
    assert spool.get(done.print_job_id or 0).state is PrintJobState.PRINTED  # type: ignore[union-attr]

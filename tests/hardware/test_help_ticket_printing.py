"""A help ticket through the real print spool to a loopback ESC/POS printer, bytes decoded.

The ticket is queued in the same transaction as the request; a printer that is down leaves
the ticket recorded and the job pending for a retry, which prints it once the paper is back.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from hardware.print_spooler import PrintSpooler
from hardware.printer_links import EscposLink
from kiosk.help.domain import HelpReason
from kiosk.help.queue import HelpDesk, IssuedTicket
from kiosk.help.tables import HelpRequest
from kiosk.ports import FixedClock, PrintResult, SystemClock
from kiosk.printing import spool as print_spool
from kiosk.printing.spool import PrintSpool, SpoolJob, failure_for, receipt_from_json
from kiosk.printing.states import PrintJobState
from tests.hardware.events import wait_until
from tests.helpers.escpos_decode import decode
from tests.helpers.help_desk import MORNING, store_kiosk
from tests.helpers.virtual_printer import PrinterState as Paper
from tests.helpers.virtual_printer import VirtualPrinter


@pytest.fixture
def printer() -> Iterator[VirtualPrinter]:
    with VirtualPrinter() as p:
        yield p


@pytest.fixture
def escpos(printer: VirtualPrinter) -> EscposLink:
    return EscposLink(printer.url + "?profile=TM-T88V", timeout=1.0)  # as the spooler's link


def issue(sessions: sessionmaker[Session], clock: FixedClock) -> IssuedTicket:
    with sessions.begin() as session:
        kiosk = store_kiosk(session, name="Smart Store CADAM")
    desk = HelpDesk(sessions, clock, kiosk.id, enqueue_print=print_spool.enqueue)
    desk.issue(HelpReason.MAIL)
    return desk.issue(HelpReason.MAIL, "Boîte pleine")


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


def test_the_ticket_prints_with_its_number_big(
    session_factory: sessionmaker[Session], printer: VirtualPrinter, escpos: EscposLink
) -> None:
    clock = FixedClock(MORNING)
    issued = issue(session_factory, clock)
    spool = PrintSpool(session_factory)
    jobs = [j for j in spool.jobs() if j.ref == issued.nonce]
    assert [(j.kind, j.id) for j in jobs] == [("help_ticket", issued.print_job_id)]
    send_next(spool, escpos, clock)  # M-001 first: the spool prints in order
    assert send_next(spool, escpos, clock).ok
    printed = decode(printer.wait_for_jobs(2)[1])
    assert "M-002" in printed.texts
    big = printed.lines[printed.texts.index("M-002")]
    assert (big.width, big.height, big.bold) == (4, 4, True)
    assert "Besoin d'aide ?" in printed.texts
    assert "Smart Store CADAM" in printed.texts
    assert "23/11/2026 10:00" in printed.texts  # Paris time
    rows = " | ".join(printed.texts)
    assert "Messagerie" in rows
    assert "environ 8 min" in rows  # one mail ahead, typical time: early in the day
    assert "Position" in rows
    assert printed.cuts == 1
    assert spool.get(issued.print_job_id or 0).state is PrintJobState.PRINTED  # type: ignore[union-attr]


def test_printer_down_keeps_the_ticket_and_the_spool_prints_it_when_it_is_back(
    session_factory: sessionmaker[Session], printer: VirtualPrinter, escpos: EscposLink
) -> None:
    clock = FixedClock(MORNING)
    printer.state = Paper.PAPER_OUT
    issued = issue(session_factory, clock)
    spool = PrintSpool(session_factory)
    first = send_next(spool, escpos, clock)
    assert not first.ok
    with session_factory() as session:  # the tickets are recorded whatever the printer does
        assert session.scalar(select(func.count(HelpRequest.id))) == 2
    job = spool.get(issued.print_job_id or 0)
    assert job is not None
    assert job.state is PrintJobState.PENDING
    printer.state = Paper.OK
    clock.set(MORNING + timedelta(minutes=2))  # past the spool's backoff
    assert send_next(spool, escpos, clock).ok
    assert send_next(spool, escpos, clock).ok
    texts = [decode(j).texts for j in printer.wait_for_jobs(3)]
    assert [t for t in texts if "M-002" in t]  # the retried ticket came out


def test_the_kiosks_spooler_thread_retries_the_ticket_until_the_paper_is_back(
    session_factory: sessionmaker[Session], printer: VirtualPrinter
) -> None:
    """The running kiosk's way: HelpDesk queues it, hardware.print_spooler prints it."""
    printer.state = Paper.PAPER_OUT
    with session_factory.begin() as session:
        kiosk = store_kiosk(session, name="Smart Store CADAM")
    desk = HelpDesk(session_factory, SystemClock(), kiosk.id, enqueue_print=print_spool.enqueue)
    spool = PrintSpool(session_factory)
    spooler = PrintSpooler(
        lambda: spool,
        EscposLink(printer.url + "?profile=TM-T88V", timeout=1),
        status_every_when_failing=0.1,
    )
    spooler.start()
    try:
        issued = desk.issue(HelpReason.HARDWARE, "Écran noir")
        job_id = issued.print_job_id or 0

        def job() -> SpoolJob:
            found = spool.get(job_id)
            assert found is not None
            return found

        wait_until(lambda: job().last_error_code is not None, timeout=10, what="a failed try")
        assert job().state is PrintJobState.PENDING  # kept for a retry, ticket recorded
        assert desk.queue()[0].ticket == "P-001"
        printer.state = Paper.OK
        wait_until(lambda: job().state is PrintJobState.PRINTED, timeout=20, what="printed")
    finally:
        spooler.stop()
    papers = [decode(p) for p in printer.printed()]
    tickets = [p for p in papers if "P-001" in p.texts]
    assert len(tickets) == 1  # exactly once, with its cut
    assert tickets[0].cuts == 1
    assert "Panne de matériel" in " ".join(tickets[0].texts)

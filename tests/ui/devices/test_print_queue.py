"""The print spool's section of the hardware screen, on the real spooler and the loopback printer.

The kiosk's database is a real SQLite file, the spooler prints through an ESC/POS link to the
loopback TCP printer, and what the printer received is decoded back.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from hardware.badge_simulator import SimulatedBadgeSource
from hardware.devices import Devices, SimulatedTicketPrinter
from hardware.print_spooler import PrintSpooler
from hardware.printer_links import EscposLink
from kiosk.ports import Receipt
from kiosk.printing.spool import Failure, SpoolJob, SpoolOpener, SpoolSummary, enqueue
from kiosk.printing.states import PrintJobState
from kiosk.printing.tables import PrintJob
from tests.helpers.escpos_decode import decode
from tests.helpers.virtual_printer import PrinterState as Paper
from tests.helpers.virtual_printer import VirtualPrinter
from tests.ui.conftest import NOW
from ui.devices.print_queue import JobRow, PrintQueueSection

WAIT_MS = 10_000  # generous: the machine is shared; a passing run takes a fraction of it


def tap(qtbot: QtBot, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def kiosk(make_shell: Any, sqlite_url: str, printer: VirtualPrinter, clock: Any) -> Any:
    """A kiosk printing through its spool on its own database to the loopback printer."""
    shell = make_shell(db_url=sqlite_url, printer=printer.url)
    shell.window.transition.duration_ms = 0
    bridge = shell.bridge
    opener = SpoolOpener(sqlite_url)
    spooler = PrintSpooler(
        opener,
        EscposLink(printer.url + "?profile=TM-T88V", timeout=0.5),
        clock=clock,
        on_job=bridge.on_print_job,
        on_status=bridge.on_printer_status,
        close_spool=opener.close,
        status_every_when_failing=0.1,
        kiosk_name="Smart Store",
    )  # as hardware.devices.build_printer builds it, polling a failing printer faster
    spooler.start()
    assert spooler.wait_ready(10)
    shell.attach_devices(Devices(SimulatedBadgeSource(), spooler))
    return shell


def open_section(shell: Any) -> PrintQueueSection:
    shell.router.go("admin")
    shell.router.go("hardware")
    section = shell.router.current.findChild(QWidget, "spoolSection")
    assert isinstance(section, PrintQueueSection)
    assert section.isVisible()
    return section


def shown_rows(section: PrintQueueSection) -> list[JobRow]:
    return [row for row in section.rows if row.isVisible()]


def sessions(shell: Any) -> sessionmaker[Session]:
    factory: sessionmaker[Session] = shell.database.session_factory()
    return factory


def queue_ticket(shell: Any, number: str, *, failed: Failure | None = None) -> int:
    """A help ticket queued as the help desk does; ``failed``: left failed (never pending)."""
    receipt = Receipt(title="Besoin d’aide\u202f?", kiosk="Smart Store", big_number=number)
    with sessions(shell)() as session:
        job_id = enqueue(session, receipt, kind="help_ticket", ref=number, now=NOW)
        if failed is not None:
            job = session.get_one(PrintJob, job_id)
            job.state, job.finished_at = PrintJobState.FAILED, NOW
            job.last_error_code, job.last_error = failed, f"technical detail of {failed}"
        session.commit()
    return job_id


def state_of(shell: Any, job_id: int) -> PrintJobState:
    with sessions(shell)() as session:
        return PrintJobState(session.scalar(select(PrintJob.state).where(PrintJob.id == job_id)))


def test_the_test_page_prints_and_the_section_says_when(
    qtbot: QtBot, kiosk: Any, printer: VirtualPrinter
) -> None:
    section = open_section(kiosk)
    qtbot.waitUntil(
        lambda: section.counts.text() == "Rien en attente\u202f: tout est imprimé", timeout=WAIT_MS
    )
    assert not section.feedback.isVisible()
    tap(qtbot, section.test_page)
    qtbot.waitUntil(
        lambda: section.feedback.text() == "Page de test imprimée à 14:27", timeout=WAIT_MS
    )
    (page,) = [decode(job) for job in printer.printed()]
    assert "Page de test" in page.texts
    assert any("é è ê à ç ô ù œ €" in text for text in page.texts)
    assert page.qr_payloads == ["SC.TEST.PAGE.2345"]
    assert page.cuts == 1
    assert shown_rows(section) == []
    kiosk.router.back()
    assert not section.feedback.text()  # the next visit starts afresh


def test_tickets_waiting_for_paper_are_listed_then_print_when_the_roll_is_back(
    qtbot: QtBot, kiosk: Any, printer: VirtualPrinter
) -> None:
    printer.state = Paper.PAPER_OUT
    section = open_section(kiosk)
    first, second = queue_ticket(kiosk, "M-041"), queue_ticket(kiosk, "M-042")
    qtbot.waitUntil(
        lambda: (
            [row.job_id for row in shown_rows(section)] == [first, second]
            and "plus de papier" in section.rows[0].detail.text()
        ),
        timeout=WAIT_MS,
    )
    head, behind = section.rows[:2]
    assert head.title.text() == "Ticket d’attente (Besoin d’aide\u202f?), demandé à 14:27"
    assert head.detail.text().startswith("Nouvel essai à ")
    assert "après 1 essai" in head.detail.text()
    assert behind.detail.text() == "En attente de l’imprimante"  # queued behind the first
    assert section.counts.text() == "2 tickets en attente"
    assert section.counts.property("level") == "warning"
    assert section.glyph.icon_name == "alert-triangle"
    for row in (head, behind):
        assert not row.retry.isVisible()  # nothing failed: it will print by itself
        assert row.cancel.isVisible()
    assert printer.printed() == []

    printer.state = Paper.OK
    qtbot.waitUntil(lambda: shown_rows(section) == [], timeout=WAIT_MS)
    assert section.counts.text() == "Rien en attente\u202f: tout est imprimé"
    numbers = [decode(job).texts for job in printer.printed()]
    assert len(numbers) == 2
    assert "M-041" in numbers[0]
    assert "M-042" in numbers[1]


def test_a_failed_ticket_is_reprinted_or_cancelled_from_its_row(
    qtbot: QtBot, kiosk: Any, printer: VirtualPrinter
) -> None:
    section = open_section(kiosk)
    reprint = queue_ticket(kiosk, "M-007", failed=Failure.INTERRUPTED)
    drop = queue_ticket(kiosk, "M-008", failed=Failure.EXPIRED)
    qtbot.waitUntil(lambda: len(shown_rows(section)) == 2, timeout=WAIT_MS)
    assert section.counts.text() == "2 non imprimés\u202f: à vous de décider"
    assert section.counts.property("level") == "error"
    assert section.glyph.icon_name == "alert-octagon"
    first, second = shown_rows(section)
    assert first.detail.text() == (
        "Non imprimé\u202f: peut-être imprimé, l’envoi a été coupé en cours\u202f; "
        "vérifiez si le ticket est sorti"
    )
    assert "pas imprimé à temps" in second.detail.text()
    assert first.retry.isVisible()
    assert second.retry.isVisible()

    tap(qtbot, first.retry)  # it may be on paper already: the first tap only asks
    assert first.retry.text() == "Oui, réimprimer"
    assert "peut-être déjà sorti" in first.detail.text()
    assert printer.printed() == []
    assert state_of(kiosk, reprint) is PrintJobState.FAILED
    tap(qtbot, first.retry)
    qtbot.waitUntil(lambda: [r.job_id for r in shown_rows(section)] == [drop], timeout=WAIT_MS)
    assert state_of(kiosk, reprint) is PrintJobState.PRINTED
    (printed,) = printer.printed()
    assert "M-007" in decode(printed).texts

    tap(qtbot, shown_rows(section)[0].cancel)
    qtbot.waitUntil(lambda: shown_rows(section) == [], timeout=WAIT_MS)
    assert state_of(kiosk, drop) is PrintJobState.CANCELLED
    assert len(printer.printed()) == 1


def test_a_job_being_sent_cannot_be_cancelled(qtbot: QtBot, kiosk: Any) -> None:
    section = open_section(kiosk)
    qtbot.waitUntil(lambda: section.summary is not None, timeout=WAIT_MS)  # the spool's answer
    at = datetime(2026, 11, 23, 13, 2).astimezone()
    sending = SpoolJob(
        id=99, nonce="n", kind="pickup_receipt", ref=None, kiosk_id=None,
        state=PrintJobState.SENDING, attempts=1, created_at=at, next_attempt_at=at,
        deadline_at=at, printed_at=None, last_error_code=None, last_error=None,
    )  # fmt: skip
    kiosk.bridge.on_print_jobs([sending], SpoolSummary(0, 1, 0, None))
    qtbot.waitUntil(lambda: len(shown_rows(section)) == 1, timeout=WAIT_MS)
    (row,) = shown_rows(section)
    assert row.title.text() == "Reçu de retrait, demandé à 13:02"
    assert row.detail.text() == "Impression en cours"
    assert not row.cancel.isVisible()
    assert not row.retry.isVisible()


def test_without_a_spool_the_section_says_so(qtbot: QtBot, make_shell: Any) -> None:
    shell = make_shell()
    shell.window.transition.duration_ms = 0
    section = open_section(shell)  # devices not attached yet
    assert section.counts.text() == "File d’impression indisponible pour le moment"
    assert not section.test_page.isEnabled()
    shell.attach_devices(Devices(SimulatedBadgeSource(), SimulatedTicketPrinter()))
    section.ask()
    assert section.counts.text() == "File d’impression indisponible pour le moment"


def test_the_oldest_jobs_are_listed_and_the_others_counted(qtbot: QtBot, kiosk: Any) -> None:
    section = open_section(kiosk)
    qtbot.waitUntil(lambda: section.summary is not None, timeout=WAIT_MS)  # the spool's answer
    at = datetime(2026, 11, 23, 13, 2).astimezone()
    jobs = [
        SpoolJob(
            id=n, nonce=f"n{n}", kind="help_ticket", ref=None, kiosk_id=None,
            state=PrintJobState.PENDING, attempts=0, created_at=at, next_attempt_at=at,
            deadline_at=at, printed_at=None, last_error_code=None, last_error=None,
        )
        for n in range(1, 11)
    ]  # fmt: skip
    kiosk.bridge.on_print_jobs(jobs, SpoolSummary(10, 0, 0, at))
    qtbot.waitUntil(lambda: section.more.isVisible(), timeout=WAIT_MS)
    assert [row.job_id for row in shown_rows(section)] == list(range(1, 9))
    assert section.more.text() == "… et 2 autre(s), plus récent(s)"
    assert section.counts.text() == "10 tickets en attente"


def test_the_spool_stores_codes_and_the_section_words_each_one(
    qtbot: QtBot, make_shell: Any
) -> None:
    """The spool keeps a stable code and the printer's technical detail (English, for the
    log); what a person reads comes from the code, and the detail never reaches the screen."""
    shell = make_shell()
    shell.window.transition.duration_ms = 0
    section = open_section(shell)
    at = datetime(2026, 11, 23, 13, 2).astimezone()
    technical = "printer unreachable: tcp://10.0.0.9:9100 (timed out)"

    def shown_for(code: Failure | None) -> str:
        failed = SpoolJob(
            id=1, nonce="n", kind="help_ticket", ref=None, kiosk_id=None,
            state=PrintJobState.FAILED, attempts=1, created_at=at, next_attempt_at=at,
            deadline_at=at, printed_at=None, last_error_code=code, last_error=technical,
        )  # fmt: skip
        shell.bridge.on_print_jobs([failed], SpoolSummary(0, 0, 1, None))
        qtbot.waitUntil(lambda: [r.job for r in shown_rows(section)] == [failed], timeout=WAIT_MS)
        return shown_rows(section)[0].detail.text()

    wordings = {code: shown_for(code) for code in Failure}
    assert len(set(wordings.values())) == len(Failure)  # one wording per code
    assert all(text.startswith("Non imprimé\u202f: ") for text in wordings.values())
    assert wordings[Failure.PAPER_OUT] == "Non imprimé\u202f: plus de papier"
    # a code this kiosk does not know (written by a newer one): no technical text on screen
    assert shown_for(None) == "Non imprimé\u202f: raison inconnue"
    assert not any(technical in text for text in wordings.values())

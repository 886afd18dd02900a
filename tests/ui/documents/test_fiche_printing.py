""" "Imprimer la fiche" end to end: the kiosk's own print spooler sends the fiche to a loopback
ESC/POS printer, whose bytes are decoded: title, summary, QR code of the public link."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from hardware.devices import build_devices
from kiosk.documents.tables import DocumentView
from kiosk.ports import FixedClock
from kiosk.printing.tables import PrintJob
from tests.helpers.escpos_decode import decode
from tests.helpers.virtual_printer import PrinterState as Paper
from tests.helpers.virtual_printer import VirtualPrinter
from tests.ui.documents.conftest import GUIDE_PAGES, wait_ready

LINK = "https://intranet.departement06.fr/kiosque/hameconnage"


@pytest.fixture
def clock() -> FixedClock:
    """The spooler runs on the real clock: a job queued "in the future" would wait."""
    return FixedClock(datetime.now(UTC))


@pytest.fixture
def printer() -> Iterator[VirtualPrinter]:
    with VirtualPrinter() as server:
        yield server


def test_the_fiche_prints_its_title_summary_and_the_qr_of_the_public_link(
    qtbot, documents_shell, printer: VirtualPrinter
) -> None:
    shell = documents_shell(printer=printer.url + "?profile=TM-T88V",
                            documents_url="https://intranet.departement06.fr/kiosque/")  # fmt: skip
    bridge = shell.bridge
    shell.attach_devices(build_devices(shell.settings, on_print_job=bridge.on_print_job,
                                       on_printer_status=bridge.on_printer_status))  # fmt: skip
    screen = shell.router.current
    wait_ready(qtbot, screen)
    screen.open_document(screen.browse.latest.model().hit(0), "latest")
    qtbot.waitUntil(lambda: screen.reader.pdf.page_count == GUIDE_PAGES)
    take_away = screen.reader.take_away
    assert take_away.qr.payload == LINK
    assert take_away.print.isVisible()

    take_away.print.click()
    assert not take_away.print.isEnabled()  # one fiche per tap
    qtbot.waitUntil(lambda: take_away.status.text() == "Fiche imprimée.", timeout=10_000)
    assert take_away.print.isEnabled()
    assert not screen.holds_session()

    (paper,) = [decode(job) for job in printer.printed()]
    words = " ".join(paper.texts)
    assert "Se protéger de l'hameçonnage" in words  # big type: on two lines
    assert "Reconnaître un courriel piégé." in words
    assert paper.qr_payloads == [LINK]
    assert any(t.startswith("Pages") and t.endswith(str(GUIDE_PAGES)) for t in paper.texts)
    assert paper.cuts == 1
    with shell.database.session_factory()() as s:
        (job,) = s.scalars(select(PrintJob)).all()
        assert (job.kind, job.ref) == ("document_fiche", "hameconnage")
        sources = sorted(v.source for v in s.scalars(select(DocumentView)))
        assert sources == ["fiche", "latest"]


def test_while_the_printer_is_out_of_paper_the_kiosk_is_not_reset(
    qtbot, documents_shell, printer: VirtualPrinter
) -> None:
    printer.state = Paper.PAPER_OUT
    shell = documents_shell(printer=printer.url + "?profile=TM-T88V")
    bridge = shell.bridge
    shell.attach_devices(build_devices(shell.settings, on_print_job=bridge.on_print_job,
                                       on_printer_status=bridge.on_printer_status))  # fmt: skip
    screen = shell.router.current
    wait_ready(qtbot, screen)
    screen.open_document(screen.browse.latest.model().hit(0), "latest")
    qtbot.waitUntil(lambda: screen.reader.document is not None)
    screen.reader.take_away.print.click()
    qtbot.waitUntil(lambda: screen._print_job is not None)
    assert screen.holds_session()  # the idle reset waits for the fiche
    assert printer.printed() == []
    printer.state = Paper.OK
    qtbot.waitUntil(lambda: screen.reader.take_away.status.text() == "Fiche imprimée.",
                    timeout=15_000)  # fmt: skip
    assert not screen.holds_session()
    assert len(printer.printed()) == 1

"""The print spooler against the loopback ESC/POS printer, with the spool on a real SQLite file.

The bytes the printer received are decoded back and asserted; waits are on the spooler's
job callbacks with deadlines, never sleeps.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from hardware.print_spooler import PrintSpooler
from hardware.printer_links import EscposLink, SimulatedLink
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.ports import PrinterState, PrinterStatus, PrintResult, Receipt, ReceiptLine
from kiosk.printing.spool import Failure, PrintSpool, SpoolJob, SpoolOpener, enqueue
from kiosk.printing.states import PrintJobState
from kiosk.printing.tables import PrintJob
from tests.hardware.events import Recorder, wait_until
from tests.helpers.escpos_decode import decode
from tests.helpers.serial_printer import PtyPrinter
from tests.helpers.virtual_printer import PrinterState as Paper
from tests.helpers.virtual_printer import VirtualPrinter

ROOT = Path(__file__).resolve().parents[2]
WAIT = 10.0  # seconds: generous, the machine is shared; a passing run takes milliseconds
CODE = "SCA.GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ.ABCDEFGHIJKLMNOP"
ACCENTS = "Élève très à l’aise, garçon, œuvre : 12 €"

RECEIPT = Receipt(
    title="Retrait Click & Collect",
    kiosk="Smart Store — accueil",
    lines=(ReceiptLine("Matériel", "Écran 24 pouces"), ReceiptLine("Reçu par", "Françoise")),
    qr_payload=CODE,
    footer=(ACCENTS,),
)


def numbered(n: int) -> Receipt:
    return Receipt(title=f"Ticket {n}", kiosk="Smart Store", big_number=f"M-{n:03d}")


def queue(sessions: sessionmaker[Session], *receipts: Receipt, kind: str = "pickup") -> list[int]:
    with sessions() as s:
        ids = [enqueue(s, r, kind=kind, ref=f"R-{i}") for i, r in enumerate(receipts)]
        s.commit()
    return ids


def fast_spool(sessions: sessionmaker[Session]) -> PrintSpool:
    return PrintSpool(
        sessions, backoff_first=timedelta(milliseconds=50), backoff_cap=timedelta(seconds=0.2)
    )


class Rig:
    """A started spooler and what it reported."""

    def __init__(self, spooler: PrintSpooler, spool: PrintSpool) -> None:
        self.spooler = spooler
        self.spool = spool
        self.jobs: Recorder[SpoolJob] = Recorder()
        self.statuses: Recorder[PrinterStatus] = Recorder()
        self.threads: set[str] = set()

    def on_job(self, job: SpoolJob) -> None:
        self.threads.add(threading.current_thread().name)
        self.jobs(job)

    def wait_state(self, job_id: int, state: PrintJobState, **match: Any) -> SpoolJob:
        return self.jobs.wait_for(
            lambda j: (
                j.id == job_id
                and j.state is state
                and all(getattr(j, k) == v for k, v in match.items())
            ),
            timeout=WAIT,
        )

    def printed(self, job_id: int) -> SpoolJob:
        return self.wait_state(job_id, PrintJobState.PRINTED)


@pytest.fixture
def make_rig(session_factory: sessionmaker[Session]) -> Iterator[Callable[..., Rig]]:
    made: list[Rig] = []

    def make(link: Any, *, sessions: sessionmaker[Session] | None = None, **kwargs: Any) -> Rig:
        spool = fast_spool(sessions or session_factory)
        rig = Rig(PrintSpooler(lambda: spool, link, status_every_when_failing=0.1, **kwargs), spool)
        rig.spooler.on_job = rig.on_job
        rig.spooler.on_status = rig.statuses
        made.append(rig)
        rig.spooler.start()
        assert rig.spooler.wait_ready(WAIT)
        return rig

    yield make
    for rig in made:
        rig.spooler.stop()
        assert not rig.spooler.thread.is_alive()


def tcp(
    printer: VirtualPrinter, profile: str | None = "TM-T88V", timeout: float = 0.5
) -> EscposLink:
    suffix = f"?profile={profile}" if profile else ""
    return EscposLink(printer.url + suffix, timeout=timeout)


def states_in_db(sessions: sessionmaker[Session]) -> dict[int, PrintJobState]:
    with sessions() as s:
        return {job_id: state for job_id, state in s.execute(select(PrintJob.id, PrintJob.state))}


# --- what comes out on paper -----------------------------------------------------------------


def test_a_queued_receipt_prints_with_french_accents_native_qr_and_a_cut(
    printer: VirtualPrinter, make_rig, session_factory: sessionmaker[Session]
) -> None:
    rig = make_rig(tcp(printer))
    (job_id,) = queue(session_factory, RECEIPT)
    done = rig.printed(job_id)
    assert done.attempts == 1
    assert done.printed_at is not None
    (paper,) = [decode(job) for job in printer.wait_for_printed(1)]
    assert paper.codepages == ["cp1252"]
    assert ACCENTS in paper.texts
    assert any(t.startswith("Matériel ") and t.endswith(" Écran 24 pouces") for t in paper.texts)
    assert any(t.startswith("Reçu par ") and t.endswith(" Françoise") for t in paper.texts)
    for letter in "éèàçœ€":
        assert letter in "".join(paper.texts)
    assert paper.qr_payloads == [CODE]  # GS ( k: the TM-T88V draws it
    assert paper.images == []
    assert paper.cuts == 1
    assert paper.unknown == []
    assert rig.threads == {"print-spooler"}  # callbacks come from the spooler's thread


def test_a_printer_without_native_qr_gets_an_image_that_reads_back(
    printer: VirtualPrinter, make_rig, session_factory: sessionmaker[Session]
) -> None:
    rig = make_rig(tcp(printer, profile="ZJ-5870"))  # 58 mm, no GS ( k in its profile
    (job_id,) = queue(session_factory, RECEIPT)
    rig.printed(job_id)
    (paper,) = [decode(job) for job in printer.wait_for_printed(1)]
    assert paper.qr_payloads == []
    (image,) = paper.images
    (code,) = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert code.text == CODE
    assert "".join(paper.texts).count("€") == 1


def test_receipts_come_out_in_queue_order(
    printer: VirtualPrinter, make_rig, session_factory: sessionmaker[Session]
) -> None:
    rig = make_rig(tcp(printer))
    ids = queue(session_factory, *(numbered(n) for n in range(5)))
    for job_id in ids:
        rig.printed(job_id)
    titles = [decode(job).texts[3] for job in printer.wait_for_printed(5)]
    assert titles == [f"Ticket {n}" for n in range(5)]


# --- printer trouble ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("trouble", "failure", "words"),
    [
        (Paper.OFFLINE, Failure.OFFLINE, "reports itself offline"),
        (Paper.PAPER_OUT, Failure.PAPER_OUT, "out of paper"),
        (Paper.SILENT, Failure.SILENT, "did not answer"),
    ],
)
def test_a_printer_in_trouble_then_back_prints_the_job_exactly_once(
    printer: VirtualPrinter,
    make_rig,
    session_factory: sessionmaker[Session],
    trouble: Paper,
    failure: Failure,
    words: str,
) -> None:
    printer.state = trouble
    rig = make_rig(tcp(printer, timeout=0.3))
    (job_id,) = queue(session_factory, RECEIPT)
    waiting = rig.jobs.wait_for(
        lambda j: j.id == job_id and j.state is PrintJobState.PENDING and j.attempts >= 2,
        timeout=WAIT,
    )
    assert waiting.last_error_code is failure
    assert waiting.last_error is not None
    assert words in waiting.last_error
    assert printer.printed() == []  # nothing but status queries reached it
    status = rig.statuses.wait_for(lambda s: not s.can_print, timeout=WAIT)
    assert status.state is PrinterState(failure.value)  # silence is not taken for paper ok
    printer.state = Paper.OK  # paper refilled, cover closed, printer answering again
    done = rig.printed(job_id)
    assert done.last_error is None
    rig.statuses.wait_for(lambda s: s.can_print, timeout=WAIT)
    rig.spooler.stop()
    assert len(printer.wait_for_printed(1)) == 1
    assert states_in_db(session_factory) == {job_id: PrintJobState.PRINTED}


def test_near_end_of_paper_still_prints(
    printer: VirtualPrinter, make_rig, session_factory: sessionmaker[Session]
) -> None:
    printer.state = Paper.NEAR_END
    rig = make_rig(tcp(printer))
    (job_id,) = queue(session_factory, RECEIPT)
    rig.printed(job_id)
    assert rig.spooler.status == PrinterStatus(PrinterState.PAPER_LOW, "paper roll near its end")


def test_a_refused_connection_keeps_the_job_waiting(
    make_rig, session_factory: sessionmaker[Session]
) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens there once closed
    rig = make_rig(EscposLink(f"tcp://127.0.0.1:{port}", timeout=0.3))
    (job_id,) = queue(session_factory, RECEIPT)
    waiting = rig.jobs.wait_for(
        lambda j: j.id == job_id and j.state is PrintJobState.PENDING and j.attempts >= 2,
        timeout=WAIT,
    )
    assert waiting.last_error_code is Failure.UNREACHABLE
    status = rig.statuses.wait_for(lambda _s: True, timeout=WAIT)
    assert status.state is PrinterState.UNREACHABLE
    assert "refused" in status.detail.lower()


def test_stop_returns_quickly_even_when_the_printer_hangs(
    printer: VirtualPrinter, make_rig, session_factory: sessionmaker[Session]
) -> None:
    rig = make_rig(tcp(printer, timeout=30))
    rig.statuses.wait_for(lambda s: s.can_print, timeout=WAIT)
    printer.state = Paper.SILENT  # the job's status query now blocks for 30 s
    (job_id,) = queue(session_factory, RECEIPT)
    rig.wait_state(job_id, PrintJobState.SENDING)
    rig.spooler.stop()  # interrupts the blocked socket
    assert not rig.spooler.thread.is_alive()
    # the attempt never transmitted: back in the queue, not counted
    with session_factory() as s:
        job = s.get_one(PrintJob, job_id)
        assert (job.state, job.attempts) == (PrintJobState.PENDING, 0)


# --- durability --------------------------------------------------------------------------------


def test_jobs_left_pending_print_after_a_restart_once_each(
    printer: VirtualPrinter, make_rig, session_factory: sessionmaker[Session], sqlite_url: str
) -> None:
    printer.state = Paper.OFFLINE
    first = make_rig(tcp(printer, timeout=0.3))
    ids = queue(session_factory, *(numbered(n) for n in range(3)))
    first.jobs.wait_for(lambda j: j.id == ids[0] and j.attempts >= 1, timeout=WAIT)
    first.spooler.stop()
    printer.state = Paper.OK

    # a new process would open its own engine on the same file: so does the second spooler
    engine = create_db_engine(sqlite_url)
    try:
        second = make_rig(tcp(printer), sessions=make_session_factory(engine))
        for job_id in ids:
            second.printed(job_id)
        second.spooler.stop()
    finally:
        engine.dispose()
    titles = [decode(job).texts[3] for job in printer.wait_for_printed(3)]
    assert titles == ["Ticket 0", "Ticket 1", "Ticket 2"]
    assert set(states_in_db(session_factory).values()) == {PrintJobState.PRINTED}


_CHILD = textwrap.dedent("""
    import signal, sys, threading
    from hardware.print_spooler import PrintSpooler
    from kiosk.printing.spool import SpoolOpener
    from hardware.printer_links import EscposLink
    opener = SpoolOpener(sys.argv[1])
    spooler = PrintSpooler(opener, EscposLink(sys.argv[2], timeout=2))
    spooler.start()
    print("started", flush=True)
    threading.Event().wait()
""")


@pytest.mark.slow
def test_kill_9_in_the_middle_of_a_queue_loses_no_job_and_prints_none_twice(
    session_factory: sessionmaker[Session], sqlite_url: str, engine: Engine
) -> None:
    with VirtualPrinter(answer_delay=0.02) as printer:  # ~40 ms per receipt
        ids = queue(session_factory, *(numbered(n) for n in range(40)))
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, sqlite_url, printer.url + "?profile=TM-T88V"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:

            def printed_in_db() -> int:
                with session_factory() as s:
                    return int(
                        s.scalar(
                            select(func.count(PrintJob.id)).where(
                                PrintJob.state == PrintJobState.PRINTED
                            )
                        )
                        or 0
                    )

            wait_until(lambda: printed_in_db() >= 10, timeout=60, what="10 printed jobs")
        finally:
            child.send_signal(signal.SIGKILL)
            _, err = child.communicate(timeout=10)
        assert child.returncode == -signal.SIGKILL, err.decode()
        printed_before = printed_in_db()
        assert printed_before < len(ids), "the child printed everything before the kill"

        # the kiosk starts again: a new spooler on the same database file
        opener = SpoolOpener(sqlite_url)
        finished: Recorder[SpoolJob] = Recorder()
        spooler = PrintSpooler(opener, EscposLink(printer.url + "?profile=TM-T88V", timeout=2))
        spooler.on_job = finished
        spooler.start()
        try:
            wait_until(
                lambda: all(
                    state in (PrintJobState.PRINTED, PrintJobState.FAILED)
                    for state in states_in_db(session_factory).values()
                ),
                timeout=60,
                what="every job settled",
            )
        finally:
            spooler.stop()
            opener.close()

        states = states_in_db(session_factory)
        assert sorted(states) == ids  # no job lost
        failed = [job_id for job_id, state in states.items() if state is PrintJobState.FAILED]
        assert len(failed) <= 1  # at most the one caught mid-transmission
        with session_factory() as s:
            for job_id in failed:
                assert s.get_one(PrintJob, job_id).last_error_code == Failure.INTERRUPTED
        # on paper: every job recorded as printed came out exactly once, with its cut
        complete = [decode(job) for job in printer.printed()]
        titles = [paper.texts[3] for paper in complete if paper.cuts == 1]
        assert len(titles) == len(set(titles)), "a receipt came out twice"
        expected = {
            f"Ticket {n}" for n, job_id in enumerate(ids) if states[job_id] is PrintJobState.PRINTED
        }
        assert expected <= set(titles)


# --- the kiosk's side -----------------------------------------------------------------------------


def test_a_commit_in_this_process_wakes_the_spooler_at_once(
    printer: VirtualPrinter, make_rig, session_factory: sessionmaker[Session]
) -> None:
    rig = make_rig(tcp(printer), status_every_when_ok=3600)  # idle: it would sleep an hour
    rig.statuses.wait_for(lambda s: s.can_print, timeout=WAIT)
    (job_id,) = queue(session_factory, RECEIPT)
    rig.printed(job_id)


def test_cancel_and_retry_from_the_admin_screen(
    printer: VirtualPrinter, make_rig, session_factory: sessionmaker[Session]
) -> None:
    printer.state = Paper.PAPER_OUT
    rig = make_rig(tcp(printer, timeout=0.3))
    keep, drop = queue(session_factory, numbered(1), numbered(2))
    rig.jobs.wait_for(lambda j: j.id == keep and j.attempts >= 1, timeout=WAIT)
    rig.spooler.cancel(drop)
    rig.wait_state(drop, PrintJobState.CANCELLED)
    listed: Recorder[tuple[list[SpoolJob], Any]] = Recorder()
    rig.spooler.request_jobs(lambda jobs, summary: listed((jobs, summary)))
    jobs, summary = listed.wait_for(lambda _x: True, timeout=WAIT)
    assert [j.id for j in jobs] == [keep]
    assert summary.pending + summary.sending == 1
    printer.state = Paper.OK
    rig.printed(keep)
    assert [decode(job).texts[3] for job in printer.wait_for_printed(1)] == ["Ticket 1"]


def test_an_interrupted_job_is_reprinted_only_when_someone_asks(
    printer: VirtualPrinter, make_rig, session_factory: sessionmaker[Session]
) -> None:
    (job_id,) = queue(session_factory, RECEIPT)
    with session_factory() as s:  # what a crash mid-transmission leaves behind
        job = s.get_one(PrintJob, job_id)
        job.state, job.claimed_by, job.attempts = PrintJobState.SENDING, "dead-kiosk", 1
        job.claimed_at = job.transmit_started_at = job.created_at
        s.commit()
    rig = make_rig(tcp(printer))
    failed = rig.wait_state(job_id, PrintJobState.FAILED)
    assert failed.last_error_code is Failure.INTERRUPTED
    assert failed.last_error is not None
    assert "may have printed" in failed.last_error
    rig.statuses.wait_for(lambda s: s.can_print, timeout=WAIT)
    assert printer.printed() == []
    rig.spooler.retry(job_id)
    rig.printed(job_id)
    assert len(printer.wait_for_printed(1)) == 1


def test_the_test_page_and_a_direct_receipt_report_back_once(
    printer: VirtualPrinter, make_rig
) -> None:
    rig = make_rig(tcp(printer), kiosk_name="Smart Room — hall")
    done: Recorder[PrintResult] = Recorder()
    rig.spooler.print_test_page(done)
    rig.spooler.print_receipt(numbered(7), done)
    done.wait_for(lambda _r: len(done.items) == 2, timeout=WAIT)
    assert all(r.ok and r.bytes_sent > 0 for r in done.items)
    page, receipt = (decode(job) for job in printer.wait_for_printed(2))
    assert "Page de test" in page.texts
    assert "Smart Room — hall" in page.texts
    assert any("é è ê à ç ô ù œ €" in t for t in page.texts)
    assert page.qr_payloads == ["SC.TEST.PAGE.2345"]
    assert receipt.texts[3] == "Ticket 7"
    kinds = {j.kind for j in rig.jobs.items}
    assert kinds == {"test_page", "receipt"}


def test_the_simulated_printer_hands_each_ticket_to_the_preview(
    make_rig, session_factory: sessionmaker[Session]
) -> None:
    shown: Recorder[tuple[Receipt, bytes]] = Recorder()
    rig = make_rig(SimulatedLink(lambda receipt, data: shown((receipt, data))))
    (job_id,) = queue(session_factory, RECEIPT)
    rig.printed(job_id)
    receipt, data = shown.wait_for(lambda _x: True, timeout=WAIT)
    assert receipt == RECEIPT
    assert decode(data).qr_payloads == [CODE]


def test_the_composition_root_builds_a_spooler_on_the_kiosk_database(
    session_factory: sessionmaker[Session], sqlite_url: str
) -> None:
    from hardware.devices import build_devices
    from kiosk.settings import Settings

    shown: Recorder[Receipt] = Recorder()
    jobs: Recorder[SpoolJob] = Recorder()
    settings = Settings(printer="none", db_url=sqlite_url)
    devices = build_devices(settings, lambda r, _d: shown(r), on_print_job=jobs)
    try:
        assert devices.printer_simulated
        assert devices.spooler is not None
        assert devices.spooler.wait_ready(WAIT)
        queue(session_factory, RECEIPT)
        assert shown.wait_for(lambda _r: True, timeout=WAIT) == RECEIPT
        jobs.wait_for(lambda j: j.state is PrintJobState.PRINTED, timeout=WAIT)
    finally:
        devices.stop()


def test_the_kiosks_spooler_prints_its_own_jobs_not_another_kiosks(
    session_factory: sessionmaker[Session], sqlite_url: str
) -> None:
    """Kiosks sharing one database: ui.app.run passes this kiosk's id to build_devices."""
    from hardware.devices import build_devices
    from kiosk.settings import Settings
    from tests.kiosk.printing.test_spool import kiosk_row

    with session_factory() as s:
        mine, other = kiosk_row(s, "K-MINE"), kiosk_row(s, "K-OTHER")
        s.commit()
    shown: Recorder[Receipt] = Recorder()
    jobs: Recorder[SpoolJob] = Recorder()
    devices = build_devices(
        Settings(printer="none", db_url=sqlite_url),
        lambda r, _d: shown(r),
        on_print_job=jobs,
        kiosk_id=mine,
    )
    try:
        assert devices.spooler is not None
        assert devices.spooler.wait_ready(WAIT)
        with session_factory() as s:
            theirs = enqueue(s, numbered(1), kind="help_ticket", kiosk_id=other)
            ours = enqueue(s, numbered(2), kind="help_ticket", kiosk_id=mine)
            s.commit()
        jobs.wait_for(lambda j: j.id == ours and j.state is PrintJobState.PRINTED, timeout=WAIT)
        devices.spooler.print_test_page()
        jobs.wait_for(lambda j: j.kind == "test_page" and j.state is PrintJobState.PRINTED,
                      timeout=WAIT)  # fmt: skip
    finally:
        devices.stop()
    assert [r.big_number for r in shown.items] == ["M-002", "0123"]
    assert states_in_db(session_factory)[theirs] is PrintJobState.PENDING
    with session_factory() as s:
        page = s.scalars(select(PrintJob).where(PrintJob.kind == "test_page")).one()
        assert page.kiosk_id == mine


class CablePulledLink(EscposLink):
    """A serial printer whose cable is pulled just as a receipt starts going out."""

    def __init__(self, url: str, pull: Callable[[], None]) -> None:
        super().__init__(url, timeout=1)
        self.pull = pull
        self.armed = True

    def print(self, receipt: Receipt, before_write: Callable[[], None]) -> PrintResult:
        def then_pull() -> None:
            before_write()
            if self.armed:
                self.armed = False
                self.pull()

        return super().print(receipt, then_pull)


@pytest.mark.skipif(not PtyPrinter.available(), reason="needs socat")
def test_a_cable_pulled_mid_job_ends_may_have_printed_and_prints_once_when_asked(
    make_rig, session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    with VirtualPrinter() as printer, PtyPrinter(printer, tmp_path) as pty:
        rig = make_rig(CablePulledLink(pty.url, pty.pull))
        (job_id,) = queue(session_factory, RECEIPT)
        failed = rig.wait_state(job_id, PrintJobState.FAILED)
        assert failed.last_error_code is Failure.INTERRUPTED  # never resent on its own
        assert failed.last_error is not None
        assert "may have printed" in failed.last_error
        assert failed.attempts == 1
        pty.plug()  # the cable is back; a person checked the paper and asks for a copy
        rig.spooler.retry(job_id)
        rig.printed(job_id)
        stream = printer.wait_for_stream(lambda data: b"\x1dV" in data)
        assert stream.count(b"\x1dV") == 1  # printed exactly once


def test_a_spool_that_cannot_be_opened_is_tried_again_at_its_pace_whatever_wakes_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Jobs committed and statuses asked for wake the spooler; while its spool cannot be
    opened they must not make it try again (and log a traceback) as fast as they come."""
    import hardware.print_spooler as module

    monkeypatch.setattr(module, "DB_RETRY", 0.2)
    attempts: list[float] = []

    def broken() -> PrintSpool:
        attempts.append(0.0)
        raise RuntimeError("the tables failed to configure")

    spooler = PrintSpooler(broken, SimulatedLink())
    spooler.start()
    try:
        stop = threading.Event()

        def keep_waking() -> None:
            while not stop.is_set():
                spooler.wake()
                stop.wait(0.001)

        waker = threading.Thread(target=keep_waking)
        waker.start()
        stop.wait(1.0)
        stop.set()
        waker.join()
    finally:
        spooler.stop()
    assert 1 <= len(attempts) <= 8  # about one every 0.2 s, not thousands

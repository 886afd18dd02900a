"""The print spooler: one thread prints the durable spool's jobs in order, each at most once.

It claims the oldest due job (:class:`kiosk.printing.spool.PrintSpool`), asks the printer how it
is, records that transmission starts, sends the bytes and records that the job printed.
When the printer is offline, out of paper, silent or unreachable, the job goes back to the
queue with a capped exponential backoff; the printer's status is polled meanwhile (every
few seconds while it cannot print, every half-minute when it can) and the moment it comes
back the waiting jobs are due again. See :mod:`kiosk.printing.spool` for what happens to a job
caught by a crash.

Nothing here touches Qt: job and printer changes go to plain callbacks, called from this
thread, which the ui bridge re-emits as queued signals. Every printer call is bounded by the
link's timeout, and database work is a few short transactions per job.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import socket
import threading
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from hardware.printer_links import PrinterLink
from kiosk.ports import (
    Clock,
    PrinterState,
    PrinterStatus,
    PrintResult,
    Receipt,
    ReceiptLine,
    SystemClock,
)
from kiosk.printing.spool import (
    Failure,
    LostClaim,
    PrintSpool,
    SpoolError,
    SpoolJob,
    SpoolSummary,
    failure_for,
    receipt_from_json,
)
from kiosk.printing.states import PrintJobState

log = logging.getLogger(__name__)

OnJob = Callable[[SpoolJob], None]
OnStatus = Callable[[PrinterStatus], None]
OnJobs = Callable[[list[SpoolJob], SpoolSummary], None]

STATUS_EVERY_WHEN_OK = 30.0  # seconds between status polls while the printer can print
STATUS_EVERY_WHEN_FAILING = 5.0  # ... while it cannot: notice quickly that it is back
DB_RETRY = 2.0  # seconds before trying the database again after an error
STALE_CLAIM = timedelta(minutes=5)  # a 'sending' job older than this lost its spooler
STALE_SWEEP_EVERY = 60.0
FINAL_STATES = frozenset({PrintJobState.PRINTED, PrintJobState.FAILED, PrintJobState.CANCELLED})


class _Stopping(Exception):
    """The spooler is stopping: do not start transmitting."""


def _ignore(_value: object) -> None:
    return None


def _worker_name() -> str:
    return f"{socket.gethostname()[:18]}-{uuid.uuid4().hex[:12]}"


class PrintSpooler:
    """Prints queued jobs on a thread of its own; also a :class:`kiosk.ports.TicketPrinter`.

    ``open_spool`` is called on the spooler's thread (opening the database may migrate it)
    and retried until it works. Commands from other threads (:meth:`retry`, :meth:`cancel`,
    :meth:`request_jobs`...) run on the spooler's thread between two jobs.
    """

    def __init__(
        self,
        open_spool: Callable[[], PrintSpool],
        link: PrinterLink,
        *,
        clock: Clock | None = None,
        on_job: OnJob = _ignore,
        on_status: OnStatus = _ignore,
        close_spool: Callable[[], None] | None = None,
        status_every_when_ok: float = STATUS_EVERY_WHEN_OK,
        status_every_when_failing: float = STATUS_EVERY_WHEN_FAILING,
        kiosk_name: str = "Smart Corner",
    ) -> None:
        self.link = link
        self.worker = _worker_name()
        self.kiosk_name = kiosk_name
        self.on_job = on_job
        self.on_status = on_status
        self._open_spool = open_spool
        self._close_spool = close_spool
        self._clock = clock or SystemClock()
        self._every_ok = status_every_when_ok
        self._every_failing = status_every_when_failing
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._ready = threading.Event()
        self._commands: queue.SimpleQueue[Callable[[PrintSpool], None]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._status_waiters: list[OnStatus] = []
        self._status_requested = True
        self._status: PrinterStatus | None = None
        self._next_status_at = 0.0
        self._next_sweep_at = time.monotonic() + STALE_SWEEP_EVERY
        self._on_done: dict[int, Callable[[PrintResult], None]] = {}
        self._unrecorded: list[tuple[int, datetime, int]] = []  # printed, not yet recorded
        self._bytes_sent: dict[int, int] = {}
        self._unsubscribe: Callable[[], None] | None = None
        self._thread = threading.Thread(target=self._run, name="print-spooler", daemon=True)

    # --- from any thread ----------------------------------------------------------------------

    @property
    def thread(self) -> threading.Thread:
        return self._thread

    @property
    def status(self) -> PrinterStatus | None:
        """The last status seen (None before the first poll)."""
        return self._status

    def start(self) -> None:
        from kiosk.printing.spool import subscribe

        self._unsubscribe = subscribe(self.wake)  # jobs committed in this process: at once
        self._thread.start()

    def wait_ready(self, timeout: float) -> bool:
        """True once the spool is open and jobs left by a previous run are settled."""
        return self._ready.wait(timeout)

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        """Stop within about a second; a job mid-transmission is cut off and retried later."""
        if self._unsubscribe is not None:
            self._unsubscribe()
        self._stopping.set()
        self._wake.set()
        self.link.interrupt()
        if self._thread.is_alive():
            self._thread.join(timeout=2)
            if self._thread.is_alive():
                log.error("the print spooler did not stop within 2 s")
        if self._close_spool is not None:
            self._close_spool()

    def request_status(self, on_status: OnStatus) -> None:
        with self._lock:
            self._status_waiters.append(on_status)
            self._status_requested = True
        self._wake.set()

    def print_receipt(self, receipt: Receipt, on_done: Callable[[PrintResult], None]) -> None:
        """Queue ``receipt`` durably; ``on_done`` once it printed, failed or was cancelled."""
        self._queue_receipt(receipt, "receipt", None, on_done)

    def print_test_page(self, on_done: Callable[[PrintResult], None] = _ignore) -> None:
        page = test_page_receipt(self.kiosk_name, self._clock.now(), self.link.description)
        self._queue_receipt(page, "test_page", None, on_done)

    def retry(self, job_id: int) -> None:
        """A failed job goes back to the queue (reported through ``on_job``)."""
        self._command(lambda spool: self._report(spool.retry(job_id, self._clock.now())))

    def cancel(self, job_id: int) -> None:
        """Drop a job that has not started transmitting (reported through ``on_job``)."""
        self._command(lambda spool: self._report(spool.cancel(job_id, self._clock.now())))

    def request_jobs(self, on_jobs: OnJobs) -> None:
        """The open jobs (pending, sending, failed) and the counts, from the spooler thread."""
        self._command(lambda spool: self._call(on_jobs, spool.jobs(), spool.summary()))

    # --- on the spooler thread ----------------------------------------------------------------

    def _queue_receipt(
        self,
        receipt: Receipt,
        kind: str,
        ref: str | None,
        on_done: Callable[[PrintResult], None],
    ) -> None:
        def add(spool: PrintSpool) -> None:
            job_id = spool.add(receipt, kind=kind, ref=ref, now=self._clock.now())
            self._on_done[job_id] = on_done
            self._report(spool.get(job_id))

        self._command(add)

    def _command(self, command: Callable[[PrintSpool], None]) -> None:
        self._commands.put(command)
        self._wake.set()

    def _run(self) -> None:
        spool = self._open()
        if spool is None:
            return
        while not self._stopping.is_set():
            self._wake.clear()
            timeout = DB_RETRY
            try:
                self._record_unrecorded(spool)
                self._run_commands(spool)
                self._poll_status(spool)
                self._sweep_stale(spool)
                if not self._stopping.is_set() and self._print_next(spool):
                    continue
                timeout = self._idle_timeout(spool)
            except Exception:
                log.exception("print spooler: database or printer error; trying again shortly")
                self._stopping.wait(DB_RETRY)  # at its pace, not each wake's (see _open)
                continue
            self._wake.wait(timeout)
        self._fail_pending_commands()

    def _open(self) -> PrintSpool | None:
        while not self._stopping.is_set():
            try:
                spool = self._open_spool()
                for job in spool.recover_interrupted(self._clock.now()):
                    log.warning("print job %d left %s by the previous run", job.id, job.state)
                    self._report(job)
            except Exception as exc:
                if getattr(exc, "fault", None) is not None:  # storage fault, named at start-up
                    log.error("print spooler: cannot open the spool (%s); trying again", exc)
                else:
                    log.exception("print spooler: cannot open the spool; trying again")
                # At its own pace, whatever wakes the spooler meanwhile (jobs committed,
                # statuses asked for): waiting on the wake, a spool that could not be opened was
                # tried again as fast as they came, its traceback logged each time (186 MB in
                # three minutes on a kiosk whose tables had failed to configure).
                self._stopping.wait(DB_RETRY)
                continue
            self._ready.set()
            return spool
        return None

    def _run_commands(self, spool: PrintSpool) -> None:
        while True:
            try:
                command = self._commands.get_nowait()
            except queue.Empty:
                return
            try:
                command(spool)
            except Exception:
                log.exception("print spooler command failed")

    def _fail_pending_commands(self) -> None:
        """Commands arriving once stopped still get their answer where they expect one."""
        stopped = PrintResult(False, PrinterStatus(PrinterState.UNKNOWN, "spooler stopped"))
        for on_done in self._on_done.values():
            self._call(on_done, stopped)
        self._on_done.clear()
        with self._lock:
            waiters, self._status_waiters = self._status_waiters, []
        for waiter in waiters:
            self._call(waiter, PrinterStatus(PrinterState.UNKNOWN, "spooler stopped"))

    def _idle_timeout(self, spool: PrintSpool) -> float:
        wait = max(0.0, self._next_status_at - time.monotonic())
        if self._unrecorded:
            wait = min(wait, DB_RETRY)
        due = spool.next_due()
        if due is not None:
            wait = min(wait, max(0.0, (due - self._clock.now()).total_seconds()))
        return max(wait, 0.01)

    # -- printer status

    def _poll_status(self, spool: PrintSpool) -> None:
        with self._lock:
            requested, self._status_requested = self._status_requested, False
        if not requested and time.monotonic() < self._next_status_at:
            return
        status = self.link.status()
        self._set_status(spool, status)
        with self._lock:
            waiters, self._status_waiters = self._status_waiters, []
        for waiter in waiters:
            self._call(waiter, status)

    def _set_status(self, spool: PrintSpool, status: PrinterStatus) -> None:
        before, self._status = self._status, status
        every = self._every_ok if status.can_print else self._every_failing
        self._next_status_at = time.monotonic() + every
        if before != status:
            log.info("printer %s: %s %s", self.link.description, status.state, status.detail)
            self._call(self.on_status, status)
        back = status.can_print and (before is None or not before.can_print)
        if back and (waiting := spool.expedite(self._clock.now())):
            log.info("printer ready again: %d waiting job(s) due now", waiting)

    # -- jobs

    def _print_next(self, spool: PrintSpool) -> bool:
        claimed, expired = spool.claim_next(self.worker, self._clock.now())
        for gone in expired:
            log.warning("print job %d (%s) expired: %s", gone.id, gone.kind, gone.last_error)
            self._report(gone)
        if claimed is None:
            return False
        self._report(claimed.job)
        job_id = claimed.id
        try:
            receipt = receipt_from_json(claimed.receipt_json)
        except SpoolError:
            log.exception("print job %d cannot be decoded", job_id)
            self._report(spool.fail(job_id, self.worker, self._clock.now(), Failure.UNREADABLE))
            return True
        transmitting = False

        def before_write() -> None:
            nonlocal transmitting
            if self._stopping.is_set():
                raise _Stopping
            spool.mark_transmitting(job_id, self.worker, self._clock.now())
            transmitting = True

        try:
            result = self.link.print(receipt, before_write)
        except LostClaim:
            log.info("print job %d was cancelled before it was sent", job_id)
            self._report(spool.get(job_id))
            return True
        except _Stopping:
            self._report(spool.release(job_id, self.worker))
            return True
        except Exception:
            log.exception("print job %d: unexpected error", job_id)
            with contextlib.suppress(LostClaim):
                self._report(spool.fail(job_id, self.worker, self._clock.now(), Failure.ERROR))
            return True
        now = self._clock.now()
        if result.ok:
            kind, sent = claimed.job.kind, result.bytes_sent
            log.info("print job %d (%s) printed, %d bytes", job_id, kind, sent)
            self._unrecorded.append((job_id, now, result.bytes_sent))
            self._record_unrecorded(spool)
            self._set_status(spool, result.status)
            return True
        if self._stopping.is_set() and not transmitting:
            self._report(spool.release(job_id, self.worker))
            return True
        if transmitting:
            # Cut off mid-write (a pulled cable, a printer switched off): part of the receipt,
            # or all of it, may be on paper. Never sent again on its own: a person decides.
            log.warning("print job %d cut off while sending: may have printed", job_id)
            with contextlib.suppress(LostClaim):
                detail = f"cut off while transmitting: may have printed ({result.status.detail})"
                self._report(spool.fail(job_id, self.worker, now, Failure.INTERRUPTED, detail))
            self._set_status(spool, result.status)
            return True
        # Not transmitted: it goes back to the queue.
        failure = failure_for(result.status.state)
        log.warning(
            "print job %d attempt %d failed: %s", job_id, claimed.job.attempts, result.status.detail
        )
        job: SpoolJob | None
        try:
            job = spool.reschedule(
                job_id, self.worker, now, failure, claimed.job.attempts, result.status.detail
            )
        except LostClaim:
            job = spool.get(job_id)  # cancelled meanwhile
        self._report(job)
        self._set_status(spool, result.status)
        return True

    def _record_unrecorded(self, spool: PrintSpool) -> None:
        """Record printed jobs; a database hiccup must not get a printed job sent again."""
        while self._unrecorded:
            job_id, at, sent = self._unrecorded[0]
            try:
                job = spool.mark_printed(job_id, self.worker, at)
                self._bytes_sent[job_id] = sent
            except LostClaim:
                log.error("print job %d printed but was settled by someone else", job_id)
                job = None
            self._unrecorded.pop(0)
            if job is not None:
                self._report(job)

    def _sweep_stale(self, spool: PrintSpool) -> None:
        if time.monotonic() < self._next_sweep_at or self._unrecorded:
            return
        self._next_sweep_at = time.monotonic() + STALE_SWEEP_EVERY
        now = self._clock.now()
        for job in spool.recover_interrupted(now, claimed_before=now - STALE_CLAIM):
            log.warning("print job %d abandoned by its spooler: now %s", job.id, job.state)
            self._report(job)

    def _report(self, job: SpoolJob | None) -> None:
        if job is None:
            return
        self._call(self.on_job, job)
        if job.state not in FINAL_STATES:
            return
        sent = self._bytes_sent.pop(job.id, 0)
        on_done = self._on_done.pop(job.id, None)
        if on_done is None:
            return
        if job.state is PrintJobState.PRINTED:
            result = PrintResult(True, self._status or PrinterStatus(PrinterState.READY), sent)
        else:
            state = self._status.state if self._status else PrinterState.UNKNOWN
            detail = job.last_error or str(job.last_error_code or job.state)
            result = PrintResult(False, PrinterStatus(state, detail))
        self._call(on_done, result)

    @staticmethod
    def _call[*Ts](callback: Callable[[*Ts], None], *args: *Ts) -> None:
        try:
            callback(*args)
        except Exception:
            log.exception("print spooler callback %r failed", callback)


def test_page_receipt(kiosk_name: str, now: datetime, printer: str) -> Receipt:
    """The admin's "Imprimer une page de test": accents, a big number, a QR code and a cut."""
    return Receipt(
        title="Page de test",
        kiosk=kiosk_name,
        lines=(
            ReceiptLine("Imprimante", printer),
            ReceiptLine("Accents", "é è ê à ç ô ù œ €"),
            ReceiptLine("Guillemets", "« l’été à Noël »"),
        ),
        big_number="0123",
        qr_payload="SC.TEST.PAGE.2345",
        footer=("Si ce ticket est lisible et coupé, l’imprimante est prête.",),
        printed_at=now,
    )

"""The durable print spool: receipts are written to the database before they are sent.

Domain code queues a receipt with :func:`enqueue` in the same transaction as the record it
belongs to (a check-in, a hand-over, a help ticket): either both exist or neither. The
spooler thread (:mod:`hardware.print_spooler`) then works through :class:`PrintSpool`:

- :meth:`PrintSpool.claim_next` takes the oldest pending job of this kiosk if it is due,
  with a compare-and-set ``UPDATE ... WHERE state = 'pending'``: two spoolers sharing a
  PostgreSQL database cannot both win it (the loser's UPDATE matches no row);
- :meth:`PrintSpool.mark_transmitting` is committed just before the first byte leaves;
- :meth:`PrintSpool.mark_printed` once the printer took every byte;
- :meth:`PrintSpool.reschedule` puts it back with an exponential, capped backoff when the
  printer is offline, out of paper, silent or unreachable.

Jobs are printed in the order they were queued: while the oldest one waits for its next
attempt, the others wait behind it (a printer problem is never a single job's problem).

After a crash, :meth:`PrintSpool.recover_interrupted` looks at jobs left ``sending``: one that
never started transmitting is simply sent again; one caught mid-transmission may have come
out of the printer, complete or not, and is **never resent on its own**. It goes to
``failed`` with a code saying so (:attr:`Failure.INTERRUPTED`), and a person chooses
"Réimprimer" or "Annuler" on the hardware screen. For a receipt that is the safest choice:
a second copy of a ticket carrying a signed code is a second ticket in someone's hand, while
a missing one is noticed at once by the person standing at the kiosk, and the admin screen
shows it with one tap to reprint.

A job that is not printed by its deadline (10 minutes by default) fails instead of coming
out hours later to an empty kiosk.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Final
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Engine, event, func, select, true, update
from sqlalchemy.orm import Session

from kiosk.db.engine import begin_as_writer
from kiosk.domain import new_nonce
from kiosk.ports import PrinterState, Receipt, ReceiptLine
from kiosk.printing.states import PrintJobState
from kiosk.printing.tables import PrintJob

if TYPE_CHECKING:
    from sqlalchemy.orm import sessionmaker

DEFAULT_MAX_WAIT: Final = timedelta(minutes=10)
BACKOFF_FIRST: Final = timedelta(seconds=2)
BACKOFF_CAP: Final = timedelta(seconds=60)
RECEIPT_FORMAT: Final = 1
_KIND = re.compile(r"[a-z][a-z0-9_]{0,31}")

OPEN_STATES: Final = (PrintJobState.PENDING, PrintJobState.SENDING, PrintJobState.FAILED)


class Failure(enum.StrEnum):
    """Why the last attempt did not print: a stable code, stored in ``print_job.last_error_code``.

    ui/ words it for the people at the kiosk, in their language; ``print_job.last_error``
    only keeps the technical detail (the printer adapter's own words, in English) for the
    log and support.
    """

    PAPER_OUT = "paper_out"
    OFFLINE = "offline"
    UNREACHABLE = "unreachable"
    SILENT = "silent"
    NOT_CONFIGURED = "not_configured"
    INTERRUPTED = "interrupted"  # stopped while being transmitted (kiosk or link): may have printed
    EXPIRED = "expired"  # not printed before its deadline
    UNREADABLE = "unreadable"  # the stored receipt cannot be decoded: cannot ever print
    ERROR = "error"  # an unexpected error in the kiosk software


_FAILURE_OF_STATE: Final = {
    PrinterState.PAPER_OUT: Failure.PAPER_OUT,
    PrinterState.OFFLINE: Failure.OFFLINE,
    PrinterState.UNREACHABLE: Failure.UNREACHABLE,
    PrinterState.SILENT: Failure.SILENT,
    PrinterState.NOT_CONFIGURED: Failure.NOT_CONFIGURED,
}


def failure_for(state: PrinterState) -> Failure:
    """The spool's failure code for a printer that could not print in ``state``."""
    return _FAILURE_OF_STATE.get(state, Failure.ERROR)


_FAILURE_CODES: Final = frozenset(f.value for f in Failure)


class SpoolError(ValueError):
    """A job cannot be queued as asked (bad kind, receipt that cannot be stored...)."""


# --- receipts as JSON -----------------------------------------------------------------------


def receipt_to_json(receipt: Receipt) -> str:
    """``receipt`` as JSON text that :func:`receipt_from_json` turns back into an equal one.

    Datetimes keep their naivety or their offset; a ``ZoneInfo`` zone is kept by name.
    """
    doc: dict[str, Any] = {
        "format": RECEIPT_FORMAT,
        "title": receipt.title,
        "kiosk": receipt.kiosk,
        "lines": [[line.label, line.value] for line in receipt.lines],
        "big_number": receipt.big_number,
        "qr_payload": receipt.qr_payload,
        "footer": list(receipt.footer),
        "printed_at": None,
        "organisation": receipt.organisation,
        "cut": receipt.cut,
    }
    if receipt.printed_at is not None:
        doc["printed_at"] = receipt.printed_at.isoformat()
        zone = receipt.printed_at.tzinfo
        if isinstance(zone, ZoneInfo):
            doc["printed_at_zone"] = zone.key
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def receipt_from_json(text: str) -> Receipt:
    """The receipt stored by :func:`receipt_to_json`; ``SpoolError`` if it is not one."""
    try:
        doc = json.loads(text)
        if not isinstance(doc, dict) or doc.get("format") != RECEIPT_FORMAT:
            raise SpoolError(f"not a receipt of format {RECEIPT_FORMAT}")
        printed_at = None
        if doc["printed_at"] is not None:
            printed_at = datetime.fromisoformat(_str(doc["printed_at"]))
            if "printed_at_zone" in doc:
                printed_at = printed_at.astimezone(ZoneInfo(_str(doc["printed_at_zone"])))
        return Receipt(
            title=_str(doc["title"]),
            kiosk=_str(doc["kiosk"]),
            lines=tuple(ReceiptLine(_str(label), _str(value)) for label, value in doc["lines"]),
            big_number=_opt_str(doc["big_number"]),
            qr_payload=_opt_str(doc["qr_payload"]),
            footer=tuple(_str(text) for text in doc["footer"]),
            printed_at=printed_at,
            organisation=_str(doc["organisation"]),
            cut=bool(doc["cut"]),
        )
    except SpoolError:
        raise
    except (ValueError, KeyError, TypeError) as exc:
        raise SpoolError(f"unreadable receipt: {type(exc).__name__}: {exc}") from exc


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value


def _opt_str(value: object) -> str | None:
    return None if value is None else _str(value)


# --- queueing, in the caller's transaction -----------------------------------------------------

_QUEUED_KEY: Final = "smartcorner.print_jobs_queued"
_listeners: list[Callable[[], None]] = []


def enqueue(
    session: Session,
    receipt: Receipt,
    *,
    kind: str,
    ref: str | None = None,
    kiosk_id: int | None = None,
    now: datetime | None = None,
    max_wait: timedelta = DEFAULT_MAX_WAIT,
) -> int:
    """Queue ``receipt`` in ``session``'s transaction; returns the job id (not yet committed).

    ``kind`` says what it is (``help_ticket``, ``checkin_pass``, ``pickup_receipt``...), ``ref``
    which record it belongs to. Nothing prints before the caller commits; a rollback drops
    the job with the rest. Spoolers in this process are woken by the commit.
    """
    if not _KIND.fullmatch(kind):
        raise SpoolError(f"kind {kind!r}: expected lower-case letters, digits and _ (max 32)")
    if ref is not None and not 0 < len(ref) <= 64:
        raise SpoolError(f"ref {ref!r}: expected 1 to 64 characters")
    if max_wait <= timedelta(0):
        raise SpoolError(f"max_wait must be positive, not {max_wait}")
    at = _aware(now)
    job = PrintJob(
        nonce=new_nonce(),
        kiosk_id=kiosk_id,
        kind=kind,
        ref=ref,
        receipt=receipt_to_json(receipt),
        state=PrintJobState.PENDING,
        attempts=0,
        created_at=at,
        next_attempt_at=at,
        deadline_at=at + max_wait,
    )
    session.add(job)
    session.flush()
    session.info[_QUEUED_KEY] = True
    return job.id


def subscribe(on_queued: Callable[[], None]) -> Callable[[], None]:
    """Call ``on_queued()`` after each commit that queued a job; returns the unsubscriber.

    It runs on the committing thread: it should only wake something up.
    """
    _listeners.append(on_queued)
    return lambda: _listeners.remove(on_queued) if on_queued in _listeners else None


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    if session.info.pop(_QUEUED_KEY, False):
        for listener in list(_listeners):
            listener()


@event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session: Session, _previous: Any) -> None:
    session.info.pop(_QUEUED_KEY, None)


def _aware(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None or now.utcoffset() is None:
        raise SpoolError(f"naive datetime {now!r}: the spool needs aware datetimes")
    return now


def backoff(
    attempts: int, first: timedelta = BACKOFF_FIRST, cap: timedelta = BACKOFF_CAP
) -> timedelta:
    """The wait after the ``attempts``-th failed attempt: 2 s, 4 s, 8 s... at most 60 s."""
    if attempts < 1:
        return timedelta(0)
    delay: timedelta = first * 2 ** min(attempts - 1, 16)
    return min(delay, cap)


# --- what the spooler and the admin screen see ---------------------------------------------


@dataclass(frozen=True)
class SpoolJob:
    """A snapshot of one job (no receipt): for callbacks, lists and the self-test."""

    id: int
    nonce: str
    kind: str
    ref: str | None
    kiosk_id: int | None
    state: PrintJobState
    attempts: int
    created_at: datetime
    next_attempt_at: datetime
    deadline_at: datetime
    printed_at: datetime | None
    last_error_code: Failure | None
    last_error: str | None

    @classmethod
    def of(cls, job: PrintJob) -> SpoolJob:
        code = job.last_error_code
        return cls(
            id=job.id,
            nonce=job.nonce,
            kind=job.kind,
            ref=job.ref,
            kiosk_id=job.kiosk_id,
            state=PrintJobState(job.state),
            attempts=job.attempts,
            created_at=job.created_at,
            next_attempt_at=job.next_attempt_at,
            deadline_at=job.deadline_at,
            printed_at=job.printed_at,
            last_error_code=Failure(code) if code in _FAILURE_CODES else None,
            last_error=job.last_error,
        )


@dataclass(frozen=True)
class ClaimedJob:
    """A job this spooler won: only it may transmit it, until it reports how it went."""

    job: SpoolJob
    receipt_json: str

    @property
    def id(self) -> int:
        return self.job.id


@dataclass(frozen=True)
class SpoolSummary:
    pending: int
    sending: int
    failed: int
    oldest_pending_at: datetime | None

    @property
    def backlog(self) -> int:
        return self.pending + self.sending


class LostClaim(RuntimeError):
    """The job is no longer this spooler's to send (cancelled, or recovered by another)."""


class PrintSpool:
    """Spool operations for one kiosk (``kiosk_id``), each in a short transaction of its own.

    ``kiosk_id=None`` serves every job in the database: a single kiosk on its own SQLite
    file. Kiosks sharing a PostgreSQL database each pass their own id, so a receipt comes
    out of the printer of the kiosk where it was asked for.
    """

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        kiosk_id: int | None = None,
        max_wait: timedelta = DEFAULT_MAX_WAIT,
        backoff_first: timedelta = BACKOFF_FIRST,
        backoff_cap: timedelta = BACKOFF_CAP,
    ) -> None:
        self._sessions = sessions
        self.kiosk_id = kiosk_id
        self.max_wait = max_wait  # for jobs a person sends back to the queue
        self.backoff_first = backoff_first
        self.backoff_cap = backoff_cap

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """A transaction that writes: on SQLite it takes the write lock at BEGIN."""
        with self._sessions() as session:
            begin_as_writer(session)
            yield session
            session.commit()

    def _scope(self) -> ColumnElement[bool]:
        return true() if self.kiosk_id is None else PrintJob.kiosk_id == self.kiosk_id

    def add(self, receipt: Receipt, *, kind: str, ref: str | None, now: datetime) -> int:
        """Queue a receipt in a transaction of its own (a test page, a reprint)."""
        with self._sessions() as s:
            job_id = enqueue(
                s, receipt, kind=kind, ref=ref, kiosk_id=self.kiosk_id, now=now,
                max_wait=self.max_wait,
            )  # fmt: skip
            s.commit()
        return job_id

    # -- the spooler's side ------------------------------------------------------------------

    def claim_next(self, worker: str, now: datetime) -> tuple[ClaimedJob | None, list[SpoolJob]]:
        """Win the oldest pending job if it is due; also fail the jobs past their deadline.

        Returns the claimed job (or None) and the jobs that just expired.
        """
        with self._write() as s:
            expired = self._expire(s, now)
            for _ in range(8):  # a racing spooler took our candidate: look again
                head = s.scalars(
                    select(PrintJob)
                    .where(PrintJob.state == PrintJobState.PENDING, self._scope())
                    .order_by(PrintJob.id)
                    .limit(1)
                ).first()
                if head is None or head.next_attempt_at > now:
                    return None, expired
                won = s.execute(
                    update(PrintJob)
                    .where(PrintJob.id == head.id, PrintJob.state == PrintJobState.PENDING)
                    .values(
                        state=PrintJobState.SENDING,
                        claimed_by=worker,
                        claimed_at=now,
                        transmit_started_at=None,
                        attempts=PrintJob.attempts + 1,
                    )
                    .execution_options(synchronize_session=False)
                )
                s.expire(head)
                if _rowcount(won) == 1:
                    s.refresh(head)
                    return ClaimedJob(SpoolJob.of(head), head.receipt), expired
            return None, expired

    def _expire(self, s: Session, now: datetime) -> list[SpoolJob]:
        overdue = s.scalars(
            select(PrintJob).where(
                PrintJob.state == PrintJobState.PENDING,
                PrintJob.deadline_at <= now,
                self._scope(),
            )
        ).all()
        expired = []
        for job in overdue:
            before = f"; last failure: {job.last_error_code}" if job.last_error_code else ""
            detail = f" ({job.last_error})" if job.last_error_code and job.last_error else ""
            done = s.execute(
                update(PrintJob)
                .where(PrintJob.id == job.id, PrintJob.state == PrintJobState.PENDING)
                .values(
                    state=PrintJobState.FAILED,
                    finished_at=now,
                    last_error_code=Failure.EXPIRED,
                    last_error=f"not printed before its deadline{before}{detail}",
                )
                .execution_options(synchronize_session=False)
            )
            s.expire(job)
            if _rowcount(done) == 1:
                s.refresh(job)
                expired.append(SpoolJob.of(job))
        return expired

    def next_due(self) -> datetime | None:
        """When the head of the queue is due (None: nothing pending)."""
        with self._sessions() as s:
            head = s.execute(
                select(PrintJob.next_attempt_at, PrintJob.deadline_at)
                .where(PrintJob.state == PrintJobState.PENDING, self._scope())
                .order_by(PrintJob.id)
                .limit(1)
            ).first()
        return None if head is None else min(head[0], head[1])

    def mark_transmitting(self, job_id: int, worker: str, now: datetime) -> None:
        """Committed just before the first byte leaves; ``LostClaim`` if it is not ours."""
        self._update_claimed(job_id, worker, transmit_started_at=now)

    def mark_printed(self, job_id: int, worker: str, now: datetime) -> SpoolJob:
        return self._update_claimed(
            job_id,
            worker,
            state=PrintJobState.PRINTED,
            printed_at=now,
            finished_at=now,
            claimed_by=None,
            last_error_code=None,
            last_error=None,
        )

    def reschedule(
        self,
        job_id: int,
        worker: str,
        now: datetime,
        failure: Failure,
        attempts: int,
        detail: str | None = None,
    ) -> SpoolJob:
        """Back to pending after a failed attempt, due again after the backoff.

        The next attempt is never later than the deadline, where the job expires. ``detail``:
        the printer's own technical words, kept for the log and support.
        """
        with self._sessions() as s:
            deadline = s.scalar(select(PrintJob.deadline_at).where(PrintJob.id == job_id))
        due = now + backoff(attempts, self.backoff_first, self.backoff_cap)
        return self._update_claimed(
            job_id,
            worker,
            state=PrintJobState.PENDING,
            claimed_by=None,
            transmit_started_at=None,
            next_attempt_at=min(due, deadline) if deadline is not None else due,
            last_error_code=failure,
            last_error=detail or None,
        )

    def fail(
        self, job_id: int, worker: str, now: datetime, failure: Failure, detail: str | None = None
    ) -> SpoolJob:
        """Stop a job that can never print as it is; a person decides what to do."""
        return self._update_claimed(
            job_id,
            worker,
            state=PrintJobState.FAILED,
            claimed_by=None,
            finished_at=now,
            last_error_code=failure,
            last_error=detail or None,
        )

    def release(self, job_id: int, worker: str) -> SpoolJob:
        """Give back a claimed job that was never transmitted (the spooler is stopping)."""
        return self._update_claimed(
            job_id,
            worker,
            state=PrintJobState.PENDING,
            claimed_by=None,
            attempts=PrintJob.attempts - 1,
            transmit_started_at=None,
            _require_not_transmitting=True,
        )

    def _update_claimed(self, job_id: int, worker: str, **values: Any) -> SpoolJob:
        not_transmitting = values.pop("_require_not_transmitting", False)
        conditions = [
            PrintJob.id == job_id,
            PrintJob.state == PrintJobState.SENDING,
            PrintJob.claimed_by == worker,
        ]
        if not_transmitting:
            conditions.append(PrintJob.transmit_started_at.is_(None))
        with self._write() as s:
            done = s.execute(
                update(PrintJob)
                .where(*conditions)
                .values(**values)
                .execution_options(synchronize_session=False)
            )
            if _rowcount(done) != 1:
                raise LostClaim(f"print job {job_id} is no longer claimed by {worker}")
            job = s.get_one(PrintJob, job_id)
            s.refresh(job)
            return SpoolJob.of(job)

    def recover_interrupted(
        self, now: datetime, *, claimed_before: datetime | None = None
    ) -> list[SpoolJob]:
        """Settle the jobs a dead spooler left ``sending`` (see the module docstring).

        ``claimed_before=None`` takes every one of this kiosk's: call it when the kiosk's
        only spooler starts. Later, pass a time well beyond the longest send (a lease).
        """
        settled = []
        with self._write() as s:
            query = select(PrintJob).where(PrintJob.state == PrintJobState.SENDING, self._scope())
            if claimed_before is not None:
                query = query.where(PrintJob.claimed_at < claimed_before)
            for job in s.scalars(query.order_by(PrintJob.id)).all():
                if job.transmit_started_at is None:
                    job.state = PrintJobState.PENDING
                    job.next_attempt_at = now
                    job.attempts = max(0, job.attempts - 1)  # the attempt never happened
                else:
                    job.state = PrintJobState.FAILED
                    job.finished_at = now
                    job.last_error_code = Failure.INTERRUPTED
                    job.last_error = "cut off by a kiosk stop while transmitting: may have printed"
                job.claimed_by = None
                s.flush()
                settled.append(SpoolJob.of(job))
        return settled

    def expedite(self, now: datetime) -> int:
        """The printer is back: make the waiting jobs due now instead of after the backoff."""
        with self._write() as s:
            done = s.execute(
                update(PrintJob)
                .where(
                    PrintJob.state == PrintJobState.PENDING,
                    PrintJob.next_attempt_at > now,
                    self._scope(),
                )
                .values(next_attempt_at=now)
                .execution_options(synchronize_session=False)
            )
            return _rowcount(done)

    # -- the admin's side ----------------------------------------------------------------------

    def retry(self, job_id: int, now: datetime) -> SpoolJob | None:
        """A failed job goes back to the queue, with a fresh deadline; None if not failed."""
        with self._write() as s:
            done = s.execute(
                update(PrintJob)
                .where(
                    PrintJob.id == job_id,
                    PrintJob.state == PrintJobState.FAILED,
                    self._scope(),
                )
                .values(
                    state=PrintJobState.PENDING,
                    attempts=0,
                    next_attempt_at=now,
                    deadline_at=now + self.max_wait,
                    finished_at=None,
                    claimed_by=None,
                    claimed_at=None,
                    transmit_started_at=None,
                    last_error_code=None,
                    last_error=None,
                )
                .execution_options(synchronize_session=False)
            )
            return self._snapshot(s, job_id) if _rowcount(done) == 1 else None

    def cancel(self, job_id: int, now: datetime) -> SpoolJob | None:
        """Drop a job that has not started transmitting; None if it is too late for that."""
        with self._write() as s:
            done = s.execute(
                update(PrintJob)
                .where(
                    PrintJob.id == job_id,
                    self._scope(),
                    (PrintJob.state.in_([PrintJobState.PENDING, PrintJobState.FAILED]))
                    | (
                        (PrintJob.state == PrintJobState.SENDING)
                        & PrintJob.transmit_started_at.is_(None)
                    ),
                )
                .values(state=PrintJobState.CANCELLED, finished_at=now, claimed_by=None)
                .execution_options(synchronize_session=False)
            )
            return self._snapshot(s, job_id) if _rowcount(done) == 1 else None

    @staticmethod
    def _snapshot(s: Session, job_id: int) -> SpoolJob:
        job = s.get_one(PrintJob, job_id)
        s.refresh(job)
        return SpoolJob.of(job)

    def jobs(
        self, states: Sequence[PrintJobState] = OPEN_STATES, limit: int = 50
    ) -> list[SpoolJob]:
        """This kiosk's jobs in these states, oldest first."""
        with self._sessions() as s:
            rows = s.scalars(
                select(PrintJob)
                .where(PrintJob.state.in_(list(states)), self._scope())
                .order_by(PrintJob.id)
                .limit(limit)
            ).all()
            return [SpoolJob.of(job) for job in rows]

    def get(self, job_id: int) -> SpoolJob | None:
        with self._sessions() as s:
            job = s.get(PrintJob, job_id)
            return None if job is None else SpoolJob.of(job)

    def summary(self) -> SpoolSummary:
        with self._sessions() as s:
            counts = dict(
                s.execute(
                    select(PrintJob.state, func.count(PrintJob.id))
                    .where(PrintJob.state.in_(list(OPEN_STATES)), self._scope())
                    .group_by(PrintJob.state)
                ).all()
            )
            oldest = s.scalar(
                select(func.min(PrintJob.created_at)).where(
                    PrintJob.state == PrintJobState.PENDING, self._scope()
                )
            )
        return SpoolSummary(
            pending=int(counts.get(PrintJobState.PENDING, 0)),
            sending=int(counts.get(PrintJobState.SENDING, 0)),
            failed=int(counts.get(PrintJobState.FAILED, 0)),
            oldest_pending_at=oldest,
        )


def _rowcount(result: Any) -> int:
    return int(result.rowcount)


class SpoolOpener:
    """Opens the kiosk database for the spooler, on the spooler's thread (it may migrate)."""

    def __init__(self, url: str, *, kiosk_id: int | None = None) -> None:
        self.url = url
        self.kiosk_id = kiosk_id
        self._engine: Engine | None = None

    def __call__(self) -> PrintSpool:
        from kiosk.db.engine import make_session_factory
        from kiosk.db.migrate import open_kiosk_database  # lazily: Alembic costs at start-up

        if self._engine is None:
            # never fills in an existing file without the schema (StorageError instead)
            self._engine = open_kiosk_database(self.url)
        return PrintSpool(make_session_factory(self._engine), kiosk_id=self.kiosk_id)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

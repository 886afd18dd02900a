"""Besoin d'aide ?: issue queue tickets, run the desk (call, serve, finish, no-show), show the
board. Plain functions on a session in the spirit of pretix's ``perform_checkin``: each takes
the time, runs in the caller's transaction and raises :class:`HelpError` with a stable code.

:class:`HelpDesk` wraps them in transactions for the screens and workers. Every write opens
its transaction with ``BEGIN IMMEDIATE`` on SQLite (read-then-write without SQLITE_BUSY
races); on PostgreSQL the counter upsert's row lock and ``FOR UPDATE SKIP LOCKED`` do it.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Final

from sqlalchemy import Select, and_, case, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.engine import begin_as_writer
from kiosk.db.models import Kiosk, Person
from kiosk.domain import new_nonce
from kiosk.help.domain import (
    DESCRIPTION_MAX,
    ForwardState,
    HelpReason,
    QueueItem,
    Requester,
    ServiceSample,
    ServiceTimes,
    TicketState,
    WaitEstimate,
    estimate_wait,
    minutes_between,
    service_day,
    service_times,
    ticket_label,
    ticket_receipt,
)
from kiosk.help.tables import HelpForward, HelpRequest, HelpTicketCounter
from kiosk.ports import Clock, Receipt

log = logging.getLogger(__name__)

# print_spool.enqueue's shape: queue ``receipt`` in the caller's transaction.
EnqueuePrint = Callable[..., Any]
PRINT_KIND: Final = "help_ticket"
DESK_WINDOW: Final = timedelta(minutes=60)  # a desk that called someone this recently is open
NUMBER_RETRIES: Final = 5
OPEN_STATES: Final = (TicketState.WAITING, TicketState.CALLED, TicketState.SERVING)


class HelpErrorCode(enum.StrEnum):
    UNKNOWN_KIOSK = "unknown_kiosk"
    DESCRIPTION_TOO_LONG = "description_too_long"
    UNKNOWN_TICKET = "unknown_ticket"
    WRONG_STATE = "wrong_state"  # e.g. finishing a ticket another desk already closed
    NUMBERING_FAILED = "numbering_failed"


class HelpError(Exception):
    def __init__(self, code: HelpErrorCode, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else str(code))
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class IssuedTicket:
    request_id: int
    nonce: str
    ticket: str  # "M-042"
    reason: HelpReason
    created_at: datetime
    estimate: WaitEstimate
    receipt: Receipt
    print_job_id: int | None  # the print job queued with the request (None: no printing)
    forwarded: bool  # a helpdesk forward was queued with the request


@dataclass(frozen=True)
class QueueEntry:
    """A ticket as the staff screen lists it (staff only: it may name the agent)."""

    request_id: int
    ticket: str
    reason: HelpReason
    state: TicketState
    created_at: datetime
    called_at: datetime | None
    serving_at: datetime | None
    desk: str | None
    call_count: int
    description: str | None
    person_name: str | None


@dataclass(frozen=True)
class BoardCall:
    """A called number as the public display shows it: no name, no reason text."""

    request_id: int
    ticket: str
    desk: str | None
    called_at: datetime
    call_count: int  # changes on a recall, so the display chimes again


@dataclass(frozen=True)
class Board:
    calls: tuple[BoardCall, ...]  # most recent first
    waiting: int
    next_wait: WaitEstimate  # what a ticket issued now would wait


# --- issuing -------------------------------------------------------------------------------


def issue_ticket(
    session: Session,
    *,
    kiosk_id: int,
    reason: HelpReason,
    now: datetime,
    description: str | None = None,
    person_id: int | None = None,
    requester: Requester | None = None,
    nonce: str | None = None,
    lang: str = "fr",
    enqueue_print: EnqueuePrint | None = None,
    forward: bool = False,
) -> IssuedTicket:
    """Record the request, its numbered ticket, its print job and its helpdesk forward.

    All in the caller's transaction: when it commits, the ticket the screen shows is durable
    and so are the print job and the forward, which their workers retry until they succeed.
    """
    text = " ".join((description or "").split()) or None
    if text is not None and len(text) > DESCRIPTION_MAX:
        raise HelpError(HelpErrorCode.DESCRIPTION_TOO_LONG, f"{len(text)} > {DESCRIPTION_MAX}")
    kiosk = session.get(Kiosk, kiosk_id)
    if kiosk is None:
        raise HelpError(HelpErrorCode.UNKNOWN_KIOSK, str(kiosk_id))
    if requester is None:
        requester = Requester.AGENT if person_id is not None else Requester.ANONYMOUS
    day = service_day(now)
    request = HelpRequest(
        nonce=nonce or new_nonce(),
        kiosk_id=kiosk.id,
        site_id=kiosk.site_id,
        person_id=person_id,
        requester=requester,
        reason=reason,
        description=text,
        service_day=day,
        state=TicketState.WAITING,
        created_at=now,
    )
    for _ in range(NUMBER_RETRIES):
        request.number = _next_number(session, kiosk.site_id, day, reason)
        request.ticket = ticket_label(reason, request.number)
        try:
            with session.begin_nested():
                session.add(request)
        except IntegrityError:
            # Only a row written around the counter (a replayed outbox, a restored backup)
            # can hold this number: the counter has moved on, take the next one.
            if not _number_taken(session, kiosk.site_id, day, reason, request.number):
                raise
            log.warning("help ticket %s already taken, numbering again", request.ticket)
            continue
        break
    else:
        raise HelpError(HelpErrorCode.NUMBERING_FAILED, f"{NUMBER_RETRIES} numbers taken")

    estimate = _estimate_for(session, request, now)
    receipt = ticket_receipt(request.ticket, reason, estimate, now, kiosk.name, lang)
    print_job_id = None
    if enqueue_print is not None:
        print_job_id = enqueue_print(
            session, receipt, kind=PRINT_KIND, ref=request.nonce, kiosk_id=kiosk.id, now=now
        )
    if forward:
        session.add(
            HelpForward(
                request_id=request.id,
                state=ForwardState.PENDING,
                attempts=0,
                next_attempt_at=now,
                created_at=now,
            )
        )
    session.flush()
    return IssuedTicket(
        request_id=request.id,
        nonce=request.nonce,
        ticket=request.ticket,
        reason=reason,
        created_at=now,
        estimate=estimate,
        receipt=receipt,
        print_job_id=print_job_id,
        forwarded=forward,
    )


def _number_taken(
    session: Session, site_id: int, day: date, reason: HelpReason, number: int
) -> bool:
    """Whether the unique (site, day, reason, number) is what refused the insert."""
    return (
        session.scalar(
            select(HelpRequest.id).where(
                HelpRequest.site_id == site_id,
                HelpRequest.service_day == day,
                HelpRequest.reason == reason,
                HelpRequest.number == number,
            )
        )
        is not None
    )


def _next_number(session: Session, site_id: int, day: date, reason: HelpReason) -> int:
    """Bump the day's counter in one statement; the row lock makes racing kiosks take turns."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
    else:  # pragma: no cover - the kiosk supports these two
        raise NotImplementedError(f"ticket numbering on {dialect}")
    stmt = (
        insert(HelpTicketCounter)
        .values(site_id=site_id, service_day=day, reason=reason, last_number=1)
        .on_conflict_do_update(
            index_elements=["site_id", "service_day", "reason"],
            set_={"last_number": HelpTicketCounter.last_number + 1},
        )
        .returning(HelpTicketCounter.last_number)
    )
    return int(session.execute(stmt).scalar_one())


# --- estimates -----------------------------------------------------------------------------


def todays_service_times(session: Session, site_id: int, day: date) -> ServiceTimes:
    rows = session.execute(
        select(HelpRequest.reason, HelpRequest.serving_at, HelpRequest.finished_at).where(
            HelpRequest.site_id == site_id,
            HelpRequest.service_day == day,
            HelpRequest.state == TicketState.DONE,
        )
    )
    return service_times(
        ServiceSample(reason, minutes_between(start, end))
        for reason, start, end in rows
        if start is not None and end is not None
    )


def open_desks(session: Session, site_id: int, day: date, now: datetime) -> int:
    """Desks that called someone in the last hour, or are busy now (at least one)."""
    recent = or_(
        HelpRequest.called_at >= now - DESK_WINDOW,
        HelpRequest.state.in_((TicketState.CALLED, TicketState.SERVING)),
    )
    count = session.scalar(
        select(func.count(func.distinct(HelpRequest.desk))).where(
            HelpRequest.site_id == site_id,
            HelpRequest.service_day == day,
            HelpRequest.desk.is_not(None),
            recent,
        )
    )
    return max(1, int(count or 0))


def _queue_ahead(
    session: Session, site_id: int, day: date, now: datetime, before: HelpRequest | None
) -> list[QueueItem]:
    query = select(HelpRequest.reason, HelpRequest.state, HelpRequest.serving_at).where(
        HelpRequest.site_id == site_id,
        HelpRequest.service_day == day,
        HelpRequest.state.in_(OPEN_STATES),
    )
    if before is not None:
        query = query.where(
            or_(
                HelpRequest.state != TicketState.WAITING,
                HelpRequest.created_at < before.created_at,
                and_(HelpRequest.created_at == before.created_at, HelpRequest.id < before.id),
            ),
            HelpRequest.id != before.id,
        )
    query = query.order_by(HelpRequest.created_at, HelpRequest.id)
    return [
        QueueItem(reason, state, minutes_between(serving_at, now) if serving_at else 0.0)
        for reason, state, serving_at in session.execute(query)
    ]


def _estimate_for(session: Session, request: HelpRequest, now: datetime) -> WaitEstimate:
    day = request.service_day
    ahead = _queue_ahead(session, request.site_id, day, now, request)
    times = todays_service_times(session, request.site_id, day)
    return estimate_wait(
        request.reason, ahead, times, open_desks(session, request.site_id, day, now)
    )


def ticket_estimate(session: Session, request_id: int, now: datetime) -> WaitEstimate | None:
    """The live position and wait of a waiting ticket (None once it has been called)."""
    request = session.get(HelpRequest, request_id)
    if request is None:
        raise HelpError(HelpErrorCode.UNKNOWN_TICKET, str(request_id))
    if request.state is not TicketState.WAITING:
        return None
    return _estimate_for(session, request, now)


# --- the desk ------------------------------------------------------------------------------


def _entries(session: Session, query: Select[Any]) -> list[QueueEntry]:
    rows = session.execute(
        query.add_columns(Person.first_name, Person.last_name).outerjoin(
            Person, Person.id == HelpRequest.person_id
        )
    )
    out = []
    for request, first, last in rows:
        name = f"{first} {last[:1]}." if first and last else None
        out.append(
            QueueEntry(
                request.id,
                request.ticket,
                request.reason,
                request.state,
                request.created_at,
                request.called_at,
                request.serving_at,
                request.desk,
                request.call_count,
                request.description,
                name,
            )
        )
    return out


def queue(session: Session, site_id: int, now: datetime) -> list[QueueEntry]:
    """Today's open tickets at ``site_id``: being served and called first, then waiting."""
    day = service_day(now)
    waiting_last = case((HelpRequest.state == TicketState.WAITING, 1), else_=0)
    query = (
        select(HelpRequest)
        .where(
            HelpRequest.site_id == site_id,
            HelpRequest.service_day == day,
            HelpRequest.state.in_(OPEN_STATES),
        )
        .order_by(waiting_last, HelpRequest.created_at, HelpRequest.id)
    )
    return _entries(session, query)


def call_next(session: Session, site_id: int, desk: str, now: datetime) -> QueueEntry | None:
    """Call the oldest waiting ticket to ``desk``; None when nobody waits.

    ``SKIP LOCKED`` on PostgreSQL: two desks pressing at once call two different people.
    """
    query = (
        select(HelpRequest.id)
        .where(
            HelpRequest.site_id == site_id,
            HelpRequest.service_day == service_day(now),
            HelpRequest.state == TicketState.WAITING,
        )
        .order_by(HelpRequest.created_at, HelpRequest.id)
        .limit(1)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    request_id = session.scalar(query)
    if request_id is None:
        return None
    return call(session, request_id, desk, now)


def call(session: Session, request_id: int, desk: str, now: datetime) -> QueueEntry:
    """Call (or call again) one ticket to ``desk``: it shows on the display with a chime."""
    return _transition(
        session,
        request_id,
        (TicketState.WAITING, TicketState.CALLED),
        state=TicketState.CALLED,
        desk=desk,
        called_at=now,
        call_count=HelpRequest.call_count + 1,
    )


def start_serving(session: Session, request_id: int, now: datetime) -> QueueEntry:
    return _transition(
        session, request_id, (TicketState.CALLED,), state=TicketState.SERVING, serving_at=now
    )


def finish(session: Session, request_id: int, now: datetime) -> QueueEntry:
    return _transition(
        session, request_id, (TicketState.SERVING,), state=TicketState.DONE, finished_at=now
    )


def no_show(session: Session, request_id: int, now: datetime) -> QueueEntry:
    return _transition(
        session, request_id, (TicketState.CALLED,), state=TicketState.NO_SHOW, finished_at=now
    )


def _transition(
    session: Session, request_id: int, allowed: Sequence[TicketState], **values: Any
) -> QueueEntry:
    """One conditional UPDATE: if another desk moved the ticket first, say so, change nothing."""
    result = session.execute(
        update(HelpRequest)
        .where(HelpRequest.id == request_id, HelpRequest.state.in_(allowed))
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        current = session.scalar(select(HelpRequest.state).where(HelpRequest.id == request_id))
        if current is None:
            raise HelpError(HelpErrorCode.UNKNOWN_TICKET, str(request_id))
        raise HelpError(HelpErrorCode.WRONG_STATE, f"ticket {request_id} is {current}")
    session.expire_all()
    return _entries(session, select(HelpRequest).where(HelpRequest.id == request_id))[0]


def board(session: Session, site_id: int, now: datetime, limit: int = 6) -> Board:
    """What the calling display shows: the last numbers called, how many wait."""
    day = service_day(now)
    rows = session.execute(
        select(
            HelpRequest.id,
            HelpRequest.ticket,
            HelpRequest.desk,
            HelpRequest.called_at,
            HelpRequest.call_count,
        )
        .where(
            HelpRequest.site_id == site_id,
            HelpRequest.service_day == day,
            HelpRequest.called_at.is_not(None),
        )
        .order_by(HelpRequest.called_at.desc(), HelpRequest.id.desc())
        .limit(limit)
    )
    calls = tuple(BoardCall(i, t, d, c, n) for i, t, d, c, n in rows if c is not None)
    ahead = _queue_ahead(session, site_id, day, now, None)
    times = todays_service_times(session, site_id, day)
    next_wait = estimate_wait(
        HelpReason.OTHER, ahead, times, open_desks(session, site_id, day, now)
    )
    waiting = sum(1 for item in ahead if item.state is TicketState.WAITING)
    return Board(calls, waiting, next_wait)


# --- transactions for the screens and workers ----------------------------------------------


class HelpDesk:
    """The help queue of one kiosk, each call in its own transaction (call from a worker)."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock,
        kiosk_id: int,
        *,
        enqueue_print: EnqueuePrint | None = None,
        forward: bool = False,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self.kiosk_id = kiosk_id
        self._enqueue_print = enqueue_print
        self._forward = forward
        with sessions() as session:
            site_id = session.scalar(select(Kiosk.site_id).where(Kiosk.id == kiosk_id))
        if site_id is None:
            raise HelpError(HelpErrorCode.UNKNOWN_KIOSK, str(kiosk_id))
        self.site_id: int = site_id

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """A transaction that writes: on SQLite it takes the write lock at BEGIN, so a
        read-then-write never meets SQLITE_BUSY half-way."""
        with self._sessions() as session:
            begin_as_writer(session)
            yield session
            session.commit()

    def _read(self) -> Session:
        return self._sessions()

    def issue(
        self,
        reason: HelpReason,
        description: str | None = None,
        *,
        person_id: int | None = None,
        requester: Requester | None = None,
        lang: str = "fr",
    ) -> IssuedTicket:
        with self._write() as session:
            return issue_ticket(
                session,
                kiosk_id=self.kiosk_id,
                reason=reason,
                now=self._clock.now(),
                description=description,
                person_id=person_id,
                requester=requester,
                lang=lang,
                enqueue_print=self._enqueue_print,
                forward=self._forward,
            )

    def estimate(self, request_id: int) -> WaitEstimate | None:
        with self._read() as session:
            return ticket_estimate(session, request_id, self._clock.now())

    def queue(self) -> list[QueueEntry]:
        with self._read() as session:
            return queue(session, self.site_id, self._clock.now())

    def board(self, limit: int = 6) -> Board:
        with self._read() as session:
            return board(session, self.site_id, self._clock.now(), limit)

    def call_next(self, desk: str) -> QueueEntry | None:
        with self._write() as session:
            return call_next(session, self.site_id, desk, self._clock.now())

    def call(self, request_id: int, desk: str) -> QueueEntry:
        with self._write() as session:
            return call(session, request_id, desk, self._clock.now())

    def start_serving(self, request_id: int) -> QueueEntry:
        with self._write() as session:
            return start_serving(session, request_id, self._clock.now())

    def finish(self, request_id: int) -> QueueEntry:
        with self._write() as session:
            return finish(session, request_id, self._clock.now())

    def no_show(self, request_id: int) -> QueueEntry:
        with self._write() as session:
            return no_show(session, request_id, self._clock.now())

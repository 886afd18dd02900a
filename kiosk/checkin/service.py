"""Event check-in and space attendance: one function, one transaction, a stable outcome.

:func:`check_in` takes what was presented (a badge hash, a scanned code, or a person picked by
staff), where it happened (:class:`CheckinContext`), the kiosk, the time and a nonce. It
decides, records the scan in the append-only ledger (refusals too, with their reason) and
**commits before returning**, so a verdict the screen shows has survived ``kill -9``.

- Idempotent by nonce: calling again with the same nonce returns the first result
  (``repeated=True``) and records nothing.
- Debounce: the same badge or code on the same kiosk within ``context.debounce`` returns the
  previous result (``repeated=True``) and records nothing.
- One admission per person and event is a database constraint (``attendance``): two kiosks
  racing on PostgreSQL give one ``ok`` and one ``already_checked_in``.

Evaluation order (in the spirit of pretix): identity (unknown badge; invalid, forged, expired,
revoked code) → which event (staff mode: the one picked; self check-in: the event whose
check-in window is open at this site that the person is registered to) → already checked in
→ on the waiting list → not registered / wrong event / event full → outside the window → ok.

The UI maps :class:`CheckinOutcome` codes to translated text; it never parses ``detail``.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Final

from sqlalchemy import Integer, Select, and_, bindparam, case, func, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import ReturningInsert

from kiosk.checkin.tables import (
    Attendance,
    CheckinRecord,
    CheckinUndo,
    SpaceVisit,
    TicketRevocation,
)
from kiosk.codes import TicketRejected, TicketVerifier, reference_in
from kiosk.db.engine import begin_as_writer
from kiosk.db.models import Badge, Event, Kiosk, Person, Registration, Site
from kiosk.domain import (
    PARIS,
    CheckinMethod,
    CheckinOutcome,
    EventKind,
    PersonKind,
    RegistrationStatus,
    Space,
    Verdict,
    new_nonce,
)
from kiosk.identity import person_for_badge
from kiosk.programme.agenda import PLACE_NAMES
from kiosk.programme.waiting import waiting_count, waiting_position

__all__ = [
    "DEFAULT_DEBOUNCE",
    "BadgeIdentity",
    "CheckinContext",
    "CheckinMethod",
    "CheckinOutcome",
    "CheckinResult",
    "CodeIdentity",
    "EventInfo",
    "Identity",
    "PersonIdentity",
    "Verdict",
    "check_in",
    "new_nonce",
    "register_walk_in",
    "undo_checkin",
]

log = logging.getLogger(__name__)

DEFAULT_DEBOUNCE: Final = timedelta(seconds=3)  # a badge left on the reader, a double wedge scan


# --- what was presented --------------------------------------------------------------------


@dataclass(frozen=True)
class BadgeIdentity:
    """A badge, already hashed with the site key (:func:`kiosk.identity.badge_hash`)."""

    badge_hash: str


@dataclass(frozen=True)
class CodeIdentity:
    """A scanned code, as repaired by the scanner layer (any text: it is verified here)."""

    payload: str


@dataclass(frozen=True)
class PersonIdentity:
    """A person picked by staff after a name search (manual check-in)."""

    person_id: int
    staff_id: int | None = None


type Identity = BadgeIdentity | CodeIdentity | PersonIdentity


@dataclass(frozen=True)
class CheckinContext:
    """Where the scan happens.

    Staff door mode: ``event_id`` is the event picked. Self check-in (room kiosk, any screen):
    ``event_id`` is None and the service finds the event at ``site_id`` (and ``space`` if
    given) whose check-in window is open and the person is registered to; with no such event
    and ``space`` given, a badge counts one visit of the space (``visit_recorded``).
    """

    site_id: int
    event_id: int | None = None
    space: Space | None = None
    verifier: TicketVerifier | None = None  # None: this kiosk cannot read ticket codes
    debounce: timedelta = DEFAULT_DEBOUNCE


# --- what the verdict screen shows ---------------------------------------------------------


@dataclass(frozen=True)
class EventInfo:
    id: int
    title: str
    kind: EventKind
    space: Space
    place: str  # "Smart Room", or the town of a remote site
    starts_at: datetime  # aware (UTC); format in local time
    ends_at: datetime
    checkin_opens_at: datetime
    checkin_closes_at: datetime


@dataclass(frozen=True)
class CheckinResult:
    """Everything the verdict screen needs; no third person's data.

    ``first_name`` is the scanned person's only (the public screen shows nothing else of
    them). ``person_id`` is for the staff screen's follow-up actions (walk-in, link badge).
    """

    outcome: CheckinOutcome
    method: CheckinMethod
    checkin_id: int  # the ledger record; pass it to undo_checkin when outcome is OK
    at: datetime
    person_id: int | None = None
    first_name: str | None = None
    event: EventInfo | None = None  # the event checked in to (or refused at)
    first_checkin_at: datetime | None = None  # already_checked_in: when and where, first
    first_checkin_kiosk: str | None = None
    registered_event: EventInfo | None = None  # wrong_event: where the person is expected
    # not_registered: a seat can be offered now; waiting_list: a free place is theirs, in order
    walk_in_possible: bool = False
    # Seats left, for the outcomes that talk about seats (not registered, event full, walk-in);
    # None otherwise, and when there is no capacity limit.
    seats_left: int | None = None
    repeated: bool = False  # replay of the same nonce, or debounced: nothing new recorded
    detail: str = ""  # for logs and the ops page, never shown as is
    waiting_position: int | None = None  # waiting_list: 1 = the next one to get a place

    @property
    def verdict(self) -> Verdict:
        return self.outcome.verdict

    @property
    def undoable(self) -> bool:
        return self.outcome is CheckinOutcome.OK


# --- the service ---------------------------------------------------------------------------


# Work that must commit with the check-in or not at all (see check_in).
type AlsoInTransaction = Callable[[Session, CheckinResult], None]


@dataclass
class _Decision:
    outcome: CheckinOutcome
    person: Person | None = None
    event: Event | None = None
    related: Event | None = None
    detail: str = ""


def check_in(
    session: Session,
    identity: Identity,
    context: CheckinContext,
    kiosk_id: int,
    now: datetime,
    nonce: str,
    *,
    also: AlsoInTransaction | None = None,
) -> CheckinResult:
    """Decide, record and commit one scan; see the module docstring for the rules.

    ``session`` must not hold other pending work: it is committed (or rolled back on error).
    ``also(session, result)`` runs in the same transaction, before the commit (a visitor pass
    queued with :func:`kiosk.printing.spool.enqueue`): both are committed or neither is.
    Raises ``LookupError`` for a PersonIdentity or context event that does not exist (a bug
    of the caller, not a scan outcome).
    """
    _require_aware(now)
    _begin_write(session)
    try:
        result = _check_in(session, identity, context, kiosk_id, now, nonce)
        if also is not None:
            also(session, result)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return result


def _check_in(
    session: Session,
    identity: Identity,
    context: CheckinContext,
    kiosk_id: int,
    now: datetime,
    nonce: str,
) -> CheckinResult:
    method, identity_key = _method_and_key(identity, context)
    previous = _previous_scan(session, nonce, kiosk_id, identity_key, context, now)
    if previous is not None:
        return _describe(session, previous, repeated=True)
    decision = _decide(session, identity, context, now)
    record = _record(decision, identity, method, identity_key, kiosk_id, now, nonce)
    _write(session, decision, record, context, kiosk_id, now, nonce)
    if record.outcome is not CheckinOutcome.OK:
        log.info("check-in refused: %s (%s) at kiosk %s", record.outcome, record.detail, kiosk_id)
    return _describe(session, record, repeated=False)


def _write(
    session: Session,
    decision: _Decision,
    record: CheckinRecord,
    context: CheckinContext,
    kiosk_id: int,
    now: datetime,
    nonce: str,
) -> None:
    """Record the scan (and the attendance or the visit it makes), flushed, not committed."""
    if decision.outcome is CheckinOutcome.OK:
        assert decision.event is not None
        assert decision.person is not None
        if not _admit(
            session, record, decision.event.id, decision.person.id, decision.person.direction_id
        ):
            _lost_race(record, "another kiosk admitted this person at the same moment")
    elif decision.outcome is CheckinOutcome.VISIT_RECORDED:
        assert decision.person is not None
        session.add(record)
        _count_visit(session, decision.person.id, context, kiosk_id, now, nonce)
    else:
        session.add(record)
    session.flush()


def _previous_scan(
    session: Session,
    nonce: str,
    kiosk_id: int,
    identity_key: str,
    context: CheckinContext,
    now: datetime,
) -> CheckinRecord | None:
    """One query for both ways of answering without recording: the same nonce again (a retry,
    a sync replay) wins over the same badge or code within the debounce."""
    debounced = context.debounce > timedelta(0)
    params: dict[str, object] = {"nonce": nonce}
    if debounced:
        params.update(kiosk_id=kiosk_id, identity_key=identity_key, since=now - context.debounce,
                      now=now)  # fmt: skip
    return session.scalar(_previous_scan_query(debounced), params)


# The statements a scan runs are built once, with bound parameters (``bindparam``), and run
# with the scan's values: building each SELECT anew and computing its cache key (SQLAlchemy
# looks its compiled SQL up by it) was about a fifth of a check-in's CPU on the worker
# (bench/checkin_scan_verdict.py), for statements that differ only in their values.


@cache
def _previous_scan_query(debounced: bool) -> Select[CheckinRecord]:
    nonce = bindparam("nonce", type_=CheckinRecord.nonce.type)
    same_scan = CheckinRecord.nonce == nonce
    if debounced:
        same_scan = or_(
            same_scan,
            and_(
                CheckinRecord.kiosk_id == bindparam("kiosk_id"),
                CheckinRecord.identity_key == bindparam("identity_key"),
                CheckinRecord.at > bindparam("since"),
                CheckinRecord.at <= bindparam("now"),
            ),
        )
    return (
        select(CheckinRecord)
        .where(same_scan)
        .order_by(
            case((CheckinRecord.nonce == nonce, 0), else_=1),
            CheckinRecord.at.desc(),
            CheckinRecord.id.desc(),
        )
        .limit(1)
    )


def _record(
    decision: _Decision,
    identity: Identity,
    method: CheckinMethod,
    identity_key: str,
    kiosk_id: int,
    now: datetime,
    nonce: str,
) -> CheckinRecord:
    return CheckinRecord(
        nonce=nonce,
        kiosk_id=kiosk_id,
        at=now,
        method=method,
        outcome=decision.outcome,
        event_id=decision.event.id if decision.event else None,
        person_id=decision.person.id if decision.person else None,
        identity_key=identity_key,
        related_event_id=decision.related.id if decision.related else None,
        staff_id=identity.staff_id if isinstance(identity, PersonIdentity) else None,
        detail=decision.detail[:200],
    )


def rehearse(
    session: Session, context: CheckinContext, kiosk_id: int, now: datetime
) -> CheckinOutcome | None:
    """A check-in's reads and verdict, with nothing recorded nor locked: run once at start.

    A kiosk's first scan after start cost 258 ms where the others cost ~30: SQLAlchemy
    compiling each statement, the first loads of each mapper, the first signature check. This
    pays for them before any visitor comes: a signature check with each ticket key, what the
    first linked badge (or the first active person) would get here now, verdict included,
    then the lookups behind a genuine ticket of the first registration, in a transaction
    rolled back at the end. Not the record's INSERTs: writing them, even rolled back, takes
    the database's write lock, and a deferred writer of another worker starting at that
    moment fails with "database is locked" rather than wait. The outcome for the badge, or
    None on an empty database.
    """
    _require_aware(now)
    try:
        if context.verifier is not None:
            context.verifier.warm_up()
        badge = session.scalar(select(Badge.hash).order_by(Badge.id).limit(1))
        identity: Identity
        if badge is not None:
            identity = BadgeIdentity(badge)
        else:
            person_id = session.scalar(
                select(Person.id).where(Person.active).order_by(Person.id).limit(1)
            )
            if person_id is None:
                return None
            identity = PersonIdentity(person_id)
        method, identity_key = _method_and_key(identity, context)
        _previous_scan(session, "rehearsal", kiosk_id, identity_key, context, now)
        decision = _decide(session, identity, context, now)
        record = _record(decision, identity, method, identity_key, kiosk_id, now, "rehearsal")
        _describe(session, record, repeated=False)  # the record is never added to the session
        _rehearse_ticket(session, context, kiosk_id, now)
        return decision.outcome
    finally:
        session.rollback()


def _rehearse_ticket(
    session: Session, context: CheckinContext, kiosk_id: int, now: datetime
) -> None:
    """What a genuine ticket of the first registration asks after its signature is checked
    (a kiosk holds no key to sign one), and its verdict."""
    if context.verifier is None:
        return
    registration = session.execute(
        select(Registration.person_id, Registration.event_id).order_by(Registration.id).limit(1)
    ).first()
    if registration is None:
        return
    session.expunge_all()  # as in a scan's own session: its lookups go to the database
    found = _ticket_holder(session, "rehearsal", registration.person_id, registration.event_id)
    if isinstance(found, _Decision):
        return
    person, event = found
    identity = CodeIdentity("rehearsal")
    method, identity_key = _method_and_key(identity, context)
    decision = _decide_for_event(session, person, event, now, ticket=True)
    record = _record(decision, identity, method, identity_key, kiosk_id, now, "rehearsal")
    _describe(session, record, repeated=False)


def _admit(
    session: Session,
    record: CheckinRecord,
    event_id: int,
    person_id: int,
    direction_id: int | None,
) -> bool:
    """Insert the ok record and its attendance row; False when the unique (event, person)
    says another transaction admitted them first (then turn the record into the loser).
    The row keeps the person's direction of today: the statistics count them for it even if
    they move to another direction later.

    ``INSERT ... ON CONFLICT DO NOTHING`` rather than a savepoint: on PostgreSQL it waits for
    the racing transaction and, if that one commits, inserts nothing — two round trips fewer
    per scan than SAVEPOINT and RELEASE, and the transaction stays usable either way.
    """
    session.add(record)
    session.flush()
    values = {
        "event_id": event_id,
        "person_id": person_id,
        "checkin_id": record.id,
        "at": record.at,
        "kiosk_id": record.kiosk_id,
        "method": record.method,
        "direction_id": direction_id,
    }
    statement = _admission(session.get_bind().dialect.name == "postgresql")
    return session.execute(statement, values).scalar() is not None


@cache
def _admission(postgresql: bool) -> ReturningInsert[int]:
    """The attendance row's INSERT, nothing done when the person is in already."""
    insert = pg_insert if postgresql else sqlite_insert
    columns = ("event_id", "person_id", "checkin_id", "at", "kiosk_id", "method", "direction_id")
    return (
        insert(Attendance)
        .values(
            {name: bindparam(name, type_=Attendance.__table__.c[name].type) for name in columns}
        )
        .on_conflict_do_nothing(index_elements=["event_id", "person_id"])
        .returning(Attendance.id)
    )


def _lost_race(record: CheckinRecord, detail: str) -> None:
    """The ok record of a scan whose admission lost the race becomes "already checked in"
    (still uncommitted: the ledger stays append-only for everyone else)."""
    record.outcome = CheckinOutcome.ALREADY_CHECKED_IN
    record.detail = detail


def _count_visit(
    session: Session,
    person_id: int,
    context: CheckinContext,
    kiosk_id: int,
    now: datetime,
    nonce: str,
) -> None:
    assert context.space is not None
    day = now.astimezone(PARIS).date()
    exists = session.scalar(
        select(SpaceVisit.id).where(
            SpaceVisit.person_id == person_id,
            SpaceVisit.day == day,
            SpaceVisit.site_id == context.site_id,
            SpaceVisit.space == context.space,
        )
    )
    if exists is not None:
        return
    try:
        with session.begin_nested():
            session.add(
                SpaceVisit(
                    nonce=nonce,
                    kiosk_id=kiosk_id,
                    at=now,
                    day=day,
                    person_id=person_id,
                    site_id=context.site_id,
                    space=context.space,
                )
            )
            session.flush()
    except IntegrityError:
        pass  # another entrance kiosk counted the same visit a moment ago: one is enough


def _method_and_key(identity: Identity, context: CheckinContext) -> tuple[CheckinMethod, str]:
    if isinstance(identity, BadgeIdentity):
        return CheckinMethod.BADGE, "b:" + identity.badge_hash[:64]
    if isinstance(identity, CodeIdentity):
        digest = hashlib.sha256(identity.payload.strip().upper().encode("utf-8", "replace"))
        return CheckinMethod.QR, "q:" + digest.hexdigest()[:40]
    return CheckinMethod.MANUAL, f"p:{identity.person_id}"


def _decide(
    session: Session, identity: Identity, context: CheckinContext, now: datetime
) -> _Decision:
    picked = _event_or_fail(session, context.event_id) if context.event_id is not None else None
    ticket_event: Event | None = None
    if isinstance(identity, BadgeIdentity):
        person = person_for_badge(session, identity.badge_hash)
        if person is None or not person.active:
            return _Decision(CheckinOutcome.UNKNOWN_BADGE, event=picked)
    elif isinstance(identity, CodeIdentity):
        claims_or_refusal = _read_code(session, identity.payload, context, now)
        if isinstance(claims_or_refusal, _Decision):
            claims_or_refusal.event = claims_or_refusal.event or picked
            return claims_or_refusal
        person, ticket_event = claims_or_refusal
    else:
        found = session.get(Person, identity.person_id)
        if found is None:
            raise LookupError(f"no person with id {identity.person_id}")
        person = found

    if picked is not None:
        if ticket_event is not None and ticket_event.id != picked.id:
            return _Decision(
                CheckinOutcome.WRONG_EVENT, person, picked, ticket_event, "ticket for another event"
            )
        return _decide_for_event(session, person, picked, now, ticket=ticket_event is not None)

    open_here = _open_events(session, context, now, person.id)
    open_events = [event for event, _ in open_here]
    if ticket_event is not None:
        if any(e.id == ticket_event.id for e in open_events):
            return _decide_for_event(session, person, ticket_event, now, ticket=True)
        if ticket_event.site_id == context.site_id and _window_contains_not(ticket_event, now):
            return _Decision(CheckinOutcome.OUTSIDE_WINDOW, person, ticket_event)
        return _Decision(CheckinOutcome.WRONG_EVENT, person, None, ticket_event, "ticket elsewhere")
    registered_here = next(
        (e for e, status in open_here if status is RegistrationStatus.CONFIRMED), None
    )
    if registered_here is not None:
        return _decide_for_event(session, person, registered_here, now, ticket=False)
    waiting_here = next(
        (e for e, status in open_here if status is RegistrationStatus.WAITING_LIST), None
    )
    if waiting_here is not None:  # where they wait says more than an event they never chose
        return _decide_for_event(session, person, waiting_here, now, ticket=False)
    if open_events:
        return _decide_for_event(session, person, open_events[0], now, ticket=False)
    if context.space is not None and not isinstance(identity, CodeIdentity):
        return _Decision(CheckinOutcome.VISIT_RECORDED, person, None, _next_registration(
            session, person.id, now, exclude=None
        ))  # fmt: skip
    upcoming = _next_registration(session, person.id, now, exclude=None)
    if upcoming is not None and upcoming.site_id == context.site_id:
        return _Decision(CheckinOutcome.OUTSIDE_WINDOW, person, upcoming)
    if upcoming is not None:
        return _Decision(CheckinOutcome.WRONG_EVENT, person, None, upcoming)
    return _Decision(CheckinOutcome.NOT_REGISTERED, person, None, None, "no event open here")


def _decide_for_event(
    session: Session, person: Person, event: Event, now: datetime, *, ticket: bool
) -> _Decision:
    attended, status = session.execute(
        _standing_query(), {"person_id": person.id, "event_id": event.id}
    ).one()
    if attended is not None:
        return _Decision(CheckinOutcome.ALREADY_CHECKED_IN, person, event)
    if status is RegistrationStatus.WAITING_LIST:  # a ticket too: the wait is what counts
        return _Decision(CheckinOutcome.WAITING_LIST, person, event, None, "waiting list")
    # A genuine ticket proves the registration even when this kiosk's copy lacks it (a Smart
    # Tour kiosk that has not synchronised); an explicit cancellation still wins.
    registered = status is RegistrationStatus.CONFIRMED or (ticket and status is None)
    if not registered:
        other = _next_registration(session, person.id, now, exclude=event.id)
        if other is not None:
            return _Decision(CheckinOutcome.WRONG_EVENT, person, event, other)
        if _may_attend(person, event) and seats_left(session, event) == 0:
            return _Decision(CheckinOutcome.EVENT_FULL, person, event)
        detail = f"registration {status}" if status is not None else "no registration"
        return _Decision(CheckinOutcome.NOT_REGISTERED, person, event, None, detail)
    if not window_open(event, now):
        return _Decision(CheckinOutcome.OUTSIDE_WINDOW, person, event)
    return _Decision(CheckinOutcome.OK, person, event)


@cache
def _standing_query() -> Select[int, RegistrationStatus]:
    """A person's attendance and registration at one event."""
    person = bindparam("person_id", type_=Integer)
    event = bindparam("event_id", type_=Integer)
    return (
        select(Attendance.id, Registration.status)
        .select_from(Event)
        .outerjoin(
            Attendance, and_(Attendance.event_id == Event.id, Attendance.person_id == person)
        )
        .outerjoin(
            Registration, and_(Registration.event_id == Event.id, Registration.person_id == person)
        )
        .where(Event.id == event)
    )


def _read_code(
    session: Session, payload: str, context: CheckinContext, now: datetime
) -> tuple[Person, Event] | _Decision:
    reference = reference_in(payload)
    if reference is not None:  # a sign-up slip's QR: no key needed, the registration says it
        found = session.execute(
            select(Person, Event)
            .join(Registration, Registration.person_id == Person.id)
            .join(Event, Event.id == Registration.event_id)
            .where(Registration.reference == reference)
        ).first()
        if found is None or not found[0].active:
            return _Decision(CheckinOutcome.INVALID_CODE, detail="no registration by reference")
        return found[0], found[1]
    if context.verifier is None:
        return _Decision(CheckinOutcome.INVALID_CODE, detail="this kiosk holds no ticket key")
    try:
        claims = context.verifier.verify(payload, now)
    except TicketRejected as refusal:
        event = session.get(Event, refusal.claims.event_id) if refusal.claims else None
        return _Decision(refusal.outcome, event=event, detail=refusal.detail)
    return _ticket_holder(session, claims.serial, claims.person_id, claims.event_id)


def _ticket_holder(
    session: Session, serial: str, person_id: int, event_id: int
) -> tuple[Person, Event] | _Decision:
    """Who a genuine ticket admits, and to what; or why not (revoked, unknown)."""
    revoked = session.scalar(_revocation_query(), {"serial": serial})
    event = session.get(Event, event_id)
    if revoked is not None:
        return _Decision(CheckinOutcome.REVOKED_CODE, event=event, detail=serial)
    person = session.get(Person, person_id)
    if person is None or event is None or not person.active:
        return _Decision(CheckinOutcome.INVALID_CODE, detail="genuine code for unknown data")
    return person, event


@cache
def _revocation_query() -> Select[int]:
    return select(TicketRevocation.id).where(TicketRevocation.serial == bindparam("serial"))


def _event_or_fail(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise LookupError(f"no event with id {event_id}")
    return event


def _open_events(
    session: Session, context: CheckinContext, now: datetime, person_id: int
) -> list[tuple[Event, RegistrationStatus | None]]:
    """Events at the site whose check-in window contains ``now``, soonest first, each with the
    person's registration status there (None: not registered)."""
    # The window is at most a day around the event: bound the scan with the indexed start.
    params: dict[str, object] = {
        "person_id": person_id,
        "site_id": context.site_id,
        "latest_start": now + timedelta(days=1),
        "earliest_end": now - timedelta(days=1),
    }
    if context.space is not None:
        params["space"] = context.space
    rows = session.execute(_open_events_query(context.space is not None), params).all()
    return [(event, status) for event, status in rows if window_open(event, now)]


@cache
def _open_events_query(in_space: bool) -> Select[Event, RegistrationStatus]:
    query = (
        select(Event, Registration.status)
        .outerjoin(
            Registration,
            and_(
                Registration.event_id == Event.id, Registration.person_id == bindparam("person_id")
            ),
        )
        .where(
            Event.site_id == bindparam("site_id"),
            Event.starts_at <= bindparam("latest_start"),
            Event.ends_at >= bindparam("earliest_end"),
        )
    )
    if in_space:
        query = query.where(Event.space == bindparam("space"))
    return query.order_by(Event.starts_at, Event.id)


def _next_registration(
    session: Session, person_id: int, now: datetime, *, exclude: int | None
) -> Event | None:
    """The person's confirmed event that is on now or next (what "go there instead" names)."""
    query = (
        select(Event)
        .join(Registration, Registration.event_id == Event.id)
        .where(
            Registration.person_id == person_id,
            Registration.status == RegistrationStatus.CONFIRMED,
            Event.ends_at > now,
        )
        .order_by(Event.starts_at, Event.id)
        .limit(1)
    )
    if exclude is not None:
        query = query.where(Event.id != exclude)
    return session.scalar(query)


def checkin_window(event: Event) -> tuple[datetime, datetime]:
    return (
        event.starts_at - timedelta(minutes=event.checkin_opens_minutes_before),
        event.ends_at + timedelta(minutes=event.checkin_closes_minutes_after),
    )


def window_open(event: Event, now: datetime) -> bool:
    opens, closes = checkin_window(event)
    return opens <= now <= closes


def _window_contains_not(event: Event, now: datetime) -> bool:
    return not window_open(event, now)


def _may_attend(person: Person, event: Event) -> bool:
    return person.active and (person.kind is PersonKind.AGENT or event.open_to_external)


def place_free_for(
    session: Session,
    event: Event,
    registration: Registration | None,
    now: datetime,
    *,
    staff_at_door: bool = False,
) -> bool:
    """Whether a free place may go to this person now without passing anyone in the queue.

    Free places go to those waiting in the order they joined, as the sign-up's promotion
    gives them: a place is this person's only when fewer people wait ahead of them than there
    are free places (everyone on the list waits ahead of a person not on it). The kiosk by
    itself keeps that order even after the start, when nobody is promoted any more; then
    ``staff_at_door``, who see who is actually there, may give a free place to anyone present.
    """
    left = seats_left(session, event)
    if left is None:
        return True
    if left <= 0:
        return False
    if staff_at_door and event.starts_at <= now:
        return True
    position = waiting_position(session, registration) if registration is not None else None
    ahead = position - 1 if position is not None else waiting_count(session, event.id)
    return left > ahead


def seats_left(session: Session, event: Event) -> int | None:
    """Confirmed places left (None: no limit). Walk-ins take a confirmed place."""
    if event.capacity is None:
        return None
    taken = session.scalar(
        select(func.count(Registration.id)).where(
            Registration.event_id == event.id,
            Registration.status == RegistrationStatus.CONFIRMED,
        )
    )
    return max(event.capacity - int(taken or 0), 0)


_SEAT_OUTCOMES: Final = frozenset(
    {CheckinOutcome.NOT_REGISTERED, CheckinOutcome.EVENT_FULL, CheckinOutcome.WAITING_LIST}
)


def _describe(session: Session, record: CheckinRecord, *, repeated: bool) -> CheckinResult:
    """The result of a ledger record (also for replays: the same nonce gives the same answer)."""
    person = session.get(Person, record.person_id) if record.person_id else None
    event = session.get(Event, record.event_id) if record.event_id else None
    related = session.get(Event, record.related_event_id) if record.related_event_id else None
    first_at: datetime | None = None
    first_kiosk: str | None = None
    if record.outcome is CheckinOutcome.ALREADY_CHECKED_IN and event and person:
        row = session.execute(
            select(Attendance.at, Kiosk.name)
            .join(Kiosk, Kiosk.id == Attendance.kiosk_id)
            .where(Attendance.event_id == event.id, Attendance.person_id == person.id)
        ).first()
        if row is not None:
            first_at, first_kiosk = row[0], row[1]
    walk_in = False
    position: int | None = None
    # Counting the event's registrations costs ~10 ms at 10,000 of them: only when it is said.
    wanted = record.outcome in _SEAT_OUTCOMES or record.method is CheckinMethod.WALK_IN
    left = seats_left(session, event) if event is not None and wanted else None
    if record.outcome is CheckinOutcome.NOT_REGISTERED and event and person:
        walk_in = (
            _may_attend(person, event)
            and window_open(event, record.at)
            and place_free_for(session, event, None, record.at)
        )
    if record.outcome is CheckinOutcome.WAITING_LIST and event and person:
        registration = _registration(session, event.id, person.id)
        if registration is not None:
            position = waiting_position(session, registration)
            walk_in = (
                position is not None
                and _may_attend(person, event)
                and window_open(event, record.at)
                and place_free_for(session, event, registration, record.at)
            )
    return CheckinResult(
        outcome=record.outcome,
        method=record.method,
        checkin_id=record.id,
        at=record.at,
        person_id=person.id if person else None,
        first_name=person.first_name if person else None,
        event=event_info(session, event) if event else None,
        first_checkin_at=first_at,
        first_checkin_kiosk=first_kiosk,
        registered_event=event_info(session, related) if related else None,
        walk_in_possible=walk_in,
        seats_left=left,
        repeated=repeated,
        detail=record.detail,
        waiting_position=position,
    )


def _registration(session: Session, event_id: int, person_id: int) -> Registration | None:
    return session.scalar(
        select(Registration).where(
            Registration.event_id == event_id, Registration.person_id == person_id
        )
    )


def event_info(session: Session, event: Event) -> EventInfo:
    place = PLACE_NAMES.get(event.space)
    if place is None:
        place = session.scalar(select(Site.town).where(Site.id == event.site_id)) or ""
    opens, closes = checkin_window(event)
    return EventInfo(
        id=event.id,
        title=event.title,
        kind=event.kind,
        space=event.space,
        place=place,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        checkin_opens_at=opens,
        checkin_closes_at=closes,
    )


# --- staff actions -------------------------------------------------------------------------


def register_walk_in(
    session: Session,
    person_id: int,
    event_id: int,
    kiosk_id: int,
    now: datetime,
    nonce: str,
    *,
    staff_id: int | None = None,
    also: AlsoInTransaction | None = None,
    staff_at_door: bool = False,
) -> CheckinResult:
    """Give a seat on the spot and check in (method ``walk_in``); commits, with ``also`` in the
    same transaction as for :func:`check_in`. ``staff_at_door``: the staff door mode, where
    once the event has started a free place may go to anyone present (:func:`place_free_for`).

    Refuses with ``event_full`` when no confirmed place is left for them (before the start,
    places owed to those on the waiting list count as taken: :func:`place_free_for`),
    ``waiting_list`` when they wait and the free places go to those ahead of them,
    ``not_registered`` when the person may not attend (a visitor at an agents-only event),
    ``outside_window`` when the window is closed, and ``already_checked_in`` when they are in.
    A waiting person given the place leaves the waiting list. Idempotent by nonce. The seat
    count is read under the write lock (SQLite) or a row lock on the event (PostgreSQL), so two
    kiosks cannot both take the last seat.
    """
    _require_aware(now)
    _begin_write(session)
    try:
        result = _walk_in(
            session, person_id, event_id, kiosk_id, now, nonce, staff_id, staff_at_door
        )
        if also is not None:
            also(session, result)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return result


def _walk_in(
    session: Session,
    person_id: int,
    event_id: int,
    kiosk_id: int,
    now: datetime,
    nonce: str,
    staff_id: int | None,
    staff_at_door: bool,
) -> CheckinResult:
    replay = session.scalar(select(CheckinRecord).where(CheckinRecord.nonce == nonce))
    if replay is not None:
        return _describe(session, replay, repeated=True)
    event = session.scalar(select(Event).where(Event.id == event_id).with_for_update())
    person = session.get(Person, person_id)
    if event is None or person is None:
        raise LookupError(f"no event {event_id} or no person {person_id}")
    registration = _registration(session, event_id, person_id)
    already = session.scalar(
        select(Attendance.id).where(
            Attendance.event_id == event_id, Attendance.person_id == person_id
        )
    )
    confirmed = registration is not None and registration.status is RegistrationStatus.CONFIRMED
    waiting = registration is not None and registration.status is RegistrationStatus.WAITING_LIST
    if already is not None:
        outcome = CheckinOutcome.ALREADY_CHECKED_IN
    elif not _may_attend(person, event):
        outcome = CheckinOutcome.NOT_REGISTERED
    elif not window_open(event, now):
        outcome = CheckinOutcome.OUTSIDE_WINDOW
    elif not confirmed and not place_free_for(
        session, event, registration if waiting else None, now, staff_at_door=staff_at_door
    ):
        # no place, or only places owed to those who joined the waiting list earlier
        outcome = CheckinOutcome.WAITING_LIST if waiting else CheckinOutcome.EVENT_FULL
    else:
        outcome = CheckinOutcome.OK
    record = CheckinRecord(
        nonce=nonce,
        kiosk_id=kiosk_id,
        at=now,
        method=CheckinMethod.WALK_IN,
        outcome=outcome,
        event_id=event_id,
        person_id=person_id,
        identity_key=f"p:{person_id}",
        staff_id=staff_id,
        detail="walk-in",
    )
    if outcome is CheckinOutcome.OK:
        if registration is None:
            session.add(
                Registration(
                    event_id=event_id,
                    person_id=person_id,
                    status=RegistrationStatus.CONFIRMED,
                    created_at=now,
                )
            )
        else:  # cancelled earlier, or waiting and the place is theirs in order
            registration.status = RegistrationStatus.CONFIRMED
            registration.waiting_since = None
            registration.status_at = now
        session.flush()
        if not _admit(session, record, event_id, person_id, person.direction_id):
            _lost_race(record, "walk-in raced a check-in")
    else:
        session.add(record)
    session.flush()
    return _describe(session, record, repeated=False)


def undo_checkin(
    session: Session,
    checkin_id: int,
    kiosk_id: int,
    now: datetime,
    nonce: str,
    *,
    staff_id: int | None = None,
) -> bool:
    """Take back an ok check-in; commits. False when it is not (or no longer) admitted.

    The ledger keeps the check-in; a ``checkin_undo`` row records who took it back, when and
    where, and the person's attendance row goes, so they can be checked in again.
    """
    _require_aware(now)
    _begin_write(session)
    try:
        attendance = session.scalar(select(Attendance).where(Attendance.checkin_id == checkin_id))
        if attendance is None:
            session.rollback()
            return False
        session.add(
            CheckinUndo(
                checkin_id=checkin_id, nonce=nonce, kiosk_id=kiosk_id, at=now, staff_id=staff_id
            )
        )
        session.delete(attendance)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return True


# --- helpers -------------------------------------------------------------------------------


def local_day(at: datetime) -> date:
    return at.astimezone(PARIS).date()


def _require_aware(now: datetime) -> None:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")


def _begin_write(session: Session) -> None:
    """Start the transaction as a writer at once (SQLite ``BEGIN IMMEDIATE``).

    Every check-in reads then writes: taking the write lock first means two kiosk processes
    on one SQLite file queue up instead of failing with "database is locked" on upgrade.
    """
    if session.in_transaction():
        return
    begin_as_writer(session)

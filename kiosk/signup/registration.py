"""Signing up to an event at the kiosk: a place while there is one, else the waiting list;
cancelling frees the place for the first one waiting, in the order they joined.

Capacity races are settled by the database: every sign-up and cancellation starts as a writer
(SQLite ``BEGIN IMMEDIATE``) and locks the event row (PostgreSQL ``SELECT ... FOR UPDATE``)
before counting places, so two kiosks racing for the last place queue up and the second one
counts the first one's place. Each call commits; a promotion queues its notice in the same
transaction, so a place is never given without the person being told.
"""

from __future__ import annotations

import enum
import secrets
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.codes import reference_code
from kiosk.db.engine import begin_as_writer
from kiosk.db.models import Event, Person, Registration
from kiosk.domain import PersonKind, RegistrationSource, RegistrationStatus
from kiosk.people import VisitorForm, find_or_create_visitor
from kiosk.printing import spool
from kiosk.programme.agenda import PLACE_NAMES
from kiosk.programme.waiting import queue_order, waiting_position
from kiosk.signup.notices import enqueue_notice, promotion_notice
from kiosk.signup.slip import signup_slip
from kiosk.signup.tables import NoticeKind, SignupAct, SignupAction, SignupOutcome

REFERENCE_ALPHABET: Final = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud
REFERENCE_LENGTH: Final = 6
ACTIVE: Final = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING_LIST)


class SignupProblem(enum.StrEnum):
    UNKNOWN_EVENT = "unknown_event"
    UNKNOWN_PERSON = "unknown_person"
    ALREADY_STARTED = "already_started"  # sign-up closes when the event starts
    NOT_FOR_VISITORS = "not_for_visitors"  # an external visitor and an agents-only event
    INACTIVE = "inactive"  # the person's record is closed
    NOT_SIGNED_UP = "not_signed_up"  # cancelling what is not there


class SignupRefused(Exception):
    def __init__(self, problem: SignupProblem, detail: str = "") -> None:
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
        self.problem = problem


@dataclass(frozen=True)
class SignupResult:
    event_id: int
    status: RegistrationStatus  # CONFIRMED or WAITING_LIST
    reference: str
    position: int | None  # on the waiting list, 1 = next to get a place
    already: bool  # was already signed up (or waiting): nothing changed
    print_job_id: int | None = None


@dataclass(frozen=True)
class SlipRequest:
    """Print a slip with the sign-up, queued in its transaction (the spool prints it)."""

    kiosk_id: int
    kiosk_name: str
    lang: str = "fr"


SLIP_KIND: Final = "signup_slip"


@dataclass(frozen=True)
class CancelResult:
    event_id: int
    was: RegistrationStatus
    promoted: tuple[int, ...]  # person ids who got the freed place(s)


@dataclass(frozen=True)
class ActOrigin:
    """Where and under which nonce a sign-up or cancellation is made (the replay's key)."""

    kiosk_id: int | None
    nonce: str


def _record_act(
    session: Session,
    origin: ActOrigin,
    person_id: int,
    event_id: int,
    action: SignupAction,
    now: datetime,
    outcome: SignupOutcome,
    reference: str | None,
    detail: str = "",
) -> None:
    session.add(
        SignupAct(
            nonce=origin.nonce,
            kiosk_id=origin.kiosk_id,
            person_id=person_id,
            event_id=event_id,
            action=action,
            at=now,
            outcome=outcome,
            reference=reference,
            detail=detail,
        )
    )
    session.flush()


def record_refused_act(
    session: Session,
    origin: ActOrigin,
    person_id: int,
    event_id: int,
    action: SignupAction,
    now: datetime,
    problem: SignupProblem,
) -> None:
    """Keep an act the rules refused (a replay the central base said no to); flushes only."""
    _record_act(session, origin, person_id, event_id, action, now, SignupOutcome.REFUSED,
                None, problem.value)  # fmt: skip


def new_reference() -> str:
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def _begin_write(session: Session) -> None:
    if not session.in_transaction():
        begin_as_writer(session)


def _locked_event(session: Session, event_id: int) -> Event:
    event = session.scalar(select(Event).where(Event.id == event_id).with_for_update())
    if event is None:
        raise SignupRefused(SignupProblem.UNKNOWN_EVENT, str(event_id))
    return event


def _count(session: Session, event_id: int, status: RegistrationStatus) -> int:
    return int(
        session.scalar(
            select(func.count(Registration.id)).where(
                Registration.event_id == event_id, Registration.status == status
            )
        )
        or 0
    )


def sign_up(
    session: Session,
    person_id: int,
    event_id: int,
    now: datetime,
    *,
    source: RegistrationSource = RegistrationSource.KIOSK,
    slip: SlipRequest | None = None,
    act: ActOrigin | None = None,
    reference: str | None = None,
) -> SignupResult:
    """A place if one is free and nobody waits for it, else a place on the waiting list.

    Signing up again changes nothing (the same reference comes back, and a slip if asked).
    ``act`` records the sign-up as it happened (:class:`SignupAct`, the Smart Tour's outbox);
    ``reference`` is the one a slip already carries (a replay), when no other holds it.
    Commits.
    """
    _begin_write(session)
    try:
        result = _sign_up(session, person_id, event_id, now, source, reference)
        if act is not None:
            _record_act(session, act, person_id, event_id, SignupAction.SIGN_UP, now,
                        SignupOutcome(result.status.value), result.reference)  # fmt: skip
        if slip is not None:
            result = replace(result, print_job_id=_queue_slip(session, result, slip, now))
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return result


def _sign_up(
    session: Session,
    person_id: int,
    event_id: int,
    now: datetime,
    source: RegistrationSource,
    reference: str | None = None,
) -> SignupResult:
    event = _locked_event(session, event_id)
    person = session.get(Person, person_id)
    if person is None:
        raise SignupRefused(SignupProblem.UNKNOWN_PERSON, str(person_id))
    registration = session.scalar(
        select(Registration).where(
            Registration.event_id == event_id, Registration.person_id == person_id
        )
    )
    if registration is not None and registration.status in ACTIVE:
        if registration.reference is None:  # imported: give it one for the slip
            registration.reference = new_reference()
            session.flush()
        return _result(session, registration, already=True)
    if not person.active:
        raise SignupRefused(SignupProblem.INACTIVE)
    if person.kind is not PersonKind.AGENT and not event.open_to_external:
        raise SignupRefused(SignupProblem.NOT_FOR_VISITORS)
    if event.starts_at <= now:
        raise SignupRefused(SignupProblem.ALREADY_STARTED)
    status = RegistrationStatus.CONFIRMED
    if event.capacity is not None:
        free = event.capacity - _count(session, event_id, RegistrationStatus.CONFIRMED)
        if free <= _count(session, event_id, RegistrationStatus.WAITING_LIST):
            status = RegistrationStatus.WAITING_LIST
    waiting_since = now if status is RegistrationStatus.WAITING_LIST else None
    if reference is not None and session.scalar(
        select(Registration.id).where(Registration.reference == reference)
    ):
        reference = None  # another registration holds it: this one gets its own
    if registration is None:
        registration = Registration(
            event_id=event_id,
            person_id=person_id,
            status=status,
            created_at=now,
            source=source,
            reference=reference or new_reference(),
            waiting_since=waiting_since,
            status_at=now,
        )
        session.add(registration)
    else:  # cancelled earlier: signs up again, at the back of the queue
        registration.status = status
        registration.waiting_since = waiting_since
        registration.status_at = now
        registration.reference = registration.reference or reference or new_reference()
    session.flush()
    return _result(session, registration, already=False)


def sign_up_visitor(
    session: Session,
    form: VisitorForm,
    event_id: int,
    now: datetime,
    *,
    slip: SlipRequest | None = None,
    act: ActOrigin | None = None,
) -> SignupResult:
    """An external visitor, from the kiosk's form, signs up to an event open to visitors.

    The visitor is found (same e-mail, or same name and organisation) or recorded, and signed
    up, in one transaction: a refused sign-up (an agents-only event, already started) leaves
    no record of them. Their slip carries the reference as a QR code, their way in at the door.
    ``act`` records the sign-up as it happened, as for an agent: a Smart Tour kiosk replays it
    centrally (without it, a visitor signed up offline never reached the central base).
    Commits.
    """
    _begin_write(session)
    try:
        event = _locked_event(session, event_id)
        if not event.open_to_external:  # before recording anyone
            raise SignupRefused(SignupProblem.NOT_FOR_VISITORS)
        person_id = find_or_create_visitor(
            session,
            first_name=form.first_name,
            last_name=form.last_name,
            organisation=form.organisation,
            email=form.email or None,
            now=now,
        )
        result = _sign_up(session, person_id, event_id, now, RegistrationSource.VISITOR_FORM)
        if act is not None:
            _record_act(session, act, person_id, event_id, SignupAction.SIGN_UP, now,
                        SignupOutcome(result.status.value), result.reference)  # fmt: skip
        if slip is not None:
            job = _queue_slip(session, result, slip, now, qr=reference_code(result.reference))
            result = replace(result, print_job_id=job)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return result


def _queue_slip(
    session: Session,
    result: SignupResult,
    slip: SlipRequest,
    now: datetime,
    *,
    qr: str | None = None,
) -> int:
    event = session.get_one(Event, result.event_id)
    english = slip.lang == "en" and bool(event.title_en)
    receipt = signup_slip(
        title=event.title_en if english else event.title,
        place=PLACE_NAMES.get(event.space, event.site.town),
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        status=result.status,
        reference=result.reference,
        position=result.position,
        kiosk_name=slip.kiosk_name,
        now=now,
        lang=slip.lang,
        qr_payload=qr,
    )
    return spool.enqueue(
        session, receipt, kind=SLIP_KIND, ref=result.reference, kiosk_id=slip.kiosk_id, now=now
    )


def _result(session: Session, registration: Registration, *, already: bool) -> SignupResult:
    assert registration.reference is not None
    return SignupResult(
        event_id=registration.event_id,
        status=registration.status,
        reference=registration.reference,
        position=waiting_position(session, registration),
        already=already,
    )


def cancel(
    session: Session,
    person_id: int,
    event_id: int,
    now: datetime,
    *,
    act: ActOrigin | None = None,
) -> CancelResult:
    """Give the place (or the wait) back; a freed place goes to the first one waiting.

    ``act`` records the cancellation as it happened (see :func:`sign_up`). Commits.
    """
    _begin_write(session)
    try:
        event = _locked_event(session, event_id)
        registration = session.scalar(
            select(Registration).where(
                Registration.event_id == event_id, Registration.person_id == person_id
            )
        )
        if registration is None or registration.status not in ACTIVE:
            raise SignupRefused(SignupProblem.NOT_SIGNED_UP)
        was = registration.status
        registration.status = RegistrationStatus.CANCELLED
        registration.waiting_since = None
        registration.status_at = now
        session.flush()
        promoted = promote_waiting(session, event, now)
        if act is not None:
            _record_act(session, act, person_id, event_id, SignupAction.CANCEL, now,
                        SignupOutcome.CANCELLED, registration.reference)  # fmt: skip
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return CancelResult(event_id, was, promoted)


def promote_waiting(session: Session, event: Event, now: datetime) -> tuple[int, ...]:
    """Give free places to those waiting, first come first served; queue their notices.

    The caller holds the event's lock (see the module docstring). A place only goes to someone
    before the event starts: after that, the door's walk-in rules apply.
    """
    if event.capacity is None or event.starts_at <= now:
        free = 0 if event.capacity is not None else None
    else:
        free = event.capacity - _count(session, event.id, RegistrationStatus.CONFIRMED)
    waiting = select(Registration).where(
        Registration.event_id == event.id,
        Registration.status == RegistrationStatus.WAITING_LIST,
    )
    if free is not None:
        if free <= 0:
            return ()
        waiting = waiting.limit(free)
    promoted: list[int] = []
    for registration in session.scalars(waiting.order_by(*queue_order())).all():
        since = registration.waiting_since or registration.created_at
        registration.status = RegistrationStatus.CONFIRMED
        registration.waiting_since = None
        registration.status_at = now
        if registration.reference is None:
            registration.reference = new_reference()
        visitor = registration.person.kind is PersonKind.VISITOR
        subject, body = promotion_notice(event, registration.reference, visitor=visitor)
        enqueue_notice(
            session,
            kind=NoticeKind.PROMOTED,
            key=f"promoted:{registration.id}:{since.isoformat()}",
            person_id=registration.person_id,
            subject=subject,
            body=body,
            now=now,
        )
        promoted.append(registration.person_id)
    session.flush()
    return tuple(promoted)


def promote_where_places_are_free(session: Session, now: datetime) -> dict[int, tuple[int, ...]]:
    """Give the places an import freed (a capacity raised, registrations cancelled) to those
    waiting, event by event, in the order they joined, with their notices; before the events
    start only. Without it the door told the first ones waiting that free places were owed to
    them, and nobody gave them. Commits; ``{event id: person ids promoted}``."""
    _begin_write(session)
    try:
        waited = session.scalars(
            select(Registration.event_id)
            .join(Event, Event.id == Registration.event_id)
            .where(Registration.status == RegistrationStatus.WAITING_LIST, Event.starts_at > now)
            .distinct()
        ).all()
        promoted: dict[int, tuple[int, ...]] = {}
        for event_id in sorted(waited):
            given = promote_waiting(session, _locked_event(session, event_id), now)
            if given:
                promoted[event_id] = given
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return promoted


@dataclass(frozen=True)
class Standing:
    """Where one person stands for one event: what the sign-up panel offers them."""

    person_id: int
    first_name: str
    display_name: str  # first name and initial
    may_sign_up: bool  # an agent, or a visitor and the event is open to them
    status: RegistrationStatus | None  # None: not signed up (or cancelled)
    position: int | None
    reference: str | None


def standing(session: Session, person: Person, event_id: int) -> Standing:
    event = session.get(Event, event_id)
    if event is None:
        raise SignupRefused(SignupProblem.UNKNOWN_EVENT, str(event_id))
    registration = session.scalar(
        select(Registration).where(
            Registration.event_id == event_id, Registration.person_id == person.id
        )
    )
    active = registration is not None and registration.status in ACTIVE
    initial = person.last_name[:1].upper()
    return Standing(
        person_id=person.id,
        first_name=person.first_name,
        display_name=f"{person.first_name} {initial}." if initial else person.first_name,
        may_sign_up=person.active and (person.kind is PersonKind.AGENT or event.open_to_external),
        status=registration.status if active and registration else None,
        position=waiting_position(session, registration) if active and registration else None,
        reference=registration.reference if active and registration else None,
    )

"""« Mon espace »: what one agent has on, after a badge tap — coming events (with the waiting
list position), requests and orders with their state, and whether mail will tell them news.

Only this person's data, read in one short session; the screen forgets it at « Terminé » and
at the idle reset.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.collect.pickup import HISTORY
from kiosk.collect.requests import AgentRequest, agent_requests
from kiosk.db.models import Event, Person, Registration
from kiosk.domain import EventKind, RegistrationStatus
from kiosk.programme.agenda import PLACE_NAMES
from kiosk.programme.waiting import waiting_position
from kiosk.signup.registration import ACTIVE, SignupProblem
from kiosk.signup.tables import SignupAct, SignupAction, SignupOutcome


@dataclass(frozen=True)
class MyRegistration:
    event_id: int
    kind: EventKind
    title: str
    title_en: str
    place: str
    starts_at: datetime
    ends_at: datetime
    status: RegistrationStatus
    reference: str | None
    position: int | None  # on the waiting list, 1 = next
    # A sign-up made offline on the Smart Tour that the central base refused when it was
    # replayed: why (the registration is cancelled; the slip no longer admits).
    refusal: SignupProblem | None = None

    @property
    def refused(self) -> bool:
        """Listed although not active: refused centrally (``refusal`` says why, when known)."""
        return self.status is RegistrationStatus.CANCELLED

    def title_in(self, english: bool) -> str:
        return self.title_en if english and self.title_en else self.title


@dataclass(frozen=True)
class MySpace:
    person_id: int
    first_name: str
    display_name: str  # first name and initial
    has_email: bool
    registrations: tuple[MyRegistration, ...]
    # Requests made at a kiosk and imported orders, one line each: open ones first, then
    # those closed in the last weeks, newest first within each (kiosk.collect.requests).
    requests: tuple[AgentRequest, ...]


def my_space(session: Session, person: Person, now: datetime) -> MySpace:
    rows = session.execute(
        select(Registration, Event)
        .join(Event, Event.id == Registration.event_id)
        .where(
            Registration.person_id == person.id,
            Registration.status.in_(ACTIVE),
            Event.ends_at > now,
        )
        .order_by(Event.starts_at, Event.id)
    ).all()
    registrations = tuple(
        _registration(
            event,
            status=registration.status,
            reference=registration.reference,
            position=waiting_position(session, registration),
        )
        for registration, event in rows
    )
    registrations = tuple(
        sorted(
            (*registrations, *_refused(session, person.id, now)),
            key=lambda r: (r.starts_at, r.event_id),
        )
    )
    lines = agent_requests(session, person.id, closed_since=now - HISTORY)
    initial = person.last_name[:1].upper()
    return MySpace(
        person_id=person.id,
        first_name=person.first_name,
        display_name=f"{person.first_name} {initial}." if initial else person.first_name,
        has_email=bool(person.email),
        registrations=registrations,
        requests=tuple(sorted(lines, key=lambda r: not r.is_open)),  # stable: newest first
    )


def _registration(
    event: Event,
    *,
    status: RegistrationStatus,
    reference: str | None,
    position: int | None,
    refusal: SignupProblem | None = None,
) -> MyRegistration:
    """One line of « Mes événements »: the event's facts and the agent's registration."""
    return MyRegistration(
        event_id=event.id,
        kind=event.kind,
        title=event.title,
        title_en=event.title_en,
        place=PLACE_NAMES.get(event.space, event.site.town),
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        status=status,
        reference=reference,
        position=position,
        refusal=refusal,
    )


def _refused(session: Session, person_id: int, now: datetime) -> list[MyRegistration]:
    """Coming events whose last sign-up act of this person was refused centrally (a replay
    from the Smart Tour) and where they hold no place nor wait now."""
    last_act = (
        select(func.max(SignupAct.id))
        .where(SignupAct.person_id == person_id)
        .group_by(SignupAct.event_id)
    )
    active = select(Registration.event_id).where(
        Registration.person_id == person_id, Registration.status.in_(ACTIVE)
    )
    rows = session.execute(
        select(SignupAct, Event)
        .join(Event, Event.id == SignupAct.event_id)
        .where(
            SignupAct.id.in_(last_act),
            SignupAct.action == SignupAction.SIGN_UP,
            SignupAct.outcome == SignupOutcome.REFUSED,
            Event.ends_at > now,
            SignupAct.event_id.not_in(active),
        )
    ).all()
    return [
        _registration(
            event,
            status=RegistrationStatus.CANCELLED,
            reference=act.reference,
            position=None,
            refusal=SignupProblem(act.detail) if act.detail in set(SignupProblem) else None,
        )
        for act, event in rows
    ]

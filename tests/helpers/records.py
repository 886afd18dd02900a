"""Small builders for database rows: each test states only what matters to it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import count

from sqlalchemy.orm import Session

from kiosk.db.models import Event, Person, Registration, Site
from kiosk.domain import EventKind, PersonKind, RegistrationStatus, Role, Space

CREATED = datetime(2026, 1, 5, 9, tzinfo=UTC)
_numbers = count(1)


def site(session: Session, *, town: str = "Nice", smart_corner: bool = True) -> Site:
    n = next(_numbers)
    row = Site(
        code=f"S{n}",
        name=f"Site {town} {n}",
        town=town,
        address=f"{n} avenue de la République, {town}",
        is_smart_corner=smart_corner,
    )
    session.add(row)
    session.flush()
    return row


def event(
    session: Session,
    at: Site,
    *,
    kind: EventKind = EventKind.MASTERCLASS,
    space: Space = Space.SMART_ROOM,
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
    capacity: int | None = 60,
    title: str | None = None,
    open_to_external: bool = False,
) -> Event:
    start = starts_at or datetime(2026, 6, 1, 8, tzinfo=UTC)
    row = Event(
        kind=kind,
        title=title or f"Événement {next(_numbers)}",
        space=space,
        site_id=at.id,
        starts_at=start,
        ends_at=ends_at or start + timedelta(hours=2),
        capacity=capacity,
        open_to_external=open_to_external,
        created_at=CREATED,
    )
    session.add(row)
    session.flush()
    return row


def person(
    session: Session,
    *,
    kind: PersonKind = PersonKind.AGENT,
    matricule: str | None = "auto",
    role: Role | None = Role.AGENT,
) -> Person:
    n = next(_numbers)
    row = Person(
        kind=kind,
        matricule=f"A{n:06d}" if matricule == "auto" else matricule,
        first_name="Camille",
        last_name=f"Martin{n}",
        role=role,
        created_at=CREATED,
    )
    session.add(row)
    session.flush()
    return row


def registration(
    session: Session,
    of: Event,
    who: Person,
    *,
    status: RegistrationStatus = RegistrationStatus.CONFIRMED,
) -> Registration:
    row = Registration(event_id=of.id, person_id=who.id, status=status, created_at=CREATED)
    session.add(row)
    session.flush()
    return row

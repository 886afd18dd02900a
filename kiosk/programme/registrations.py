"""The registrations CSV: ``event`` (an imported uid, or an event id) and either
``matricule`` or ``email`` for an agent, or ``first_name``, ``last_name`` and ``organisation``
(and optionally ``email``) for an external visitor; optional ``status`` (confirmed,
waiting_list, cancelled). Read by the shared office-file reader (encoding, separator, or an
Excel workbook)."""

from __future__ import annotations

from datetime import datetime
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.db.models import Event, Person, Registration
from kiosk.domain import PersonKind, RegistrationStatus
from kiosk.exchange.csv_files import CsvProblem
from kiosk.exchange.tables import table_rows
from kiosk.people import find_or_create_visitor
from kiosk.programme.rows import ImportReport, RowError, RowRejected, is_number
from kiosk.programme.tables import EventSource
from kiosk.text import fold_words

STATUS_NAMES: Final = {
    "": RegistrationStatus.CONFIRMED,
    "confirmed": RegistrationStatus.CONFIRMED,
    "confirme": RegistrationStatus.CONFIRMED,
    "inscrit": RegistrationStatus.CONFIRMED,
    "waiting list": RegistrationStatus.WAITING_LIST,
    "waiting_list": RegistrationStatus.WAITING_LIST,
    "liste d attente": RegistrationStatus.WAITING_LIST,
    "attente": RegistrationStatus.WAITING_LIST,
    "cancelled": RegistrationStatus.CANCELLED,
    "annule": RegistrationStatus.CANCELLED,
}


VISITOR_LIMITS: Final = {"first_name": 100, "last_name": 100, "organisation": 200, "email": 254}


def import_registrations(
    session: Session, data: bytes | str, *, now: datetime, filename: str = ""
) -> ImportReport:
    """Import a registrations CSV or workbook (see the module docstring); flushes only."""
    report = ImportReport()
    sources = dict(session.execute(select(EventSource.uid, EventSource.event_id)).all())
    known_events = set(session.scalars(select(Event.id)))
    seen: dict[tuple[int, int], int] = {}
    for line, row in table_rows(data, filename=filename, required=("event",)):
        if isinstance(row, CsvProblem):
            report.errors.append(RowError(row.line, row.reason))
            continue
        try:
            event_id = _event_ref(row["event"], sources, known_events)
            status = STATUS_NAMES.get(fold_words(row.get("status", "")))
            if status is None:
                raise RowRejected(f"unknown status {row['status']!r}")
            person_id = _person_ref(session, row, now)
            if status is not RegistrationStatus.CANCELLED:
                _may_register(session, event_id, person_id)
        except RowRejected as exc:
            report.errors.append(RowError(line, str(exc)))
            continue
        if (event_id, person_id) in seen:
            report.errors.append(
                RowError(line, f"same person and event as line {seen[event_id, person_id]}")
            )
            continue
        seen[event_id, person_id] = line
        existing = session.scalar(
            select(Registration).where(
                Registration.event_id == event_id, Registration.person_id == person_id
            )
        )
        if existing is None:
            session.add(
                Registration(event_id=event_id, person_id=person_id, status=status, created_at=now)
            )
            report.created += 1
        elif existing.status is not status:
            existing.status = status
            report.updated += 1
        else:
            report.unchanged += 1
    session.flush()
    return report


def _may_register(session: Session, event_id: int, person_id: int) -> None:
    event = session.get(Event, event_id)
    person = session.get(Person, person_id)
    assert event is not None
    assert person is not None
    if person.kind is PersonKind.VISITOR and not event.open_to_external:
        raise RowRejected(f"event {event_id} is for agents only, not external visitors")


def _event_ref(value: str, sources: dict[str, int], known: set[int]) -> int:
    value = value.strip()
    if value in sources:
        return sources[value]
    if is_number(value) and int(value) in known:
        return int(value)
    occurrence = next((uid for uid in sorted(sources) if uid.startswith(f"{value}#")), None)
    if occurrence is not None:
        raise RowRejected(
            f"{value!r} is a recurring event: name one occurrence, such as {occurrence!r}"
        )
    raise RowRejected(f"unknown event {value!r} (an imported uid or an event id)")


def _person_ref(session: Session, row: dict[str, str], now: datetime) -> int:
    matricule = row.get("matricule", "").strip().upper()
    email = row.get("email", "").strip().lower()
    if matricule:
        person = session.scalar(select(Person).where(func.upper(Person.matricule) == matricule))
        if person is None:
            raise RowRejected(f"no agent with matricule {matricule!r}")
        return _active(person)
    if row.get("organisation", "").strip():
        for key, limit in VISITOR_LIMITS.items():
            if len(row.get(key, "")) > limit:
                raise RowRejected(f"{key} longer than {limit} characters")
        try:
            return find_or_create_visitor(
                session,
                first_name=row.get("first_name", ""),
                last_name=row.get("last_name", ""),
                organisation=row["organisation"],
                email=email or None,
                now=now,
            )
        except ValueError as exc:
            raise RowRejected(str(exc)) from None
    if email:
        agents = session.scalars(
            select(Person).where(Person.kind == PersonKind.AGENT, func.lower(Person.email) == email)
        ).all()
        if len(agents) != 1:
            raise RowRejected(f"no single agent with e-mail {email!r}")
        return _active(agents[0])
    raise RowRejected("no matricule, no e-mail, and no organisation for a visitor")


def _active(person: Person) -> int:
    if not person.active:
        raise RowRejected(f"{person.matricule or person.id} is no longer active")
    return person.id

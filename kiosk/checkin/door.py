"""What the staff door mode ("Mode accueil") and the operator commands need besides a scan:
counters, last scans, name search, visitors, visitor passes, revocations, attendance export.

Functions that write flush only; the caller's transaction commits (``with factory.begin()``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import IO, Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from kiosk.checkin.service import event_info
from kiosk.checkin.tables import Attendance, CheckinRecord, CheckinUndo, TicketRevocation
from kiosk.codes import TicketRejected, TicketVerifier, b32decode_strict
from kiosk.db.models import Event, Kiosk, Person, Registration
from kiosk.domain import (
    PARIS,
    CheckinMethod,
    CheckinOutcome,
    PersonKind,
    RegistrationStatus,
    new_nonce,
)
from kiosk.exchange.csv_files import SafeCsvWriter
from kiosk.ports import Receipt, ReceiptLine
from kiosk.text import fold_words

# --- counters and last scans ---------------------------------------------------------------


@dataclass(frozen=True)
class EventCounters:
    present: int  # checked in now (undone check-ins excluded)
    registered: int  # confirmed registrations (walk-ins included)
    capacity: int | None
    waiting: int  # on the waiting list
    walk_ins: int  # present through a walk-in
    refused: int  # refused scans logged for this event


def event_counters(session: Session, event_id: int) -> EventCounters:
    """The door-mode header: present / registered / capacity (three indexed counts)."""
    event = session.get(Event, event_id)
    if event is None:
        raise LookupError(f"no event with id {event_id}")
    present, walk_ins = session.execute(
        select(
            func.count(Attendance.id),
            func.count(Attendance.id).filter(Attendance.method == CheckinMethod.WALK_IN),
        ).where(Attendance.event_id == event_id)
    ).one()
    by_status = dict(
        session.execute(
            select(Registration.status, func.count(Registration.id))
            .where(Registration.event_id == event_id)
            .group_by(Registration.status)
        ).all()
    )
    refused = session.scalar(
        select(func.count(CheckinRecord.id)).where(
            CheckinRecord.event_id == event_id,
            CheckinRecord.outcome.not_in([CheckinOutcome.OK, CheckinOutcome.ALREADY_CHECKED_IN]),
        )
    )
    return EventCounters(
        present=int(present),
        registered=int(by_status.get(RegistrationStatus.CONFIRMED, 0)),
        capacity=event.capacity,
        waiting=int(by_status.get(RegistrationStatus.WAITING_LIST, 0)),
        walk_ins=int(walk_ins),
        refused=int(refused or 0),
    )


@dataclass(frozen=True)
class ScanLine:
    """One line of the staff screen's "last scans" (staff may see names; the public may not)."""

    checkin_id: int
    at: datetime
    outcome: CheckinOutcome
    method: CheckinMethod
    person_id: int | None
    first_name: str | None
    last_name: str | None
    kiosk: str
    undone: bool


def last_scans(session: Session, event_id: int, limit: int = 10) -> list[ScanLine]:
    """The newest scans at this event, newest first (uses the (event_id, at) index)."""
    undo = aliased(CheckinUndo)
    rows = session.execute(
        select(CheckinRecord, Person.first_name, Person.last_name, Kiosk.name, undo.id)
        .join(Kiosk, Kiosk.id == CheckinRecord.kiosk_id)
        .outerjoin(Person, Person.id == CheckinRecord.person_id)
        .outerjoin(undo, undo.checkin_id == CheckinRecord.id)
        .where(CheckinRecord.event_id == event_id)
        .order_by(CheckinRecord.at.desc(), CheckinRecord.id.desc())
        .limit(limit)
    ).all()
    return [
        ScanLine(
            checkin_id=rec.id,
            at=rec.at,
            outcome=rec.outcome,
            method=rec.method,
            person_id=rec.person_id,
            first_name=first,
            last_name=last,
            kiosk=kiosk,
            undone=undo_id is not None,
        )
        for rec, first, last, kiosk, undo_id in rows
    ]


def last_undoable(session: Session, event_id: int, kiosk_id: int) -> ScanLine | None:
    """This kiosk's newest ok check-in at the event that is still in force (for "Annuler")."""
    for line in last_scans(session, event_id, limit=50):
        if line.outcome is CheckinOutcome.OK and not line.undone:
            kiosk_of = session.scalar(
                select(CheckinRecord.kiosk_id).where(CheckinRecord.id == line.checkin_id)
            )
            if kiosk_of == kiosk_id:
                return line
    return None


# --- name search ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonMatch:
    person_id: int
    first_name: str
    last_name: str
    kind: PersonKind
    organisation: str | None  # visitors
    matricule: str | None  # agents
    registration: RegistrationStatus | None  # at the roster's event (None: not registered)
    present: bool


# Registrations that mean the person is expected at the event (not cancelled).
EXPECTED: Final = frozenset({RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING_LIST})


class Roster:
    """Accent-insensitive name search over an event's registrations (or everybody).

    Built once (one query), then each keystroke filters in memory: 10,000 registrations are
    searched in about a millisecond, so the on-screen keyboard never waits for the database.
    Rebuild (or :meth:`mark_present`) after check-ins to refresh the "present" marks.
    """

    def __init__(self, entries: Sequence[tuple[str, PersonMatch]]) -> None:
        self._entries = list(entries)

    @classmethod
    def for_event(cls, session: Session, event_id: int, *, everybody: bool = False) -> Roster:
        """The event's registrations; with ``everybody``, every active person too (walk-ins)."""
        reg = aliased(Registration)
        att = aliased(Attendance)
        query = (
            select(Person, reg.status, att.id, reg.reference)
            .outerjoin(reg, (reg.person_id == Person.id) & (reg.event_id == event_id))
            .outerjoin(att, (att.person_id == Person.id) & (att.event_id == event_id))
            .where(Person.active.is_(True))
        )
        if not everybody:
            query = query.where(reg.id.is_not(None))
        entries = []
        for person, status, present, reference in session.execute(query).all():
            match = PersonMatch(
                person_id=person.id,
                first_name=person.first_name,
                last_name=person.last_name,
                kind=person.kind,
                organisation=person.organisation,
                matricule=person.matricule,
                registration=status,
                present=present is not None,
            )
            # the slip's reference too: a visitor without the slip may still know it
            key = fold_words(f"{person.first_name} {person.last_name} {person.last_name} "
                       f"{person.matricule or ''} {person.organisation or ''} "
                       f"{reference or ''}")  # fmt: skip
            entries.append((key, match))
        # The event's own people first (staff at the door mostly look for them), then by name.
        entries.sort(
            key=lambda e: (
                e[1].registration not in EXPECTED,
                fold_words(e[1].last_name),
                fold_words(e[1].first_name),
                e[1].person_id,
            )
        )
        return cls(entries)

    def __len__(self) -> int:
        return len(self._entries)

    def search(self, query: str, limit: int = 20) -> list[PersonMatch]:
        """People whose names contain every word of ``query`` (word starts rank first)."""
        words = fold_words(query).split()
        if not words:
            return []
        starts: list[PersonMatch] = []
        inside: list[PersonMatch] = []
        for key, match in self._entries:
            if all(w in key for w in words):
                padded = " " + key
                (starts if all(" " + w in padded for w in words) else inside).append(match)
                if len(starts) >= limit:
                    break
        return (starts + inside)[:limit]

    def mark_present(self, person_id: int) -> None:
        self._entries = [
            (k, m if m.person_id != person_id else _with_present(m)) for k, m in self._entries
        ]


def _with_present(match: PersonMatch) -> PersonMatch:
    from dataclasses import replace

    return replace(match, present=True, registration=RegistrationStatus.CONFIRMED)


# --- visitors and passes -------------------------------------------------------------------


def visitor_pass(
    session: Session,
    person_id: int,
    event_id: int,
    *,
    kiosk_name: str,
    now: datetime,
    qr_payload: str | None = None,
) -> Receipt:
    """The paper pass of an external visitor: name, organisation, event, date, and a QR code.

    ``qr_payload`` is normally the visitor's signed ticket (so the pass opens the door again);
    queue the receipt with ``kiosk.printing.spool.enqueue`` in the check-in's transaction.
    """
    person = session.get(Person, person_id)
    event = session.get(Event, event_id)
    if person is None or event is None:
        raise LookupError(f"no person {person_id} or no event {event_id}")
    info = event_info(session, event)
    start = info.starts_at.astimezone(PARIS)
    end = info.ends_at.astimezone(PARIS)
    lines = [ReceiptLine("Nom", f"{person.first_name} {person.last_name}")]
    if person.organisation:
        lines.append(ReceiptLine("Organisme", person.organisation))
    lines += [
        ReceiptLine("Événement", info.title),
        ReceiptLine("Date", start.strftime("%d/%m/%Y")),
        ReceiptLine("Horaire", f"{start:%H:%M} – {end:%H:%M}"),
        ReceiptLine("Lieu", info.place),
    ]
    return Receipt(
        title="Laissez-passer visiteur",
        kiosk=kiosk_name,
        lines=tuple(lines),
        qr_payload=qr_payload,
        footer=("Badge à porter de façon visible.", "Merci de le rendre à la sortie."),
        printed_at=now.astimezone(PARIS),
    )


# --- revocations ---------------------------------------------------------------------------


def revoke_ticket(
    session: Session,
    code_or_serial: str,
    verifier: TicketVerifier | None,
    *,
    now: datetime,
    reason: str = "",
    event_id: int = 0,
    person_id: int = 0,
) -> str:
    """Put a ticket on the revocation list; returns its serial. Idempotent.

    Takes the whole code (checked with ``verifier``, even expired) or its 10-character serial.
    """
    text = code_or_serial.strip().upper()
    if "." in text:
        if verifier is None:
            raise ValueError("a public key is needed to read a code")
        try:
            claims = verifier.decode(text)
        except TicketRejected as exc:
            raise ValueError(f"not a genuine code ({exc.outcome}): nothing to revoke") from None
        serial, event_id, person_id = claims.serial, claims.event_id, claims.person_id
    else:
        try:
            b32decode_strict(text, 6)
        except ValueError:
            raise ValueError(f"{code_or_serial!r} is neither a code nor a serial") from None
        serial = text
    if session.scalar(select(TicketRevocation.id).where(TicketRevocation.serial == serial)):
        return serial
    session.add(
        TicketRevocation(
            serial=serial,
            event_id=event_id,
            person_id=person_id,
            revoked_at=now,
            reason=reason,
            nonce=new_nonce(),
        )
    )
    session.flush()
    return serial


# --- export --------------------------------------------------------------------------------

EXPORT_COLUMNS: Final = (
    "status",
    "last_name",
    "first_name",
    "kind",
    "matricule",
    "organisation",
    "registration",
    "walk_in",
    "method",
    "checked_in_at",
    "kiosk",
)


def export_attendance(session: Session, event_id: int, out: IO[str]) -> dict[str, int]:
    """Write the event's attendance as CSV (UTF-8, comma, header) to ``out``; counts by status.

    One row per person who was expected or came: ``present`` (with method, local time, kiosk;
    ``walk_in`` = yes when registered on the spot) or ``absent`` (confirmed, never checked in).
    The staff screen calls it with a file on a USB stick, the command line with a file or stdout.
    """
    if session.get(Event, event_id) is None:
        raise LookupError(f"no event with id {event_id}")
    present = session.execute(
        select(Attendance, Person, Kiosk.name, Registration.status)
        .join(Person, Person.id == Attendance.person_id)
        .join(Kiosk, Kiosk.id == Attendance.kiosk_id)
        .outerjoin(
            Registration,
            (Registration.person_id == Attendance.person_id) & (Registration.event_id == event_id),
        )
        .where(Attendance.event_id == event_id)
    ).all()
    came = {att.person_id for att, _, _, _ in present}
    absent = session.execute(
        select(Person, Registration.status)
        .join(Registration, Registration.person_id == Person.id)
        .where(
            Registration.event_id == event_id,
            Registration.status == RegistrationStatus.CONFIRMED,
        )
    ).all()
    rows: list[list[str]] = []
    for att, person, kiosk, status in present:
        rows.append(_export_row("present", person, status, att.method, att.at, kiosk))
    for person, status in absent:
        if person.id not in came:
            rows.append(_export_row("absent", person, status, None, None, ""))
    rows.sort(key=lambda r: (r[0] != "present", fold_words(r[1]), fold_words(r[2])))
    writer = SafeCsvWriter(out, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    writer.writerows(rows)
    walk_ins = sum(1 for r in rows if r[7] == "yes")
    return {"present": len(present), "absent": len(rows) - len(present), "walk_ins": walk_ins}


def _export_row(
    state: str,
    person: Person,
    status: RegistrationStatus | None,
    method: CheckinMethod | None,
    at: datetime | None,
    kiosk: str,
) -> list[str]:
    return [
        state,
        person.last_name,
        person.first_name,
        str(person.kind),
        person.matricule or "",
        person.organisation or "",
        str(status) if status else "",
        "yes" if method is CheckinMethod.WALK_IN else "no",
        str(method) if method else "",
        at.astimezone(PARIS).strftime("%Y-%m-%d %H:%M:%S") if at else "",
        kiosk,
    ]

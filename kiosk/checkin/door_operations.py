"""What the staff door mode ("Mode accueil") asks of the database, one function per action.

Plain functions over a session, run on the check-in worker (``ui.checkin.desk.CheckinDesk.run``)
so that the screen itself only shows answers; here, out of ui/, strict typing and plain tests
cover them. The domain rules live in :mod:`kiosk.checkin.service` and :mod:`kiosk.checkin.door`;
this module strings them together the way the door needs, and commits.
"""

from __future__ import annotations

import base64
import logging
import os
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Final

from sqlalchemy import select

from kiosk.checkin.door import (
    EventCounters,
    Roster,
    ScanLine,
    event_counters,
    export_attendance,
    last_scans,
    last_undoable,
    visitor_pass,
)
from kiosk.checkin.place import KioskPlace
from kiosk.checkin.service import (
    AlsoInTransaction,
    CheckinContext,
    CheckinResult,
    EventInfo,
    PersonIdentity,
    check_in,
    event_info,
    local_day,
    register_walk_in,
    undo_checkin,
)
from kiosk.db.engine import begin_as_writer
from kiosk.db.models import Event, Person, Registration
from kiosk.domain import CheckinOutcome, RegistrationStatus, Role
from kiosk.identity import BadgeLinkError, link_badge, person_for_badge
from kiosk.paths import make_private
from kiosk.people import VisitorForm, find_or_create_visitor
from kiosk.printing import spool as print_spool
from kiosk.text import ascii_only

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kiosk.codes import TicketIssuer

log = logging.getLogger(__name__)

STAFF_ROLES: Final = frozenset({Role.STAFF, Role.AMBASSADOR, Role.ADMIN})
LAST_SCANS: Final = 5
EVENTS_AHEAD: Final = timedelta(days=7)


@contextmanager
def writing(session: Session) -> Iterator[Session]:
    """One write transaction; on SQLite it takes the write lock at BEGIN (no upgrade race)."""
    begin_as_writer(session)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise


# --- unlocking -----------------------------------------------------------------------------


@dataclass(frozen=True)
class StaffMember:
    person_id: int
    first_name: str


def staff_for_badge(session: Session, badge_hash: str) -> StaffMember | None:
    """The staff member or ambassador holding this badge; None for anybody else."""
    person = person_for_badge(session, badge_hash)
    if person is None or not person.active or person.role not in STAFF_ROLES:
        return None
    return StaffMember(person.id, person.first_name)


# --- picking the event ---------------------------------------------------------------------


@dataclass(frozen=True)
class EventChoice:
    info: EventInfo
    here: bool  # at this kiosk's site
    today: bool
    registered: int
    capacity: int | None


def events_to_pick(session: Session, place: KioskPlace, now: datetime) -> list[EventChoice]:
    """Today's events at this site first (soonest first), then the others of the coming week."""
    today = local_day(now)
    events = session.scalars(
        select(Event)
        .where(Event.ends_at >= now - timedelta(hours=2), Event.starts_at <= now + EVENTS_AHEAD)
        .order_by(Event.starts_at, Event.id)
        .limit(60)
    ).all()
    choices = []
    for event in events:
        counters = event_counters(session, event.id)
        choices.append(
            EventChoice(
                info=event_info(session, event),
                here=event.site_id == place.site_id,
                today=local_day(event.starts_at) == today,
                registered=counters.registered,
                capacity=event.capacity,
            )
        )
    choices.sort(key=lambda c: (not (c.here and c.today), not c.here, c.info.starts_at))
    return choices


# --- the door ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DoorState:
    counters: EventCounters
    scans: list[ScanLine]
    undoable: ScanLine | None


def door_state(session: Session, place: KioskPlace, event_id: int) -> DoorState:
    return DoorState(
        counters=event_counters(session, event_id),
        scans=last_scans(session, event_id, LAST_SCANS),
        undoable=last_undoable(session, event_id, place.kiosk_id),
    )


def load_roster(session: Session, event_id: int) -> Roster:
    """Everybody active (a walk-in may be anyone), registrations marked: searched in memory."""
    return Roster.for_event(session, event_id, everybody=True)


def check_in_person(
    session: Session,
    place: KioskPlace,
    now: datetime,
    *,
    person_id: int,
    event_id: int,
    staff_id: int | None,
    also: AlsoInTransaction | None = None,
) -> CheckinResult:
    """Staff picked a name: a registered person is checked in, anybody else is a walk-in
    (once the event has started, staff may give a free place past the waiting list).
    ``also`` commits with the check-in (see :func:`kiosk.checkin.service.check_in`)."""
    nonce = uuid.uuid4().hex
    status = session.scalar(
        select(Registration.status).where(
            Registration.event_id == event_id, Registration.person_id == person_id
        )
    )
    session.rollback()  # end the read: the service starts its own write transaction
    if status is RegistrationStatus.CONFIRMED:
        context = CheckinContext(site_id=place.site_id, event_id=event_id)
        return check_in(
            session,
            PersonIdentity(person_id, staff_id),
            context,
            place.kiosk_id,
            now,
            nonce,
            also=also,
        )
    return register_walk_in(
        session,
        person_id,
        event_id,
        place.kiosk_id,
        now,
        nonce,
        staff_id=staff_id,
        also=also,
        staff_at_door=True,
    )


@dataclass(frozen=True)
class LinkOutcome:
    linked: bool
    error: str | None  # BadgeLinkError code: "linked_to_other", "inactive_person"...
    result: CheckinResult | None  # the check-in that followed the link


def link_and_check_in(
    session: Session,
    place: KioskPlace,
    now: datetime,
    *,
    badge_hash: str,
    person_id: int,
    event_id: int,
    staff_id: int | None,
) -> LinkOutcome:
    """Link an unknown badge to the person staff found, then check them in with it."""
    try:
        with writing(session):
            link_badge(
                session,
                badge_hash,
                person_id,
                now=now,
                nonce=uuid.uuid4().hex,
                kiosk_id=place.kiosk_id,
                linked_by_id=staff_id,
            )
    except BadgeLinkError as exc:
        return LinkOutcome(False, exc.code, None)
    result = check_in_person(
        session, place, now, person_id=person_id, event_id=event_id, staff_id=staff_id
    )
    return LinkOutcome(True, None, result)


def undo(
    session: Session, place: KioskPlace, now: datetime, *, checkin_id: int, staff_id: int | None
) -> bool:
    return undo_checkin(
        session, checkin_id, place.kiosk_id, now, uuid.uuid4().hex, staff_id=staff_id
    )


# --- visitors ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PassOutcome:
    result: CheckinResult
    print_job_id: int | None  # None: not admitted, nothing printed


def pass_qr_payload(
    issuer: TicketIssuer | None, event: EventInfo, person_id: int, nonce: str
) -> str:
    """A signed ticket when this kiosk holds the issuing key (the pass opens the door again),
    else the pass's own reference in the scanner-safe alphabet (staff can look it up)."""
    if issuer is not None:
        return issuer.issue(
            event_id=event.id, person_id=person_id, expires_at=event.checkin_closes_at
        )
    reference = base64.b32encode(bytes.fromhex(nonce)).decode("ascii").rstrip("=")
    return f"SCV.{reference}"


def admit_visitor(
    session: Session,
    place: KioskPlace,
    now: datetime,
    *,
    form: VisitorForm,
    event_id: int,
    staff_id: int | None,
    issuer: TicketIssuer | None,
) -> PassOutcome:
    """Record the visitor, check them in (walk-in if needed) and queue their pass.

    The pass is queued in the check-in's own transaction: a pass is never printed for a
    visitor who is not recorded as in, nor a visitor confirmed in without their pass queued.
    A visitor admitted before (already checked in) gets a new pass: that is how a lost or
    jammed one is printed again.
    """
    with writing(session):
        person_id = find_or_create_visitor(
            session,
            first_name=form.first_name,
            last_name=form.last_name,
            organisation=form.organisation,
            email=form.email or None,
            now=now,
        )
    jobs: list[int] = []

    def queue_pass(session: Session, result: CheckinResult) -> None:
        if not result.outcome.admitted or result.event is None or result.repeated:
            return
        receipt = visitor_pass(
            session,
            person_id,
            event_id,
            kiosk_name=place.name,
            now=now,
            qr_payload=pass_qr_payload(issuer, result.event, person_id, uuid.uuid4().hex),
        )
        jobs.append(
            print_spool.enqueue(
                session,
                receipt,
                kind="visitor_pass",
                ref=f"checkin:{result.checkin_id}",
                kiosk_id=place.kiosk_id,
                now=now,
            )
        )

    result = check_in_person(
        session,
        place,
        now,
        person_id=person_id,
        event_id=event_id,
        staff_id=staff_id,
        also=queue_pass,
    )
    return PassOutcome(result, jobs[0] if jobs else None)


# --- export --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportOutcome:
    path: Path
    counts: dict[str, int]


def export_to(session: Session, event_id: int, folder: Path, now: datetime) -> ExportOutcome:
    """The attendance CSV in ``folder`` (a USB stick), written then synced: safe to unplug."""
    title = session.scalar(select(Event.title).where(Event.id == event_id)) or "evenement"
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only(title).lower()).strip("-")[:40].rstrip("-")
    path = folder / f"presences-{now.astimezone():%Y%m%d-%H%M}-{event_id}-{slug}.csv"
    partial = path.with_suffix(".csv.part")
    with partial.open("w", encoding="utf-8", newline="") as out:
        counts = export_attendance(session, event_id, out)
        out.flush()
        os.fsync(out.fileno())
    make_private(partial)
    partial.replace(path)
    _sync_folder(folder)
    return ExportOutcome(path, counts)


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def visitor_name(session: Session, person_id: int) -> str:
    person = session.get(Person, person_id)
    return f"{person.first_name} {person.last_name}" if person else ""


__all__ = [
    "CheckinOutcome",
    "DoorState",
    "EventChoice",
    "ExportOutcome",
    "LinkOutcome",
    "PassOutcome",
    "StaffMember",
    "VisitorForm",
    "admit_visitor",
    "check_in_person",
    "door_state",
    "events_to_pick",
    "export_to",
    "link_and_check_in",
    "load_roster",
    "staff_for_badge",
    "undo",
]

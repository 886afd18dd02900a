"""Incidents: opened and closed by any live kiosk from everyone's heartbeats, and their tickets.

:func:`reconcile` compares what the rules say of each kiosk with the open incidents. Opening is
an insert that the unique ``open_key`` lets only one kiosk win (the others meet the constraint
and move on); closing is a compare-and-set on ``closed_at IS NULL``. Each incident then waits in
the ticket outbox: the help-desk adapter (``hardware.glpi``) or, without GLPI, the journal
(:class:`JournalTickets`) opens its one ticket, and adds its one follow-up when it clears.
"""

from __future__ import annotations

import enum
import logging
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.engine import begin_as_writer
from kiosk.db.models import Kiosk
from kiosk.fleet.rules import FleetRules, IncidentKind, Problem, assess
from kiosk.fleet.state import from_json
from kiosk.fleet.tables import FleetIncident, KioskHeartbeat
from kiosk.fleet.words import incident_text
from kiosk.ports import Clock

log = logging.getLogger(__name__)

BACKOFF_FIRST = timedelta(seconds=5)
BACKOFF_CAP = timedelta(minutes=15)


class TicketState(enum.StrEnum):
    TO_OPEN = "to_open"  # the incident is new: its ticket is to be filed
    OPENED = "opened"  # filed (GLPI's id in ticket_id, or written to the journal)
    TO_CLOSE = "to_close"  # the incident has cleared: a follow-up, then the ticket solved
    CLOSED = "closed"


@dataclass(frozen=True)
class Changes:
    opened: list[tuple[str, IncidentKind]]  # (kiosk code, kind)
    closed: list[tuple[str, IncidentKind]]


def open_key(kiosk_id: int, kind: IncidentKind) -> str:
    return f"{kiosk_id}:{kind}"


def reconcile(session: Session, now: datetime, rules: FleetRules, by: str) -> Changes:
    """Open and close incidents from every kiosk's heartbeat; each change in its own commit."""
    rows = session.execute(  # plain values: the rollback below would expire ORM objects
        select(Kiosk.id, Kiosk.code, Kiosk.name, KioskHeartbeat.at, KioskHeartbeat.state).join(
            Kiosk, Kiosk.id == KioskHeartbeat.kiosk_id
        )
    ).all()
    open_kinds: dict[int, set[IncidentKind]] = {}
    for kiosk_id, kind in session.execute(
        select(FleetIncident.kiosk_id, FleetIncident.kind).where(FleetIncident.closed_at.is_(None))
    ):
        open_kinds.setdefault(kiosk_id, set()).add(IncidentKind(kind))
    session.rollback()  # end the read: each change below is a transaction of its own
    opened: list[tuple[str, IncidentKind]] = []
    closed: list[tuple[str, IncidentKind]] = []
    for kiosk_id, code, name, beat_at, state in rows:
        seen = assess(from_json(state), beat_at, now, rules)
        current = {p.kind: p for p in seen.problems}
        already = open_kinds.get(kiosk_id, set())
        for kind, problem in current.items():
            if kind not in already and _open(session, kiosk_id, name, problem, now, by):
                opened.append((code, kind))
        for kind in already:
            if kind in seen.known and kind not in current and _close(session, kiosk_id, kind, now):
                closed.append((code, kind))
    return Changes(opened, closed)


def _open(
    session: Session, kiosk_id: int, name: str, problem: Problem, now: datetime, by: str
) -> bool:
    incident = FleetIncident(
        kiosk_id=kiosk_id,
        kind=problem.kind,
        open_key=open_key(kiosk_id, problem.kind),
        nonce=secrets.token_hex(16),
        since=problem.since,
        opened_at=now,
        opened_by=by,
        detail=incident_text(problem.kind, name, problem.since),
        ticket_state=TicketState.TO_OPEN,
        ticket_due_at=now,
    )
    detail = incident.detail
    try:
        session.add(incident)
        session.commit()
    except IntegrityError:  # another kiosk opened it first: theirs stands
        session.rollback()
        return False
    log.warning("incident opened: %s", detail)
    return True


def _close(session: Session, kiosk_id: int, kind: IncidentKind, now: datetime) -> bool:
    result = session.execute(
        update(FleetIncident)
        .where(
            FleetIncident.open_key == open_key(kiosk_id, kind),
            FleetIncident.closed_at.is_(None),
        )
        .values(closed_at=now, open_key=None, ticket_due_at=now)
    )
    session.commit()
    changed = int(getattr(result, "rowcount", 0)) == 1
    if changed:
        log.info("incident cleared: kiosk %s, %s", kiosk_id, kind)
    return changed


@dataclass(frozen=True)
class TicketJob:
    """One ticket action claimed from the outbox: file the incident's ticket, or close it."""

    incident_id: int
    action: TicketState  # TO_OPEN or TO_CLOSE
    attempt: int  # claims of this incident so far, this one included (never reset)
    nonce: str
    kind: IncidentKind
    kiosk_code: str
    kiosk_name: str
    detail: str
    since: datetime
    opened_at: datetime
    closed_at: datetime | None
    ticket_id: int | None


def backoff(attempts: int) -> timedelta:
    return min(BACKOFF_FIRST * (1 << min(max(attempts - 1, 0), 20)), BACKOFF_CAP)


class IncidentOutbox:
    """The incidents' ticket actions, claimed by compare-and-set: kiosks sharing PostgreSQL
    never both file one ticket."""

    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            begin_as_writer(session)  # each reads the row, then writes it
            yield session

    def claim(self) -> TicketJob | None:
        """The oldest due action; an incident still to file always goes before its closing."""
        now = self._clock.now()
        with self._write() as s:
            for incident in s.scalars(
                select(FleetIncident)
                .where(
                    FleetIncident.ticket_state == TicketState.TO_OPEN,
                    FleetIncident.ticket_due_at <= now,
                )
                .order_by(FleetIncident.id)
                .limit(5)
            ):
                if (job := self._take(s, incident, TicketState.TO_OPEN, now)) is not None:
                    return job
            for incident in s.scalars(
                select(FleetIncident)
                .where(
                    FleetIncident.ticket_state == TicketState.OPENED,
                    FleetIncident.closed_at.is_not(None),
                    FleetIncident.ticket_due_at <= now,
                )
                .order_by(FleetIncident.id)
                .limit(5)
            ):
                if (job := self._take(s, incident, TicketState.TO_CLOSE, now)) is not None:
                    return job
        return None

    def _take(
        self, s: Session, incident: FleetIncident, action: TicketState, now: datetime
    ) -> TicketJob | None:
        # Compare-and-set on the attempts counter (it only grows) and the state: a kiosk that
        # read the row before another settled it cannot take it again.
        attempts = incident.ticket_attempts
        result = s.execute(
            update(FleetIncident)
            .where(
                FleetIncident.id == incident.id,
                FleetIncident.ticket_attempts == attempts,
                FleetIncident.ticket_state == incident.ticket_state,
            )
            .values(ticket_attempts=attempts + 1, ticket_due_at=now + BACKOFF_CAP)
        )
        if int(getattr(result, "rowcount", 0)) != 1:
            return None  # another kiosk claimed it
        kiosk = s.get(Kiosk, incident.kiosk_id)
        assert kiosk is not None
        return TicketJob(
            incident_id=incident.id,
            action=action,
            attempt=attempts + 1,
            nonce=incident.nonce,
            kind=IncidentKind(incident.kind),
            kiosk_code=kiosk.code,
            kiosk_name=kiosk.name,
            detail=incident.detail,
            since=incident.since,
            opened_at=incident.opened_at,
            closed_at=incident.closed_at,
            ticket_id=incident.ticket_id,
        )

    def done(self, job: TicketJob, ticket_id: int | None = None) -> None:
        """The action worked: filed (GLPI's id, None for the journal) or closed."""
        now = self._clock.now()
        with self._write() as s:
            incident = s.get(FleetIncident, job.incident_id)
            assert incident is not None
            if job.action is TicketState.TO_OPEN:
                incident.ticket_state = TicketState.OPENED
                incident.ticket_id = ticket_id
            else:
                incident.ticket_state = TicketState.CLOSED
            incident.ticket_due_at = now
            incident.ticket_error = None

    def failed(self, job: TicketJob, error: str) -> None:
        """Try again later (backoff); the incident itself is unchanged."""
        with self._write() as s:
            incident = s.get(FleetIncident, job.incident_id)
            assert incident is not None
            incident.ticket_error = error
            incident.ticket_due_at = self._clock.now() + backoff(job.attempt)

    def next_due(self) -> datetime | None:
        with self._sessions() as s:
            return s.scalar(
                select(FleetIncident.ticket_due_at)
                .where(
                    (FleetIncident.ticket_state == TicketState.TO_OPEN)
                    | (
                        (FleetIncident.ticket_state == TicketState.OPENED)
                        & FleetIncident.closed_at.is_not(None)
                    )
                )
                .order_by(FleetIncident.ticket_due_at)
                .limit(1)
            )


class JournalTickets:
    """Without GLPI, the incidents go to the journal (``journalctl -u smartcorner-kiosk``)."""

    def __init__(self, outbox: IncidentOutbox) -> None:
        self._outbox = outbox

    def run_once(self, limit: int = 20) -> int:
        done = 0
        while done < limit and (job := self._outbox.claim()) is not None:
            if job.action is TicketState.TO_OPEN:
                log.warning("fleet incident (no help desk configured): %s", job.detail)
            else:
                log.warning("fleet incident cleared: %s", job.detail)
            self._outbox.done(job)
            done += 1
        return done

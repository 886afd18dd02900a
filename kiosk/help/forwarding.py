"""The help requests' outbox to the helpdesk: which are due, who sends each, how it ended.

A request is queued in ``help_forward`` in the same transaction as its ticket. An adapter
(``hardware.glpi``) sends the due ones from a worker thread: it :meth:`~HelpOutbox.claim`\\ s
one (a compare-and-set on ``attempts``, so kiosks sharing PostgreSQL never both send it), gets
a :class:`ForwardJob` — everything the helpdesk ticket needs, no table — and
:meth:`~HelpOutbox.settle`\\ s it. A claimed row is leased: another kiosk takes it again only
after :data:`LEASE`, should this one die while sending.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.models import Kiosk, Person
from kiosk.help.domain import ForwardState, HelpReason
from kiosk.help.tables import HelpForward
from kiosk.ports import Clock

LEASE: Final = timedelta(minutes=2)  # a claimed row is not taken by another kiosk before this


@dataclass(frozen=True)
class ForwardJob:
    """One claimed request, as the helpdesk ticket will say it."""

    forward_id: int
    attempt: int  # 1 for the first try: later ones first look for a ticket already filed
    request_id: int
    nonce: str  # the request's reference, written in the ticket
    ticket: str  # the queue ticket, e.g. "M-042"
    reason: HelpReason
    description: str | None
    created_at: datetime
    kiosk_name: str
    requester: str | None  # "first last", None for a visitor nobody identified
    matricule: str | None


class HelpOutbox:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def next_due(self) -> datetime | None:
        with self._sessions() as session:
            return session.scalar(
                select(HelpForward.next_attempt_at)
                .where(HelpForward.state == ForwardState.PENDING)
                .order_by(HelpForward.next_attempt_at)
                .limit(1)
            )

    def claim(self) -> ForwardJob | None:
        """The oldest due request, now leased to this kiosk; None when nothing is due."""
        while True:
            now = self._clock.now()
            with self._sessions() as session:
                row = session.execute(
                    select(HelpForward.id, HelpForward.attempts)
                    .where(
                        HelpForward.state == ForwardState.PENDING,
                        HelpForward.next_attempt_at <= now,
                    )
                    .order_by(HelpForward.next_attempt_at, HelpForward.id)
                    .limit(1)
                ).first()
                if row is None:
                    return None
                forward_id, attempts = row
                # End the read: the compare-and-set below is a transaction of its own, which
                # begins by writing (a deferred one that read first could not take the write
                # lock once another kiosk wrote meanwhile: « database is locked » at once).
                session.rollback()
                won = session.execute(
                    update(HelpForward)
                    .where(
                        HelpForward.id == forward_id,
                        HelpForward.state == ForwardState.PENDING,
                        HelpForward.attempts == attempts,
                    )
                    .values(attempts=attempts + 1, next_attempt_at=now + LEASE)
                )
                session.commit()
            if won.rowcount == 1:  # type: ignore[attr-defined]
                return self._job(forward_id, attempts + 1)
            # another kiosk took it: look again

    def _job(self, forward_id: int, attempt: int) -> ForwardJob:
        with self._sessions() as session:
            request = session.get_one(HelpForward, forward_id).request
            kiosk_name = session.get_one(Kiosk, request.kiosk_id).name
            person = session.get(Person, request.person_id) if request.person_id else None
            return ForwardJob(
                forward_id=forward_id,
                attempt=attempt,
                request_id=request.id,
                nonce=request.nonce,
                ticket=request.ticket,
                reason=request.reason,
                description=request.description,
                created_at=request.created_at,
                kiosk_name=kiosk_name,
                requester=f"{person.first_name} {person.last_name}" if person else None,
                matricule=person.matricule if person else None,
            )

    def settle(
        self,
        forward_id: int,
        state: ForwardState,
        *,
        helpdesk_ticket_id: int | None = None,
        error: str | None = None,
        retry_in: timedelta = timedelta(0),
    ) -> None:
        """Record how the attempt ended: sent (with the helpdesk's ticket), to retry, rejected."""
        now = self._clock.now()
        values: dict[str, Any] = {"state": state, "last_error": error}
        if state is ForwardState.SENT:
            values.update(glpi_ticket_id=helpdesk_ticket_id, sent_at=now)
        else:
            values["next_attempt_at"] = now + retry_in
        with self._sessions() as session:
            session.execute(update(HelpForward).where(HelpForward.id == forward_id).values(values))
            session.commit()

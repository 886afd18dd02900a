"""Check-in tables: the scan ledger, attendance, undo, space visits and ticket revocations
(migration 0003 creates them; badges are shared, in :mod:`kiosk.db.models`).

The ledger (``checkin``) is append-only: every scan, accepted or refused, is one row with the
kiosk, the UTC time and a unique nonce, so the Smart Tour can replay it idempotently.
``attendance`` is the one table that says who is in: its unique (event, person) pair is what
stops two kiosks racing from both admitting the same person. An undo appends a
``checkin_undo`` row and removes the attendance row (which can be rebuilt from the ledger).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.db.models import Base
from kiosk.db.types import choice
from kiosk.domain import NONCE_LENGTH, CheckinMethod, CheckinOutcome, Space


class CheckinRecord(Base):
    """One scan and its verdict (refusals too, with their reason)."""

    __tablename__ = "checkin"
    __table_args__ = (
        Index(None, "event_id", "at"),
        Index(None, "kiosk_id", "identity_key", "at"),  # debounce of the same badge / code
        Index(None, "person_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    nonce: Mapped[str] = mapped_column(String(NONCE_LENGTH), unique=True)
    kiosk_id: Mapped[int] = mapped_column(ForeignKey("kiosk.id"))
    at: Mapped[datetime]
    method: Mapped[CheckinMethod] = mapped_column(choice(CheckinMethod, "method"))
    outcome: Mapped[CheckinOutcome] = mapped_column(choice(CheckinOutcome, "outcome"))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    # What was presented, never raw: "b:<badge hash>", "q:<ticket serial or digest>", "p:<id>".
    identity_key: Mapped[str] = mapped_column(String(80))
    related_event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id"))  # wrong event
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))  # manual, walk-in
    detail: Mapped[str] = mapped_column(String(200), default="", server_default="")


class Attendance(Base):
    """Who is checked in to which event now: at most one row per person and event."""

    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("event_id", "person_id"),
        # the quarter dashboard reads these instead of the table (migration 0008)
        Index(None, "event_id", "kiosk_id"),
        Index(None, "event_id", "direction_id", "person_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    checkin_id: Mapped[int] = mapped_column(ForeignKey("checkin.id"), unique=True)
    at: Mapped[datetime]
    kiosk_id: Mapped[int] = mapped_column(ForeignKey("kiosk.id"))
    method: Mapped[CheckinMethod] = mapped_column(choice(CheckinMethod, "method"))
    # The person's direction when they checked in: what the statistics count by direction.
    # None for no direction, or when the writer did not record it (then the statistics use
    # the person's current direction).
    direction_id: Mapped[int | None] = mapped_column(
        ForeignKey("direction.id", ondelete="SET NULL")
    )


class CheckinUndo(Base):
    """Staff took back an ok check-in (a mistaken manual pick, a wrong person)."""

    __tablename__ = "checkin_undo"

    id: Mapped[int] = mapped_column(primary_key=True)
    checkin_id: Mapped[int] = mapped_column(ForeignKey("checkin.id"), unique=True)
    nonce: Mapped[str] = mapped_column(String(NONCE_LENGTH), unique=True)
    kiosk_id: Mapped[int] = mapped_column(ForeignKey("kiosk.id"))
    at: Mapped[datetime]
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))


class SpaceVisit(Base):
    """A badge tapped at a space's entrance outside any event: one per person, day and space."""

    __tablename__ = "space_visit"
    __table_args__ = (
        UniqueConstraint("person_id", "day", "site_id", "space"),
        Index(None, "day"),
        Index(None, "day", "space", "site_id", "kiosk_id"),  # statistics (migration 0008)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    nonce: Mapped[str] = mapped_column(String(NONCE_LENGTH), unique=True)
    kiosk_id: Mapped[int] = mapped_column(ForeignKey("kiosk.id"))
    at: Mapped[datetime]
    day: Mapped[date] = mapped_column(Date)  # the local (Europe/Paris) day of ``at``
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    space: Mapped[Space] = mapped_column(choice(Space, "space"))


class TicketRevocation(Base):
    """A signed ticket code that must no longer open the door (serial from the code)."""

    __tablename__ = "ticket_revocation"

    id: Mapped[int] = mapped_column(primary_key=True)
    serial: Mapped[str] = mapped_column(String(16), unique=True)
    event_id: Mapped[int] = mapped_column()
    person_id: Mapped[int] = mapped_column()
    revoked_at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    nonce: Mapped[str] = mapped_column(String(NONCE_LENGTH), unique=True)

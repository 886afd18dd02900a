"""Besoin d'aide ?: help requests with their queue tickets, the ticket counters, the helpdesk
outbox. Migration: ``0005_help.py`` (keep both in step; a test compares them).

Ticket numbers are unique per site, Paris day and reason twice over: the counter row is
bumped by one atomic upsert (the row lock makes racing kiosks take turns), and the unique
constraint on the request refuses a duplicate should anything ever bypass the counter.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.db.models import Base, Kiosk, Person
from kiosk.db.types import choice
from kiosk.help.domain import (
    DESCRIPTION_MAX,
    ForwardState,
    HelpReason,
    Requester,
    TicketState,
)


class HelpRequest(Base):
    """One visitor's request and its ticket, from issue to done (or no-show)."""

    __tablename__ = "help_request"
    __table_args__ = (
        UniqueConstraint("site_id", "service_day", "reason", "number"),
        Index(None, "service_day"),  # statistics of a quarter, all sites (migration 0008)
        CheckConstraint("number >= 1", name="number_positive"),
        CheckConstraint(
            f"description IS NULL OR length(description) <= {DESCRIPTION_MAX}",
            name="description_short",
        ),
        CheckConstraint("state = 'waiting' OR called_at IS NOT NULL", name="called_has_time"),
        CheckConstraint(
            "state NOT IN ('serving', 'done') OR serving_at IS NOT NULL",
            name="serving_has_time",
        ),
        CheckConstraint(
            "state NOT IN ('done', 'no_show') OR finished_at IS NOT NULL",
            name="finished_has_time",
        ),
        Index(None, "site_id", "service_day", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    nonce: Mapped[str] = mapped_column(String(32), unique=True)  # uuid4 hex, for the sync
    kiosk_id: Mapped[int] = mapped_column(ForeignKey("kiosk.id"))
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))  # whose queue it joins
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    requester: Mapped[Requester] = mapped_column(choice(Requester, "requester"))
    reason: Mapped[HelpReason] = mapped_column(choice(HelpReason, "reason"))
    description: Mapped[str | None] = mapped_column(String(DESCRIPTION_MAX))
    service_day: Mapped[date] = mapped_column(Date)  # Paris day: numbering restarts at midnight
    number: Mapped[int] = mapped_column(Integer)
    ticket: Mapped[str] = mapped_column(String(16))  # "M-042", as printed
    state: Mapped[TicketState] = mapped_column(choice(TicketState, "state"))
    desk: Mapped[str | None] = mapped_column(String(40))  # where it was called to
    call_count: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    created_at: Mapped[datetime]
    called_at: Mapped[datetime | None]
    serving_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]

    kiosk: Mapped[Kiosk] = relationship()
    person: Mapped[Person | None] = relationship()


class HelpTicketCounter(Base):
    """The last number given per site, Paris day and reason; bumped by one atomic upsert."""

    __tablename__ = "help_ticket_counter"
    __table_args__ = (CheckConstraint("last_number >= 1", name="last_number_positive"),)

    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), primary_key=True)
    service_day: Mapped[date] = mapped_column(Date, primary_key=True)
    reason: Mapped[HelpReason] = mapped_column(choice(HelpReason, "reason"), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)


class HelpForward(Base):
    """A request waiting to be (or already) sent to the helpdesk (GLPI): a durable outbox."""

    __tablename__ = "help_forward"
    __table_args__ = (Index(None, "state", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("help_request.id", ondelete="CASCADE"), unique=True
    )
    state: Mapped[ForwardState] = mapped_column(choice(ForwardState, "state"))
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    next_attempt_at: Mapped[datetime]
    last_error: Mapped[str | None] = mapped_column(Text)
    glpi_ticket_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]

    request: Mapped[HelpRequest] = relationship()

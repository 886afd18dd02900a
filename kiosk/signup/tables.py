"""The notifications outbox: one row per message to send, unique by what it is about.

The unique ``key`` (``promoted:<registration>:<since>``, ``ready:<order>``...) makes queueing
idempotent: a worker that looks again, or two kiosks that notice the same ready order, add
nothing. A row is claimed for a short lease before sending, so two kiosks' workers never send
the same message; it becomes ``sent`` only after the server took it, and is retried with a
growing delay while the server is down.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.db.models import Base
from kiosk.db.types import choice
from kiosk.domain import NONCE_LENGTH


class NoticeKind(enum.StrEnum):
    PROMOTED = "promoted"  # the waiting list gave the person a place
    READY = "ready"  # an order is ready to collect
    DECLINED = "declined"  # staff declined a request (the reason is in the message)
    # A sign-up made offline on the Smart Tour that the central base could not seat (waiting
    # list) or refused, when it was replayed: the slip said more than the person has.
    OVERRULED = "overruled"


class NoticeState(enum.StrEnum):
    PENDING = "pending"
    SENT = "sent"
    NO_ADDRESS = "no_address"  # the person has no mail address: « Mon espace » says it


class Notice(Base):
    __tablename__ = "notice"
    __table_args__ = (Index(None, "state", "next_try_at"), Index(None, "person_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[NoticeKind] = mapped_column(choice(NoticeKind, "kind"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    state: Mapped[NoticeState] = mapped_column(choice(NoticeState, "state"))
    created_at: Mapped[datetime]
    next_try_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_until: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(String(300))


class SignupAction(enum.StrEnum):
    SIGN_UP = "sign_up"
    CANCEL = "cancel"


class SignupOutcome(enum.StrEnum):
    """What the kiosk told the person (on the central base: what the central base decided)."""

    CONFIRMED = "confirmed"
    WAITING_LIST = "waiting_list"
    CANCELLED = "cancelled"
    REFUSED = "refused"  # ``detail`` holds the SignupProblem code


class SignupAct(Base):
    """One sign-up or cancellation made at a kiosk, as it happened: the Smart Tour's outbox.

    A registration row only holds its latest state; a tour kiosk that signs someone up offline,
    then sees them cancel, must replay both acts, in order and once each (the unique nonce),
    for the central base to decide again with its own count of places.
    """

    __tablename__ = "signup_act"
    __table_args__ = (Index(None, "person_id"), Index(None, "event_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    nonce: Mapped[str] = mapped_column(String(NONCE_LENGTH), unique=True)
    kiosk_id: Mapped[int | None] = mapped_column(ForeignKey("kiosk.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    action: Mapped[SignupAction] = mapped_column(choice(SignupAction, "action"))
    at: Mapped[datetime]
    outcome: Mapped[SignupOutcome] = mapped_column(choice(SignupOutcome, "outcome"))
    reference: Mapped[str | None] = mapped_column(String(16))  # the slip's, for a sign-up
    detail: Mapped[str] = mapped_column(String(64), default="", server_default="")

"""The satisfaction table (migration 0013 creates it, 0017 indexes the faces by event).

One row per answer. A badge tapped right after the face names the person: the unique
(event, person) pair is what keeps one answer per person even with two kiosks racing (NULLs
are distinct in a UNIQUE constraint on SQLite and PostgreSQL, so anonymous answers never
collide). Rows carry a nonce and the kiosk for the Smart Tour's idempotent sync.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.db.models import Base
from kiosk.db.types import choice
from kiosk.domain import NONCE_LENGTH
from kiosk.satisfaction.faces import Reason


class EventFeedback(Base):
    __tablename__ = "event_feedback"
    __table_args__ = (
        UniqueConstraint("event_id", "person_id"),
        CheckConstraint("score BETWEEN 1 AND 4", name="score_range"),
        Index(None, "kiosk_id", "at"),  # the anonymous rate limit
        Index(None, "at"),
        Index(None, "event_id", "score"),  # the statistics read the faces from it (0017)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    nonce: Mapped[str] = mapped_column(String(NONCE_LENGTH), unique=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    kiosk_id: Mapped[int] = mapped_column(ForeignKey("kiosk.id"))
    at: Mapped[datetime]
    score: Mapped[int] = mapped_column(Integer)
    reason: Mapped[Reason | None] = mapped_column(choice(Reason, "reason"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))

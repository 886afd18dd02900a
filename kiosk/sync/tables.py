"""Smart Tour sync bookkeeping (issue 8): high-water marks and the conflicts to show staff.
Migration: ``0007_sync_rgpd.py`` (keep both in step; a test compares them).

There is no outbox copy of the records: the records themselves are the outbox. Each table a
tour kiosk pushes is read in id order past its high-water mark, so the bookkeeping holds no
personal data and a purged record cannot linger here. ``sync_conflict`` rows name a person
only through a nullable foreign key (the purge detaches it) and have a retention rule.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.db.models import Base


class SyncState(Base):
    """Where the last push (or the current pull pass) of one table got to.

    ``push``: ``last_id`` is where the next push starts: every local id up to it is in the
    central database for good. ``acked``: the highest local id the central base took, and
    when (``completed_at``) — beyond the push mark when rows are sent again until they change
    no more (an open help request): the sync chip counts only what changed since.
    ``pull``: ``last_id`` is the highest central id copied in the pass under way (0 between
    passes); ``completed_at`` is when the last full pass ended: the age of the kiosk's data.
    """

    __tablename__ = "sync_state"
    __table_args__ = (UniqueConstraint("direction", "table_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(8))  # push | pull
    table_name: Mapped[str] = mapped_column(String(64))
    last_id: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    rows: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))  # this pass
    pass_started_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]
    attempted_at: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(Text)  # the last failure, None once it worked


class SyncConflict(Base):
    """A record the central database took differently, said in plain French for staff."""

    __tablename__ = "sync_conflict"
    __table_args__ = (Index(None, "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100), unique=True)  # "<table>:<nonce>": once only
    at: Mapped[datetime]  # when the sync found it
    occurred_at: Mapped[datetime]  # when the record was made on this kiosk
    table_name: Mapped[str] = mapped_column(String(64))
    message: Mapped[str] = mapped_column(Text)  # French, with no name in it
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"))

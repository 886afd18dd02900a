"""The announcements' table. Migration: ``0014_tour_announcements.py`` (keep both in step; a
test compares them)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.db.models import Base
from kiosk.domain import NONCE_LENGTH


class Announcement(Base):
    """A banner shown from ``starts_at`` until ``ends_at`` (UTC) where it applies.

    Withdrawing one ends it now rather than deleting it: the end travels with the tour
    kiosk's sync like any other change (its pull copies by ``nonce``), and the record of what
    was said when stays. ``profiles`` and ``kiosks`` are comma-separated lists (profile names,
    kiosk codes); empty means every one.
    """

    __tablename__ = "announcement"
    __table_args__ = (Index(None, "ends_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    nonce: Mapped[str] = mapped_column(String(NONCE_LENGTH), unique=True)
    text: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    profiles: Mapped[str] = mapped_column(String(64), default="", server_default="")
    kiosks: Mapped[str] = mapped_column(String(500), default="", server_default="")
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(64), default="", server_default="")

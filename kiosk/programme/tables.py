"""The programme's own table: where an imported event came from, so that importing the same
agenda again updates its events instead of adding new ones (migration 0003 creates it)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.db.models import Base


class EventSource(Base):
    """The external id (iCalendar UID, CSV id) an event was imported from: re-imports update."""

    __tablename__ = "event_source"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(255), unique=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), unique=True)
    imported_at: Mapped[datetime]

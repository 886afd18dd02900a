"""The itinerary's table. Migration: ``0014_tour_announcements.py`` (keep both in step; a test
compares them)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.db.models import Base, Site


class TourStop(Base):
    """One stop of the Smart Tour: a site, from ``starts_at`` to ``ends_at`` (UTC).

    ``ref`` is the stop's natural key, the same on every database — the site's code and the
    local start (``PUGET/2027-01-12T09:00``): the import finds a stop it already holds by it,
    and the tour kiosk's pull copies and prunes by it (site ids differ between databases).
    """

    __tablename__ = "tour_stop"
    __table_args__ = (Index(None, "ends_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(48), unique=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    offer: Mapped[str] = mapped_column(Text, default="", server_default="")
    offer_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    imported_at: Mapped[datetime]

    site: Mapped[Site] = relationship()

"""Reading the itinerary: the next stops for the screens, today's stop for the tour kiosk."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kiosk.db.models import Kiosk, Site
from kiosk.domain import PARIS
from kiosk.itinerary.tables import TourStop

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Stop:
    """What the screens show of a stop: no personal data."""

    ref: str
    site_code: str
    site_name: str
    town: str
    starts_at: datetime  # aware
    ends_at: datetime
    offer: str = ""
    offer_en: str = ""

    @property
    def place(self) -> str:
        """The name people know the place by: the town, else the site's name."""
        return self.town or self.site_name

    @property
    def day(self) -> date:
        return self.starts_at.astimezone(PARIS).date()

    def offer_in(self, english: bool) -> str:
        """What is offered in the kiosk's language; the French one when no English was given."""
        return self.offer_en if english and self.offer_en else self.offer


def _stops(session: Session, *where: object) -> list[Stop]:
    query = (
        select(TourStop, Site)
        .join(Site, Site.id == TourStop.site_id)
        .where(*where)  # type: ignore[arg-type]
        .order_by(TourStop.starts_at, Site.code)
    )
    return [
        Stop(s.ref, site.code, site.name, site.town, s.starts_at, s.ends_at, s.offer, s.offer_en)
        for s, site in session.execute(query)
    ]


def upcoming_stops(session: Session, now: datetime, limit: int = 5) -> list[Stop]:
    """The stops not over yet, the one under way first."""
    return _stops(session, TourStop.ends_at > now)[:limit]


def stop_today(session: Session, now: datetime) -> Stop | None:
    """The stop the tour kiosk stands at on ``now``'s day (Paris): the one under way, else the
    next one that day (set up before opening), else the last one that ended that day (packing
    up, a late visitor). None on a day without a stop."""
    day = now.astimezone(PARIS).date()
    start = datetime.combine(day, datetime.min.time(), PARIS)
    end = datetime.combine(day, datetime.max.time(), PARIS)
    today = _stops(session, TourStop.starts_at <= end, TourStop.ends_at >= start)
    if not today:
        return None
    under_way = [s for s in today if s.starts_at <= now < s.ends_at]
    later = [s for s in today if s.starts_at > now]
    return (under_way or later or today[-1:])[0]


def follow_stop(session: Session, kiosk_id: int, site_id: int, now: datetime) -> int:
    """The site the tour kiosk records for at ``now``: today's stop's, else ``site_id`` (the
    one its settings or its last stop gave it). When today's stop is elsewhere, the kiosk's row
    moves there, so that the fleet screen and the next start see where it stands; what was
    recorded at the earlier stops keeps the site it was recorded at. In a transaction of its
    own, or in the caller's when one is open (then the caller commits)."""
    if session.in_transaction():
        return _follow(session, kiosk_id, site_id, now)
    with session.begin():
        return _follow(session, kiosk_id, site_id, now)


def _follow(session: Session, kiosk_id: int, site_id: int, now: datetime) -> int:
    stop = stop_today(session, now)
    if stop is None:
        return site_id
    here = session.scalar(select(Site.id).where(Site.code == stop.site_code))
    if here is None:  # cannot happen: the stop's own join found it
        return site_id
    moved = session.execute(
        update(Kiosk).where(Kiosk.id == kiosk_id, Kiosk.site_id != here).values(site_id=here)
    )
    if moved.rowcount:  # type: ignore[attr-defined]
        log.info("Smart Tour at %s today: this kiosk now records for it", stop.site_code)
    return here

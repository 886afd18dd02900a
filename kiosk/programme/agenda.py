"""The programme as the attract screen shows it: what is on next, where, and seats left."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Final

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from kiosk.db.models import Event, Registration, Site
from kiosk.domain import RegistrationStatus, Space, UpcomingEvent
from kiosk.text import fold_words

# Display names of the Smart Corner's spaces; the UI shows them as they are in both languages.
PLACE_NAMES: Final = {
    Space.SMART_ROOM: "Smart Room",
    Space.SMART_LAB: "Smart Lab",
    Space.SMART_CLASS: "Smart Class",
    Space.SMART_STORE: "Smart Store",
}


def upcoming_events(session: Session, now: datetime, limit: int) -> list[UpcomingEvent]:
    """Events not finished at ``now``, soonest first (one query, ``limit`` rows at most)."""
    if limit <= 0:
        return []
    return _upcoming(session, Event.ends_at > now, limit)


def upcoming_with_titles(
    session: Session, titles: Collection[str], now: datetime, limit: int
) -> list[UpcomingEvent]:
    """Events not finished at ``now`` whose title is one of ``titles`` (compared without case,
    accents or punctuation: a monthly « Café numérique » keeps its title), soonest first."""
    wanted = {fold_words(t) for t in titles}
    if not wanted or limit <= 0:
        return []
    to_come = session.execute(select(Event.id, Event.title).where(Event.ends_at > now))
    ids = [i for i, title in to_come if fold_words(title) in wanted]
    return _upcoming(session, Event.id.in_(ids), limit) if ids else []


def _upcoming(session: Session, where: ColumnElement[bool], limit: int) -> list[UpcomingEvent]:
    confirmed = (
        select(func.count(Registration.id))
        .where(
            Registration.event_id == Event.id,
            Registration.status == RegistrationStatus.CONFIRMED,
        )
        .correlate(Event)
        .scalar_subquery()
    )
    rows = session.execute(
        select(Event, Site.town, confirmed)
        .join(Site, Site.id == Event.site_id)
        .where(where)
        .order_by(Event.starts_at, Event.id)
        .limit(limit)
    ).all()
    return [
        UpcomingEvent(
            id=event.id,
            title=event.title,
            kind=event.kind,
            space=event.space,
            place=PLACE_NAMES.get(event.space, town),
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            open_to_external=event.open_to_external,
            seats_left=None if event.capacity is None else max(event.capacity - taken, 0),
            description=event.description,
            title_en=event.title_en,
            description_en=event.description_en,
        )
        for event, town, taken in rows
    ]

"""The demo itinerary: the Smart Tour's stops over the next six weeks, at the remote sites of
the demo programme's tour events (the day they happen) and every Tuesday at another one."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.db.demo import DemoBase
from kiosk.db.models import Event, Site
from kiosk.domain import PARIS, Space
from kiosk.itinerary.importer import stop_ref
from kiosk.itinerary.tables import TourStop

WEEKS = 6
TUESDAY = 1
OFFERS = (
    ("Café numérique, démonstrations et aide à l’équipement",
     "Digital café, demonstrations and help with equipment"),
    ("Atelier cybersécurité : reconnaître un courriel piégé",
     "Cybersecurity workshop: spotting a phishing e-mail"),
    ("Prise en main de Teams et du poste de travail",
     "Getting started with Teams and your workstation"),
    ("Retrait Click & Collect et prêt de matériel",
     "Click & Collect pickup and equipment loans"),
)  # fmt: skip


def seed_itinerary(session: Session, base: DemoBase) -> dict[str, int]:
    rng = random.Random(base.seed + 14)
    sites = {
        s.id: s
        for s in session.scalars(select(Site).where(Site.id.in_(base.site_ids)).order_by(Site.code))
    }
    remote = [s for s in sites.values() if not s.is_smart_corner]
    first, last = base.today + timedelta(days=1), base.today + timedelta(weeks=WEEKS)
    planned: dict[date, Site] = {}
    imported = datetime.combine(base.today, time(0), PARIS)  # the same all day long
    tour_events = session.scalars(
        select(Event)
        .where(
            Event.space == Space.REMOTE_SITE,
            Event.starts_at >= datetime.combine(first, time(0), PARIS),
            Event.starts_at < datetime.combine(last, time(0), PARIS),
        )
        .order_by(Event.starts_at, Event.id)
    )
    for event in tour_events:
        planned[event.starts_at.astimezone(PARIS).date()] = sites[event.site_id]
    day = first
    while day < last:
        if day.weekday() == TUESDAY and day not in planned and remote:
            planned[day] = rng.choice(remote)
        day += timedelta(days=1)
    for day, site in sorted(planned.items(), key=lambda kv: kv[0]):
        starts = datetime.combine(day, time(9), PARIS)
        offer, offer_en = rng.choice(OFFERS)
        session.add(
            TourStop(ref=stop_ref(site.code, starts), site_id=site.id, starts_at=starts,
                     ends_at=starts.replace(hour=16), offer=offer, offer_en=offer_en,
                     imported_at=imported)
        )  # fmt: skip
    session.flush()
    return {"tour_stops": len(planned)}

"""Availability per kiosk over a quarter, from the fleet's incidents: how long each kiosk was
silent during its opening hours (the "silent" incidents), and how many incidents of every kind
it had and for how long (clipped to the quarter).

The quarter under way counts up to the newest heartbeat heard, not to its end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from kiosk.db.models import Kiosk
from kiosk.fleet.rules import IncidentKind
from kiosk.fleet.tables import FleetIncident, KioskHeartbeat
from kiosk.stats.periods import Quarter


@dataclass(frozen=True)
class KioskAvailability:
    kiosk: str  # its name
    availability: float  # 0..1: the share of the quarter (so far) it was not silent
    incidents: int
    incident_hours: float  # every kind, clipped to the quarter


def kiosk_availability(session: Session, quarter: Quarter) -> list[KioskAvailability]:
    start, end = quarter.utc_bounds()
    newest = session.scalar(select(func.max(KioskHeartbeat.at)))
    until = min(end, newest) if newest is not None and newest > start else end
    span = (until - start).total_seconds()
    rows = session.execute(
        select(Kiosk.name, FleetIncident.kind, FleetIncident.since, FleetIncident.closed_at)
        .join(Kiosk, Kiosk.id == FleetIncident.kiosk_id)
        .where(
            FleetIncident.since < until,
            or_(FleetIncident.closed_at.is_(None), FleetIncident.closed_at > start),
        )
        .order_by(Kiosk.name)
    ).all()
    silent: dict[str, timedelta] = {}
    total: dict[str, timedelta] = {}
    counts: dict[str, int] = {}
    for name, kind, since, closed_at in rows:
        lasted = min(closed_at or until, until) - max(since, start)
        lasted = max(lasted, timedelta(0))
        total[name] = total.get(name, timedelta(0)) + lasted
        counts[name] = counts.get(name, 0) + 1
        if kind == IncidentKind.SILENT:
            silent[name] = silent.get(name, timedelta(0)) + lasted
    return [
        KioskAvailability(
            kiosk=name,
            availability=max(0.0, 1 - silent.get(name, timedelta(0)).total_seconds() / span)
            if span > 0
            else 1.0,
            incidents=counts[name],
            incident_hours=round(total[name].total_seconds() / 3600, 2),
        )
        for name in counts
    ]

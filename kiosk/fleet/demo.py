"""The demo's fleet: the three demo kiosks' last heartbeats and a quarter of past incidents,
so ``smartcorner fleet``, « Parc des bornes » and the statistics have something to show.

As of 14:00 on the day of the seed: the Smart Store's printer has run out of paper, the Smart
Room is well, the Smart Tour was last heard 25 minutes ago and last synced two days ago. A
demo kiosk that runs writes its own heartbeat over the seeded one.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from sqlalchemy.orm import Session

from kiosk.db.demo import DemoBase
from kiosk.domain import PARIS
from kiosk.fleet.incidents import TicketState, open_key
from kiosk.fleet.rules import IncidentKind
from kiosk.fleet.state import DeviceState, KioskState, to_json
from kiosk.fleet.tables import FleetIncident, KioskHeartbeat
from kiosk.fleet.words import incident_text

NAMES = {"DEMO-STORE": "Smart Store", "DEMO-ROOM": "Smart Room", "DEMO-TOUR": "Smart Tour"}
PAST_INCIDENTS = 12  # per kiosk, over the demo's three quarters


def seed_fleet(session: Session, base: DemoBase) -> dict[str, int]:
    # As of 14:00 on the seed's day, not the seed's time: the demo is the same all day long.
    now = datetime.combine(base.today, time(14, 0), PARIS)
    started = now - timedelta(hours=3)
    common = {"version": "demo", "schema": "0009", "started_at": started, "site": "CADAM"}
    states = {
        "DEMO-STORE": (
            now - timedelta(seconds=40),
            KioskState(
                profile="store",
                printer=DeviceState("paper_out", now - timedelta(minutes=18)),
                spool_backlog=2,
                spool_oldest_at=now - timedelta(minutes=12),
                last_interaction_at=now - timedelta(minutes=3),
                last_scan_at=now - timedelta(minutes=40),
                disk_free=38 << 30,
                db_checked_at=started,
                display_hours="08:00-18:00",
                display_days="mon-fri",
                **common,  # type: ignore[arg-type]
            ),
        ),
        "DEMO-ROOM": (
            now - timedelta(seconds=15),
            KioskState(
                profile="room",
                printer=DeviceState("ready", started),
                last_interaction_at=now - timedelta(minutes=1),
                disk_free=52 << 30,
                db_checked_at=started,
                **common,  # type: ignore[arg-type]
            ),
        ),
        "DEMO-TOUR": (
            now - timedelta(minutes=25),
            KioskState(
                profile="tour",
                syncs=True,
                last_sync_at=now - timedelta(days=2, hours=3),
                sync_waiting=14,
                disk_free=9 << 30,
                db_checked_at=started,
                **common,  # type: ignore[arg-type]
            ),
        ),
    }
    for code, (at, state) in states.items():
        session.add(KioskHeartbeat(kiosk_id=base.kiosk_ids[code], at=at, state=to_json(state)))
    opened = [
        ("DEMO-STORE", IncidentKind.PAPER_OUT, now - timedelta(minutes=18)),
        ("DEMO-TOUR", IncidentKind.SYNC_LATE, now - timedelta(days=2, hours=3)),
    ]
    rng = random.Random(base.seed)  # deterministic, nonces included: the demo is the same daily
    for code, kind, since in opened:
        session.add(_incident(base, rng, code, kind, since, since + timedelta(minutes=10), None))
    first = datetime.combine(base.today - timedelta(days=270), datetime.min.time(), now.tzinfo)
    kinds = [IncidentKind.PAPER_OUT, IncidentKind.SILENT, IncidentKind.PRINTER_OFFLINE]
    past = 0
    for code in NAMES:
        for _ in range(PAST_INCIDENTS):
            since = first + timedelta(minutes=rng.randrange(0, 260 * 24 * 60))
            lasted = timedelta(minutes=rng.randint(12, 240))
            kind = rng.choice(kinds if code != "DEMO-TOUR" else kinds[::2])
            session.add(_incident(base, rng, code, kind, since, since + lasted, since + lasted))
            past += 1
    return {"fleet heartbeats": len(states), "fleet incidents": len(opened) + past}


def _incident(
    base: DemoBase,
    rng: random.Random,
    code: str,
    kind: IncidentKind,
    since: datetime,
    opened_at: datetime,
    closed_at: datetime | None,
) -> FleetIncident:
    kiosk_id = base.kiosk_ids[code]
    return FleetIncident(
        kiosk_id=kiosk_id,
        kind=kind,
        open_key=None if closed_at else open_key(kiosk_id, kind),
        nonce=f"{rng.getrandbits(128):032x}",
        since=since,
        opened_at=opened_at,
        closed_at=closed_at,
        opened_by="DEMO-ROOM",
        detail=incident_text(kind, NAMES[code], since),
        ticket_state=TicketState.CLOSED if closed_at else TicketState.OPENED,
        ticket_due_at=opened_at,
    )

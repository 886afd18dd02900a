"""Kiosks of one shared database writing heartbeats on a fake clock (fleet tests)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from kiosk.fleet.heartbeat import write_heartbeat
from kiosk.fleet.rules import FleetRules
from kiosk.fleet.state import KioskState
from kiosk.settings import Settings
from kiosk.this_kiosk import KioskRef, register_kiosk

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)  # a Tuesday, 10:00 in Paris
RULES = FleetRules(
    silent_after=timedelta(minutes=10),
    printer_after=timedelta(minutes=5),
    spool_after=timedelta(minutes=5),
    sync_max_age=timedelta(days=1),
)


def add_kiosk(sessions: sessionmaker[Session], code: str, name: str) -> KioskRef:
    return register_kiosk(sessions, Settings(kiosk_code=code, kiosk_name=name), START)


def beat(sessions: sessionmaker[Session], kiosk: KioskRef, state: KioskState, at: datetime) -> None:
    with sessions.begin() as session:
        write_heartbeat(session, kiosk.id, state, at, rules=RULES, history_days=1)

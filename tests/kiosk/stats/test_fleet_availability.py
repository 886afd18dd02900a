"""Availability per kiosk in the quarter's statistics, from the fleet's incidents."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from kiosk.fleet.incidents import reconcile
from kiosk.fleet.state import KioskState
from kiosk.stats.dashboard import quarter_dashboard
from kiosk.stats.fleet import kiosk_availability
from kiosk.stats.periods import Quarter
from kiosk.stats.report import report_text
from tests.kiosk.fleet.world import RULES, add_kiosk, beat

Q4 = Quarter(2026, 4)
OCT = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)


def test_a_kiosk_silent_for_a_day_of_ten_is_nine_tenths_available(
    session_factory: sessionmaker[Session],
) -> None:
    store = add_kiosk(session_factory, "STORE-1", "Smart Store")
    room = add_kiosk(session_factory, "ROOM-1", "Smart Room")
    start, _ = Q4.utc_bounds()
    beat(session_factory, store, KioskState(), start)
    beat(session_factory, room, KioskState(), start)
    silent_seen = start + timedelta(minutes=11)
    beat(session_factory, room, KioskState(), silent_seen)
    with session_factory() as session:
        reconcile(session, silent_seen, RULES, by="ROOM-1")  # the store is silent
    back = start + timedelta(days=1)
    beat(session_factory, store, KioskState(), back)
    beat(session_factory, room, KioskState(), back)
    with session_factory() as session:
        reconcile(session, back, RULES, by="ROOM-1")
    beat(session_factory, room, KioskState(), start + timedelta(days=10))  # heard until then
    with session_factory() as session:
        [store_line] = kiosk_availability(session, Q4)
        board = quarter_dashboard(session, Q4)
    assert store_line.kiosk == "Smart Store"
    assert store_line.incidents == 1
    assert store_line.incident_hours == 24.0  # silent since its last word, at the start
    assert abs(store_line.availability - 0.9) < 1e-9
    assert "Smart Store : disponible 90 %" in report_text(board)

"""The Smart Tour's heartbeat rides on its sync: written in its own database while offline,
carried to the central one (by kiosk code) when the sync meets it, never older over newer."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from kiosk.db.models import Kiosk
from kiosk.fleet.heartbeat import read_heartbeat, write_heartbeat
from kiosk.fleet.rules import FleetRules
from kiosk.fleet.state import KioskState
from kiosk.settings import Settings
from kiosk.sync.setup import run_sync
from tests.kiosk.sync.conftest import TOUR_CODE, Tour


def test_the_tour_heartbeat_reaches_the_central_database_at_its_sync(sqlite_tour: Tour) -> None:
    tour = sqlite_tour
    offline = tour.clock.now() - timedelta(minutes=40)
    with tour.local_sessions.begin() as s:
        state = KioskState(profile="tour", syncs=True, sync_waiting=3)
        write_heartbeat(s, tour.kiosk_id, state, offline, rules=FleetRules(), history_days=1)
    settings = Settings(
        kiosk_code=TOUR_CODE,
        kiosk_name="Smart Tour",
        db_url=str(tour.local.url),
        central_db=tour.central.url.render_as_string(hide_password=False),
    )
    _, kiosk_id = run_sync(tour.local, settings, tour.clock)
    assert kiosk_id == tour.kiosk_id
    with tour.central_sessions() as s:
        central_id = s.scalar(select(Kiosk.id).where(Kiosk.code == TOUR_CODE))
        assert central_id is not None
        carried = read_heartbeat(s, central_id)
    assert carried is not None
    assert carried[0] == offline
    assert carried[1].sync_waiting == 3

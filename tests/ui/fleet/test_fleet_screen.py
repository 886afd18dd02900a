"""The running kiosk's heartbeat (its worker, not the GUI thread) and « Parc des bornes »
reached from the administration, on a real SQLite database."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.models import Kiosk
from kiosk.fleet.heartbeat import read_heartbeat, write_heartbeat
from kiosk.fleet.rules import FleetRules
from kiosk.fleet.state import DeviceState, KioskState
from kiosk.settings import Settings
from kiosk.this_kiosk import register_kiosk
from tests.ui.conftest import NOW
from ui.devices.device_card import Level
from ui.fleet.desk import FleetDesk
from ui.fleet.screen import FleetScreen

WAIT_MS = 60_000  # the first heartbeat migrates a new database on a busy machine


def test_the_heartbeat_is_written_once_at_a_time_with_what_the_database_knows(
    qtbot: QtBot, shell: Any
) -> None:
    desk = shell.service(FleetDesk)
    assert isinstance(desk, FleetDesk)
    desk.beat()
    desk.beat()  # while the first is on its way: not queued behind it
    qtbot.waitUntil(lambda: desk.beats >= 1, timeout=WAIT_MS)
    assert desk.beats == 1
    engine = create_db_engine(shell.settings.database_url)
    try:
        with make_session_factory(engine)() as session:
            kiosk_id = session.scalar(select(Kiosk.id))
            assert kiosk_id is not None
            found = read_heartbeat(session, kiosk_id)
    finally:
        engine.dispose()
    assert found is not None
    at, state = found
    assert at == NOW
    assert state.profile == "room"
    assert state.schema
    assert state.version
    assert state.db_checked_at == NOW  # the daily database check ran with the first beat


def test_parc_des_bornes_shows_another_kiosk_out_of_paper(qtbot: QtBot, shell: Any) -> None:
    desk = shell.service(FleetDesk)
    desk.beat()
    qtbot.waitUntil(lambda: desk.beats >= 1, timeout=WAIT_MS)  # the database exists now
    engine = create_db_engine(shell.settings.database_url)
    try:
        sessions = make_session_factory(engine)
        other = register_kiosk(sessions, Settings(kiosk_code="STORE-2", kiosk_name="Accueil"), NOW)
        since = NOW - timedelta(minutes=12)
        with sessions.begin() as session:
            out = KioskState(printer=DeviceState("paper_out", since))
            write_heartbeat(session, other.id, out, NOW, rules=FleetRules(), history_days=1)
    finally:
        engine.dispose()
    shell.router.go("admin")
    admin = shell.router.current
    qtbot.mouseClick(admin.fleet, Qt.MouseButton.LeftButton)
    assert shell.router.current_key == "fleet"
    screen = shell.router.current
    assert isinstance(screen, FleetScreen)
    qtbot.waitUntil(lambda: len(screen.texts()) > 4, timeout=WAIT_MS)
    card = next(c for c in screen.cards if c.title.text() == "Accueil (STORE-2)")
    assert card.level is Level.WARNING  # shape and colour: a triangle, amber
    assert any("plus de papier depuis" in text for text in card.texts())
    assert not any(c.level is Level.ERROR for c in screen.cards)

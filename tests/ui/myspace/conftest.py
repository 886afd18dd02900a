"""The whole kiosk on the check-in world's database, three hours before the masterclass:
Dan (no registration) holds a badge; the programme is read from that database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain import new_nonce
from kiosk.identity import badge_hash, link_badge
from kiosk.ports import FixedClock
from kiosk.programme.agenda import upcoming_events
from kiosk.settings import Settings, with_overrides
from tests.helpers.checkin_world import NOW, SITE_KEY, World
from tests.ui.checkin.conftest import checkin_settings, paris_time, site_key_file, world
from tests.ui.conftest import FakeProgramme
from ui.data import KioskDatabase

EARLY = NOW - timedelta(hours=3)  # 07:30 in Paris: every event of the day still ahead
DAN_UID = bytes.fromhex("04d1d2d3d4d5d6")

__all__ = ["checkin_settings", "paris_time", "site_key_file", "world"]  # shared fixtures


@pytest.fixture
def dan_badge(session_factory: sessionmaker[Session], world: World) -> bytes:
    with session_factory.begin() as s:
        link_badge(s, badge_hash(SITE_KEY, DAN_UID), world.dan, now=EARLY, nonce=new_nonce())
    return DAN_UID


@pytest.fixture
def kiosk(
    qtbot: QtBot,
    qapp: Any,
    world: World,
    dan_badge: bytes,
    checkin_settings: Settings,
    session_factory: sessionmaker[Session],
) -> Iterator[Any]:
    from ui.app.shell import build_shell

    with session_factory() as s:
        programme = FakeProgramme(upcoming_events(s, EARLY, 10))
    # The Qt mock speech engine: the accessible mode would start speech-dispatcher otherwise.
    settings = with_overrides(checkin_settings, speech_engine="mock", speech_output="speaker")
    database = KioskDatabase.for_settings(settings)
    shell = build_shell(
        settings,
        app=qapp,
        clock=FixedClock(EARLY),
        events_loader=programme,
        on_quit=lambda: None,
        database=database,
    )
    shell.window.resize(1920, 1080)
    shell.window.transition.duration_ms = 0
    shell.start()
    shell.window.show()
    qtbot.waitExposed(shell.window)
    yield shell
    shell.close()
    database.close()
    # Delete the closed shell now: a warm-up timer of its (the check-in desk's) would otherwise
    # fire in the next test's event loop and run on a deleted desk.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

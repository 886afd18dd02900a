"""Check-in UI fixtures: checkin-core's hand-made world in a real SQLite file, a desk on it.

The clock is the world's (10:30 in Paris, the masterclass open for check-in). Sounds are
recorded, not played.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from kiosk.checkin.place import KioskPlace
from kiosk.domain import Space
from kiosk.paths import Paths
from kiosk.ports import FixedClock
from kiosk.settings import Settings
from tests.helpers.checkin_world import NOW, SITE_KEY, World, build_world
from ui.checkin.desk import CheckinDesk
from ui.sounds import Cue

KIOSK_NAME = "Smart Room — entrée"  # the world's kiosk K1


class RecordedSounds:
    def __init__(self) -> None:
        self.played: list[Cue] = []

    def play(self, cue: Cue) -> None:
        self.played.append(cue)


@pytest.fixture(autouse=True)
def paris_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The screens show local time; the world's events are set in Paris, like the kiosks."""
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def world(session_factory: sessionmaker[Session]) -> World:
    return build_world(session_factory)


@pytest.fixture
def world_clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def sounds() -> RecordedSounds:
    return RecordedSounds()


@pytest.fixture
def site_key_file(tmp_path: Path) -> Path:
    path = tmp_path / "site.key"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(SITE_KEY.hex() + "\n")
    return path


@pytest.fixture
def make_desk(
    qapp: Any, session_factory: sessionmaker[Session], world: World, world_clock: FixedClock
) -> Iterator[Callable[..., CheckinDesk]]:
    desks: list[CheckinDesk] = []

    def make(space: Space | None = Space.SMART_ROOM, **kwargs: Any) -> CheckinDesk:
        place = KioskPlace(world.kiosk, world.site, space, KIOSK_NAME)
        desk = CheckinDesk(
            lambda: session_factory,
            world_clock,
            site_key=lambda: SITE_KEY,
            verifier=lambda: world.verifier,
            place=kwargs.pop("place", lambda: place),
            **kwargs,
        )
        desks.append(desk)
        return desk

    yield make
    for desk in desks:
        desk.wait()
        desk.deleteLater()


@pytest.fixture
def desk(make_desk: Callable[..., CheckinDesk], qtbot: QtBot) -> CheckinDesk:
    desk = make_desk()
    with qtbot.waitSignal(desk.ready, timeout=10_000):
        desk.warm_up()
    return desk


@pytest.fixture
def checkin_settings(tmp_path: Path, site_key_file: Path, sqlite_url: str) -> Settings:
    return Settings(
        paths=Paths(data_dir=tmp_path / "data", config_file=None),
        db_url=sqlite_url,
        kiosk_name=KIOSK_NAME,
        kiosk_code="K1",
        site_key_file=site_key_file,
    )

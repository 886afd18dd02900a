"""UI fixtures: a whole kiosk shell on a fixed clock and a fake programme, torn down cleanly."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.domain import EventKind, Space, UpcomingEvent
from kiosk.paths import Paths
from kiosk.ports import FixedClock
from kiosk.settings import Settings, with_overrides

# Monday 23 November 2026, 14:27 in the machine's own time zone (the one the screens show).
NOW = datetime(2026, 11, 23, 14, 27).astimezone()


def make_events(now: datetime = NOW) -> list[UpcomingEvent]:
    day = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return [
        UpcomingEvent(1, "Bien démarrer avec son nouveau poste", EventKind.CAFE_NUMERIQUE,
                      Space.SMART_ROOM, "Smart Room", day + timedelta(hours=15),
                      day + timedelta(hours=16), False, 6),
        UpcomingEvent(2, "L'IA au service des politiques publiques", EventKind.MASTERCLASS,
                      Space.SMART_ROOM, "Smart Room", day + timedelta(days=1, hours=10),
                      day + timedelta(days=1, hours=12), True, 0),
        UpcomingEvent(3, "Impression 3D", EventKind.ATELIER_TECHNOLOGIQUE, Space.SMART_LAB,
                      "Smart Lab", day + timedelta(days=2, hours=14),
                      day + timedelta(days=2, hours=16), False, None),
    ]  # fmt: skip


class FakeProgramme:
    """An events loader for the feed: records its calls, can be told to fail."""

    def __init__(self, events: list[UpcomingEvent] | None = None) -> None:
        self.events = make_events() if events is None else events
        self.calls: list[tuple[datetime, int]] = []
        self.error: Exception | None = None

    def __call__(self, now: datetime, limit: int) -> list[UpcomingEvent]:
        self.calls.append((now, limit))
        if self.error is not None:
            raise self.error
        return self.events[:limit]


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def programme() -> FakeProgramme:
    return FakeProgramme()


@pytest.fixture
def kiosk_settings(tmp_path: Path, migrated_template: Path) -> Settings:
    # The Qt mock speech engine (speechd would start speech-dispatcher); no pactl polling.
    settings = Settings(
        paths=Paths(data_dir=tmp_path / "data", config_file=None),
        speech_engine="mock",
        speech_output="speaker",
    )
    # The kiosk's database as after its first start: created and migrated once per session.
    # Otherwise the first thing a test's shell did with it (a help ticket: 5.8 s) created it
    # through Alembic's ten migrations, in every test.
    settings.paths.ensure()
    shutil.copyfile(migrated_template, settings.paths.database_file)
    return settings


@pytest.fixture
def quit_calls() -> list[int]:
    return []


@pytest.fixture
def make_shell(
    qtbot: QtBot,
    qapp: Any,
    kiosk_settings: Settings,
    clock: FixedClock,
    programme: FakeProgramme,
    quit_calls: list[int],
) -> Iterator[Callable[..., Any]]:
    """Build, show and start a shell; ``make_shell(profile=...)`` overrides settings."""
    from ui.app.shell import build_shell

    shells = []

    def make(**overrides: Any) -> Any:
        tiles = overrides.pop("tiles", None)
        settings = with_overrides(kiosk_settings, **overrides)
        shell = build_shell(
            settings,
            app=qapp,
            clock=clock,
            events_loader=programme,
            tiles=tiles,
            on_quit=lambda: quit_calls.append(1),
        )
        shells.append(shell)
        shell.window.resize(1920, 1080)
        shell.start()
        shell.window.show()
        qtbot.waitExposed(shell.window)
        return shell

    yield make
    from PySide6.QtCore import QCoreApplication, QEvent

    for shell in shells:
        shell.close()
    # Delete the closed windows now rather than in some later test's event loop.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def shell(make_shell: Callable[..., Any]) -> Any:
    return make_shell()

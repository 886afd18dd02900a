"""A room kiosk's database with the demo's twelve projects and one event that presents one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.migrate import ensure_schema
from kiosk.ports import FixedClock
from kiosk.projects.demo import write_demo_file
from kiosk.projects.importer import import_projects
from kiosk.settings import Profile, Settings
from tests.helpers import records

PRESENTED = "signature-electronique-des-actes"
EVENT_TITLE = "Café numérique : la signature électronique"


@pytest.fixture
def projects_shell(
    make_shell: Callable[..., Any],
    kiosk_settings: Settings,
    clock: FixedClock,
    tmp_path: Path,
    qtbot: QtBot,
) -> Callable[..., Any]:
    """A room shell on the projects screen, its gallery loaded."""

    def make(**overrides: Any) -> Any:
        engine = create_db_engine(kiosk_settings.database_url)
        ensure_schema(engine)
        media = tmp_path / "projects"
        media.mkdir(exist_ok=True)
        with make_session_factory(engine).begin() as session:
            assert import_projects(session, write_demo_file(media), clock.now()).ok
            site = records.site(session)
            records.event(session, site, title=EVENT_TITLE,
                          starts_at=clock.now() + timedelta(days=3))  # fmt: skip
        engine.dispose()
        shell = make_shell(profile=Profile.ROOM, **overrides)
        shell.router.go("home")
        shell.router.go("projects")
        screen = shell.router.current
        qtbot.waitUntil(lambda: len(screen.cards) == 12, timeout=10_000)
        return shell

    return make

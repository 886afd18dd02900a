"""A database that cannot be opened gives « hors service » with its cause, never a crash loop."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.db.engine import create_db_engine
from kiosk.db.migrate import ensure_schema
from kiosk.paths import Paths
from kiosk.ports import FixedClock
from kiosk.settings import Settings
from tests.helpers.storage import fill, read_only, small_disk
from ui.data import KioskDatabase


def migrated(settings: Settings) -> None:
    engine = create_db_engine(settings.database_url)
    ensure_schema(engine)
    engine.dispose()


@pytest.fixture
def start_kiosk(qtbot: QtBot, qapp: Any, clock: FixedClock) -> Iterator[Callable[[Settings], Any]]:
    from ui.app.shell import build_shell

    opened: list[tuple[Any, KioskDatabase]] = []

    def start(settings: Settings) -> Any:
        database = KioskDatabase.for_settings(settings)
        shell = build_shell(
            settings,
            app=qapp,
            clock=clock,
            events_loader=database.upcoming_events,
            database=database,
            on_quit=lambda: None,
        )
        opened.append((shell, database))
        shell.window.resize(1920, 1080)
        shell.start()
        shell.window.show()
        qtbot.waitExposed(shell.window)
        qtbot.waitUntil(lambda: shell.router.current_key == "out_of_service", timeout=15000)
        return shell

    yield start
    for shell, database in opened:
        shell.close()
        database.close()


def settings_in(data: Path) -> Settings:
    return Settings(paths=Paths(data_dir=data, config_file=None))


def test_an_empty_database_file_is_out_of_service_and_kept(
    tmp_path: Path, start_kiosk: Callable[[Settings], Any]
) -> None:
    settings = settings_in(tmp_path / "data")
    settings.paths.ensure()
    settings.paths.database_file.touch()
    screen = start_kiosk(settings).router.current
    assert screen.title.text() == "Borne hors service"
    assert screen.cause.text() == "Cause\u202f: base vide ou abîmée"
    assert "smartcorner restore FILE" in screen.command.text()
    assert "smartcorner db init --force" in screen.command.text()
    assert settings.paths.database_file.stat().st_size == 0  # not replaced by an empty database


def test_a_file_without_the_kiosk_schema_is_not_filled_in(
    tmp_path: Path, start_kiosk: Callable[[Settings], Any]
) -> None:
    settings = settings_in(tmp_path / "data")
    settings.paths.ensure()
    engine = create_db_engine(settings.database_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE notes (text TEXT)")
    engine.dispose()
    screen = start_kiosk(settings).router.current
    assert screen.cause.text() == "Cause\u202f: base vide ou abîmée"
    engine = create_db_engine(settings.database_url)
    with engine.connect() as conn:
        names = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'").all()
    engine.dispose()
    assert names == [("notes",)]


def test_a_read_only_data_folder_is_out_of_service(
    tmp_path: Path, start_kiosk: Callable[[Settings], Any]
) -> None:
    with small_disk(tmp_path / "data") as data:
        settings = settings_in(data)
        migrated(settings)
        with read_only(data):
            screen = start_kiosk(settings).router.current
            assert screen.cause.text() == "Cause\u202f: dossier des données en lecture seule"
            assert f"chown -R kiosk: {data}" in screen.command.text()


def test_a_full_disk_is_out_of_service(
    tmp_path: Path, start_kiosk: Callable[[Settings], Any]
) -> None:
    with small_disk(tmp_path / "data") as data:
        settings = settings_in(data)
        migrated(settings)
        fill(data)
        screen = start_kiosk(settings).router.current
        assert screen.cause.text() == "Cause\u202f: disque plein"
        assert f"df -h {data}" in screen.command.text()

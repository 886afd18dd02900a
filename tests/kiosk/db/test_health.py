"""The storage check sees what the schema check cannot: damaged pages, a read-only file, no room."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from kiosk.db.engine import create_db_engine
from kiosk.db.health import StorageFault, check_file, check_storage
from kiosk.db.migrate import ensure_schema
from tests.helpers.storage import damage_pages, fill, read_only, root_page, small_disk


def migrated(path: Path) -> None:
    engine = create_db_engine(f"sqlite:///{path}")
    ensure_schema(engine)
    engine.dispose()  # the last connection checkpoints the WAL into the file


@pytest.fixture
def on_small_disk(tmp_path: Path) -> Iterator[Path]:
    with small_disk(tmp_path / "disk") as folder:
        migrated(folder / "kiosk.sqlite3")
        yield folder / "kiosk.sqlite3"


def storage_of(path: Path) -> Iterator[Engine]:
    engine = create_db_engine(f"sqlite:///{path}")
    try:
        yield engine
    finally:
        engine.dispose()


def test_a_sound_database_is_healthy(engine: Engine) -> None:
    health = check_storage(engine)
    assert health.ok, health.detail


def test_an_overwritten_page_is_found_by_quick_check(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite3"
    migrated(path)
    page = root_page(path, "sqlite_autoindex_attendance_1")
    damage_pages(path, page)
    for engine in storage_of(path):
        health = check_storage(engine)
    assert health.fault is StorageFault.DAMAGED
    assert health.errors == 1
    assert health.detail == (
        f"integrity errors: 1 (Page {page}: btreeInitPage() returns error code 11)"
    )


def test_a_damaged_schema_is_damaged_too(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite3"
    migrated(path)
    damage_pages(path, 2, count=40)
    for engine in storage_of(path):
        health = check_storage(engine)
    assert health.fault is StorageFault.DAMAGED
    assert "malformed" in health.detail


def test_the_write_probe_leaves_nothing_behind(engine: Engine) -> None:
    check_storage(engine)
    with engine.connect() as conn:
        names = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE name LIKE '%probe%'")
        assert names.all() == []


def test_an_empty_file_is_a_fault_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite3"
    path.touch()
    assert check_file(path).fault is StorageFault.EMPTY_FILE
    for engine in storage_of(path):
        assert check_storage(engine).fault is StorageFault.EMPTY_FILE
    assert path.stat().st_size == 0


def test_a_read_only_disk_is_seen_by_the_write_probe(on_small_disk: Path) -> None:
    with read_only(on_small_disk.parent):
        assert check_file(on_small_disk).fault is StorageFault.READ_ONLY
        for engine in storage_of(on_small_disk):
            assert check_storage(engine).fault is StorageFault.READ_ONLY


def test_a_full_disk_is_named_as_such(on_small_disk: Path) -> None:
    fill(on_small_disk.parent)
    assert check_file(on_small_disk).fault is StorageFault.DISK_FULL
    for engine in storage_of(on_small_disk):
        assert check_storage(engine).fault is StorageFault.DISK_FULL
    os.unlink(on_small_disk.parent / "filler")
    assert shutil.disk_usage(on_small_disk.parent).free > 0

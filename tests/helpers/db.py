"""Database fixtures: a real SQLite file under tmp_path, migrated the way the kiosk does it.

Migrating a new database costs about half a second of Alembic and seeding the demo world
several seconds, and hundreds of tests want one. So each is done once per test session (once
per xdist worker) into a template, and every test gets its own copy of that file: the same
bytes that migrating or seeding would have written, in a file no other test touches.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.demo import DemoSummary
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.migrate import ensure_schema

# A Wednesday in May, mid-morning in Paris: past quarters, today and six weeks ahead all exist.
DEMO_NOW = datetime(2026, 5, 20, 8, 30, tzinfo=UTC)


def sqlite_url_in(folder: Path, name: str = "kiosk.sqlite3") -> str:
    return f"sqlite:///{folder / name}"


def settle_file(engine: Engine) -> None:
    """Everything into the main file (no -wal left beside it), so copying that file is enough."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated to the head revision, made once per session; copy it, never open it."""
    folder = tmp_path_factory.mktemp("migrated-template")
    db = create_db_engine(sqlite_url_in(folder))
    ensure_schema(db)
    settle_file(db)
    return folder / "kiosk.sqlite3"


@dataclass(frozen=True)
class DemoTemplate:
    path: Path
    summary: DemoSummary


@pytest.fixture(scope="session")
def demo_template(
    tmp_path_factory: pytest.TempPathFactory, migrated_template: Path
) -> DemoTemplate:
    """The demo data set seeded at ``DEMO_NOW`` once per session; copy it, never open it."""
    from kiosk.demo.seed import seed_demo  # on first use only: it imports every capability

    folder = tmp_path_factory.mktemp("demo-template")
    shutil.copyfile(migrated_template, folder / "kiosk.sqlite3")
    db = create_db_engine(sqlite_url_in(folder))
    summary = seed_demo(make_session_factory(db), DEMO_NOW)
    settle_file(db)
    return DemoTemplate(folder / "kiosk.sqlite3", summary)


@pytest.fixture(scope="session")
def demo_template_at(
    tmp_path_factory: pytest.TempPathFactory, migrated_template: Path
) -> Callable[[datetime], Path]:
    """The demo data set seeded at a given time (seeding is the same for the same time), made
    once per session for each time asked; copy it (:func:`restore_into`), never open it."""
    from kiosk.demo.seed import seed_demo  # on first use only: it imports every capability

    made: dict[datetime, Path] = {}

    def template(now: datetime) -> Path:
        if now not in made:
            folder = tmp_path_factory.mktemp("demo-template-at")
            shutil.copyfile(migrated_template, folder / "kiosk.sqlite3")
            db = create_db_engine(sqlite_url_in(folder))
            seed_demo(make_session_factory(db), now)
            settle_file(db)
            made[now] = folder / "kiosk.sqlite3"
        return made[now]

    return template


def restore_into(engine: Engine, template: Path) -> None:
    """Replace the whole content of ``engine``'s SQLite database by ``template``'s.

    Through SQLite's online backup, which writes into the live database under its lock: the
    engine and every session made from it stay valid and see the new content, whatever
    fixtures opened them before.
    """
    raw = engine.raw_connection()
    try:
        with sqlite3.connect(template) as source:
            source.backup(raw.driver_connection)
    finally:
        raw.close()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return sqlite_url_in(tmp_path / "data")


@pytest.fixture
def engine(sqlite_url: str, migrated_template: Path) -> Iterator[Engine]:
    """A SQLite engine on an up-to-date schema (a copy of the session's migrated template)."""
    database = make_url(sqlite_url).database
    assert database, sqlite_url
    path = Path(database)
    if not path.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        shutil.copyfile(migrated_template, path)
    db = create_db_engine(sqlite_url)
    ensure_schema(db)  # one SELECT on the copy; migrates a file a test put there itself
    yield db
    db.dispose()


@pytest.fixture
def session_factory(engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(engine)


@pytest.fixture
def demo_seeded(engine: Engine, demo_template: DemoTemplate) -> DemoSummary:
    """The test's database holds the demo data set seeded at ``DEMO_NOW``; its summary."""
    restore_into(engine, demo_template.path)
    return demo_template.summary

"""Database fixtures: a real SQLite file under tmp_path, migrated the way the kiosk does it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.migrate import ensure_schema

# A Wednesday in May, mid-morning in Paris: past quarters, today and six weeks ahead all exist.
DEMO_NOW = datetime(2026, 5, 20, 8, 30, tzinfo=UTC)


def sqlite_url_in(folder: Path, name: str = "kiosk.sqlite3") -> str:
    return f"sqlite:///{folder / name}"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return sqlite_url_in(tmp_path / "data")


@pytest.fixture
def engine(sqlite_url: str) -> Iterator[Engine]:
    """A SQLite engine on an up-to-date schema."""
    db = create_db_engine(sqlite_url)
    ensure_schema(db)
    yield db
    db.dispose()


@pytest.fixture
def session_factory(engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(engine)

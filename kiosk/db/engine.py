"""Engine and session set-up: durable SQLite for one kiosk, PostgreSQL for several.

SQLite connections get, on every connect:

- ``journal_mode=WAL``: readers never block the writer (the UI reads while a check-in writes);
- ``synchronous=FULL``: a commit is fsynced before it returns, so a check-in the screen shows
  as done survives ``kill -9`` and power loss (NORMAL could lose the last commits);
- ``foreign_keys=ON``: SQLite leaves them off by default;
- ``busy_timeout=5000``: wait up to 5 s for another writer instead of failing at once.

They also get real transactions: the ``sqlite3`` module's legacy mode sends no BEGIN before
SELECT or DDL, so a migration that fails half-way would stay half-applied and reads would not
be repeatable. SQLAlchemy sends BEGIN itself instead (the recipe from its SQLite docs).
``BEGIN`` is deferred by default; a connection or engine with the execution option
``sqlite_begin="IMMEDIATE"`` takes the write lock at once, which avoids ``SQLITE_BUSY`` when a
read-then-write transaction races another writer (migrations use it).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, make_url

from kiosk.paths import make_private

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
    # Up to 16 MiB of pages per connection (2 MiB by default), taken only as pages are read:
    # the quarter's statistics read the same index pages from several queries, and with the
    # default cache re-read them from the file each time (bench/stats_dashboard.py, a million
    # check-ins, paired runs: 397 -> 305, 442 -> 343, 520 -> 400 ms of CPU a dashboard). A
    # kiosk's own file rarely fills it.
    "PRAGMA cache_size=-16384",
)

SQLITE_BEGIN_OPTION = "sqlite_begin"
_BEGIN_MODES = frozenset({"DEFERRED", "IMMEDIATE", "EXCLUSIVE"})


def create_db_engine(url: str) -> Engine:
    """An engine for ``url``; for a SQLite file, its folder is created if missing."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    database = parsed.database
    if database and database != ":memory:" and not database.startswith("file:"):
        path = Path(database).expanduser()
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # SQLite gives the -wal and -shm files the mode of the database file: one chmod covers
        # the files to come, and the ones left by a run with a laxer umask are fixed here.
        for part in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            if part.exists():
                make_private(part)
    engine = create_engine(url)
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Hand transaction control to SQLAlchemy (see module docstring), then set the PRAGMAs
    # outside any transaction, where journal_mode and foreign_keys can still change.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def _on_sqlite_begin(conn: Connection) -> None:
    mode = str(conn.get_execution_options().get(SQLITE_BEGIN_OPTION, "DEFERRED")).upper()
    if mode not in _BEGIN_MODES:
        raise ValueError(f"{SQLITE_BEGIN_OPTION}={mode!r}: expected one of {sorted(_BEGIN_MODES)}")
    conn.exec_driver_sql(f"BEGIN {mode}")


@contextmanager
def begin_writing(engine: Engine) -> Iterator[Connection]:
    """A transaction that writes, begun as a writer (SQLite ``BEGIN IMMEDIATE``): it waits its
    turn behind another connection's write (``busy_timeout``). A deferred one that reads first
    then writes fails at once with « database is locked » when another connection wrote in
    between (the Smart Tour's sync saving its state while the kiosk recorded a heartbeat)."""
    with engine.connect() as connection:
        connection.execution_options(**{SQLITE_BEGIN_OPTION: "IMMEDIATE"})
        with connection.begin():
            yield connection


def begin_as_writer(session: Session) -> None:
    """Begin ``session``'s transaction as a writer (SQLite ``BEGIN IMMEDIATE``; nothing on
    PostgreSQL), for a transaction that reads, then writes: see :func:`begin_writing`. Call it
    before the transaction's first statement, inside ``with session.begin()`` or before the
    session's autobegin; later, SQLAlchemy ignores it with a warning (an error in the tests)."""
    session.connection(execution_options={SQLITE_BEGIN_OPTION: "IMMEDIATE"})


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions whose objects stay readable after commit (screens show them afterwards)."""
    from sqlalchemy.orm import sessionmaker  # lazily: the ORM is not needed to check the schema

    return sessionmaker(bind=engine, expire_on_commit=False)

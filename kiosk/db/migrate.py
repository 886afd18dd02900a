"""Schema migrations without an alembic.ini: the kiosk's settings choose the database.

``ensure_schema`` runs at every start-up, so its common case (schema already current) is one
plain SELECT and never imports Alembic, which costs tens of milliseconds. Alembic is only
imported when there is something to migrate.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final

from sqlalchemy import Connection, Engine, inspect, text

from kiosk.db.engine import SQLITE_BEGIN_OPTION, create_db_engine
from kiosk.db.health import StorageError, StorageFault, check_file, fault_of, sqlite_file

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

HEAD_REVISION: Final = "0019"  # the newest file in migrations/versions; a test keeps it true
MIGRATIONS_DIR: Final = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE: Final = "alembic_version"
_PG_MIGRATION_LOCK: Final = 0x534D4152  # any constant: kiosks sharing a database take turns


class SchemaError(RuntimeError):
    """The database schema cannot be brought to what this kiosk software expects."""


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty (or fully downgraded) database."""
    with engine.connect() as conn:
        return _stored_revision(conn)


def ensure_schema(engine: Engine) -> bool:
    """Bring the schema to ``HEAD_REVISION``; True when something was migrated."""
    if current_revision(engine) == HEAD_REVISION:
        return False
    upgrade(engine)
    return True


def open_kiosk_database(url: str) -> Engine:
    """The kiosk's database, migrated; :class:`StorageError` naming the cause when it cannot be.

    A database file that is already there is never replaced by a new, empty database: a
    zero-byte file, or a file without the kiosk's schema, is most likely what a disk fault left
    of a year of records, so the start refuses and says so (``smartcorner db init --force``
    starts afresh, keeping the old file aside). Only a missing file is created.
    """
    path = sqlite_file(url)
    if path is not None and not path.exists():
        _create_sqlite(url, path)
    existed = path is not None and path.exists()
    if path is not None and (before := check_file(path)).fault is not None:
        raise StorageError(before.fault, before.detail)
    try:
        engine = create_db_engine(url)
    except OSError as exc:  # the folder could not be made
        raise StorageError(fault_of(exc, path.parent if path else None), str(exc)) from exc
    try:
        if existed and current_revision(engine) is None:
            raise StorageError(
                StorageFault.EMPTY_FILE,
                f"{path} holds no kiosk schema: not replaced (smartcorner db init --force)",
            )
        ensure_schema(engine)
    except (StorageError, SchemaError):
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        folder = path.parent if path is not None else None
        raise StorageError(fault_of(exc, folder), _first_line(exc)) from exc
    return engine


def _create_sqlite(url: str, path: Path) -> None:
    """Create a missing SQLite database whole: migrated under another name, then renamed.

    The kiosk opens its database from several places at start-up (the screens' worker, the
    print spooler, the sync worker, the child process of heavy jobs). Connecting to a missing
    file creates it empty; the others would then find a file without the kiosk's schema and
    rightly refuse it. So creation happens under a lock file, into ``*.creating``, and only a
    complete database ever appears at ``path``: an empty file there is never one of ours.
    """
    import fcntl

    from sqlalchemy import make_url

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = path.with_name(path.name + ".lock")
        with lock.open("a") as held:
            fcntl.flock(held, fcntl.LOCK_EX)
            if path.exists():  # another opener made it while this one waited
                return
            creating = path.with_name(path.name + ".creating")
            for leftover in _sqlite_parts(creating):  # a creation killed half-way
                leftover.unlink(missing_ok=True)
            engine = create_db_engine(
                make_url(url).set(database=str(creating)).render_as_string(hide_password=False)
            )
            try:
                upgrade(engine)
                with engine.connect() as conn:  # everything into the main file before the rename
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                engine.dispose()
            for part in _sqlite_parts(creating)[1:]:
                part.unlink(missing_ok=True)
            creating.rename(path)
    except OSError as exc:
        raise StorageError(fault_of(exc, path.parent), str(exc)) from exc


def _sqlite_parts(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("", "-wal", "-shm", "-journal")]


def init_database(url: str, *, force: bool, now: str) -> Path | None:
    """A new, migrated database at ``url``; an existing file only with ``force``, kept aside.

    Returns where the old file was moved (None when there was none). ``now`` names the copy.
    """
    path = sqlite_file(url)
    kept: Path | None = None
    if path is not None and path.exists():
        if not force:
            raise StorageError(
                StorageFault.EMPTY_FILE, f"{path} exists: not replaced without --force"
            )
        kept = path.with_name(f"{path.name}.replaced-{now}")
        for suffix in ("", "-wal", "-shm"):
            part = path.with_name(path.name + suffix)
            if part.exists():
                part.rename(kept.with_name(kept.name + suffix))
    engine = create_db_engine(url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    return kept


def _first_line(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    text = str(original).strip()
    return text.splitlines()[0] if text else type(original).__name__


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    _migrate(engine, lambda config: command.upgrade(config, revision))


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    _migrate(engine, lambda config: command.downgrade(config, revision))


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the migrations shipped inside this package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def _stored_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    if len(rows) > 1:
        raise SchemaError(f"several schema heads recorded: {sorted(rows)}")
    return str(rows[0]) if rows else None


def _migrate(engine: Engine, operation: Callable[[Config], None]) -> None:
    """Run one Alembic command in a single transaction on one connection.

    On SQLite, foreign keys are switched off around it: batch mode rebuilds a table by
    copying it and dropping the original, and with foreign keys on, that drop would cascade
    into (or be refused by) the tables that reference it. They are checked before commit.
    """
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            _sqlite_foreign_keys(conn, enabled=False)
        try:
            conn.execution_options(**{SQLITE_BEGIN_OPTION: "IMMEDIATE"})
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK}
                    )
                before = _stored_revision(conn)
                config = alembic_config(conn)
                _refuse_unknown(config, before)
                operation(config)
                if sqlite and (broken := conn.exec_driver_sql("PRAGMA foreign_key_check").all()):
                    raise SchemaError(f"migration left rows with broken foreign keys: {broken[:5]}")
                after = _stored_revision(conn)
        finally:
            if sqlite:
                _sqlite_foreign_keys(conn, enabled=True)
    if before != after:
        log.info("database schema migrated from %s to %s", before or "(empty)", after or "(empty)")


def _sqlite_foreign_keys(conn: Connection, *, enabled: bool) -> None:
    # Through the driver and outside any transaction: inside one, SQLite ignores the PRAGMA.
    driver = conn.connection.driver_connection
    assert driver is not None
    driver.execute(f"PRAGMA foreign_keys={'ON' if enabled else 'OFF'}")


def _refuse_unknown(config: Config, revision: str | None) -> None:
    from alembic.script import ScriptDirectory

    if revision is None:
        return
    known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
    if revision not in known:
        raise SchemaError(
            f"the database is at schema revision {revision!r}, which this kiosk software does "
            f"not know (its newest is {HEAD_REVISION!r}): install the newer kiosk version"
        )

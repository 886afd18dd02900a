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

from kiosk.db.engine import SQLITE_BEGIN_OPTION

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

HEAD_REVISION: Final = "0008"  # the newest file in migrations/versions; a test keeps it true
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

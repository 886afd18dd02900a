"""Alembic environment: runs on the connection :mod:`kiosk.db.migrate` passes in.

There is no alembic.ini and no URL here on purpose: the kiosk's own settings pick the database,
and the caller owns the transaction (see ``kiosk.db.migrate.upgrade``).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from kiosk.schema import metadata

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection) or context.is_offline_mode():
    raise RuntimeError(
        "run the kiosk migrations through kiosk.db.migrate (online, with a connection)"
    )

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

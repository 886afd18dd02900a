"""Persistence: ORM models, engine set-up and Alembic migrations.

Kept empty on purpose: importing ``kiosk.db`` must not pull in the ORM or Alembic, so the
fast start-up path (``kiosk.db.migrate.ensure_schema``) stays cheap.
"""

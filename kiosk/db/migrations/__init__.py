"""Alembic migrations, run through :mod:`kiosk.db.migrate` (no alembic.ini needed)."""

"""One file per schema revision; Alembic loads them by path, this file only marks the package."""

"""Imported texts in English: the optional English columns of the events import (title,
description) and of the documents manifest (title, summary, theme).

An empty value means "no English given": the kiosk in English then shows the French one.

Models: kiosk/db/models.py (event), kiosk/documents/tables.py (document); keep both in step,
a test compares them.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    with op.batch_alter_table("event") as batch:
        batch.add_column(sa.Column("title_en", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("description_en", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("document") as batch:
        batch.add_column(sa.Column("title_en", sa.String(300), nullable=False, server_default=""))
        batch.add_column(sa.Column("summary_en", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("theme_en", sa.String(100), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("document") as batch:
        batch.drop_column("theme_en")
        batch.drop_column("summary_en")
        batch.drop_column("title_en")
    with op.batch_alter_table("event") as batch:
        batch.drop_column("description_en")
        batch.drop_column("title_en")

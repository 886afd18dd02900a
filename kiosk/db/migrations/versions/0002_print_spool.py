"""Durable print spool (issue 3: hardware adapters).

Reserved slot in the migration chain so that capabilities built in parallel each own one
revision file (models in kiosk/db/models_print.py). Until its capability lands it changes nothing.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

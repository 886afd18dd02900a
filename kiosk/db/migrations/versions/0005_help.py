"""Besoin d'aide ?: help-request queue, tickets, service times (issue 5).

Reserved slot in the migration chain so that capabilities built in parallel each own one
revision file (models in kiosk/db/models_help.py). Until its capability lands it changes nothing.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

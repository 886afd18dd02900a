"""Click & Collect: catalogue, allocation policy, orders, hand-overs (issue 5).

Reserved slot in the migration chain so that capabilities built in parallel each own one
revision file (models in kiosk/db/models_collect.py). Until its capability lands it changes nothing.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

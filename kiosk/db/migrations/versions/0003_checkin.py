"""Check-in: badges, signed tickets, check-ins, scan log, space visits (issue 4).

Reserved slot in the migration chain so that capabilities built in parallel each own one
revision file (models in kiosk/db/models_checkin.py). Until its capability lands it changes nothing.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

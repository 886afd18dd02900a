"""Smart Tour outbox/sync state and RGPD retention bookkeeping (issue 8).

Reserved slot in the migration chain so that capabilities built in parallel each own one
revision file (models in kiosk/db/models_sync.py). Until its capability lands it changes nothing.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from __future__ import annotations

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

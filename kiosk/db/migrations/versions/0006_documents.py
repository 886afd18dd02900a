"""Kiosque numérique: documents, search index, usage (issue 6).

Reserved slot in the migration chain so that capabilities built in parallel each own one
revision file (models in kiosk/db/models_documents.py). Until its capability lands it
changes nothing.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

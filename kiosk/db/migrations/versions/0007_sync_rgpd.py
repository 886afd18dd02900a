"""Smart Tour sync bookkeeping: high-water marks per table and the conflicts found (issue 8).

Models: kiosk/sync/tables.py (keep both in step; a test compares them).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def _when(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(8), nullable=False),
        sa.Column("table_name", sa.String(64), nullable=False),
        sa.Column("last_id", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("rows", sa.Integer(), server_default=sa.text("0"), nullable=False),
        _when("pass_started_at", nullable=True),
        _when("completed_at", nullable=True),
        _when("attempted_at", nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
        sa.UniqueConstraint(
            "direction", "table_name", name=op.f("uq_sync_state_direction_table_name")
        ),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(100), nullable=False),
        _when("at"),
        _when("occurred_at"),
        sa.Column("table_name", sa.String(64), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
        sa.UniqueConstraint("key", name=op.f("uq_sync_conflict_key")),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_sync_conflict_person_id_person"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_sync_conflict_event_id_event"),
            ondelete="SET NULL",
        ),
    )
    op.create_index(op.f("ix_sync_conflict_at"), "sync_conflict", ["at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_sync_conflict_at"), table_name="sync_conflict")
    op.drop_table("sync_conflict")
    op.drop_table("sync_state")

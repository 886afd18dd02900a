"""Fleet health: each kiosk's heartbeat, its bounded history, and the incidents it raises.

Models: kiosk/fleet/tables.py (keep both in step; a test compares them).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def _when(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _kiosk_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["kiosk_id"], ["kiosk.id"], name=op.f(f"fk_{table}_kiosk_id_kiosk"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "kiosk_heartbeat",
        sa.Column("kiosk_id", sa.Integer(), nullable=False),
        _when("at"),
        sa.Column("state", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("kiosk_id", name=op.f("pk_kiosk_heartbeat")),
        _kiosk_fk("kiosk_heartbeat"),
    )
    op.create_table(
        "heartbeat_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kiosk_id", sa.Integer(), nullable=False),
        _when("at"),
        sa.Column("problems", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_heartbeat_history")),
        _kiosk_fk("heartbeat_history"),
    )
    op.create_index(
        op.f("ix_heartbeat_history_kiosk_id_at"), "heartbeat_history", ["kiosk_id", "at"]
    )
    op.create_index(op.f("ix_heartbeat_history_at"), "heartbeat_history", ["at"])
    op.create_table(
        "fleet_incident",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kiosk_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("open_key", sa.String(48), nullable=True),
        sa.Column("nonce", sa.String(32), nullable=False),
        _when("since"),
        _when("opened_at"),
        _when("closed_at", nullable=True),
        sa.Column("opened_by", sa.String(32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("ticket_state", sa.String(16), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("ticket_attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        _when("ticket_due_at"),
        sa.Column("ticket_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fleet_incident")),
        sa.UniqueConstraint("open_key", name=op.f("uq_fleet_incident_open_key")),
        sa.UniqueConstraint("nonce", name=op.f("uq_fleet_incident_nonce")),
        _kiosk_fk("fleet_incident"),
    )
    op.create_index(
        op.f("ix_fleet_incident_kiosk_id_opened_at"), "fleet_incident", ["kiosk_id", "opened_at"]
    )
    op.create_index(op.f("ix_fleet_incident_ticket_state"), "fleet_incident", ["ticket_state"])


def downgrade() -> None:
    op.drop_index(op.f("ix_fleet_incident_ticket_state"), table_name="fleet_incident")
    op.drop_index(op.f("ix_fleet_incident_kiosk_id_opened_at"), table_name="fleet_incident")
    op.drop_table("fleet_incident")
    op.drop_index(op.f("ix_heartbeat_history_at"), table_name="heartbeat_history")
    op.drop_index(op.f("ix_heartbeat_history_kiosk_id_at"), table_name="heartbeat_history")
    op.drop_table("heartbeat_history")
    op.drop_table("kiosk_heartbeat")

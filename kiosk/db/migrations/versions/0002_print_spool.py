"""Durable print spool: the ``print_job`` table (issue 3, hardware adapters).

Written by hand and frozen, like 0001: the job states are spelled out here rather than
imported from ``kiosk.printing.tables``.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

JOB_STATES = ("pending", "sending", "printed", "failed", "cancelled")


def _timestamp(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    allowed = ", ".join(f"'{s}'" for s in JOB_STATES)
    op.create_table(
        "print_job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nonce", sa.String(32), nullable=False),
        sa.Column("kiosk_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("ref", sa.String(64), nullable=True),
        sa.Column("receipt", sa.Text(), nullable=False),
        sa.Column("state", sa.String(32), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        _timestamp("created_at"),
        _timestamp("next_attempt_at"),
        _timestamp("deadline_at"),
        sa.Column("claimed_by", sa.String(32), nullable=True),
        _timestamp("claimed_at", nullable=True),
        _timestamp("transmit_started_at", nullable=True),
        _timestamp("printed_at", nullable=True),
        _timestamp("finished_at", nullable=True),
        sa.Column("last_error_code", sa.String(32), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_job")),
        sa.UniqueConstraint("nonce", name=op.f("uq_print_job_nonce")),
        sa.ForeignKeyConstraint(
            ["kiosk_id"], ["kiosk.id"], name=op.f("fk_print_job_kiosk_id_kiosk")
        ),
        sa.CheckConstraint("attempts >= 0", name=op.f("ck_print_job_attempts_not_negative")),
        sa.CheckConstraint(
            "state <> 'printed' OR printed_at IS NOT NULL",
            name=op.f("ck_print_job_printed_has_printed_at"),
        ),
        sa.CheckConstraint(
            "state <> 'sending' OR claimed_by IS NOT NULL",
            name=op.f("ck_print_job_sending_has_claimer"),
        ),
        sa.CheckConstraint(f"state IN ({allowed})", name=op.f("ck_print_job_state")),
    )
    op.create_index(
        op.f("ix_print_job_state_next_attempt_at"), "print_job", ["state", "next_attempt_at"]
    )
    op.create_index(op.f("ix_print_job_kiosk_id"), "print_job", ["kiosk_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_print_job_kiosk_id"), table_name="print_job")
    op.drop_index(op.f("ix_print_job_state_next_attempt_at"), table_name="print_job")
    op.drop_table("print_job")

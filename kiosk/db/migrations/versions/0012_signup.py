"""Event sign-up at the kiosk and the notifications outbox.

Registrations say where they were made (``source``: import, kiosk, visitor form), carry the
reference printed on the kiosk's slip, and remember when the person joined the waiting list
(served in that order) and when the status last changed. ``notice`` is the outbox of the mail
worker (promotion from the waiting list, order ready, request declined).

Models: kiosk/db/models.py (registration), kiosk/signup/tables.py (notice); keep them in step,
a test compares them.

Revision ID: 0012
Revises: 0014
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0014"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def _one_of(table: str, column: str, values: tuple[str, ...]) -> sa.CheckConstraint:
    allowed = ", ".join(f"'{v}'" for v in values)
    return sa.CheckConstraint(f"{column} IN ({allowed})", name=op.f(f"ck_{table}_{column}"))


def _when(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    with op.batch_alter_table("registration") as batch:
        batch.add_column(
            sa.Column("source", sa.String(32), nullable=False, server_default="import")
        )
        batch.add_column(sa.Column("reference", sa.String(16), nullable=True))
        batch.add_column(_when("waiting_since", nullable=True))
        batch.add_column(_when("status_at", nullable=True))
        batch.create_check_constraint(
            op.f("ck_registration_source"), "source IN ('import', 'kiosk', 'visitor_form')"
        )
        batch.create_unique_constraint(op.f("uq_registration_reference"), ["reference"])
    op.create_table(
        "notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(120), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("state", sa.String(32), nullable=False),
        _when("created_at"),
        _when("next_try_at"),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("claimed_by", sa.String(64), nullable=True),
        _when("claimed_until", nullable=True),
        _when("sent_at", nullable=True),
        sa.Column("last_error", sa.String(300), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice")),
        sa.UniqueConstraint("key", name=op.f("uq_notice_key")),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_notice_person_id_person"),
            ondelete="CASCADE",
        ),
        _one_of("notice", "kind", ("promoted", "ready", "declined")),
        _one_of("notice", "state", ("pending", "sent", "no_address")),
    )
    op.create_index(op.f("ix_notice_state_next_try_at"), "notice", ["state", "next_try_at"])
    op.create_index(op.f("ix_notice_person_id"), "notice", ["person_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_notice_person_id"), table_name="notice")
    op.drop_index(op.f("ix_notice_state_next_try_at"), table_name="notice")
    op.drop_table("notice")
    with op.batch_alter_table("registration") as batch:
        batch.drop_constraint(op.f("uq_registration_reference"), type_="unique")
        batch.drop_constraint(op.f("ck_registration_source"), type_="check")
        batch.drop_column("status_at")
        batch.drop_column("waiting_since")
        batch.drop_column("reference")
        batch.drop_column("source")

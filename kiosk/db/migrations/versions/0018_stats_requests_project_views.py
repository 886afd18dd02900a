"""The showcase and the requests in the quarter's statistics.

``project_view``: a project's page opened on a kiosk (slug, kiosk, time; nobody named), pushed
up from the Smart Tour like the documents' views. Three indexes let the dashboard read the
quarter's requests (kiosk orders by time), their approvals and declines (line moves by status
and time) and the sign-ups made at a kiosk (registrations by source and time) without reading
the whole tables.

Models: kiosk/projects/tables.py, kiosk/collect/tables.py, kiosk/db/models.py; keep both in
step, a test compares them.

Revision ID: 0018
Revises: 0015
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0015"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    op.create_table(
        "project_view",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nonce", sa.String(32), nullable=False),
        sa.Column("kiosk_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("project_slug", sa.String(80), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_view")),
        sa.UniqueConstraint("nonce", name=op.f("uq_project_view_nonce")),
        sa.ForeignKeyConstraint(
            ["kiosk_id"], ["kiosk.id"], name=op.f("fk_project_view_kiosk_id_kiosk")
        ),
    )
    op.create_index(op.f("ix_project_view_at_project_slug"), "project_view", ["at", "project_slug"])
    op.create_index(
        op.f("ix_collect_order_source_placed_at_person_id"),
        "collect_order",
        ["source", "placed_at", "person_id"],
    )
    op.create_index(
        op.f("ix_order_line_event_to_status_at_line_id"),
        "order_line_event",
        ["to_status", "at", "line_id"],
    )
    op.create_index(
        op.f("ix_registration_source_created_at"), "registration", ["source", "created_at"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_registration_source_created_at"), table_name="registration")
    op.drop_index(op.f("ix_order_line_event_to_status_at_line_id"), table_name="order_line_event")
    op.drop_index(op.f("ix_collect_order_source_placed_at_person_id"), table_name="collect_order")
    op.drop_index(op.f("ix_project_view_at_project_slug"), table_name="project_view")
    op.drop_table("project_view")

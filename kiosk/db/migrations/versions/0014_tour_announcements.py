"""The Smart Tour's itinerary and the announcements' banners.

Models: kiosk/itinerary/tables.py (tour stop), kiosk/announcements/tables.py (announcement);
keep both in step, a test compares them.

Revision ID: 0014
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0011"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def _when(name: str) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def upgrade() -> None:
    op.create_table(
        "tour_stop",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(48), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        _when("starts_at"),
        _when("ends_at"),
        sa.Column("offer", sa.Text(), nullable=False, server_default=""),
        sa.Column("offer_en", sa.Text(), nullable=False, server_default=""),
        _when("imported_at"),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_tour_stop_site_id_site")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tour_stop")),
        sa.UniqueConstraint("ref", name=op.f("uq_tour_stop_ref")),
    )
    op.create_index(op.f("ix_tour_stop_ends_at"), "tour_stop", ["ends_at"])
    op.create_table(
        "announcement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nonce", sa.String(32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False, server_default=""),
        _when("starts_at"),
        _when("ends_at"),
        sa.Column("profiles", sa.String(64), nullable=False, server_default=""),
        sa.Column("kiosks", sa.String(500), nullable=False, server_default=""),
        _when("created_at"),
        sa.Column("created_by", sa.String(64), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_announcement")),
        sa.UniqueConstraint("nonce", name=op.f("uq_announcement_nonce")),
    )
    op.create_index(op.f("ix_announcement_ends_at"), "announcement", ["ends_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_announcement_ends_at"), table_name="announcement")
    op.drop_table("announcement")
    op.drop_index(op.f("ix_tour_stop_ends_at"), table_name="tour_stop")
    op.drop_table("tour_stop")

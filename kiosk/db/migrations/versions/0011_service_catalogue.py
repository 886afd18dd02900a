"""« Catalogue de services » and requests at the kiosk: the catalogue item's shelf, picture,
description and delivery; stock per site; orders made at the kiosk (their source, nonce, site
and note); the ``declined`` line status and the reason the agent reads.

Written by hand and frozen (vocabularies spelled out). The status vocabularies are CHECK
constraints (kiosk.db.types.choice): adding ``declined`` is dropping and recreating them.

Models: kiosk/collect/tables.py, kiosk/collect/status.py; keep them in step, a test compares.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

OLD_STATUSES = (
    "placed",
    "approved",
    "prepared",
    "ready",
    "collected",
    "partially_collected",
    "cancelled",
    "expired",
)
NEW_STATUSES = (*OLD_STATUSES, "declined")
FAMILIES = ("workstations", "mobility", "accessories", "software", "support")
DELIVERIES = ("pickup", "installation", "open_access")
SOURCES = ("import", "kiosk")
NONCE = 32


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _statuses(values: tuple[str, ...]) -> None:
    for table, columns in (
        ("order_line", ("status",)),
        ("order_line_event", ("from_status", "to_status")),
    ):
        with op.batch_alter_table(table) as batch:
            for column in columns:
                name = op.f(f"ck_{table}_{column}")
                batch.drop_constraint(name, type_="check")
                batch.create_check_constraint(name, sa.text(_in(column, values)))


def upgrade() -> None:
    with op.batch_alter_table("catalogue_item") as batch:
        batch.add_column(
            sa.Column("family", sa.String(32), server_default="accessories", nullable=False)
        )
        batch.add_column(sa.Column("description", sa.Text(), server_default="", nullable=False))
        batch.add_column(
            sa.Column("delivery", sa.String(32), server_default="pickup", nullable=False)
        )
        batch.add_column(sa.Column("picture", sa.LargeBinary(), nullable=True))
        batch.add_column(
            sa.Column("stocked", sa.Boolean(), server_default=sa.true(), nullable=False)
        )
        batch.create_check_constraint(
            op.f("ck_catalogue_item_family"), sa.text(_in("family", FAMILIES))
        )
        batch.create_check_constraint(
            op.f("ck_catalogue_item_delivery"), sa.text(_in("delivery", DELIVERIES))
        )
    with op.batch_alter_table("collect_order") as batch:
        batch.add_column(
            sa.Column("source", sa.String(32), server_default="import", nullable=False)
        )
        batch.add_column(sa.Column("nonce", sa.String(NONCE), nullable=True))
        batch.add_column(sa.Column("site_code", sa.String(16), nullable=True))
        batch.add_column(sa.Column("note", sa.String(200), server_default="", nullable=False))
        batch.create_check_constraint(
            op.f("ck_collect_order_source"), sa.text(_in("source", SOURCES))
        )
        batch.create_unique_constraint(op.f("uq_collect_order_nonce"), ["nonce"])
    with op.batch_alter_table("order_line") as batch:
        batch.add_column(sa.Column("decline_reason", sa.String(200), nullable=True))
    _statuses(NEW_STATUSES)
    op.create_table(
        "site_stock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("set_by", sa.String(16), nullable=False),
        sa.CheckConstraint("quantity >= 0", name=op.f("ck_site_stock_quantity_not_negative")),
        sa.ForeignKeyConstraint(
            ["item_id"], ["catalogue_item.id"], name=op.f("fk_site_stock_item_id_catalogue_item")
        ),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_site_stock_site_id_site")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_stock")),
        sa.UniqueConstraint("site_id", "item_id", name=op.f("uq_site_stock_site_id_item_id")),
    )


def downgrade() -> None:
    op.drop_table("site_stock")
    op.execute(
        "DELETE FROM order_line_event WHERE from_status = 'declined' OR to_status = 'declined'"
    )
    op.execute("UPDATE order_line SET status = 'cancelled' WHERE status = 'declined'")
    _statuses(OLD_STATUSES)
    with op.batch_alter_table("order_line") as batch:
        batch.drop_column("decline_reason")
    with op.batch_alter_table("collect_order") as batch:
        batch.drop_constraint(op.f("uq_collect_order_nonce"), type_="unique")
        batch.drop_constraint(op.f("ck_collect_order_source"), type_="check")
        batch.drop_column("note")
        batch.drop_column("site_code")
        batch.drop_column("nonce")
        batch.drop_column("source")
    with op.batch_alter_table("catalogue_item") as batch:
        batch.drop_constraint(op.f("ck_catalogue_item_delivery"), type_="check")
        batch.drop_constraint(op.f("ck_catalogue_item_family"), type_="check")
        batch.drop_column("stocked")
        batch.drop_column("picture")
        batch.drop_column("delivery")
        batch.drop_column("description")
        batch.drop_column("family")

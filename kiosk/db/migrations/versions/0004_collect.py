"""Click & Collect: catalogue, allocation policy, orders, lines, pickups, hand-overs (issue 5).

Written by hand and frozen (vocabularies spelled out, constraint names as in the models'
naming convention). ``hand_over.line_id`` is unique: whatever two kiosks believe when they
race, an order line is handed over at most once.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

ITEM_KINDS = ("equipment", "service")
LINE_STATUSES = (
    "placed",
    "approved",
    "prepared",
    "ready",
    "collected",
    "partially_collected",
    "cancelled",
    "expired",
)
ACTORS = ("import", "staff_badge", "staff_pin", "agent", "system")
NONCE = 32


def _one_of(table: str, column: str, values: tuple[str, ...]) -> sa.CheckConstraint:
    allowed = ", ".join(f"'{v}'" for v in values)
    return sa.CheckConstraint(f"{column} IN ({allowed})", name=op.f(f"ck_{table}_{column}"))


def _id(table: str) -> tuple[sa.Column[int], sa.PrimaryKeyConstraint]:
    return sa.Column("id", sa.Integer(), nullable=False), sa.PrimaryKeyConstraint(
        "id", name=op.f(f"pk_{table}")
    )


def _fk(
    table: str, column: str, target: str, ondelete: str | None = None
) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def _timestamp(name: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _nonce(table: str) -> tuple[sa.Column[str], sa.UniqueConstraint]:
    return sa.Column("nonce", sa.String(NONCE), nullable=False), sa.UniqueConstraint(
        "nonce", name=op.f(f"uq_{table}_nonce")
    )


def upgrade() -> None:
    op.create_table(
        "catalogue_item",
        *_id("catalogue_item"),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("icon", sa.String(40), server_default="package", nullable=False),
        sa.Column("tracked", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("allowed_roles", sa.JSON(), nullable=True),  # NULL: every role
        sa.Column("allowed_directions", sa.JSON(), nullable=True),  # NULL: every direction
        sa.Column("max_per_agent", sa.Integer(), nullable=True),
        sa.Column("renewal_days", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        _timestamp("created_at"),
        sa.UniqueConstraint("code", name=op.f("uq_catalogue_item_code")),
        sa.CheckConstraint(
            "max_per_agent IS NULL OR max_per_agent > 0",
            name=op.f("ck_catalogue_item_max_per_agent_positive"),
        ),
        sa.CheckConstraint(
            "renewal_days IS NULL OR renewal_days > 0",
            name=op.f("ck_catalogue_item_renewal_days_positive"),
        ),
        _one_of("catalogue_item", "kind", ITEM_KINDS),
    )
    op.create_table(
        "collect_order",
        *_id("collect_order"),
        sa.Column("reference", sa.String(40), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        _timestamp("placed_at"),
        _timestamp("imported_at"),
        sa.UniqueConstraint("reference", name=op.f("uq_collect_order_reference")),
        _fk("collect_order", "person_id", "person"),
    )
    op.create_index(op.f("ix_collect_order_person_id"), "collect_order", ["person_id"])
    op.create_table(
        "order_line",
        *_id("order_line"),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("prepared_quantity", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(32), nullable=False),
        _timestamp("status_at"),
        _timestamp("expected_at", nullable=True),
        _timestamp("ready_until", nullable=True),
        sa.Column("asset_tag", sa.String(64), nullable=True),
        sa.Column("serial", sa.String(64), nullable=True),
        sa.UniqueConstraint("order_id", "line_no", name=op.f("uq_order_line_order_id_line_no")),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_order_line_quantity_positive")),
        sa.CheckConstraint(
            "prepared_quantity IS NULL OR "
            "(prepared_quantity > 0 AND prepared_quantity <= quantity)",
            name=op.f("ck_order_line_prepared_quantity_range"),
        ),
        _one_of("order_line", "status", LINE_STATUSES),
        _fk("order_line", "order_id", "collect_order", ondelete="CASCADE"),
        _fk("order_line", "item_id", "catalogue_item"),
    )
    op.create_index(op.f("ix_order_line_status_status_at"), "order_line", ["status", "status_at"])
    op.create_table(
        "pickup",
        *_id("pickup"),
        *_nonce("pickup"),
        sa.Column("kiosk_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        _timestamp("at"),
        sa.Column("identified_by", sa.String(16), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=True),
        _fk("pickup", "kiosk_id", "kiosk"),
        _fk("pickup", "person_id", "person"),
    )
    op.create_index(op.f("ix_pickup_person_id"), "pickup", ["person_id"])
    op.create_table(
        "hand_over",
        *_id("hand_over"),
        *_nonce("hand_over"),
        sa.Column("line_id", sa.Integer(), nullable=False),
        sa.Column("pickup_id", sa.Integer(), nullable=False),
        sa.Column("kiosk_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        _timestamp("at"),
        sa.Column("acknowledged", sa.Boolean(), nullable=False),
        sa.Column("asset_tag", sa.String(64), nullable=True),
        sa.Column("serial", sa.String(64), nullable=True),
        # Two kiosks racing to hand over the same line: the database lets only one win.
        sa.UniqueConstraint("line_id", name=op.f("uq_hand_over_line_id")),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_hand_over_quantity_positive")),
        _fk("hand_over", "line_id", "order_line"),
        _fk("hand_over", "pickup_id", "pickup"),
        _fk("hand_over", "kiosk_id", "kiosk"),
        _fk("hand_over", "person_id", "person"),
        _fk("hand_over", "item_id", "catalogue_item"),
    )
    op.create_index(op.f("ix_hand_over_pickup_id"), "hand_over", ["pickup_id"])
    op.create_index(
        op.f("ix_hand_over_person_id_item_id_at"), "hand_over", ["person_id", "item_id", "at"]
    )
    op.create_table(
        "order_line_event",
        *_id("order_line_event"),
        *_nonce("order_line_event"),
        sa.Column("line_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(32), nullable=True),
        sa.Column("to_status", sa.String(32), nullable=False),
        _timestamp("at"),
        sa.Column("actor", sa.String(32), nullable=False),
        sa.Column("kiosk_id", sa.Integer(), nullable=True),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.String(200), server_default="", nullable=False),
        _one_of("order_line_event", "from_status", LINE_STATUSES),
        _one_of("order_line_event", "to_status", LINE_STATUSES),
        _one_of("order_line_event", "actor", ACTORS),
        _fk("order_line_event", "line_id", "order_line", ondelete="CASCADE"),
        _fk("order_line_event", "kiosk_id", "kiosk"),
        _fk("order_line_event", "staff_id", "person"),
    )
    op.create_index(op.f("ix_order_line_event_line_id"), "order_line_event", ["line_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_order_line_event_line_id"), table_name="order_line_event")
    op.drop_table("order_line_event")
    op.drop_index(op.f("ix_hand_over_person_id_item_id_at"), table_name="hand_over")
    op.drop_index(op.f("ix_hand_over_pickup_id"), table_name="hand_over")
    op.drop_table("hand_over")
    op.drop_index(op.f("ix_pickup_person_id"), table_name="pickup")
    op.drop_table("pickup")
    op.drop_index(op.f("ix_order_line_status_status_at"), table_name="order_line")
    op.drop_table("order_line")
    op.drop_index(op.f("ix_collect_order_person_id"), table_name="collect_order")
    op.drop_table("collect_order")
    op.drop_table("catalogue_item")

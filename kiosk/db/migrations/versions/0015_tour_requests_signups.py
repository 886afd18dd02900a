"""The Smart Tour's requests and sign-ups made offline, and catalogue items in English.

``collect_order.kiosk_id`` says which kiosk a request was made at (a tour kiosk pushes its
own); ``signup_act`` keeps each sign-up and cancellation as it happened (nonce, kiosk, time,
what the person was told), the outbox a tour kiosk replays to the central base;
``catalogue_item.name_en`` / ``description_en`` are shown when the kiosk speaks English; the
``overruled`` notice tells a person whose offline sign-up the central base could not seat.

Models: kiosk/collect/tables.py, kiosk/signup/tables.py; keep them in step, a test compares
them.

Revision ID: 0015
Revises: 0016
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0016"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

NONCE = 32


def _one_of(table: str, column: str, values: tuple[str, ...]) -> sa.CheckConstraint:
    allowed = ", ".join(f"'{v}'" for v in values)
    return sa.CheckConstraint(f"{column} IN ({allowed})", name=op.f(f"ck_{table}_{column}"))


def _notice_kinds(values: tuple[str, ...]) -> None:
    allowed = ", ".join(f"'{v}'" for v in values)
    with op.batch_alter_table("notice") as batch:
        batch.drop_constraint(op.f("ck_notice_kind"), type_="check")
        batch.create_check_constraint(op.f("ck_notice_kind"), sa.text(f"kind IN ({allowed})"))


OLD_KINDS = ("promoted", "ready", "declined")


def upgrade() -> None:
    _notice_kinds((*OLD_KINDS, "overruled"))
    with op.batch_alter_table("catalogue_item") as batch:
        batch.add_column(sa.Column("name_en", sa.String(200), server_default="", nullable=False))
        batch.add_column(sa.Column("description_en", sa.Text(), server_default="", nullable=False))
    with op.batch_alter_table("collect_order") as batch:
        batch.add_column(sa.Column("kiosk_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_collect_order_kiosk_id_kiosk"), "kiosk", ["kiosk_id"], ["id"]
        )
    op.create_table(
        "signup_act",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nonce", sa.String(NONCE), nullable=False),
        sa.Column("kiosk_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("reference", sa.String(16), nullable=True),
        sa.Column("detail", sa.String(64), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signup_act")),
        sa.UniqueConstraint("nonce", name=op.f("uq_signup_act_nonce")),
        sa.ForeignKeyConstraint(
            ["kiosk_id"], ["kiosk.id"], name=op.f("fk_signup_act_kiosk_id_kiosk")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_signup_act_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_signup_act_event_id_event"),
            ondelete="CASCADE",
        ),
        _one_of("signup_act", "action", ("sign_up", "cancel")),
        _one_of("signup_act", "outcome", ("confirmed", "waiting_list", "cancelled", "refused")),
    )
    op.create_index(op.f("ix_signup_act_person_id"), "signup_act", ["person_id"])
    op.create_index(op.f("ix_signup_act_event_id"), "signup_act", ["event_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_signup_act_event_id"), table_name="signup_act")
    op.drop_index(op.f("ix_signup_act_person_id"), table_name="signup_act")
    op.drop_table("signup_act")
    with op.batch_alter_table("collect_order") as batch:
        batch.drop_constraint(op.f("fk_collect_order_kiosk_id_kiosk"), type_="foreignkey")
        batch.drop_column("kiosk_id")
    with op.batch_alter_table("catalogue_item") as batch:
        batch.drop_column("description_en")
        batch.drop_column("name_en")
    op.execute("DELETE FROM notice WHERE kind = 'overruled'")
    _notice_kinds(OLD_KINDS)

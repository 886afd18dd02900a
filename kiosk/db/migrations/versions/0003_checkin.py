"""Check-in: badges, signed tickets, check-ins, scan log, space visits (issue 4).

Written by hand and frozen (vocabularies spelled out, constraint names as in the models'
naming convention). ``checkin`` is the append-only scan ledger; ``attendance`` holds at most
one row per (event, person), which is what stops two kiosks admitting the same person twice.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

METHODS = ("badge", "qr", "manual", "walk_in")
OUTCOMES = (
    "ok",
    "already_checked_in",
    "not_registered",
    "event_full",
    "outside_window",
    "wrong_event",
    "unknown_badge",
    "invalid_code",
    "forged_code",
    "expired_code",
    "revoked_code",
    "visit_recorded",
)
SPACES = ("smart_room", "smart_lab", "smart_class", "smart_store", "remote_site")
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


def _timestamp(name: str) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def _nonce(table: str) -> tuple[sa.Column[str], sa.UniqueConstraint]:
    return sa.Column("nonce", sa.String(NONCE), nullable=False), sa.UniqueConstraint(
        "nonce", name=op.f(f"uq_{table}_nonce")
    )


def upgrade() -> None:
    op.create_table(
        "badge",
        *_id("badge"),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        _timestamp("linked_at"),
        sa.Column("kiosk_id", sa.Integer(), nullable=True),
        sa.Column("linked_by_id", sa.Integer(), nullable=True),
        *_nonce("badge"),
        sa.UniqueConstraint("hash", name=op.f("uq_badge_hash")),
        _fk("badge", "person_id", "person", ondelete="CASCADE"),
        _fk("badge", "kiosk_id", "kiosk"),
        _fk("badge", "linked_by_id", "person"),
    )
    op.create_index(op.f("ix_badge_person_id"), "badge", ["person_id"])

    op.create_table(
        "checkin",
        *_id("checkin"),
        *_nonce("checkin"),
        sa.Column("kiosk_id", sa.Integer(), nullable=False),
        _timestamp("at"),
        sa.Column("method", sa.String(32), nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("identity_key", sa.String(80), nullable=False),
        sa.Column("related_event_id", sa.Integer(), nullable=True),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.String(200), server_default="", nullable=False),
        _one_of("checkin", "method", METHODS),
        _one_of("checkin", "outcome", OUTCOMES),
        _fk("checkin", "kiosk_id", "kiosk"),
        _fk("checkin", "event_id", "event"),
        _fk("checkin", "person_id", "person"),
        _fk("checkin", "related_event_id", "event"),
        _fk("checkin", "staff_id", "person"),
    )
    op.create_index(op.f("ix_checkin_event_id_at"), "checkin", ["event_id", "at"])
    op.create_index(
        op.f("ix_checkin_kiosk_id_identity_key_at"), "checkin", ["kiosk_id", "identity_key", "at"]
    )
    op.create_index(op.f("ix_checkin_person_id"), "checkin", ["person_id"])

    op.create_table(
        "attendance",
        *_id("attendance"),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("checkin_id", sa.Integer(), nullable=False),
        _timestamp("at"),
        sa.Column("kiosk_id", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(32), nullable=False),
        # Two kiosks checking in the same person at once: the database lets only one win.
        sa.UniqueConstraint("event_id", "person_id", name=op.f("uq_attendance_event_id_person_id")),
        sa.UniqueConstraint("checkin_id", name=op.f("uq_attendance_checkin_id")),
        _one_of("attendance", "method", METHODS),
        _fk("attendance", "event_id", "event"),
        _fk("attendance", "person_id", "person"),
        _fk("attendance", "checkin_id", "checkin"),
        _fk("attendance", "kiosk_id", "kiosk"),
    )

    op.create_table(
        "checkin_undo",
        *_id("checkin_undo"),
        sa.Column("checkin_id", sa.Integer(), nullable=False),
        *_nonce("checkin_undo"),
        sa.Column("kiosk_id", sa.Integer(), nullable=False),
        _timestamp("at"),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.UniqueConstraint("checkin_id", name=op.f("uq_checkin_undo_checkin_id")),
        _fk("checkin_undo", "checkin_id", "checkin"),
        _fk("checkin_undo", "kiosk_id", "kiosk"),
        _fk("checkin_undo", "staff_id", "person"),
    )

    op.create_table(
        "space_visit",
        *_id("space_visit"),
        *_nonce("space_visit"),
        sa.Column("kiosk_id", sa.Integer(), nullable=False),
        _timestamp("at"),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("space", sa.String(32), nullable=False),
        # One visit per person, day and space, even with two entrance kiosks.
        sa.UniqueConstraint(
            "person_id",
            "day",
            "site_id",
            "space",
            name=op.f("uq_space_visit_person_id_day_site_id_space"),
        ),
        _one_of("space_visit", "space", SPACES),
        _fk("space_visit", "kiosk_id", "kiosk"),
        _fk("space_visit", "person_id", "person", ondelete="CASCADE"),
        _fk("space_visit", "site_id", "site"),
    )
    op.create_index(op.f("ix_space_visit_day"), "space_visit", ["day"])

    op.create_table(
        "ticket_revocation",
        *_id("ticket_revocation"),
        sa.Column("serial", sa.String(16), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        _timestamp("revoked_at"),
        sa.Column("reason", sa.Text(), server_default="", nullable=False),
        *_nonce("ticket_revocation"),
        sa.UniqueConstraint("serial", name=op.f("uq_ticket_revocation_serial")),
    )

    op.create_table(
        "event_source",
        *_id("event_source"),
        sa.Column("uid", sa.String(255), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        _timestamp("imported_at"),
        sa.UniqueConstraint("uid", name=op.f("uq_event_source_uid")),
        sa.UniqueConstraint("event_id", name=op.f("uq_event_source_event_id")),
        _fk("event_source", "event_id", "event", ondelete="CASCADE"),
    )


def downgrade() -> None:
    op.drop_table("event_source")
    op.drop_table("ticket_revocation")
    op.drop_index(op.f("ix_space_visit_day"), table_name="space_visit")
    op.drop_table("space_visit")
    op.drop_table("checkin_undo")
    op.drop_table("attendance")
    op.drop_index(op.f("ix_checkin_person_id"), table_name="checkin")
    op.drop_index(op.f("ix_checkin_kiosk_id_identity_key_at"), table_name="checkin")
    op.drop_index(op.f("ix_checkin_event_id_at"), table_name="checkin")
    op.drop_table("checkin")
    op.drop_index(op.f("ix_badge_person_id"), table_name="badge")
    op.drop_table("badge")

"""Initial schema: organisation (directions, services, sites), kiosks, people, events and
registrations.

Written by hand and frozen: the vocabularies are spelled out here rather than imported from
``kiosk.domain``, so that changing the code later cannot silently change what this revision
creates. Every constraint is named (``op.f`` keeps the name as written) to match the naming
convention of ``kiosk.db.models``.

Revision ID: 0001
Revises:
Create Date: 2026-01-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

PROFILES = ("store", "room", "tour")
PERSON_KINDS = ("agent", "visitor")
ROLES = ("agent", "ambassador", "staff", "admin")
EVENT_KINDS = ("masterclass", "table_ronde", "atelier_technologique", "cafe_numerique", "formation")
SPACES = ("smart_room", "smart_lab", "smart_class", "smart_store", "remote_site")
REGISTRATION_STATUSES = ("confirmed", "waiting_list", "cancelled")


def _one_of(table: str, column: str, values: tuple[str, ...]) -> sa.CheckConstraint:
    """The CHECK that a non-native ``sa.Enum`` column gets in the models."""
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


def upgrade() -> None:
    op.create_table(
        "direction",
        *_id("direction"),
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.UniqueConstraint("code", name=op.f("uq_direction_code")),
    )
    op.create_table(
        "service",
        *_id("service"),
        sa.Column("direction_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        _fk("service", "direction_id", "direction"),
    )
    op.create_table(
        "site",
        *_id("site"),
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("town", sa.String(100), nullable=False),
        sa.Column("address", sa.String(300), nullable=False),
        sa.Column("is_smart_corner", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.UniqueConstraint("code", name=op.f("uq_site_code")),
    )
    op.create_table(
        "kiosk",
        *_id("kiosk"),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("profile", sa.String(32), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        _timestamp("created_at"),
        sa.UniqueConstraint("code", name=op.f("uq_kiosk_code")),
        _one_of("kiosk", "profile", PROFILES),
        _fk("kiosk", "site_id", "site"),
    )
    op.create_table(
        "person",
        *_id("person"),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("matricule", sa.String(16), nullable=True),  # agents only
        sa.Column("first_name", sa.String(100), nullable=False),
        sa.Column("last_name", sa.String(100), nullable=False),
        sa.Column("email", sa.String(254), nullable=True),
        sa.Column("role", sa.String(32), nullable=True),  # agents only
        sa.Column("direction_id", sa.Integer(), nullable=True),
        sa.Column("service_id", sa.Integer(), nullable=True),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("organisation", sa.String(200), nullable=True),  # visitors only
        _timestamp("created_at"),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.UniqueConstraint("matricule", name=op.f("uq_person_matricule")),
        sa.CheckConstraint(
            "kind <> 'agent' OR (matricule IS NOT NULL AND role IS NOT NULL)",
            name=op.f("ck_person_agent_has_matricule_and_role"),
        ),
        _one_of("person", "kind", PERSON_KINDS),
        _one_of("person", "role", ROLES),
        _fk("person", "direction_id", "direction"),
        _fk("person", "service_id", "service"),
        _fk("person", "site_id", "site"),
    )
    op.create_table(
        "event",
        *_id("event"),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), server_default="", nullable=False),
        sa.Column("space", sa.String(32), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        _timestamp("starts_at"),
        _timestamp("ends_at"),
        sa.Column("capacity", sa.Integer(), nullable=True),  # NULL: no limit
        sa.Column("open_to_external", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column(
            "checkin_opens_minutes_before", sa.Integer(), server_default="60", nullable=False
        ),
        sa.Column(
            "checkin_closes_minutes_after", sa.Integer(), server_default="30", nullable=False
        ),
        _timestamp("created_at"),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_event_ends_after_start")),
        sa.CheckConstraint(
            "capacity IS NULL OR capacity > 0", name=op.f("ck_event_capacity_positive")
        ),
        sa.CheckConstraint(
            "checkin_opens_minutes_before >= 0 AND checkin_closes_minutes_after >= 0",
            name=op.f("ck_event_checkin_window"),
        ),
        _one_of("event", "kind", EVENT_KINDS),
        _one_of("event", "space", SPACES),
        _fk("event", "site_id", "site"),
    )
    op.create_index(op.f("ix_event_starts_at"), "event", ["starts_at"])
    op.create_table(
        "registration",
        *_id("registration"),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        _timestamp("created_at"),
        # Two kiosks racing to register the same person: the database lets only one win.
        sa.UniqueConstraint(
            "event_id", "person_id", name=op.f("uq_registration_event_id_person_id")
        ),
        _one_of("registration", "status", REGISTRATION_STATUSES),
        _fk("registration", "event_id", "event", ondelete="CASCADE"),
        _fk("registration", "person_id", "person", ondelete="CASCADE"),
    )
    op.create_index(op.f("ix_registration_event_id"), "registration", ["event_id"])
    op.create_index(op.f("ix_registration_person_id"), "registration", ["person_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_registration_person_id"), table_name="registration")
    op.drop_index(op.f("ix_registration_event_id"), table_name="registration")
    op.drop_table("registration")
    op.drop_index(op.f("ix_event_starts_at"), table_name="event")
    op.drop_table("event")
    op.drop_table("person")
    op.drop_table("kiosk")
    op.drop_table("site")
    op.drop_table("service")
    op.drop_table("direction")

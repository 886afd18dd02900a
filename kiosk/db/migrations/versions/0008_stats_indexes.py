"""Statistics in one pass per table (issue 8): covering indexes for the quarter dashboard, and
the direction an attendee belonged to when they checked in.

``attendance.direction_id`` is what the quarter report counts by direction: an agent who moves
to another direction later still counts for the one they were in when they came. It is
written by the check-in service; a row without it (pushed by an older Smart Tour kiosk, or
written before this revision and not backfilled) falls back to the person's current
direction in the queries. This revision backfills it from ``person``.

Models: kiosk/db/models.py (registration), kiosk/checkin/tables.py (attendance,
space_visit), models_help.py, models_collect.py (hand_over); keep both in step, a test
compares them.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

INDEXES = (
    # per event and kiosk, read from the index alone
    ("attendance", ("event_id", "kiosk_id")),
    # per event and recorded direction; person_id for the rows that recorded none
    ("attendance", ("event_id", "direction_id", "person_id")),
    # confirmed registrations of an event, in person order
    ("registration", ("event_id", "status", "person_id")),
    # visits of a day range by space, site and kiosk
    ("space_visit", ("day", "space", "site_id", "kiosk_id")),
    # a quarter's help requests of every site, and its hand-overs
    ("help_request", ("service_day",)),
    ("hand_over", ("at",)),
)


def _name(table: str, columns: tuple[str, ...]) -> str:
    return f"ix_{table}_{'_'.join(columns)}"


def upgrade() -> None:
    with op.batch_alter_table("attendance") as batch:
        batch.add_column(sa.Column("direction_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_attendance_direction_id_direction"),
            "direction",
            ["direction_id"],
            ["id"],
            ondelete="SET NULL",
        )
    op.execute(
        "UPDATE attendance SET direction_id = "
        "(SELECT person.direction_id FROM person WHERE person.id = attendance.person_id)"
    )
    for table, columns in INDEXES:
        op.create_index(op.f(_name(table, columns)), table, list(columns))


def downgrade() -> None:
    for table, columns in reversed(INDEXES):
        op.drop_index(op.f(_name(table, columns)), table_name=table)
    with op.batch_alter_table("attendance") as batch:
        batch.drop_constraint(op.f("fk_attendance_direction_id_direction"), type_="foreignkey")
        batch.drop_column("direction_id")

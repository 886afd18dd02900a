"""The door's waiting-list outcome: a person on an event's waiting list scanned at its door.

The check-in ledger's outcome vocabulary gains ``waiting_list`` (kiosk.domain.CheckinOutcome);
a plain CHECK constraint change, the same on SQLite (batch mode) and PostgreSQL.

Revision ID: 0016
Revises: 0017
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision: str = "0016"
down_revision: str | None = "0017"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

BEFORE = (
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
AFTER = (*BEFORE, "waiting_list")


def _outcomes(values: tuple[str, ...]) -> None:
    with op.batch_alter_table("checkin") as batch:
        batch.drop_constraint(op.f("ck_checkin_outcome"), type_="check")
        batch.create_check_constraint(
            op.f("ck_checkin_outcome"), f"outcome IN ({', '.join(repr(v) for v in values)})"
        )


def upgrade() -> None:
    _outcomes(AFTER)


def downgrade() -> None:
    # the ledger is append-only: a waiting-list scan is kept as what older kiosks called it
    op.execute("UPDATE checkin SET outcome = 'not_registered' WHERE outcome = 'waiting_list'")
    _outcomes(BEFORE)

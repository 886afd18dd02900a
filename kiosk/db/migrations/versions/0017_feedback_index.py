"""Satisfaction in the quarter's statistics read from an index: (event, face) of each answer.

The quarter dashboard sums the faces of the two quarters' events event by event; with a third
of a year's attendees answering, reading the table rows for the faces cost 70 ms of the
dashboard's 300 ms budget, the index alone about 15 ms.

Models: kiosk/satisfaction/tables.py (event feedback); keep both in step, a test compares them.

Revision ID: 0017
Revises: 0013
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision: str = "0017"
down_revision: str | None = "0013"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    op.create_index(
        op.f("ix_event_feedback_event_id_score"), "event_feedback", ["event_id", "score"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_event_feedback_event_id_score"), table_name="event_feedback")

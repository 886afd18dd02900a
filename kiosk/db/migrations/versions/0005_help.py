"""Besoin d'aide ?: help-request queue, tickets, service times (issue 5).

Help requests with their queue ticket and its timestamps (called, serving, finished), the
per-site, per-day, per-reason ticket counters, and the outbox of requests forwarded to the
helpdesk (GLPI). Models: kiosk/help/tables.py. Frozen like 0001: vocabularies spelled out.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

REASONS = ("hardware", "mail", "account", "software", "other")
REQUESTERS = ("agent", "visitor", "anonymous")
TICKET_STATES = ("waiting", "called", "serving", "done", "no_show")
FORWARD_STATES = ("pending", "sent", "rejected")


def _one_of(table: str, column: str, values: tuple[str, ...]) -> sa.CheckConstraint:
    allowed = ", ".join(f"'{v}'" for v in values)
    return sa.CheckConstraint(f"{column} IN ({allowed})", name=op.f(f"ck_{table}_{column}"))


def _fk(
    table: str, column: str, target: str, ondelete: str | None = None
) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def _when(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "help_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nonce", sa.String(32), nullable=False),
        sa.Column("kiosk_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("requester", sa.String(32), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("description", sa.String(280), nullable=True),
        sa.Column("service_day", sa.Date(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("ticket", sa.String(16), nullable=False),
        sa.Column("state", sa.String(32), nullable=False),
        sa.Column("desk", sa.String(40), nullable=True),
        sa.Column("call_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        _when("created_at"),
        _when("called_at", nullable=True),
        _when("serving_at", nullable=True),
        _when("finished_at", nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_help_request")),
        sa.UniqueConstraint("nonce", name=op.f("uq_help_request_nonce")),
        # Two kiosks issuing at once: never the same number twice in one queue and day.
        sa.UniqueConstraint(
            "site_id",
            "service_day",
            "reason",
            "number",
            name=op.f("uq_help_request_site_id_service_day_reason_number"),
        ),
        sa.CheckConstraint("number >= 1", name=op.f("ck_help_request_number_positive")),
        sa.CheckConstraint(
            "description IS NULL OR length(description) <= 280",
            name=op.f("ck_help_request_description_short"),
        ),
        sa.CheckConstraint(
            "state = 'waiting' OR called_at IS NOT NULL",
            name=op.f("ck_help_request_called_has_time"),
        ),
        sa.CheckConstraint(
            "state NOT IN ('serving', 'done') OR serving_at IS NOT NULL",
            name=op.f("ck_help_request_serving_has_time"),
        ),
        sa.CheckConstraint(
            "state NOT IN ('done', 'no_show') OR finished_at IS NOT NULL",
            name=op.f("ck_help_request_finished_has_time"),
        ),
        _one_of("help_request", "requester", REQUESTERS),
        _one_of("help_request", "reason", REASONS),
        _one_of("help_request", "state", TICKET_STATES),
        _fk("help_request", "kiosk_id", "kiosk"),
        _fk("help_request", "site_id", "site"),
        _fk("help_request", "person_id", "person", ondelete="SET NULL"),
    )
    op.create_index(
        op.f("ix_help_request_site_id_service_day_state"),
        "help_request",
        ["site_id", "service_day", "state"],
    )
    op.create_table(
        "help_ticket_counter",
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("service_day", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "site_id", "service_day", "reason", name=op.f("pk_help_ticket_counter")
        ),
        sa.CheckConstraint(
            "last_number >= 1", name=op.f("ck_help_ticket_counter_last_number_positive")
        ),
        _one_of("help_ticket_counter", "reason", REASONS),
        _fk("help_ticket_counter", "site_id", "site"),
    )
    op.create_table(
        "help_forward",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(32), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        _when("next_attempt_at"),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("glpi_ticket_id", sa.Integer(), nullable=True),
        _when("created_at"),
        _when("sent_at", nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_help_forward")),
        sa.UniqueConstraint("request_id", name=op.f("uq_help_forward_request_id")),
        _one_of("help_forward", "state", FORWARD_STATES),
        _fk("help_forward", "request_id", "help_request", ondelete="CASCADE"),
    )
    op.create_index(
        op.f("ix_help_forward_state_next_attempt_at"),
        "help_forward",
        ["state", "next_attempt_at"],
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_help_forward_state_next_attempt_at"), table_name="help_forward")
    op.drop_table("help_forward")
    op.drop_table("help_ticket_counter")
    op.drop_index(op.f("ix_help_request_site_id_service_day_state"), table_name="help_request")
    op.drop_table("help_request")

"""Projets numériques (projects and their pictures and videos) and the answers to
« Comment était … ? » after an event.

Written by hand and frozen (vocabularies spelled out here); models in kiosk/projects/tables.py
and kiosk/satisfaction/tables.py, a test compares them.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

STAGES = ("idee", "experimentation", "deploiement", "en_service")
MEDIA_KINDS = ("image", "video")
REASONS = ("contenu", "intervenant", "pratique", "duree", "salle", "echanges")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    op.create_table(
        "project",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(80), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("pitch", sa.String(300), nullable=False),
        sa.Column("direction", sa.String(200), nullable=False),
        sa.Column("stage", sa.String(32), nullable=False),
        sa.Column("for_agents", sa.Text(), server_default="", nullable=False),
        sa.Column("title_en", sa.String(200), server_default="", nullable=False),
        sa.Column("pitch_en", sa.String(300), server_default="", nullable=False),
        sa.Column("for_agents_en", sa.Text(), server_default="", nullable=False),
        sa.Column("ambassador", sa.String(200), server_default="", nullable=False),
        sa.Column("ambassador_contact", sa.String(200), server_default="", nullable=False),
        sa.Column("event_titles", sa.Text(), server_default="", nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project")),
        sa.UniqueConstraint("slug", name=op.f("uq_project_slug")),
        sa.CheckConstraint(_in("stage", STAGES), name=op.f("ck_project_stage")),
    )
    op.create_table(
        "project_media",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("caption", sa.String(300), server_default="", nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("project_id", "position", name=op.f("pk_project_media")),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_project_media_project_id_project"),
            ondelete="CASCADE",
        ),
        sa.CheckConstraint(_in("kind", MEDIA_KINDS), name=op.f("ck_project_media_kind")),
    )
    op.create_index(op.f("ix_project_media_content_hash"), "project_media", ["content_hash"])
    op.create_table(
        "event_feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nonce", sa.String(32), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("kiosk_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(32), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_feedback")),
        sa.UniqueConstraint("nonce", name=op.f("uq_event_feedback_nonce")),
        sa.UniqueConstraint(
            "event_id", "person_id", name=op.f("uq_event_feedback_event_id_person_id")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_event_feedback_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["kiosk_id"], ["kiosk.id"], name=op.f("fk_event_feedback_kiosk_id_kiosk")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_event_feedback_person_id_person"),
            ondelete="SET NULL",
        ),
        sa.CheckConstraint("score BETWEEN 1 AND 4", name=op.f("ck_event_feedback_score_range")),
        sa.CheckConstraint(
            "reason IS NULL OR " + _in("reason", REASONS), name=op.f("ck_event_feedback_reason")
        ),
    )
    op.create_index(op.f("ix_event_feedback_at"), "event_feedback", ["at"])
    op.create_index(op.f("ix_event_feedback_kiosk_id_at"), "event_feedback", ["kiosk_id", "at"])


def downgrade() -> None:
    op.drop_table("event_feedback")
    op.drop_index(op.f("ix_project_media_content_hash"), table_name="project_media")
    op.drop_table("project_media")
    op.drop_table("project")

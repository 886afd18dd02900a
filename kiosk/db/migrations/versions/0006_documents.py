"""Kiosque numérique: documents, their files and page texts, views and searches (issue 6).

Written by hand and frozen (vocabularies spelled out here); models in
kiosk/documents/tables.py. The full-text index is not here: each kiosk builds its own in a
local SQLite file (kiosk/documents/index.py), so PostgreSQL needs no text-search set-up.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

DOCUMENT_KINDS = ("pdf", "article", "video", "link")


def _timestamp(name: str) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def upgrade() -> None:
    kinds = ", ".join(f"'{k}'" for k in DOCUMENT_KINDS)
    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(80), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("summary", sa.Text(), server_default="", nullable=False),
        sa.Column("theme", sa.String(100), nullable=False),
        sa.Column("tags", sa.Text(), server_default="", nullable=False),
        sa.Column("language", sa.String(8), server_default="fr", nullable=False),
        sa.Column("published_on", sa.Date(), nullable=False),
        sa.Column("reading_minutes", sa.Integer(), server_default="0", nullable=False),
        sa.Column("page_count", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), server_default="", nullable=False),
        sa.Column("url", sa.String(1000), nullable=True),
        sa.Column("source", sa.String(500), nullable=True),
        sa.Column("content_hash", sa.String(64), nullable=True),
        sa.Column("media_type", sa.String(100), nullable=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        _timestamp("created_at"),
        _timestamp("updated_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document")),
        sa.UniqueConstraint("slug", name=op.f("uq_document_slug")),
        sa.UniqueConstraint("source", name=op.f("uq_document_source")),
        sa.CheckConstraint(f"kind IN ({kinds})", name=op.f("ck_document_kind")),
        sa.CheckConstraint(
            "reading_minutes >= 0", name=op.f("ck_document_reading_minutes_not_negative")
        ),
        sa.CheckConstraint(
            "page_count IS NULL OR page_count > 0", name=op.f("ck_document_page_count_positive")
        ),
    )
    op.create_index(op.f("ix_document_published_on"), "document", ["published_on"])
    op.create_table(
        "document_file",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_document_file")),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_document_file_document_id_document"),
            ondelete="CASCADE",
        ),
    )
    op.create_table(
        "document_page",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("page_number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("document_id", "page_number", name=op.f("pk_document_page")),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_document_page_document_id_document"),
            ondelete="CASCADE",
        ),
    )
    op.create_table(
        "document_view",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nonce", sa.String(32), nullable=False),
        sa.Column("kiosk_id", sa.Integer(), nullable=True),
        _timestamp("at"),
        sa.Column("document_slug", sa.String(80), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_view")),
        sa.UniqueConstraint("nonce", name=op.f("uq_document_view_nonce")),
        sa.ForeignKeyConstraint(
            ["kiosk_id"], ["kiosk.id"], name=op.f("fk_document_view_kiosk_id_kiosk")
        ),
    )
    op.create_index(op.f("ix_document_view_document_slug"), "document_view", ["document_slug"])
    op.create_index(op.f("ix_document_view_at"), "document_view", ["at"])
    op.create_table(
        "document_search",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nonce", sa.String(32), nullable=False),
        sa.Column("kiosk_id", sa.Integer(), nullable=True),
        _timestamp("at"),
        sa.Column("query", sa.String(200), nullable=False),
        sa.Column("normalized", sa.String(200), nullable=False),
        sa.Column("theme", sa.String(100), nullable=True),
        sa.Column("kind", sa.String(16), nullable=True),
        sa.Column("result_count", sa.Integer(), nullable=False),
        sa.Column("suggested_themes", sa.Text(), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_search")),
        sa.UniqueConstraint("nonce", name=op.f("uq_document_search_nonce")),
        sa.CheckConstraint(
            "result_count >= 0", name=op.f("ck_document_search_result_count_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["kiosk_id"], ["kiosk.id"], name=op.f("fk_document_search_kiosk_id_kiosk")
        ),
    )
    op.create_index(op.f("ix_document_search_at"), "document_search", ["at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_document_search_at"), table_name="document_search")
    op.drop_table("document_search")
    op.drop_index(op.f("ix_document_view_at"), table_name="document_view")
    op.drop_index(op.f("ix_document_view_document_slug"), table_name="document_view")
    op.drop_table("document_view")
    op.drop_table("document_page")
    op.drop_table("document_file")
    op.drop_index(op.f("ix_document_published_on"), table_name="document")
    op.drop_table("document")

"""Kiosque numérique: the catalogue of documents and how the kiosks use it (issue 6).

The catalogue lives in the main database (shared by the kiosks on PostgreSQL); each kiosk
keeps its own full-text index in a local SQLite file built from it (``kiosk.documents.index``).
Files are stored in the database too (``document_file``), so that every kiosk reading the
central database gets them, and a kiosk's cache is keyed by content hash: a replaced PDF can
never be shown stale.

Usage records (views, searches) are append-only, carry ``kiosk_id``, a UTC time and a unique
``nonce`` for the Smart Tour's idempotent sync, and name the document by its ``slug``, which
is the same on every kiosk (ids are not).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.db.models import Base
from kiosk.db.types import choice
from kiosk.documents.catalogue import DocumentKind


class Document(Base):
    __tablename__ = "document"
    __table_args__ = (
        CheckConstraint("reading_minutes >= 0", name="reading_minutes_not_negative"),
        CheckConstraint("page_count IS NULL OR page_count > 0", name="page_count_positive"),
        Index(None, "published_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)  # the public link's last part
    kind: Mapped[DocumentKind] = mapped_column(choice(DocumentKind, "kind"))
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text, default="", server_default="")
    theme: Mapped[str] = mapped_column(String(100))
    # English, from the manifest's optional columns; empty: the French is shown in English too
    title_en: Mapped[str] = mapped_column(String(300), default="", server_default="")
    summary_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    theme_en: Mapped[str] = mapped_column(String(100), default="", server_default="")
    tags: Mapped[str] = mapped_column(Text, default="", server_default="")  # comma-separated
    language: Mapped[str] = mapped_column(String(8), default="fr", server_default="fr")
    published_on: Mapped[date]
    reading_minutes: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    page_count: Mapped[int | None] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text, default="", server_default="")  # article HTML
    url: Mapped[str | None] = mapped_column(String(1000))  # links, streamed videos
    source: Mapped[str | None] = mapped_column(String(500), unique=True)  # imported file path
    content_hash: Mapped[str | None] = mapped_column(String(64))  # sha256 of the file
    media_type: Mapped[str | None] = mapped_column(String(100))
    fingerprint: Mapped[str] = mapped_column(String(64))  # of all indexed fields
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class DocumentFile(Base):
    """The document's file (PDF, video), apart so that listing documents never loads it."""

    __tablename__ = "document_file"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), primary_key=True
    )
    content_hash: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class DocumentPage(Base):
    """The text of one page of a PDF (1-based): in-document search jumps to pages."""

    __tablename__ = "document_page"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), primary_key=True
    )
    page_number: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)


class DocumentView(Base):
    """A document opened on a kiosk."""

    __tablename__ = "document_view"
    __table_args__ = (Index(None, "document_slug"), Index(None, "at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    nonce: Mapped[str] = mapped_column(String(32), unique=True)
    kiosk_id: Mapped[int | None] = mapped_column(ForeignKey("kiosk.id"))  # None: unregistered
    at: Mapped[datetime]
    document_slug: Mapped[str] = mapped_column(String(80))
    source: Mapped[str] = mapped_column(String(16))  # search, theme, latest, qr...


class DocumentSearch(Base):
    """A search a visitor ran (the last text typed before they stopped or opened a result)."""

    __tablename__ = "document_search"
    __table_args__ = (
        CheckConstraint("result_count >= 0", name="result_count_not_negative"),
        Index(None, "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    nonce: Mapped[str] = mapped_column(String(32), unique=True)
    kiosk_id: Mapped[int | None] = mapped_column(ForeignKey("kiosk.id"))
    at: Mapped[datetime]
    query: Mapped[str] = mapped_column(String(200))
    normalized: Mapped[str] = mapped_column(String(200))  # folded words: groups spellings
    theme: Mapped[str | None] = mapped_column(String(100))  # the filters in force
    kind: Mapped[str | None] = mapped_column(String(16))
    result_count: Mapped[int] = mapped_column(Integer)
    suggested_themes: Mapped[str] = mapped_column(Text, default="", server_default="")

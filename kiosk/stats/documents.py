"""The kiosque numérique: the documents opened most and the searches that found nothing."""

from __future__ import annotations

from datetime import datetime
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.documents.tables import Document, DocumentSearch, DocumentView
from kiosk.stats.figures import Row
from kiosk.stats.periods import Quarter

TOP: Final = 10


def zero_result_searches(session: Session, start: datetime, end: datetime) -> int:
    query = select(func.count(DocumentSearch.id)).where(
        DocumentSearch.at >= start, DocumentSearch.at < end, DocumentSearch.result_count == 0
    )
    return int(session.scalar(query) or 0)


def top_documents(session: Session, quarter: Quarter, limit: int = TOP) -> list[Row]:
    """The documents opened most often in the quarter (title as it is now; slug if deleted)."""
    start, end = quarter.utc_bounds()
    views = func.count(DocumentView.id).label("n")
    query = (
        select(DocumentView.document_slug, Document.title, views)
        .outerjoin(Document, Document.slug == DocumentView.document_slug)
        .where(DocumentView.at >= start, DocumentView.at < end)
        .group_by(DocumentView.document_slug, Document.title)
        .order_by(views.desc(), DocumentView.document_slug)
        .limit(limit)
    )
    return [Row(slug, title or slug, float(n)) for slug, title, n in session.execute(query)]


def zero_result_queries(session: Session, quarter: Quarter, limit: int = TOP) -> list[Row]:
    """Searches that found nothing, grouped by their folded words, most frequent first; the
    label is one of the spellings typed (the smallest, for a stable report)."""
    start, end = quarter.utc_bounds()
    times = func.count(DocumentSearch.id).label("n")
    query = (
        select(DocumentSearch.normalized, func.min(DocumentSearch.query), times)
        .where(
            DocumentSearch.at >= start,
            DocumentSearch.at < end,
            DocumentSearch.result_count == 0,
        )
        .group_by(DocumentSearch.normalized)
        .order_by(times.desc(), DocumentSearch.normalized)
        .limit(limit)
    )
    return [Row(key, text, float(n)) for key, text, n in session.execute(query)]

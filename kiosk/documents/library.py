"""The catalogue in the main database: writing documents, syncing the local index, reading
files and article bodies, recording usage, the take-away fiche.

Plain functions over a SQLAlchemy session; the caller owns the transaction.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any, Final

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from kiosk.db.models import Kiosk
from kiosk.documents.catalogue import (
    DocumentKind,
    DocumentSummary,
    SearchResults,
    fingerprint,
    split_tags,
)
from kiosk.documents.index import DocumentIndex, IndexedDocument
from kiosk.documents.tables import (
    Document,
    DocumentFile,
    DocumentPage,
    DocumentSearch,
    DocumentView,
)
from kiosk.documents.text import slugify, strip_html, words
from kiosk.domain import new_nonce
from kiosk.exchange.csv_files import SafeDictWriter
from kiosk.paths import Paths
from kiosk.ports import Receipt, ReceiptLine

log = logging.getLogger(__name__)

SYNC_BATCH: Final = 500
FICHE_SUMMARY_CHARS: Final = 420


@dataclass
class DocumentInput:
    """A document as an import or a seed describes it, before it is stored."""

    kind: DocumentKind
    title: str
    theme: str
    published_on: date
    summary: str = ""
    tags: Sequence[str] = ()
    language: str = "fr"
    body: str = ""  # article HTML
    url: str | None = None
    source: str | None = None
    data: bytes | None = None  # the file (PDF, video)
    media_type: str | None = None
    pages: Sequence[str] = ()  # PDF pages' text
    slug: str | None = None  # keep it stable: the public links and statistics use it
    title_en: str = ""  # the manifest's optional English; empty: the French stands in
    summary_en: str = ""
    theme_en: str = ""

    @property
    def content_hash(self) -> str | None:
        return hashlib.sha256(self.data).hexdigest() if self.data is not None else None

    def plain_text(self) -> str:
        if self.pages:
            return "\n".join(self.pages)
        return strip_html(self.body) if self.body else ""

    def word_count(self) -> int:
        return len(self.plain_text().split())


def _fingerprint(doc: DocumentInput, slug: str, content_hash: str | None) -> str:
    """Of every field the index holds; the English ones only when given, so that documents
    imported without them keep the fingerprint they had (and are not reindexed for nothing)."""
    english = [doc.title_en, doc.summary_en, doc.theme_en]
    return fingerprint(
        slug, doc.kind.value, doc.title, doc.summary, doc.theme, list(split_tags(doc.tags)),
        doc.published_on.isoformat(), doc.url, content_hash, doc.body, len(doc.pages),
        *([english] if any(english) else []),
    )  # fmt: skip


def unique_slug(session: Session, title: str, taken: set[str] | None = None) -> str:
    base = slugify(title)
    slug, n = base, 1
    while (taken is not None and slug in taken) or session.scalar(
        select(Document.id).where(Document.slug == slug)
    ) is not None:
        n += 1
        slug = f"{base[:56]}-{n}"
    if taken is not None:
        taken.add(slug)
    return slug


def save_document(
    session: Session, doc: DocumentInput, now: datetime, existing: Document | None = None
) -> Document:
    """Insert ``doc`` or update ``existing`` with it (file and pages replaced if they changed)."""
    from kiosk.documents.catalogue import reading_minutes

    content_hash = doc.content_hash
    slug = existing.slug if existing is not None else (doc.slug or unique_slug(session, doc.title))
    row = existing or Document(slug=slug, created_at=now)
    row.kind = doc.kind
    row.title = doc.title
    row.summary = doc.summary
    row.theme = doc.theme
    row.title_en, row.summary_en, row.theme_en = doc.title_en, doc.summary_en, doc.theme_en
    row.tags = ", ".join(split_tags(doc.tags))
    row.language = doc.language
    row.published_on = doc.published_on
    row.reading_minutes = reading_minutes(doc.word_count())
    row.page_count = len(doc.pages) or None
    row.body = doc.body
    row.url = doc.url
    row.source = doc.source
    row.media_type = doc.media_type
    file_changed = existing is None or existing.content_hash != content_hash
    row.content_hash = content_hash
    row.fingerprint = _fingerprint(doc, slug, content_hash)
    row.updated_at = now
    if existing is None:
        session.add(row)
    session.flush()
    if file_changed:
        session.execute(delete(DocumentFile).where(DocumentFile.document_id == row.id))
        session.execute(delete(DocumentPage).where(DocumentPage.document_id == row.id))
        if doc.data is not None and content_hash is not None:
            session.add(
                DocumentFile(
                    document_id=row.id, content_hash=content_hash, size=len(doc.data), data=doc.data
                )
            )
        session.add_all(
            DocumentPage(document_id=row.id, page_number=n, text=text)
            for n, text in enumerate(doc.pages, 1)
        )
        session.flush()
    return row


def delete_documents(session: Session, ids: Iterable[int]) -> int:
    ids = list(ids)
    if not ids:
        return 0
    session.execute(delete(DocumentPage).where(DocumentPage.document_id.in_(ids)))
    session.execute(delete(DocumentFile).where(DocumentFile.document_id.in_(ids)))
    session.execute(delete(Document).where(Document.id.in_(ids)))
    return len(ids)


def summary_of(row: Document) -> DocumentSummary:
    return DocumentSummary(
        slug=row.slug,
        kind=row.kind,
        title=row.title,
        summary=row.summary,
        theme=row.theme,
        tags=tuple(split_tags(row.tags)),
        published_on=row.published_on,
        reading_minutes=row.reading_minutes,
        page_count=row.page_count,
        content_hash=row.content_hash,
        url=row.url,
        title_en=row.title_en,
        summary_en=row.summary_en,
        theme_en=row.theme_en,
    )


# --- the local index ----------------------------------------------------------------------
@dataclass(frozen=True)
class SyncReport:
    added: int = 0
    updated: int = 0
    removed: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def sync_index(session: Session, index: DocumentIndex) -> SyncReport:
    """Bring the local index up to date with the catalogue (only what changed is re-indexed)."""
    wanted = dict(session.execute(select(Document.id, Document.fingerprint)).all())
    have = index.fingerprints()
    gone = [i for i in have if i not in wanted]
    stale = [i for i, fp in wanted.items() if have.get(i) != fp]
    if gone:
        index.remove(gone)
    for start in range(0, len(stale), SYNC_BATCH):
        batch = stale[start : start + SYNC_BATCH]
        rows = session.scalars(select(Document).where(Document.id.in_(batch))).all()
        pages: dict[int, list[str]] = {}
        for doc_id, _, text in session.execute(
            select(DocumentPage.document_id, DocumentPage.page_number, DocumentPage.text)
            .where(DocumentPage.document_id.in_(batch))
            .order_by(DocumentPage.document_id, DocumentPage.page_number)
        ):
            pages.setdefault(doc_id, []).append(text)
        index.upsert(
            IndexedDocument(
                id=row.id,
                summary=summary_of(row),
                body="\n".join(pages[row.id]) if row.id in pages else strip_html(row.body),
                pages=tuple(pages.get(row.id, ())),
                fingerprint=row.fingerprint,
            )
            for row in rows
        )
    if len(stale) >= SYNC_BATCH:  # a first build or a big import: one b-tree per index again
        index.optimize()  # (smaller and faster to query than the segments the batches left)
    report = SyncReport(
        added=sum(1 for i in stale if i not in have),
        updated=sum(1 for i in stale if i in have),
        removed=len(gone),
    )
    if report.changed:
        log.info("document index: %s", report)
    return report


# --- content for the reader ---------------------------------------------------------------
@dataclass(frozen=True)
class DocumentContent:
    summary: DocumentSummary
    body_html: str  # articles
    file: Path | None  # PDFs and videos, in the local cache


def open_content(session: Session, slug: str, cache_dir: Path) -> DocumentContent | None:
    """The document and its file in the local cache (written there on first use, by hash)."""
    row = session.scalar(select(Document).where(Document.slug == slug))
    if row is None:
        return None
    path = None
    if row.content_hash is not None:
        suffix = ".pdf" if row.kind is DocumentKind.PDF else Path(row.source or "").suffix
        path = cache_dir / f"{row.content_hash}{suffix}"
        if not path.exists():
            data = session.scalar(
                select(DocumentFile.data).where(DocumentFile.document_id == row.id)
            )
            if data is None:
                path = None
            else:
                cache_dir.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(path.suffix + ".part")
                tmp.write_bytes(data)
                os.replace(tmp, path)  # never a half-written file under the final name
    return DocumentContent(summary_of(row), row.body, path)


def trim_cache(cache_dir: Path, keep: int) -> int:
    """Delete the least recently used cached files beyond ``keep``; returns how many."""
    if not cache_dir.is_dir():
        return 0
    files = sorted(
        (p for p in cache_dir.iterdir() if p.is_file() and not p.name.endswith(".part")),
        key=lambda p: p.stat().st_atime,
        reverse=True,
    )
    for p in files[keep:]:
        p.unlink(missing_ok=True)
    return max(0, len(files) - keep)


# --- usage --------------------------------------------------------------------------------


def record_view(
    session: Session, *, slug: str, source: str, kiosk_id: int | None, at: datetime
) -> DocumentView:
    view = DocumentView(
        nonce=new_nonce(), kiosk_id=kiosk_id, at=at, document_slug=slug, source=source[:16]
    )
    session.add(view)
    return view


def record_search(
    session: Session, results: SearchResults, *, kiosk_id: int | None, at: datetime
) -> DocumentSearch:
    record = DocumentSearch(
        nonce=new_nonce(),
        kiosk_id=kiosk_id,
        at=at,
        query=results.query[:200],
        normalized=" ".join(words(results.query))[:200],
        theme=results.theme,
        kind=results.kind.value if results.kind else None,
        result_count=results.total,
        suggested_themes=", ".join(results.suggested_themes),
    )
    session.add(record)
    return record


USAGE_COLUMNS: Final = (
    "record", "nonce", "kiosk", "at_utc", "document", "title", "source", "query",
    "normalized", "theme", "kind", "results", "suggested_themes",
)  # fmt: skip


@dataclass
class UsageExport:
    views: int = 0
    searches: int = 0
    zero_results: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)


def export_usage(
    session: Session, out: IO[str], since: datetime | None = None, until: datetime | None = None
) -> UsageExport:
    """Views and searches as one CSV (one row per record, UTC times, kiosk codes)."""
    kiosks = dict(session.execute(select(Kiosk.id, Kiosk.code)).all())
    titles = dict(session.execute(select(Document.slug, Document.title)).all())
    writer = SafeDictWriter(out, USAGE_COLUMNS, lineterminator="\n", numeric=("results",))
    writer.writeheader()
    result = UsageExport()

    def when(column: Any) -> list[Any]:
        conds = []
        if since is not None:
            conds.append(column >= since)
        if until is not None:
            conds.append(column < until)
        return conds

    for view in session.scalars(
        select(DocumentView).where(*when(DocumentView.at)).order_by(DocumentView.at)
    ):
        result.views += 1
        writer.writerow({
            "record": "view", "nonce": view.nonce, "kiosk": kiosks.get(view.kiosk_id or 0, ""),
            "at_utc": _utc(view.at), "document": view.document_slug,
            "title": titles.get(view.document_slug, ""), "source": view.source,
        })  # fmt: skip
    for s in session.scalars(
        select(DocumentSearch).where(*when(DocumentSearch.at)).order_by(DocumentSearch.at)
    ):
        result.searches += 1
        result.zero_results += s.result_count == 0
        writer.writerow({
            "record": "search" if s.result_count else "search_no_result", "nonce": s.nonce,
            "kiosk": kiosks.get(s.kiosk_id or 0, ""), "at_utc": _utc(s.at), "query": s.query,
            "normalized": s.normalized, "theme": s.theme or "", "kind": s.kind or "",
            "results": s.result_count, "suggested_themes": s.suggested_themes,
        })  # fmt: skip
    return result


def _utc(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def views_per_document(session: Session) -> list[tuple[str, int]]:
    rows = session.execute(
        select(DocumentView.document_slug, func.count())
        .group_by(DocumentView.document_slug)
        .order_by(func.count().desc(), DocumentView.document_slug)
    )
    return [(slug, int(n)) for slug, n in rows]


def zero_result_queries(session: Session, limit: int = 50) -> list[tuple[str, int, str]]:
    """What visitors looked for in vain, most asked first: (words, times, themes suggested)."""
    rows = session.execute(
        select(
            DocumentSearch.normalized,
            func.count(),
            func.max(DocumentSearch.suggested_themes),
        )
        .where(DocumentSearch.result_count == 0)
        .group_by(DocumentSearch.normalized)
        .order_by(func.count().desc(), DocumentSearch.normalized)
        .limit(limit)
    )
    return [(q, int(n), themes or "") for q, n, themes in rows]


# --- take-away ----------------------------------------------------------------------------
def public_link(base_url: str, slug: str) -> str:
    return f"{base_url.rstrip('/')}/{slug}"


def fiche_receipt(
    doc: DocumentSummary, link: str, kiosk_name: str, printed_at: datetime
) -> Receipt:
    """The printed "fiche": title, theme, summary and the QR code of the public link."""
    summary = " ".join(doc.summary.split())
    if len(summary) > FICHE_SUMMARY_CHARS:
        summary = summary[: FICHE_SUMMARY_CHARS - 1].rsplit(" ", 1)[0] + "…"
    lines = [ReceiptLine("Thème", doc.theme)]
    if doc.page_count:
        lines.append(ReceiptLine("Pages", str(doc.page_count)))
    if doc.reading_minutes:
        lines.append(ReceiptLine("Lecture", f"{doc.reading_minutes} min"))
    lines.append(ReceiptLine("Publié le", doc.published_on.strftime("%d/%m/%Y")))
    return Receipt(
        title=doc.title,
        kiosk=kiosk_name,
        lines=tuple(lines),
        qr_payload=link,
        footer=(summary, "Scannez le QR code pour retrouver ce document.", link),
        printed_at=printed_at,
    )


# --- where this kiosk keeps its index and cached files --------------------------------------
def index_path(paths: Paths) -> Path:
    return paths.data_dir / "documents-index.sqlite3"


def cache_dir(paths: Paths) -> Path:
    return paths.data_dir / "documents-cache"

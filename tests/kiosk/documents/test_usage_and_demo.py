"""Usage records and their CSV export, the take-away fiche, the demo catalogue."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.demo import DemoSummary
from kiosk.documents.catalogue import DocumentKind, DocumentSummary, SearchResults
from kiosk.documents.index import DocumentIndex
from kiosk.documents.library import (
    export_usage,
    fiche_receipt,
    public_link,
    record_search,
    record_view,
    sync_index,
    views_per_document,
    zero_result_queries,
)
from kiosk.documents.pdftext import extract
from kiosk.documents.tables import Document, DocumentFile
from kiosk.printing.layout import QrBlock, layout, plain_text
from tests.helpers.db import DEMO_NOW

AT = datetime(2026, 11, 23, 13, 5, tzinfo=UTC)


def test_views_and_searches_export_as_csv_with_kiosk_nonce_and_utc_time(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as session:
        record_view(session, slug="guide", source="search", kiosk_id=None, at=AT)
        record_view(session, slug="guide", source="theme", kiosk_id=None, at=AT)
        record_view(session, slug="autre", source="latest", kiosk_id=None, at=AT)
        record_search(session, SearchResults("L’Hameçonnage", (), 3), kiosk_id=None, at=AT)
        record_search(
            session,
            SearchResults("imprimante 3D", (), 0, suggested_themes=("Cybersécurité",)),
            kiosk_id=None,
            at=AT + timedelta(minutes=1),
        )
        record_search(session, SearchResults("Imprimante 3d", (), 0), kiosk_id=None, at=AT)
    with session_factory() as session:
        out = io.StringIO()
        summary = export_usage(session, out)
        assert (summary.views, summary.searches, summary.zero_results) == (3, 3, 2)
        assert views_per_document(session) == [("guide", 2), ("autre", 1)]
        assert zero_result_queries(session) == [("imprimante 3d", 2, "Cybersécurité")]
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["record"] for r in rows] == ["view"] * 3 + ["search"] + ["search_no_result"] * 2
    assert rows[0]["at_utc"] == "2026-11-23T13:05:00Z"
    assert len({r["nonce"] for r in rows}) == 6
    assert all(len(r["nonce"]) == 32 for r in rows)
    assert rows[3]["normalized"] == "hameconnage"
    with session_factory() as session:
        assert export_usage(session, io.StringIO(), since=AT + timedelta(seconds=1)).searches == 1


def test_fiche_has_title_summary_and_the_public_link_as_qr() -> None:
    doc = DocumentSummary(
        "guide-rgpd", DocumentKind.PDF, "Le RGPD au quotidien", "Collecter le strict " * 60,
        "Données et RGPD", (), date(2026, 3, 2), 4, 6, "abc", None,
    )  # fmt: skip
    link = public_link("https://kiosque.example.fr/d/", doc.slug)
    assert link == "https://kiosque.example.fr/d/guide-rgpd"
    receipt = fiche_receipt(doc, link, "Smart Room", AT)
    text = plain_text(receipt, 48)
    assert "RGPD au quotidien" in text
    assert "Données et RGPD" in text
    assert "02/03/2026" in text
    assert [b.payload for b in layout(receipt, 48) if isinstance(b, QrBlock)] == [link]
    assert len(receipt.footer[0]) <= 420
    assert receipt.footer[0].endswith("…")


def test_the_demo_catalogue_is_real_and_searchable(
    session_factory: sessionmaker[Session], demo_seeded: DemoSummary, tmp_path: Path
) -> None:
    summary = demo_seeded
    assert summary.extra["documents"] >= 60
    with session_factory() as session:
        docs = session.scalars(select(Document)).all()
        kinds = Counter(d.kind for d in docs)
        assert set(kinds) == set(DocumentKind)
        assert kinds[DocumentKind.PDF] >= 30
        assert len({d.theme for d in docs}) >= 6
        recent = [d for d in docs if d.published_on >= DEMO_NOW.date() - timedelta(days=21)]
        assert len(recent) >= 6  # "Nouveautés" has something in every theme
        pdf = next(d for d in docs if d.kind is DocumentKind.PDF and (d.page_count or 0) > 3)
        data = session.scalar(select(DocumentFile.data).where(DocumentFile.document_id == pdf.id))
        assert data is not None
        extracted = extract(data)
        assert extracted.title == pdf.title
        assert len(extracted.pages) == pdf.page_count
        index = DocumentIndex(tmp_path / "index.sqlite3")
        assert sync_index(session, index).added == len(docs)
        assert index.search("l'hameçonnage").hits[0].document.theme == "Cybersécurité"
        index.close()

"""The Kiosque numérique on files made by other people's software (``tests/fixtures/real``,
see its SOURCES.md): TeX ligature glyphs, restricted PDFs, a PDF that needs a password, text
saved as Windows-1252, a French PDF/A-3 (Factur-X invoice), a French pdfLaTeX course."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.documents.catalogue import HIGHLIGHT_END, HIGHLIGHT_START
from kiosk.documents.importer import ImportReport, import_folder
from kiosk.documents.index import DocumentIndex
from kiosk.documents.library import sync_index
from kiosk.documents.pdftext import PasswordRequired, extract
from kiosk.documents.tables import Document

REAL = Path(__file__).parents[2] / "fixtures" / "real" / "documents"
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
INVOICE = "le-fournisseur-invoice-f20260023"  # the slug of its PDF title
FRENCH_TEX = "pdflatex-french-ligatures"  # no PDF title: the file's name


@pytest.fixture
def imported(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> Iterator[tuple[ImportReport, DocumentIndex]]:
    folder = tmp_path / "kiosque"
    shutil.copytree(REAL, folder, ignore=shutil.ignore_patterns("*.md"))
    with session_factory.begin() as session:
        report = import_folder(session, folder, NOW)
    index = DocumentIndex(tmp_path / "index.sqlite3")
    with session_factory() as session:
        sync_index(session, index)
    yield report, index
    index.close()


def sources(index: DocumentIndex, text: str) -> list[str]:
    return [h.document.slug for h in index.search(text).hits]


def test_restricted_pdfs_are_imported_and_only_a_locked_one_is_skipped_with_its_reason(
    imported: tuple[ImportReport, DocumentIndex],
) -> None:
    report, index = imported
    assert "r4-owner-password.pdf" in report.added  # RC4, owner password only
    assert "r6-owner-password.pdf" in report.added  # AES-256, owner password only
    assert report.skipped == [("r4-user-password.pdf", "the PDF needs a password to open")]
    assert len(sources(index, "encryption test ")) == 2
    with pytest.raises(PasswordRequired):
        extract((REAL / "r4-user-password.pdf").read_bytes())


def test_ligature_glyphs_of_tex_pdfs_are_found_as_plain_letters(
    imported: tuple[ImportReport, DocumentIndex],
) -> None:
    _, index = imported
    assert "ﬁ" in extract((REAL / "crazyones-xdvipdfmx-ligatures.pdf").read_bytes()).pages[0]
    for typed in ("misfits ", "misfit ", "differently ", "diﬀerently ", "misfi"):
        assert sources(index, typed) == ["crazyones-xdvipdfmx-ligatures"], typed
    hit = index.search("misfits ").hits[0]
    assert f"{HIGHLIGHT_START}misﬁts{HIGHLIGHT_END}" in hit.snippet  # the text as printed
    pages = index.find_in_document("crazyones-xdvipdfmx-ligatures", "misfits")
    assert [(p.page_number, p.occurrences) for p in pages] == [(1, 1)]


def test_windows_1252_text_articles_read_like_the_other_importers(
    session_factory: sessionmaker[Session], imported: tuple[ImportReport, DocumentIndex]
) -> None:
    report, index = imported
    assert {"visa-latin1.txt", "quotes-windows-1252.txt"} <= set(report.added)
    with session_factory() as session:
        bodies = dict(session.execute(select(Document.source, Document.body)).all())
    assert "séjour sur le territoire français" in bodies["visa-latin1.txt"]
    assert "“The names Bod, James Bond.”" in bodies["quotes-windows-1252.txt"]
    assert "�" not in bodies["quotes-windows-1252.txt"]
    # accents typed or not, singular or plural
    for typed in ("sejour ", "séjours ", "reglementation ", "Réglementations "):
        titles = [h.document.title for h in index.search(typed).hits]
        assert titles == [
            "Le type de visa requis pour entrer en France dépend à la fois de la "
            "durée et des motifs du séjour envisagé; sauf cas particuliers:"
        ], typed


def test_every_real_file_but_the_locked_one_is_searchable_by_its_own_words(
    imported: tuple[ImportReport, DocumentIndex],
) -> None:
    report, index = imported
    assert len(report.added) == 8
    assert sources(index, "Baz ") == ["pdflatex-outline"]


def test_a_french_pdf_a_is_imported_and_found_by_its_accented_words_typed_either_way(
    imported: tuple[ImportReport, DocumentIndex],
) -> None:
    report, index = imported
    data = (REAL / "facturx-pdfa3-facture.pdf").read_bytes()
    xmp = PdfReader(io.BytesIO(data)).trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b"<pdfaid:part>3</pdfaid:part>" in xmp  # PDF/A-3, as archived invoices are
    assert "facturx-pdfa3-facture.pdf" in report.added
    text = " ".join(extract(data).pages)
    assert "N° DE FACTURE ASSOCIÉE" in text
    assert "@dresse électronique" in text
    for typed in ("électronique ", "electronique ", "Facturation ", "facturations "):
        assert sources(index, typed) == [INVOICE], typed
    for typed in ("ASSOCIEE ", "associée ", "Représentant "):  # the French course has them too
        assert INVOICE in sources(index, typed), typed
    pages = index.find_in_document(INVOICE, "representant")
    assert [p.page_number for p in pages] == [1]


def test_a_french_pdflatex_pdf_is_found_by_words_printed_with_ligatures_and_oe(
    imported: tuple[ImportReport, DocumentIndex],
) -> None:
    _, index = imported
    pages = extract((REAL / "pdflatex-french-ligatures.pdf").read_bytes()).pages
    assert "eﬃcace" in pages[1]  # U+FB03, one glyph for « ffi »
    assert "préﬁxe" in pages[2]
    assert "nœud" in pages[0]
    hits = index.search("efficace ").hits
    assert [h.document.slug for h in hits] == [FRENCH_TEX]
    assert f"{HIGHLIGHT_START}eﬃcace{HIGHLIGHT_END}" in hits[0].snippet  # as printed
    for typed in ("prefixe ", "préfixe ", "noeud ", "nœuds ", "modifie ", "affiche "):
        assert FRENCH_TEX in sources(index, typed), typed
    assert [p.page_number for p in index.find_in_document(FRENCH_TEX, "efficace")] == [2]
    assert [p.page_number for p in index.find_in_document(FRENCH_TEX, "prefixe")] == [3]

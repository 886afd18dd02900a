"""The reader on PDFs made by other people's software (``tests/fixtures/real/documents``): a
French pdfLaTeX course and an English TeX PDF that print « ﬁ », « ﬀ », « ﬃ » as single ligature
glyphs, and a French PDF/A-3 invoice. The in-document search finds the words as a visitor types
them, with plain letters and no accents (QPdfSearchModel compares the glyphs as printed: it
finds no « efficace » where the page shows « eﬃcace »)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from kiosk.documents.importer import import_folder
from tests.ui.documents.test_documents_screen import type_keys

REAL = Path(__file__).parents[2] / "fixtures" / "real" / "documents"
LOADED = 30_000  # ms: a deadline, not a measure
FILES = (
    "crazyones-xdvipdfmx-ligatures.pdf",
    "facturx-pdfa3-facture.pdf",
    "pdflatex-french-ligatures.pdf",
)


@pytest.fixture
def real_shell(
    make_shell: Callable[..., Any],
    engine: Engine,
    session_factory: sessionmaker[Session],
    tmp_path: Path,
) -> Any:
    folder = tmp_path / "kiosque"
    folder.mkdir()
    for name in FILES:
        shutil.copy(REAL / name, folder / name)
    with session_factory.begin() as session:
        report = import_folder(session, folder, datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    assert sorted(report.added) == sorted(FILES)
    shell = make_shell(db_url=str(engine.url))
    shell.router.go("home")
    shell.router.go("documents")
    return shell


def open_in_reader(qtbot: Any, shell: Any, slug: str) -> Any:
    screen = shell.router.current
    # three real PDFs to index at start: a loaded test machine needs more than the usual wait
    qtbot.waitUntil(lambda: screen.desk.is_ready and screen.browse.latest.model().rowCount() == 3,
                    timeout=LOADED)  # fmt: skip
    model = screen.browse.latest.model()
    hits = {model.hit(n).document.slug: model.hit(n) for n in range(model.rowCount())}
    screen.open_document(hits[slug], "latest")
    qtbot.waitUntil(lambda: screen.reader.pdf.page_count > 0, timeout=LOADED)
    screen.reader.find_button.click()
    return screen


def test_find_in_a_tex_pdf_matches_ligature_glyphs_typed_as_plain_letters(qtbot, real_shell):
    screen = open_in_reader(qtbot, real_shell, "crazyones-xdvipdfmx-ligatures")
    assert screen.reader.pdf.page_count == 1
    type_keys(screen, screen.reader.keyboard, "misfits")  # printed « misﬁts » (U+FB01)
    qtbot.waitUntil(lambda: screen.reader.finder.pages.count() == 1, timeout=LOADED)
    assert screen.reader.finder.count.text() == "1 page"


def test_find_in_a_french_pdf_a_ignores_accents(qtbot, real_shell):
    screen = open_in_reader(qtbot, real_shell, "le-fournisseur-invoice-f20260023")
    assert screen.reader.pdf.page_count == 1  # QtPdf opens the PDF/A-3 with its attachment
    type_keys(screen, screen.reader.keyboard, "representant")  # printed « Représentant »
    qtbot.waitUntil(lambda: screen.reader.finder.pages.count() == 1, timeout=LOADED)
    assert screen.reader.finder.count.text() == "1 page"


def test_find_in_a_french_pdflatex_course_jumps_to_the_page_printing_the_ligature(
    qtbot, real_shell
):
    screen = open_in_reader(qtbot, real_shell, "pdflatex-french-ligatures")
    assert screen.reader.pdf.page_count == 4
    type_keys(screen, screen.reader.keyboard, "efficace")  # printed « eﬃcace » (U+FB03)
    qtbot.waitUntil(lambda: screen.reader.finder.pages.count() == 1, timeout=LOADED)
    assert screen.reader.pdf.current_page == 2
    assert screen.reader.page_label.text() == "Page 2 / 4"

"""The reader on PDFs made by other people's software (``tests/fixtures/real/documents``): a TeX
PDF that prints « ﬁ » and « ﬀ » as single ligature glyphs, and a French PDF/A-3 invoice. The
in-document search finds the words as a visitor types them, with plain letters and no accents
(QPdfSearchModel would compare the glyphs as printed and miss both)."""

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
from tests.ui.documents.conftest import wait_ready
from tests.ui.documents.test_documents_screen import type_keys

REAL = Path(__file__).parents[2] / "fixtures" / "real" / "documents"
FILES = ("crazyones-xdvipdfmx-ligatures.pdf", "facturx-pdfa3-facture.pdf")


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
    wait_ready(qtbot, screen)
    model = screen.browse.latest.model()
    hits = {model.hit(n).document.slug: model.hit(n) for n in range(model.rowCount())}
    screen.open_document(hits[slug], "latest")
    qtbot.waitUntil(lambda: screen.reader.pdf.page_count > 0, timeout=10_000)
    screen.reader.find_button.click()
    return screen


def test_find_in_a_tex_pdf_matches_ligature_glyphs_typed_as_plain_letters(qtbot, real_shell):
    screen = open_in_reader(qtbot, real_shell, "crazyones-xdvipdfmx-ligatures")
    assert screen.reader.pdf.page_count == 1
    type_keys(screen, screen.reader.keyboard, "misfits")  # printed « misﬁts » (U+FB01)
    qtbot.waitUntil(lambda: screen.reader.finder.pages.count() == 1)
    assert screen.reader.finder.count.text() == "1 page"


def test_find_in_a_french_pdf_a_ignores_accents(qtbot, real_shell):
    screen = open_in_reader(qtbot, real_shell, "le-fournisseur-invoice-f20260023")
    assert screen.reader.pdf.page_count == 1  # QtPdf opens the PDF/A-3 with its attachment
    type_keys(screen, screen.reader.keyboard, "representant")  # printed « Représentant »
    qtbot.waitUntil(lambda: screen.reader.finder.pages.count() == 1)
    assert screen.reader.finder.count.text() == "1 page"

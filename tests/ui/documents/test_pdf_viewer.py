"""The touch PDF reader on a real 60-page file: page counter, next/previous, scrolling, and the
zoom cap that bounds the page cache's memory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.documents.conftest import pdf
from ui.documents.pdf_viewer import MAX_PAGE_PIXELS, PdfViewer

PAGES = 60


@pytest.fixture(scope="module")
def sixty_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    doc = pdf("Soixante pages", [(f"Page {n}", "Du texte à lire. " * 40) for n in range(PAGES)],
              repeat=1)  # fmt: skip
    path = tmp_path_factory.mktemp("pdf") / "sixty.pdf"
    assert doc.data is not None
    path.write_bytes(doc.data)
    return path


@pytest.fixture
def viewer(qtbot, sixty_pages: Path) -> Iterator[PdfViewer]:
    widget = PdfViewer()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.open(sixty_pages)
    yield widget
    widget.close_document()


def test_pages_next_previous_and_bounds(qtbot, viewer: PdfViewer) -> None:
    seen: list[tuple[int, int]] = []
    viewer.page_changed.connect(lambda page, count: seen.append((page, count)))
    assert (viewer.current_page, viewer.page_count) == (1, PAGES)
    viewer.previous_page()  # already on the first page
    assert viewer.current_page == 1
    viewer.next_page()
    viewer.next_page()
    assert viewer.current_page == 3
    assert seen[-1] == (3, PAGES)
    viewer.go_to(PAGES + 10)
    assert viewer.current_page == PAGES
    viewer.next_page()
    assert viewer.current_page == PAGES
    viewer.previous_page()
    assert viewer.current_page == PAGES - 1


def test_the_counter_follows_a_finger_scroll(qtbot, viewer: PdfViewer) -> None:
    viewer.go_to(10)
    bar = viewer.view.verticalScrollBar()
    top_of_ten = bar.value()
    page_height = top_of_ten / 9  # pages 1-9 are above
    bar.setValue(round(top_of_ten + 5 * page_height))
    assert viewer.current_page == 15
    bar.setValue(0)
    assert viewer.current_page == 1


def test_zoom_stops_at_the_cap_that_bounds_a_rendered_page(qtbot, viewer: PdfViewer) -> None:
    fit = viewer.zoom
    assert viewer.can_zoom_in()
    assert not viewer.can_zoom_out()
    viewer.go_to(7)
    for _ in range(20):  # a visitor hammering "+"
        viewer.zoom_in()
    assert not viewer.can_zoom_in()
    assert viewer.zoom == pytest.approx(viewer.max_zoom())
    assert viewer.zoom > fit
    size = viewer.document.pagePointSize(0)  # type: ignore[union-attr]
    px_per_pt = viewer.zoom * viewer.logicalDpiX() / 72 * viewer.devicePixelRatioF()
    assert size.width() * size.height() * px_per_pt**2 <= MAX_PAGE_PIXELS * 1.001
    assert viewer.current_page == 7  # zooming keeps the page
    for _ in range(20):
        viewer.zoom_out()
    assert viewer.zoom == pytest.approx(fit)
    assert not viewer.can_zoom_out()


def test_closing_drops_the_document(qtbot, viewer: PdfViewer) -> None:
    document = viewer.document
    viewer.close_document()
    assert viewer.document is None
    assert viewer.view.document() is not document
    assert viewer.page_count == 0
    assert viewer.current_page == 0
    assert not viewer.can_zoom_in()


def test_a_broken_file_is_refused(qtbot, viewer: PdfViewer, tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nnot really")
    with qtbot.waitSignal(viewer.failed):
        assert not viewer.open(broken)
    assert viewer.document is None

"""The touch PDF reader on a real 60-page file: page counter, next/previous, scrolling, and a
zoom that goes on to 800 % and back to the page's width, keeping the page being read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6

from tests.ui.documents.conftest import pdf
from ui.documents.pdf_page_view import MAX_ZOOM
from ui.documents.pdf_viewer import PdfViewer

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


def test_zoom_goes_on_to_800_percent_and_back_to_the_width(qtbot, viewer: PdfViewer) -> None:
    fit = viewer.zoom
    assert viewer.can_zoom_in()
    assert not viewer.can_zoom_out()
    viewer.go_to(7)
    steps = 0
    while viewer.can_zoom_in():  # a visitor hammering "+"
        viewer.zoom_in()
        steps += 1
    assert steps >= 8  # the old whole-page cap stopped after two
    assert viewer.zoom == pytest.approx(MAX_ZOOM)
    assert viewer.current_page == 7  # zooming keeps the page
    for _ in range(steps + 5):
        viewer.zoom_out()
    assert viewer.zoom == pytest.approx(fit)
    assert not viewer.can_zoom_out()
    assert viewer.current_page == 7
    viewer.zoom_in()
    viewer.zoom_in()
    viewer.fit_width()  # « Ajuster »
    assert viewer.zoom == pytest.approx(fit)
    assert viewer.view.horizontalScrollBar().maximum() == 0  # nothing to the side


def test_closing_drops_the_document(qtbot, viewer: PdfViewer) -> None:
    qtbot.waitUntil(viewer.view.sharp, timeout=20_000)
    assert len(viewer.view.cache) > 0
    renderer = viewer.view.renderer
    viewer.close_document()
    assert viewer.document is None
    assert len(viewer.view.cache) == 0
    assert viewer.view.cache.bytes == 0
    assert viewer.view.renderer is None
    assert renderer is not None
    assert not shiboken6.isValid(renderer.worker)  # its thread and its copy of the file are gone
    assert viewer.page_count == 0
    assert viewer.current_page == 0
    assert not viewer.can_zoom_in()


def test_a_broken_file_is_refused(qtbot, viewer: PdfViewer, tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nnot really")
    with qtbot.waitSignal(viewer.failed):
        assert not viewer.open(broken)
    assert viewer.document is None

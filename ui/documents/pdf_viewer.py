"""A touch PDF reader on QtPdf: kinetic scrolling both ways, page counter, next/previous, and a
zoom from the page's width up to 800 % that stays sharp.

Memory: only what is on screen is rendered, in tiles, by a worker of its own (see
:mod:`ui.documents.pdf_tiles`), and the tiles live in a cache capped at :data:`CACHE_BYTES`
whatever the zoom. The document is owned by this widget (never by the QApplication, where it
would never be freed) and :meth:`close_document` drops it, its worker and its tiles, which the
idle reset relies on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtCore import QPointF, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.documents.pdf_page_view import MAX_ZOOM, PdfPageView

CACHE_BYTES: Final = 160 * 1024 * 1024  # two 4K screens of tiles, and the pages' stand-ins
ZOOM_STEP: Final = 1.25


class PdfViewer(QWidget):
    page_changed = Signal(int, int)  # current page (1-based), page count
    zoom_changed = Signal()
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None, cache_bytes: int = CACHE_BYTES) -> None:
        super().__init__(parent)
        self.setObjectName("pdfViewer")
        self.view = PdfPageView(cache_bytes, self)
        self.view.setObjectName("pdfView")
        self.document: QPdfDocument | None = None
        self._page = 0
        self.view.scrolled.connect(self._scrolled)
        self.view.zoomed.connect(self.zoom_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    # -- the document ----------------------------------------------------------------------
    def open(self, path: Path) -> bool:
        self.close_document()
        document = QPdfDocument(self)
        error = document.load(str(path))
        if error != QPdfDocument.Error.None_:
            document.deleteLater()
            self.failed.emit(error.name)
            return False
        self.document = document
        sizes = [document.pagePointSize(n).toTuple() for n in range(document.pageCount())]
        self.view.show_pages(str(path), sizes)
        self._page = 0
        self.go_to(1)
        self.page_changed.emit(1, self.page_count)
        return True

    def close_document(self) -> None:
        """Forget the document, its worker and its rendered tiles (idle reset, next document)."""
        if self.document is None:
            return
        self.view.drop_pages()
        self.document.close()
        self.document.deleteLater()
        self.document = None
        self._page = 0
        self.zoom_changed.emit()

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    @property
    def current_page(self) -> int:
        """1-based; 0 without a document."""
        return self._page + 1 if self.document is not None else 0

    # -- pages -----------------------------------------------------------------------------
    def go_to(self, page: int) -> None:
        """Show ``page`` (1-based) at the top of the view."""
        if self.document is None or self.page_count == 0:
            return
        page = max(1, min(page, self.page_count))
        self.view.verticalScrollBar().setValue(self.view.page_top(page - 1))
        self._set_page(page - 1)

    def next_page(self) -> None:
        self.go_to(self.current_page + 1)

    def previous_page(self) -> None:
        self.go_to(self.current_page - 1)

    def _scrolled(self) -> None:
        """The page a third of the way down the view is the one being read."""
        if self.document is not None and self.page_count:
            self._set_page(self.view.page_at(self.view.viewport().height() / 3))

    def _set_page(self, index: int) -> None:
        if index != self._page:
            self._page = index
            self.page_changed.emit(self.current_page, self.page_count)

    # -- zoom ------------------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        """1.0 is the page at its printed size (100 %)."""
        return self.view.zoom if self.document is not None else 1.0

    def fit_width_zoom(self) -> float:
        return self.view.fit_width_zoom()

    def can_zoom_in(self) -> bool:
        return self.document is not None and self.zoom < MAX_ZOOM - 1e-6

    def can_zoom_out(self) -> bool:
        return self.document is not None and not self.view.fitting

    def zoom_in(self, anchor: QPointF | None = None) -> None:
        if self.document is not None:
            self.view.set_zoom(self.zoom * ZOOM_STEP, anchor)

    def zoom_out(self, anchor: QPointF | None = None) -> None:
        if self.document is not None:
            self.view.set_zoom(self.zoom / ZOOM_STEP, anchor)

    def fit_width(self) -> None:
        """« Ajuster »: the page's width fills the view again."""
        if self.document is not None:
            self.view.set_zoom(None)

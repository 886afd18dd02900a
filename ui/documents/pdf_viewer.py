"""A touch PDF reader on QtPdf: kinetic scrolling, page counter, next/previous, capped zoom.

Memory: QPdfView keeps the last pages it rendered as images (20, at the current zoom and
device pixel ratio), so its memory grows with the square of the zoom. The zoom is therefore
capped so that one rendered page stays under :data:`MAX_PAGE_PIXELS` (~16 MB), which bounds
the page cache at about 320 MB whatever the visitor does; the "+" button greys out there.
The document is owned by this widget (never by the QApplication, where it would never be
freed) and :meth:`close_document` drops it and its cache, which the idle reset relies on.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Final

from PySide6.QtCore import QPointF, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QFrame, QScroller, QScrollerProperties, QVBoxLayout, QWidget

MAX_PAGE_PIXELS: Final = 4_000_000  # device pixels of one rendered page (RGBA: 16 MB)
ZOOM_STEP: Final = 1.25
POINTS_PER_INCH: Final = 72.0


class PdfViewer(QWidget):
    page_changed = Signal(int, int)  # current page (1-based), page count
    zoom_changed = Signal()
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfViewer")
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(24)
        palette = self.view.palette()
        palette.setColor(QPalette.ColorRole.Dark, QColor("#5A5A66"))  # around the pages
        self.view.setPalette(palette)
        self.document: QPdfDocument | None = None
        self._blank = QPdfDocument(self)  # shown between documents: drops the rendered pages
        self._page = 0
        self._grab_kinetic()
        self.view.verticalScrollBar().valueChanged.connect(self._scrolled)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def _grab_kinetic(self) -> None:
        viewport = self.view.viewport()
        QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        scroller = QScroller.scroller(viewport)
        props = scroller.scrollerProperties()
        props.setScrollMetric(
            QScrollerProperties.ScrollMetric.VerticalOvershootPolicy,
            QScrollerProperties.OvershootPolicy.OvershootWhenScrollable,
        )
        props.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.004)
        scroller.setScrollerProperties(props)

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
        self.view.setDocument(document)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._page = 0
        self.go_to(1)
        self.page_changed.emit(1, self.page_count)
        self.zoom_changed.emit()
        return True

    def close_document(self) -> None:
        """Forget the document and its rendered pages (idle reset, next document)."""
        if self.document is None:
            return
        self.view.setDocument(self._blank)
        self.document.close()
        self.document.deleteLater()
        self.document = None
        self._page = 0

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
        if self.document is None:
            return
        page = max(1, min(page, self.page_count))
        self.view.pageNavigator().jump(page - 1, QPointF(0, 0), self.view.zoomFactor())
        self._set_page(page - 1)

    def next_page(self) -> None:
        self.go_to(self.current_page + 1)

    def previous_page(self) -> None:
        self.go_to(self.current_page - 1)

    def _scrolled(self) -> None:
        """Which page is at the top of the view, from the page sizes and the zoom."""
        if self.document is None:
            return
        y = self.view.verticalScrollBar().value() + self.view.viewport().height() / 3
        top = float(self.view.documentMargins().top())
        scale = self._pixels_per_point()
        for n in range(self.page_count):
            height = self.document.pagePointSize(n).height() * scale
            if y < top + height + self.view.pageSpacing() / 2:
                self._set_page(n)
                return
            top += height + self.view.pageSpacing()
        self._set_page(self.page_count - 1)

    def _set_page(self, index: int) -> None:
        if index != self._page:
            self._page = index
        self.page_changed.emit(self.current_page, self.page_count)

    # -- zoom ------------------------------------------------------------------------------
    def _pixels_per_point(self) -> float:
        return self.zoom * self.logicalDpiY() / POINTS_PER_INCH

    @property
    def zoom(self) -> float:
        """The effective zoom factor (QPdfView's zoomFactor is only kept in Custom mode)."""
        if self.document is None or self.page_count == 0:
            return 1.0
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom:
            return self.view.zoomFactor()
        return self.fit_width_zoom()

    def fit_width_zoom(self) -> float:
        if self.document is None:
            return 1.0
        width_pt = max(self.document.pagePointSize(n).width() for n in range(self.page_count))
        margins = self.view.documentMargins()
        room = self.view.viewport().width() - margins.left() - margins.right()
        return max(0.1, room / (width_pt * self.logicalDpiX() / POINTS_PER_INCH))

    def max_zoom(self) -> float:
        """The zoom at which the largest page renders to MAX_PAGE_PIXELS device pixels."""
        if self.document is None or self.page_count == 0:
            return 1.0
        area_pt = max(
            self.document.pagePointSize(n).width() * self.document.pagePointSize(n).height()
            for n in range(self.page_count)
        )
        dpr = self.devicePixelRatioF()
        px_per_pt = self.logicalDpiX() / POINTS_PER_INCH * dpr
        return math.sqrt(MAX_PAGE_PIXELS / (area_pt * px_per_pt * px_per_pt))

    def can_zoom_in(self) -> bool:
        return self.document is not None and self.zoom < self.max_zoom() - 1e-6

    def can_zoom_out(self) -> bool:
        return self.document is not None and self.zoom > self.fit_width_zoom() + 1e-6

    def zoom_in(self) -> None:
        self._set_zoom(min(self.zoom * ZOOM_STEP, self.max_zoom()))

    def zoom_out(self) -> None:
        target = self.zoom / ZOOM_STEP
        if target <= self.fit_width_zoom() * 1.01:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.zoom_changed.emit()
            self.go_to(self.current_page)
            return
        self._set_zoom(target)

    def _set_zoom(self, zoom: float) -> None:
        if self.document is None:
            return
        page = self.current_page
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(zoom)
        self.zoom_changed.emit()
        self.go_to(page)

"""Pieces of PDF pages rendered off the GUI thread, and the byte-capped cache that keeps them.

QPdfView renders and caches whole pages, so its memory grows with the square of the zoom and the
reader had to stop zooming at about 4 megapixels a page. Here only the part of a page that is on
screen is rendered, in tiles of :data:`TILE` device pixels at the current scale: the memory a
zoom needs is that of the screen, whatever the zoom, and the cache evicts the least recently
drawn tiles past its byte cap.

PDFium is not thread-safe and QPdfDocument is no exception: the worker opens a QPdfDocument of
its own on the same file and is the only one to render from it (QtPdf serialises PDFium calls
across documents). One worker, one queue that the view *replaces* on every zoom or scroll: what
the visitor has scrolled past is never rendered.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Final, NamedTuple

import shiboken6
from PySide6.QtCore import QObject, QRect, QSize, Signal
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions, QPdfPageRenderer

TILE: Final = 512  # device pixels a side: 1 MB a tile
PREVIEW = -1  # the column of a whole-page image (the low-resolution stand-in)


class TileKey(NamedTuple):
    page: int
    width: int  # the page's width in device pixels: the scale the tile was rendered at
    col: int  # PREVIEW for the whole page
    row: int


class TileJob(NamedTuple):
    key: TileKey
    page_size: QSize  # the whole page at this scale, device pixels
    clip: QRect  # the part of it to render, device pixels


def tile_job(page: int, page_size: QSize, col: int, row: int) -> TileJob:
    clip = QRect(col * TILE, row * TILE, TILE, TILE).intersected(QRect(0, 0, *page_size.toTuple()))
    return TileJob(TileKey(page, page_size.width(), col, row), page_size, clip)


def preview_job(page: int, page_size: QSize) -> TileJob:
    return TileJob(TileKey(page, page_size.width(), PREVIEW, 0), page_size,
                   QRect(0, 0, page_size.width(), page_size.height()))  # fmt: skip


def region_options(job: TileJob) -> QPdfDocumentRenderOptions:
    """The options that render ``job.clip`` of the page drawn at ``job.page_size``.

    QtPdf builds its matrix from the clip's right() and bottom(), which are one pixel short of
    the edge (QRect's convention), and divides by the image's size: a clip one pixel wider and
    taller than the image gives exactly ``page_size`` / page points as the scale, so that tiles
    meet without a seam and match a whole-page render pixel for pixel."""
    clip = job.clip
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(job.page_size)
    options.setScaledClipRect(QRect(clip.x(), clip.y(), clip.width() + 1, clip.height() + 1))
    return options


def render_region(document: QPdfDocument, job: TileJob) -> QImage:
    """What the worker renders for ``job``, asked directly (the tests' reference)."""
    return document.render(job.key.page, job.clip.size(), region_options(job))


class TileCache:
    """Least recently drawn first out, past ``cap`` bytes."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.bytes = 0
        self._images: OrderedDict[TileKey, QImage] = OrderedDict()

    def __contains__(self, key: TileKey) -> bool:
        return key in self._images

    def __len__(self) -> int:
        return len(self._images)

    def get(self, key: TileKey) -> QImage | None:
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
        return image

    def put(self, key: TileKey, image: QImage) -> None:
        old = self._images.pop(key, None)
        if old is not None:
            self.bytes -= old.sizeInBytes()
        size = image.sizeInBytes()
        while self._images and self.bytes + size > self.cap:
            _, evicted = self._images.popitem(last=False)
            self.bytes -= evicted.sizeInBytes()
        if size <= self.cap:
            self._images[key] = image
            self.bytes += size

    def clear(self) -> None:
        self._images.clear()
        self.bytes = 0


class TileRenderer(QObject):
    """One document's tiles, rendered by QtPdf's own worker thread (QPdfPageRenderer in
    multi-threaded mode) from a QPdfDocument of its own that the GUI thread never reads.

    Not a Python thread: PySide keeps the GIL during ``QPdfDocument.render``, so a Python
    worker stalled the GUI thread for as long as each render (a 400 ms stall was measured).
    One request in flight at a time; :meth:`want` replaces the rest of the queue, so stale work
    is dropped, not done."""

    rendered = Signal(int, object, QImage)  # generation, TileKey, image

    def __init__(self, path: str, generation: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = generation
        # the renderer first: Qt deletes children in order, and its destructor joins the
        # render thread, which must be done before the document goes (a parent's deletion)
        self.worker = QPdfPageRenderer(self)
        self._document = QPdfDocument(self)
        self._document.load(path)
        self.worker.setRenderMode(QPdfPageRenderer.RenderMode.MultiThreaded)
        self.worker.setDocument(self._document)
        self.worker.pageRendered.connect(self._page_rendered)
        self._queue: list[TileJob] = []
        self._in_flight: dict[int, TileJob] = {}
        self._stopped = False

    def want(self, jobs: list[TileJob]) -> None:
        """Render these, in this order, and nothing else that is still waiting."""
        busy = {job.key for job in self._in_flight.values()}
        self._queue = [job for job in jobs if job.key not in busy]
        self._next()

    def pending(self) -> int:
        return len(self._queue) + len(self._in_flight)

    def stop(self) -> None:
        """Ends the worker's thread and closes its document. Waits only for the tile being
        rendered, if any (QPdfPageRenderer's destructor joins its thread): waiting for its
        result instead left retired workers alive for good in tests that closed right after
        a zoom (the result never came)."""
        if self._stopped:
            return
        self._stopped = True
        self._queue = []
        self._in_flight.clear()
        self.worker.pageRendered.disconnect(self._page_rendered)
        shiboken6.delete(self.worker)  # joins the render thread before the document goes
        self._document.close()
        self.deleteLater()

    def _next(self) -> None:
        if self._stopped or self._in_flight or not self._queue:
            return
        job = self._queue.pop(0)
        request = self.worker.requestPage(job.key.page, job.clip.size(), region_options(job))
        self._in_flight[request] = job

    def _page_rendered(
        self, _page: int, _size: QSize, image: QImage, _options: object, request: int
    ) -> None:
        job = self._in_flight.pop(request, None)
        if job is not None:
            premultiplied = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
            self.rendered.emit(self.generation, job.key, premultiplied)
        self._next()

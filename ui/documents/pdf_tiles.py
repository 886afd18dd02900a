"""Pieces of PDF pages rendered off the GUI thread, and the byte-capped cache that keeps them.

QPdfView renders and caches whole pages, so its memory grows with the square of the zoom and the
reader had to stop zooming at about 4 megapixels a page. Here only the part of a page that is on
screen is rendered, in tiles of :data:`TILE` device pixels at the current scale: the memory a
zoom needs is that of the screen, whatever the zoom, and the cache evicts the least recently
drawn tiles past its byte cap.

PDFium is not thread-safe and QPdfDocument is no exception: the worker opens a QPdfDocument of
its own on the same file and is the only one to render from it. One worker, one queue that the
view *replaces* on every zoom or scroll: what the visitor has scrolled past is never rendered.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from typing import Final, NamedTuple

from PySide6.QtCore import QObject, QRect, QSize, Signal
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions

log = logging.getLogger(__name__)

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


def render_region(document: QPdfDocument, job: TileJob) -> QImage:
    """``job.clip`` of page ``job.key.page`` drawn at ``job.page_size``, premultiplied for a
    fast blit.

    QtPdf builds its matrix from the clip's right() and bottom(), which are one pixel short of
    the edge (QRect's convention), and divides by the image's size: a clip one pixel wider and
    taller than the image gives exactly ``page_size`` / page points as the scale, so that tiles
    meet without a seam and match a whole-page render pixel for pixel."""
    clip = job.clip
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(job.page_size)
    options.setScaledClipRect(QRect(clip.x(), clip.y(), clip.width() + 1, clip.height() + 1))
    image = document.render(job.key.page, clip.size(), options)
    return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


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
    """The one worker that renders one document's tiles; :meth:`want` replaces its queue (stale
    work is dropped, not done), :meth:`stop` returns at once (the worker ends after its current
    tile). Emitted from the worker, received on the GUI thread: the signal is queued, and
    ``generation`` tells the view's current document from one it has just closed."""

    rendered = Signal(int, object, QImage)  # generation, TileKey, image

    def __init__(self, path: str, generation: int) -> None:
        super().__init__()  # no parent: the view keeps it until its thread has ended
        self.generation = generation
        self._wake = threading.Condition()
        self._jobs: list[TileJob] = []
        self._busy: TileKey | None = None
        self._stopped = False
        self._thread = threading.Thread(
            target=self._run, args=(path,), name="pdf-tiles", daemon=True
        )
        self._thread.start()

    def want(self, jobs: list[TileJob]) -> None:
        """Render these, in this order, and nothing else that is still waiting."""
        with self._wake:
            self._jobs = [job for job in reversed(jobs) if job.key != self._busy]
            self._wake.notify()

    def pending(self) -> int:
        with self._wake:
            return len(self._jobs) + (self._busy is not None)

    def stop(self) -> None:
        with self._wake:
            self._stopped = True
            self._jobs = []
            self._wake.notify()

    def finished(self) -> bool:
        return not self._thread.is_alive()

    def join(self, timeout: float) -> bool:
        """For tests and shutdown only: the GUI never waits on the worker."""
        self._thread.join(timeout)
        return self.finished()

    def _run(self, path: str) -> None:
        document = QPdfDocument()  # this thread's own: never shared with the GUI thread
        try:
            if document.load(path) != QPdfDocument.Error.None_:
                log.warning("the tile renderer could not open %s", path)
                return
            while True:
                with self._wake:
                    while not self._stopped and not self._jobs:
                        self._wake.wait()
                    if self._stopped:
                        return
                    job = self._jobs.pop()  # the list is reversed: this is the first wanted
                    self._busy = job.key
                image = render_region(document, job)
                with self._wake:
                    self._busy = None
                    if self._stopped:
                        return
                self.rendered.emit(self.generation, job.key, image)
        except Exception:  # a thread boundary: logged, never swallowed
            log.exception("rendering a PDF tile failed")
        finally:
            document.close()
            del document

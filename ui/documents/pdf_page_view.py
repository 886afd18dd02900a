"""The pages of a PDF one under the other, at any zoom, from tiles rendered off the GUI thread.

Each page on screen is first drawn from a whole-page image at about the fit-to-width scale (the
« low-resolution » stand-in, blurry when zoomed in), then from the tiles of the current scale as
the worker delivers them, the tiles nearest the middle of the screen first. Positions are worked
out in device pixels so that a tile lands on the screen's pixel grid, one to one.

A finger drags the pages (QScroller: kinetic, both ways); two fingers pinch to zoom around the
point between them; a mouse wheel with Ctrl zooms too.
"""

from __future__ import annotations

import math
from typing import Final

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QResizeEvent, QTouchEvent
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QScroller, QScrollerProperties, QWidget

from ui.documents.pdf_tiles import (
    PREVIEW,
    TILE,
    TileCache,
    TileJob,
    TileKey,
    TileRenderer,
    preview_job,
    tile_job,
)

MARGIN: Final = 6  # logical pixels around the pages
SPACING: Final = 24  # between two pages
MAX_ZOOM: Final = 8.0  # 800 %: small print in a scanned leaflet, whatever the panel
PREVIEW_PIXELS: Final = 1_000_000  # the most device pixels of a page's stand-in image
SURROUND: Final = QColor("#5A5A66")
PAPER: Final = QColor("white")
POINTS_PER_INCH: Final = 72.0


class PdfPageView(QAbstractScrollArea):
    scrolled = Signal()  # the visible part moved (scroll, zoom or resize)
    zoomed = Signal()
    painted = Signal()  # a tile arrived and was drawn

    def __init__(self, cache_bytes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.cache = TileCache(cache_bytes)
        self.renderer: TileRenderer | None = None
        self._generation = 0
        self._sizes: list[tuple[float, float]] = []  # page sizes in points
        self._zoom = 1.0
        self.fitting = True  # the zoom follows the width of the view
        self._tops: list[int] = []  # device pixels, content coordinates
        self._widths: list[int] = []
        self._heights: list[int] = []
        self._content = QSize(0, 0)  # device pixels
        self._pinch: tuple[float, float] | None = None  # (distance, zoom) when two fingers landed
        viewport = self.viewport()
        viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        viewport.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        scroller = QScroller.scroller(viewport)
        props = scroller.scrollerProperties()
        for metric in (QScrollerProperties.ScrollMetric.VerticalOvershootPolicy,
                       QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy):  # fmt: skip
            props.setScrollMetric(
                metric, QScrollerProperties.OvershootPolicy.OvershootWhenScrollable
            )
        props.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.004)
        props.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0)
        scroller.setScrollerProperties(props)

    # -- the document ----------------------------------------------------------------------
    def show_pages(self, path: str, sizes: list[tuple[float, float]]) -> None:
        """Start on a new file whose pages measure ``sizes`` points, fitted to the width."""
        self.drop_pages()
        self._generation += 1
        self._sizes = sizes
        self.renderer = TileRenderer(path, self._generation, self)
        self.renderer.rendered.connect(self._tile_rendered)
        self.fitting = True
        self._relayout(anchor=None)

    def drop_pages(self) -> None:
        """Forget the pages and every image of them (idle reset, next document)."""
        if self.renderer is not None:
            self.renderer.rendered.disconnect(self._tile_rendered)
            self.renderer.stop()
            self.renderer = None
        self.cache.clear()
        self._sizes = []
        self._relayout(anchor=None)

    # -- geometry --------------------------------------------------------------------------
    @property
    def dpr(self) -> float:
        return self.devicePixelRatioF()

    def pixels_per_point(self) -> float:
        """Logical pixels per PDF point at zoom 1 (100 %: the page at its printed size)."""
        return self.logicalDpiX() / POINTS_PER_INCH

    @property
    def zoom(self) -> float:
        return self._zoom

    def fit_width_zoom(self) -> float:
        if not self._sizes:
            return 1.0
        room = self.viewport().width() - 2 * MARGIN
        widest = max(width for width, _ in self._sizes)
        return max(0.05, room / (widest * self.pixels_per_point()))

    def page_rect(self, index: int) -> QRectF:
        """Where page ``index`` is, in viewport (logical) coordinates."""
        x = (max(self._content.width(), self._viewport_device().width()) - self._widths[index]) // 2
        offset = self._offset()
        return QRectF((x - offset.x()) / self.dpr, (self._tops[index] - offset.y()) / self.dpr,
                      self._widths[index] / self.dpr, self._heights[index] / self.dpr)  # fmt: skip

    def page_size(self, index: int) -> QSize:
        """Page ``index`` at the current scale, in device pixels."""
        return QSize(self._widths[index], self._heights[index])

    def preview_key(self, index: int) -> TileKey:
        return preview_job(index, self._preview_size(index)).key

    def page_top(self, index: int) -> int:
        """The vertical scroll value that puts page ``index`` at the top of the view."""
        return round((self._tops[index] - MARGIN * self.dpr) / self.dpr)

    def page_at(self, y: float) -> int:
        """The page under viewport ``y`` (logical), or the nearest one."""
        device_y = self._offset().y() + y * self.dpr
        for n, top in enumerate(self._tops):
            if device_y < top + self._heights[n] + SPACING * self.dpr / 2:
                return n
        return max(0, len(self._tops) - 1)

    def _viewport_device(self) -> QSize:
        return QSize(math.ceil(self.viewport().width() * self.dpr),
                     math.ceil(self.viewport().height() * self.dpr))  # fmt: skip

    def _offset(self) -> QPointF:
        """The scroll position in device pixels."""
        return QPointF(self.horizontalScrollBar().value() * self.dpr,
                       self.verticalScrollBar().value() * self.dpr)  # fmt: skip

    # -- zoom ------------------------------------------------------------------------------
    def set_zoom(self, zoom: float | None, anchor: QPointF | None = None) -> None:
        """``None`` fits the width, as does anything at or below it; at most MAX_ZOOM. The page
        point under ``anchor`` (viewport coordinates; the middle by default) stays under it."""
        if zoom is not None:
            zoom = min(zoom, MAX_ZOOM)
        self.fitting = zoom is None or zoom <= self.fit_width_zoom() * 1.01
        if anchor is None:
            anchor = QPointF(self.viewport().width() / 2, self.viewport().height() / 2)
        self._relayout(anchor=anchor, zoom=zoom)

    def _relayout(self, anchor: QPointF | None, zoom: float | None = None) -> None:
        held = self._page_point(anchor) if anchor is not None and self._tops else None
        self._zoom = self.fit_width_zoom() if self.fitting or zoom is None else zoom
        dpr = self.dpr
        scale = self._zoom * self.pixels_per_point() * dpr  # device pixels per point
        self._widths = [max(1, round(w * scale)) for w, _ in self._sizes]
        self._heights = [max(1, round(h * scale)) for _, h in self._sizes]
        margin, spacing = round(MARGIN * dpr), round(SPACING * dpr)
        self._tops = []
        y = margin
        for height in self._heights:
            self._tops.append(y)
            y += height + spacing
        height = y - spacing + margin if self._heights else 0
        self._content = QSize(max(self._widths, default=0) + 2 * margin, height)
        self._update_ranges()
        if held is not None and anchor is not None:
            page, fx, fy = held
            rect = self.page_rect(page)
            self.horizontalScrollBar().setValue(
                round(
                    self.horizontalScrollBar().value() + rect.x() + fx * rect.width() - anchor.x()
                )
            )
            self.verticalScrollBar().setValue(
                round(self.verticalScrollBar().value() + rect.y() + fy * rect.height() - anchor.y())
            )
        self.zoomed.emit()
        self._changed()

    def _page_point(self, anchor: QPointF) -> tuple[int, float, float]:
        page = self.page_at(anchor.y())
        rect = self.page_rect(page)
        return (page, (anchor.x() - rect.x()) / rect.width(),
                (anchor.y() - rect.y()) / rect.height())  # fmt: skip

    def _update_ranges(self) -> None:
        view = self.viewport().size()
        width = math.ceil(self._content.width() / self.dpr)
        height = math.ceil(self._content.height() / self.dpr)
        self.horizontalScrollBar().setRange(0, max(0, width - view.width()))
        self.verticalScrollBar().setRange(0, max(0, height - view.height()))
        for bar, step in ((self.horizontalScrollBar(), view.width()),
                          (self.verticalScrollBar(), view.height())):  # fmt: skip
            bar.setPageStep(step)
            bar.setSingleStep(48)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitting:
            self._relayout(anchor=None)
        else:
            self._update_ranges()
            self._changed()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self._changed()

    def _changed(self) -> None:
        self.viewport().update()
        self._schedule()
        self.scrolled.emit()

    # -- tiles -----------------------------------------------------------------------------
    def _preview_size(self, page: int) -> QSize:
        """The stand-in's size: the page fitted to the width, within PREVIEW_PIXELS."""
        width_pt, height_pt = self._sizes[page]
        scale = self.fit_width_zoom() * self.pixels_per_point() * self.dpr
        scale = min(scale, math.sqrt(PREVIEW_PIXELS / (width_pt * height_pt)))
        return QSize(max(1, round(width_pt * scale)), max(1, round(height_pt * scale)))

    def _visible(self) -> list[tuple[int, QRect]]:
        """The pages on screen and the part of each that shows, in the page's device pixels."""
        offset = self._offset()
        screen = QRect(round(offset.x()), round(offset.y()), *self._viewport_device().toTuple())
        x_room = max(self._content.width(), self._viewport_device().width())
        shown = []
        for n, top in enumerate(self._tops):
            if top > screen.bottom():
                break
            page = QRect((x_room - self._widths[n]) // 2, top, self._widths[n], self._heights[n])
            part = page.intersected(screen)
            if not part.isEmpty():
                shown.append((n, part.translated(-page.x(), -page.y())))
        return shown

    def _tiles_of(self, page: int, part: QRect) -> list[TileJob]:
        size = QSize(self._widths[page], self._heights[page])
        return [tile_job(page, size, col, row)
                for row in range(part.top() // TILE, part.bottom() // TILE + 1)
                for col in range(part.left() // TILE, part.right() // TILE + 1)]  # fmt: skip

    def _schedule(self) -> None:
        """Ask the worker for what is on screen and not cached: stand-ins first, then the tiles
        from the middle of the screen outwards. Whatever it was still doing is forgotten."""
        if self.renderer is None:
            return
        previews: list[TileJob] = []
        tiles: list[tuple[float, TileJob]] = []
        middle = QPointF(self._viewport_device().width() / 2, self._viewport_device().height() / 2)
        for page, part in self._visible():
            preview = preview_job(page, self._preview_size(page))
            if preview.key not in self.cache:
                previews.append(preview)
            if preview.key.width == self._widths[page]:
                continue  # the stand-in is already at the scale shown
            origin = self.page_rect(page).topLeft() * self.dpr
            for job in self._tiles_of(page, part):
                if job.key not in self.cache:
                    centre = QPointF(job.clip.center()) + origin - middle
                    tiles.append((centre.manhattanLength(), job))
        tiles.sort(key=lambda item: item[0])
        self.renderer.want(previews + [job for _, job in tiles])

    def _tile_rendered(self, generation: int, key: object, image: QImage) -> None:
        if generation != self._generation or not isinstance(key, TileKey):
            return  # a document closed since
        self.cache.put(key, image)
        if key.page < len(self._widths):
            rect = self.page_rect(key.page)
            if key.col != PREVIEW and key.width == self._widths[key.page]:
                clip = tile_job(key.page, self.page_size(key.page), key.col, key.row).clip
                rect = target_of(rect, clip, self.dpr)
            elif key.col != PREVIEW:
                return  # a scale no longer shown
            self.viewport().update(rect.toAlignedRect().intersected(self.viewport().rect()))
        self.painted.emit()

    def sharp(self) -> bool:
        """Every part of the screen is drawn at the current scale (what the tests wait for)."""
        for page, part in self._visible():
            preview = preview_job(page, self._preview_size(page)).key
            if preview.width == self._widths[page]:
                if preview not in self.cache:
                    return False
            elif any(job.key not in self.cache for job in self._tiles_of(page, part)):
                return False
        return True

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        """Only what is exposed: a tile that arrives repaints its own square, not the screen
        (a whole-screen repaint per tile cost 30 ms of GUI thread each at 1920x1080)."""
        exposed = QRectF(event.rect())
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), SURROUND)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        dpr = self.dpr
        for page, part in self._visible():
            rect = self.page_rect(page)
            shown = rect.intersected(exposed)
            if shown.isEmpty():
                continue
            preview_key = self.preview_key(page)
            tiles: list[tuple[QRectF, QImage | None]] = []
            if preview_key.width != self._widths[page]:
                for job in self._tiles_of(page, part):
                    target = target_of(rect, job.clip, dpr)
                    if target.intersects(exposed):
                        tiles.append((target, self.cache.get(job.key)))
            if not tiles or any(image is None for _, image in tiles):
                painter.fillRect(shown, PAPER)  # the stand-in, blurry, until the tiles come
                preview = self.cache.get(preview_key)
                if preview is not None:
                    sx, sy = preview.width() / rect.width(), preview.height() / rect.height()
                    source = QRectF((shown.x() - rect.x()) * sx, (shown.y() - rect.y()) * sy,
                                    shown.width() * sx, shown.height() * sy)  # fmt: skip
                    painter.drawImage(shown, preview, source)
            for target, image in tiles:
                if image is not None:
                    painter.fillRect(target, PAPER)
                    painter.drawImage(target, image)
        painter.end()

    # -- touch -----------------------------------------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:
        kinds = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                 QEvent.Type.TouchCancel)  # fmt: skip
        if event.type() in kinds and isinstance(event, QTouchEvent):
            self._touch(event)
            return True
        if event.type() == QEvent.Type.Wheel and self._sizes:
            wheel = event  # Ctrl + wheel zooms, as in every reader
            if wheel.modifiers() & Qt.KeyboardModifier.ControlModifier:  # type: ignore[attr-defined]
                step = 1.25 if wheel.angleDelta().y() > 0 else 1 / 1.25  # type: ignore[attr-defined]
                self.set_zoom(self._zoom * step, wheel.position())  # type: ignore[attr-defined]
                return True
        return super().viewportEvent(event)

    def _touch(self, event: QTouchEvent) -> None:
        """One finger drags (fed to the kinetic scroller); two pinch around their middle."""
        event.accept()
        points = [p for p in event.points() if p.state() != p.State.Released]
        scroller = QScroller.scroller(self.viewport())
        if len(points) >= 2 and self._sizes:
            a, b = points[0].position(), points[1].position()
            distance = max(1.0, math.hypot(a.x() - b.x(), a.y() - b.y()))
            if self._pinch is None:
                scroller.stop()
                self._pinch = (distance, self._zoom)
                return
            start, zoom = self._pinch
            self.set_zoom(zoom * distance / start, (a + b) / 2)
            return
        if self._pinch is not None:
            if not points:
                self._pinch = None
            return  # the last finger of a pinch lifts: no fling
        if not event.points():
            return
        position = event.points()[0].position()
        kind = {QEvent.Type.TouchBegin: QScroller.Input.InputPress,
                QEvent.Type.TouchUpdate: QScroller.Input.InputMove}.get(
                    event.type(), QScroller.Input.InputRelease)  # fmt: skip
        scroller.handleInput(kind, position, event.timestamp())


def target_of(page: QRectF, clip: QRect, dpr: float) -> QRectF:
    """Where a tile of ``clip`` (the page's device pixels) goes on the screen (logical)."""
    return QRectF(page.x() + clip.x() / dpr, page.y() + clip.y() / dpr,
                  clip.width() / dpr, clip.height() / dpr)  # fmt: skip

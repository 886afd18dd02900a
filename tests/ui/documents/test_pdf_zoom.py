"""The reader's zoom on real PDFs: eight taps on « + » reach 400 % and more on the reader of a
3840x2160 panel at 200 % (1920x1080 logical), what shows is as sharp as QtPdf renders that
region directly (not the page's stand-in stretched), the bottom-right corner shows after a pan,
no tile is rendered on the GUI thread, the tile cache stays under its byte cap, one finger drags
the page both ways and two fingers pinch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions, QPdfPageRenderer
from PySide6.QtTest import QTest

from ui.documents import pdf_tiles
from ui.documents.pdf_tiles import TileJob, TileKey, render_region
from ui.documents.pdf_viewer import PdfViewer

ROOT = Path(__file__).parents[3]
REAL = ROOT / "tests" / "fixtures" / "real" / "documents"
INVOICE = REAL / "facturx-pdfa3-facture.pdf"  # one page, print in the middle and the corners
COURSE = REAL / "pdflatex-french-ligatures.pdf"  # four pages of small TeX print
READER_4K = QSize(1280, 760)  # the reader's page area on 3840x2160 at 200 % (logical pixels)
SHARP = 30_000  # ms: a deadline on a loaded machine, not a measure
REGION = 256  # device pixels a side
SAME = 2.0  # mean difference per channel (0-255) still counted as the same pixels


def on_white(image: QImage) -> QImage:
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper


def difference(a: QImage, b: QImage) -> float:
    """Mean absolute difference per colour channel of two same-size images."""
    a, b = on_white(a), on_white(b)
    assert a.size() == b.size()
    total = 0
    rows = range(0, a.height(), 1 if a.height() <= REGION else 3)  # big regions: a row in 3
    for y in rows:
        row_a, row_b = bytes(a.constScanLine(y)), bytes(b.constScanLine(y))
        total += sum(abs(p - q) for n, (p, q) in enumerate(zip(row_a, row_b, strict=True))
                     if n % 4 != 3)  # fmt: skip
    return total / (a.width() * len(rows) * 3)


def ink(image: QImage) -> float:
    """The share of dark pixels: a region of blank paper would prove nothing."""
    image = on_white(image)
    dark = sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
               if image.pixelColor(x, y).lightness() < 128)  # fmt: skip
    return dark / ((image.height() // 2) * (image.width() // 2))


def direct_render(path: Path, page: int, page_size: QSize, region: QRect) -> QImage:
    """What QtPdf draws of ``region`` of the page at ``page_size``, asked directly."""
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(page_size)
    # QtPdf's matrix counts the clip's width from right() (one short): see render_region
    options.setScaledClipRect(QRect(region.x(), region.y(), region.width() + 1,
                                    region.height() + 1))  # fmt: skip
    image = document.render(page, region.size(), options)
    document.close()
    return image


def shown(viewer: PdfViewer, region: QRect) -> QImage:
    """``region`` of the screen (device pixels of the view), as plain pixels."""
    image = viewer.view.viewport().grab().toImage().copy(region)
    image.setDevicePixelRatio(1.0)  # else drawn at half its size on white, at 200 %
    return image


def in_page(viewer: PdfViewer, page: int, region: QRect) -> QRect:
    """A region of the view, in the page's device pixels."""
    rect = viewer.view.page_rect(page)
    ratio = viewer.view.dpr
    return region.translated(-round(rect.x() * ratio), -round(rect.y() * ratio))


def stretched_stand_in(viewer: PdfViewer, page: int, region: QRect) -> QImage:
    """What the screen would show if it only stretched the page's low-resolution image."""
    preview = viewer.view.cache.get(viewer.view.preview_key(page))
    assert preview is not None
    factor = preview.width() / viewer.view.page_size(page).width()
    out = QImage(region.size(), QImage.Format.Format_RGB32)
    out.fill(Qt.GlobalColor.white)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    source = QRectF(region.x() * factor, region.y() * factor, region.width() * factor,
                    region.height() * factor)  # fmt: skip
    painter.drawImage(QRectF(0, 0, region.width(), region.height()), preview, source)
    painter.end()
    return out


@pytest.fixture
def make_viewer(qtbot) -> Iterator[Callable[..., PdfViewer]]:
    made: list[PdfViewer] = []

    def make(path: Path, size: QSize = READER_4K, **kwargs: int) -> PdfViewer:
        viewer = PdfViewer(**kwargs)
        qtbot.addWidget(viewer)
        viewer.resize(size)
        viewer.show()
        qtbot.waitExposed(viewer)
        assert viewer.open(path)
        made.append(viewer)
        return viewer

    yield make
    for viewer in made:
        renderer = viewer.view.renderer
        viewer.close_document()
        assert renderer is None or not shiboken6.isValid(renderer.worker)  # its thread is gone


def test_a_tile_is_the_whole_page_render_cropped(qapp) -> None:
    """The scale of a clipped render is exact: tiles meet without a seam or a shift."""
    document = QPdfDocument()
    assert document.load(str(INVOICE)) == QPdfDocument.Error.None_
    page_size = QSize(1786, 2526)  # 300 % of an A4 page
    whole = document.render(0, page_size)
    for col, row in ((0, 0), (1, 2), (3, 4)):  # a corner, the middle, the last (cut) tile
        job = pdf_tiles.tile_job(0, page_size, col, row)
        tile = render_region(document, job)
        assert tile.size() == job.clip.size()
        assert difference(tile, whole.copy(job.clip)) < 0.5
    shifted = whole.copy(pdf_tiles.tile_job(0, page_size, 1, 2).clip.translated(1, 1))
    middle = render_region(document, pdf_tiles.tile_job(0, page_size, 1, 2))
    assert difference(middle, shifted) > 1.0  # one pixel off would show
    document.close()


def the_middle(viewer: PdfViewer) -> dict[str, float]:
    """The middle of the screen against QtPdf's direct render of it at the same scale, and
    against the page's stand-in stretched to that scale."""
    ratio = viewer.view.dpr
    width, height = viewer.view.viewport().width() * ratio, viewer.view.viewport().height() * ratio
    middle = QRect(round(width / 2) - REGION // 2, round(height / 2) - REGION // 2, REGION, REGION)
    page = viewer.view.page_at(viewer.view.viewport().height() / 2)
    region = in_page(viewer, page, middle)
    expected = direct_render(COURSE, page, viewer.view.page_size(page), region)
    return {
        "ratio": ratio,
        "zoom": viewer.zoom,
        "ink": ink(expected),
        "shown": difference(shown(viewer, middle), expected),
        "stand_in": difference(stretched_stand_in(viewer, page, region), expected),
    }


def assert_sharp_at_400(figures: dict[str, float]) -> None:
    assert figures["zoom"] >= 4.0
    assert figures["ink"] > 0.02  # print in the middle of the screen
    assert figures["shown"] < SAME
    assert figures["stand_in"] > 3 * SAME  # the comparison tells the two apart


def test_eight_taps_reach_400_percent_and_the_middle_is_sharp(qtbot, make_viewer) -> None:
    viewer = make_viewer(COURSE)
    viewer.go_to(2)
    for _ in range(8):
        viewer.zoom_in()
    qtbot.waitUntil(viewer.view.sharp, timeout=SHARP)
    assert_sharp_at_400(the_middle(viewer))


@pytest.mark.slow  # a Qt process of its own
def test_the_same_at_a_device_pixel_ratio_of_2(tmp_path: Path) -> None:
    """4K at 200 % for real: QT_SCALE_FACTOR=2 in a process of its own (this one's ratio is
    fixed at 1), tiles in device pixels, drawn one to one on a 1920x1080 logical panel."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2",
           "PYTHONPATH": str(ROOT)}  # fmt: skip
    run = subprocess.run([sys.executable, "-m", "tests.ui.documents.pdf_zoom_probe"], env=env,
                         cwd=ROOT, capture_output=True, text=True, timeout=240)  # fmt: skip
    assert run.returncode == 0, run.stderr
    figures = json.loads(run.stdout.strip().splitlines()[-1])
    assert figures["ratio"] == 2
    assert_sharp_at_400(figures)


def test_panning_to_the_bottom_right_corner_shows_that_corner(qtbot, make_viewer) -> None:
    viewer = make_viewer(INVOICE)
    for _ in range(4):
        viewer.zoom_in()
    view = viewer.view
    qtbot.waitUntil(view.sharp, timeout=SHARP)  # the scroll bars have come and settled
    for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
        assert bar.maximum() > 0
        bar.setValue(bar.maximum())
    qtbot.waitUntil(view.sharp, timeout=SHARP)
    rect = view.page_rect(0)
    ratio = view.dpr
    # all of the page that shows: its bottom-right corner is blank paper for a few centimetres
    corner = QRect(0, 0, round(rect.right() * ratio), round(rect.bottom() * ratio))
    region = in_page(viewer, 0, corner)
    size = view.page_size(0)
    assert (region.right() + 1, region.bottom() + 1) == (size.width(), size.height())
    expected = direct_render(INVOICE, 0, size, region)
    assert ink(expected) > 0.01
    assert difference(shown(viewer, corner), expected) < SAME


def test_no_tile_is_rendered_on_the_gui_thread(qtbot, make_viewer) -> None:
    """While QtPdf's worker renders a large tile, the GUI thread's event loop keeps turning: a
    render on the GUI thread (or a Python worker holding the GIL through it) would freeze it."""
    viewer = make_viewer(INVOICE)
    qtbot.waitUntil(viewer.view.sharp, timeout=SHARP)
    renderer = viewer.view.renderer
    assert renderer is not None
    assert renderer.worker.renderMode() == QPdfPageRenderer.RenderMode.MultiThreaded
    turns = [0]
    ticker = QTimer()
    ticker.timeout.connect(lambda: turns.__setitem__(0, turns[0] + 1))
    ticker.start(0)
    arrived: list[TileKey] = []
    renderer.rendered.connect(lambda _g, key, _image: arrived.append(key))
    big = QSize(12_000, 16_970)  # a page 20 times the width of the screen's
    renderer.want([TileJob(TileKey(0, big.width(), 9, 9), big, QRect(4000, 6000, 2048, 2048))])
    qtbot.waitUntil(lambda: bool(arrived), timeout=SHARP)
    ticker.stop()
    assert turns[0] >= 5  # the loop turned while the tile was drawn elsewhere


def test_the_tile_cache_stays_under_its_cap_while_panning_at_800_percent(
    qtbot, make_viewer
) -> None:
    cap = 24 * 1024 * 1024  # a screen of tiles and two pages' stand-ins, with room to spare
    viewer = make_viewer(COURSE, cache_bytes=cap)
    view = viewer.view
    peaks: list[int] = []
    rendered: list[int] = []
    view.painted.connect(lambda: peaks.append(view.cache.bytes))
    view.renderer.rendered.connect(lambda _g, _k, image: rendered.append(image.sizeInBytes()))
    while viewer.can_zoom_in():
        viewer.zoom_in()
    horizontal, vertical = view.horizontalScrollBar(), view.verticalScrollBar()
    for x, y in ((0, 0), (1, 0), (1, 0.3), (0, 0.3), (0.5, 0.5), (0, 0.7), (1, 1), (0, 1)):
        horizontal.setValue(round(horizontal.maximum() * x))
        vertical.setValue(round(vertical.maximum() * y))
        qtbot.waitUntil(view.sharp, timeout=SHARP)
    assert sum(rendered) > 2 * cap  # far more was drawn than is kept
    assert max(peaks) <= cap
    assert view.cache.bytes <= cap


def test_a_new_zoom_drops_the_tiles_still_waiting(qtbot, make_viewer) -> None:
    viewer = make_viewer(COURSE)
    seen: list[TileKey] = []
    viewer.view.renderer.rendered.connect(lambda _g, key, _image: seen.append(key))
    viewer.zoom_in()
    while viewer.can_zoom_in():  # faster than the worker: the steps between are dropped
        viewer.zoom_in()
    qtbot.waitUntil(viewer.view.sharp, timeout=SHARP)
    last = viewer.view.page_size(0).width()
    widths = {key.width for key in seen if key.col != pdf_tiles.PREVIEW}
    assert last in widths
    assert len(widths) <= 3  # at most the first step, one in flight, the last


def test_two_fingers_pinch_to_zoom(qtbot, make_viewer) -> None:
    viewer = make_viewer(COURSE)
    viewport = viewer.view.viewport()
    device = QTest.createTouchDevice()
    middle = QPoint(viewport.width() // 2, viewport.height() // 2)
    fit = viewer.zoom
    QTest.touchEvent(viewport, device).press(0, middle - QPoint(50, 0)).press(
        1, middle + QPoint(50, 0)).commit()  # fmt: skip
    QTest.touchEvent(viewport, device).move(0, middle - QPoint(150, 0)).move(
        1, middle + QPoint(150, 0)).commit()  # fmt: skip
    QTest.touchEvent(viewport, device).release(0, middle - QPoint(150, 0)).release(
        1, middle + QPoint(150, 0)).commit()  # fmt: skip
    assert viewer.zoom == pytest.approx(fit * 3, rel=0.02)
    assert viewer.can_zoom_out()
    point = QPointF(middle)
    assert viewer.view.page_rect(0).contains(point)  # the pinch's middle stayed on the page


def test_one_finger_drags_the_zoomed_page_both_ways(qtbot, make_viewer) -> None:
    viewer = make_viewer(COURSE)
    for _ in range(4):
        viewer.zoom_in()
    view = viewer.view
    horizontal, vertical = view.horizontalScrollBar(), view.verticalScrollBar()
    horizontal.setValue(horizontal.maximum() // 2)
    vertical.setValue(vertical.maximum() // 4)
    start = (horizontal.value(), vertical.value())
    viewport = view.viewport()
    device = QTest.createTouchDevice()
    finger = QPoint(viewport.width() // 2, viewport.height() // 2)
    QTest.touchEvent(viewport, device).press(0, finger).commit()
    for step in range(1, 11):  # up and to the left, as a reader drags to see what is right
        QTest.touchEvent(viewport, device).move(0, finger - QPoint(20 * step, 15 * step)).commit()
    QTest.touchEvent(viewport, device).release(0, finger - QPoint(200, 150)).commit()
    qtbot.waitUntil(lambda: horizontal.value() > start[0] + 100)
    qtbot.waitUntil(lambda: vertical.value() > start[1] + 75)

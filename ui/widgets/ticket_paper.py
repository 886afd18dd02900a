"""The simulated printer's paper: a ticket drawn from the ESC/POS bytes it was sent.

:func:`paint_ticket` draws a :class:`hardware.escpos_preview.TicketPreview` (text lines with
their alignment, weight and magnification, raster images, QR codes, cuts) on an 80 mm roll,
576 dots wide like the printer's, on any thread (only a QImage). Kept apart from the panel
that shows it (:mod:`ui.widgets.ticket_view`), which the window builds before the first paint:
Pillow and the ESC/POS preview load with the first ticket, not at start-up.
"""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QImage, QPainter, QPen

from hardware.escpos_preview import Cut, Line, TicketPreview

PAPER_DOTS = 576  # 80 mm at 203 dpi
MARGIN = 18
LINE_GAP = 6


def pil_to_qimage(image: Image.Image) -> QImage:
    grey = image.convert("L")
    data = grey.tobytes()
    return QImage(data, grey.width, grey.height, grey.width, QImage.Format.Format_Grayscale8).copy()


def _mono_font(columns: int) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPixelSize(24)
    advance = QFontMetricsF(font).horizontalAdvance("M")
    # font A: ``columns`` characters across the printable width
    font.setPixelSize(max(8, int(24 * (PAPER_DOTS - 2 * MARGIN) / (advance * columns))))
    return font


def paint_ticket(preview: TicketPreview) -> QImage:
    """The ticket as a white strip of paper, 576 px wide (on any thread: only a QImage)."""
    font = _mono_font(preview.columns)
    bold = QFont(font)
    bold.setBold(True)
    metrics = QFontMetricsF(font)
    line_h = metrics.height() + LINE_GAP
    images = {id(item): pil_to_qimage(item) for item in preview.images}
    height = 2.0 * MARGIN
    for item in preview.items:
        if isinstance(item, Line):
            height += line_h * item.height
        elif isinstance(item, Cut):
            height += 40
        else:
            height += images[id(item)].height() + 2 * LINE_GAP
    paper = QImage(PAPER_DOTS, int(height), QImage.Format.Format_RGB32)
    paper.fill(QColor("#FFFFFF"))
    painter = QPainter(paper)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setPen(QColor("#111111"))
    width = PAPER_DOTS - 2 * MARGIN
    y = float(MARGIN)
    for item in preview.items:
        if isinstance(item, Line):
            painter.setFont(bold if item.bold else font)
            text_w = QFontMetricsF(painter.font()).horizontalAdvance(item.text) * item.width
            x = MARGIN if item.align == "left" else MARGIN + (width - text_w) / 2
            if item.align == "right":
                x = MARGIN + width - text_w
            painter.save()
            painter.translate(x, y)
            painter.scale(item.width, item.height)
            painter.drawText(QRectF(0, 0, text_w / item.width, line_h), item.text)
            painter.restore()
            y += line_h * item.height
        elif isinstance(item, Cut):
            pen = QPen(QColor("#9A9A9A"), 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(0, int(y + 20), PAPER_DOTS, int(y + 20))
            painter.setPen(QColor("#111111"))
            y += 40
        else:
            image = images[id(item)]
            painter.drawImage(int((PAPER_DOTS - image.width()) / 2), int(y + LINE_GAP), image)
            y += image.height() + 2 * LINE_GAP
    painter.end()
    return paper

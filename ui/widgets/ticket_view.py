"""The simulated printer's paper: a ticket drawn from the ESC/POS bytes it was sent.

:func:`paint_ticket` draws a :class:`hardware.escpos_preview.TicketPreview` (text lines with
their alignment, weight and magnification, raster images, QR codes, cuts) on an 80 mm roll,
576 dots wide like the printer's. :class:`TicketPanel` shows the last one at the side of the
screen in demo mode, with a button to put it away.
"""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QEvent, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPainter,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from hardware.escpos_preview import Cut, Line, TicketPreview
from ui.theme import ThemeController
from ui.widgets.buttons import TouchButton

PAPER_DOTS = 576  # 80 mm at 203 dpi
MARGIN = 18
LINE_GAP = 6
PANEL_SHOWN_MS = 30_000


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
    height = 2 * MARGIN
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


class TicketPanel(QFrame):
    """The last ticket the simulated printer "printed", on the right of the screen."""

    closed = Signal()

    def __init__(self, theme: ThemeController, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("ticketCard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.preview: TicketPreview | None = None
        self.caption = QLabel(objectName="ticketCaption", alignment=Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        self.paper = QLabel(objectName="ticketPaper", alignment=Qt.AlignmentFlag.AlignCenter)
        self.close_button = TouchButton(theme, "x", role="secondary")
        self.close_button.setObjectName("ticketClose")
        self.close_button.clicked.connect(self.dismiss)
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 24, 28, 24)
        column.setSpacing(16)
        column.addWidget(self.caption)
        column.addWidget(self.paper, 1, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.close_button)
        self._timer = QTimer(self, singleShot=True, interval=PANEL_SHOWN_MS)
        self._timer.timeout.connect(self.dismiss)
        self.hide()
        self.retranslate()

    def show_ticket(self, preview: TicketPreview, paper: QImage | None = None) -> None:
        """``paper``: :func:`paint_ticket`'s drawing of ``preview``, made off the GUI thread."""
        self.preview = preview
        image = paper if paper is not None else paint_ticket(preview)
        parent = self.parentWidget()
        room = (parent.height() if parent else 1080) - 380
        if image.height() > room:
            # smooth scaling costs ~10 ms for a long ticket; a printed one is a few cm long
            image = image.scaledToHeight(room, Qt.TransformationMode.SmoothTransformation)
        self.paper.setPixmap(QPixmap.fromImage(image))
        self.paper.setFixedSize(image.size())
        self.place()
        self.show()
        self.raise_()
        self._timer.start()

    def dismiss(self) -> None:
        self._timer.stop()
        self.hide()
        self.closed.emit()

    def place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.adjustSize()
        self.move(parent.width() - self.width() - 48, 48)

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Ticket imprimé (imprimante simulée)"))
        self.close_button.setText(self.tr("Fermer"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

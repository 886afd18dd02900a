"""A QR code drawn crisply at any size (the matrix from ``qrcode``, the squares by QPainter)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE = 2  # modules of white around the code (scanners need some)


def qr_matrix(payload: str) -> list[list[bool]]:
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


class QrCodeWidget(QWidget):
    """Dark modules on white whatever the theme: phones read a light quiet zone best."""

    def __init__(self, size: int = 320, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qrCode")
        self.setFixedSize(QSize(size, size))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._payload = ""
        self._matrix: list[list[bool]] = []

    @property
    def payload(self) -> str:
        return self._payload

    def set_payload(self, payload: str) -> None:
        if payload != self._payload:
            self._payload = payload
            self._matrix = qr_matrix(payload) if payload else []
            self.setAccessibleName(payload)
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        if not self._matrix:
            return
        count = len(self._matrix) + 2 * QUIET_ZONE
        module = min(self.width(), self.height()) // count  # whole pixels: sharp edges
        offset_x = (self.width() - module * len(self._matrix)) / 2
        offset_y = (self.height() - module * len(self._matrix)) / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#000000"))
        for y, row in enumerate(self._matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.drawRect(
                        QRectF(offset_x + x * module, offset_y + y * module, module, module)
                    )

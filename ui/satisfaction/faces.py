"""The four faces, drawn: a shape that says the answer without its colour (the mouth), and
the word under it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from kiosk.satisfaction.faces import Face, Reason
from ui.theme import ThemeController

# How far the mouth curves (negative: down) for each face.
SMILES = {Face.BAD: -0.55, Face.MEH: 0.0, Face.GOOD: 0.4, Face.GREAT: 0.8}


def face_word(face: Face) -> str:
    words = {
        Face.BAD: QCoreApplication.translate("Feedback", "Décevant"),
        Face.MEH: QCoreApplication.translate("Feedback", "Moyen"),
        Face.GOOD: QCoreApplication.translate("Feedback", "Bien"),
        Face.GREAT: QCoreApplication.translate("Feedback", "Excellent"),
    }
    return words[face]


def reason_word(reason: Reason) -> str:
    words = {
        Reason.CONTENT: QCoreApplication.translate("Feedback", "Contenu"),
        Reason.SPEAKER: QCoreApplication.translate("Feedback", "Intervenant"),
        Reason.PRACTICAL: QCoreApplication.translate("Feedback", "Concret"),
        Reason.LENGTH: QCoreApplication.translate("Feedback", "Durée"),
        Reason.ROOM: QCoreApplication.translate("Feedback", "Salle"),
        Reason.EXCHANGES: QCoreApplication.translate("Feedback", "Échanges"),
    }
    return words[reason]


def face_pixmap(face: Face, size: int, ink: str, ratio: float = 1.0) -> QPixmap:
    """A round face: eyes, and a mouth from a frown to a wide open smile."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(ink), size * 0.06, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    inset = size * 0.06
    painter.drawEllipse(QRectF(inset, inset, size - 2 * inset, size - 2 * inset))
    painter.setBrush(QColor(ink))
    for x in (0.36, 0.64):
        painter.drawEllipse(QPointF(size * x, size * 0.40), size * 0.045, size * 0.045)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    mouth = QPainterPath()
    left, right, y = size * 0.30, size * 0.70, size * 0.66
    bend = SMILES[face] * size * 0.22
    mouth.moveTo(left, y - bend / 2)
    mouth.quadTo(size / 2, y + bend, right, y - bend / 2)
    if face is Face.GREAT:
        mouth.closeSubpath()
    painter.drawPath(mouth)
    painter.end()
    return pixmap


class FaceButton(QToolButton):
    """One large face with its word under it."""

    def __init__(self, face: Face, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.face = face
        self._theme = theme
        self.setObjectName("feedbackFace")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        theme.changed.connect(self._draw)
        self._draw()

    def _draw(self) -> None:
        size = self._theme.tokens.px(120)
        ink = self._theme.tokens.text
        self.setIcon(QIcon(face_pixmap(self.face, size, ink, self.devicePixelRatioF())))
        self.setIconSize(QSize(size, size))

    def retranslate(self) -> None:
        self.setText(face_word(self.face))

"""A project's card in the gallery (picture, stage, title, pitch, direction) and the words for
its stage."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.projects.catalogue import ProjectCard, ProjectStage
from ui.formatting import in_english
from ui.theme import ThemeController, named


def stage_label(stage: ProjectStage) -> str:
    words = {
        ProjectStage.IDEA: QCoreApplication.translate("Projects", "Idée"),
        ProjectStage.EXPERIMENT: QCoreApplication.translate("Projects", "Expérimentation"),
        ProjectStage.ROLLOUT: QCoreApplication.translate("Projects", "Déploiement"),
        ProjectStage.IN_SERVICE: QCoreApplication.translate("Projects", "En service"),
    }
    return words[stage]


def stage_chip(stage: ProjectStage | None = None) -> QLabel:
    """The stage as a chip; its colour comes from the QSS by ``stage``, its word says it."""
    chip = named(QLabel(), "projectStage")
    if stage is not None:
        set_stage(chip, stage)
    return chip


def set_stage(chip: QLabel, stage: ProjectStage) -> None:
    chip.setText(stage_label(stage))
    chip.setProperty("stage", stage.value)
    chip.style().unpolish(chip)
    chip.style().polish(chip)


def scaled_picture(data: bytes | None, width: int, height: int) -> QPixmap | None:
    """The picture cropped to fill ``width`` x ``height`` (None: not a picture Qt reads)."""
    if not data:
        return None
    pixmap = QPixmap()
    if not pixmap.loadFromData(data):
        return None
    filled = pixmap.scaled(
        width,
        height,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )
    x, y = (filled.width() - width) // 2, (filled.height() - height) // 2
    return filled.copy(x, y, width, height)


class PictureLabel(QLabel):
    """A picture that fills its box, cropped, redrawn whenever the box changes size."""

    def __init__(self, height: int) -> None:
        super().__init__()
        self.setObjectName("projectPicture")
        self.setFixedHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._data: bytes | None = None

    def set_data(self, data: bytes | None) -> None:
        self._data = data
        self.clear()
        self._draw()

    def _draw(self) -> None:
        pixmap = scaled_picture(self._data, max(self.width(), 1), self.height())
        if pixmap is not None:
            self.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._draw()


class ProjectCardWidget(QFrame):
    """One tile: a tap anywhere on it opens the project."""

    tapped = Signal(str)  # slug

    def __init__(self, card: ProjectCard, theme: ThemeController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("projectCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.card = card
        px = theme.tokens.px
        self.picture = PictureLabel(px(200))
        self.stage = stage_chip(card.stage)
        self.title = named(QLabel(wordWrap=True), "projectCardTitle")
        self.pitch = named(QLabel(wordWrap=True), "projectCardPitch")
        self.direction = named(QLabel(wordWrap=True), "projectCardDirection")
        texts = QVBoxLayout()
        texts.setContentsMargins(px(24), px(4), px(24), px(24))
        texts.setSpacing(px(12))
        texts.addWidget(self.stage, 0, Qt.AlignmentFlag.AlignLeft)
        for widget in (self.title, self.pitch, self.direction):
            texts.addWidget(widget)
        texts.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(px(12))
        column.addWidget(self.picture)
        column.addLayout(texts, 1)
        self.retranslate()

    def retranslate(self) -> None:
        english = in_english()
        self.title.setText(self.card.title_in(english))
        self.pitch.setText(self.card.pitch_in(english))
        self.direction.setText(self.card.direction)
        set_stage(self.stage, self.card.stage)

    def set_picture(self, data: bytes | None) -> None:
        self.picture.set_data(data)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.tapped.emit(self.card.slug)

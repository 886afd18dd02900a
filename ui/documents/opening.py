"""What the reader shows while a document is on its way: a moving bar and plain words.

Fetching the file and the first page take seconds on a cold kiosk; an empty grey pane in the
meantime looks broken, and people tap again or leave.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from ui.theme import named


class OpeningNotice(QWidget):
    """Shown in place of the document until it can be drawn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentOpening")
        self.message = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "emptyState")
        self.bar = named(QProgressBar(), "openingBar")
        self.bar.setRange(0, 0)  # no figure to give: Qt animates an indeterminate bar
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(480)
        column = QVBoxLayout(self)
        column.setSpacing(24)
        column.addStretch(1)
        column.addWidget(self.message)
        column.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.message.setText(self.tr("Ouverture du document…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

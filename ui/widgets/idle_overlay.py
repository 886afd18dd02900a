"""The countdown over the screen before an idle reset, with its big "Continuer" button."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ui.speech.narrator import MODAL
from ui.speech.phrase import Phrase, phrases
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel


class IdleOverlay(QWidget):
    continue_clicked = Signal()

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("idleOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # The keypad's keys (and its focus ring) stay on the veil while it is up: the ring was
        # drawn over it, around a control of the screen it hides (ui.speech.narrator).
        self.setProperty(MODAL, True)

        card = named(QFrame(), "idleCard")
        card.setFixedWidth(860)
        self.icon = IconLabel(theme, "clock", 64, colour="accent", stroke=1.75)
        self.icon.setObjectName("idleIcon")
        self.icon.setFixedSize(120, 120)
        self.title = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "idleTitle")
        self.title.setWordWrap(True)
        self.message = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "idleMessage")
        self.message.setWordWrap(True)
        self.count = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "idleCount")
        self.continue_button = TouchButton(
            theme, "hand-click", role="primary", icon_colour="on_accent", icon_size=44
        )
        self.continue_button.setObjectName("idleContinue")
        self.continue_button.clicked.connect(self.continue_clicked)

        column = QVBoxLayout(card)
        column.setContentsMargins(64, 56, 64, 56)
        column.setSpacing(20)
        column.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.title)
        column.addWidget(self.message)
        column.addWidget(self.count)
        column.addSpacing(16)
        column.addWidget(self.continue_button)

        outer = QVBoxLayout(self)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)
        self.hide()
        self.retranslate()

    def start(self, seconds: int) -> None:
        self.set_seconds(seconds)
        if (parent := self.parentWidget()) is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def spoken(self) -> list[Phrase]:
        """The question, why, and the seconds left (then « Continuer », where the keys are)."""
        return phrases(self.title.text(), self.message.text(), self.count.text())

    def set_seconds(self, seconds: int) -> None:
        self.count.setText(str(seconds))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Vous êtes toujours là\u202f?"))
        self.message.setText(
            self.tr("Par discrétion, le kiosque revient à l’accueil dans quelques secondes.")
        )
        self.continue_button.setText(self.tr("Continuer"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def mousePressEvent(self, event: object) -> None:
        # A tap anywhere on the dimmed screen also means "I am still here".
        self.continue_clicked.emit()

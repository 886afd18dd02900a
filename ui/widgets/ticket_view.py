"""The simulated printer's paper on screen: :class:`TicketPanel` shows the last ticket at the
side of the screen in demo mode, with a button to put it away. The drawing itself
(:func:`ui.widgets.ticket_paper.paint_ticket`) is made off the GUI thread by the device bridge.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton

if TYPE_CHECKING:  # the ESC/POS preview (and Pillow) load with the first ticket, not at start
    from hardware.escpos_preview import TicketPreview

PANEL_SHOWN_MS = 30_000


class TicketPanel(QFrame):
    """The last ticket the simulated printer "printed", on the right of the screen."""

    closed = Signal()

    def __init__(self, theme: ThemeController, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("ticketCard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.preview: TicketPreview | None = None
        self.caption = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "ticketCaption")
        self.caption.setWordWrap(True)
        self.paper = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "ticketPaper")
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

    def show_ticket(self, preview: TicketPreview, paper: QImage) -> None:
        """``paper``: ``ui.widgets.ticket_paper.paint_ticket``'s drawing of ``preview``, made
        off the GUI thread."""
        self.preview = preview
        image = paper
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

"""The top-level window. It only hosts: the screens' stack, the bottom bar, the idle overlay,
the device toast, the simulated printer's ticket and the hidden admin corner; the composition
root wires them together."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from ui.theme import ThemeController, named
from ui.widgets.admin_corner import AdminCorner
from ui.widgets.bottom_bar import BottomBar
from ui.widgets.crossfade import CrossFade
from ui.widgets.idle_overlay import IdleOverlay
from ui.widgets.ticket_view import TicketPanel
from ui.widgets.toast import Toast


class KioskWindow(QWidget):
    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle("Smart Corner")
        self.stack = named(QStackedWidget(), "screens")
        self.bottom_bar = BottomBar(theme)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.bottom_bar)
        self.transition = CrossFade(self.stack)
        self.toast = Toast(theme, self)
        self.ticket = TicketPanel(theme, self)  # the simulated printer's paper (demo mode)
        self.overlay = IdleOverlay(theme, self)
        self.admin_corner = AdminCorner(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.overlay.setGeometry(self.rect())
        self.toast.place()
        self.ticket.place()
        self.admin_corner.place()

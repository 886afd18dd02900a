"""The top-level window. It only hosts: the screens' stack, the bottom bar, the idle overlay,
the device toast, the simulated printer's ticket and the hidden admin corner; the composition
root wires them together.

The overlay, the toast and the ticket are hidden until something shows them: each is built
the first time it is asked for, not with the window before the first paint (with their icons,
their modules and the Qt classes only they use: ~8 ms of CPU at load 4). So is the bottom bar,
which the attract screen does not show (the start builds it once the first frame is out).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QLinearGradient,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QScreen,
)
from PySide6.QtWidgets import QLayout, QStackedWidget, QVBoxLayout, QWidget

from ui.theme import ScreenMetrics, ThemeController, named
from ui.widgets.admin_corner import AdminCorner
from ui.widgets.crossfade import CrossFade

if TYPE_CHECKING:
    from ui.widgets.bottom_bar import BottomBar
    from ui.widgets.idle_overlay import IdleOverlay
    from ui.widgets.ticket_view import TicketPanel
    from ui.widgets.toast import Toast


class KioskWindow(QWidget):
    continue_clicked = Signal()  # the idle overlay's « Continuer » (or a tap on it)

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.setObjectName("kioskWindow")
        # The background is painted here, from a picture of it (see paintEvent), not by the
        # style sheet: every widget is see-through down to it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._backdrop: tuple[tuple[object, ...], QPixmap] | None = None
        self.setWindowTitle("Smart Corner")
        self.stack = named(QStackedWidget(), "screens")
        self._bottom_bar: BottomBar | None = None
        self._bar_hooks: list[Callable[[BottomBar], None]] = []
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        # The screen sets the window's size, not its content: without this the layout raises
        # the window's minimum to the largest screen's (the stack holds them all), beyond
        # a 1366x768 panel. Each screen adapts to the room it is given instead.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumSize(0, 0)
        self.transition = CrossFade(self.stack)
        self._toast: Toast | None = None
        self._ticket: TicketPanel | None = None
        self._overlay: IdleOverlay | None = None
        self.admin_corner = AdminCorner(self)

    @property
    def bottom_bar(self) -> BottomBar:
        """Accueil, Retour, FR/EN, accessibility, below the screens (built on first use)."""
        if self._bottom_bar is None:
            from ui.widgets.bottom_bar import BottomBar

            bar = self._bottom_bar = BottomBar(self._theme)
            bar.hide()  # until a screen that shows it says so
            self._layout.addWidget(bar)
            for hook in self._bar_hooks:
                hook(bar)
        return self._bottom_bar

    @property
    def has_bottom_bar(self) -> bool:
        return self._bottom_bar is not None

    def with_bottom_bar(self, hook: Callable[[BottomBar], None]) -> None:
        """Run ``hook`` on the bottom bar once it is built (now, if it is)."""
        self._bar_hooks.append(hook)
        if self._bottom_bar is not None:
            hook(self._bottom_bar)

    @property
    def toast(self) -> Toast:
        """Device feedback that no screen handles (built on first use)."""
        if self._toast is None:
            from ui.widgets.toast import Toast

            self._toast = Toast(self._theme, self)
        return self._toast

    @property
    def ticket(self) -> TicketPanel:
        """The simulated printer's paper, demo mode (built on first use)."""
        if self._ticket is None:
            from ui.widgets.ticket_view import TicketPanel

            self._ticket = TicketPanel(self._theme, self)
        return self._ticket

    @property
    def overlay(self) -> IdleOverlay:
        """The countdown before an idle reset (built on first use)."""
        if self._overlay is None:
            from ui.widgets.idle_overlay import IdleOverlay

            self._overlay = IdleOverlay(self._theme, self)
            self._overlay.setGeometry(self.rect())
            self._overlay.continue_clicked.connect(self.continue_clicked)
        return self._overlay

    def hide_overlay(self) -> None:
        if self._overlay is not None:
            self._overlay.hide()

    def dismiss_toast(self) -> None:
        if self._toast is not None:
            self._toast.dismiss()

    def fill_screen(self, screen: QScreen | None = None) -> None:
        """Cover ``screen`` (the window's own by default) and size the theme for it.

        The geometry is set before asking for full screen: without a window manager
        showFullScreen() alone leaves the window at its last size.
        """
        screen = screen or self.screen()
        self._theme.set_screen(ScreenMetrics.of(screen))
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        screen.geometryChanged.connect(self._screen_resized, Qt.ConnectionType.UniqueConnection)

    def _screen_resized(self) -> None:
        if self.isFullScreen():  # a rotated panel, a new mode chosen on the console
            self.fill_screen(self.screen())

    def paintEvent(self, event: QPaintEvent) -> None:
        """The screen's gentle diagonal gradient, copied from a picture made once per size and
        theme. Every card and list is see-through down to it, so each repaint of a list row (a
        keystroke's answer) paints the window's background under it first: computed as a
        style-sheet gradient that cost about 2 ms of GUI time per answer (1,700 x 200 px),
        twice what the rows themselves cost (``bench/documents.py``)."""
        rect = event.rect()
        ratio = self.devicePixelRatioF()
        painter = QPainter(self)
        source = QRectF(rect.x() * ratio, rect.y() * ratio, rect.width() * ratio,
                        rect.height() * ratio)  # fmt: skip
        painter.drawPixmap(QRectF(rect), self._background(ratio), source)
        painter.end()

    def _background(self, ratio: float) -> QPixmap:
        t = self._theme.tokens
        key = (self.width(), self.height(), ratio, t.background, t.background_end)
        if self._backdrop is not None and self._backdrop[0] == key:
            return self._backdrop[1]
        picture = QPixmap(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
        gradient = QLinearGradient(0, 0, picture.width(), picture.height())
        gradient.setColorAt(0, QColor(t.background))
        gradient.setColorAt(1, QColor(t.background_end))
        painter = QPainter(picture)
        painter.fillRect(picture.rect(), gradient)
        painter.end()
        picture.setDevicePixelRatio(ratio)
        self._backdrop = (key, picture)
        return picture

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._overlay is not None:
            self._overlay.setGeometry(self.rect())
        if self._toast is not None:
            self._toast.place()
        if self._ticket is not None:
            self._ticket.place()
        self.admin_corner.place()

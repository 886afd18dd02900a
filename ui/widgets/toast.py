"""A short, large message over the bottom of the screen that goes away by itself.

It never takes a tap (touches go through to the screen below) and never waits for anyone:
what it says must also be fine to miss. Used for device feedback that no screen handles:
a badge or a code read where nothing uses it, a card that cannot identify anybody.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QGraphicsDropShadowEffect, QHBoxLayout, QLabel, QWidget

from kiosk.ports import RefusalReason
from ui.theme import ThemeController, named
from ui.widgets.icon_label import IconLabel

SHORT_MS = 3500
LONG_MS = 6000  # a refusal takes longer to read
MARGIN_BOTTOM = 200  # clear of the bottom bar
MAX_WIDTH = 1280


class ToastKind(enum.StrEnum):
    INFO = "info"  # read fine, nothing to do with it here
    REFUSED = "refused"  # the card or the code cannot be used at all


_ICON_COLOURS = {ToastKind.INFO: "accent", ToastKind.REFUSED: "warning"}


class Toast(QFrame):
    def __init__(self, theme: ThemeController, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("toast")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._text: Callable[[], str] = str
        self.icon = IconLabel(theme, "id-badge-2", 56, colour="accent", stroke=2)
        self.icon.setObjectName("toastIcon")
        self.icon.setFixedSize(96, 96)
        self.message = named(QLabel(), "toastMessage")
        self.message.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(40, 28, 56, 28)
        row.setSpacing(32)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.message, 1)
        shadow = QGraphicsDropShadowEffect(self, blurRadius=48, xOffset=0, yOffset=12)
        shadow.setColor(QColor(0, 0, 0, 70))  # lifts it off whatever the screen shows below
        self.setGraphicsEffect(shadow)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.hide)
        self.setProperty("kind", ToastKind.INFO.value)
        self.hide()

    @property
    def kind(self) -> ToastKind:
        return ToastKind(self.property("kind"))

    @property
    def text(self) -> str:
        return self.message.text()

    def show_badge_unused(self) -> None:
        self._show(ToastKind.INFO, "id-badge-2", self._badge_unused_text, SHORT_MS)

    def show_scan_unused(self) -> None:
        self._show(ToastKind.INFO, "qrcode", self._scan_unused_text, SHORT_MS)

    def show_badge_refused(self, reason: RefusalReason) -> None:
        if reason is RefusalReason.RANDOM_UID:
            self._show(ToastKind.REFUSED, "alert-triangle", self._random_uid_text, LONG_MS)
        else:
            self._show(ToastKind.REFUSED, "alert-triangle", self._read_failed_text, LONG_MS)

    def show_failure(self) -> None:
        self._show(ToastKind.REFUSED, "alert-triangle", self._failure_text, LONG_MS)

    def _badge_unused_text(self) -> str:
        return self.tr("Badge lu, mais cet écran ne s’en sert pas.")

    def _scan_unused_text(self) -> str:
        return self.tr("Code lu, mais cet écran ne s’en sert pas.")

    def _random_uid_text(self) -> str:
        return self.tr(
            "Cette carte ne permet pas de vous identifier (son numéro change à chaque "
            "passage). Utilisez votre badge agent."
        )

    def _read_failed_text(self) -> str:
        return self.tr("Badge mal lu. Reposez-le bien à plat sur le lecteur.")

    def _failure_text(self) -> str:
        return self.tr("Un problème est survenu. Réessayez ou demandez de l’aide à l’accueil.")

    def _show(self, kind: ToastKind, icon: str, text: Callable[[], str], duration_ms: int) -> None:
        self._text = text
        self.setProperty("kind", kind.value)
        self.icon.set_icon(icon, _ICON_COLOURS[kind])
        for widget in (self, self.icon):  # the icon's disc takes its tint from the kind
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.message.setText(text())
        self.place()
        self.show()
        self.raise_()
        self._timer.start(duration_ms)

    def dismiss(self) -> None:
        """Gone now (idle reset: nothing of one visitor is left for the next)."""
        self._timer.stop()
        self.hide()

    def place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        width = min(MAX_WIDTH, parent.width() - 96)
        layout = self.layout()
        if layout is None:
            return
        height = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        self.setFixedSize(width, height)
        self.move((parent.width() - width) // 2, parent.height() - self.height() - MARGIN_BOTTOM)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.isVisible():
            self.message.setText(self._text())
            self.place()
        super().changeEvent(event)

"""A full screen around the kiosk's PIN pad, with a way back: the admin and technician doors."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.admin_access import PinGuard
from ui.screens.base import Screen
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.pin_pad import PinPad


def _admin_title() -> str:
    return QCoreApplication.translate("PinScreen", "Accès administrateur")


class PinScreen(Screen):
    key = "pin"
    shows_bottom_bar = False

    granted = Signal()
    cancelled = Signal()

    def __init__(
        self,
        guard: PinGuard,
        theme: ThemeController,
        parent: QWidget | None = None,
        *,
        title: Callable[[], str] = _admin_title,
    ) -> None:
        super().__init__(parent)
        self.pad = PinPad(theme, guard, title=title)
        self.pad.granted.connect(self.granted)
        # the pad's parts, for tests and screenshots
        self.keys = self.pad.keys
        self.dots = self.pad.dots
        self.message = self.pad.message
        self.title = self.pad.title
        self.clear = self.pad.erase
        self.validate = self.pad.validate
        self.cancel = TouchButton(theme, "x", role="secondary", icon_size=36)
        self.cancel.setObjectName("pinCancel")
        self.cancel.clicked.connect(self.cancelled)
        self.pad.side.addWidget(self.cancel)

        card = named(QFrame(), "pinCard")
        column = QVBoxLayout(card)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.pad)
        self._card = card
        self._theme = theme
        outer = QHBoxLayout(self)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)
        theme.changed.connect(self._fit)
        self._fit()
        self.retranslate()

    def _fit(self) -> None:
        """A wide card in landscape; in portrait the pad's own width (words above the keys)."""
        self._card.setMinimumWidth(0 if self.pad.portrait else self._theme.tokens.px(1320))

    def type_digit(self, digit: str) -> None:
        self.pad.type_digit(digit)

    def submit(self) -> None:
        self.pad.submit()

    @property
    def message_text(self) -> str:
        return self.pad.message_text

    def retranslate(self) -> None:
        self.pad.retranslate()
        self.cancel.setText(self.tr("Annuler"))

    def shown(self) -> None:
        self.pad.clear()

    def reset(self) -> None:
        self.shown()

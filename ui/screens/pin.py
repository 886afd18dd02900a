"""The admin PIN pad: big digits, masked dots, and the lockout of kiosk.admin_access."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.admin_access import AccessOutcome, AccessResult, PinGuard
from ui.formatting import clock_time
from ui.screens.base import Screen
from ui.theme import ThemeController
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel

MAX_DIGITS = 8
MIN_DIGITS = 4


class PinScreen(Screen):
    key = "pin"
    shows_bottom_bar = False

    granted = Signal()
    cancelled = Signal()

    def __init__(
        self, guard: PinGuard, theme: ThemeController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._guard = guard
        self._digits = ""
        self._last: AccessResult | None = None

        lock = IconLabel(theme, "lock", 56, colour="accent", stroke=1.75)
        lock.setObjectName("pinIcon")
        lock.setFixedSize(104, 104)
        self.title = QLabel(objectName="pinTitle", alignment=Qt.AlignmentFlag.AlignCenter)
        self.dots = QLabel(objectName="pinDots", alignment=Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel(objectName="pinMessage", alignment=Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)

        self.keys: dict[str, TouchButton] = {}
        grid = QGridLayout()
        grid.setSpacing(20)
        for n, digit in enumerate("123456789"):
            grid.addWidget(self._digit_key(theme, digit), n // 3, n % 3)
        self.clear = TouchButton(theme, "backspace", role="key", icon_size=40)
        self.clear.setObjectName("pinClear")
        self.clear.clicked.connect(self._erase)
        self.validate = TouchButton(
            theme, "check", role="primary", icon_colour="on_accent", icon_size=40
        )
        self.validate.setObjectName("pinValidate")
        self.validate.clicked.connect(self.submit)
        grid.addWidget(self.clear, 3, 0)
        grid.addWidget(self._digit_key(theme, "0"), 3, 1)
        grid.addWidget(self.validate, 3, 2)
        self.cancel = TouchButton(theme, "x", role="secondary", icon_size=36)
        self.cancel.setObjectName("pinCancel")
        self.cancel.clicked.connect(self.cancelled)

        card = QFrame(objectName="pinCard")
        side = QVBoxLayout()
        side.setSpacing(22)
        side.addStretch(1)
        side.addWidget(lock, 0, Qt.AlignmentFlag.AlignHCenter)
        side.addWidget(self.title)
        side.addWidget(self.dots)
        side.addWidget(self.message)
        side.addStretch(1)
        side.addWidget(self.cancel)
        row = QHBoxLayout(card)
        row.setContentsMargins(64, 56, 64, 56)
        row.setSpacing(72)
        row.addLayout(side, 1)
        row.addLayout(grid)
        card.setMinimumWidth(1320)
        outer = QHBoxLayout(self)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)
        self.retranslate()

    def _digit_key(self, theme: ThemeController, digit: str) -> TouchButton:
        button = TouchButton(theme, role="key")
        button.setObjectName(f"pinKey{digit}")
        button.setText(digit)
        button.clicked.connect(lambda: self.type_digit(digit))
        self.keys[digit] = button
        return button

    def type_digit(self, digit: str) -> None:
        if len(self._digits) < MAX_DIGITS:
            self._digits += digit
            self._show_dots()

    def _erase(self) -> None:
        self._digits = ""
        self._last = None
        self._show_dots()
        self._show_message()

    def submit(self) -> None:
        result = self._guard.attempt(self._digits)
        self._digits = ""
        self._last = result
        self._show_dots()
        self._show_message()
        if result.granted:
            self._last = None
            self._show_message()
            self.granted.emit()

    @property
    def message_text(self) -> str:
        return self.message.text()

    def _show_dots(self) -> None:
        typed = "●" * len(self._digits)
        hollow = "○" * max(0, MIN_DIGITS - len(self._digits))
        self.dots.setText(" ".join(typed + hollow))
        self.validate.setEnabled(len(self._digits) >= MIN_DIGITS)

    def _show_message(self) -> None:
        result = self._last
        locked_until = self._guard.locked_until()
        if locked_until is not None:
            text = self.tr("Accès verrouillé jusqu'à {time}").format(time=clock_time(locked_until))
        elif result is not None and result.outcome is AccessOutcome.DENIED:
            if result.remaining_attempts == 1:
                text = self.tr("Code incorrect — il reste 1 essai")
            else:
                text = self.tr("Code incorrect — il reste {n} essais").format(
                    n=result.remaining_attempts
                )
        else:
            text = ""
        self.message.setText(text)
        self.message.setProperty("error", bool(text))
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Accès administrateur"))
        self.clear.setText(self.tr("Effacer"))
        self.validate.setText(self.tr("Valider"))
        self.cancel.setText(self.tr("Annuler"))
        self._show_dots()
        self._show_message()

    def shown(self) -> None:
        self._digits = ""
        self._last = None
        self._show_dots()
        self._show_message()

    def reset(self) -> None:
        self.shown()

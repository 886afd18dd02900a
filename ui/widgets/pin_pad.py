"""The one PIN pad of the kiosk: an invitation beside big digits, checked by a shared PinGuard.

The admin screen, the door screen's lock, the Click & Collect staff lock and the help desk's
technician pad are this widget with their own icon, colour and words: the same masked dots, the
same count of attempts left and the same « verrouillé jusqu’à » wherever a code is typed, and
one counter per secret behind them (``kiosk.admin_access.pin_guard``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from kiosk.admin_access import AccessOutcome, AccessResult, PinGuard
from ui.formatting import clock_time
from ui.speech.narrator import SKIP, TARGET
from ui.speech.phrase import Phrase, phrases, say_now
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel

MAX_DIGITS: Final = 8
MIN_DIGITS: Final = 4
_DIGIT_KEYS: Final = {getattr(Qt.Key, f"Key_{n}"): str(n) for n in range(10)}
_ENTER: Final = {Qt.Key.Key_Return, Qt.Key.Key_Enter}


class PinPad(QFrame):
    """Digits in, ``granted`` out; denials and the lock are said on the pad itself.

    ``title`` and ``hint`` are called on each language change, so the words follow the language.
    A staff badge may open the same lock (``set_message`` then says why it did not).

    By keys (the speech path): the digits of a keyboard or of a keypad with Num Lock on type
    wherever the focus is on the pad, Backspace clears, Enter on the code (the dots, where the
    focus starts) validates. Each digit is said as « Chiffre saisi », never the digit: a
    loudspeaker, or a headset someone else is listening to, must not give the code away.
    """

    granted = Signal()

    def __init__(
        self,
        theme: ThemeController,
        guard: PinGuard,
        *,
        title: Callable[[], str],
        hint: Callable[[], str] = str,
        icon: str = "lock",
        colour: str = "accent",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pinPad")
        self._theme = theme
        self._guard = guard
        self._title = title
        self._hint = hint
        self._digits = ""
        self._last: AccessResult | None = None

        self.icon = IconLabel(theme, icon, 56, colour=colour, stroke=1.75)
        self.icon.setObjectName("pinIcon")
        self.title = named(QLabel(), "pinTitle")
        self.title.setWordWrap(True)
        self.hint = named(QLabel(), "pinHint")
        self.hint.setWordWrap(True)
        self.dots = named(QLabel(), "pinDots")
        self.dots.setProperty(TARGET, True)  # the code "field": the keys start here
        self.message = named(QLabel(), "pinMessage")
        self.message.setWordWrap(True)

        self.keys: dict[str, TouchButton] = {}
        self._grid = grid = QGridLayout()
        for n, digit in enumerate("123456789"):
            grid.addWidget(self._digit_key(theme, digit), n // 3, n % 3)
        self.erase = TouchButton(theme, "backspace", role="key", icon_size=40)
        self.erase.setObjectName("pinClear")
        self.erase.clicked.connect(self.clear)
        self.validate = TouchButton(
            theme, "check", role="primary", icon_colour="on_accent", icon_size=40
        )
        self.validate.setObjectName("pinValidate")
        self.validate.clicked.connect(self.submit)
        grid.addWidget(self.erase, 3, 0)
        grid.addWidget(self._digit_key(theme, "0"), 3, 1)
        grid.addWidget(self.validate, 3, 2)

        self.side = QVBoxLayout()
        self.side.addStretch(1)
        for widget in (self.icon, self.title, self.hint, self.message):
            self.side.addWidget(widget)
        self.side.addStretch(1)
        # The dots sit right above the keys: the eye goes from a key to what it typed.
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._keypad = keypad = QVBoxLayout()
        keypad.addStretch(1)
        keypad.addWidget(self.dots)
        keypad.addLayout(grid)
        keypad.addStretch(1)
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.addLayout(self.side, 1)
        self._row.addLayout(keypad)
        theme.changed.connect(self._fit)
        self._fit()
        self.retranslate()

    @property
    def portrait(self) -> bool:
        """A portrait panel: the words above the keys (side by side they are wider than it)."""
        return self._theme.metrics.portrait

    def _fit(self) -> None:
        """The design's spacing at the screen's scale; words beside the keys, or above them."""
        tokens = self._theme.tokens
        self.icon.setFixedSize(tokens.px(104), tokens.px(104))
        self._grid.setSpacing(tokens.px(18))
        self._keypad.setSpacing(tokens.px(18))
        self.side.setSpacing(tokens.px(22))
        self._row.setContentsMargins(tokens.px(64), tokens.px(48), tokens.px(64), tokens.px(48))
        self._row.setSpacing(tokens.px(48 if self.portrait else 80))
        self._row.setDirection(
            QBoxLayout.Direction.TopToBottom if self.portrait else QBoxLayout.Direction.LeftToRight
        )

    def _digit_key(self, theme: ThemeController, digit: str) -> TouchButton:
        button = TouchButton(theme, role="key")
        button.setObjectName(f"pinKey{digit}")
        button.setText(digit)
        button.setProperty(SKIP, True)  # typed on the keypad, never said: see the class
        button.clicked.connect(lambda: self.type_digit(digit))
        self.keys[digit] = button
        return button

    def type_digit(self, digit: str) -> None:
        if len(self._digits) < MAX_DIGITS:
            self._digits += digit
            self._show_dots()
            say_now(self, Phrase(self.tr("Chiffre saisi")))
        else:
            say_now(self, Phrase(self.tr("Le code a au plus {n} chiffres").format(n=MAX_DIGITS)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in _DIGIT_KEYS:
            self.type_digit(_DIGIT_KEYS[key])
        elif key == Qt.Key.Key_Backspace:
            self.clear()
            say_now(self, Phrase(self.tr("Code effacé")))
        elif key in _ENTER:  # from the code itself: the keys' own Enter clicks them
            if len(self._digits) < MIN_DIGITS:
                least = self.tr("Le code a au moins {n} chiffres").format(n=MIN_DIGITS)
                say_now(self, Phrase(self._count_text()), Phrase(least))
            else:
                self.submit()
        else:
            super().keyPressEvent(event)

    def spoken(self) -> list[Phrase]:
        """The lock's words, then how to type without seeing the keys."""
        return phrases(
            self.title.text(),
            self.hint.text(),
            self.message.text(),
            self.tr("Tapez le code sur le pavé numérique, puis Entrée."),
        )

    def clear(self) -> None:
        """Digits and the last message gone (the lock, if any, is still said)."""
        self._digits = ""
        self._last = None
        self._show_dots()
        self._show_result()

    def submit(self) -> None:
        result = self._guard.attempt(self._digits)
        self._digits = ""
        self._last = None if result.granted else result
        self._show_dots()
        self._show_result()
        if result.granted:
            self.granted.emit()
        elif self.message.text():
            say_now(self, Phrase(self.message.text()))

    def set_message(self, text: str, *, error: bool = True) -> None:
        """A message from outside the pad (a badge that does not open this lock, a wait)."""
        self._show(text, error=error and bool(text))

    @property
    def message_text(self) -> str:
        return str(self.message.text())

    def _show_dots(self) -> None:
        typed = "●" * len(self._digits)
        hollow = "○" * max(0, MIN_DIGITS - len(self._digits))
        self.dots.setText(" ".join(typed + hollow))
        self.dots.setAccessibleName(self._count_text())
        self.validate.setEnabled(len(self._digits) >= MIN_DIGITS)

    def _count_text(self) -> str:
        """What the dots say to a person who cannot see them."""
        n = len(self._digits)
        if n == 0:
            return self.tr("Code secret, aucun chiffre saisi")
        if n == 1:
            return self.tr("Code secret, 1 chiffre saisi")
        return self.tr("Code secret, {n} chiffres saisis").format(n=n)

    def _show_result(self) -> None:
        locked_until = self._guard.locked_until()
        result = self._last
        if locked_until is not None:
            text = self.tr("Trop d’essais\u202f: code refusé jusqu’à {time}").format(
                time=clock_time(locked_until)
            )
        elif result is not None and result.outcome is AccessOutcome.DENIED:
            if result.remaining_attempts == 1:
                text = self.tr("Code incorrect — il reste 1 essai")
            else:
                text = self.tr("Code incorrect — il reste {n} essais").format(
                    n=result.remaining_attempts
                )
        else:
            text = ""
        self._show(text, error=bool(text))

    def _show(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def retranslate(self) -> None:
        self.title.setText(self._title())
        hint = self._hint()
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.erase.setText(self.tr("Effacer"))
        self.validate.setText(self.tr("Valider"))
        self._show_dots()
        self._show_result()

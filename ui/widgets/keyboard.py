"""An on-screen French keyboard for the touch screen: AZERTY letters, accents, digits.

The keys never take the focus, so the text field keeps its cursor and selection; each tap
edits the *target* :class:`QLineEdit` directly (``insert``/``backspace``), which emits the
field's own ``textEdited``/``textChanged`` like typing on a real keyboard would. A physical
keyboard or a keyboard-wedge scanner keeps working alongside.

Three layers, switched by the keys at the bottom left:

- ``letters``: AZERTY as people know it from their office keyboard, with the apostrophe and
  the hyphen of French names (« Jean-Luc », « l'hameçonnage ») one tap away;
- ``accents``: é è ê ë à â ä î ï ô ö û ù ü ç œ æ — every French accent without a long press,
  which nobody discovers on a public kiosk;
- ``symbols``: digits and what e-mail addresses and references need (@ . - _ /).

Shift is one-shot (one capital letter, then back to lower case) and a double tap locks it,
as on phones. Capitals come by themselves as the field needs them (:class:`Capitalise`):
every word of a name, the first letter of a sentence, none in a search or an e-mail address.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import QElapsedTimer, QEvent, QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.theme import ThemeController
from ui.widgets.buttons import TouchButton


class Layer(enum.StrEnum):
    LETTERS = "letters"
    ACCENTS = "accents"
    SYMBOLS = "symbols"


class Capitalise(enum.Enum):
    """Where shift comes on by itself: a free description typed in names mode read
    "Outlook Ne S'ouvre Plus", a search field capitalised nothing it needed."""

    NONE = "none"  # search words, e-mail addresses, references
    SENTENCE = "sentence"  # a description: the first letter, and after . ! ?
    WORDS = "words"  # a first or last name: every word, and after - and '


class Shift(enum.Enum):
    OFF = 0
    ONCE = 1
    LOCKED = 2


# Rows of character keys per layer, at most COLUMNS each; shorter rows are centred.
ROWS: Final[dict[Layer, tuple[str, ...]]] = {
    Layer.LETTERS: ("azertyuiop", "qsdfghjklm", "wxcvbn'-"),
    Layer.ACCENTS: ("éèêëàâäîï", "ôöûùüçœæ", "'-"),
    Layer.SYMBOLS: ("1234567890", "@.-_/&()+", "',:;?!"),
}
COLUMNS: Final = 10  # keys in the longest row
KEY_STRETCH: Final = 2  # even, so that a row one key shorter is offset by half a key
SPACING: Final = 12
QWIDGETSIZE: Final = (1 << 24) - 1  # QWIDGETSIZE_MAX: no max-height set
DOUBLE_TAP_MS: Final = 400
REPEAT_DELAY_MS: Final = 450
REPEAT_INTERVAL_MS: Final = 70


SIDE_MARGIN: Final = 96  # a keyboard page's sides on the 1920 px wide design


def fit_page_margins(
    page: QWidget,
    column: QBoxLayout,
    theme: ThemeController,
    *,
    top: int,
    bottom: int,
    spacing: int,
) -> None:
    """A page that ends with the keyboard: its design margins and gaps at the screen's scale,
    and sides of at most a twentieth of its width (a portrait panel is only 1080 px wide and
    scales by 1: the bottom row's words need the room)."""
    tokens = theme.tokens
    side = min(tokens.px(SIDE_MARGIN), page.width() // 20) if page.width() > 0 else 0
    side = side or tokens.px(SIDE_MARGIN)
    margins = (side, tokens.px(top), side, tokens.px(bottom))
    current = column.contentsMargins()
    if (current.left(), current.top(), current.right(), current.bottom()) != margins:
        column.setContentsMargins(*margins)
    if column.spacing() != tokens.px(spacing):
        column.setSpacing(tokens.px(spacing))


class KeyButton(TouchButton):
    """A key that asks for a full touch target (the QSS ``max-height``) but accepts down to
    the 15 mm floor (``min-height``): on a 768 px panel the layout shrinks the four rows
    rather than laying them over each other or under the bottom bar."""

    whole_label = False  # a word key ("123", "àé", "espace"): never narrower than its text

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if self.whole_label and event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # after the stylesheet's polish, which sets its own minimum once the font is in
            QTimer.singleShot(0, self, self.keep_label)
        return handled

    def keep_label(self) -> None:
        """The stylesheet's ``min-width: 0`` lets the row squeeze every key alike: the word keys
        keep their text's width, and the space bar and the letters give way instead."""
        self.setMinimumWidth(super().sizeHint().width())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self.maximumHeight() >= QWIDGETSIZE:  # not styled yet
            return hint
        return QSize(hint.width(), max(hint.height(), self.maximumHeight()))


class OnScreenKeyboard(QWidget):
    """The keyboard; call :meth:`set_target` with the field it types into."""

    submitted = Signal()  # the action key (Rechercher, Valider...) was tapped
    typed = Signal()  # any key was tapped: counts as activity for the idle monitor

    def __init__(
        self,
        theme: ThemeController,
        *,
        action_label: str | None = None,
        auto_capitalise: bool = False,
        capitalise: Capitalise | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("onScreenKeyboard")
        self._theme = theme
        self._target: QLineEdit | None = None
        self._layer = Layer.LETTERS
        self._shift = Shift.OFF
        self._capitalise = capitalise or (Capitalise.WORDS if auto_capitalise else Capitalise.NONE)
        self._action_label = action_label
        self._last_shift_tap = QElapsedTimer()
        self.char_keys: list[TouchButton] = []

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACING)
        self._rows: list[QHBoxLayout] = []
        for _ in range(3):
            row = QHBoxLayout()
            row.setSpacing(SPACING)
            row.addStretch(0)
            for _ in range(COLUMNS):
                key = self._key("")
                key.clicked.connect(lambda _=False, k=key: self._type_key(k))
                row.addWidget(key, KEY_STRETCH)
                self.char_keys.append(key)
            row.addStretch(0)
            column.addLayout(row)
            self._rows.append(row)

        self.shift = self._key("", icon="arrow-big-up", name="kbShift")
        self.shift.setCheckable(True)
        self.shift.clicked.connect(self._tap_shift)
        self.layer_key = self._key("", name="kbLayer")
        self.layer_key.clicked.connect(self._next_layer)
        self.accents_key = self._key("", name="kbAccents")
        self.accents_key.clicked.connect(self._toggle_accents)
        self.space = self._key("", name="kbSpace")
        for key in (self.layer_key, self.accents_key, self.space):
            key.whole_label = True
        self.space.clicked.connect(lambda: self._insert(" "))
        self.backspace = self._key("", icon="backspace", name="kbBackspace")
        self.backspace.pressed.connect(self._start_repeat)
        self.backspace.released.connect(self._stop_repeat)
        self.action = KeyButton(
            theme, "corner-down-left", role="primary", icon_colour="on_accent", icon_size=36
        )
        self.action.setObjectName("kbAction")
        self.action.clicked.connect(self._submit)
        self.action.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bottom = QHBoxLayout()
        bottom.setSpacing(SPACING)
        for widget, stretch in (
            (self.shift, 3),
            (self.layer_key, 3),
            (self.accents_key, 3),
            (self.space, 10),
            (self.backspace, 4),
            (self.action, 7),
        ):
            bottom.addWidget(widget, stretch)
        column.addLayout(bottom)

        self._column, self._bottom = column, bottom
        theme.changed.connect(self._fit)
        self._fit()

        self._repeat = QTimer(self)
        self._repeat.timeout.connect(self._repeat_backspace)
        self._refresh()
        self.retranslate()

    def _fit(self) -> None:
        """The gaps between keys at the screen's scale: on a 768 px panel the four rows of
        touch-target keys must leave room for the field and a result above them."""
        gap = self._theme.tokens.px(SPACING)
        for layout in (self._column, self._bottom, *self._rows):
            layout.setSpacing(gap)

    # -- public ---------------------------------------------------------------------------

    def set_target(self, field: QLineEdit | None) -> None:
        """Type into ``field`` from now on (None: the keys do nothing)."""
        self._target = field
        self._auto_shift()

    @property
    def target(self) -> QLineEdit | None:
        return self._target

    def set_auto_capitalise(self, on: bool) -> None:
        """Word capitals for a name field, none for an e-mail address (one keyboard, several
        fields)."""
        self.set_capitalise(Capitalise.WORDS if on else Capitalise.NONE)

    def set_capitalise(self, mode: Capitalise) -> None:
        self._capitalise = mode
        if mode is Capitalise.NONE and self._shift is Shift.ONCE:
            self._shift = Shift.OFF
            self._refresh_case()
        self._auto_shift()

    @property
    def layer(self) -> Layer:
        return self._layer

    def set_layer(self, layer: Layer) -> None:
        self._layer = layer
        self._refresh()
        self.retranslate()  # the layer keys name the layer they lead to

    def set_action_label(self, label: str) -> None:
        self._action_label = label
        self.retranslate()

    def key_for(self, char: str) -> TouchButton:
        """The key that types ``char`` on the current layer (for tests and screenshots)."""
        for key in self.char_keys:
            if key.isVisible() and key.property("char") == char.lower():
                return key
        raise KeyError(char)

    def reset(self) -> None:
        """Back to lower-case letters: nothing of the last person's typing mode stays."""
        self._stop_repeat()
        self._shift = Shift.OFF
        self.set_layer(Layer.LETTERS)
        self._auto_shift()

    def changeEvent(self, event: QEvent) -> None:
        """Its own words follow the language: a screen that never re-labels it (the badge
        simulator) showed « espace » and « Valider » in English."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.space.setText(self.tr("espace"))
        self.action.setText(self._action_label or self.tr("Valider"))
        self.accents_key.setText("àé" if self._layer is not Layer.ACCENTS else "abc")
        self.layer_key.setText("123" if self._layer is not Layer.SYMBOLS else "abc")
        self.shift.setAccessibleName(self.tr("Majuscule"))
        self.backspace.setAccessibleName(self.tr("Effacer"))
        for key in (self.layer_key, self.accents_key, self.space):
            key.keep_label()

    # -- keys -----------------------------------------------------------------------------

    def _key(self, text: str, *, icon: str | None = None, name: str = "") -> KeyButton:
        # a checked key (shift) is drawn on accent_soft (00-base.qss): its icon in the accent
        key = KeyButton(self._theme, icon, role="key", icon_size=36, checked_colour="accent")
        key.setText(text)
        if name:
            key.setObjectName(name)
        key.setProperty("keyboard", True)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        return key

    def _type_key(self, key: TouchButton) -> None:
        char = str(key.property("char") or "")
        if not char:
            return
        upper = self._shift is not Shift.OFF and self._layer is not Layer.SYMBOLS
        self._insert(char.upper() if upper else char)
        if self._shift is Shift.ONCE:
            self._shift = Shift.OFF
            self._refresh_case()
        self._auto_shift()

    def _insert(self, text: str) -> None:
        self.typed.emit()
        if self._target is not None:
            self._target.insert(text)
        if text == " ":
            self._auto_shift()

    def _tap_shift(self) -> None:
        self.typed.emit()
        double = self._last_shift_tap.isValid() and self._last_shift_tap.elapsed() < DOUBLE_TAP_MS
        self._last_shift_tap.restart()
        if self._shift is Shift.OFF:
            self._shift = Shift.ONCE
        elif self._shift is Shift.ONCE and double:
            self._shift = Shift.LOCKED
        else:
            self._shift = Shift.OFF
        self._refresh_case()

    def _next_layer(self) -> None:
        self.typed.emit()
        self.set_layer(Layer.LETTERS if self._layer is Layer.SYMBOLS else Layer.SYMBOLS)

    def _toggle_accents(self) -> None:
        self.typed.emit()
        self.set_layer(Layer.LETTERS if self._layer is Layer.ACCENTS else Layer.ACCENTS)

    def _submit(self) -> None:
        self.typed.emit()
        self.submitted.emit()

    def _start_repeat(self) -> None:
        self._erase()
        self._repeat.start(REPEAT_DELAY_MS)

    def _repeat_backspace(self) -> None:
        self._repeat.setInterval(REPEAT_INTERVAL_MS)
        self._erase()

    def _stop_repeat(self) -> None:
        self._repeat.stop()

    def _erase(self) -> None:
        self.typed.emit()
        if self._target is not None:
            self._target.backspace()
        self._auto_shift()

    def _auto_shift(self) -> None:
        """A capital where the field's mode wants one, unless shift is locked."""
        mode = self._capitalise
        if mode is Capitalise.NONE or self._shift is Shift.LOCKED or self._target is None:
            return
        before = self._target.text()[: self._target.cursorPosition()]
        if mode is Capitalise.WORDS:
            wants_capital = before == "" or before[-1] in " -'"
        else:
            stripped = before.rstrip()
            wants_capital = stripped == "" or (stripped != before and stripped[-1] in ".!?")
        self._shift = Shift.ONCE if wants_capital else Shift.OFF
        self._refresh_case()

    # -- drawing --------------------------------------------------------------------------

    def _refresh(self) -> None:
        rows: Sequence[str] = ROWS[self._layer]
        keys = iter(self.char_keys)
        for layout, chars in zip(self._rows, rows, strict=True):
            for col in range(COLUMNS):
                key = next(keys)
                char = chars[col] if col < len(chars) else ""
                key.setProperty("char", char)
                key.setVisible(bool(char))
            # Shorter rows are centred, their keys as wide as everybody else's.
            margin = (COLUMNS - len(chars)) * KEY_STRETCH // 2
            layout.setStretch(0, margin)
            layout.setStretch(COLUMNS + 1, margin)
        self.shift.setEnabled(self._layer is not Layer.SYMBOLS)
        self._refresh_case()

    def _refresh_case(self) -> None:
        upper = self._shift is not Shift.OFF and self._layer is not Layer.SYMBOLS
        for key in self.char_keys:
            char = str(key.property("char") or "")
            label = char.upper() if upper else char
            key.setText(label.replace("&", "&&"))  # a lone & would be a mnemonic marker
        self.shift.setChecked(self._shift is not Shift.OFF)
        self.shift.setProperty("locked", self._shift is Shift.LOCKED)
        self.shift.style().unpolish(self.shift)
        self.shift.style().polish(self.shift)


__all__ = [
    "COLUMNS",
    "ROWS",
    "Capitalise",
    "KeyButton",
    "Layer",
    "OnScreenKeyboard",
    "Shift",
    "fit_page_margins",
]

"""Parts of the Click & Collect staff screen: the lock (staff badge or PIN) and one work row.

Kept out of :mod:`ui.collect.staff` so that the screen is only the flow.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.collect.staff import StaffLine
from kiosk.collect.status import LineStatus
from ui.collect import texts
from ui.theme import ThemeController
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel

translate = texts.translate
MAX_DIGITS = 8


class StaffLock(QWidget):
    """ "Passez votre badge d'équipe ou saisissez le code": a keypad beside the invitation."""

    pin_entered = Signal(str)

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._digits = ""
        icon = IconLabel(theme, "user-shield", 72, colour="collect", stroke=1.6)
        icon.setObjectName("lineIcon")
        icon.setFixedSize(144, 144)
        self.title = QLabel(objectName="collectHello")
        self.title.setWordWrap(True)
        self.body = QLabel(objectName="collectSummary")
        self.body.setWordWrap(True)
        self.dots = QLabel(objectName="pinDots")
        self.message = QLabel(objectName="pinMessage")
        self.message.setWordWrap(True)
        side = QVBoxLayout()
        side.setSpacing(24)
        side.addStretch(1)
        side.addWidget(icon)
        side.addWidget(self.title)
        side.addWidget(self.body)
        side.addWidget(self.dots)
        side.addWidget(self.message)
        side.addStretch(1)
        grid = QGridLayout()
        grid.setSpacing(18)
        self.keys: dict[str, TouchButton] = {}
        for n, digit in enumerate("123456789"):
            grid.addWidget(self._key(theme, digit), n // 3, n % 3)
        self.erase = TouchButton(theme, "backspace", role="key", icon_size=40)
        self.erase.setObjectName("pinClear")
        self.erase.clicked.connect(self.clear)
        self.validate = TouchButton(theme, "check", role="primary", icon_colour="on_accent")
        self.validate.setObjectName("pinValidate")
        self.validate.clicked.connect(self._submit)
        grid.addWidget(self.erase, 3, 0)
        grid.addWidget(self._key(theme, "0"), 3, 1)
        grid.addWidget(self.validate, 3, 2)
        row = QHBoxLayout(self)
        row.setContentsMargins(120, 56, 120, 56)
        row.setSpacing(96)
        keypad = QVBoxLayout()
        keypad.addStretch(1)
        keypad.addLayout(grid)
        keypad.addStretch(1)
        row.addLayout(side, 1)
        row.addLayout(keypad)
        self._show_dots()

    def _key(self, theme: ThemeController, digit: str) -> TouchButton:
        button = TouchButton(theme, role="key")
        button.setText(digit)
        button.clicked.connect(lambda: self.type_digit(digit))
        self.keys[digit] = button
        return button

    def type_digit(self, digit: str) -> None:
        if len(self._digits) < MAX_DIGITS:
            self._digits += digit
            self._show_dots()

    def clear(self) -> None:
        self._digits = ""
        self._show_dots()

    def _submit(self) -> None:
        digits, self._digits = self._digits, ""
        self._show_dots()
        self.pin_entered.emit(digits)

    def _show_dots(self) -> None:
        self.dots.setText(" ".join("●" * len(self._digits) + "○" * max(0, 4 - len(self._digits))))
        self.validate.setEnabled(len(self._digits) >= 4)

    def set_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setProperty("error", bool(text))
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)


class StaffRow(QFrame):
    """One line to prepare: for whom, what, and the one next step as a button."""

    act = Signal(object)  # StaffLine

    def __init__(self, theme: ThemeController, line: StaffLine, parent: QWidget | None = None):
        super().__init__(parent)
        self.line = line
        self.setObjectName("lineCard")
        icon = IconLabel(theme, line.item_icon, 40, colour="collect", stroke=1.6)
        icon.setObjectName("lineIcon")
        icon.setFixedSize(80, 80)
        name = QLabel(f"{line.quantity} × {line.item_name}", objectName="lineName")
        name.setWordWrap(True)
        who = translate("Collect", "{agent} · commande {ref}, ligne {n}").format(
            agent=line.agent_name, ref=line.order_ref, n=line.line_no
        )
        detail = QLabel(who, objectName="lineDetail")
        detail.setWordWrap(True)
        prepared = line.status is LineStatus.PREPARED
        state = (
            translate("Collect", "Préparé — à mettre à disposition")
            if prepared
            else translate("Collect", "À préparer")
        )
        if line.tracked and not prepared:
            state += " · " + translate("Collect", "n° d'inventaire ou de série requis")
        if prepared and (line.asset_tag or line.serial):
            state += " · " + " / ".join(x for x in (line.asset_tag, line.serial) if x)
        self.state = QLabel(state, objectName="lineStatus")
        self.state.setWordWrap(True)
        column = QVBoxLayout()
        column.setSpacing(4)
        column.addWidget(name)
        column.addWidget(detail)
        column.addWidget(self.state)
        self.button = TouchButton(
            theme,
            "package" if prepared else "box",
            role="primary" if prepared else "secondary",
            icon_colour="on_accent" if prepared else "text",
        )
        self.button.setObjectName("staffAct")
        self.button.setText(
            translate("Collect", "Prêt à retirer")
            if prepared
            else translate("Collect", "Marquer préparé")
        )
        self.button.clicked.connect(lambda: self.act.emit(self.line))
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 14, 24, 14)
        row.setSpacing(24)
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(column, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)

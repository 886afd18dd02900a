"""Parts of the Click & Collect staff screen: one work row (the lock is ``ui.widgets.pin_pad``).

Kept out of :mod:`ui.collect.staff` so that the screen is only the flow.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.collect.staff import StaffLine
from kiosk.collect.status import LineStatus
from ui.collect import texts
from ui.speech.narrator import SKIP, TARGET
from ui.speech.phrase import Phrase
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel

translate = texts.translate


class StaffRow(QFrame):
    """One line to prepare: for whom, what, and the one next step as a button.

    On the speech path the row is the key stop (Enter does its next step), so that what is
    said is the line and its step together; its button is passed over. The item and its state
    are said aloud, the agent's name and order only into a headset.
    """

    act = Signal(object)  # StaffLine

    def __init__(self, theme: ThemeController, line: StaffLine, parent: QWidget | None = None):
        super().__init__(parent)
        self.line = line
        self.setObjectName("lineCard")
        icon = IconLabel(theme, line.item_icon, 40, colour="collect", stroke=1.6)
        icon.setObjectName("lineIcon")
        icon.setFixedSize(80, 80)
        name = named(QLabel(f"{line.quantity} × {line.item_name}"), "lineName")
        name.setWordWrap(True)
        who = translate("Collect", "{agent} · commande {ref}, ligne {n}").format(
            agent=line.agent_name, ref=line.order_ref, n=line.line_no
        )
        detail = named(QLabel(who), "lineDetail")
        detail.setWordWrap(True)
        prepared = line.status is LineStatus.PREPARED
        state = (
            translate("Collect", "Préparé — à mettre à disposition")
            if prepared
            else translate("Collect", "À préparer")
        )
        if line.tracked and not prepared:
            state += " · " + translate("Collect", "n° d’inventaire ou de série requis")
        if prepared and (line.asset_tag or line.serial):
            state += " · " + " / ".join(x for x in (line.asset_tag, line.serial) if x)
        self.state = named(QLabel(state), "lineStatus")
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
        self.button.setProperty(SKIP, True)
        self.setProperty(TARGET, True)
        self.position = (1, 1)
        self._said = (name.text(), who, state)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 14, 24, 14)
        row.setSpacing(24)
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(column, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)

    def spoken(self) -> list[Phrase]:
        what, who, state = self._said
        n, count = self.position
        place = translate("Collect", "Ligne {n} sur {count}").format(n=n, count=count)
        step = translate("Collect", "Entrée\u202f: {action}").format(action=self.button.text())
        aloud = f"{place}, {what}, {state}. {step}"
        return [Phrase(aloud, f"{place}, {what}, {who}, {state}. {step}")]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.act.emit(self.line)
        else:
            super().keyPressEvent(event)

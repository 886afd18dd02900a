"""Parts of the Click & Collect staff screen: one work row, the page to refuse a request made
at the kiosk (the lock is ``ui.widgets.pin_pad``).

Kept out of :mod:`ui.collect.staff` so that the screen is only the flow.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.collect.staff import StaffLine
from kiosk.collect.status import LineStatus
from ui.collect import texts
from ui.speech.narrator import SKIP, TARGET
from ui.speech.phrase import Phrase
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel
from ui.widgets.keyboard import Capitalise, OnScreenKeyboard, fit_page_margins

translate = texts.translate


class StaffRow(QFrame):
    """One line to prepare: for whom, what, and the one next step as a button (a request made
    at the kiosk: « Valider » or « Refuser »).

    On the speech path the row is the key stop (Enter does its next step), so that what is
    said is the line and its step together; its button is passed over. The item and its state
    are said aloud, the agent's name and order only into a headset.
    """

    act = Signal(object)  # StaffLine
    decline = Signal(object)  # StaffLine: a request to refuse, with a reason

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
        if line.to_answer:
            state = translate("Collect", "Demande faite à la borne — à valider ou refuser")
            if line.note:
                state += f" · «\u202f{line.note}\u202f»"
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
            else translate("Collect", "Valider")
            if line.to_answer
            else translate("Collect", "Marquer préparé")
        )
        self.button.clicked.connect(lambda: self.act.emit(self.line))
        self.refuse = TouchButton(theme, "ban", role="secondary")
        self.refuse.setObjectName("staffDecline")
        self.refuse.setText(translate("Collect", "Refuser"))
        self.refuse.clicked.connect(lambda: self.decline.emit(self.line))
        self.refuse.setVisible(line.to_answer)
        self.button.setProperty(SKIP, True)
        self.setProperty(TARGET, True)
        self.position = (1, 1)
        self._said = (name.text(), who, state)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 14, 24, 14)
        row.setSpacing(24)
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(column, 1)
        row.addWidget(self.refuse, 0, Qt.AlignmentFlag.AlignVCenter)
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


class DeclinePage(QWidget):
    """Why a request is refused: typed on the on-screen keyboard, read by the agent."""

    cancel_clicked = Signal()
    save_clicked = Signal()

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.title = named(QLabel(), "collectHello")
        self.title.setWordWrap(True)
        self.reason = named(QLineEdit(), "declineReason")
        self.reason.setMaxLength(200)
        self.keyboard = OnScreenKeyboard(theme, capitalise=Capitalise.SENTENCE)
        self.keyboard.set_target(self.reason)
        self.keyboard.submitted.connect(self.save_clicked)
        self.cancel = TouchButton(theme, "x", role="secondary")
        self.cancel.clicked.connect(self.cancel_clicked)
        self.save = TouchButton(theme, "ban", role="primary", icon_colour="on_accent")
        self.save.setObjectName("staffDeclineSave")
        self.save.clicked.connect(self.save_clicked)
        top = QHBoxLayout()
        top.setSpacing(24)
        top.addWidget(self.title, 1)
        top.addWidget(self.cancel)
        top.addWidget(self.save)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.reason)
        column.addStretch(1)
        column.addWidget(self.keyboard)
        self._column = column
        theme.changed.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        fit_page_margins(self, self._column, self._theme, top=24, bottom=16, spacing=16)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit()
        super().resizeEvent(event)

    def open_for(self, line: StaffLine) -> None:
        self.title.setText(
            translate("Collect", "Refuser {n} × {item} pour {agent}").format(
                n=line.quantity, item=line.item_name, agent=line.agent_name
            )
        )
        self.reason.clear()
        self.keyboard.reset()
        self.reason.setPlaceholderText(translate("Collect", "Motif lu par l’agent"))
        self.cancel.setText(translate("Collect", "Annuler"))
        self.save.setText(translate("Collect", "Refuser la demande"))
        # « OK »: on a portrait totem the bottom row has no room for a longer word beside
        # « espace »; « Refuser la demande » says it in full above
        self.keyboard.set_action_label(translate("Collect", "OK"))

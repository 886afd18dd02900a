"""The pages of the pickup screen (:mod:`ui.collect.pickup`), each one thing to look at.

Built once and refilled: :class:`LinesPage` (what waits for the agent, ready lines first),
:class:`ConfirmPage` (what they are about to receive, "J'ai bien reçu", the optional
signature) and :class:`MessagePage` (welcome, waiting, done, refused: an icon, a title, one
sentence, at most two buttons). Actions stay in the lower half of the screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from kiosk.collect.pickup import AgentLines
from kiosk.collect.views import LineView
from kiosk.rgpd.notice import Collection, PrivacyTerms
from ui.collect import texts
from ui.collect.line_card import LineCard
from ui.collect.signature_pad import SignaturePad
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel
from ui.widgets.privacy import PrivacyLine

MARGINS = (96, 56, 96, 40)


def kinetic_scroll(content: QWidget) -> QScrollArea:
    area = named(QScrollArea(), "collectScroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    content.setObjectName("collectScrollContent")
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    return area


def clear_layout(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()


class MessagePage(QWidget):
    """Icon, title, one sentence, up to two buttons: primary (right) and secondary (left)."""

    primary_clicked = Signal()
    secondary_clicked = Signal()

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = IconLabel(theme, "package", 120, colour="collect", stroke=1.5)
        self.icon.setObjectName("messageIcon")
        self.icon.setFixedSize(200, 200)
        self.title = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "messageTitle")
        self.title.setWordWrap(True)
        self.body = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "messageBody")
        self.body.setWordWrap(True)
        self.note = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "messageNote")
        self.note.setWordWrap(True)
        self.secondary = TouchButton(theme, role="secondary")
        self.secondary.setObjectName("messageSecondary")
        self.secondary.clicked.connect(self.secondary_clicked)
        self.primary = TouchButton(theme, role="primary", icon_colour="on_accent")
        self.primary.setObjectName("messagePrimary")
        self.primary.clicked.connect(self.primary_clicked)
        buttons = QHBoxLayout()
        buttons.setSpacing(32)
        buttons.addStretch(1)
        buttons.addWidget(self.secondary)
        buttons.addWidget(self.primary)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(*MARGINS)
        column.setSpacing(28)
        column.addStretch(2)
        column.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.title)
        column.addWidget(self.body)
        column.addWidget(self.note)
        column.addStretch(3)
        column.addLayout(buttons)

    def show_message(
        self,
        *,
        icon: str,
        tone: str,
        title: str,
        body: str,
        note: str = "",
        primary: str = "",
        primary_icon: str | None = None,
        secondary: str = "",
        secondary_icon: str | None = None,
    ) -> None:
        """``tone``: collect, success, warning or error (the icon's colour and ring)."""
        self.icon.set_icon(icon, tone)
        self.icon.setProperty("tone", tone)
        self.icon.style().unpolish(self.icon)
        self.icon.style().polish(self.icon)
        self.title.setText(title)
        self.body.setText(body)
        self.body.setVisible(bool(body))
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.primary.setText(primary)
        self.primary.set_icon_name(primary_icon)
        self.primary.setVisible(bool(primary))
        self.secondary.setText(secondary)
        self.secondary.set_icon_name(secondary_icon)
        self.secondary.setVisible(bool(secondary))

    def set_note(self, note: str) -> None:
        self.note.setText(note)
        self.note.setVisible(bool(note))


class LinesPage(QWidget):
    """The agent's lines: ready ones as toggles (all in by default), the others below."""

    take_clicked = Signal()
    finish_clicked = Signal()
    selection_changed = Signal()

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.cards: list[LineCard] = []
        self.hello = named(QLabel(), "collectHello")
        self.summary = named(QLabel(), "collectSummary")
        self.summary.setWordWrap(True)
        content = QWidget()
        self._list = QVBoxLayout(content)
        self._list.setContentsMargins(0, 0, 16, 0)
        self._list.setSpacing(16)
        self._list.addStretch(1)
        self._pool: list[LineCard] = []
        self.scroll_area = kinetic_scroll(content)
        self.hint = named(QLabel(), "collectHint")
        self.hint.setWordWrap(True)
        self.finish = TouchButton(theme, "logout", role="secondary")
        self.finish.setObjectName("collectFinish")
        self.finish.clicked.connect(self.finish_clicked)
        self.take = TouchButton(theme, "hand-click", role="primary", icon_colour="on_accent")
        self.take.setObjectName("collectTake")
        self.take.clicked.connect(self.take_clicked)
        buttons = QHBoxLayout()
        buttons.setSpacing(32)
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.finish)
        buttons.addWidget(self.take)
        column = QVBoxLayout(self)
        column.setContentsMargins(*MARGINS)
        column.setSpacing(24)
        column.addWidget(self.hello)
        column.addWidget(self.summary)
        column.addWidget(self.scroll_area, 1)
        column.addLayout(buttons)

    def show_lines(self, lines: AgentLines) -> None:
        shown = (*lines.handable, *(v for v in lines.lines if not v.can_hand_over))
        while len(self._pool) < len(shown):  # cards are kept and refilled, never rebuilt
            card = LineCard(self._theme)
            card.toggled.connect(lambda *_: self._selection_changed())
            self._list.insertWidget(len(self._pool), card)
            self._pool.append(card)
        for n, (card, line) in enumerate(zip(self._pool, shown, strict=False), start=1):
            card.set_line(line, selectable=line.can_hand_over, selected=True)
            card.position = (n, len(shown))
            card.show()
        for card in self._pool[len(shown) :]:
            card.hide()
        self.cards = self._pool[: len(shown)]
        self.scroll_area.verticalScrollBar().setValue(0)
        self._selection_changed()

    def clear(self) -> None:
        for card in self._pool:
            card.clear()
        self.cards = []
        self.hello.clear()
        self.summary.clear()
        self.hint.clear()

    @property
    def selected(self) -> tuple[LineView, ...]:
        return tuple(c.line for c in self.cards if c.selected and c.line is not None)

    def _selection_changed(self) -> None:
        self.take.setEnabled(bool(self.selected))
        self.take.setVisible(any(c.selectable for c in self.cards))
        self.selection_changed.emit()


class ConfirmPage(QWidget):
    """What is about to be handed over, the signature pad, and "J'ai bien reçu".

    The signature is optional: "J'ai bien reçu" alone records the hand-over as acknowledged
    on screen, unsigned (the receipt says which). A person who cannot see cannot sign, so that
    is also the keypad's path: Tab to "J'ai bien reçu", Enter. No separate « Confirmer sans
    signature » button: it would record exactly the same thing, and a second confirm button
    beside the first would make sighted agents wonder which one to press.

    No back button of its own: the kiosk's bottom bar has the one "Retour" of every screen
    (:meth:`ui.collect.pickup.PickupScreen.go_back` steps back to the lines).
    """

    confirm_clicked = Signal()

    def __init__(
        self, theme: ThemeController, privacy: PrivacyTerms, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title = named(QLabel(), "collectHello")
        self.privacy = PrivacyLine(theme, Collection.SIGNATURE, privacy)
        content = QWidget()
        self._list = QVBoxLayout(content)
        self._list.setContentsMargins(0, 0, 16, 0)
        self._list.setSpacing(8)
        self.scroll_area = kinetic_scroll(content)
        self._labels: list[QLabel] = []
        self.sign_label = named(QLabel(), "signLabel")
        self.pad = SignaturePad(theme)
        self.erase = TouchButton(theme, "eraser", role="secondary")
        self.erase.setObjectName("signErase")
        self.erase.clicked.connect(self.pad.clear)
        sign_head = QHBoxLayout()
        sign_head.addWidget(self.sign_label, 1)
        sign_head.addWidget(self.erase)
        self.status = named(QLabel(), "collectHint")
        self.confirm = TouchButton(theme, "check", role="primary", icon_colour="on_accent")
        self.confirm.setObjectName("confirmReceived")
        self.confirm.clicked.connect(self.confirm_clicked)
        # The privacy line shares the confirm button's row: on a 1366x768 panel a row of its
        # own took the height the pad needs, and the column squeezed them over each other.
        notes = QVBoxLayout()
        notes.setSpacing(4)
        notes.addWidget(self.privacy)
        notes.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.setSpacing(32)
        buttons.addLayout(notes, 1)
        buttons.addWidget(self.confirm, 0, Qt.AlignmentFlag.AlignVCenter)
        column = QVBoxLayout(self)
        column.setContentsMargins(*MARGINS)
        column.setSpacing(20)
        column.addWidget(self.title)
        column.addWidget(self.scroll_area, 1)
        column.addLayout(sign_head)
        column.addWidget(self.pad, 2)
        column.addLayout(buttons)

    def lines_shown(self) -> list[QLabel]:
        return [label for label in self._labels if label.text()]

    def show_lines(self, lines: tuple[LineView, ...]) -> None:
        clear_layout(self._list)
        self._labels = []
        for line in lines:
            text = f"{line.units_to_hand} × {line.item_name}"
            if ident := texts.identity_text(line):
                text += f"  —  {ident}"
            label = named(QLabel(text), "confirmLine")
            label.setWordWrap(True)
            self._list.addWidget(label)
            self._labels.append(label)
        self._list.addStretch(1)
        self.pad.clear()
        self.set_busy(False)

    def set_busy(self, busy: bool, status: str = "") -> None:
        self.confirm.setEnabled(not busy)
        self.erase.setEnabled(not busy)
        self.pad.setEnabled(not busy)
        self.status.setText(status)
        # no empty line under the privacy line: it would lift « En savoir plus » off the row
        # of « J’ai bien reçu »
        self.status.setVisible(bool(status))

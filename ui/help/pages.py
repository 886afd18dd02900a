"""Besoin d'aide ?, the visitor's first two steps: the reason, then an optional description."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.help.domain import DESCRIPTION_MAX, HelpReason
from kiosk.rgpd.notice import Collection, PrivacyTerms
from ui.speech.phrase import Phrase, phrases
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel
from ui.widgets.keyboard import Capitalise, OnScreenKeyboard, fit_page_margins
from ui.widgets.privacy import PrivacyLine

ICONS: Final = {
    HelpReason.HARDWARE: "tool",
    HelpReason.MAIL: "mail",
    HelpReason.ACCOUNT: "key",
    HelpReason.SOFTWARE: "apps",
    HelpReason.OTHER: "message-question",
}


def reason_title(reason: HelpReason) -> str:
    translate = QCoreApplication.translate
    return {
        HelpReason.HARDWARE: translate("Help", "Panne de matériel"),
        HelpReason.MAIL: translate("Help", "Messagerie"),
        HelpReason.ACCOUNT: translate("Help", "Compte et mot de passe"),
        HelpReason.SOFTWARE: translate("Help", "Logiciel"),
        HelpReason.OTHER: translate("Help", "Autre demande"),
    }[reason]


def reason_hint(reason: HelpReason) -> str:
    translate = QCoreApplication.translate
    return {
        HelpReason.HARDWARE: translate(
            "Help", "Écran, clavier, imprimante, poste qui ne démarre pas"
        ),
        HelpReason.MAIL: translate("Help", "Outlook, boîte pleine, courriel qui n’arrive pas"),
        HelpReason.ACCOUNT: translate("Help", "Mot de passe oublié, compte bloqué, accès refusé"),
        HelpReason.SOFTWARE: translate("Help", "Installation, mise à jour, message d’erreur"),
        HelpReason.OTHER: translate("Help", "Toute autre question numérique"),
    }[reason]


class ReasonButton(QPushButton):
    """One card: a big icon, the ticket letter, the reason and examples.

    Tall (icon above the words) when the five stand in one row; compact (icon beside the
    words) in the grid of narrower or shorter screens, where a tall card would cut its words.
    """

    def __init__(self, theme: ThemeController, reason: HelpReason) -> None:
        super().__init__()
        self.reason = reason
        self.setObjectName("helpReason")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.picture = IconLabel(theme, ICONS[reason], 68, colour="help", stroke=1.75)
        self.picture.setObjectName("helpReasonIcon")
        self.picture.setFixedSize(128, 128)
        self.letter = named(QLabel(reason.prefix), "helpReasonLetter")
        self.letter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "helpReasonTitle")
        self.title.setWordWrap(True)
        self.hint = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "helpReasonHint")
        self.hint.setWordWrap(True)
        for label in (self.picture, self.letter, self.title, self.hint):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._grid = QGridLayout(self)
        # Taller than its hint when its words wrap at the width the grid gives (a push
        # button's height is otherwise fixed at a hint computed for another width).
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.compact: bool | None = None
        self.set_compact(False)

    def set_compact(self, compact: bool) -> None:
        if compact == self.compact:
            return
        self.compact = compact
        self.setProperty("compact", compact)  # the stylesheet's height floor is the tall card's
        for polished in (self, self.picture):
            polished.style().unpolish(polished)
            polished.style().polish(polished)
        grid = self._grid
        for widget in (self.picture, self.letter, self.title, self.hint):
            grid.removeWidget(widget)
        for n in range(5):
            grid.setRowStretch(n, 0)
            grid.setColumnStretch(n, 0)
        align = Qt.AlignmentFlag
        if compact:
            self.picture.setFixedSize(96, 96)
            grid.setContentsMargins(20, 16, 20, 16)
            grid.setHorizontalSpacing(20)
            grid.setVerticalSpacing(4)
            grid.addWidget(self.picture, 0, 0, 2, 1, alignment=align.AlignVCenter)
            grid.addWidget(self.title, 0, 1)
            grid.addWidget(self.hint, 1, 1)
            grid.addWidget(self.letter, 0, 2, 2, 1, alignment=align.AlignTop)
            grid.setColumnStretch(1, 1)
            for label in (self.title, self.hint):
                label.setAlignment(align.AlignLeft | align.AlignVCenter)
        else:
            self.picture.setFixedSize(128, 128)
            grid.setContentsMargins(24, 24, 24, 24)
            grid.setHorizontalSpacing(0)
            grid.setVerticalSpacing(14)
            grid.addWidget(self.letter, 0, 0, alignment=align.AlignRight)
            grid.addWidget(self.picture, 1, 0, alignment=align.AlignHCenter)
            grid.addWidget(self.title, 2, 0)
            grid.addWidget(self.hint, 3, 0)
            grid.setRowStretch(4, 1)
            grid.setColumnStretch(0, 1)
            for label in (self.title, self.hint):
                label.setAlignment(align.AlignCenter)

    def sizeHint(self) -> QSize:
        """As tall as its words: QPushButton's own hint counts only a text and an icon it has
        not (the width stays the button's: the grid shares the row out)."""
        height = self._grid.totalSizeHint().height()
        return QSize(super().sizeHint().width(), height).expandedTo(self.minimumSize())

    def minimumSizeHint(self) -> QSize:
        height = self._grid.totalMinimumSize().height()
        return QSize(super().minimumSizeHint().width(), height)

    def retranslate(self) -> None:
        self.title.setText(reason_title(self.reason))
        self.hint.setText(reason_hint(self.reason))
        # Words of another length wrap to another height: the grid must ask again (a label's
        # change stops at this button's own layout, and French stayed at the English height).
        self.updateGeometry()


class ReasonsPage(QWidget):
    chosen = Signal(object)  # HelpReason
    staff_requested = Signal()

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        icon = IconLabel(theme, "headset", 64, colour="help", stroke=1.75)
        icon.setObjectName("helpHeaderIcon")
        icon.setFixedSize(120, 120)
        self.title = named(QLabel(), "helpTitle")
        self.subtitle = named(QLabel(), "helpSubtitle")
        self.subtitle.setWordWrap(True)
        self.who = named(QLabel(), "helpWho")
        self.who.setWordWrap(True)
        self.who.setMaximumWidth(560)
        titles = QVBoxLayout()
        titles.setSpacing(8)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header = QHBoxLayout()
        header.setSpacing(32)
        header.addWidget(icon)
        header.addLayout(titles, 1)
        header.addWidget(self.who, 0, Qt.AlignmentFlag.AlignVCenter)

        self.buttons = [ReasonButton(theme, r) for r in HelpReason]
        for button in self.buttons:
            button.clicked.connect(lambda _=False, r=button.reason: self.chosen.emit(r))
        tiles = named(QWidget(), "helpReasons")
        self._grid = QGridLayout(tiles)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(28)
        self._columns = 0
        # Scrolls only when even compact cards cannot all fit (large text on a short panel).
        self.tiles = QScrollArea()
        self.tiles.setWidgetResizable(True)
        self.tiles.setFrameShape(QFrame.Shape.NoFrame)
        self.tiles.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tiles.setWidget(tiles)
        QScroller.grabGesture(
            self.tiles.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )

        self.queue_info = named(QLabel(), "helpQueueInfo")
        self.queue_info.setWordWrap(True)
        self.staff = TouchButton(theme, "user-shield", role="secondary", icon_size=32)
        self.staff.setObjectName("helpStaffEntry")
        self.staff.clicked.connect(self.staff_requested)
        footer = QHBoxLayout()
        footer.addWidget(self.queue_info, 1)
        footer.addWidget(self.staff)

        self._column = QVBoxLayout(self)
        self._column.setSpacing(24)
        self._column.addLayout(header)
        self._column.addWidget(self.tiles, 1)
        self._column.addLayout(footer)
        self._first_name: str | None = None
        self._waiting: tuple[int, int] | None = None
        self._arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Five tall cards in a row on a large landscape screen, else a grid of compact ones."""
        width, height = self.width(), self.height()
        tall = width >= 1600 and height >= 860
        side = 96 if width >= 1600 else 48
        top = 64 if height >= 1000 else 24
        self._column.setContentsMargins(side, top, side, 24 if top < 64 else 48)
        columns = 5 if tall else (2 if width >= 1200 else 1)
        for button in self.buttons:
            button.set_compact(not tall)
        if columns == self._columns:
            return
        self._columns = columns
        for button in self.buttons:
            self._grid.removeWidget(button)
        for n in range(5):
            self._grid.setColumnStretch(n, 0)
        for n, button in enumerate(self.buttons):
            self._grid.addWidget(button, n // columns, n % columns)
        for n in range(columns):
            self._grid.setColumnStretch(n, 1)
        rows = -(-len(self.buttons) // columns)
        for n in range(len(self.buttons) + 1):  # the room left over goes under the cards
            self._grid.setRowStretch(n, 1 if n == rows else 0)

    def spoken(self) -> list[Phrase]:
        """Title, what to do, the queue; the badge holder's name only into a headset."""
        said = phrases(self.title.text(), self.subtitle.text())
        if self._first_name:
            said.append(Phrase(self.tr("Votre badge est reconnu."), self.who.text()))
        return said + phrases(self.queue_info.text())

    def set_person(self, first_name: str | None) -> None:
        self._first_name = first_name
        self._show_who()

    def set_queue(self, waiting: int, minutes: int) -> None:
        self._waiting = (waiting, minutes)
        self._show_queue()

    def _show_who(self) -> None:
        if self._first_name:
            self.who.setText(
                self.tr("Bonjour {name}\u202f! Votre badge est reconnu.").format(
                    name=self._first_name
                )
            )
        else:
            self.who.setText(self.tr("Passez votre badge pour être reconnu (facultatif)"))

    def _show_queue(self) -> None:
        if self._waiting is None:
            self.queue_info.setText("")
            return
        waiting, minutes = self._waiting
        if waiting == 0:
            self.queue_info.setText(
                self.tr("Personne n’attend\u202f: un technicien vous reçoit vite.")
            )
        elif waiting == 1:
            self.queue_info.setText(
                self.tr("1 personne attend · environ {m} min").format(m=minutes)
            )
        else:
            self.queue_info.setText(
                self.tr("{n} personnes attendent · environ {m} min").format(n=waiting, m=minutes)
            )

    def retranslate(self) -> None:
        self.title.setText(self.tr("Besoin d’aide\u202f?"))
        self.subtitle.setText(
            self.tr("Choisissez le motif de votre visite\u202f: vous recevez un numéro de passage.")
        )
        self.staff.setText(self.tr("Espace technicien"))
        for button in self.buttons:
            button.retranslate()
        self._show_who()
        self._show_queue()


class DescribePage(QWidget):
    """The optional short description, typed on the on-screen keyboard."""

    submitted = Signal(str)

    def __init__(
        self, theme: ThemeController, privacy: PrivacyTerms, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._reason = HelpReason.OTHER
        self.privacy = PrivacyLine(theme, Collection.HELP_DESCRIPTION, privacy)
        self._theme = theme
        self.icon = IconLabel(theme, ICONS[self._reason], 44, colour="help", stroke=1.75)
        self.chosen = named(QLabel(), "helpChosen")
        self.title = named(QLabel(), "helpTitle")
        self.title.setWordWrap(True)
        self.field = named(QLineEdit(), "helpDescription")
        self.field.setMaxLength(DESCRIPTION_MAX)
        self.count = named(QLabel(), "helpCount")
        self.field.textChanged.connect(self._count)
        self.skip = TouchButton(theme, "arrow-right", role="secondary", icon_size=32)
        self.skip.setObjectName("helpSkip")
        self.skip.clicked.connect(lambda: self.submitted.emit(""))
        self.keyboard = OnScreenKeyboard(theme, capitalise=Capitalise.SENTENCE)
        self.keyboard.set_target(self.field)
        self.keyboard.submitted.connect(lambda: self.submitted.emit(self.field.text()))

        chosen_row = QHBoxLayout()
        chosen_row.setSpacing(16)
        chosen_row.addWidget(self.icon)
        chosen_row.addWidget(self.chosen)
        chosen_row.addStretch(1)
        chosen_row.addWidget(self.skip)
        field_row = QHBoxLayout()
        field_row.setSpacing(24)
        field_row.addWidget(self.field, 1)
        field_row.addWidget(self.count)
        column = QVBoxLayout(self)
        column.addLayout(chosen_row)
        column.addWidget(self.title)
        column.addLayout(field_row)
        column.addWidget(self.privacy)
        column.addStretch(1)
        column.addWidget(self.keyboard)
        self._column = column
        theme.changed.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        """Margins and gaps at the screen's scale, the sides narrower on a portrait panel: at
        1366x768 the unscaled design's gaps left no room for the keyboard's last row, and
        1080 px wide the action key's words did not fit beside « 123 »."""
        fit_page_margins(self, self._column, self._theme, top=24, bottom=16, spacing=16)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit()
        super().resizeEvent(event)

    def spoken(self) -> list[Phrase]:
        return phrases(
            self.chosen.text(),
            self.title.text(),
            self.tr("Tapez au clavier, ou passez cette étape pour prendre votre ticket."),
        )

    def start(self, reason: HelpReason) -> None:
        self._reason = reason
        self.icon.set_icon(ICONS[reason])
        self.field.clear()
        self.keyboard.reset()
        self.retranslate()

    def _count(self) -> None:
        self.count.setText(f"{len(self.field.text())} / {DESCRIPTION_MAX}")

    def retranslate(self) -> None:
        self.chosen.setText(reason_title(self._reason))
        self.title.setText(self.tr("Décrivez votre problème (facultatif)"))
        self.field.setPlaceholderText(self.tr("Par exemple\u202f: Outlook ne s’ouvre plus"))
        self.skip.setText(self.tr("Passer cette étape"))
        self.keyboard.set_action_label(self.tr("Prendre mon ticket"))
        self._count()

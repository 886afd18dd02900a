"""Name search for the staff door screen: a field, the on-screen keyboard, a list of people.

The roster (:class:`kiosk.checkin.door.Roster`) is loaded once per event on the worker and
searched in memory on each keystroke (about a millisecond for 10,000 people), accents and
case ignored: "helene" finds "Hélène". The list is a model/view pair with kinetic scrolling.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QScroller,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain import PersonKind, RegistrationStatus
from kiosk.rgpd.notice import Collection, PrivacyTerms
from ui.theme import ThemeController, named
from ui.widgets.buttons import ClearButton, TouchButton
from ui.widgets.keyboard import OnScreenKeyboard
from ui.widgets.privacy import PrivacyLine

if TYPE_CHECKING:
    from kiosk.checkin.door import PersonMatch, Roster

RESULTS: Final = 30
ROW_HEIGHT: Final = 100
MatchRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate


def status_label(match: PersonMatch) -> str:
    if match.present:
        return translate("PersonSearch", "Présent·e")
    if match.registration is RegistrationStatus.CONFIRMED:
        return translate("PersonSearch", "Inscrit·e")
    if match.registration is RegistrationStatus.WAITING_LIST:
        return translate("PersonSearch", "Liste d’attente")
    return translate("PersonSearch", "Non inscrit·e")


class PersonListModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matches: list[PersonMatch] = []

    def set_matches(self, matches: list[PersonMatch]) -> None:
        self.beginResetModel()
        self._matches = list(matches)
        self.endResetModel()

    def matches(self) -> list[PersonMatch]:
        return list(self._matches)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._matches)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        match = self._matches[index.row()]
        if role == MatchRole:
            return match
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{match.first_name} {match.last_name}"
        return None


class PersonDelegate(QStyledItemDelegate):
    """A row: the full name large, who they are below, their status at the right."""

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(option.rect.width(), ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        match: PersonMatch = index.data(MatchRole)
        tokens = self._theme.tokens
        rect = QRect(option.rect).adjusted(0, 4, 0, -4)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pressed = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QColor(tokens.border))
        painter.setBrush(QColor(tokens.accent_soft if pressed else tokens.surface))
        painter.drawRoundedRect(rect, tokens.radius_small, tokens.radius_small)
        inner = rect.adjusted(28, 8, -28, -8)
        name = QFont(tokens.font_family)
        name.setPixelSize(tokens.font_large)
        name.setWeight(QFont.Weight.DemiBold)
        small = QFont(tokens.font_family)
        small.setPixelSize(tokens.font_size)
        status = status_label(match)
        painter.setFont(small)
        status_width = painter.fontMetrics().horizontalAdvance(status) + 40
        chip = QRect(inner.right() - status_width, inner.center().y() - 22, status_width, 44)
        if match.present or match.registration is RegistrationStatus.CONFIRMED:
            fill = QColor(tokens.success if match.present else tokens.accent)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(chip, 22, 22)
            painter.setPen(QColor(tokens.on_accent if not tokens.dark else "#000000"))
        else:  # not expected: an outline, quieter than the people who are
            painter.setPen(QColor(tokens.text_muted))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(chip.adjusted(1, 1, -1, -1), 22, 22)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, status)
        text = inner.adjusted(0, 0, -status_width - 24, 0)
        painter.setPen(QColor(tokens.text))
        painter.setFont(name)
        top = QRect(text.left(), text.top(), text.width(), text.height() // 2 + 6)
        painter.drawText(
            top,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"{match.first_name} {match.last_name}",
        )
        painter.setFont(small)
        painter.setPen(QColor(tokens.text_muted))
        if match.kind is PersonKind.VISITOR:
            who = match.organisation or translate("PersonSearch", "Visiteur")
        else:
            who = translate("PersonSearch", "Agent · {matricule}").format(
                matricule=match.matricule or "—"
            )
        bottom = QRect(text.left(), text.center().y() + 4, text.width(), text.height() // 2)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, who)
        painter.restore()


class PersonSearch(QWidget):
    picked = Signal(object)  # PersonMatch
    cancelled = Signal()

    def __init__(
        self, theme: ThemeController, privacy: PrivacyTerms, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("personSearch")
        # Shown when a badge is about to be linked to the name picked here (its first use).
        self.privacy = PrivacyLine(theme, Collection.BADGE_FIRST_USE, privacy)
        self.privacy.hide()
        self._roster: Roster | None = None
        self.title = named(QLabel(), "doorSectionTitle")
        self.field = named(QLineEdit(), "searchField")
        self.clear = ClearButton(theme, self.field)
        self.field.textChanged.connect(self._search)
        self.cancel = TouchButton(theme, "x", role="secondary", icon_size=32)
        self.cancel.setObjectName("searchCancel")
        self.cancel.clicked.connect(self.cancelled)
        self.model = PersonListModel(self)
        self.list = named(QListView(), "personList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(PersonDelegate(theme, self.list))
        self.list.setUniformItemSizes(True)
        # No floor of its own: on a 768 px panel the keyboard and the field take most of the
        # height, and the list scrolls in what is left rather than pushing the keys together.
        self.list.setMinimumHeight(1)
        self.list.setSpacing(4)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        QScroller.grabGesture(self.list.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.list.clicked.connect(lambda index: self.picked.emit(index.data(MatchRole)))
        self.empty = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "emptyState")
        self.keyboard = OnScreenKeyboard(theme, auto_capitalise=True)
        self.keyboard.set_target(self.field)
        self.keyboard.submitted.connect(self._pick_single)

        # Title, field and "Fermer" share one row: the keyboard takes the lower half of the
        # screen, and every pixel given to the list is one more name seen without scrolling.
        head = QHBoxLayout()
        head.setSpacing(24)
        head.addWidget(self.title)
        head.addWidget(self.field, 1)
        head.addWidget(self.cancel)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addLayout(head)
        column.addWidget(self.list, 1)
        column.addWidget(self.empty)
        column.addWidget(self.privacy)
        column.addWidget(self.keyboard)
        self.retranslate()

    def set_roster(self, roster: Roster | None) -> None:
        self._roster = roster
        self._search(self.field.text())

    def set_title(self, text: str) -> None:
        self.title.setText(text)

    def search(self, text: str) -> None:
        self.field.setText(text)

    def _search(self, text: str) -> None:
        found = self._roster.search(text, RESULTS) if self._roster is not None else []
        self.model.set_matches(found)
        typed = bool(text.strip())
        self.empty.setVisible(typed and not found)
        self.empty.setText(translate("PersonSearch", "Personne ne porte ce nom."))

    def _pick_single(self) -> None:
        matches = self.model.matches()
        if len(matches) == 1:
            self.picked.emit(matches[0])

    def reset(self) -> None:
        self.field.clear()
        self.keyboard.reset()
        self.model.set_matches([])

    def retranslate(self) -> None:
        self.field.setPlaceholderText(translate("PersonSearch", "Nom, prénom ou matricule"))
        self.cancel.setText(translate("PersonSearch", "Fermer"))
        self.keyboard.set_action_label(translate("PersonSearch", "Choisir"))

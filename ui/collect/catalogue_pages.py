"""The pieces of the « Catalogue de services » screen (:mod:`ui.collect.catalogue`): an item
card, the request page (quantity, optional note on the on-screen keyboard) and the done page
(the request number, as text and as a QR code)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.collect.catalogue import CatalogueEntry
from kiosk.collect.requests import NOTE_LENGTH
from kiosk.collect.status import ItemKind
from ui.collect import catalogue_words as words
from ui.collect.catalogue_words import translate
from ui.formatting import in_english
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel
from ui.widgets.keyboard import Capitalise, OnScreenKeyboard, fit_page_margins
from ui.widgets.qr_code import QrCodeWidget

PICTURE = 104


class ItemCard(QFrame):
    """One catalogue item: picture, name, what it is, how it comes, stock, and for an agent
    whether they may ask for it (with « Demander ») or why not."""

    request_clicked = Signal(int)  # item id

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry: CatalogueEntry | None = None
        self._picture: bytes | None = None  # the picture shown (decoded once per card)
        self._verdict_icon: tuple[str, str] | None = None
        self.setObjectName("lineCard")
        self.picture = IconLabel(theme, "package", 52, colour="collect", stroke=1.6)
        self.picture.setObjectName("lineIcon")
        self.picture.setFixedSize(PICTURE, PICTURE)
        self.name = named(QLabel(), "lineName")
        self.name.setWordWrap(True)
        self.description = named(QLabel(), "lineDetail")
        self.description.setWordWrap(True)
        self.facts = named(QLabel(), "lineDetail")
        self.facts.setWordWrap(True)
        self.verdict_icon = IconLabel(theme, "circle-check", 28, colour="success")
        self.verdict = named(QLabel(), "lineStatus")
        self.verdict.setWordWrap(True)
        # The words take the card's width: a wrapped label only asks for its hint, and the row
        # gave the room to the picture's cell (anonymous cards showed a one-word-wide column).
        for label in (self.name, self.description, self.facts, self.verdict):
            policy = label.sizePolicy()  # keeps the height-for-width of word wrap
            policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
            label.setSizePolicy(policy)
        verdict_row = QHBoxLayout()
        verdict_row.setSpacing(10)
        verdict_row.addWidget(self.verdict_icon, 0, Qt.AlignmentFlag.AlignTop)
        verdict_row.addWidget(self.verdict, 1)
        column = QVBoxLayout()
        column.setSpacing(6)
        for widget in (self.name, self.description, self.facts):
            column.addWidget(widget)
        column.addLayout(verdict_row)
        self.request = TouchButton(theme, "hand-click", role="primary", icon_colour="on_accent")
        self.request.setObjectName("catalogueRequest")
        self.request.clicked.connect(self._clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(28, 18, 28, 18)
        row.setSpacing(24)
        row.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(column, 1)
        row.addWidget(self.request, 0, Qt.AlignmentFlag.AlignVCenter)

    def set_entry(self, entry: CatalogueEntry, *, identified: bool, last_visit: bool) -> None:
        """Only what changed is touched: a badge tap fills forty cards on the GUI thread, and
        showing, hiding, re-styling and decoding the pictures again of cards that already showed
        them took 40-60 ms of it (bench/catalogue.py, « cards filled »)."""
        self.entry = entry
        if entry.picture != self._picture or not entry.picture:
            self._picture = entry.picture
            self._set_picture(entry)
        english = in_english()
        self.name.setText(entry.name_in(english))
        self.description.setText(entry.description_in(english))
        _show(self.description, bool(self.description.text()))
        facts = [words.delivery_text(entry.delivery)]
        if stock := words.stock_text(entry, last_visit=last_visit):
            facts.append(stock)
        self.facts.setText("  ·  ".join(facts))
        _show(self.verdict_icon, identified)
        _show(self.verdict, identified)
        if identified:
            ok = entry.can_request
            icon = ("circle-check", "success") if ok else ("hand-stop", "warning")
            if icon != self._verdict_icon:
                self._verdict_icon = icon
                self.verdict_icon.set_icon(*icon)
            self.verdict.setText(words.eligibility_text(entry))
            if self.verdict.property("ready") != ok:
                self.verdict.setProperty("ready", ok)
                self.verdict.style().unpolish(self.verdict)
                self.verdict.style().polish(self.verdict)
        else:
            self.verdict.clear()  # no word of the last agent stays, even hidden
        _show(self.request, identified and entry.can_request)
        self.request.setText(translate("Catalogue", "Demander"))

    def _set_picture(self, entry: CatalogueEntry) -> None:
        if entry.picture:
            pixmap = QPixmap()
            if pixmap.loadFromData(entry.picture):
                self.picture.setPixmap(
                    pixmap.scaled(
                        PICTURE - 8,
                        PICTURE - 8,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
                return
        self.picture.set_icon(entry.icon or "package")

    def _clicked(self) -> None:
        if self.entry is not None:
            self.request_clicked.emit(self.entry.item_id)


def _show(widget: QWidget, shown: bool) -> None:
    """``setVisible`` when it changes something (each call lays its parent out again)."""
    if widget.isHidden() == shown:
        widget.setVisible(shown)


class RequestPage(QWidget):
    """The second tap: how many (where it applies), a note if the agent wants, « Envoyer »."""

    send_clicked = Signal()
    cancel_clicked = Signal()

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_quantity = 1
        self.quantity = 1
        self._theme = theme
        self.title = named(QLabel(), "lineName")
        self.title.setWordWrap(True)
        self.subtitle = named(QLabel(), "lineDetail")
        self.subtitle.setWordWrap(True)
        self.less = TouchButton(theme, role="secondary")
        self.less.setObjectName("quantityLess")
        self.less.setText("−")
        self.more = TouchButton(theme, role="secondary")
        self.more.setObjectName("quantityMore")
        self.more.setText("+")
        self.count = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "lineName")
        self.count.setMinimumWidth(64)
        self.less.clicked.connect(lambda: self.set_quantity(self.quantity - 1))
        self.more.clicked.connect(lambda: self.set_quantity(self.quantity + 1))
        quantity_row = QHBoxLayout()
        quantity_row.setContentsMargins(0, 0, 0, 0)
        quantity_row.setSpacing(12)
        quantity_row.addWidget(self.less)
        quantity_row.addWidget(self.count)
        quantity_row.addWidget(self.more)
        self.quantity_box = QWidget()
        self.quantity_box.setLayout(quantity_row)
        self.note = QLineEdit()
        self.note.setObjectName("requestNote")
        self.note.setMaxLength(NOTE_LENGTH)
        self.keyboard = OnScreenKeyboard(theme, capitalise=Capitalise.SENTENCE)
        self.keyboard.set_target(self.note)
        self.keyboard.submitted.connect(self.send_clicked)
        self.problem = named(QLabel(), "lineStatus")
        self.problem.setWordWrap(True)
        self.cancel = TouchButton(theme, "arrow-left", role="secondary")
        self.cancel.setObjectName("requestCancel")
        self.cancel.clicked.connect(self.cancel_clicked)
        self.send = TouchButton(theme, "check", role="primary", icon_colour="on_accent")
        self.send.setObjectName("requestSend")
        self.send.clicked.connect(self.send_clicked)
        what = QVBoxLayout()
        what.setSpacing(4)
        what.addWidget(self.title)
        what.addWidget(self.subtitle)
        top = QHBoxLayout()
        top.setSpacing(24)
        top.addWidget(self.cancel)
        top.addLayout(what, 1)
        top.addWidget(self.send)
        field_row = QHBoxLayout()
        field_row.setSpacing(24)
        field_row.addWidget(self.quantity_box)
        field_row.addWidget(self.note, 1)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addLayout(field_row)
        column.addWidget(self.problem)
        column.addStretch(1)
        column.addWidget(self.keyboard)
        self._column = column
        theme.changed.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        """The keyboard page's margins at the screen's scale (as the help description's)."""
        fit_page_margins(self, self._column, self._theme, top=24, bottom=16, spacing=16)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit()
        super().resizeEvent(event)

    def open_for(self, entry: CatalogueEntry) -> None:
        limit = entry.max_per_agent or 3
        if entry.available is not None:
            limit = min(limit, entry.available)
        self.max_quantity = max(1, limit if entry.kind is ItemKind.EQUIPMENT else 1)
        self.quantity_box.setVisible(self.max_quantity > 1)
        self.set_quantity(1)
        self.note.clear()
        self.keyboard.reset()
        self.title.setText(entry.name_in(in_english()))
        self.subtitle.setText(words.delivery_text(entry.delivery))
        self.set_problem("")
        self.set_busy(False)
        self.retranslate()

    def set_quantity(self, n: int) -> None:
        self.quantity = max(1, min(self.max_quantity, n))
        self.count.setText(str(self.quantity))
        self.less.setEnabled(self.quantity > 1)
        self.more.setEnabled(self.quantity < self.max_quantity)

    def set_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        self.send.setEnabled(not busy)
        self.cancel.setEnabled(not busy)

    def retranslate(self) -> None:
        self.note.setPlaceholderText(translate("Catalogue", "Une précision ? (facultatif)"))
        self.cancel.setText(translate("Catalogue", "Retour"))
        self.send.setText(translate("Catalogue", "Envoyer la demande"))
        self.keyboard.set_action_label(translate("Catalogue", "Envoyer"))


class DonePage(QWidget):
    """« Demande envoyée »: the number, a QR code of it, the slip printing, « Terminé »."""

    finish_clicked = Signal()

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = IconLabel(theme, "circle-check", 120, colour="success", stroke=1.5)
        self.icon.setObjectName("messageIcon")
        self.icon.setProperty("tone", "success")
        self.icon.setFixedSize(200, 200)  # the round ring of #messageIcon
        self.title = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "messageTitle")
        self.title.setWordWrap(True)
        self.body = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "messageBody")
        self.body.setWordWrap(True)
        self.qr = QrCodeWidget(220)
        self.note = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "messageNote")
        self.note.setWordWrap(True)
        self.finish = TouchButton(theme, "check", role="primary", icon_colour="on_accent")
        self.finish.setObjectName("messagePrimary")
        self.finish.clicked.connect(self.finish_clicked)
        column = QVBoxLayout(self)
        column.setContentsMargins(64, 40, 64, 32)
        column.setSpacing(20)
        self._column = column
        column.addStretch(1)
        column.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.title)
        column.addWidget(self.body)
        column.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.note)
        column.addStretch(2)
        column.addWidget(self.finish, 0, Qt.AlignmentFlag.AlignHCenter)

    def show_request(
        self, reference: str, item_name: str, quantity: int, *, later: bool = False
    ) -> None:
        """``later``: kept on this kiosk until the Smart Tour's next sync (nothing sent yet)."""
        self.title.setText(
            translate("Catalogue", "Demande enregistrée")
            if later
            else translate("Catalogue", "Demande envoyée")
        )
        self.body.setText(
            translate(
                "Catalogue", "{n} × {item} — demande n° {ref}. L’équipe va l’étudier."
            ).format(n=quantity, item=item_name, ref=reference)
        )
        self.qr.set_payload(reference)
        self.note.setText(
            translate(
                "Catalogue",
                "Elle sera envoyée au prochain passage du Smart Tour, où elle sera étudiée\u202f: "
                "rien n’est accordé d’ici là. Votre reçu s’imprime\u202f; suivez-la dans "
                "«\u202fMon espace\u202f».",
            )
            if later
            else translate(
                "Catalogue",
                "Votre reçu s’imprime\u202f; suivez la demande dans «\u202fMon espace\u202f».",
            )
        )
        self.finish.setText(translate("Catalogue", "Terminé"))
        self._fit()

    def _fit(self) -> None:
        """The ring is the only decoration: on a short panel (1366x768) it gives its room to
        the number, its QR code and what happens next, which must all be seen."""
        margins = self._column.contentsMargins()
        width = max(1, self.width() - margins.left() - margins.right())
        words = sum(label.heightForWidth(width) for label in (self.title, self.body, self.note))
        needed = (
            margins.top() + margins.bottom() + words + self.qr.minimumHeight()
            + self.finish.sizeHint().height() + 4 * self._column.spacing()
        )  # fmt: skip
        room_for_ring = self.icon.height() + self._column.spacing()
        self.icon.setVisible(needed + room_for_ring <= self.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit()
        super().resizeEvent(event)

    def clear(self) -> None:
        for label in (self.title, self.body, self.note):
            label.clear()
        self.qr.set_payload("")

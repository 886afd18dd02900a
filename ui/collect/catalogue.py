"""« Catalogue de services »: browse the items by shelf; after a badge, what *this* agent may
request and why not; a request in two taps (« Demander », then « Envoyer la demande »).

    browse --badge--> browse (with verdicts) --Demander--> request --Envoyer--> done

The catalogue and the verdicts come from :mod:`kiosk.collect.catalogue` (the allocation
policy the pickup checks) on the Click & Collect worker. « Done » is shown only once the
request is committed; its slip goes through the print spool, its number is also shown as a
QR code. Nothing of the agent stays after « Terminé », another screen, or the idle reset.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Final

from PySide6.QtCore import Signal
from PySide6.QtGui import QHideEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QGridLayout,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk.collect.catalogue import Catalogue, CatalogueEntry
from kiosk.collect.requests import RequestPlaced, RequestRefused
from kiosk.collect.status import Family
from kiosk.ports import BadgePresented
from kiosk.text import fold
from ui.collect import catalogue_words as words
from ui.collect.catalogue_desk import CatalogueDesk, RequestDraft, UnknownBadge, new_draft
from ui.collect.catalogue_pages import DonePage, ItemCard, RequestPage
from ui.collect.catalogue_words import translate
from ui.formatting import in_english
from ui.screens.base import Screen
from ui.theme import ThemeController
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel
from ui.widgets.kinetic import kinetic_page
from ui.widgets.screen_heading import screen_heading

log = logging.getLogger(__name__)

BROWSE: Final = "browse"
REQUEST: Final = "request"
DONE: Final = "done"


class CatalogueScreen(Screen):
    key = "catalogue"

    page_changed = Signal(str)  # browse | request | done, once shown
    loaded = Signal()  # the catalogue (anonymous or an agent's) is on screen

    def __init__(
        self,
        desk: CatalogueDesk,
        theme: ThemeController,
        *,
        last_visit_stock: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self._theme = theme
        # The Smart Tour: the count of the last sync, and a request kept here until the next
        # sync, where the central base decides it (kiosk.sync.offline): nothing is promised.
        self._last_visit = last_visit_stock
        self.page = BROWSE
        self.catalogue: Catalogue | None = None
        self.family = Family.WORKSTATIONS
        self.draft: RequestDraft | None = None
        # The request just sent, shown on the done page (again in the new language).
        self._done: tuple[RequestPlaced, CatalogueEntry | None] | None = None
        self._request = 0  # answers to an older call than the latest are dropped
        self.cards: list[ItemCard] = []

        browse = QWidget()
        icon = IconLabel(theme, "packages", 64, colour="collect")
        icon.setProperty("area", "collect")
        heading = screen_heading(icon, wrap=True)
        self.title, self.subtitle = heading.title, heading.subtitle
        self.chips: dict[Family, TouchButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        chips = self._chips = QGridLayout()
        chips.setSpacing(16)
        self._chip_columns = 0
        for family in Family:
            chip = TouchButton(theme, role="chip")
            chip.setObjectName(f"family_{family.value}")
            chip.setCheckable(True)
            chip.clicked.connect(lambda _=False, f=family: self.show_family(f))
            group.addButton(chip)
            self.chips[family] = chip
        self._cards = QWidget()  # hidden while its cards change: see _fill
        self._list = QVBoxLayout(self._cards)
        self._list.setContentsMargins(0, 0, 0, 0)
        self._list.setSpacing(16)
        body = QWidget()
        body.setObjectName("collectScrollContent")
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._cards)
        outer.addStretch(1)
        self.list_area = kinetic_page(body, "collectScroll")
        column = QVBoxLayout(browse)
        self._side = 64
        column.setContentsMargins(self._side, 40, self._side, 24)
        column.setSpacing(24)
        column.addLayout(heading.layout)
        column.addLayout(chips)
        column.addWidget(self.list_area, 1)

        self.request_page = RequestPage(theme)
        self.request_page.send_clicked.connect(self.send)
        self.request_page.cancel_clicked.connect(lambda: self._show(BROWSE))
        self.done_page = DonePage(theme)
        self.done_page.finish_clicked.connect(self.clear)
        self._stack = QStackedLayout(self)
        for page in (browse, self.request_page, self.done_page):
            self._stack.addWidget(page)
        self._browse = browse
        self.chips[self.family].setChecked(True)
        self.retranslate()

    # -- input ----------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange_chips()
        super().resizeEvent(event)

    def _arrange_chips(self) -> None:
        """As many shelves on a row as their words allow: five on a landscape panel, fewer
        on a portrait totem or a 1366 px panel in English."""
        room = self._browse.width() - 2 * self._side
        gap = self._chips.spacing()
        widest = max(chip.sizeHint().width() for chip in self.chips.values())
        columns = len(self.chips)
        while columns > 1 and columns * widest + (columns - 1) * gap > room:
            columns -= 1
        if columns == self._chip_columns:
            return
        self._chip_columns = columns
        for chip in self.chips.values():
            self._chips.removeWidget(chip)
        for n, chip in enumerate(self.chips.values()):
            self._chips.addWidget(chip, n // columns, n % columns)

    def handle_badge(self, event: BadgePresented) -> bool:
        if self.page == REQUEST and self.draft is not None:
            return True  # one request at a time: the badge changes nothing now
        request = self._next()
        self.desk.identify(
            event.uid,
            lambda found: self._loaded(request, found),
            lambda exc: self._failed(request, exc),
        )
        return True

    def load(self) -> None:
        """The anonymous catalogue (shown before any badge)."""
        request = self._next()
        self.desk.catalogue(
            None, lambda found: self._loaded(request, found), lambda exc: self._failed(request, exc)
        )

    def _next(self) -> int:
        self._request += 1
        return self._request

    def _loaded(self, request: int, found: Catalogue) -> None:
        if request != self._request:
            return
        self.catalogue = found
        if found.families and self.family not in found.families:
            self.family = found.families[0]
            self.chips[self.family].setChecked(True)
        self._fill()
        if self.page != REQUEST:
            self._show(BROWSE)
        self.loaded.emit()

    def _failed(self, request: int, exc: BaseException) -> None:
        if request != self._request:
            return
        if isinstance(exc, UnknownBadge):
            self.subtitle.setText(
                translate(
                    "Catalogue",
                    "Badge inconnu\u202f: demandez à l’équipe de l’associer à votre nom.",
                )
            )
            return
        log.error("catalogue: %s", exc)
        self.subtitle.setText(
            translate("Catalogue", "Le catalogue n’est pas disponible pour le moment.")
        )

    # -- browsing -------------------------------------------------------------------------

    def show_family(self, family: Family) -> None:
        self.family = family
        self.chips[family].setChecked(True)
        self._fill()

    def entries(self) -> tuple[CatalogueEntry, ...]:
        """The family's items in alphabetical order of the language shown: « Écran » among
        the E (the database's binary order put it after « Webcam »), and the English names
        in English order. Accents and case folded as a French reader orders them (PyICU's
        collation would be exact, a C library for the order of some forty names)."""
        if self.catalogue is None:
            return ()
        english = in_english()
        return tuple(
            sorted(
                self.catalogue.family(self.family),
                key=lambda e: (fold(e.name_in(english)), e.name_in(english)),
            )
        )

    def _fill(self) -> None:
        """The cards of the family shown, for the agent identified (or nobody).

        A badge turns on each card's verdict and « Demander », a « Terminé » turns them off:
        a hundred widgets shown or hidden. Qt lays out every visible ancestor of a widget it
        shows, there and then: the forty cards' list each time, 0.3 to 0.7 ms a widget, 50 ms
        a tap (``bench/catalogue.py``). So the list is hidden while its cards change and shown
        once, laid out once; not when the keypad's focus is in a card (hiding it would move
        the focus, and the narrator with it)."""
        focus = QApplication.focusWidget()
        quiet = self._cards.isVisible() and not (focus and self._cards.isAncestorOf(focus))
        if quiet:
            self._cards.hide()
        try:
            self._fill_cards()
        finally:
            if quiet:
                self._cards.show()

    def _fill_cards(self) -> None:
        shown = self.entries()
        identified = self.catalogue is not None and self.catalogue.person_id is not None
        while len(self.cards) < len(shown):
            card = ItemCard(self._theme)
            card.request_clicked.connect(self.open_request)
            self._list.addWidget(card)
            self.cards.append(card)
        for card, entry in zip(self.cards, shown, strict=False):
            card.set_entry(
                entry, identified=identified, last_visit=self._last_visit
            )  # fmt: skip
            card.show()
        for card in self.cards[len(shown) :]:
            card.hide()
        self._heading()

    def _heading(self) -> None:
        self.title.setText(translate("Catalogue", "Catalogue de services"))
        if self.catalogue is not None and self.catalogue.person_id is not None:
            self.subtitle.setText(
                translate(
                    "Catalogue", "Bonjour {name}\u202f: voici ce que vous pouvez demander."
                ).format(name=self.catalogue.first_name)
            )
        else:
            self.subtitle.setText(
                translate(
                    "Catalogue", "Passez votre badge pour savoir ce que vous pouvez demander."
                )
            )

    # -- the request ----------------------------------------------------------------------

    def open_request(self, item_id: int) -> None:
        if self.catalogue is None or self.catalogue.person_id is None:
            return
        entry = next((e for e in self.catalogue.entries if e.item_id == item_id), None)
        if entry is None or not entry.can_request:
            return
        self.draft = new_draft(self.catalogue.person_id, item_id)
        self.request_page.open_for(entry)
        self._show(REQUEST)

    def send(self) -> None:
        if self.draft is None or self.page != REQUEST:
            return
        page = self.request_page
        self.draft = RequestDraft(
            self.draft.person_id, self.draft.item_id, page.quantity, page.note.text(),
            self.draft.nonce,
        )  # fmt: skip
        page.set_busy(True)
        request = self._next()
        self.desk.place(
            self.draft,
            lambda placed: self._placed(request, placed),
            lambda exc: self._refused(request, exc),
        )

    def _placed(self, request: int, placed: RequestPlaced) -> None:
        if request != self._request:
            return
        asked = self.draft.item_id if self.draft else None
        self.draft = None
        entry = next((e for e in self.entries() if e.item_id == asked), None)
        self._done = (placed, entry)
        self._show_done()
        self._show(DONE)

    def _show_done(self) -> None:
        """The done page in the language of the moment (shown again when it changes)."""
        if self._done is None:
            return
        placed, entry = self._done
        name = entry.name_in(in_english()) if entry else placed.item_name
        self.done_page.show_request(placed.reference, name, placed.quantity, later=self._last_visit)

    def _refused(self, request: int, exc: BaseException) -> None:
        if request != self._request:
            return
        page = self.request_page
        page.set_busy(False)
        if isinstance(exc, RequestRefused):
            entry = next(
                (e for e in self.entries() if self.draft and e.item_id == self.draft.item_id),
                None,
            )
            self.draft = None  # nothing was written: a new attempt is a new request
            why = words.refusal_text(entry, exc.refusal) if entry else ""
            page.set_problem(
                translate("Catalogue", "Demande impossible\u202f: {why}").format(why=why)
            )
            page.send.setEnabled(False)
            return
        log.error("request: %s", exc)
        page.set_problem(
            translate("Catalogue", "La demande n’a pas pu être enregistrée\u202f: réessayez.")
        )

    # -- pages ----------------------------------------------------------------------------

    def _show(self, page: str) -> None:
        self.page = page
        widget = {BROWSE: self._browse, REQUEST: self.request_page, DONE: self.done_page}[page]
        self._stack.setCurrentWidget(widget)
        self.page_changed.emit(page)

    def clear(self) -> None:
        """Forget the agent: the anonymous catalogue again, no name, no verdict, no draft
        (fetched again while the screen is shown: the stock may have moved)."""
        self._next()
        self.draft = None
        self._done = None
        self.done_page.clear()
        self.request_page.note.clear()
        if self.catalogue is not None and self.catalogue.person_id is not None:
            anonymous = tuple(replace(e, refusal=None) for e in self.catalogue.entries)
            self.catalogue = Catalogue(self.catalogue.site_name, anonymous)
        self._fill()
        self._show(BROWSE)
        if self.isVisible():
            self.load()

    def hideEvent(self, event: QHideEvent) -> None:
        if self.catalogue is not None and self.catalogue.person_id is not None:
            self.clear()
        super().hideEvent(event)

    # -- Screen ---------------------------------------------------------------------------

    def shown(self) -> None:
        if self.catalogue is None:
            self.load()

    def go_back(self) -> bool:
        if self.page == REQUEST:
            self._show(BROWSE)
            return True
        return False

    def holds_session(self) -> bool:
        return self.page == REQUEST and not self.request_page.send.isEnabled()

    def reset(self) -> None:
        self.clear()

    def stop_work(self) -> None:
        self.desk.wait()

    def retranslate(self) -> None:
        for family, chip in self.chips.items():
            chip.setText(words.family_name(family))
        self._chip_columns = 0
        self._arrange_chips()
        self.request_page.retranslate()
        self._show_done()
        self._fill()

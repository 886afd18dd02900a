"""« Stock du site » in the staff area: staff count what the site holds, item by item.

Each − or + is written at once (on the Click & Collect worker) as staff's count; the next
catalogue import then keeps it and reports it rather than overwriting it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.collect.catalogue import Catalogue, CatalogueEntry
from ui.collect import texts
from ui.collect.catalogue_desk import CatalogueDesk
from ui.collect.pickup_pages import MARGINS, clear_layout, kinetic_scroll
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton

log = logging.getLogger(__name__)
translate = texts.translate


class StockRow(QFrame):
    changed = Signal(int, int)  # item id, new count

    def __init__(self, theme: ThemeController, entry: CatalogueEntry) -> None:
        super().__init__()
        self.entry = entry
        self.setObjectName("lineCard")
        self.name = named(QLabel(entry.name), "lineName")  # one line: names are short
        self.count = named(QLabel(str(entry.stock or 0)), "collectHello")
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count.setMinimumWidth(96)
        self.less = TouchButton(theme, role="secondary")
        self.less.setText("−")
        self.less.setEnabled((entry.stock or 0) > 0)
        self.more = TouchButton(theme, role="secondary")
        self.more.setText("+")
        self.less.clicked.connect(lambda: self.changed.emit(entry.item_id, (entry.stock or 0) - 1))
        self.more.clicked.connect(lambda: self.changed.emit(entry.item_id, (entry.stock or 0) + 1))
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 10, 24, 10)
        row.setSpacing(16)
        row.addWidget(self.name, 1)
        row.addWidget(self.less)
        row.addWidget(self.count)
        row.addWidget(self.more)


class StockPage(QWidget):
    """The stocked items of this site with their count; « Retour » to the work list."""

    back_clicked = Signal()

    def __init__(
        self, desk: CatalogueDesk, theme: ThemeController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self._theme = theme
        self.rows: list[StockRow] = []
        self.title = named(QLabel(), "collectHello")
        self.site = named(QLabel(), "lineDetail")
        self.site.setWordWrap(True)
        self.message = named(QLabel(), "pinMessage")
        self.message.setWordWrap(True)
        self.back = TouchButton(theme, "arrow-left", role="secondary")
        self.back.clicked.connect(self.back_clicked)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.back)
        content = QWidget()
        self._rows = QVBoxLayout(content)
        self._rows.setContentsMargins(0, 0, 16, 0)
        self._rows.setSpacing(12)
        column = QVBoxLayout(self)
        column.setContentsMargins(*MARGINS)
        column.setSpacing(20)
        column.addLayout(head)
        # under the row, not beside « Retour »: a long site name wraps to its full height there
        column.addWidget(self.site)
        column.addWidget(self.message)
        column.addWidget(kinetic_scroll(content), 1)
        self.retranslate()

    def load(self) -> None:
        self.desk.catalogue(None, self.show_catalogue, self._failed)

    def show_catalogue(self, catalogue: Catalogue) -> None:
        clear_layout(self._rows)
        self.rows = []
        for entry in catalogue.entries:
            if entry.stock is None:
                continue
            row = StockRow(self._theme, entry)
            row.changed.connect(self._set)
            self._rows.addWidget(row)
            self.rows.append(row)
        self._rows.addStretch(1)
        self.site.setText(catalogue.site_name)

    def _set(self, item_id: int, count: int) -> None:
        if count < 0:
            return
        self.message.clear()
        self.desk.set_stock(item_id, count, self.show_catalogue, self._failed)

    def _failed(self, exc: BaseException) -> None:
        log.error("site stock", exc_info=exc)
        self.message.setText(
            translate("Collect", "Un problème technique empêche l’enregistrement.")
        )

    def clear(self) -> None:
        clear_layout(self._rows)
        self.rows = []

    def retranslate(self) -> None:
        self.title.setText(translate("Collect", "Stock du site"))
        self.back.setText(translate("Collect", "Retour"))

"""One order line as a card: the item, how many, its identifiers, and its state.

A ready line is a big toggle (the whole card, not a tiny box): tapped, it is in or out of the
pickup, shown by a ticked square *and* a thick accent border, not by colour alone. Other lines
are quiet cards that say where they stand and when.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.collect.pickup import LineView
from ui import collect_texts as texts
from ui.theme import ThemeController
from ui.widgets.icon_label import IconLabel


class LineCard(QFrame):
    toggled = Signal(int, bool)  # line id, selected

    def __init__(
        self,
        theme: ThemeController,
        line: LineView,
        *,
        selectable: bool,
        selected: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.line = line
        self.selectable = selectable
        self._selected = selected and selectable
        self.setObjectName("lineCard")
        self.setProperty("ready", line.is_ready)
        self.setMinimumHeight(124)
        if selectable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

        item = IconLabel(theme, line.item_icon, 44, colour="collect", stroke=1.6)
        item.setObjectName("lineIcon")
        item.setFixedSize(88, 88)
        self.name = QLabel(line.item_name, objectName="lineName")
        self.name.setWordWrap(True)
        detail = [texts.quantity_text(line)]
        if ident := texts.identity_text(line):
            detail.append(ident)
        self.detail = QLabel("  ·  ".join(detail), objectName="lineDetail")
        self.detail.setWordWrap(True)
        status_row = QHBoxLayout()
        status_row.setSpacing(10)
        colour = "success" if line.is_ready else "text_muted"
        self.status_icon = IconLabel(theme, texts.status_icon(line.status), 28, colour=colour)
        self.status = QLabel(texts.status_text(line), objectName="lineStatus")
        self.status.setProperty("ready", line.is_ready)
        self.status.setWordWrap(True)
        status_row.addWidget(self.status_icon, 0, Qt.AlignmentFlag.AlignTop)
        status_row.addWidget(self.status, 1)
        column = QVBoxLayout()
        column.setSpacing(6)
        column.addWidget(self.name)
        column.addWidget(self.detail)
        column.addLayout(status_row)

        row = QHBoxLayout(self)
        row.setContentsMargins(28, 18, 28, 18)
        row.setSpacing(24)
        row.addWidget(item, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(column, 1)
        self.tick: IconLabel | None = None
        if selectable:
            self.tick = IconLabel(theme, "square-rounded", 64, colour="accent", stroke=2)
            self.tick.setFixedSize(88, 88)
            row.addWidget(self.tick, 0, Qt.AlignmentFlag.AlignVCenter)
        self._show_selected()

    @property
    def selected(self) -> bool:
        return self._selected

    def set_selected(self, on: bool) -> None:
        if not self.selectable or on == self._selected:
            return
        self._selected = on
        self._show_selected()
        self.toggled.emit(self.line.line_id, on)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.selectable and self.rect().contains(event.position().toPoint()):
            self.set_selected(not self._selected)
        super().mouseReleaseEvent(event)

    def _show_selected(self) -> None:
        self.setProperty("selected", self._selected)
        if self.tick is not None:
            self.tick.set_icon("square-rounded-check" if self._selected else "square-rounded")
        self.style().unpolish(self)
        self.style().polish(self)

"""One order line as a card: the item, how many, its identifiers, and its state.

A ready line is a big toggle (the whole card, not a tiny box): tapped, it is in or out of the
pickup, shown by a ticked square *and* a thick accent border, not by colour alone. Other lines
are quiet cards that say where they stand and when.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.collect.views import LineView
from ui.collect import texts
from ui.speech.narrator import TARGET
from ui.speech.phrase import Phrase, say_now
from ui.theme import ThemeController, named
from ui.widgets.icon_label import IconLabel


class LineCard(QFrame):
    """Built once, refilled with :meth:`set_line`: the pickup list reuses its cards, so showing
    an agent's lines costs a few label updates rather than a dozen new widgets per line."""

    toggled = Signal(int, bool)  # line id, selected

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line: LineView | None = None
        self.selectable = False
        self._selected = False
        self.setObjectName("lineCard")
        self.setProperty(TARGET, True)  # the speech path: Enter or Space ticks a ready line
        self.position = (1, 1)  # its place in the list, said instead of the item aloud
        self.setMinimumHeight(124)
        self.item_icon = IconLabel(theme, "package", 44, colour="collect", stroke=1.6)
        self.item_icon.setObjectName("lineIcon")
        self.item_icon.setFixedSize(88, 88)
        self.name = named(QLabel(), "lineName")
        self.name.setWordWrap(True)
        self.detail = named(QLabel(), "lineDetail")
        self.detail.setWordWrap(True)
        self.status_icon = IconLabel(theme, "package", 28, colour="text_muted")
        self.status = named(QLabel(), "lineStatus")
        self.status.setWordWrap(True)
        status_row = QHBoxLayout()
        status_row.setSpacing(10)
        status_row.addWidget(self.status_icon, 0, Qt.AlignmentFlag.AlignTop)
        status_row.addWidget(self.status, 1)
        column = QVBoxLayout()
        column.setSpacing(6)
        column.addWidget(self.name)
        column.addWidget(self.detail)
        column.addLayout(status_row)
        self.tick = IconLabel(theme, "square-rounded", 64, colour="accent", stroke=2)
        self.tick.setFixedSize(88, 88)
        row = QHBoxLayout(self)
        row.setContentsMargins(28, 18, 28, 18)
        row.setSpacing(24)
        row.addWidget(self.item_icon, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(column, 1)
        row.addWidget(self.tick, 0, Qt.AlignmentFlag.AlignVCenter)

    def set_line(self, line: LineView, *, selectable: bool, selected: bool = False) -> None:
        self.line = line
        self.selectable = selectable
        self._selected = selected and selectable
        self.item_icon.set_icon(line.item_icon)
        self.name.setText(line.item_name)
        detail = [texts.quantity_text(line)]
        if ident := texts.identity_text(line):
            detail.append(ident)
        self.detail.setText("  ·  ".join(detail))
        if line.refusal is not None:  # ready, but the allocation policy holds it back
            self.status_icon.set_icon("hand-stop", "warning")
            self.status.setText(texts.listed_refusal_text(line.refusal))
        else:
            colour = "success" if line.is_ready else "text_muted"
            self.status_icon.set_icon(texts.status_icon(line.status), colour)
            self.status.setText(texts.status_text(line))
        self.tick.setVisible(selectable)
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if selectable else Qt.CursorShape.ArrowCursor
        )
        self._restyle()

    def clear(self) -> None:
        """Forget the line (idle reset): no text of the last agent stays, even hidden."""
        self.line = None
        self.selectable = self._selected = False
        for label in (self.name, self.detail, self.status):
            label.clear()
        self.hide()

    @property
    def selected(self) -> bool:
        return self._selected

    def set_selected(self, on: bool) -> None:
        if not self.selectable or self.line is None or on == self._selected:
            return
        self._selected = on
        self._restyle()
        self.toggled.emit(self.line.line_id, on)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.selectable and self.rect().contains(event.position().toPoint()):
            self.set_selected(not self._selected)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self.selectable:
                self.set_selected(not self._selected)
                say_now(self, Phrase(self._tick_text()))
            else:
                say_now(self, Phrase(self.tr("Cet article ne peut pas être retiré aujourd’hui.")))
        else:
            super().keyPressEvent(event)

    def _tick_text(self) -> str:
        if not self.selectable:
            return ""
        return self.tr("coché") if self._selected else self.tr("non coché")

    def spoken(self) -> list[Phrase]:
        """Where the line stands and whether it is ticked; the item itself only into a
        headset (a loudspeaker would tell the room what the agent is collecting)."""
        n, count = self.position
        place = self.tr("Article {n} sur {count}").format(n=n, count=count)
        state = [t for t in (self.status.text(), self._tick_text()) if t]
        personal = [self.name.text(), self.detail.text(), *state]
        return [Phrase(", ".join([place, *state]), ", ".join(t for t in personal if t))]

    def _restyle(self) -> None:
        ready = self.line is not None and self.line.can_hand_over
        self.tick.set_icon("square-rounded-check" if self._selected else "square-rounded")
        changed = False
        for widget, name, value in (
            (self, "ready", ready),
            (self, "selected", self._selected),
            (self.status, "ready", ready),
        ):
            if widget.property(name) != value:
                widget.setProperty(name, value)
                changed = True
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        if changed:
            self.update()

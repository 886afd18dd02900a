"""One figure of the quarter on the statistics screen, and how it moved since the one before."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.theme import ThemeController, named
from ui.widgets.icon_label import IconLabel


class ChangeCard(QFrame):
    """One figure of the quarter, and how it moved since the quarter before."""

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsCard")
        self.title = named(QLabel(), "statsCardTitle")
        self.title.setWordWrap(True)  # four cards share a 1366 px or portrait width
        self.value = named(QLabel("…"), "statsCardValue")
        self.arrow = IconLabel(theme, "equal", 40, colour="text")
        self.change = named(QLabel(), "statsCardChange")
        self.before = named(QLabel(), "statsCardBefore")
        self.before.setWordWrap(True)
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(self.arrow)
        row.addWidget(self.change)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 18, 28, 18)
        column.setSpacing(4)
        column.addWidget(self.title)
        column.addWidget(self.value)
        column.addLayout(row)
        column.addWidget(self.before)

    def show_change(
        self,
        value: str,
        percent: float | None,
        change: str,
        before: str,
        *,
        higher_is_better: bool = True,
    ) -> None:
        """``percent`` picks the arrow (up, down, level also for n/a); the colour says whether
        that is good news, which for a no-show rate is a fall."""
        self.value.setText(value)
        if percent is None or round(percent, 1) == 0:
            self.arrow.set_icon("equal", "text_muted")
            return self._texts(change, before)
        good = (percent > 0) == higher_is_better
        self.arrow.set_icon(
            "trending-up" if percent > 0 else "trending-down", "success" if good else "error"
        )
        self._texts(change, before)

    def _texts(self, change: str, before: str) -> None:
        self.change.setText(change)
        self.before.setText(before)

    def clear(self) -> None:
        self.show_change("…", None, "", "")

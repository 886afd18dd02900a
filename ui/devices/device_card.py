"""One device on the hardware screen: its name, its state (a glyph whose shape says the level,
the same colour, and words) and a few lines of detail."""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.theme import ThemeController, named
from ui.widgets.icon_label import IconLabel


class Level(enum.StrEnum):
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"
    OFF = "off"  # not configured, or nothing to say


_ICON_COLOURS = {
    Level.OK: "success",
    Level.WARNING: "warning",
    Level.ERROR: "error",
    Level.OFF: "text_muted",
}
# The shape says the level without colour: a tick, a triangle, an octagon (a stop sign), a dash.
GLYPHS = {
    Level.OK: "circle-check",
    Level.WARNING: "alert-triangle",
    Level.ERROR: "alert-octagon",
    Level.OFF: "circle-minus",
}


def glyph_row(theme: ThemeController, label: QLabel) -> tuple[IconLabel, QHBoxLayout]:
    """``label`` behind the glyph of its level (shown by ``glyph.set_icon(GLYPHS[level])``)."""
    glyph = IconLabel(theme, GLYPHS[Level.OFF], 34, colour="text_muted", stroke=2.25)
    glyph.setFixedSize(38, 38)
    row = QHBoxLayout()
    row.setSpacing(10)
    row.addWidget(glyph, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(label, 1)
    return glyph, row


class DeviceCard(QFrame):
    def __init__(
        self,
        theme: ThemeController,
        icon: str,
        detail_lines: int = 2,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deviceCard")
        self.icon = IconLabel(theme, icon, 44, colour="text_muted", stroke=1.75)
        self.icon.setFixedSize(64, 64)
        self.title = named(QLabel(), "deviceTitle")
        self.state = named(QLabel(), "deviceState")
        self.state.setWordWrap(True)
        self.glyph, state_row = glyph_row(theme, self.state)
        self.details = [named(QLabel(), "deviceDetail") for _ in range(detail_lines)]
        text = QVBoxLayout()
        text.setSpacing(6)
        text.addWidget(self.title)
        text.addLayout(state_row)
        for label in self.details:
            label.setWordWrap(True)
            text.addWidget(label)
        text.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(32, 28, 32, 28)
        row.setSpacing(24)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        self.level = Level.OFF

    def set_state(self, level: Level, state: str, *details: str) -> None:
        self.level = level
        self.state.setText(state)
        self.state.setProperty("level", level.value)
        self.state.style().unpolish(self.state)
        self.state.style().polish(self.state)
        self.icon.set_colour(_ICON_COLOURS[level])
        self.glyph.set_icon(GLYPHS[level], _ICON_COLOURS[level])
        for n, label in enumerate(self.details):
            label.setText(details[n] if n < len(details) else "")
            label.setVisible(n < len(details) and bool(details[n]))

    def texts(self) -> list[str]:
        return [self.title.text(), self.state.text(), *(d.text() for d in self.details)]

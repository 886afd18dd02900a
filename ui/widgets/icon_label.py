"""A QLabel showing a themed icon."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ui import resources
from ui.theme import ThemeController


class IconLabel(QLabel):
    def __init__(
        self,
        theme: ThemeController,
        icon_name: str,
        size: int,
        colour: str = "text",
        stroke: float | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        self._name = icon_name
        self._size = size
        self._colour = colour
        self._stroke = stroke
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        theme.changed.connect(self.refresh)
        self.refresh()

    @property
    def icon_name(self) -> str:
        return self._name

    def set_colour(self, colour: str) -> None:
        """``colour`` is a theme token name ("accent", "events"...) or a literal #rrggbb."""
        self._colour = colour
        self.refresh()

    def set_icon(self, icon_name: str, colour: str | None = None) -> None:
        self._name = icon_name
        if colour is not None:
            self._colour = colour
        self.refresh()

    def refresh(self) -> None:
        colour = self._colour
        if not colour.startswith("#"):
            colour = getattr(self._theme.tokens, colour)
        self.setPixmap(
            resources.pixmap(self._name, colour, self._size, self.devicePixelRatioF(), self._stroke)
        )

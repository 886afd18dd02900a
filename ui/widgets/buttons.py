"""Big touch buttons whose icons follow the theme."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QShowEvent
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget
from shiboken6 import isValid

from ui import resources
from ui.theme import ThemeController


class TouchButton(QPushButton):
    """A push button of at least the theme's touch target, with a recoloured Tabler icon.

    ``role`` picks the button's look in the QSS (``primary``, ``secondary``, ``danger``, ``bar``,
    ``key``); ``icon_colour`` / ``checked_colour`` name the theme tokens the icon is drawn in.
    """

    def __init__(
        self,
        theme: ThemeController,
        icon_name: str | None = None,
        *,
        role: str = "secondary",
        icon_colour: str = "text",
        checked_colour: str = "on_accent",
        icon_size: int = 36,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        self._icon_name = icon_name
        self._icon_colour = icon_colour
        self._checked_colour = checked_colour
        self._icon_px = icon_size
        self.setProperty("role", role)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no focus rings on a touch screen
        self.setIconSize(QSize(icon_size, icon_size))
        # Drawn when first shown: the buttons built before the first paint (the bottom bar,
        # the idle overlay) are hidden on the attract screen, and each icon is two SVG renders.
        self._icon_drawn = False
        theme.changed.connect(self._refresh_icon)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._icon_drawn:
            self._refresh_icon()
        super().showEvent(event)

    def set_icon_name(self, name: str | None) -> None:
        self._icon_name = name
        self._refresh_icon()

    def _refresh_icon(self) -> None:
        self._icon_drawn = True
        if self._icon_name is None:
            self.setIcon(QIcon())
            return
        tokens = self._theme.tokens
        normal = getattr(tokens, self._icon_colour)
        icon = QIcon()
        ratio = self.devicePixelRatioF()
        icon.addPixmap(resources.pixmap(self._icon_name, normal, self._icon_px, ratio))
        checked = getattr(tokens, self._checked_colour)
        icon.addPixmap(
            resources.pixmap(self._icon_name, checked, self._icon_px, ratio),
            QIcon.Mode.Normal,
            QIcon.State.On,
        )
        self.setIcon(icon)


class ClearButton(TouchButton):
    """Empties a text field: a touch target at the field's right end, inside it.

    QLineEdit's own clear button is a 14 px icon that a finger misses. This one is as tall as
    the field (a touch target, at least MIN_TARGET_MM at the screen's density) and as wide; it
    lives inside the field, so the rows that hold a field need no room for it. Shown only while
    there is something to clear.
    """

    def __init__(self, theme: ThemeController, field: QLineEdit) -> None:
        # an eraser, not an x: an x beside these fields closes the search
        super().__init__(theme, "eraser", role="clear", icon_size=36, parent=field)
        self.setObjectName("clearField")
        self._field = field
        field.setClearButtonEnabled(False)
        self.clicked.connect(field.clear)
        field.textChanged.connect(lambda text: self.setVisible(bool(text)))
        field.installEventFilter(self)
        self.setVisible(bool(field.text()))
        self._place()
        self._name()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._field and event.type() == QEvent.Type.Resize:
            self._place()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._name()
        super().changeEvent(event)

    def _place(self) -> None:
        """A square the field's height at its right end; the typed text stops before it."""
        side = self._field.height()
        self.setFixedSize(side, side)
        self.move(self._field.width() - side, 0)
        self._field.setTextMargins(0, 0, side, 0)

    def _name(self) -> None:
        self.setAccessibleName(self.tr("Effacer la saisie"))


def draw_pending_icons(root: QWidget) -> None:
    """Draw the icons of the buttons under ``root`` not shown yet, one per event-loop turn.

    Called once the kiosk has painted, so that a first tap or a first verdict does not pay
    for the icons of the buttons built hidden before the first paint.
    """
    pending = [button for button in root.findChildren(TouchButton) if not button._icon_drawn]

    def draw_next() -> None:
        while pending:
            button = pending.pop()
            if isValid(button) and not button._icon_drawn:
                button._refresh_icon()
                break
        if pending:
            QTimer.singleShot(0, root, draw_next)

    draw_next()

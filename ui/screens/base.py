"""What every screen offers the router, the idle monitor and the window."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QWidget


class Screen(QWidget):
    """A page of the kiosk: widgets built once, their text (re)set in ``retranslate``."""

    key: ClassVar[str]
    shows_bottom_bar: ClassVar[bool] = True
    idle_applies: ClassVar[bool] = True  # False on the attract screen: nothing to wipe there

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"screen_{self.key}")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

    def retranslate(self) -> None:
        """Set every visible text again (called on QEvent.LanguageChange)."""

    def reset(self) -> None:
        """Forget whatever the last visitor did here (idle reset)."""

    def holds_session(self) -> bool:
        """True while the screen must not be reset (a hand-over or a print in progress)."""
        return False

    def shown(self) -> None:
        """The router has just made this screen the current one."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

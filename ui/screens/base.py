"""What every screen offers the router, the idle monitor and the window."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from kiosk.ports import BadgePresented


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

    def go_back(self) -> bool:
        """ "Retour" was tapped: True if the screen stepped back among its own pages."""
        return False

    def shown(self) -> None:
        """The router has just made this screen the current one."""

    def stop_work(self) -> None:
        """The kiosk is shutting down: let this screen's own workers finish (the database
        closes next)."""

    def handle_badge(self, event: BadgePresented) -> bool:
        """A badge was tapped while this screen is shown: True if the screen used it.

        ``event.uid`` is the raw UID: hash it (HMAC, site key) at once, never keep or show it.
        Not taken here, it goes to the fallbacks (``ui.input.router``), then to a toast.
        """
        return False

    def handle_scan(self, payload: str, source: str) -> bool:
        """A code was scanned (``source``: "wedge", "camera"...): True if the screen used it."""
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

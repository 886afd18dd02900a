"""« Hors service »: the kiosk cannot store anything, says why and how a technician mends it.

Shown instead of a traceback and a restart every 3 s when the database cannot be opened: a
read-only data folder, a full disk, an empty or damaged database file. The visitor reads that
the kiosk is out of order; the technician reads the cause and the command, without a laptop.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.db.health import StorageFault
from ui.screens.base import Screen
from ui.theme import ThemeController, named
from ui.widgets.icon_label import IconLabel


class OutOfServiceScreen(Screen):
    key = "out_of_service"
    shows_bottom_bar = False
    idle_applies = False  # nothing to wipe, and nowhere better to go

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fault = StorageFault.UNREACHABLE
        self._commands: list[str] = []
        icon = IconLabel(theme, "alert-octagon", 72, colour="error", stroke=1.6)
        icon.setFixedSize(120, 120)
        self.title = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "screenTitle")
        self.visitor = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "screenSubtitle")
        self.visitor.setWordWrap(True)
        self.cause = named(QLabel(), "outOfServiceCause")
        self.cause.setWordWrap(True)
        self.command = named(QLabel(), "outOfServiceCommand")
        self.command.setWordWrap(True)
        self.command.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        card = named(QFrame(), "pinCard")
        details = QVBoxLayout(card)
        details.setContentsMargins(48, 36, 48, 36)
        details.setSpacing(18)
        details.addWidget(self.cause)
        details.addWidget(self.command)
        column = QVBoxLayout(self)
        column.setContentsMargins(120, 96, 120, 96)
        column.setSpacing(28)
        column.addStretch(1)
        column.addWidget(icon, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.title)
        column.addWidget(self.visitor)
        column.addSpacing(24)
        column.addWidget(card)
        column.addStretch(2)
        self.retranslate()

    def show_fault(self, fault: StorageFault, commands: list[str]) -> None:
        self._fault = fault
        self._commands = list(commands)
        self.retranslate()

    def _cause_text(self) -> str:
        causes = {
            StorageFault.DISK_FULL: self.tr("disque plein"),
            StorageFault.READ_ONLY: self.tr("dossier des données en lecture seule"),
            StorageFault.EMPTY_FILE: self.tr("base vide ou abîmée"),
            StorageFault.DAMAGED: self.tr("base vide ou abîmée"),
            StorageFault.UNREACHABLE: self.tr("base de données injoignable"),
        }
        return causes[self._fault]

    def retranslate(self) -> None:
        self.title.setText(self.tr("Borne hors service"))
        self.visitor.setText(
            self.tr("Elle ne peut rien enregistrer pour le moment. Merci de prévenir l’équipe.")
        )
        self.cause.setText(self.tr("Cause\u202f: {cause}").format(cause=self._cause_text()))
        # One command a line, so that a line breaks inside a command only when the command
        # alone is wider than the card (a label wraps at hyphens: "smartcorner-" / "kiosk").
        if self._fault in (StorageFault.EMPTY_FILE, StorageFault.DAMAGED) and self._commands:
            first, *others = self._commands
            lines = [first]
            for other in others:
                lines += [self.tr("ou, pour repartir de zéro\u202f:"), other]
        else:
            lines = [f"{n}. {command}" for n, command in enumerate(self._commands, 1)]
        self.command.setText("\n".join([self.tr("Pour réparer\u202f:"), *lines]))

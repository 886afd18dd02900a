"""Besoin d'aide ?, the visitor's ticket: the number huge, position, wait, how the print went.

The number stays on screen whatever the printer does; when it cannot print, the page says
so and asks the visitor to note the number, while the spool keeps retrying the print.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.help.domain import EstimateBasis, HelpReason, WaitEstimate
from ui.help.pages import ICONS, reason_title
from ui.speech.phrase import Phrase, announce, phrases
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.fitting_label import FittingLabel
from ui.widgets.icon_label import IconLabel

PRINT_LINE_MAX = 900  # px of the 1920x1080 design: longer printer news wraps


class PrintState(enum.Enum):
    NONE = "none"  # this kiosk has no printer: the screen is the ticket
    SENDING = "sending"
    PRINTED = "printed"
    TROUBLE = "trouble"  # not printed yet: retried by the spool
    GAVE_UP = "gave_up"  # the spool stopped (deadline, cancelled): note the number


class TicketPage(QWidget):
    done = Signal()
    retry = Signal()

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.caption = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "helpTicketCaption")
        # as large as the panel leaves room for: on 1366x768 a fixed 220 px line was cut
        self.number = named(FittingLabel(), "helpTicketNumber")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason_icon = IconLabel(theme, "ticket", 40, colour="help", stroke=1.75)
        self.reason = named(QLabel(), "helpTicketReason")
        reason_row = QHBoxLayout()
        reason_row.addStretch(1)
        reason_row.addWidget(self.reason_icon)
        reason_row.addWidget(self.reason)
        reason_row.addStretch(1)

        self.position = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "helpFigure")
        self.position_label = named(
            QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "helpFigureLabel"
        )
        self.wait = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "helpFigure")
        self.wait_label = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "helpFigureLabel")
        figures = QHBoxLayout()
        figures.setSpacing(96)
        for value, label in ((self.position, self.position_label), (self.wait, self.wait_label)):
            block = QVBoxLayout()
            block.setSpacing(4)
            block.addWidget(value)
            block.addWidget(label)
            figures.addLayout(block, 1)
        self.note = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "helpNote")
        self.note.setWordWrap(True)

        self.print_icon = IconLabel(theme, "printer", 40, colour="text", stroke=1.75)
        self.print_text = named(QLabel(), "helpPrint")
        self.print_text.setWordWrap(True)
        print_row = QHBoxLayout()
        print_row.setSpacing(16)
        print_row.addStretch(1)
        print_row.addWidget(self.print_icon)
        print_row.addWidget(self.print_text)
        print_row.addStretch(1)

        self.error = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "helpError")
        self.error.setWordWrap(True)
        self.retry_button = TouchButton(theme, "refresh", role="secondary", icon_size=32)
        self.retry_button.clicked.connect(self.retry)
        self.finish = TouchButton(theme, "check", role="primary", icon_colour="on_accent")
        self.finish.setObjectName("helpFinish")
        self.finish.setMinimumWidth(420)
        self.finish.clicked.connect(self.done)
        # « Terminé » sits low on the page, alone and centred, outside the card: the card grows
        # when the ticket, the figures and the printer's news land (while a finger may be on the
        # button), and « Réessayer » belongs to the failure's message in the card.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.finish)
        buttons.addStretch(1)

        card = named(QFrame(), "helpTicketCard")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(72, 24, 72, 32)
        inner.setSpacing(8)
        inner.addWidget(self.caption)
        inner.addWidget(self.number)
        inner.addLayout(reason_row)
        inner.addSpacing(12)
        inner.addLayout(figures)
        inner.addWidget(self.note)
        inner.addSpacing(8)
        inner.addLayout(print_row)
        inner.addWidget(self.error)
        inner.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        # As wide as the design wants, never wider than the screen (a 1080 px portrait totem).
        card.setMaximumWidth(1280)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(card, 100)
        centred.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(64, 24, 64, 24)
        outer.setSpacing(24)
        outer.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(1)
        outer.addLayout(buttons)

        self._ticket: str | None = None
        self._reason: HelpReason | None = None
        self._estimate: WaitEstimate | None = None
        self._called = False
        self._print = PrintState.NONE
        self._failed = False
        theme.changed.connect(self.retranslate)  # the printer's line is measured in the font
        self.retranslate()

    # -- state ----------------------------------------------------------------------------

    def show_busy(self, reason: HelpReason) -> None:
        self._ticket, self._reason, self._estimate = None, reason, None
        self._failed, self._called, self._print = False, False, PrintState.NONE
        self.reason_icon.set_icon(ICONS[reason])
        self.retranslate()

    def show_failure(self) -> None:
        self._failed = True
        self.retranslate()
        announce(self)

    def show_ticket(self, ticket: str, estimate: WaitEstimate, printing: bool) -> None:
        self._ticket, self._estimate, self._failed = ticket, estimate, False
        self._print = PrintState.SENDING if printing else PrintState.NONE
        self.retranslate()
        announce(self)

    def update_estimate(self, estimate: WaitEstimate | None) -> None:
        """A fresher position and wait; None: the ticket has been called."""
        was_called, self._called = self._called, estimate is None
        self._estimate = estimate or self._estimate
        self.retranslate()
        if self._called and not was_called:
            announce(self)  # « C'est à vous ! »

    def set_print_state(self, state: PrintState) -> None:
        self._print = state
        self.retranslate()

    @property
    def print_state(self) -> PrintState:
        return self._print

    @property
    def ticket(self) -> str | None:
        return self._ticket

    # -- text -----------------------------------------------------------------------------

    def spoken(self) -> list[Phrase]:
        """The number, then the place in the queue and the wait, said in whole words."""
        if self._failed:
            return phrases(self.error.text())
        if self._ticket is None:
            return phrases(self.caption.text())
        said = phrases(self.tr("Votre numéro : {ticket}.").format(ticket=self._ticket))
        estimate = self._estimate
        if estimate is not None and self._called:
            said += phrases(self.tr("C’est à vous\u202f! Regardez l’écran d’appel."))
        elif estimate is not None:
            if estimate.position == 1:
                said += phrases(self.tr("Vous êtes le prochain appelé."))
            else:
                said += phrases(self.tr("Vous êtes {n}ᵉ dans la file.").format(n=estimate.position))
            minutes = estimate.minutes
            said += phrases(
                self.tr("Attente estimée\u202f: moins d’une minute.")
                if minutes < 1
                else self.tr("Attente estimée : environ {m} minutes.").format(m=minutes)
            )
        return said + phrases(self.print_text.text())

    def retranslate(self) -> None:
        self.finish.setText(self.tr("Terminé"))
        self.retry_button.setText(self.tr("Réessayer"))
        self.reason.setText(reason_title(self._reason) if self._reason else "")
        waiting = self._ticket is None and not self._failed
        self.caption.setText(
            self.tr("Création de votre ticket…") if waiting else self.tr("Votre numéro")
        )
        self.number.setText(self._ticket or "…")
        self.number.setVisible(not self._failed)
        self.error.setVisible(self._failed)
        self.retry_button.setVisible(self._failed)
        self.error.setText(
            self.tr("Le ticket n’a pas pu être créé. Réessayez, ou adressez-vous à l’accueil.")
        )
        self._show_estimate()
        self._show_print()

    def _show_estimate(self) -> None:
        estimate = self._estimate
        for label in (self.position, self.position_label, self.wait, self.wait_label, self.note):
            label.setVisible(estimate is not None and not self._failed)
        if estimate is None:
            return
        if self._called:
            self.position.setText(self.tr("C’est à vous\u202f!"))
            self.position_label.setText(self.tr("Regardez l’écran d’appel"))
            self.wait.setText("0 min")
        elif estimate.position == 1:
            self.position.setText(self.tr("Prochain"))
            self.position_label.setText(self.tr("Vous êtes le prochain appelé"))
        else:
            self.position.setText(str(estimate.position))
            self.position_label.setText(self.tr("Votre position dans la file"))
        if not self._called:
            minutes = estimate.minutes
            self.wait.setText(self.tr("< 1 min") if minutes < 1 else f"≈ {minutes} min")
        self.wait_label.setText(self.tr("Attente estimée"))
        if estimate.basis is EstimateBasis.DEFAULT:
            self.note.setText(
                self.tr(
                    "Estimation indicative\u202f: il est trop tôt pour mesurer l’attente du jour."
                )
            )
        else:
            self.note.setText(self.tr("Calculée sur les temps de prise en charge d’aujourd’hui."))

    def _show_print(self) -> None:
        state = self._print
        visible = self._ticket is not None and not self._failed
        self.print_icon.setVisible(visible)
        self.print_text.setVisible(visible)
        icon, colour, text = {
            PrintState.NONE: (
                "ticket",
                "text",
                self.tr("Retenez votre numéro\u202f: il s’affichera à l’écran d’appel."),
            ),
            PrintState.SENDING: ("printer", "text", self.tr("Impression de votre ticket…")),
            PrintState.PRINTED: ("printer", "success", self.tr("Prenez votre ticket imprimé.")),
            PrintState.TROUBLE: (
                "printer-off",
                "error",
                self.tr(
                    "L’imprimante ne répond pas\u202f: notez votre numéro. "
                    "L’impression sera relancée."
                ),
            ),
            PrintState.GAVE_UP: (
                "printer-off",
                "error",
                self.tr(
                    "Ticket non imprimé\u202f: notez votre numéro, il suffit pour être appelé."
                ),
            ),
        }[state]
        self.print_icon.set_icon(icon, colour)
        self.print_text.setText(text)
        # one line where the card has room for it (the wrapped label asked for a narrow box and
        # took two lines on every panel, height the number needs on a 1366x768 one)
        one_line = self.print_text.fontMetrics().horizontalAdvance(text) + 1
        room = self._theme.metrics.width * 3 // 5  # a portrait panel's card is narrower
        self.print_text.setMinimumWidth(min(one_line, self._theme.tokens.px(PRINT_LINE_MAX), room))
        trouble = state in {PrintState.TROUBLE, PrintState.GAVE_UP}
        self.print_text.setProperty("trouble", trouble)
        self.print_text.style().unpolish(self.print_text)
        self.print_text.style().polish(self.print_text)

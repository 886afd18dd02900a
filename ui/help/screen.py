"""Besoin d'aide ?: reason → optional description → ticket; and the technician's desk.

One screen (one route, one home tile) holding the steps as pages. Everything that touches the
database goes through :class:`ui.help.client.HelpClient` (worker thread); the pages only show.
A staff badge or the staff PIN opens the desk; an agent's badge names the request.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QLocale, QTimer, Signal
from PySide6.QtWidgets import QStackedLayout, QWidget

from kiosk.admin_access import PinSecret, pin_guard
from kiosk.domain import Role
from kiosk.help.domain import HelpReason, WaitEstimate
from kiosk.rgpd.notice import PrivacyTerms
from ui.help.client import BadgeHolder, HelpClient
from ui.help.pages import DescribePage, ReasonsPage
from ui.help.staff import StaffPage
from ui.help.ticket import PrintState, TicketPage
from ui.screens.base import Screen
from ui.screens.pin import PinScreen
from ui.speech.phrase import Phrase, Spoken

if TYPE_CHECKING:
    from kiosk.help.queue import Board, IssuedTicket
    from kiosk.ports import BadgePresented
    from kiosk.printing.spool import SpoolJob
    from ui.host import ScreenDeps

log = logging.getLogger(__name__)

PRINT_POLL_MS: Final = 1500
ESTIMATE_POLL_MS: Final = 15_000


def _technician_title() -> str:
    return QCoreApplication.translate("StaffPinPad", "Espace technicien")


class HelpScreen(Screen):
    key = "help"

    home_requested = Signal()

    def __init__(self, deps: ScreenDeps, client: HelpClient | None = None) -> None:
        super().__init__()
        self._deps = deps
        self.client = client or HelpClient(
            deps.database, deps.executor, deps.clock, deps.settings, parent=self
        )
        theme = deps.theme
        self.reasons = ReasonsPage(theme)
        self.describe = DescribePage(theme, PrivacyTerms.from_settings(deps.settings))
        self.ticket = TicketPage(theme)
        self.staff_pin = PinScreen(
            pin_guard(deps.settings, deps.clock, PinSecret.STAFF), theme, title=_technician_title
        )
        self.staff = StaffPage(theme, deps.clock, self.client.ask)
        self.pages = QStackedLayout(self)
        for page in (self.reasons, self.describe, self.ticket, self.staff_pin, self.staff):
            self.pages.addWidget(page)

        self.reasons.chosen.connect(self._choose)
        self.reasons.staff_requested.connect(self._ask_pin)
        self.describe.submitted.connect(self._issue)
        self.ticket.done.connect(self._done)
        self.ticket.retry.connect(self._retry)
        self.staff_pin.granted.connect(self._open_staff)
        self.staff_pin.cancelled.connect(lambda: self._show_page(self.reasons))
        self.staff.leave.connect(lambda: self._show_page(self.reasons))

        self._reason: HelpReason = HelpReason.OTHER
        self._description = ""
        self._person_id: int | None = None
        self._issuing = False
        self._issued: IssuedTicket | None = None
        self._print_poll = QTimer(self, interval=PRINT_POLL_MS)
        self._print_poll.timeout.connect(self._poll_print)
        self._estimate_poll = QTimer(self, interval=ESTIMATE_POLL_MS)
        self._estimate_poll.timeout.connect(self._poll_estimate)
        self.retranslate()

    # -- router hooks ---------------------------------------------------------------------

    def retranslate(self) -> None:
        for page in (self.reasons, self.describe, self.ticket, self.staff):
            page.retranslate()

    def spoken(self) -> Sequence[Phrase]:
        page = self.pages.currentWidget()
        return page.spoken() if isinstance(page, Spoken) else []

    def shown(self) -> None:
        if self.pages.currentWidget() is self.reasons:
            self._refresh_queue_info()

    def reset(self) -> None:
        """Idle reset: nothing of the last visitor stays (name, text typed, ticket)."""
        self._stop_polls()
        self.staff.stop()
        self._person_id = None
        self._issued = None
        self._issuing = False
        self._description = ""
        self.reasons.set_person(None)
        self.describe.start(HelpReason.OTHER)
        self.staff_pin.reset()
        self._show_page(self.reasons)

    def holds_session(self) -> bool:
        """Not while the ticket is being created or its print is still on its way."""
        if self._issuing:
            return True
        waiting_print = {PrintState.SENDING, PrintState.TROUBLE}
        return self._issued is not None and self.ticket.print_state in waiting_print

    def handle_badge(self, event: BadgePresented) -> bool:
        """A staff badge opens the desk; an agent's badge names the request."""
        if self.pages.currentWidget() not in (self.reasons, self.describe, self.staff_pin):
            return False
        self.client.identify(event.uid, self._badge_holder)
        return True

    # -- flow -----------------------------------------------------------------------------

    def _show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        if page is self.reasons:
            self._refresh_queue_info()

    def _refresh_queue_info(self) -> None:
        def show(board: Board) -> None:
            self.reasons.set_queue(board.waiting, board.next_wait.minutes)

        self.client.ask(lambda desk: desk.board(limit=1), show, self._log)

    def _choose(self, reason: HelpReason) -> None:
        self._reason = reason
        self.describe.start(reason)
        self._show_page(self.describe)

    def _retry(self) -> None:
        self._issue(self._description)

    def _issue(self, description: str) -> None:
        if self._issuing:
            return
        self._issuing = True
        self._description = description
        self.ticket.show_busy(self._reason)
        self._show_page(self.ticket)
        # the visitor's language (LanguageSwitcher sets the default locale): the paper too
        english = QLocale().language() == QLocale.Language.English
        self.client.issue(
            self._reason,
            description or None,
            self._person_id,
            "en" if english else "fr",
            self._issued_ok,
            self._issue_failed,
        )

    def _issued_ok(self, issued: IssuedTicket) -> None:
        self._issuing = False
        self._issued = issued
        self.ticket.show_ticket(issued.ticket, issued.estimate, issued.print_job_id is not None)
        if issued.print_job_id is not None:
            self._print_poll.start()
        self._estimate_poll.start()

    def _issue_failed(self, exc: BaseException) -> None:
        log.error("help ticket not issued", exc_info=exc)
        self._issuing = False
        self.ticket.show_failure()

    def _poll_print(self) -> None:
        issued = self._issued
        if issued is None or issued.print_job_id is None:
            self._print_poll.stop()
            return
        self.client.print_job(issued.print_job_id, self._print_news)

    def _print_news(self, job: SpoolJob | None) -> None:
        from kiosk.printing.states import PrintJobState

        if self._issued is None:
            return
        if job is None or job.state in {PrintJobState.FAILED, PrintJobState.CANCELLED}:
            state = PrintState.GAVE_UP
        elif job.state is PrintJobState.PRINTED:
            state = PrintState.PRINTED
        elif job.last_error_code is not None:
            state = PrintState.TROUBLE
        else:
            state = PrintState.SENDING
        self.ticket.set_print_state(state)
        if state in {PrintState.PRINTED, PrintState.GAVE_UP}:
            self._print_poll.stop()

    def _poll_estimate(self) -> None:
        issued = self._issued
        if issued is None:
            self._estimate_poll.stop()
            return
        request_id = issued.request_id
        self.client.ask(lambda desk: desk.estimate(request_id), self._estimate_news, self._log)

    def _estimate_news(self, estimate: WaitEstimate | None) -> None:
        if self._issued is not None:
            self.ticket.update_estimate(estimate)

    def _done(self) -> None:
        self.reset()
        self.home_requested.emit()

    def _stop_polls(self) -> None:
        self._print_poll.stop()
        self._estimate_poll.stop()

    # -- staff ----------------------------------------------------------------------------

    def _ask_pin(self) -> None:
        self.staff_pin.shown()
        self._show_page(self.staff_pin)

    def _open_staff(self) -> None:
        self._show_page(self.staff)
        self.staff.start()

    def _badge_holder(self, holder: BadgeHolder | None) -> None:
        if holder is None:
            return  # unknown badge: the visitor carries on anonymously
        if holder.role in (Role.STAFF, Role.ADMIN):
            self._open_staff()
        else:
            self._person_id = holder.person_id
            self.reasons.set_person(holder.first_name)

    @staticmethod
    def _log(exc: BaseException) -> None:
        log.warning("help queue read failed: %s", exc)

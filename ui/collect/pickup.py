"""Retrait Click & Collect: badge or order code -> the agent's lines -> "J'ai bien reçu".

The flow, one page at a time (:mod:`ui.collect.pickup_pages`):

    welcome --badge/code--> checking --> lines --"Retirer"--> confirm --"J'ai bien reçu"-->
    saving --> done (receipt printing) | refused (nothing recorded: why, per line)

Everything that touches the database runs on :class:`~ui.collect.desk.CollectDesk`'s worker.
"Done" is shown only once the hand-over is committed; the receipt follows through the print
spool and its state is shown as the spooler reports it. The screen holds the session (no idle
reset) while saving, and while the receipt's first print attempt is under way.
"""

from __future__ import annotations

import logging
from typing import Final

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QStackedLayout, QWidget

from kiosk.collect.order_code import looks_like_order_code
from kiosk.collect.pickup import AgentLines, HandOverRefused, PickupDone
from kiosk.ports import BadgePresented
from kiosk.printing.spool import SpoolJob
from kiosk.rgpd.notice import PrivacyTerms
from ui.collect import texts
from ui.collect.desk import CollectDesk, Identified
from ui.collect.pickup_pages import ConfirmPage, LinesPage, MessagePage
from ui.collect.pickup_words import (
    Page,
    Problem,
    label_lines,
    label_pages,
    print_note,
    problem_for,
    show_page_message,
)
from ui.screens.base import Screen
from ui.speech.phrase import Phrase, announce, phrases
from ui.theme import ThemeController

__all__ = ["Page", "PickupScreen"]  # Page: the flow's pages, named with their words

log = logging.getLogger(__name__)

PENDING_AFTER_MS: Final = 60  # "Recherche…" only if the answer is not back by then
PRINT_HOLD_MS: Final = 15_000  # the longest the done page keeps idle away for the receipt
DONE_MS: Final = 20_000  # then back to the welcome page by itself


translate = texts.translate


class PickupScreen(Screen):
    key = "collect"

    page_changed = Signal(str)  # a Page value, after the page is shown
    finished = Signal()  # the agent is done: the shell goes home
    staff_requested = Signal()  # "Espace équipe" on the welcome page

    def __init__(
        self,
        desk: CollectDesk,
        theme: ThemeController,
        parent: QWidget | None = None,
        privacy: PrivacyTerms | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.page = Page.WELCOME
        self.current: Identified | None = None
        self.lines: AgentLines | None = None
        self.done: PickupDone | None = None
        self._nonce: str | None = None  # the pickup being saved: a retry reuses it
        self._request = 0  # answers to an older request than the latest are dropped
        self.message = MessagePage(theme)
        self.lines_page = LinesPage(theme)
        self.confirm_page = ConfirmPage(theme, privacy or PrivacyTerms.defaults())
        self._stack = QStackedLayout(self)
        for page in (self.message, self.lines_page, self.confirm_page):
            self._stack.addWidget(page)
        self._pending = QTimer(self, singleShot=True, interval=PENDING_AFTER_MS)
        self._pending.timeout.connect(lambda: self._show(Page.CHECKING))
        self._print_hold = QTimer(self, singleShot=True, interval=PRINT_HOLD_MS)
        self._done_timer = QTimer(self, singleShot=True, interval=DONE_MS)
        self._done_timer.timeout.connect(self.finish)
        self._problem: Problem | None = None
        self._saving: tuple[tuple[int, ...], bytes | None] = ((), None)
        self._print_note = ""

        self.lines_page.take_clicked.connect(self._to_confirm)
        self.lines_page.finish_clicked.connect(self.finish)
        self.lines_page.selection_changed.connect(self._refresh_lines_texts)
        self.confirm_page.confirm_clicked.connect(self.confirm)
        self.message.primary_clicked.connect(self._message_primary)
        self.message.secondary_clicked.connect(self._message_secondary)
        self.retranslate()

    # -- input (router) -------------------------------------------------------------------

    def stop_work(self) -> None:
        self.desk.wait()

    def handle_badge(self, event: BadgePresented) -> bool:
        if self.page in (Page.SAVING, Page.CONFIRM):
            return True  # one pickup at a time: the badge changes nothing now
        request = self._start()
        self.desk.identify_badge(
            event.uid, self.current,
            lambda lines: self._identified(request, lines),
            lambda exc: self._failed(request, exc),
        )  # fmt: skip
        return True

    def handle_scan(self, payload: str, source: str) -> bool:
        if not looks_like_order_code(payload):
            return False
        if self.page in (Page.SAVING, Page.CONFIRM):
            return True
        request = self._start()
        self.desk.identify_code(
            payload, self.current,
            lambda lines: self._identified(request, lines),
            lambda exc: self._failed(request, exc),
        )  # fmt: skip
        return True

    def _start(self) -> int:
        if self.page is Page.DONE:  # the last agent is done: this is the next one
            self.clear()
        self._request += 1
        self._pending.start()
        return self._request

    # -- answers --------------------------------------------------------------------------

    def _identified(self, request: int, lines: AgentLines) -> None:
        if request != self._request:
            return
        self._pending.stop()
        self.current = Identified(lines.person_id, lines.identified_by)
        self.lines = lines
        self.lines_page.show_lines(lines)
        self._refresh_lines_texts()
        self._show(Page.LINES)

    def _failed(self, request: int, exc: BaseException) -> None:
        if request != self._request:
            return
        self._pending.stop()
        self._problem_for(exc)
        self._show(Page.PROBLEM)

    def _problem_for(self, exc: BaseException) -> None:
        names = {v.line_id: v.item_name for v in (self.lines.lines if self.lines else ())}
        saving = self._nonce is not None
        self._problem = problem_for(
            exc, has_lines=self.lines is not None, saving=saving, names=names
        )

    # -- the hand-over --------------------------------------------------------------------

    def _to_confirm(self) -> None:
        selected = self.lines_page.selected
        if not selected:
            return
        self.confirm_page.show_lines(selected)
        self._show(Page.CONFIRM)

    def confirm(self) -> None:
        """ "J'ai bien reçu": record the pickup (the page says so only once it is committed)."""
        if self.current is None or self.page is Page.SAVING:
            return
        line_ids = tuple(v.line_id for v in self.lines_page.selected)
        drawn = self.confirm_page.pad.signature()
        signature = drawn.encode() if drawn is not None else None
        self._save(line_ids, signature)

    def _save(self, line_ids: tuple[int, ...], signature: bytes | None) -> None:
        assert self.current is not None
        self._request += 1
        request = self._request
        self._saving = (line_ids, signature)
        self.confirm_page.set_busy(True, translate("Collect", "Enregistrement…"))
        self._show(Page.SAVING)
        self._nonce = self.desk.hand_over(
            self.current, line_ids, signature,
            lambda done: self._saved(request, done),
            lambda exc: self._save_failed(request, exc),
            nonce=self._nonce,
        )  # fmt: skip

    def _saved(self, request: int, done: PickupDone) -> None:
        self._nonce = None
        if request != self._request:
            return
        if not self.isVisible():  # recorded while the agent went elsewhere: forget it now
            self.clear()
            return
        self.done = done
        self._print_note = translate("Collect", "Votre reçu s’imprime…")
        if done.print_job_id is not None:
            self._print_hold.start()
        self._done_timer.start()
        self._show(Page.DONE)

    def _save_failed(self, request: int, exc: BaseException) -> None:

        if isinstance(exc, HandOverRefused):
            self._nonce = None  # nothing was written: a new attempt is a new pickup
        if request == self._request:
            self._problem_for(exc)
            self._show(Page.PROBLEM)

    def print_job_changed(self, job: SpoolJob) -> None:
        """From the device bridge: the state of a print job (ours or not)."""
        if self.done is None or self.page is not Page.DONE or job.id != self.done.print_job_id:
            return
        note = print_note(job)
        if note is not None:
            self._print_note = note
            self._print_hold.stop()
        self.message.set_note(self._print_note)

    # -- pages ----------------------------------------------------------------------------

    def _message_primary(self) -> None:
        if self.page is Page.DONE:
            self.finish()
        elif self.page is Page.PROBLEM:
            self._leave_problem()

    def _message_secondary(self) -> None:
        if self.page is Page.WELCOME:
            self.staff_requested.emit()
        else:
            self.finish()

    def _leave_problem(self) -> None:
        back = self._problem.back if self._problem is not None else Page.WELCOME
        if back is Page.SAVING:  # a technical failure while saving: same pickup, same nonce
            self._save(*self._saving)
        elif back is Page.CHECKING and self.current is not None:  # refused: what changed?
            request = self._start()
            self.desk.reload(
                self.current, self.lines.order_id if self.lines else None,
                lambda lines: self._identified(request, lines),
                lambda exc: self._failed(request, exc),
            )  # fmt: skip
        elif back is Page.LINES:
            self._show(Page.LINES)
        else:
            self.clear()

    def _show(self, page: Page) -> None:
        self.page = page
        if page is Page.LINES:
            self._stack.setCurrentWidget(self.lines_page)
        elif page in (Page.CONFIRM, Page.SAVING):
            self._stack.setCurrentWidget(self.confirm_page)
        else:
            self._fill_message(page)
            self._stack.setCurrentWidget(self.message)
        self.page_changed.emit(page.value)
        announce(self)

    def spoken(self) -> list[Phrase]:
        """The page as shown. The agent's name and the items are said only into a headset:
        the loudspeaker says how many lines, never what they are."""
        if self.page is Page.LINES:
            lines = self.lines_page
            items = [
                ", ".join(t for t in (c.name.text(), c.detail.text(), c.status.text()) if t)
                for c in lines.cards
            ]
            personal = ". ".join([lines.hello.text(), lines.summary.text(), *items])
            return [
                Phrase(lines.summary.text() or lines.hint.text(), personal),
                *phrases(
                    lines.hint.text(),
                    translate(
                        "Collect",
                        "Flèches pour passer d’un article à l’autre, Entrée pour le cocher ou "
                        "le décocher, puis «\u202f{take}\u202f».",
                    ).format(take=lines.take.text())
                    if lines.take.isVisible()
                    else "",
                ),
            ]
        if self.page is Page.SAVING:
            return phrases(self.confirm_page.status.text())
        if self.page is Page.CONFIRM:  # the keypad's way: see ConfirmPage (no signature)
            confirm = self.confirm_page
            items = [label.text() for label in confirm.lines_shown()]
            count = len(items)
            return [
                Phrase(confirm.title.text()),
                Phrase(
                    translate("Collect", "{n} lignes à recevoir.").format(n=count)
                    if count != 1
                    else translate("Collect", "1 ligne à recevoir."),
                    ". ".join(items),
                ),
                *phrases(
                    confirm.sign_label.text(),
                    translate(
                        "Collect",
                        "Sans signature, allez sur «\u202f{confirm}\u202f» et appuyez sur Entrée.",
                    ).format(confirm=confirm.confirm.text()),
                ),
            ]
        message = self.message
        if self.page is Page.DONE:  # the title has the first name: into a headset only
            return [
                Phrase(translate("Collect", "C’est noté !"), message.title.text()),
                *phrases(message.body.text(), message.note.text()),
            ]
        return phrases(message.title.text(), message.body.text(), message.note.text())

    def _fill_message(self, page: Page) -> None:
        first = self.lines.first_name if self.lines else ""
        show_page_message(
            self.message, page, done=self.done, first=first, print_note=self._print_note,
            problem=self._problem,
        )  # fmt: skip

    def finish(self) -> None:
        """The agent is done (or walked away): forget them, back to the welcome page."""
        self.clear()
        if self.isVisible():  # never pull somebody away from another screen
            self.finished.emit()

    def hideEvent(self, event: QHideEvent) -> None:
        """Left for another screen (Accueil, Retour): the agent's lines do not wait for the
        next person. A pickup being saved finishes first, then is forgotten (``_saved``)."""
        if self.page is not Page.SAVING and self.current is not None:
            self.clear()
        super().hideEvent(event)

    def clear(self) -> None:
        self._request += 1  # late answers are dropped
        self._pending.stop()
        self._print_hold.stop()
        self._done_timer.stop()
        self.current = self.lines = self.done = None
        self._nonce = None
        self._saving = ((), None)
        self.lines_page.clear()
        self.confirm_page.show_lines(())
        self._show(Page.WELCOME)

    # -- Screen ---------------------------------------------------------------------------

    def go_back(self) -> bool:
        """The bottom bar's "Retour": from the confirmation back to the lines (the screen's
        only back button); while saving, nowhere."""
        if self.page is Page.CONFIRM:
            self._show(Page.LINES)
            return True
        return self.page is Page.SAVING

    def holds_session(self) -> bool:
        return self.page is Page.SAVING or self._print_hold.isActive()

    def reset(self) -> None:
        self.clear()

    def shown(self) -> None:
        if self.page is Page.PROBLEM and self.current is None:
            self._show(Page.WELCOME)

    def retranslate(self) -> None:
        label_pages(self.lines_page, self.confirm_page)
        self._refresh_lines_texts()
        if self.page not in (Page.LINES, Page.CONFIRM, Page.SAVING):
            self._fill_message(self.page)

    def _refresh_lines_texts(self) -> None:
        label_lines(self.lines_page, self.lines)

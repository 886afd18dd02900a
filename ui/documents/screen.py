"""Kiosque numérique: browse by theme or "Nouveautés", search as you type, read, take away.

One screen with three pages (catalogue, search, reader) so that the kiosk's "Retour" walks back
through them (:meth:`go_back`) before leaving the Kiosque. The index and database work is done
by :class:`ui.documents.desk.DocumentDesk` off the GUI thread; this class only routes.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QSizePolicy, QStackedLayout, QWidget

from kiosk.documents.catalogue import SearchHit, SearchResults
from kiosk.printing.states import PrintJobState
from ui.documents.browse import BrowsePage
from ui.documents.desk import FICHE_KIND, DocumentDesk, Shelf
from ui.documents.document_list import documents_text
from ui.documents.document_reader import DocumentReader
from ui.documents.search import SearchPage
from ui.formatting import in_english
from ui.screens.base import Screen
from ui.speech.phrase import Phrase, announce, phrases
from ui.theme import ThemeController

if TYPE_CHECKING:
    from kiosk.documents.catalogue import DocumentSummary, PageHit
    from kiosk.documents.library import DocumentContent
    from kiosk.printing.spool import SpoolJob
    from ui.input.bridge import DeviceBridge

log = logging.getLogger(__name__)

FINISHED = {PrintJobState.PRINTED, PrintJobState.FAILED, PrintJobState.CANCELLED}
PRINT_HOLD_S = 90.0  # the idle reset waits for a fiche at most this long


class DocumentsScreen(Screen):
    key = "documents"

    def __init__(
        self,
        desk: DocumentDesk,
        theme: ThemeController,
        bridge: DeviceBridge | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.browse = BrowsePage(theme)
        self.search = SearchPage(theme)
        self.reader = DocumentReader(theme)
        self._pages = QStackedLayout(self)
        self._pages.currentChanged.connect(lambda _page: announce(self))  # said page by page
        for page in (self.browse, self.search, self.reader):
            # each page fits the screen on its own: the hidden ones must not stretch it
            page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            self._pages.addWidget(page)
        self._came_from: QWidget = self.browse
        self._source = "latest"
        self._last_results: SearchResults | None = None
        self._opening: str | None = None  # slug asked for, until it arrives
        self._print_job: int | None = None
        self._print_since = 0.0
        self._early_jobs: dict[int, SpoolJob] = {}  # finished before their id came back

        self.browse.search_requested.connect(lambda: self.open_search(typing=True))
        self.browse.theme_chosen.connect(lambda t: self.open_search(theme=t, typing=False))
        self.browse.document_chosen.connect(lambda hit: self.open_document(hit, "latest"))
        self.search.request_changed.connect(desk.search)
        self.search.document_chosen.connect(self._open_from_search)
        self.search.submitted.connect(self._record_search)
        self.reader.find_requested.connect(self._find)
        self.reader.print_requested.connect(self._print)
        desk.results.connect(self._results)
        desk.ready.connect(self._load_shelf)
        desk.unavailable.connect(self._unavailable)
        if bridge is not None:
            bridge.job_state_changed.connect(self._job_changed)
        desk.refresh()

    def stop_work(self) -> None:
        self.desk.shutdown()  # the index worker may still be building

    # -- navigation ------------------------------------------------------------------------
    @property
    def page(self) -> QWidget:
        widget = self._pages.currentWidget()
        assert widget is not None  # the stack always holds its pages
        return widget

    def open_search(self, *, theme: str | None = None, typing: bool) -> None:
        self._pages.setCurrentWidget(self.search)
        self.search.start(theme=theme, typing=typing)

    def open_document(self, hit: SearchHit, source: str) -> None:
        doc = hit.document
        self._came_from = self.page if self.page is not self.reader else self._came_from
        self._source = source
        self._opening = doc.slug
        self.reader.close_document()
        self.reader.show_opening()
        self.reader.title.setText(doc.title_in(in_english()))
        self.reader.set_take_away(self.desk.public_link(doc.slug), self.desk.can_print)
        self._pages.setCurrentWidget(self.reader)
        self.desk.open_document(doc.slug, source, self._content_arrived, self._open_failed)

    def _open_from_search(self, hit: SearchHit) -> None:
        self._record_search()
        self.open_document(hit, "search" if self.search.request.text.strip() else "theme")

    def _content_arrived(self, content: DocumentContent | None) -> None:
        if content is None:
            if self._opening is not None:  # removed from the catalogue since it was listed
                self._open_failed(LookupError(self._opening))
            return
        if content.summary.slug != self._opening:
            return  # the visitor left (or opened another one) meanwhile
        self._opening = None
        self.reader.show_document(content.summary, content.body_html, content.file)
        self.reader.set_take_away(self.desk.public_link(content.summary.slug),
                                  self.desk.can_print)  # fmt: skip

    def _open_failed(self, exc: BaseException) -> None:
        log.error("opening a document failed", exc_info=exc)
        self._opening = None
        self.reader.show_unavailable(self.tr("Ce document n’est pas disponible pour le moment."))

    def go_back(self) -> bool:
        """ "Retour": reader -> where it was opened from -> catalogue -> leave the Kiosque."""
        if self.page is self.reader:
            self.reader.close_document()
            self._opening = None
            self._pages.setCurrentWidget(self._came_from)
            return True
        if self.page is self.search:
            self._record_search()
            self._pages.setCurrentWidget(self.browse)
            return True
        return False

    # -- answers from the desk -------------------------------------------------------------
    def _load_shelf(self) -> None:
        self.desk.shelf(self._shelf_arrived)

    def _shelf_arrived(self, shelf: Shelf) -> None:
        self.browse.set_shelf(shelf)
        self.search.set_themes(shelf.themes)

    def _results(self, results: SearchResults) -> None:
        self._last_results = results
        self.search.show_results(results)

    def _unavailable(self, _reason: str) -> None:
        """The catalogue or a search failed (logged by the desk): the visitor reads why the
        page is empty; the next showing of the screen tries again."""
        self.browse.show_unavailable()
        if self.page is self.search:
            self.search.show_unavailable()

    def _record_search(self) -> None:
        if self._last_results is not None and self._last_results.query.strip():
            self.desk.record_search(self._last_results)

    def _find(self, text: str) -> None:
        doc = self.reader.document
        if doc is None:
            return

        def found(hits: list[PageHit], asked: str = text) -> None:
            if self.reader.document is doc and self.reader.finder.field.text() == asked:
                self.reader.show_page_hits(hits)

        self.desk.find_in_document(doc.slug, text, found)

    # -- printing the fiche ----------------------------------------------------------------
    def _print(self) -> None:
        doc: DocumentSummary | None = self.reader.document
        if doc is None or self._print_job is not None:
            return
        take_away = self.reader.take_away
        take_away.print.setEnabled(False)
        take_away.status.setText(self.tr("Impression en cours…"))
        self.desk.print_fiche(doc, self._queued, self._print_failed)

    def _queued(self, job_id: int) -> None:
        self._print_job = job_id
        self._print_since = time.monotonic()
        self.reader.take_away.status.setText(
            self.tr("La fiche s’imprime\u202f: prenez-la sous l’écran.")
        )
        early = self._early_jobs.pop(job_id, None)
        self._early_jobs.clear()
        if early is not None:  # the spooler was quicker than the worker's answer
            self._job_changed(early)

    def _print_failed(self, exc: BaseException) -> None:
        log.error("queueing a fiche failed", exc_info=exc)
        self._print_job = None
        self.reader.take_away.print.setEnabled(True)
        self.reader.take_away.status.setText(self.tr("Impossible d’imprimer pour le moment."))

    def _job_changed(self, job: SpoolJob) -> None:
        if job.kind == FICHE_KIND and job.state in FINISHED and self._print_job is None:
            self._early_jobs[job.id] = job
        if job.id != self._print_job or job.state not in FINISHED:
            return
        self._print_job = None
        take_away = self.reader.take_away
        take_away.print.setEnabled(True)
        if job.state is PrintJobState.PRINTED:
            take_away.status.setText(self.tr("Fiche imprimée."))
        else:
            take_away.status.setText(
                self.tr("L’imprimante ne répond pas\u202f: la fiche n’est pas sortie.")
            )

    # -- Screen ----------------------------------------------------------------------------
    def shown(self) -> None:
        self.desk.refresh()
        if self.page is self.browse:
            self._load_shelf()

    def holds_session(self) -> bool:
        """A fiche on its way to the printer, or a video playing: not a time to reset."""
        printing = (self._print_job is not None
                    and time.monotonic() - self._print_since < PRINT_HOLD_S)  # fmt: skip
        return printing or self.reader.playing

    def reset(self) -> None:
        """The next visitor finds the catalogue: document closed, search and filters gone."""
        self._record_search()
        self.reader.close_document()
        self._opening = None
        self._print_job = None
        self.search.reset()
        self.browse.reset()
        self._last_results = None
        self.desk.forget_visitor()
        self._pages.setCurrentWidget(self.browse)

    def retranslate(self) -> None:
        pass  # each page follows the language itself

    def spoken(self) -> list[Phrase]:
        """The page's heading; the reader says the document's title."""
        page = self.page
        if page is self.reader:
            return phrases(self.reader.title.text())
        if page is self.search:
            results = self.search.results.list_model.rowCount()
            return phrases(self.tr("Recherche"), documents_text(results))
        return phrases(self.browse.title.text(), self.browse.subtitle.text())

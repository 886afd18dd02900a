"""The screens' door to the Kiosque numérique: every call on a worker, answers back here.

Two desks (:class:`ui.tasks.WorkerDesk`), so that a keystroke never waits behind a database
round trip:

- :class:`DocumentDesk` itself, on a worker of its own that owns this kiosk's local FTS5 file
  (``kiosk.documents.index``): searches, themes, "Nouveautés", in-document search, and bringing
  the index in line with the catalogue;
- :class:`CatalogueRecords`, on the kiosk's shared worker, does the database work: opening a
  document (its file lands in the local cache by content hash), recording views and searches,
  queueing a printed fiche.

Search-as-you-type keeps at most one search running and one waiting: a newer keystroke
replaces the waiting one and stops the running one where it is (``DocumentIndex.interrupt``,
from this thread, without waiting), so a keystroke never waits behind an answer nobody will
read; ``results`` is only emitted for the latest text (an older answer arriving late is
dropped, a stopped one answers nothing). Each keystroke gets one answer, the complete one: its
work is bounded in the index (``DocumentIndex._ranked``), so a first look painted before it
would only make the list change twice under the visitor's eyes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, Signal

from kiosk.documents.catalogue import (
    SNIPPET_ROWS,
    DocumentKind,
    DocumentSummary,
    SearchInterrupted,
    SearchResults,
)
from ui.tasks import BackgroundExecutor, OnError, WorkerDesk

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.orm import Session

    from kiosk.documents.catalogue import PageHit, ThemeCount
    from kiosk.documents.index import DocumentIndex
    from kiosk.documents.library import DocumentContent
    from kiosk.ports import Clock
    from kiosk.settings import Settings
    from kiosk.this_kiosk import KioskRef
    from ui.data import KioskDatabase

log = logging.getLogger(__name__)

LATEST_COUNT: Final = 12  # "Nouveautés"
RESYNC_AFTER_S: Final = 300.0  # the catalogue may change under a running kiosk (import)
CACHE_FILES: Final = 40  # documents kept in the local file cache
FICHE_KIND: Final = "document_fiche"


@dataclass(frozen=True)
class SearchRequest:
    text: str
    theme: str | None = None
    kind: DocumentKind | None = None
    snippets: int = SNIPPET_ROWS  # result rows the screen shows: each gets a body snippet


@dataclass(frozen=True)
class Shelf:
    """What the catalogue's first page shows."""

    themes: tuple[ThemeCount, ...]
    latest: tuple[DocumentSummary, ...]


class CatalogueRecords(WorkerDesk["KioskRef"]):
    """The documents' database work, on the kiosk's shared worker: this kiosk's row is its place."""

    WHAT = "the document catalogue"

    def __init__(
        self,
        database: KioskDatabase,
        clock: Clock,
        executor: BackgroundExecutor,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(clock, parent, executor=executor)
        self._database = database
        self._kiosk: KioskRef | None = None

    def _open(self) -> KioskRef:
        with self._lock:
            if self._kiosk is None:
                self._sessions = self._database.session_factory()
                self._kiosk = self._database.this_kiosk(self.clock.now())
            return self._kiosk


class DocumentDesk(WorkerDesk["DocumentIndex"]):
    """The Kiosque numérique's door: the index on a worker of its own, records on the shared one.

    Its place (``P``) is the open index. The index needs no session, so its calls go through
    :meth:`call`; the catalogue is read in :meth:`refresh` only. ``ready`` is emitted once the
    index is in line with the catalogue, and again whenever a later sync changed it.
    """

    WHAT = "the document index"
    results = Signal(object)  # SearchResults of the latest request

    def __init__(
        self,
        database: KioskDatabase,
        settings: Settings,
        clock: Clock,
        executor: BackgroundExecutor,
        *,
        open_index: Callable[[], DocumentIndex] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(clock, parent)
        self._database = database
        self._settings = settings
        self._records = CatalogueRecords(database, clock, executor, parent=self)
        self._open_index = open_index or self._default_index
        self._index: DocumentIndex | None = None
        self._synced_at: float | None = None
        self._running: SearchRequest | None = None
        self._token: object | None = None  # the running search's, to interrupt it
        self._waiting: SearchRequest | None = None
        self._latest: SearchRequest | None = None
        self._recorded: tuple[str, str | None, DocumentKind | None] | None = None

    # -- set-up ---------------------------------------------------------------------------
    def _default_index(self) -> DocumentIndex:
        from kiosk.documents.index import open_index
        from kiosk.documents.library import index_path

        return open_index(index_path(self._settings.paths))

    def _open(self) -> DocumentIndex:
        """The index, opened on the first call (again after a failure: it may come back)."""
        with self._lock:
            if self._index is None:
                self._index = self._open_index()
            return self._index

    @property
    def is_ready(self) -> bool:
        return self._synced_at is not None

    def refresh(self) -> None:
        """Open the index and sync it with the catalogue (again once RESYNC_AFTER_S passed)."""
        if self._synced_at is not None and time.monotonic() - self._synced_at < RESYNC_AFTER_S:
            return
        self.call(self._sync, self._synced, self._failed)

    def _sync(self) -> bool:
        from kiosk.documents.library import sync_index

        index = self._open()
        if self._open_index == self._default_index:  # the kiosk's own index file: written apart
            from ui.apart import reindex

            return self._database.apart.run(reindex, self._settings)
        with self._database.session_factory()() as session:
            return sync_index(session, index).changed

    def _synced(self, changed: bool) -> None:
        first = self._synced_at is None
        self._synced_at = time.monotonic()
        if first or changed:
            self.ready.emit()

    def _failed(self, exc: BaseException) -> None:
        log.error("the document catalogue is unavailable: %s", exc, exc_info=exc)
        self.unavailable.emit(str(exc))

    def shutdown(self) -> None:
        """Let the index worker finish, then close the index (at shutdown only)."""
        self.wait()
        if self._index is not None:
            self._index.close()
            self._index = None

    # -- reading the index (index worker) --------------------------------------------------
    def shelf(self, on_done: Callable[[Shelf], None]) -> None:
        def work() -> Shelf:
            index = self._open()
            return Shelf(tuple(index.themes()), tuple(index.latest(LATEST_COUNT)))

        self.call(work, on_done, self._failed)

    def search(self, request: SearchRequest) -> None:
        """Search (or list, when the text is blank) in the background; ``results`` follows."""
        self._latest = request
        if self._running is not None:
            self._waiting = request  # replaces an older keystroke that never ran
            index = self._index  # opened by the running search
            if index is not None and self._running != request:
                index.interrupt(self._token)  # its answer would be dropped: stop it now
            return
        self._start(request)

    def _start(self, request: SearchRequest) -> None:
        self._running = request
        self._token = token = object()
        self.call(lambda: self._search(request, token), self._answered, self._search_failed)

    def _search(self, request: SearchRequest, token: object) -> SearchResults:
        """On the worker, stoppable by a newer keystroke (:meth:`search`)."""
        index = self._open()
        with index.interruptible(token):
            return index.listing(
                request.text, theme=request.theme, kind=request.kind, snippets=request.snippets
            )

    def _answered(self, results: SearchResults) -> None:
        request, self._running = self._running, None
        if request == self._latest and request is not None:
            self.results.emit(results)
        self._next()

    def _search_failed(self, exc: BaseException) -> None:
        self._running = None
        if isinstance(exc, SearchInterrupted):  # a newer keystroke stopped it: that one runs
            self._next()
            return
        log.error("document search failed", exc_info=exc)
        self.unavailable.emit(str(exc))
        self._next()

    def _next(self) -> None:
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._start(waiting)

    def find_in_document(
        self, slug: str, text: str, on_done: Callable[[list[PageHit]], None]
    ) -> None:
        self.call(lambda: self._open().find_in_document(slug, text), on_done, self._failed)

    # -- the database (shared executor) ----------------------------------------------------
    def open_document(
        self,
        slug: str,
        source: str,
        on_done: Callable[[DocumentContent | None], None],
        on_error: OnError,
    ) -> None:
        """The document with its file in the local cache; the view is recorded on the way."""
        from kiosk.documents.library import cache_dir

        folder = cache_dir(self._settings.paths)

        def work(session: Session, kiosk: KioskRef, now: datetime) -> DocumentContent | None:
            from kiosk.db.engine import begin_as_writer
            from kiosk.documents.library import open_content, record_view, trim_cache

            with session.begin():
                begin_as_writer(session)  # it reads, then records the view
                content = open_content(session, slug, folder)
                if content is not None:
                    record_view(session, slug=slug, source=source, kiosk_id=kiosk.id, at=now)
            trim_cache(folder, CACHE_FILES)
            return content

        self._records.run(work, on_done, on_error)

    def record_search(self, results: SearchResults) -> None:
        """Keep what a visitor searched (once per text and filters): the editors read it."""
        key = (" ".join(results.query.split()).lower(), results.theme, results.kind)
        if not key[0] or key == self._recorded:
            return
        self._recorded = key

        def work(session: Session, kiosk: KioskRef, now: datetime) -> None:
            from kiosk.documents.library import record_search

            with session.begin():
                record_search(session, results, kiosk_id=kiosk.id, at=now)

        self._records.run(work, _ignore, _log_failure)

    def forget_visitor(self) -> None:
        """Idle reset: the next visitor's identical search is a new search."""
        self._recorded = None
        self._latest = self._waiting = None
        if self._running is not None and self._index is not None:
            self._index.interrupt(self._token)  # the last visitor's words: nobody will read them

    # -- take-away -------------------------------------------------------------------------
    @property
    def can_print(self) -> bool:
        return self._settings.printer != "none"

    def public_link(self, slug: str) -> str:
        from kiosk.documents.library import public_link

        return public_link(self._settings.documents_url, slug)

    def print_fiche(
        self, document: DocumentSummary, on_done: Callable[[int], None], on_error: OnError
    ) -> None:
        """Queue the fiche on the durable spool, in one transaction with its usage record."""
        link = self.public_link(document.slug)

        def work(session: Session, kiosk: KioskRef, now: datetime) -> int:
            from kiosk.documents.library import fiche_receipt, record_view
            from kiosk.printing import spool as print_spool

            receipt = fiche_receipt(document, link, kiosk.name, now)
            with session.begin():
                record_view(session, slug=document.slug, source="fiche", kiosk_id=kiosk.id,
                            at=now)  # fmt: skip
                return print_spool.enqueue(
                    session, receipt, kind=FICHE_KIND, ref=document.slug[:64],
                    kiosk_id=kiosk.id, now=now,
                )  # fmt: skip

        self._records.run(work, on_done, on_error)


def _ignore(_: object) -> None:
    pass


def _log_failure(exc: BaseException) -> None:
    log.error("recording a document search failed", exc_info=exc)

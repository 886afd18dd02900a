"""The gallery's door to the database: cards, a project's detail and its pictures, read on the
kiosk's shared worker (a few light queries) and handed back by signal."""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from kiosk.ports import Clock
from kiosk.projects.gallery import media_data, open_project, project_cards, project_link
from kiosk.projects.media_files import SUFFIXES, MediaFolder
from kiosk.settings import Settings
from ui.data import KioskDatabase
from ui.tasks import BackgroundExecutor, WorkerDesk

log = logging.getLogger(__name__)


class ProjectDesk(WorkerDesk[bool]):
    WHAT = "Projets numériques"

    cards_ready = Signal(str, object)  # the query, list[ProjectCard]
    detail_ready = Signal(object)  # ProjectDetail | None (gone since the card was drawn)
    media_ready = Signal(str, object)  # content hash, bytes | None
    video_ready = Signal(str, object)  # content hash, Path | None: a file the player can open

    def __init__(
        self,
        database: KioskDatabase,
        settings: Settings,
        clock: Clock,
        executor: BackgroundExecutor | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(clock, parent, executor=executor)
        self._database = database
        self._settings = settings
        self._media: dict[str, bytes | None] = {}  # by content hash: it never goes stale
        # the Smart Tour's pictures and videos, brought down by its sync (kiosk.sync.projects)
        self._files = MediaFolder(settings.paths.project_media_dir)
        self._opening: str | None = None  # the project being read, until its detail is back

    def _open(self) -> bool:
        with self._lock:
            if self._sessions is None:
                self._sessions = self._database.session_factory()
            return True

    def load(self, query: str = "") -> None:
        def work(session: Session, _: bool, now: datetime) -> object:
            return project_cards(session, query)

        self.run(work, lambda cards: self.cards_ready.emit(query, cards))

    def open_project(self, slug: str) -> None:
        """``detail_ready`` with the project's detail; the opening is recorded on the worker
        (``project_view``, for the statistics). A second tap before the page shows is the
        same opening: it is neither read nor counted again."""
        if self._opening == slug:
            return
        self._opening = slug

        def work(session: Session, _: bool, now: datetime) -> object:
            kiosk = self._database.this_kiosk(now)
            return open_project(session, slug, now, kiosk.id)

        def done(detail: object) -> None:
            self._opening = None
            self.detail_ready.emit(detail)

        def failed(exc: BaseException) -> None:
            self._opening = None
            log.error("project %s could not be opened: %s", slug, exc)

        self.run(work, done, failed)

    def media(self, content_hash: str) -> None:
        """``media_ready`` with the bytes (at once when already read)."""
        if content_hash in self._media:
            self.media_ready.emit(content_hash, self._media[content_hash])
            return

        def work(session: Session, _: bool, now: datetime) -> bytes | None:
            return media_data(session, content_hash, self._files)

        def done(data: bytes | None) -> None:
            self._media[content_hash] = data
            self.media_ready.emit(content_hash, data)

        self.run(work, done)

    def video_file(self, content_hash: str, media_type: str) -> None:
        """``video_ready`` with a file of the video in the kiosk's cache (written once), or the
        one the Smart Tour's sync brought down."""
        folder = self._settings.paths.data_dir / "projects-cache"
        path = folder / f"{content_hash}{SUFFIXES.get(media_type, '.mp4')}"

        def work(session: Session, _: bool, now: datetime) -> Path | None:
            if path.exists() and hashlib.sha256(path.read_bytes()).hexdigest() == content_hash:
                return path
            brought = self._files.path_of(content_hash, media_type)
            if brought.is_file():  # the Smart Tour's sync wrote it, checked, under its hash
                return brought
            data = media_data(session, content_hash)
            if not data:  # gone, or a Smart Tour row whose file the budget left central
                return None
            folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            return path

        self.run(work, lambda found: self.video_ready.emit(content_hash, found))

    def link(self, slug: str) -> str:
        return project_link(self._settings.projects_url, slug)

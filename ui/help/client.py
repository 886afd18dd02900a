"""The help queue as the screens use it: every call runs on the worker, results come back as
callbacks on the GUI thread. The GUI thread never waits.

A :class:`ui.tasks.WorkerDesk` on the kiosk's shared worker (a few light queries, no need for a
thread of their own). The :class:`kiosk.help.queue.HelpDesk` is built on first use, on the
worker, from the kiosk's database and row (``KioskDatabase.this_kiosk``), so opening the screen
costs nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kiosk.domain import Role
from kiosk.help.domain import HelpReason, Requester
from kiosk.ports import Clock
from kiosk.settings import Settings
from ui.tasks import BackgroundExecutor, OnError, WorkerDesk

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.orm import Session

    from kiosk.help.queue import HelpDesk, IssuedTicket
    from kiosk.printing.spool import SpoolJob
    from ui.data import KioskDatabase

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BadgeHolder:
    """Only what the help screen needs of the person: the first name, shown to them alone."""

    person_id: int
    first_name: str
    role: Role | None


class HelpClient(WorkerDesk["HelpDesk"]):
    """The help screens' door to the queue (on the kiosk's shared worker)."""

    WHAT = "the help queue"

    def __init__(
        self,
        database: KioskDatabase,
        executor: BackgroundExecutor,
        clock: Clock,
        settings: Settings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(clock, parent, executor=executor)
        self._database = database
        self._settings = settings
        self._desk: HelpDesk | None = None

    def _open(self) -> HelpDesk:
        with self._lock:
            if self._desk is None:
                # the help domain loads here, on the worker (the GLPI client in its own worker)
                from kiosk.help.queue import HelpDesk
                from kiosk.printing import spool as print_spool

                kiosk = self._database.this_kiosk(self.clock.now())
                printing = self._settings.printer != "none"
                self._sessions = self._database.session_factory()
                self._desk = HelpDesk(
                    self._sessions,
                    self.clock,
                    kiosk.id,
                    enqueue_print=print_spool.enqueue if printing else None,
                    forward=self._settings.forwards_to_glpi,
                )
            return self._desk

    def desk(self) -> HelpDesk:
        """Worker thread only."""
        return self._open()

    def ask[T](
        self,
        work: Callable[[HelpDesk], T],
        on_done: Callable[[T], None],
        on_error: OnError | None = None,
    ) -> None:
        """``work(desk)`` on the worker, ``on_done(result)`` here."""

        def task(_session: Session, desk: HelpDesk, _now: datetime) -> T:
            return work(desk)

        self.run(task, on_done, on_error)

    def issue(
        self,
        reason: HelpReason,
        description: str | None,
        person_id: int | None,
        lang: str,
        on_done: Callable[[IssuedTicket], None],
        on_error: OnError,
    ) -> None:
        requester = Requester.AGENT if person_id is not None else Requester.ANONYMOUS
        self.ask(
            lambda desk: desk.issue(
                reason, description, person_id=person_id, requester=requester, lang=lang
            ),
            on_done,
            on_error,
        )

    def print_job(self, job_id: int, on_done: Callable[[SpoolJob | None], None]) -> None:
        def work(_desk: HelpDesk) -> SpoolJob | None:
            from kiosk.printing.spool import PrintSpool

            return PrintSpool(self._database.session_factory()).get(job_id)

        self.ask(work, on_done)

    def identify(self, uid: bytes, on_done: Callable[[BadgeHolder | None], None]) -> None:
        """Who a badge belongs to (None: unknown); the UID is hashed with the site key at once."""

        def work(session: Session, _desk: HelpDesk, _now: datetime) -> BadgeHolder | None:
            from kiosk.identity import badge_hash, load_site_key, person_for_badge

            key = load_site_key(self._settings.site_key_path)
            person = person_for_badge(session, badge_hash(key, uid))
            if person is None or not person.active:
                return None
            return BadgeHolder(person.id, person.first_name, person.role)

        self.run(work, on_done, lambda exc: log.warning("badge look-up failed: %s", exc))

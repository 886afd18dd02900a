"""Fleet health in the running kiosk: the heartbeat every ``heartbeat_interval`` seconds, the
incidents it reconciles, their tickets, and the fleet report the « Parc des bornes » screen
shows — all on a worker of its own, so a slow GLPI or database never reaches the GUI thread.

What only the running kiosk knows (its devices' states as the bridge remembers them, its last
visitor) is gathered on the GUI thread — a few attribute reads — and handed to the worker,
which adds what the database knows and writes it.

A Smart Tour kiosk (``central_db`` set) writes its heartbeat in its own database; the sync
carries it to the central one, where the other kiosks judge it. It reconciles nothing itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.fleet.rules import FleetRules
from kiosk.fleet.state import KioskState
from kiosk.ports import Clock
from kiosk.settings import Settings
from ui.data import KioskDatabase
from ui.tasks import WorkerDesk

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kiosk.fleet.heartbeat import StorageCheck
    from kiosk.fleet.report import KioskLine

log = logging.getLogger(__name__)

Gather = Callable[[datetime], KioskState]  # on the GUI thread: what only the running kiosk knows


@dataclass
class FleetPlace:
    kiosk_id: int
    kiosk_code: str
    version: str
    schema: str
    check: StorageCheck
    tickets: Any  # JournalTickets | GlpiIncidentTickets: run_once() -> int


class FleetDesk(WorkerDesk[FleetPlace]):
    WHAT = "fleet health"
    beaten = Signal()  # a heartbeat was written (tests wait on it)
    reported = Signal(object)  # list[KioskLine], for the screen

    def __init__(
        self,
        settings: Settings,
        clock: Clock,
        database: KioskDatabase,
        gather: Gather,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(clock, parent)
        self._settings = settings
        self._database = database
        self._gather = gather
        self._rules = FleetRules.of(settings)
        self._place: FleetPlace | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(settings.heartbeat_interval * 1000)
        self._timer.timeout.connect(self.beat)
        self.beats = 0
        self._beating = False

    def start(self) -> None:
        self.beat()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.wait()

    def beat(self) -> None:
        """One heartbeat, unless the last one is still on its way: a slow database or GLPI
        must not pile up heartbeats that would each be stamped with a time long gone."""
        if self._beating:
            return
        self._beating = True
        state = self._gather(self.clock.now())
        self.run(
            lambda session, place, _queued: self._beat_work(session, place, state),
            self._beaten,
            self._beat_failed,
        )

    def report(self) -> None:
        """Read the fleet on the worker; ``reported`` carries it back."""
        self.run(self._report_work, self.reported.emit, self._report_failed)

    # --- worker thread --------------------------------------------------------------------

    def _open(self) -> FleetPlace:
        with self._lock:
            if self._place is None:
                import kiosk
                from kiosk.db.migrate import HEAD_REVISION
                from kiosk.fleet.heartbeat import StorageCheck

                sessions = self._database.session_factory()
                self._sessions = sessions
                ref = self._database.this_kiosk(self.clock.now())
                self._place = FleetPlace(
                    kiosk_id=ref.id,
                    kiosk_code=ref.code,
                    version=str(kiosk.__version__),
                    schema=HEAD_REVISION,
                    check=StorageCheck(),
                    tickets=self._tickets(sessions),
                )
            return self._place

    def _tickets(self, sessions: Any) -> Any:
        from kiosk.fleet.incidents import IncidentOutbox, JournalTickets

        outbox = IncidentOutbox(sessions, self.clock)
        if not self._settings.forwards_to_glpi:  # nor the GLPI client's HTTP stack
            return JournalTickets(outbox)
        from hardware.glpi import GlpiIncidentTickets, glpi_config

        config = glpi_config(self._settings)
        assert config is not None
        log.info("fleet incidents go to GLPI at %s", config.url)
        return GlpiIncidentTickets(outbox, config)

    def _beat_work(self, session: Session, place: FleetPlace, gathered: KioskState) -> None:
        now = self.clock.now()  # when it is written: the time the other kiosks judge it by
        from kiosk.db.engine import begin_as_writer
        from kiosk.fleet.heartbeat import with_database_facts, write_heartbeat
        from kiosk.fleet.incidents import reconcile

        assert self._sessions is not None
        state = replace(gathered, version=place.version, schema=place.schema)
        state = with_database_facts(state, self._sessions, place.kiosk_id, place.check, now)  # type: ignore[arg-type]
        if state.syncs:  # the sync's modules load on Smart Tour kiosks only
            from kiosk.sync.tour import sync_status

            synced = sync_status(session.get_bind(), place.kiosk_id)  # type: ignore[arg-type]
            state = replace(state, last_sync_at=synced.last_success_at, sync_waiting=synced.pending)
        # Begun as a writer: a read turned write failed at once with « database is locked »
        # when another connection (the Smart Tour's sync, a check-in) wrote in between.
        session.rollback()
        begin_as_writer(session)
        write_heartbeat(
            session,
            place.kiosk_id,
            state,
            now,
            rules=self._rules,
            history_days=self._settings.fleet_history_days,
        )
        session.commit()
        if self._settings.central_db:
            return  # a Smart Tour kiosk: the central database judges it after the sync
        reconcile(session, now, self._rules, by=place.kiosk_code)
        place.tickets.run_once()

    def _report_work(self, session: Session, _place: FleetPlace, now: datetime) -> list[KioskLine]:
        from kiosk.fleet.report import fleet_report

        return fleet_report(session, now, self._rules)

    # --- GUI thread -----------------------------------------------------------------------

    def _beaten(self, _result: object) -> None:
        self._beating = False
        self.beats += 1
        self.beaten.emit()

    def _beat_failed(self, exc: BaseException) -> None:
        self._beating = False
        log.error("heartbeat not written: %s", exc, exc_info=exc)

    def _report_failed(self, exc: BaseException) -> None:
        log.error("fleet report not read: %s", exc, exc_info=exc)

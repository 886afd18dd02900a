"""Running the Smart Tour sync from the settings: the engines and this kiosk's row.

A brand-new tour kiosk does not yet hold its site (it comes with the first pull), so the
first run pulls, then finds or creates the kiosk row, then syncs again to push.
"""

from __future__ import annotations

import socket
from collections.abc import Callable

from sqlalchemy import Engine, make_url, select
from sqlalchemy.orm import Session

from kiosk.db.engine import begin_writing, make_session_factory
from kiosk.db.models import Kiosk
from kiosk.fleet.heartbeat import carry_heartbeat
from kiosk.fleet.rules import FleetRules
from kiosk.ports import Clock
from kiosk.projects.media_files import MediaFolder
from kiosk.settings import Settings
from kiosk.sync.push import CentralIds
from kiosk.sync.tour import (
    SyncError,
    SyncFailure,
    SyncReport,
    SyncStatus,
    TourSync,
    central_engine,
    record_failure,
    sync_status,
)
from kiosk.this_kiosk import DEMO_PREFIX, UnknownSiteError, host_code, register_kiosk

PROBE_TIMEOUT = 2.0  # seconds: the kiosk's worker asks often; an absent network answers fast


def local_kiosk_id(local: Engine, settings: Settings) -> int | None:
    """This kiosk's id in its own database, if it has its row already (no write)."""
    demo = f"{DEMO_PREFIX}{settings.profile.value.upper()}"
    codes = [settings.kiosk_code] if settings.kiosk_code else [demo, host_code()]
    with local.connect() as conn:
        for code in codes:  # the order ensure_kiosk picks a code in
            found = conn.scalar(select(Kiosk.id).where(Kiosk.code == code))
            if found is not None:
                return int(found)
    return None


def _ensure(local: Engine, settings: Settings, clock: Clock) -> int | None:
    try:
        return register_kiosk(make_session_factory(local), settings, clock.now()).id
    except UnknownSiteError:
        return None


def run_sync(
    local: Engine,
    settings: Settings,
    clock: Clock,
    should_stop: Callable[[], bool] = lambda: False,
) -> tuple[SyncReport, int | None]:
    """One full sync with the settings' central database; the kiosk id it ran for."""
    if not settings.central_db:
        raise SyncError("no central database configured (setting central_db)", SyncFailure.SETTINGS)
    if settings.central_db == settings.database_url:
        raise SyncError(
            "central_db is this kiosk's own database: nothing to sync", SyncFailure.SETTINGS
        )
    central = central_engine(settings.central_db)
    try:
        kiosk_id = _ensure(local, settings, clock)
        report = _sync(local, central, kiosk_id, clock, settings, should_stop)
        if kiosk_id is None:  # its site has just come down: now it can push
            kiosk_id = _ensure(local, settings, clock)
            if kiosk_id is None:
                raise SyncError(f"site {settings.site!r} (setting 'site') is not in the "
                                "central database either", SyncFailure.SETTINGS)  # fmt: skip
            second = _sync(local, central, kiosk_id, clock, settings, should_stop)
            report.pushed, report.conflicts = second.pushed, second.conflicts
        _carry_heartbeat(local, central, kiosk_id, settings)
        return report, kiosk_id
    finally:
        central.dispose()


def _carry_heartbeat(local: Engine, central: Engine, kiosk_id: int, settings: Settings) -> None:
    """The kiosk's last heartbeat goes with each sync: the fleet hears the Smart Tour then."""
    with begin_writing(central) as cc, make_session_factory(local)() as here, Session(cc) as there:
        central_id = CentralIds(local, kiosk_id).kiosk(cc)  # registered there if need be
        carry_heartbeat(
            here,
            there,
            kiosk_id,
            central_id,
            rules=FleetRules.of(settings),
            history_days=settings.fleet_history_days,
        )


def _sync(
    local: Engine,
    central: Engine,
    kiosk_id: int | None,
    clock: Clock,
    settings: Settings,
    should_stop: Callable[[], bool],
) -> SyncReport:
    return TourSync(
        local,
        central,
        kiosk_id,
        clock,
        retention=settings.retention,
        should_stop=should_stop,
        media=MediaFolder(settings.paths.project_media_dir),
    ).run()


def reachable(url: str, timeout: float = PROBE_TIMEOUT) -> bool:
    """Whether the central database's server accepts a TCP connection now (a file: exists)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        from pathlib import Path

        return bool(parsed.database) and Path(str(parsed.database)).exists()
    host = parsed.host or "localhost"
    port = parsed.port or 5432
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def sync_once(
    local: Engine,
    settings: Settings,
    clock: Clock,
    should_stop: Callable[[], bool] = lambda: False,
) -> SyncStatus | None:
    """What the running kiosk's worker does: sync if the central base answers, note why not
    otherwise, and say where things stand (None: this kiosk has no row yet)."""
    if not reachable(settings.central_db):
        record_failure(
            local, clock.now(), SyncFailure.UNREACHABLE, "no answer to the connection probe"
        )
    else:
        try:
            run_sync(local, settings, clock, should_stop)
        except SyncError as exc:  # shown by the status below (TourSync.run noted it already)
            record_failure(local, clock.now(), exc.failure, str(exc))
    kiosk_id = local_kiosk_id(local, settings)
    return sync_status(local, kiosk_id, clock.now()) if kiosk_id is not None else None

"""Screenshots of the Smart Tour's sync state (``python -m tools.screenshots.main`` calls
:func:`shoot_sync`): the chip in the bottom bar when synced and when offline, and the hardware
screen's section with conflicts. The states are presented as a sync would leave them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.paths import Paths
from kiosk.ports import FixedClock
from kiosk.settings import Language, Profile, Settings
from kiosk.sync.failures import SyncFailure
from kiosk.sync.tour import ConflictLine, SyncStatus
from tools.screenshots import panel as screen_panel
from ui.app.shell import Shell, build_shell
from ui.sync.status import SyncMonitor, SyncView

CENTRAL = "postgresql+psycopg://kiosk@central.invalid/smartcorner"


def _views(now: datetime) -> dict[str, SyncView]:
    synced = SyncStatus(
        last_success_at=now - timedelta(minutes=4),
        last_attempt_at=now - timedelta(minutes=4),
        last_error=None,
        data_as_of=now - timedelta(minutes=4),
        pending=0,
        conflicts=0,
    )
    offline = SyncStatus(
        last_success_at=now - timedelta(hours=3, minutes=20),
        last_attempt_at=now - timedelta(minutes=1),
        last_error="no answer to the connection probe",
        last_failure=SyncFailure.UNREACHABLE,
        data_as_of=now - timedelta(hours=3, minutes=20),
        pending=37,
        conflicts=2,
    )
    conflicts = (
        ConflictLine(now - timedelta(hours=2), "Nadia Benali", "Café numérique à Menton",
                     "Déjà enregistré à 10:25 au kiosque Smart Room — entrée"),
        ConflictLine(now - timedelta(hours=2, minutes=5), "Louis Ferrand", None,
                     "Visite déjà comptée à 09:58 au kiosque Smart Store — accueil"),
    )  # fmt: skip
    return {
        "synced": SyncView(configured=True, status=synced),
        "offline": SyncView(configured=True, status=offline, conflicts=conflicts),
    }


def shoot_sync(
    app: QApplication,
    outdir: Path,
    settle: Callable[[], None],
    now: datetime,
    data_dir: Path,
    loader: Callable[..., list],
) -> list[Path]:
    settings = Settings(speech_engine="none", profile=Profile.TOUR,
                        paths=Paths(data_dir=data_dir, config_file=None),
                        kiosk_name="Smart Tour", central_db=CENTRAL)  # fmt: skip
    shell: Shell = build_shell(settings, app=app, clock=FixedClock(now), events_loader=loader)
    screen_panel.fit(shell)
    shell.window.transition.duration_ms = 0
    shell.start()
    shell.window.show()
    monitor = shell.service(SyncMonitor)
    assert isinstance(monitor, SyncMonitor)
    monitor.stop()  # no real sync: the pictures show the states
    shell.feed.refresh()
    while shell.executor.pending:
        settle()
    shots: list[Path] = []

    def shoot(name: str) -> None:
        settle()
        path = screen_panel.png(outdir, name)
        shell.window.grab().save(str(path))
        shots.append(path)

    for name, view in _views(now).items():
        monitor.present(view)
        for lang in Language:
            for accessible in (False, True):
                shell.router.go("events")
                shell.session.set_language(lang)
                shell.session.set_accessible(accessible)
                mode = "accessible" if accessible else "normal"
                shoot(f"tour-events-sync-{name}-{lang.value}-{mode}")
    shell.session.set_language(Language.FR)
    shell.session.set_accessible(False)
    shell.router.go("hardware")
    shoot("tour-hardware-sync-offline-fr-normal")
    shell.close()
    settle()
    return shots

"""The composition root: builds the Qt application and the kiosk, runs it, tears it down.

Startup is kept close to a bare PySide6 window: only the attract screen is built before the
first paint, the database is opened and queried on the worker thread afterwards, and the other
screens are built on first visit.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

    from hardware.devices import Devices
    from kiosk.ports import Clock
    from ui.app.display_power import DisplayPower
    from ui.app.shell import Shell
    from ui.app.watchdog import RestartAtIdle, SystemdWatchdog

log = logging.getLogger(__name__)

_IMPORTED_AT = time.perf_counter()
WINDOWED_SIZE = (1920, 1080)


def ms_since_process_start(started_at: float | None = None) -> int:
    """Milliseconds since this process was created (Linux /proc), else since ``started_at``.

    ``started_at`` is a ``time.perf_counter()`` reading taken as early as possible.
    """
    try:
        stat = Path("/proc/self/stat").read_text()
        # Field 22 is the start time in clock ticks after boot; the name (field 2) may hold spaces.
        start_ticks = int(stat[stat.rindex(")") + 2 :].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return round((uptime - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000)
    except (OSError, ValueError, IndexError):
        since = _IMPORTED_AT if started_at is None else started_at
        return round((time.perf_counter() - since) * 1000)


def run(
    settings: Settings,
    *,
    windowed: bool,
    smoke: bool,
    started_at: float | None = None,
    after_first_paint: Callable[[], None] | None = None,
) -> int:
    """Run the kiosk until it is quit (admin screen); in ``smoke`` mode, until it has painted.

    ``after_first_paint`` runs on the GUI thread once the attract screen is up (the log file).

    Smoke mode prints one line, ``ready in <N> ms``, when the attract screen first paints, then
    waits for the first programme query and exits: 0 if it worked, 1 if the database failed.
    """
    import gc

    # No cycle collection before the first paint (GuiThreadCollector takes over after it).
    gc.disable()
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from ui.app.pyside_hook import lighten_feature_hook

    lighten_feature_hook()  # before the kiosk's own modules: each import read its source
    import kiosk
    from kiosk.ports import SystemClock
    from ui import resources
    from ui.app.qtlog import forward_qt_messages
    from ui.app.shell import build_shell
    from ui.data import KioskDatabase
    from ui.events_feed import FeedState

    forward_qt_messages()
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    from ui.app.gc_guard import GuiThreadCollector

    # Qt objects must never be freed by a worker's collection; it starts after the first paint.
    collector = GuiThreadCollector(parent=app, start=False)
    app.setApplicationName("smartcorner")
    app.setApplicationDisplayName("Smart Corner")
    app.setOrganizationName("Smart Corner")

    database = KioskDatabase.for_settings(settings)
    clock = SystemClock()
    shell = build_shell(
        settings,
        app=app,
        clock=clock,
        events_loader=database.upcoming_events,
        database=database,
        # full screen: the theme sized for the panel at once (not again when the window fills it)
        screen=None if windowed else app.primaryScreen(),
        services_after_paint=True,
    )
    outcome = {"rc": 0}

    if smoke:

        def painted() -> None:
            sys.stdout.write(f"ready in {ms_since_process_start(started_at)} ms\n")
            sys.stdout.flush()

        def first_load() -> None:
            if shell.feed.state is FeedState.FAILED:
                log.error("smoke: the programme could not be loaded from the database")
                outcome["rc"] = 1
            app.quit()

        shell.attract.first_painted.connect(painted)
        shell.feed.changed.connect(first_load)

    def build_devices() -> Devices:  # on the worker
        from hardware.devices import build_devices
        from kiosk.db.health import StorageError

        bridge = shell.bridge
        try:  # the spooler prints this kiosk's jobs only: kiosks may share one database
            kiosk_id: int | None = database.this_kiosk(clock.now()).id
        except StorageError as exc:  # already said, with its cause, by the database
            log.error("this kiosk is not registered (%s): its spooler prints every job", exc.fault)
            kiosk_id = None
        except Exception:
            log.exception("this kiosk is not registered: its spooler prints every queued job")
            kiosk_id = None
        return build_devices(
            settings,
            on_preview=bridge.on_ticket_preview,
            on_print_job=bridge.on_print_job,  # the spooler prints queued receipts from now on
            on_printer_status=bridge.on_printer_status,
            kiosk_id=kiosk_id,
        )

    if after_first_paint is not None:
        shell.attract.first_painted.connect(after_first_paint)
    shell.attract.first_painted.connect(collector.start_after_start_up)
    # after the first paint and the first programme query (one worker: they queue up)
    shell.attract.first_painted.connect(lambda: shell.load_devices(build_devices))
    if settings.camera:
        shell.attract.first_painted.connect(shell.start_camera)
    supervision = _supervise(shell, settings, app)
    # The screen's opening hours: from the first frame (it is lit at start whatever the hour).
    displays: list[DisplayPower] = []

    def start_display_power() -> None:
        display = _display_power(shell, settings, clock)
        displays.append(display)
        display.start()

    shell.attract.first_painted.connect(start_display_power)

    if os.environ.get("SMARTCORNER_TEST_PROBE") == "1":  # end-to-end tests: ui.widgets.probe
        from ui.widgets.probe import GeometryProbe

        GeometryProbe(shell.window)
    if stall := os.environ.get("SMARTCORNER_TEST_STALL"):  # end-to-end tests: ui.widgets.probe
        from ui.widgets.probe import KeyStall

        KeyStall.from_spec(stall, app)
    shell.start(filters_at_first_frame=True)
    # Register this kiosk in the database early (after the first paint, on the worker), so that
    # a wrong site code or an unreachable database shows in the log at start-up.
    shell.attract.first_painted.connect(
        lambda: shell.executor.submit(
            lambda: database.this_kiosk(clock.now()),
            lambda ref: None,
            lambda exc: log.error("this kiosk could not be registered: %s", exc),
        )
    )
    # reading the package version costs ~40 ms: after the first paint, on the worker
    shell.attract.first_painted.connect(
        lambda: shell.executor.submit(lambda: kiosk.__version__, app.setApplicationVersion)
    )
    if windowed:
        screen = app.primaryScreen().availableGeometry()
        shell.window.resize(
            min(WINDOWED_SIZE[0], screen.width()), min(WINDOWED_SIZE[1], screen.height())
        )
        shell.window.show()
    else:
        app.setOverrideCursor(Qt.CursorShape.BlankCursor)  # a touch kiosk shows no pointer
        shell.window.fill_screen(app.primaryScreen())
    log.info("kiosk %s started (profile %s)", settings.kiosk_name, settings.profile)

    rc = app.exec()
    for display in displays:
        display.stop()
    if supervision is not None:
        supervision.stop()
    shell.shutdown()
    database.close()
    shell.window.deleteLater()
    resources.pixmap.cache_clear()
    return rc or outcome["rc"]


def _supervise(shell: Shell, settings: Settings, app: QCoreApplication) -> Supervision | None:
    """Under systemd (``NOTIFY_SOCKET`` set): readiness, watchdog, nightly restart at idle."""
    if not os.environ.get("NOTIFY_SOCKET"):
        return None
    import faulthandler

    from ui.app.watchdog import RESTART_QUIET_MS, RestartAtIdle, SystemdWatchdog

    # The watchdog's SIGABRT then writes every thread's Python stack to the journal: the
    # place where the GUI thread was stuck.
    faulthandler.enable()
    watchdog = SystemdWatchdog(parent=shell.owner)
    shell.attract.first_painted.connect(watchdog.start)
    restart = RestartAtIdle(
        settings.paths.restart_request_file,
        is_idle=lambda: shell.is_quiet(RESTART_QUIET_MS),
        restart=app.quit,
        on_waiting=lambda: watchdog.set_status(
            "restart requested: waiting for the kiosk to be idle"
        ),
        parent=shell.owner,
    )
    restart.start()
    return Supervision(watchdog, restart)


class Supervision:
    def __init__(self, watchdog: SystemdWatchdog, restart: RestartAtIdle) -> None:
        self.watchdog = watchdog
        self.restart = restart

    def stop(self) -> None:
        self.restart.stop()
        self.watchdog.stop()


def _display_power(shell: Shell, settings: Settings, clock: Clock) -> DisplayPower:
    from ui.app.display_power import install_display_power, panel_switch

    panel = panel_switch(parent=shell.owner)
    return install_display_power(shell, settings.display_schedule, clock, panel=panel)

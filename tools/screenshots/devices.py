"""Screenshots of the device side (``tools.screenshots.main`` calls :func:`shoot_devices`):
the hardware screen (all well after a test page, and with problems: a printer out of paper with
tickets waiting and one interrupted by a restart), the badge simulator, the simulated
printer's ticket on screen, and the toasts for a badge nobody uses and a refused card.

The printer is the real print spooler on the screenshots' database, over the simulated link
(then over a link whose roll ran out), so the spool section shows real jobs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from hardware.badge_simulator import SimulatedBadgeSource
from hardware.devices import Devices
from hardware.print_spooler import PrintSpooler
from hardware.printer_links import SimulatedLink
from hardware.qr_camera import CameraState, CameraStatus
from kiosk.paths import Paths
from kiosk.ports import (
    FixedClock,
    PrinterState,
    PrinterStatus,
    PrintResult,
    ReaderState,
    ReaderStatus,
    Receipt,
    ReceiptLine,
)
from kiosk.printing.spool import Failure, SpoolOpener, enqueue
from kiosk.printing.states import PrintJobState
from kiosk.printing.tables import PrintJob
from kiosk.settings import Language, Profile, Settings
from tools.screenshots import panel as screen_panel
from ui.app.shell import Shell, build_shell

DEMO_UID = bytes.fromhex("04A1B2C3D4E5F6")
RANDOM_ID = bytes.fromhex("08A1B2C3")


def _shell(app: QApplication, profile: Profile, data_dir: Path, db_url: str | None,
           now: datetime, loader: Callable[..., list]) -> Shell:  # fmt: skip
    settings = Settings(speech_engine="none", profile=profile,
                        paths=Paths(data_dir=data_dir, config_file=None),
                        kiosk_name="Smart Corner", db_url=db_url,
                        printer=_OutOfPaper.description)  # fmt: skip
    shell = build_shell(settings, app=app, clock=FixedClock(now), events_loader=loader)
    screen_panel.fit(shell)
    shell.window.transition.duration_ms = 0
    shell.start()
    shell.window.show()
    bridge = shell.bridge
    opener = SpoolOpener(settings.database_url)
    printer = PrintSpooler(
        opener,
        SimulatedLink(bridge.on_ticket_preview),
        clock=FixedClock(now),
        on_job=bridge.on_print_job,
        on_status=bridge.on_printer_status,
        close_spool=opener.close,
        kiosk_name=settings.kiosk_name,
    )
    printer.start()
    shell.attach_devices(Devices(SimulatedBadgeSource(), printer))
    return shell


class _OutOfPaper:
    """A networked printer whose roll ran out (a spool in trouble, for the pictures)."""

    simulated = False
    description = "tcp://10.6.0.41:9100?profile=TM-T88V"

    def status(self) -> PrinterStatus:
        return PrinterStatus(PrinterState.PAPER_OUT, "paper out")

    def print(self, receipt: Receipt, before_write: Callable[[], None]) -> PrintResult:
        return PrintResult(False, self.status())

    def interrupt(self) -> None:
        return None


def _queue_trouble(shell: Shell, now: datetime) -> None:
    """A help ticket interrupted by a restart (failed), then two tickets waiting for paper."""

    def receipt(title: str, number: str) -> Receipt:
        return Receipt(title=title, kiosk="Smart Corner", big_number=number)

    with shell.database.session_factory()() as session:
        job_id = enqueue(session, receipt("Besoin d'aide ?", "M-041"), kind="help_ticket",
                         now=now - timedelta(minutes=13))  # fmt: skip
        job = session.get_one(PrintJob, job_id)
        job.state, job.attempts, job.finished_at = PrintJobState.FAILED, 1, now
        job.last_error_code = Failure.INTERRUPTED
        session.commit()
    with shell.database.session_factory()() as session:
        enqueue(session, receipt("Besoin d'aide ?", "M-042"), kind="help_ticket",
                now=now - timedelta(minutes=6))  # fmt: skip
        enqueue(session, receipt("Retrait Click & Collect", "C-007"), kind="pickup_receipt",
                now=now - timedelta(minutes=2))  # fmt: skip
        session.commit()  # wakes the spooler: the first attempt finds no paper


def _wait(settle: Callable[[], None], done: Callable[[], bool], rounds: int = 60) -> None:
    for _ in range(rounds):
        if done():
            return
        settle()


def shoot_devices(
    app: QApplication,
    outdir: Path,
    settle: Callable[[], None],
    now: datetime,
    data_dir: Path,
    db_url: str | None,
    loader: Callable[..., list],
) -> list[Path]:
    shots: list[Path] = []

    def shoot(shell: Shell, name: str) -> None:
        settle()
        path = screen_panel.png(outdir, name)
        shell.window.grab().save(str(path))
        shots.append(path)

    shell = _shell(app, Profile.STORE, data_dir, db_url, now, loader)
    shell.feed.refresh()
    _wait(settle, lambda: not shell.executor.pending)
    try:
        bridge, devices = shell.bridge, shell.devices
        assert devices is not None
        assert devices.badge_simulator is not None
        shell.router.go("home")
        shell.router.go("events")
        devices.badge_simulator.tap(DEMO_UID)  # the store's events screen has no use for it
        _wait(settle, shell.window.toast.isVisible)
        shoot(shell, "store-toast-badge-unused-fr-normal")
        devices.badge_simulator.tap(RANDOM_ID)
        _wait(settle, lambda: shell.window.toast.kind.value == "refused")
        shoot(shell, "store-toast-random-uid-fr-normal")
        shell.window.toast.dismiss()

        receipt = Receipt(
            title="Besoin d'aide ?",
            kiosk="Smart Corner — Nice",
            lines=(ReceiptLine("Motif", "Messagerie"), ReceiptLine("Attente estimée", "12 min")),
            big_number="M-042",
            qr_payload="SCA.GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
            footer=("Présentez ce ticket au comptoir.",),
            printed_at=now,
        )
        devices.printer.print_receipt(receipt, lambda result: None)
        _wait(settle, shell.window.ticket.isVisible)
        shoot(shell, "store-ticket-preview-fr-normal")
        shell.window.ticket.dismiss()

        shell.router.go("admin")
        shell.router.go("badge_simulator")
        _wait(settle, lambda: not shell.executor.pending)
        shoot(shell, "store-badge-simulator-fr-normal")

        bridge.on_scan("SCA.GEZDGNBVGY3TQOJQ", "wedge")
        devices.badge_simulator.tap(DEMO_UID)
        shell.router.go("hardware")
        _wait(settle, lambda: bridge.last_badge is not None and bridge.last_scan is not None)
        screen = shell.router.current
        spool = screen.findChild(QWidget, "spoolSection")
        spool.test_page.click()
        _wait(settle, lambda: "imprimée" in spool.feedback.text())
        shell.window.ticket.dismiss()
        shoot(shell, "store-hardware-fr-normal")

        spooler = devices.spooler
        assert spooler is not None
        spooler.link = _OutOfPaper()  # the spooler is idle: its next call sees the new link
        _queue_trouble(shell, now)
        _wait(settle, lambda: spool.summary is not None and spool.summary.failed == 1
              and any(job.last_error_code for job in spool.jobs[1:]))  # fmt: skip
        bridge.on_badge_event(ReaderStatus(ReaderState.SERVICE_DOWN, "pcscd"))
        bridge.on_camera_status(CameraStatus(CameraState.NO_CAMERA))
        settle()
        shoot(shell, "store-hardware-problems-fr-normal")
        shell.session.set_language(Language.EN)
        settle()
        shoot(shell, "store-hardware-problems-en-normal")
        shell.session.set_language(Language.FR)
        shell.session.set_accessible(True)
        settle()
        shoot(shell, "store-hardware-problems-fr-accessible")
        shell.session.set_accessible(False)
    finally:
        shell.close()
        settle()
    return shots

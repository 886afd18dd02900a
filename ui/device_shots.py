"""Screenshots of the device side (``python -m ui.screenshots`` calls :func:`shoot_devices`):
the hardware screen (all well, and with problems), the badge simulator, the simulated
printer's ticket on screen, and the toasts for a badge nobody uses and a refused card."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from hardware.badge_simulator import SimulatedBadgeSource
from hardware.devices import Devices, SimulatedTicketPrinter
from hardware.qr_camera import CameraState, CameraStatus
from kiosk.badges import ReaderState, ReaderStatus
from kiosk.paths import Paths
from kiosk.ports import FixedClock, PrinterState, PrinterStatus
from kiosk.receipt import Receipt, ReceiptLine
from kiosk.settings import Profile, Settings
from ui.shell import Shell, build_shell

SIZE = (1920, 1080)
DEMO_UID = bytes.fromhex("04A1B2C3D4E5F6")
RANDOM_ID = bytes.fromhex("08A1B2C3")


def _shell(app: QApplication, profile: Profile, data_dir: Path, db_url: str | None,
           now: datetime, loader: Callable[..., list]) -> Shell:  # fmt: skip
    settings = Settings(profile=profile, paths=Paths(data_dir=data_dir, config_file=None),
                        kiosk_name="Smart Corner", db_url=db_url)  # fmt: skip
    shell = build_shell(settings, app=app, clock=FixedClock(now), events_loader=loader)
    shell.window.resize(*SIZE)
    shell.window.transition.duration_ms = 0
    shell.start()
    shell.window.show()
    printer = SimulatedTicketPrinter(on_preview=shell.bridge.on_ticket_preview)
    shell.attach_devices(Devices(SimulatedBadgeSource(), printer))
    return shell


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
        path = outdir / f"{name}.png"
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
        shoot(shell, "store-hardware-fr-normal")

        bridge.on_badge_event(ReaderStatus(ReaderState.SERVICE_DOWN, "pcscd"))
        bridge.on_printer_status(PrinterStatus(PrinterState.PAPER_OUT))
        bridge.on_camera_status(CameraStatus(CameraState.NO_CAMERA))
        settle()
        shoot(shell, "store-hardware-problems-fr-normal")
    finally:
        shell.close()
        settle()
    return shots

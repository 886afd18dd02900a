"""Device callbacks in, queued Qt signals out: the only door between device threads and the GUI.

Device adapters call the ``on_*`` methods from their own threads. Each one emits a private
signal connected with ``Qt.QueuedConnection``, so the public signals below are always emitted
on the GUI thread, after the device call has returned, whoever emitted and however the
receivers connected. The bridge also remembers the last of each thing it saw, for the
hardware screen, which may be built long after the events.

``badge_presented`` carries the card's raw UID: whoever uses it hashes it at once with
HMAC(site key) and never stores, logs or shows it. The bridge itself keeps only *when*.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot

from kiosk.ports import (
    BadgeEvent,
    BadgePresented,
    BadgeRefused,
    BadgeRemoved,
    Clock,
    PrinterState,
    PrinterStatus,
    PrintResult,
    ReaderState,
    ReaderStatus,
    Receipt,
)

if TYPE_CHECKING:
    from hardware.qr_camera import CameraStatus
    from kiosk.printing.spool import SpoolJob, SpoolSummary

log = logging.getLogger(__name__)

SCAN_PREVIEW_CHARS = 6  # the hardware screen shows only the start of a scanned code


class ScanSource(enum.StrEnum):
    WEDGE = "wedge"  # a keyboard-wedge scanner (ui.input.wedge_filter)
    CAMERA = "camera"  # the camera (hardware.qr_camera)
    SIMULATED = "simulated"  # demo and tests


@dataclass(frozen=True)
class LastBadge:
    """When the last card was tapped: no UID, no hash of it (the admin screen shows this)."""

    at: datetime
    refused: bool


@dataclass(frozen=True)
class LastScan:
    at: datetime
    source: str
    start: str  # the first characters of the payload


class DeviceBridge(QObject):
    badge_presented = Signal(object)  # BadgePresented
    badge_removed = Signal(object)  # BadgeRemoved
    badge_refused = Signal(object)  # BadgeRefused
    reader_status = Signal(object)  # ReaderStatus
    scanned = Signal(str, str)  # payload, source (a ScanSource value)
    camera_status = Signal(object)  # CameraStatus
    printer_status = Signal(object)  # PrinterStatus
    print_finished = Signal(object)  # PrintResult
    # A print job of the durable spool changed state (kiosk.printing.spool.SpoolJob)
    job_state_changed = Signal(object)
    # The spool's open jobs, as asked for (list[SpoolJob], SpoolSummary)
    print_jobs = Signal(object, object)
    # The simulated printer's job: Receipt, its ESC/POS bytes, their TicketPreview, and the
    # paper drawn from them (a QImage)
    ticket_printed = Signal(object, object, object, object)
    # Someone is at the kiosk: a badge tapped or lifted, a code scanned (pokes the idle monitor).
    # Reader and printer statuses are not people and do not count.
    activity = Signal()
    changed = Signal()  # any of the remembered states changed

    _badge = Signal(object)
    _scan = Signal(str, str)
    _status = Signal(object)
    _camera = Signal(object)
    _printed = Signal(object)
    _ticket = Signal(object, object, object, object)
    _job = Signal(object)
    _jobs = Signal(object, object)

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.reader: ReaderStatus = ReaderStatus(ReaderState.STOPPED, "not started")
        self.printer: PrinterStatus = PrinterStatus(PrinterState.UNKNOWN, "not asked yet")
        self._camera_status: CameraStatus | None = None  # none reported: see camera
        self.last_badge: LastBadge | None = None
        self.last_scan: LastScan | None = None
        self.last_print: PrintResult | None = None
        queued = Qt.ConnectionType.QueuedConnection
        self._badge.connect(self._deliver_badge, queued)
        self._scan.connect(self._deliver_scan, queued)
        self._status.connect(self._deliver_status, queued)
        self._camera.connect(self._deliver_camera, queued)
        self._printed.connect(self._deliver_print, queued)
        self._ticket.connect(self._deliver_ticket, queued)
        self._job.connect(self._deliver_job, queued)
        self._jobs.connect(self._deliver_jobs, queued)

    @property
    def camera(self) -> CameraStatus:
        """The camera's last status; disabled until it reports one (most kiosks have none).

        hardware.qr_camera is imported here, not with the bridge, which is made before the
        first paint: the camera's module and its frozen dataclasses are not needed until a
        status is shown (the hardware screen, the fleet heartbeat) or reported."""
        if self._camera_status is None:
            from hardware.qr_camera import CameraState, CameraStatus

            self._camera_status = CameraStatus(CameraState.DISABLED)
        return self._camera_status

    # --- called from any thread --------------------------------------------------------------

    def on_badge_event(self, event: BadgeEvent) -> None:
        self._badge.emit(event)

    def on_scan(self, payload: str, source: str = ScanSource.WEDGE) -> None:
        self._scan.emit(payload, str(source))

    def on_camera_status(self, status: CameraStatus) -> None:
        self._camera.emit(status)

    def on_printer_status(self, status: PrinterStatus) -> None:
        self._status.emit(status)

    def on_print_result(self, result: PrintResult) -> None:
        self._printed.emit(result)

    def on_print_job(self, job: SpoolJob) -> None:
        """The print spooler's job-state callback (its own thread)."""
        self._job.emit(job)

    def on_print_jobs(self, jobs: list[SpoolJob], summary: SpoolSummary) -> None:
        """The answer to the spooler's ``request_jobs`` (its own thread)."""
        self._jobs.emit(jobs, summary)

    def on_ticket_preview(self, receipt: Receipt, data: bytes) -> None:
        """Decoded and drawn here, on the printer's thread (a QImage may be painted on any
        thread): the GUI thread only shows the result."""
        from hardware.escpos_preview import preview
        from ui.widgets.ticket_paper import paint_ticket

        decoded = preview(data)
        self._ticket.emit(receipt, data, decoded, paint_ticket(decoded))

    # --- on the GUI thread ---------------------------------------------------------------------

    @Slot(object)
    def _deliver_badge(self, event: BadgeEvent) -> None:
        if isinstance(event, ReaderStatus):
            if event.state is not self.reader.state:
                log.info("badge reader: %s %s", event.state, event.detail)
            self.reader = event
            self.reader_status.emit(event)
        elif isinstance(event, BadgePresented):
            self.last_badge = LastBadge(self._clock.now(), refused=False)
            self.activity.emit()
            self.badge_presented.emit(event)
        elif isinstance(event, BadgeRefused):
            self.last_badge = LastBadge(self._clock.now(), refused=True)
            self.activity.emit()
            self.badge_refused.emit(event)
        elif isinstance(event, BadgeRemoved):
            self.activity.emit()
            self.badge_removed.emit(event)
        self.changed.emit()

    @Slot(str, str)
    def _deliver_scan(self, payload: str, source: str) -> None:
        self.last_scan = LastScan(self._clock.now(), source, payload[:SCAN_PREVIEW_CHARS])
        self.activity.emit()
        self.scanned.emit(payload, source)
        self.changed.emit()

    @Slot(object)
    def _deliver_camera(self, status: CameraStatus) -> None:
        self._camera_status = status
        self.camera_status.emit(status)
        self.changed.emit()

    @Slot(object)
    def _deliver_status(self, status: PrinterStatus) -> None:
        self.printer = status
        self.printer_status.emit(status)
        self.changed.emit()

    @Slot(object)
    def _deliver_print(self, result: PrintResult) -> None:
        self.last_print = result
        self.printer = result.status
        self.print_finished.emit(result)
        self.printer_status.emit(result.status)
        self.changed.emit()

    @Slot(object)
    def _deliver_job(self, job: SpoolJob) -> None:
        self.job_state_changed.emit(job)

    @Slot(object, object)
    def _deliver_jobs(self, jobs: list[SpoolJob], summary: SpoolSummary) -> None:
        self.print_jobs.emit(jobs, summary)

    @Slot(object, object, object, object)
    def _deliver_ticket(
        self, receipt: Receipt, data: bytes, preview: object, paper: object
    ) -> None:
        self.ticket_printed.emit(receipt, data, preview, paper)

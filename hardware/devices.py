"""Which devices this kiosk talks to, from its settings: real ones, or the demo's simulators.

``reader = none`` gives the simulated badge source (the admin's "Simuler un badge" drives it).
The printer is the durable print spooler (:class:`hardware.print_spooler.PrintSpooler`)
over a link: ``printer = none`` gives a simulated link that renders each receipt to the very
ESC/POS bytes a real printer would get and hands them to a preview callback (shown on
screen); any other value is an ESC/POS printer URL. Printers start their worker thread when
built and badge sources in :meth:`Devices.start`: the composition root builds them after the
first paint, so start-up stays fast.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from hardware.badge_simulator import SimulatedBadgeSource
from hardware.escpos_printer import render_receipt
from hardware.print_spooler import OnJob, PrintSpooler
from hardware.printer_links import (
    SIMULATED_STATUS,
    EscposLink,
    OnPreview,
    PrinterLink,
    SimulatedLink,
    no_preview,
)
from kiosk.ports import BadgeEvent, BadgeSource, PrinterStatus, PrintResult, Receipt, TicketPrinter
from kiosk.printing.spool import SpoolOpener
from kiosk.settings import Settings

log = logging.getLogger(__name__)

__all__ = ["SIMULATED_STATUS", "Devices", "OnPreview", "SimulatedTicketPrinter", "build_devices"]

_no_preview = no_preview


class SimulatedTicketPrinter:
    """A :class:`kiosk.ports.TicketPrinter` with no paper and no spool (tests of the shell).

    ``on_preview`` gets each job's bytes. Jobs are rendered on a worker thread of its own,
    like the real printer's, so callers cannot come to rely on being called back on their
    own thread.
    """

    def __init__(self, on_preview: OnPreview = _no_preview, profile: str | None = None) -> None:
        self.on_preview = on_preview
        self.profile = profile
        self.printed = 0
        self._jobs: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="simulated-printer", daemon=True)
        self._thread.start()

    @property
    def thread(self) -> threading.Thread:
        return self._thread

    def print_receipt(self, receipt: Receipt, on_done: Callable[[PrintResult], None]) -> None:
        def job() -> None:
            data = render_receipt(receipt, self.profile)
            self.on_preview(receipt, data)
            self.printed += 1
            on_done(PrintResult(True, SIMULATED_STATUS, len(data)))

        self._jobs.put(job)

    def request_status(self, on_status: Callable[[PrinterStatus], None]) -> None:
        self._jobs.put(lambda: on_status(SIMULATED_STATUS))

    def stop(self) -> None:
        self._jobs.put(None)
        self._thread.join(timeout=1)

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            try:
                job()
            except Exception:
                log.exception("simulated printer job failed")


def build_badge_source(settings: Settings) -> BadgeSource:
    """``none``: the simulator (demo mode); ``pcsc`` or ``pcsc:<name part>``: a PC/SC reader."""
    if settings.reader == "none":
        return SimulatedBadgeSource()
    from hardware.pcsc_watcher import PcscBadgeWatcher  # pyscard only when a reader is set

    _, _, name_part = settings.reader.partition(":")
    return PcscBadgeWatcher(name_part or None)


def build_link(settings: Settings, on_preview: OnPreview = _no_preview) -> PrinterLink:
    """``none``: the simulated printer (tickets shown on screen); otherwise ESC/POS by URL."""
    if settings.printer == "none":
        return SimulatedLink(on_preview)
    return EscposLink(settings.printer)


def build_printer(
    settings: Settings,
    on_preview: OnPreview = _no_preview,
    *,
    on_job: OnJob | None = None,
    on_status: Callable[[PrinterStatus], None] | None = None,
    kiosk_id: int | None = None,
) -> PrintSpooler:
    """The print spooler of this kiosk, started: it prints the jobs queued in its database
    for ``kiosk_id`` (kiosks sharing a database each print their own), or every job (None)."""
    opener = SpoolOpener(settings.database_url, kiosk_id=kiosk_id)
    spooler = PrintSpooler(
        opener,
        build_link(settings, on_preview),
        close_spool=opener.close,
        kiosk_name=settings.kiosk_name,
        # the fleet reports the paper: an idle printer is asked this often
        status_every_when_ok=float(settings.printer_status_every),
        status_every_when_failing=float(min(settings.printer_status_every, 5)),
    )
    if on_job is not None:
        spooler.on_job = on_job
    if on_status is not None:
        spooler.on_status = on_status
    spooler.start()
    return spooler


@dataclass
class Devices:
    """The kiosk's devices, built from settings; ``start`` and ``stop`` them once each."""

    badges: BadgeSource
    printer: TicketPrinter
    _started: bool = field(default=False, init=False)

    @property
    def badge_simulator(self) -> SimulatedBadgeSource | None:
        """The simulator behind "Simuler un badge", when there is no real reader."""
        return self.badges if isinstance(self.badges, SimulatedBadgeSource) else None

    @property
    def printer_simulated(self) -> bool:
        if isinstance(self.printer, PrintSpooler):
            return self.printer.link.simulated
        return isinstance(self.printer, SimulatedTicketPrinter)

    @property
    def spooler(self) -> PrintSpooler | None:
        """The durable print spool's worker (None for a bare printer, as in some tests)."""
        return self.printer if isinstance(self.printer, PrintSpooler) else None

    def start(self, on_badge: Callable[[BadgeEvent], None]) -> None:
        if self._started:
            raise RuntimeError("Devices.start() called twice")
        self._started = True
        self.badges.start(on_badge)

    def stop(self) -> None:
        """Stop every device thread (each stops in well under a second)."""
        if self._started:
            self.badges.stop()
        self.printer.stop()


def build_devices(
    settings: Settings,
    on_preview: OnPreview = _no_preview,
    *,
    on_print_job: OnJob | None = None,
    on_printer_status: Callable[[PrinterStatus], None] | None = None,
    kiosk_id: int | None = None,
) -> Devices:
    printer = build_printer(
        settings,
        on_preview,
        on_job=on_print_job,
        on_status=on_printer_status,
        kiosk_id=kiosk_id,
    )
    return Devices(build_badge_source(settings), printer)

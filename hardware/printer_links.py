"""What the print spooler talks to: a real ESC/POS printer, or the demo's on-screen printer.

A link is used from one thread only, the spooler's, and every call blocks for at most the
link's timeout (2-5 s), so a dead printer can never hold a receipt's caller hostage: only
:meth:`PrinterLink.interrupt` is called from another thread, to stop quickly.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Protocol

from hardware._escpos import Escpos
from hardware.escpos_printer import (
    DEFAULT_TIMEOUT,
    _interrupt,
    parse_printer_url,
    query_status,
    render_receipt,
    send_job,
)
from kiosk.ports import PrinterState, PrinterStatus, PrintResult, Receipt

log = logging.getLogger(__name__)

SIMULATED_STATUS = PrinterStatus(PrinterState.READY, "simulated printer: tickets shown on screen")

OnPreview = Callable[[Receipt, bytes], None]


def no_preview(receipt: Receipt, data: bytes) -> None:
    log.info("simulated printer: %r (%d bytes)", receipt.title, len(data))


class PrinterLink(Protocol):
    @property
    def description(self) -> str:
        """Where the tickets go, for people (hardware screen, self-test)."""
        ...

    @property
    def simulated(self) -> bool: ...

    def status(self) -> PrinterStatus:
        """Ask the printer how it is (online, paper), within the link's timeout."""
        ...

    def print(self, receipt: Receipt, before_write: Callable[[], None]) -> PrintResult:
        """Render and send ``receipt``; ``before_write()`` runs just before the first byte.

        Never raises for printer trouble (the result says what went wrong); exceptions from
        ``before_write`` propagate, and then nothing was sent.
        """
        ...

    def interrupt(self) -> None:
        """From another thread: make a blocked call return now; later calls fail fast."""
        ...


class EscposLink:
    """A python-escpos printer from a ``SMARTCORNER_PRINTER`` URL (tcp, usb, serial, file, cups).

    Each call opens the device, does its work and closes it, so a printer switched off and
    on again, or re-plugged, is simply found again on the next call.
    """

    simulated = False

    def __init__(self, url: str, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.target = parse_printer_url(url)
        self.timeout = timeout
        self._lock = threading.Lock()
        self._device: Escpos | None = None
        self._interrupted = False

    @property
    def description(self) -> str:
        profile = f" (profil {self.target.profile})" if self.target.profile else ""
        return self.target.url + profile

    def status(self) -> PrinterStatus:
        return query_status(self.target, self.timeout, on_device=self._set_device)

    def print(self, receipt: Receipt, before_write: Callable[[], None]) -> PrintResult:
        data = render_receipt(receipt, self.target.profile)
        return send_job(
            self.target,
            data,
            self.timeout,
            on_device=self._set_device,
            before_write=before_write,
        )

    def interrupt(self) -> None:
        with self._lock:
            self._interrupted = True
            if self._device is not None:
                _interrupt(self._device)

    def _set_device(self, device: Escpos | None) -> None:
        with self._lock:
            self._device = device
            if device is not None and self._interrupted:
                _interrupt(device)


class SimulatedLink:
    """No paper: each receipt's ESC/POS bytes go to ``on_preview`` (shown on screen in demo)."""

    simulated = True
    description = "imprimante simulée (tickets affichés à l’écran)"

    def __init__(self, on_preview: OnPreview = no_preview, profile: str | None = None) -> None:
        self.on_preview = on_preview
        self.profile = profile
        self.printed = 0

    def status(self) -> PrinterStatus:
        return SIMULATED_STATUS

    def print(self, receipt: Receipt, before_write: Callable[[], None]) -> PrintResult:
        data = render_receipt(receipt, self.profile)
        before_write()
        self.on_preview(receipt, data)
        self.printed += 1
        return PrintResult(True, SIMULATED_STATUS, len(data))

    def interrupt(self) -> None:
        """Nothing blocks here."""

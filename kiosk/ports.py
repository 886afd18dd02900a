"""Protocols the outside world must satisfy; services take them in their constructors."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # only for annotations: the clock is imported at start-up, keep it light
    from kiosk.badges import BadgeEvent
    from kiosk.receipt import Receipt


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC).astimezone()


class FixedClock:
    """A clock that only moves when told to (tests, benchmarks, deterministic demo data)."""

    def __init__(self, at: datetime) -> None:
        self._at = at

    def now(self) -> datetime:
        return self._at

    def set(self, at: datetime) -> None:
        self._at = at


# --- devices -------------------------------------------------------------------------------
# Implementations live in hardware/; callbacks run on the device's own thread, so the ui
# bridge re-emits them as queued Qt signals.


class BadgeSource(Protocol):
    def start(self, on_event: Callable[[BadgeEvent], None]) -> None:
        """Start watching; events (including the first ReaderStatus) go to ``on_event``."""
        ...

    def stop(self) -> None:
        """Stop and join the watcher thread; returns in well under a second."""
        ...


class PrinterState(enum.StrEnum):
    READY = "ready"
    PAPER_LOW = "paper_low"  # near-end sensor: still prints
    PAPER_OUT = "paper_out"
    OFFLINE = "offline"  # answers, but reports itself offline (cover open, error)
    UNREACHABLE = "unreachable"  # cannot connect or open the device
    SILENT = "silent"  # connected, but no answer to status queries: do not trust it
    UNKNOWN = "unknown"  # this connection cannot read status (file, CUPS): print anyway
    NOT_CONFIGURED = "not_configured"


@dataclass(frozen=True)
class PrinterStatus:
    state: PrinterState
    detail: str = ""

    @property
    def can_print(self) -> bool:
        return self.state in {PrinterState.READY, PrinterState.PAPER_LOW, PrinterState.UNKNOWN}


@dataclass(frozen=True)
class PrintResult:
    """How one print job ended; ``status`` says why it failed when ``ok`` is False."""

    ok: bool
    status: PrinterStatus
    bytes_sent: int = 0


class TicketPrinter(Protocol):
    def print_receipt(self, receipt: Receipt, on_done: Callable[[PrintResult], None]) -> None:
        """Queue a receipt; ``on_done`` is called once, from the printer's own thread."""
        ...

    def request_status(self, on_status: Callable[[PrinterStatus], None]) -> None:
        """Ask for the printer's state; the answer comes back on the printer's thread."""
        ...

    def stop(self) -> None:
        """Finish the job in progress, drop queued jobs, join the worker thread."""
        ...

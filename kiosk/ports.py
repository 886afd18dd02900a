"""Protocols the outside world must satisfy (services take them in their constructors), and
the plain data that crosses them: what a badge source reports, what a printer prints."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol


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
    # Why it cannot print, worded for the staff who can fix it (French, shown as is on the
    # hardware screen and by the self-test): "port série occupé", "accès refusé : ..."
    staff_reason: str = ""

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


# --- what a badge source reports: plain frozen events, produced on a device thread.
# A UID is an identifier, not a secret (it can be cloned); services hash it before storing.


class ReaderState(enum.StrEnum):
    READY = "ready"  # a reader is there and watched
    NO_READER = "no_reader"  # the service runs but no (matching) reader is connected
    READER_UNPLUGGED = "reader_unplugged"  # the reader we were watching went away
    SERVICE_DOWN = "service_down"  # the smart-card service (pcscd) is not running
    FAILED = "failed"  # an unexpected error; the source keeps retrying
    STOPPED = "stopped"  # stop() was called


class RefusalReason(enum.StrEnum):
    RANDOM_UID = "random_uid"  # the card gives a new random UID at each tap: it identifies nobody
    READ_FAILED = "read_failed"  # a card is there but its UID could not be read


@dataclass(frozen=True)
class BadgePresented:
    uid: bytes
    reader: str


@dataclass(frozen=True)
class BadgeRemoved:
    reader: str


@dataclass(frozen=True)
class BadgeRefused:
    reason: RefusalReason
    reader: str
    detail: str = ""


@dataclass(frozen=True)
class ReaderStatus:
    state: ReaderState
    detail: str = ""


type BadgeEvent = BadgePresented | BadgeRemoved | BadgeRefused | ReaderStatus


def is_random_uid(uid: bytes) -> bool:
    """ISO 14443-3: a 4-byte UID whose first byte is 0x08 is a random ID (RID), new at each tap."""
    return len(uid) == 4 and uid[0] == 0x08


# --- what a ticket printer prints
ORGANISATION = "Smart Corner"


@dataclass(frozen=True)
class ReceiptLine:
    label: str
    value: str


@dataclass(frozen=True)
class Receipt:
    title: str
    kiosk: str
    lines: tuple[ReceiptLine, ...] = ()
    big_number: str | None = None  # a queue ticket such as "M-042"
    qr_payload: str | None = None
    footer: tuple[str, ...] = ()
    printed_at: datetime | None = None
    organisation: str = ORGANISATION
    cut: bool = True


@dataclass(frozen=True)
class OutgoingMail:
    """One message of the notifications outbox, ready for a mail transport."""

    to: str
    subject: str
    body: str
    message_id: str  # stable per notification: a resend after a crash is recognisable


class MailUnavailable(Exception):
    """The mail server could not take the message now (down, refused, timed out): retry later."""


class MailTransport(Protocol):
    def send(self, mail: OutgoingMail) -> None:
        """Hand ``mail`` to the server; raises :class:`MailUnavailable` when it did not take it."""
        ...

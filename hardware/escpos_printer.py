"""ESC/POS receipt printer (python-escpos): URL -> backend, Receipt -> bytes, one job.

Two layers under the durable spool:

- :func:`render_receipt` turns a :class:`kiosk.printing.layout.Receipt` into the exact bytes to
  send (pure: rendered into escpos's ``Dummy``);
- :func:`send_job` opens the printer, checks its status, sends one job's bytes, closes.

:class:`hardware.printer_links.EscposLink` puts them together for the spooler's thread
(:mod:`hardware.print_spooler`), which sends one job at a time.

Status is read with ``DLE EOT 1`` / ``DLE EOT 4`` and interpreted here rather than with
``paper_status()``, which claims "paper ok" when the printer does not answer at all.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import termios
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import serial

from hardware._escpos import DeviceNotFoundError, Dummy, Escpos, EscposError, Profile, printer
from kiosk.ports import PrinterState, PrinterStatus, PrintResult, Receipt
from kiosk.printing.layout import Align, CutBlock, QrBlock, TextBlock, layout

try:
    import cups
except ImportError:  # libcups2 missing: cups:// printers say so, the others work
    cups = None

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 3.0  # seconds, for connecting and for each status answer
DEFAULT_COLUMNS = 42  # font A on 80 mm paper
QR_MODULE_SIZE = 6  # dots per QR module
QR_EC_MEDIUM = 1  # escpos.constants.QR_ECLEVEL_M

# Code pages that hold every French letter, best first, as named in the escpos profiles,
# with the Python codec for each. CP1252 also has œ, Œ, Ÿ, €, ’ and « ».
_FRENCH_CODEPAGES = {
    "CP1252": "cp1252",
    "CP858": "cp858",
    "ISO_8859-15": "iso8859_15",
    "CP850": "cp850",  # no € (prints as EUR)
}
_SUBSTITUTES = {
    "\u2019": "'",
    "\u2018": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u202f": " ",  # narrow no-break space, before ; : ! ? in French
    "\u2009": " ",
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
    "\u2192": "->",
    "€": "EUR",
    "œ": "oe",
    "Œ": "OE",
}


class PrinterUrlError(ValueError):
    pass


@dataclass(frozen=True)
class PrinterTarget:
    """Where the printer is, parsed from ``SMARTCORNER_PRINTER``."""

    scheme: str  # tcp, usb, serial, file, cups or none
    address: str  # host:port, VID:PID, device path or CUPS queue
    profile: str | None = None
    options: tuple[tuple[str, str], ...] = ()

    @property
    def url(self) -> str:
        return "none" if self.scheme == "none" else f"{self.scheme}://{self.address}"

    def option(self, name: str, default: str | None = None) -> str | None:
        return dict(self.options).get(name, default)


def parse_printer_url(url: str) -> PrinterTarget:
    url = url.strip()
    if url == "none":
        return PrinterTarget("none", "")
    parts = urlsplit(url)
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    profile = query.pop("profile", None)
    options = tuple(sorted(query.items()))
    address = unquote(parts.netloc + parts.path)
    scheme = parts.scheme
    if scheme == "tcp":
        if not parts.hostname:
            raise PrinterUrlError(f"{url!r}: expected tcp://host:port")
        address = f"{parts.hostname}:{parts.port or 9100}"
    elif scheme == "usb":
        try:
            vid, pid = (int(x, 16) for x in address.split(":"))
        except ValueError:
            raise PrinterUrlError(
                f"{url!r}: expected usb://VID:PID in hex, e.g. 04b8:0202"
            ) from None
        address = f"{vid:04x}:{pid:04x}"
    elif scheme in {"serial", "file"}:
        if not parts.path:
            raise PrinterUrlError(f"{url!r}: expected {scheme}:///dev/...")
        address = unquote(parts.path)
    elif scheme == "cups":
        if not parts.netloc:
            raise PrinterUrlError(f"{url!r}: expected cups://QUEUE")
    else:
        raise PrinterUrlError(f"{url!r}: unknown printer scheme {scheme!r}")
    return PrinterTarget(scheme, address, profile, options)


def open_device(target: PrinterTarget, timeout: float = DEFAULT_TIMEOUT) -> Escpos:
    """An opened python-escpos printer for ``target``; raises when it cannot be reached."""
    profile = target.profile
    device: Escpos
    if target.scheme == "tcp":
        host, port = target.address.rsplit(":", 1)
        device = printer.Network(host, int(port), timeout=timeout, profile=profile)
        device.open()
    elif target.scheme == "usb":
        vid, pid = (int(x, 16) for x in target.address.split(":"))
        device = printer.Usb(vid, pid, timeout=int(timeout * 1000), profile=profile)
        device.open()
    elif target.scheme == "serial":
        baudrate = int(target.option("baudrate", "9600") or 9600)
        device = _ExclusiveSerial(
            target.address, baudrate=baudrate, timeout=timeout, profile=profile
        )
        device.open()
    elif target.scheme == "file":
        device = printer.File(target.address, profile=profile)
        device.open()
    elif target.scheme == "cups":
        server = target.option("server")  # host:port of another CUPS than the system's
        where: dict[str, Any] = {}
        if server:
            host, _, port = server.rpartition(":") if ":" in server else (server, "", "631")
            where = {"host": host, "port": int(port)}
        device = printer.CupsPrinter(target.address, profile=profile, **where)
        device.open(job_name="Smart Corner")
    else:
        raise PrinterUrlError(f"no printer configured ({target.url})")
    return device


class _ExclusiveSerial(printer.Serial):  # type: ignore[misc]
    """python-escpos's serial printer, opening its port with an exclusive lock.

    Two writers on one serial line interleave their bytes into garbage receipts (the kiosk and
    ``smartcorner selftest``, or a second kiosk process): the second one is told the port is
    busy instead. Writes time out like reads, so a printer holding the line (flow control,
    a pulled cable) cannot block the spooler's thread for ever.
    """

    def open(self, raise_not_found: bool = True) -> None:
        try:
            self.device = serial.Serial(
                port=self.devfile,
                baudrate=self.baudrate,
                bytesize=self.bytesize,
                parity=self.parity,
                stopbits=self.stopbits,
                timeout=self.timeout,
                write_timeout=self.timeout,
                xonxoff=self.xonxoff,
                dsrdtr=self.dsrdtr,
                exclusive=True,
            )
        except (ValueError, serial.SerialException) as exc:
            self.device = None
            message = f"Unable to open serial printer on {self.devfile}: {exc}"
            if raise_not_found:  # python-escpos's contract: False only logs
                raise DeviceNotFoundError(message) from exc
            log.error("%s", message)

    def _read(self) -> bytes:
        """The status answer (one byte): python-escpos asks for 16, and pyserial then waits
        out the whole timeout on every query, whatever the printer's speed."""
        assert self.device
        first = self.device.read(1)
        return bytes(first) + bytes(self.device.read(self.device.in_waiting)) if first else b""

    def close(self) -> None:
        """Close even when the line is gone (a pulled cable fails the final flush)."""
        device: Any = getattr(self, "_device", False)
        self._device = False
        if device:
            with contextlib.suppress(OSError, termios.error):
                device.flush()
            device.close()


# What the printer backends raise when the printer cannot be reached, besides OSError (pyusb's
# USBError and pyserial's SerialException are OSErrors): pyusb's NoBackendError (no libusb) is a
# ValueError, pycups raises RuntimeError and cups.IPPError.
def _backend_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [
        DeviceNotFoundError, EscposError, OSError, ImportError, RuntimeError, ValueError
    ]  # fmt: skip
    if cups is not None:
        errors.append(cups.IPPError)
    return tuple(errors)


BACKEND_ERRORS = _backend_errors()


def staff_reason(target: PrinterTarget, exc: BaseException) -> str:
    """Why the printer cannot be reached, in the words of the person who can fix it ("" when
    the cause is not one of those known here)."""
    text = " ".join(str(exc).split())
    low = text.lower()
    errno = getattr(exc, "errno", None) or getattr(exc.__cause__, "errno", None)
    if "errno 13" in low or "access denied" in low or "permission denied" in low or errno == 13:
        if target.scheme == "usb":
            return "accès refusé : règle udev absente"
        return "accès refusé : le kiosque n’est pas dans le groupe dialout"
    if target.scheme == "usb":
        if "no backend" in low:
            return "libusb absente : installer le paquet libusb-1.0-0"
        if "not found" in low or "no such device" in low or "errno 19" in low:
            return f"imprimante USB {target.address} introuvable"
        if "busy" in low or "errno 16" in low:
            return "imprimante USB occupée : un autre pilote la tient (usblp)"
    if target.scheme == "serial":
        if "busy" in low or "exclusively lock" in low or "errno 16" in low or "errno 11" in low:
            return "port série occupé"
        if "no such file" in low or "errno 2" in low:
            return f"port série {target.address} introuvable"
        if "input/output error" in low or "errno 5" in low or "write timeout" in low:
            return "liaison série coupée pendant l’envoi"
    if target.scheme == "cups":
        if "incorrect printer name" in low:
            return f"file d’impression CUPS « {target.address} » introuvable"
        if "failed to connect" in low or "connection refused" in low or "server" in low:
            return "service CUPS injoignable (cupsd arrêté ?)"
    return ""


# --- rendering ---------------------------------------------------------------------------


def columns_of(profile: Profile) -> int:
    try:
        return int(profile.profile_data["fonts"]["0"]["columns"])
    except (KeyError, TypeError, ValueError):
        return DEFAULT_COLUMNS


def codepage_for(profile: Profile) -> tuple[str, str] | None:
    """The best French code page the profile offers, as (escpos name, Python codec)."""
    offered = set(profile.profile_data.get("codePages", {}).values())
    for name, codec in _FRENCH_CODEPAGES.items():
        if name in offered:
            return name, codec
    return None


def printable(text: str, codec: str) -> str:
    """``text`` with what ``codec`` cannot encode replaced by the nearest plain characters."""
    out = []
    for ch in text:
        try:
            ch.encode(codec)
        except UnicodeEncodeError:
            sub = _SUBSTITUTES.get(ch)
            if sub is None:
                base = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
                sub = base or "?"
            ch = sub
        out.append(ch)
    return "".join(out)


def render_receipt(receipt: Receipt, profile: str | None = None) -> bytes:
    """The bytes of ``receipt`` for a printer of this escpos profile (``None``: generic)."""
    dummy = Dummy(profile=profile)
    caps = dummy.profile
    columns = columns_of(caps)
    chosen = codepage_for(caps)
    codec = chosen[1] if chosen else "ascii"
    dummy.hw("INIT")
    if chosen:
        dummy.charcode(chosen[0])
    media_width = caps.profile_data.get("media", {}).get("width", {}).get("pixels")
    for block in layout(receipt, columns):
        if isinstance(block, TextBlock):
            size = block.size
            dummy.set_with_default()
            dummy.set(
                align="center" if block.align is Align.CENTER else "left",
                bold=block.bold,
                custom_size=size > 1,
                width=size,
                height=size,
            )
            for line in block.lines:
                dummy.text(printable(line, codec) + "\n")
        elif isinstance(block, QrBlock):
            dummy.set_with_default(align="center")
            if caps.supports("qrCode"):
                dummy.qr(block.payload, ec=QR_EC_MEDIUM, size=QR_MODULE_SIZE, native=True)
            else:
                dummy.qr(
                    block.payload,
                    ec=QR_EC_MEDIUM,
                    size=QR_MODULE_SIZE,
                    native=False,
                    center=isinstance(media_width, int),
                )
        elif isinstance(block, CutBlock):
            dummy.set_with_default()
            dummy.cut()
    return bytes(dummy.output)


# --- status and sending -------------------------------------------------------------------

DLE_EOT = b"\x10\x04"
CUPS_STOPPED = 5  # IPP printer-state


class _NoStatus(Exception):
    """This connection cannot read anything back (file, lp, CUPS)."""


def _query(device: Escpos, n: int) -> bytes | None:
    try:
        answer = device.query_status(DLE_EOT + bytes([n]))
    except NotImplementedError:
        raise _NoStatus from None
    except TimeoutError:
        return None
    return bytes(answer) or None


def _cups_status(device: Any) -> PrinterStatus:
    """A CUPS queue says whether it accepts jobs, not what the paper is like; DLE EOT sent to
    it would end up printed in the next job's bytes."""
    queue = device.printers.get(device.printer_name, {})
    if queue.get("printer-state") == CUPS_STOPPED:
        reason = queue.get("printer-state-message") or "la file d’impression CUPS est arrêtée"
        return PrinterStatus(PrinterState.OFFLINE, f"CUPS queue stopped: {reason}", reason)
    return PrinterStatus(PrinterState.UNKNOWN, "a CUPS queue does not tell the paper's state")


def read_status(device: Escpos, timeout: float = DEFAULT_TIMEOUT) -> PrinterStatus:
    """Ask an opened printer how it is, the Epson way (DLE EOT 1 and 4)."""
    if isinstance(device, printer.CupsPrinter):
        return _cups_status(device)
    try:
        online = _query(device, 1)
        paper = _query(device, 4) if online is not None else None
    except _NoStatus:
        return PrinterStatus(PrinterState.UNKNOWN, "this connection cannot read the status")
    if online is None or paper is None:
        return PrinterStatus(
            PrinterState.SILENT, f"the printer did not answer the status query within {timeout} s"
        )
    if paper[0] & 0x60 == 0x60:
        return PrinterStatus(PrinterState.PAPER_OUT, "out of paper")
    if online[0] & 0x08:
        return PrinterStatus(PrinterState.OFFLINE, "the printer reports itself offline")
    if paper[0] & 0x0C == 0x0C:
        return PrinterStatus(PrinterState.PAPER_LOW, "paper roll near its end")
    return PrinterStatus(PrinterState.READY)


def _unreachable(target: PrinterTarget, exc: BaseException) -> PrinterStatus:
    staff = staff_reason(target, exc)
    raw = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
    return PrinterStatus(
        PrinterState.UNREACHABLE, f"printer unreachable: {target.url} ({staff or raw})", staff
    )


def query_status(
    target: PrinterTarget,
    timeout: float = DEFAULT_TIMEOUT,
    on_device: Callable[[Escpos | None], None] | None = None,
) -> PrinterStatus:
    if target.scheme == "none":
        return PrinterStatus(PrinterState.NOT_CONFIGURED)
    try:
        device = open_device(target, timeout)
    except BACKEND_ERRORS as exc:
        return _unreachable(target, exc)
    if on_device:
        on_device(device)
    try:
        return read_status(device, timeout)
    except BACKEND_ERRORS as exc:
        return _unreachable(target, exc)
    finally:
        if on_device:
            on_device(None)
        _close(device)


def send_job(
    target: PrinterTarget,
    data: bytes,
    timeout: float = DEFAULT_TIMEOUT,
    on_device: Callable[[Escpos | None], None] | None = None,
    before_write: Callable[[], None] | None = None,
) -> PrintResult:
    """Send one job's bytes if the printer says it can print them; never raises for I/O.

    ``on_device`` is told the opened device (and None once closed), so a caller on another
    thread can interrupt a job stuck on a dead connection. ``before_write`` runs once the
    printer said it can print, just before the first byte: the durable spool records there
    that the job may now come out of the printer; if it raises, nothing is sent.
    """
    if target.scheme == "none":
        return PrintResult(False, PrinterStatus(PrinterState.NOT_CONFIGURED))
    try:
        device = open_device(target, timeout)
    except BACKEND_ERRORS as exc:
        return PrintResult(False, _unreachable(target, exc))
    if on_device:
        on_device(device)
    try:
        status = read_status(device, timeout)
        if not status.can_print:
            return PrintResult(False, status)
        if before_write:
            before_write()
        device._raw(data)  # the one method every escpos backend implements
        if isinstance(device, printer.CupsPrinter):
            device.send()  # CUPS gets the job here (close() would send it, hiding any error)
        return PrintResult(True, status, len(data))
    except BACKEND_ERRORS as exc:
        return PrintResult(False, _unreachable(target, exc))
    finally:
        if on_device:
            on_device(None)
        _close(device)


def _close(device: Escpos) -> None:
    try:
        device.close()
    except Exception:
        log.warning("closing the printer failed", exc_info=True)


def _interrupt(device: Escpos) -> None:
    """Wake a thread blocked on this device's socket (network printers only)."""
    sock: Any = getattr(device, "_device", None)
    if isinstance(sock, socket.socket):
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

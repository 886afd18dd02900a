"""USB and serial receipt printers through python-escpos's real backends (pyusb with the real
libusb, pyserial on a pseudo-terminal), and the words each failure gives the staff."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import serial

from hardware.escpos_printer import (
    DLE_EOT,
    parse_printer_url,
    query_status,
    render_receipt,
    send_job,
)
from hardware.printer_links import EscposLink
from kiosk.ports import PrinterState
from tests.hardware.test_escpos_printer import EXPECTED_LINES, RECEIPT, print_and_wait
from tests.helpers.escpos_decode import decode
from tests.helpers.serial_printer import PtyPrinter
from tests.helpers.virtual_printer import PrinterState as Paper
from tests.helpers.virtual_printer import VirtualPrinter

needs_socat = pytest.mark.skipif(not PtyPrinter.available(), reason="needs socat")
CUT = b"\x1dV"


def receipts_in(stream: bytes) -> list[bytes]:
    """What came out of the printer, split after each cut (a serial line has no job boundary),
    status queries left out."""
    data = stream.replace(DLE_EOT + b"\x01", b"").replace(DLE_EOT + b"\x04", b"")
    return data.split(CUT)[: data.count(CUT)]


@pytest.fixture
def pty_printer(tmp_path: Path) -> Iterator[PtyPrinter]:
    with VirtualPrinter() as printer, PtyPrinter(printer, tmp_path) as pty:
        yield pty


def test_usb_printer_absent_is_named_by_its_ids_through_the_real_libusb() -> None:
    import usb.core

    assert usb.core.find(idVendor=0x04B8, idProduct=0x0202) is None  # libusb answers: no device
    status = query_status(parse_printer_url("usb://04b8:0202"), timeout=1)
    assert status.state is PrinterState.UNREACHABLE
    assert status.staff_reason == "imprimante USB 04b8:0202 introuvable"
    result = send_job(parse_printer_url("usb://04b8:0202"), b"\x1b@", timeout=1)
    assert not result.ok
    assert result.status.staff_reason == "imprimante USB 04b8:0202 introuvable"


def test_serial_port_that_does_not_exist(tmp_path: Path) -> None:
    target = parse_printer_url(f"serial://{tmp_path / 'ttyUSB9'}")
    status = query_status(target, timeout=1)
    assert status.state is PrinterState.UNREACHABLE
    assert status.staff_reason == f"port série {tmp_path / 'ttyUSB9'} introuvable"


@needs_socat
def test_a_serial_port_held_by_another_program_is_busy(pty_printer: PtyPrinter) -> None:
    holder = serial.Serial(str(pty_printer.path), exclusive=True)
    try:
        status = query_status(parse_printer_url(pty_printer.url), timeout=1)
    finally:
        holder.close()
    assert status.state is PrinterState.UNREACHABLE
    assert status.staff_reason == "port série occupé"
    assert query_status(parse_printer_url(pty_printer.url), timeout=1).state is PrinterState.READY


@needs_socat
def test_a_receipt_over_a_serial_line_prints_once_with_its_bytes(pty_printer: PtyPrinter) -> None:
    printer = EscposLink(pty_printer.url, timeout=2)
    result = print_and_wait(printer)
    assert result.ok, result.status
    stream = pty_printer.printer.wait_for_stream(lambda data: CUT in data)
    (receipt,) = receipts_in(stream)
    expected = render_receipt(RECEIPT)
    assert expected.startswith(receipt)  # byte for byte, up to the cut
    assert decode(expected).texts[: len(EXPECTED_LINES)] == EXPECTED_LINES
    second = print_and_wait(printer)
    assert second.ok
    stream = pty_printer.printer.wait_for_stream(lambda data: data.count(CUT) >= 2)
    assert len(receipts_in(stream)) == 2  # one receipt per job, none repeated


@needs_socat
@pytest.mark.parametrize(
    ("paper", "state"),
    [(Paper.PAPER_OUT, PrinterState.PAPER_OUT), (Paper.OFFLINE, PrinterState.OFFLINE)],
)
def test_a_serial_printer_that_cannot_print_gets_no_receipt(
    pty_printer: PtyPrinter, paper: Paper, state: PrinterState
) -> None:
    pty_printer.printer.state = paper
    result = print_and_wait(EscposLink(pty_printer.url, timeout=2))
    assert not result.ok
    assert result.status.state is state
    stream = pty_printer.printer.wait_for_stream(lambda data: DLE_EOT + b"\x04" in data)
    assert receipts_in(stream) == []


@needs_socat
def test_a_pulled_serial_cable_is_said_and_plugging_it_back_prints(
    pty_printer: PtyPrinter,
) -> None:
    pty_printer.pull()
    printer = EscposLink(pty_printer.url, timeout=2)
    result = print_and_wait(printer)
    assert not result.ok
    assert result.status.staff_reason == f"port série {pty_printer.path} introuvable"
    pty_printer.plug()
    assert print_and_wait(printer).ok
    stream = pty_printer.printer.wait_for_stream(lambda data: CUT in data)
    assert len(receipts_in(stream)) == 1


# --- smartcorner selftest ---------------------------------------------------------------------


def selftest(tmp_path: Path, printer_url: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMARTCORNER_")}
    env |= {"SMARTCORNER_DATA_DIR": str(tmp_path / "data"), "SMARTCORNER_PRINTER": printer_url}
    for args in (("db", "upgrade"), ("selftest", "--printer-timeout", "2")):
        result = subprocess.run(
            [sys.executable, "-m", "ui.cli.main", *args],
            env=env, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
    return result


@needs_socat
def test_selftest_passes_with_a_serial_printer_on_a_pty(
    tmp_path: Path, pty_printer: PtyPrinter
) -> None:
    result = selftest(tmp_path, pty_printer.url)
    assert result.returncode == 0, result.stdout + result.stderr
    # French by default, like the screens (SMARTCORNER_LANG=en for English)
    (line,) = [x for x in result.stdout.splitlines() if x.startswith("[ OK ] imprimante")]
    assert line.endswith(f"serial://{pty_printer.path}\u202f: en ligne, papier OK")
    assert receipts_in(bytes(pty_printer.printer.stream)) == []  # a self-test prints nothing


def test_selftest_names_the_state_of_an_absent_usb_printer(tmp_path: Path) -> None:
    result = selftest(tmp_path, "usb://04b8:0202")
    assert result.returncode == 1
    (line,) = [x for x in result.stdout.splitlines() if x.startswith("[FAIL] imprimante")]
    assert line.endswith(
        "usb://04b8:0202\u202f: injoignable\u202f: imprimante USB 04b8:0202 introuvable"
    )

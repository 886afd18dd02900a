"""The ESC/POS link against a loopback TCP printer; the received bytes are decoded back."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
import zxingcpp

from hardware.escpos_printer import (
    PrinterTarget,
    PrinterUrlError,
    parse_printer_url,
    render_receipt,
)
from hardware.printer_links import EscposLink
from kiosk.ports import (
    PrinterState,
    PrinterStatus,
    PrintResult,
    Receipt,
    ReceiptLine,
)
from tests.helpers.escpos_decode import decode
from tests.helpers.virtual_printer import PrinterState as Paper
from tests.helpers.virtual_printer import VirtualPrinter

ROOT = Path(__file__).resolve().parents[2]
TICKET_CODE = "KQ1.GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ.ABCDEFGHIJKLMNOP"

RECEIPT = Receipt(
    title="Besoin d’aide ?",
    kiosk="Smart Store — accueil",
    lines=(
        ReceiptLine("Motif", "Messagerie"),
        ReceiptLine("Attente estimée", "12 min"),
        ReceiptLine("Accès", "Salle à côté, 1er étage"),
    ),
    big_number="M-042",
    qr_payload=TICKET_CODE,
    footer=("Élodie, Noël et François vous répondent. Café : 0,50 €",),
    printed_at=datetime(2025, 11, 23, 14, 5),
)

EXPECTED_LINES = [
    "Smart Corner",
    "Smart Store — accueil",
    "23/11/2025 14:05",
    "-" * 42,
    "Besoin d’aide ?",
    "M-042",
    "",
    "Motif                           Messagerie",
    "Attente estimée                     12 min",
    "Accès              Salle à côté, 1er étage",
    "-" * 42,
    "Élodie, Noël et François vous répondent.",
    "Café : 0,50 €",
]


def print_and_wait(printer: EscposLink, receipt: Receipt = RECEIPT) -> PrintResult:
    return printer.print(receipt, lambda: None)


@pytest.fixture
def make_printer():  # type: ignore[no-untyped-def]
    def make(url: str, timeout: float = 1.0) -> EscposLink:
        return EscposLink(url, timeout=timeout)

    return make


def test_a_receipt_prints_with_accents_big_number_native_qr_and_cut(
    printer: VirtualPrinter, make_printer
) -> None:
    result = print_and_wait(make_printer(printer.url + "?profile=TM-T88V"))
    assert result.ok, result.status
    assert result.status == PrinterStatus(PrinterState.READY)
    (job,) = printer.wait_for_jobs(1)
    assert result.bytes_sent == len(job) - 6  # plus the two status queries
    printed = decode(job)
    assert printed.status_queries == [1, 4]
    assert printed.texts == EXPECTED_LINES
    assert printed.codepages == ["cp1252"]
    assert printed.qr_payloads == [TICKET_CODE]
    assert printed.images == []
    assert printed.cuts == 1
    assert printed.unknown == []
    big = printed.lines[EXPECTED_LINES.index("M-042")]
    assert (big.width, big.height, big.bold, big.align) == (4, 4, True, "center")
    title = printed.lines[EXPECTED_LINES.index("Besoin d’aide ?")]
    assert (title.width, title.bold) == (2, True)


def test_french_letters_use_windows_1252() -> None:
    receipt = Receipt(title="x", kiosk="y", footer=("é à ç ê ô € œ",), cut=False)
    data = render_receipt(receipt, "TM-T88V")
    assert b"\x1bt\x10" in data  # ESC t 16: WPC1252
    assert bytes.fromhex("e920e020e720ea20f4208020 9c".replace(" ", "")) in data


def test_without_native_qr_the_qr_is_an_image_that_reads_back(
    printer: VirtualPrinter, make_printer
) -> None:
    result = print_and_wait(make_printer(printer.url + "?profile=ZJ-5870"))  # 58 mm, no GS ( k
    assert result.ok, result.status
    printed = decode(printer.wait_for_jobs(1)[0])
    assert printed.qr_payloads == []
    (image,) = printed.images
    assert image.width == 384
    (code,) = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert code.text == TICKET_CODE
    assert any("0,50 €" in text for text in printed.texts)  # 32 columns: wrapped elsewhere


def test_near_end_still_prints_and_says_so(printer: VirtualPrinter, make_printer) -> None:
    printer.state = Paper.NEAR_END
    result = print_and_wait(make_printer(printer.url))
    assert result.ok
    assert result.status.state is PrinterState.PAPER_LOW


@pytest.mark.parametrize(
    ("paper", "state"),
    [
        (Paper.PAPER_OUT, PrinterState.PAPER_OUT),
        (Paper.OFFLINE, PrinterState.OFFLINE),
        (Paper.SILENT, PrinterState.SILENT),
    ],
)
def test_a_printer_that_cannot_print_gets_no_receipt_and_a_clear_reason(
    printer: VirtualPrinter, make_printer, paper: Paper, state: PrinterState
) -> None:
    printer.state = paper
    result = print_and_wait(make_printer(printer.url, timeout=0.3))
    assert not result.ok
    assert result.status.state is state
    assert result.status.detail
    (job,) = printer.wait_for_jobs(1)
    assert decode(job).texts == []  # only the status queries reached it


def test_silence_is_not_taken_for_paper_ok(printer: VirtualPrinter, make_printer) -> None:
    printer.state = Paper.SILENT
    status = make_printer(printer.url, timeout=0.3).status()
    assert status.state is PrinterState.SILENT
    assert "did not answer the status query within 0.3 s" in status.detail


def test_status_of_a_healthy_printer(printer: VirtualPrinter, make_printer) -> None:
    assert make_printer(printer.url).status() == PrinterStatus(PrinterState.READY)


def test_a_refused_connection_says_the_printer_is_unreachable(make_printer) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens there once closed
    result = print_and_wait(make_printer(f"tcp://127.0.0.1:{port}"))
    assert not result.ok
    assert result.status.state is PrinterState.UNREACHABLE
    assert result.status.detail.startswith(f"printer unreachable: tcp://127.0.0.1:{port}")
    assert "refused" in result.status.detail.lower()


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("none", PrinterTarget("none", "")),
        ("tcp://10.0.0.5", PrinterTarget("tcp", "10.0.0.5:9100")),
        ("tcp://printer:9101?profile=TM-T88V", PrinterTarget("tcp", "printer:9101", "TM-T88V")),
        ("usb://04B8:0202", PrinterTarget("usb", "04b8:0202")),
        (
            "serial:///dev/ttyUSB0?baudrate=38400",
            PrinterTarget("serial", "/dev/ttyUSB0", None, (("baudrate", "38400"),)),
        ),
        ("file:///dev/usb/lp0", PrinterTarget("file", "/dev/usb/lp0")),
        ("cups://Accueil_TM?profile=TM-T20II", PrinterTarget("cups", "Accueil_TM", "TM-T20II")),
    ],
)
def test_printer_urls(url: str, target: PrinterTarget) -> None:
    assert parse_printer_url(url) == target


@pytest.mark.parametrize("url", ["lpt://x", "usb://epson", "tcp://", "file://", "cups://"])
def test_bad_printer_urls(url: str) -> None:
    with pytest.raises(PrinterUrlError):
        parse_printer_url(url)


def test_a_file_printer_prints_without_status(tmp_path: Path, make_printer) -> None:
    out = tmp_path / "lp0"
    out.touch()
    result = print_and_wait(make_printer(f"file://{out}"))
    assert result.ok
    assert result.status.state is PrinterState.UNKNOWN
    assert decode(out.read_bytes()).texts[:2] == EXPECTED_LINES[:2]


def test_importing_escpos_leaves_logging_and_tmp_alone(tmp_path: Path) -> None:
    code = (
        "import logging, os\n"
        "import hardware.escpos_printer\n"
        "assert logging.getLogger().handlers == [], logging.getLogger().handlers\n"
        "print(os.environ['ESCPOS_CAPABILITIES_PICKLE_DIR'])\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "ESCPOS_CAPABILITIES_PICKLE_DIR"}
    env["TMPDIR"] = str(tmp_path)
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == str(tmp_path / f"smartcorner-escpos-{os.getuid()}")
    assert [p.name for p in tmp_path.iterdir()] == [f"smartcorner-escpos-{os.getuid()}"]

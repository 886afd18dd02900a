"""cups://QUEUE end to end: a private cupsd, a raw queue, a backend of ours capturing the bytes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hardware.escpos_printer import (
    parse_printer_url,
    query_status,
    render_receipt,
)
from hardware.printer_links import EscposLink
from kiosk.ports import PrinterState
from tests.hardware.test_escpos_printer import RECEIPT, print_and_wait
from tests.helpers import cupsd
from tests.helpers.cupsd import PrivateCups

pytestmark = pytest.mark.skipif(not cupsd.available(), reason="needs cups-daemon")


@pytest.fixture(scope="module")
def cups_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivateCups]:
    server = PrivateCups(tmp_path_factory.mktemp("cups"))
    server.start()
    server.add_raw_queue("kiosk")
    yield server
    server.stop()


def test_a_receipt_reaches_the_queue_s_device_byte_for_byte(cups_server: PrivateCups) -> None:
    before = len(cups_server.captured())
    result = print_and_wait(EscposLink(cups_server.url("kiosk"), timeout=5))
    assert result.ok, result.status
    jobs = cups_server.wait_for_jobs(before + 1)
    assert len(jobs) == before + 1  # printed once
    assert jobs[-1] == render_receipt(RECEIPT)  # no status query left in the job's bytes


def test_a_stopped_queue_is_offline_with_its_reason(cups_server: PrivateCups) -> None:
    connection = cups_server.connection()
    connection.disablePrinter("kiosk", reason="bourrage papier")
    try:
        status = query_status(parse_printer_url(cups_server.url("kiosk")))
    finally:
        connection.enablePrinter("kiosk")
    assert status.state is PrinterState.OFFLINE
    assert status.staff_reason == "bourrage papier"
    assert query_status(parse_printer_url(cups_server.url("kiosk"))).can_print


def test_a_queue_that_does_not_exist(cups_server: PrivateCups) -> None:
    status = query_status(parse_printer_url(cups_server.url("caisse")))
    assert status.state is PrinterState.UNREACHABLE
    assert status.staff_reason == "file d’impression CUPS « caisse » introuvable"


def test_no_cups_server(tmp_path: Path) -> None:
    stopped = PrivateCups(tmp_path)  # never started: nothing listens on its port
    status = query_status(parse_printer_url(stopped.url("kiosk")))
    assert status.state is PrinterState.UNREACHABLE
    assert status.staff_reason == "service CUPS injoignable (cupsd arrêté ?)"

"""Printing a receipt with a QR code through the durable spool to the loopback ESC/POS printer.

Timed: the caller's commit of a queued receipt (``kiosk.printing.spool.enqueue`` in its own
transaction, as the help desk does) -> the spooler reports it printed (every byte taken by the
printer and the job marked printed in the database). Next to it, in the same run, the floor:
the same receipt rendered and sent straight to the printer with ``send_job`` (status query,
then the bytes), no database. The spool lives in a SQLite file (WAL) in a temporary folder; the
printer is the test rig's loopback TCP printer, which answers the status queries like an Epson;
then the same over a serial line: a socat pseudo-terminal bridged to that printer, through
pyserial (``serial://...``), as a USB-serial receipt printer is driven.

Also printed: bytes per receipt with a native QR (``GS ( k``, profile TM-T88V) and with an
image QR (``GS v 0`` raster, profile ZJ-5870, which has no native QR), and the QR's share.

    .venv/bin/python bench/printer.py [--receipts 40]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CODE = "SCA.GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ.ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFGHIJKLMNOPQRS"


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def receipt(n: int, qr: bool = True):  # type: ignore[no-untyped-def]
    from kiosk.ports import Receipt, ReceiptLine

    return Receipt(
        title="Besoin d'aide ?",
        kiosk="Smart Store — accueil",
        lines=(ReceiptLine("Motif", "Messagerie"), ReceiptLine("Attente estimée", "12 min")),
        big_number=f"M-{n:03d}",
        qr_payload=CODE if qr else None,
        footer=("Présentez ce ticket au comptoir.",),
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--receipts", type=int, default=40)
    args = parser.parse_args()
    os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", tempfile.mkdtemp())

    from hardware.escpos_printer import parse_printer_url, render_receipt, send_job
    from hardware.print_spooler import PrintSpooler
    from hardware.printer_links import EscposLink
    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.db.migrate import ensure_schema
    from kiosk.printing.spool import SpoolJob, SpoolOpener, enqueue
    from kiosk.printing.states import PrintJobState
    from tests.helpers.escpos_decode import decode
    from tests.helpers.serial_printer import PtyPrinter
    from tests.helpers.virtual_printer import VirtualPrinter

    def measure(target_url: str) -> tuple[list[float], list[float]]:
        """(spooled, direct) seconds per receipt, alternating, to the printer at ``target_url``."""
        spooled: list[float] = []
        direct: list[float] = []
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{tmp}/kiosk.sqlite3"
            engine = create_db_engine(url)
            ensure_schema(engine)
            sessions = make_session_factory(engine)
            printed_at: dict[int, float] = {}
            done = threading.Condition()

            def on_job(job: SpoolJob) -> None:
                if job.state is PrintJobState.PRINTED:
                    with done:
                        printed_at[job.id] = time.perf_counter()
                        done.notify_all()

            opener = SpoolOpener(url)
            spooler = PrintSpooler(
                opener, EscposLink(target_url, timeout=2.0), on_job=on_job, close_spool=opener.close
            )
            spooler.start()
            if not spooler.wait_ready(10):
                raise SystemExit("the spooler did not open its database")
            target = parse_printer_url(target_url)
            try:
                for n in range(args.receipts):
                    # the floor: render and send, no spool
                    t0 = time.perf_counter()
                    result = send_job(target, render_receipt(receipt(n), target.profile), 2.0)
                    direct.append(time.perf_counter() - t0)
                    if not result.ok:
                        raise SystemExit(f"direct send failed: {result.status}")
                    # the kiosk's way: queued in the caller's transaction, printed by the spooler
                    t0 = time.perf_counter()
                    with sessions() as session:
                        job_id = enqueue(session, receipt(n), kind="help_ticket", ref=f"M-{n}")
                        session.commit()
                    with done:
                        if not done.wait_for(lambda j=job_id: j in printed_at, timeout=10):
                            raise SystemExit(f"job {job_id} was not printed in 10 s")
                    spooled.append(printed_at[job_id] - t0)
            finally:
                spooler.stop()
                engine.dispose()
        return spooled, direct

    with VirtualPrinter() as printer:
        tcp = measure(printer.url + "?profile=TM-T88V")
        jobs = printer.printed()
        if len(jobs) != 2 * args.receipts:
            raise SystemExit(f"the printer got {len(jobs)} receipts, not {2 * args.receipts}")
        if decode(jobs[-1]).qr_payloads != [CODE]:
            raise SystemExit("the last receipt's QR code did not come out")
    serial = None
    if PtyPrinter.available():
        with VirtualPrinter() as printer, tempfile.TemporaryDirectory() as tmp:
            with PtyPrinter(printer, Path(tmp)) as pty:
                serial = measure(pty.url + "&profile=TM-T88V")
                stream = printer.wait_for_stream(lambda d: d.count(b"\x1dV") >= 2 * args.receipts)
            if stream.count(b"\x1dV") != 2 * args.receipts:
                raise SystemExit("the serial printer did not get each receipt once")

    for title, (spooled, direct) in (
        ("the loopback TCP printer", tcp),
        *((("a serial printer (socat pty, 38400 baud setting)", serial),) if serial else ()),
    ):
        ms_spool = [v * 1000 for v in spooled]
        ms_direct = [v * 1000 for v in direct]
        print(f"receipt with a QR to {title} ({args.receipts} each, alternating)")
        for name, values in (
            ("spooled (commit -> printed, SQLite)", ms_spool),
            ("floor (render + send_job, no spool)", ms_direct),
        ):
            print(
                f"  {name:37} median {statistics.median(values):6.1f} ms"
                f"   p95 {p95(values):6.1f} ms   max {max(values):6.1f}"
            )
        ratio = statistics.median(ms_spool) / statistics.median(ms_direct)
        print(f"  ratio spooled/floor: median {ratio:.2f}")
    if serial is None:
        print("serial printer skipped: socat is not installed")

    print(f"bytes per receipt ({len(CODE)}-character ticket code)")
    for label, profile in (("native QR (GS ( k), TM-T88V", "TM-T88V"),
                           ("image QR (GS v 0), ZJ-5870", "ZJ-5870")):  # fmt: skip
        with_qr = len(render_receipt(receipt(1), profile))
        without = len(render_receipt(receipt(1, qr=False), profile))
        print(f"  {label:30} {with_qr:6d} bytes, of which the QR {with_qr - without:6d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

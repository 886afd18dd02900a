"""One heartbeat's database work, as a kiosk does it every ``heartbeat_interval``, over a fleet.

    .venv/bin/python bench/fleet.py [--kiosks 50] [--beats 200]

On a SQLite file (WAL, synchronous=FULL): ``--kiosks`` kiosks each have a heartbeat, a tenth of
them with a printer out of paper; then ``--beats`` times, one kiosk writes its heartbeat (row in
place, a history line, the old ones pruned) and reconciles every kiosk's incidents, as
``ui.fleet.desk`` does after each heartbeat, and the fleet report is read as
``smartcorner fleet`` reads it. Prints the median and p95 of each, in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk.db.engine import create_db_engine, make_session_factory  # noqa: E402
from kiosk.db.migrate import ensure_schema  # noqa: E402
from kiosk.fleet.heartbeat import write_heartbeat  # noqa: E402
from kiosk.fleet.incidents import reconcile  # noqa: E402
from kiosk.fleet.report import fleet_report  # noqa: E402
from kiosk.fleet.rules import FleetRules  # noqa: E402
from kiosk.fleet.state import DeviceState, KioskState  # noqa: E402
from kiosk.settings import Settings  # noqa: E402
from kiosk.this_kiosk import register_kiosk  # noqa: E402

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kiosks", type=int, default=50)
    parser.add_argument("--beats", type=int, default=200)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="smartcorner-bench-fleet-"))
    engine = create_db_engine(f"sqlite:///{folder / 'fleet.sqlite3'}")
    ensure_schema(engine)
    sessions = make_session_factory(engine)
    rules = FleetRules()
    kiosks = [
        register_kiosk(sessions, Settings(kiosk_code=f"K{n:03d}", kiosk_name=f"Borne {n}"), START)
        for n in range(args.kiosks)
    ]

    def state(n: int) -> KioskState:
        printer = "paper_out" if n % 10 == 0 else "ready"
        return KioskState(printer=DeviceState(printer, START), version="bench", schema="0009")

    with sessions.begin() as s:
        for n, k in enumerate(kiosks):
            write_heartbeat(s, k.id, state(n), START, rules=rules, history_days=7)
    writes, reconciles, reports = [], [], []
    for beat in range(args.beats):
        now = START + timedelta(seconds=60 * (beat + 1) / args.kiosks)
        n = beat % args.kiosks
        t0 = time.perf_counter()
        with sessions.begin() as s:
            write_heartbeat(s, kiosks[n].id, state(n), now, rules=rules, history_days=7)
        t1 = time.perf_counter()
        with sessions() as s:
            reconcile(s, now, rules, by=kiosks[n].code)
        t2 = time.perf_counter()
        with sessions() as s:
            fleet_report(s, now, rules)
        t3 = time.perf_counter()
        writes.append(t1 - t0)
        reconciles.append(t2 - t1)
        reports.append(t3 - t2)
    print(f"{args.kiosks} kiosks, {args.beats} heartbeats on SQLite (WAL, synchronous=FULL)")
    print(f"  write one heartbeat:        {ms(writes)}")
    print(f"  reconcile the whole fleet:  {ms(reconciles)}")
    print(f"  read the fleet report:      {ms(reports)}")
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

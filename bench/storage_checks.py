"""What the hardening costs: a PIN check with its lockout file, and the selftest's storage check.

A PIN is checked in the pad's slot, on the GUI thread: a wrong code writes the lockout file
(fsynced, then its folder) and must stay well inside the 50 ms stall budget; a right code and
the "locked until" shown on the pad only read it. ``check_storage`` (``PRAGMA quick_check``
and the rolled-back write probe) runs in ``smartcorner selftest``, on the demo data set.

    .venv/bin/python bench/storage_checks.py [--rounds 200] [--folder DIR]

``--folder`` puts the data where the kiosk's disk is (the default is a temporary folder).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def line(name: str, values: list[float]) -> str:
    return f"{name:<38} median {statistics.median(values):7.2f} ms   p95 {p95(values):7.2f} ms"


def main() -> int:
    from kiosk.admin_access import PinSecret, pin_guard
    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.db.health import check_storage
    from kiosk.db.migrate import ensure_schema
    from kiosk.demo.seed import seed_demo
    from kiosk.paths import Paths
    from kiosk.ports import FixedClock
    from kiosk.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--folder", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.folder) as folder:
        settings = Settings(paths=Paths(data_dir=Path(folder), config_file=None))
        clock = FixedClock(datetime(2026, 5, 20, 8, 30, tzinfo=UTC))
        guard = pin_guard(settings, clock, PinSecret.ADMIN)
        wrong, right, until = [], [], []
        for _ in range(args.rounds):
            start = time.perf_counter()
            guard.attempt("0000")  # a failure: read, write, fsync file and folder
            wrong.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            guard.attempt(settings.admin_pin)  # resets the count: a write as well
            right.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            guard.locked_until()  # what the pad reads to say the lock
            until.append((time.perf_counter() - start) * 1000)
        print(line("PIN wrong code (write + fsync)", wrong))
        print(line("PIN right code after a wrong one", right))
        print(line("PIN locked_until (read)", until))

        engine = create_db_engine(settings.database_url)
        ensure_schema(engine)
        seed_demo(make_session_factory(engine), clock.now())
        size = settings.paths.database_file.stat().st_size // 1024
        checks = []
        for _ in range(max(5, args.rounds // 20)):
            start = time.perf_counter()
            health = check_storage(engine)
            checks.append((time.perf_counter() - start) * 1000)
            assert health.ok, health.detail
        engine.dispose()
        print(line(f"check_storage, demo data ({size} KiB)", checks))
    return 0


if __name__ == "__main__":
    sys.exit(main())

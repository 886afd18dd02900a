"""Help-queue tickets issued per second by concurrent kiosks, and duplicate numbers (must be 0).

    .venv/bin/python bench/help_tickets.py [--writers 4] [--tickets 200] [--rounds 3]
                                            [--pg postgresql+psycopg://...]

Each writer is a kiosk of the same site with its own connection pool, issuing tickets as the
screen does (``HelpDesk.issue``: counter upsert, request row, wait estimate, the print job in
the same transaction, a durable commit). Four writers on PostgreSQL (a throwaway server
started here unless ``--pg`` names one), then the same on a SQLite file (WAL,
synchronous=FULL) as the single-kiosk baseline, and one writer on each for reference.
Prints per-round throughput, the median and p95 of one issue's latency, issues that failed
(e.g. SQLite's busy timeout on a loaded machine; named, never hidden), and duplicates
counted by the database (same site, day, reason and number) plus gaps in the numbering.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import pwd
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, func, select  # noqa: E402

from kiosk.db.engine import create_db_engine, make_session_factory  # noqa: E402
from kiosk.db.migrate import ensure_schema  # noqa: E402
from kiosk.db.models import Kiosk, Site  # noqa: E402
from kiosk.help.domain import HelpReason  # noqa: E402
from kiosk.help.queue import HelpDesk  # noqa: E402
from kiosk.help.tables import HelpRequest  # noqa: E402
from kiosk.ports import SystemClock  # noqa: E402
from kiosk.printing import spool as print_spool  # noqa: E402
from kiosk.settings import Profile  # noqa: E402

REASONS = list(HelpReason)


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str]:
    """A PostgreSQL server in a temporary folder (as in tests/helpers/postgres.py)."""
    sys.path.insert(0, str(ROOT))
    from tests.helpers.postgres import find_postgres_bin

    bindir = find_postgres_bin()
    if bindir is None:
        raise SystemExit("PostgreSQL binaries not found: install 'postgresql' or pass --pg URL")
    prefix: list[str] = []
    root = Path(tempfile.mkdtemp(prefix="smartcorner-bench-pg-"))
    if os.geteuid() == 0:
        prefix = ["runuser", "-u", "postgres", "--"]
        entry = pwd.getpwnam("postgres")
        os.chown(root, entry.pw_uid, entry.pw_gid)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = root / "data"
    run = lambda *cmd: subprocess.run([*prefix, *cmd], check=True, capture_output=True)  # noqa: E731
    try:
        run(str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--locale=C", "--no-sync")  # fmt: skip
        # fsync stays ON: the figures include durable commits, as on a real server
        run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w",
            "-o", f"-c listen_addresses=127.0.0.1 -p {port} -k {root}", "start")  # fmt: skip
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


def fresh_site(engine: Engine, writers: int, label: str) -> list[int]:
    """A new site with ``writers`` store kiosks: each round starts an empty queue."""
    with make_session_factory(engine).begin() as session:
        site = Site(code=label, name=label, town="Nice", address="-", is_smart_corner=True)
        session.add(site)
        session.flush()
        kiosks = [
            Kiosk(
                code=f"{label}-{n}",
                name=f"Borne {n}",
                profile=Profile.STORE,
                site_id=site.id,
                created_at=datetime.now(UTC),
            )
            for n in range(writers)
        ]
        session.add_all(kiosks)
        session.flush()
        return [k.id for k in kiosks]


def one_round(url: str, writers: int, tickets: int, label: str) -> dict[str, float]:
    setup = create_db_engine(url)
    ensure_schema(setup)
    kiosk_ids = fresh_site(setup, writers, label)
    clock = SystemClock()
    engines = [create_db_engine(url) for _ in range(writers)]
    desks = [
        HelpDesk(make_session_factory(e), clock, k, enqueue_print=print_spool.enqueue)
        for e, k in zip(engines, kiosk_ids, strict=True)
    ]
    latencies: list[list[float]] = [[] for _ in range(writers)]
    labels: list[list[str]] = [[] for _ in range(writers)]
    failures: list[list[str]] = [[] for _ in range(writers)]
    start = threading.Barrier(writers + 1)

    def write(n: int) -> None:
        desk, own, lat = desks[n], labels[n], latencies[n]
        start.wait()
        for i in range(tickets):
            t0 = time.perf_counter()
            try:
                own.append(desk.issue(REASONS[(n + i) % len(REASONS)]).ticket)
            except Exception as exc:  # counted and printed: a kiosk would show it
                failures[n].append(type(exc).__name__ + ": " + str(exc).splitlines()[0])
                continue
            lat.append(time.perf_counter() - t0)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    site_id = desks[0].site_id
    with make_session_factory(setup)() as session:
        groups = select(
            HelpRequest.service_day, HelpRequest.reason, HelpRequest.number, func.count()
        ).where(HelpRequest.site_id == site_id)
        rows = session.execute(
            groups.group_by(HelpRequest.service_day, HelpRequest.reason, HelpRequest.number)
        ).all()
        duplicates = sum(n - 1 for *_, n in rows if n > 1)
        highest = session.execute(
            select(HelpRequest.reason, func.max(HelpRequest.number), func.count())
            .where(HelpRequest.site_id == site_id)
            .group_by(HelpRequest.reason)
        ).all()
    gaps = sum(top - count for _, top, count in highest)
    issued = [t for own in labels for t in own]
    all_lat = sorted(x for own in latencies for x in own)
    for e in [*engines, setup]:
        e.dispose()
    errors = [e for own in failures for e in own]
    for message in sorted(set(errors)):
        print(f"    failed issue x{errors.count(message)}: {message}")
    return {
        "failed": len(errors),
        "tickets": len(issued),
        "per_s": len(issued) / elapsed,
        "median_ms": statistics.median(all_lat) * 1000,
        "p95_ms": all_lat[int(0.95 * (len(all_lat) - 1))] * 1000,
        "duplicates_db": duplicates,
        "duplicates_seen": len(issued) - len(set(issued)),
        "gaps": gaps,
    }


def report(name: str, url: str, writers: int, tickets: int, rounds: int) -> None:
    results = [
        one_round(url, writers, tickets, f"B{os.getpid()}{name[:2]}{writers}{r}")
        for r in range(rounds)
    ]
    for r, res in enumerate(results, 1):
        print(
            f"  {name:<10} {writers} writer(s) round {r}: {res['tickets']:.0f} tickets "
            f"({res['failed']:.0f} failed), "
            f"{res['per_s']:7.1f} tickets/s, issue median {res['median_ms']:6.1f} ms, "
            f"p95 {res['p95_ms']:6.1f} ms, duplicates {res['duplicates_db']:.0f} "
            f"(seen {res['duplicates_seen']:.0f}), gaps {res['gaps']:.0f}"
        )
    per_s = statistics.median(r["per_s"] for r in results)
    p95 = statistics.median(r["p95_ms"] for r in results)
    dup = sum(r["duplicates_db"] + r["duplicates_seen"] for r in results)
    failed = sum(r["failed"] for r in results)
    print(
        f"= {name} x{writers}: median {per_s:.1f} tickets/s, p95 {p95:.1f} ms, "
        f"duplicates {dup:.0f}, failed issues {failed:.0f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--tickets", type=int, default=200, help="per writer and round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pg", help="a PostgreSQL URL (default: a throwaway local server)")
    args = parser.parse_args()
    print(f"help tickets: {args.writers} writers x {args.tickets} tickets, {args.rounds} rounds")
    with contextlib.ExitStack() as stack:
        pg = args.pg or stack.enter_context(throwaway_postgres())
        report("postgresql", pg, args.writers, args.tickets, args.rounds)
        report("postgresql", pg, 1, args.tickets, args.rounds)
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        sqlite = f"sqlite:///{folder / 'bench.sqlite3'}"
        report("sqlite", sqlite, args.writers, args.tickets, args.rounds)
        report("sqlite", sqlite, 1, args.tickets, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())

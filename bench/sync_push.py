"""Smart Tour sync: 10,000 offline records pushed to PostgreSQL, clean and with one cut.

    .venv/bin/python bench/sync_push.py [--records 10000] [--rounds 3] [--batch 500]
                                         [--pg postgresql+psycopg://...]

Each round makes a fresh central database on a throwaway PostgreSQL server (fsync on, started
here unless ``--pg`` names one), seeds it (2,000 agents, 20 events at a remote site, two
catalogue items and 1,000 Click & Collect orders of two ready lines), lets a tour kiosk's
SQLite file pull it, then records offline one of two mixes and times ``TourSync.run()``:

- ``checkins``: 80 % check-ins (ledger + attendance, as the check-in service writes them) and
  20 % space visits (the mix measured before Click & Collect joined the sync);
- ``collect``: 56 % check-ins, 14 % visits, 30 % Click & Collect (a pickup of two lines is
  three records: the pickup and its two hand-overs; each hand-over's line moves to collected
  with its history row, as :func:`kiosk.collect.pickup.hand_over` writes them).

Both mixes run in the same process, on the same server, round after round:

- **clean**: the push in one go (plus the pull pass that follows, timed apart);
- **cut** (``collect`` mix): the same through a loopback proxy that drops the link during the
  push (a third of the fastest clean push in); the failed attempt and the resumed sync are
  timed, and the cost of the cut is their sum minus the clean sync (the batch in flight is
  sent twice).

Baseline in the same process: the same rows inserted into PostgreSQL by one plain
``executemany`` (no natural keys, no conflict handling): the floor the sync is measured to.
Prints the median and p95 over the rounds.
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
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import uuid4

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlalchemy import Connection, Engine, func, insert, make_url, select, update  # noqa: E402

from kiosk.checkin.tables import Attendance, CheckinRecord, SpaceVisit  # noqa: E402
from kiosk.collect.tables import (  # noqa: E402
    CatalogueItem,
    CollectOrder,
    HandOver,
    LineEvent,
    OrderLine,
    Pickup,
)
from kiosk.db.engine import create_db_engine  # noqa: E402
from kiosk.db.migrate import ensure_schema  # noqa: E402
from kiosk.db.models import Event, Kiosk, Person, Site  # noqa: E402
from kiosk.ports import FixedClock  # noqa: E402
from kiosk.sync.tour import CentralUnreachable, TourSync, central_engine  # noqa: E402
from tests.helpers.postgres import find_postgres_bin  # noqa: E402
from tests.helpers.tcp_proxy import TcpProxy  # noqa: E402

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
AGENTS = 2000
EVENTS = 20
ORDERS = 1000  # of two ready lines each: enough for 3,000 Click & Collect records
# Shares of the records: check-ins, space visits, Click & Collect (pickups + hand-overs).
MIXES = {"checkins": (0.8, 0.2, 0.0), "collect": (0.56, 0.14, 0.3)}


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str]:
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

    def run(*cmd: str) -> None:
        subprocess.run([*prefix, *cmd], check=True, capture_output=True)

    try:
        run(str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--locale=C", "--no-sync")  # fmt: skip
        run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w",
            "-o", f"-c listen_addresses=127.0.0.1 -p {port} -k {root}", "start")  # fmt: skip
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


def fresh_database(server: str, name: str) -> str:
    dsn = server.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return server.rsplit("/", 1)[0] + f"/{name}"


def seed_central(url: str) -> None:
    engine = create_db_engine(url)
    ensure_schema(engine)
    with engine.begin() as conn:
        site = conn.execute(
            insert(Site).returning(Site.id),
            [{"code": "MENT", "name": "Mairie annexe de Menton", "town": "Menton",
              "address": "x", "is_smart_corner": False}],
        ).scalar_one()  # fmt: skip
        conn.execute(
            insert(Person),
            [{"kind": "agent", "matricule": f"B{n:06d}", "first_name": f"Agent{n}",
              "last_name": "Banc", "role": "agent", "created_at": NOW - timedelta(days=90)}
             for n in range(AGENTS)],
        )  # fmt: skip
        conn.execute(
            insert(Event),
            [{"kind": "cafe_numerique", "title": f"Café numérique {n}", "space": "remote_site",
              "site_id": site, "starts_at": NOW + timedelta(hours=n),
              "ends_at": NOW + timedelta(hours=n, minutes=50), "capacity": None,
              "created_at": NOW - timedelta(days=30)}
             for n in range(EVENTS)],
        )  # fmt: skip
        items = list(conn.scalars(
            insert(CatalogueItem).returning(CatalogueItem.id, sort_by_parameter_order=True),
            [{"code": code, "name": code.title(), "kind": "equipment", "icon": "package",
              "tracked": False, "active": True, "created_at": NOW - timedelta(days=365)}
             for code in ("SOURIS", "CASQUE")],
        ))  # fmt: skip
        people = list(conn.scalars(select(Person.id).order_by(Person.id).limit(ORDERS)))
        orders = list(conn.scalars(
            insert(CollectOrder).returning(CollectOrder.id, sort_by_parameter_order=True),
            [{"reference": f"CC-{n:06d}", "person_id": person,
              "placed_at": NOW - timedelta(days=6), "imported_at": NOW - timedelta(days=6)}
             for n, person in enumerate(people)],
        ))  # fmt: skip
        conn.execute(
            insert(OrderLine),
            [{"order_id": order, "line_no": no, "item_id": items[no - 1], "quantity": 1,
              "prepared_quantity": 1, "status": "ready", "status_at": NOW - timedelta(days=1),
              "ready_until": NOW + timedelta(days=9)}
             for order in orders for no in (1, 2)],
        )  # fmt: skip
    engine.dispose()


def counts(records: int, mix: str) -> tuple[int, int, int]:
    """Check-ins, visits and pickups of ``records`` records in ``mix``."""
    checkin_share, _visit_share, collect_share = MIXES[mix]
    pickups = min(ORDERS, round(records * collect_share / 3))
    checkins = round(records * checkin_share)
    return checkins, records - checkins - 3 * pickups, pickups


def tour_kiosk(local: Engine, records: int, mix: str) -> int:
    """The tour kiosk's row and its offline day: check-ins (with attendance), visits, and
    the pickups of whole orders (two hand-overs each)."""
    with local.begin() as conn:
        site = conn.scalar(select(Site.id).where(Site.code == "MENT"))
        kiosk = conn.execute(
            insert(Kiosk).returning(Kiosk.id),
            [{"code": "TOUR-1", "name": "Smart Tour", "profile": "tour", "site_id": site,
              "created_at": NOW}],
        ).scalar_one()  # fmt: skip
        people = list(conn.scalars(select(Person.id).order_by(Person.id)))
        events = list(conn.scalars(select(Event.id).order_by(Event.id)))
        checkins, visits, pickups = counts(records, mix)
        ledger, attendance = [], []
        for n in range(checkins):
            event, person = events[n % len(events)], people[n // len(events) % len(people)]
            at = NOW + timedelta(seconds=n)
            ledger.append({"nonce": uuid4().hex, "kiosk_id": kiosk, "at": at, "method": "badge",
                           "outcome": "ok", "event_id": event, "person_id": person,
                           "identity_key": f"b:{n:064x}"})  # fmt: skip
        ids = conn.execute(
            insert(CheckinRecord).returning(CheckinRecord.id, sort_by_parameter_order=True),
            ledger,
        ).scalars()
        for row, checkin_id in zip(ledger, ids, strict=True):
            attendance.append({"event_id": row["event_id"], "person_id": row["person_id"],
                               "checkin_id": checkin_id, "at": row["at"], "kiosk_id": kiosk,
                               "method": "badge"})  # fmt: skip
        conn.execute(insert(Attendance), attendance)
        conn.execute(
            insert(SpaceVisit),
            [{"nonce": uuid4().hex, "kiosk_id": kiosk, "at": NOW, "day": NOW.date(),
              "person_id": people[n % len(people)], "site_id": site,
              "space": "remote_site"} for n in range(visits)],
        )  # fmt: skip
        if pickups:
            hand_overs(conn, kiosk, pickups)
    return int(kiosk)


def hand_overs(conn: Connection, kiosk: int, pickups: int) -> None:
    """What :func:`kiosk.collect.pickup.hand_over` writes for ``pickups`` whole orders."""
    orders = conn.execute(
        select(CollectOrder.id, CollectOrder.person_id).order_by(CollectOrder.id).limit(pickups)
    ).all()
    at = {order: NOW + timedelta(seconds=n) for n, (order, _person) in enumerate(orders)}
    pickup_ids = conn.scalars(
        insert(Pickup).returning(Pickup.id, sort_by_parameter_order=True),
        [{"nonce": uuid4().hex, "kiosk_id": kiosk, "person_id": person, "at": at[order],
          "identified_by": "badge"} for order, person in orders],
    ).all()  # fmt: skip
    pickup_of = {order: pickup for (order, _p), pickup in zip(orders, pickup_ids, strict=True)}
    person_of = dict(orders)
    lines = conn.execute(
        select(OrderLine.id, OrderLine.order_id, OrderLine.item_id)
        .where(OrderLine.order_id.in_(list(pickup_of)))
        .order_by(OrderLine.id)
    ).all()
    conn.execute(
        insert(HandOver),
        [{"nonce": uuid4().hex, "line_id": line, "pickup_id": pickup_of[order],
          "kiosk_id": kiosk, "person_id": person_of[order], "item_id": item, "quantity": 1,
          "at": at[order], "acknowledged": True} for line, order, item in lines],
    )  # fmt: skip
    conn.execute(
        insert(LineEvent),
        [{"nonce": uuid4().hex, "line_id": line, "from_status": "ready",
          "to_status": "collected", "at": at[order], "actor": "agent", "kiosk_id": kiosk}
         for line, order, _item in lines],
    )  # fmt: skip
    conn.execute(
        update(OrderLine)
        .where(OrderLine.order_id.in_(list(pickup_of)))
        .values(status="collected", status_at=NOW)
    )


def prepared(
    server: str, name: str, records: int, folder: Path, mix: str = "checkins"
) -> tuple[str, Engine, int]:
    url = fresh_database(server, name)
    seed_central(url)
    local = create_db_engine(f"sqlite:///{folder / f'{name}.sqlite3'}")
    ensure_schema(local)
    central = central_engine(url)
    TourSync(local, central, None, FixedClock(NOW)).run()  # the first pull, not timed
    central.dispose()
    return url, local, tour_kiosk(local, records, mix)


def timed(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def clean_round(
    server: str, n: int, records: int, batch: int, folder: Path, mix: str
) -> dict[str, float]:
    url, local, kiosk = prepared(server, f"bench_sync_{mix}_{n}", records, folder, mix)
    central = central_engine(url)
    sync = TourSync(local, central, kiosk, FixedClock(NOW), batch_size=batch)
    start = time.perf_counter()
    report = sync.run()
    total = time.perf_counter() - start
    pushed = sum(report.pushed.values())
    assert pushed == records, report.pushed
    central.dispose()
    local.dispose()
    return {"push_s": report.push_seconds, "records_per_s": pushed / report.push_seconds,
            "pull_s": report.pull_seconds, "total_s": total}  # fmt: skip


def cut_round(
    server: str, n: int, records: int, batch: int, folder: Path, cut_after: float
) -> dict[str, float]:
    url, local, kiosk = prepared(server, f"bench_sync_cut_{n}", records, folder, "collect")
    port = make_url(url).port
    assert port is not None
    proxy = TcpProxy(port)
    central = central_engine(str(make_url(url).set(port=proxy.port).render_as_string(False)))
    sync = TourSync(local, central, kiosk, FixedClock(NOW), batch_size=batch)
    # psycopg prepares a statement after 5 runs and stops sending its text, so the cut is timed:
    # a third of the fastest clean push in (the load of a shared machine varies).
    timer = threading.Timer(cut_after, proxy.cut)
    start = time.perf_counter()
    timer.start()
    try:
        sync.run()
        raise AssertionError("the cut did not happen")
    except CentralUnreachable:
        failed = time.perf_counter() - start
    timer.join()
    proxy.restore()
    resumed = timed(sync.run)
    proxy.close()
    central.dispose()
    checkins, _visits, pickups = counts(records, "collect")
    with create_db_engine(url).connect() as conn:
        count = conn.scalar(select(func.count()).select_from(CheckinRecord))
        handed = conn.scalar(select(func.count()).select_from(HandOver))
    assert (count, handed) == (checkins, 2 * pickups), (count, handed)  # every record once
    local.dispose()
    return {"failed_s": failed, "resumed_s": resumed, "total_s": failed + resumed}


def baseline_round(server: str, n: int, records: int, folder: Path) -> dict[str, float]:
    url, local, _ = prepared(server, f"bench_sync_base_{n}", records, folder)
    with local.connect() as lc:
        rows = [dict(r) for r in lc.execute(select(CheckinRecord)).mappings()]
    central = create_db_engine(url)
    with central.begin() as cc:  # the tour kiosk's row, so the foreign key holds
        site = cc.scalar(select(Site.id))
        central_kiosk = cc.execute(
            insert(Kiosk).returning(Kiosk.id),
            [{"code": "TOUR-1", "name": "x", "profile": "tour", "site_id": site,
              "created_at": NOW}],
        ).scalar_one()  # fmt: skip
    for row in rows:
        row.pop("id")
        row["kiosk_id"] = central_kiosk
    start = time.perf_counter()
    with central.begin() as cc:
        cc.execute(insert(CheckinRecord), rows)
    elapsed = time.perf_counter() - start
    central.dispose()
    local.dispose()
    return {"insert_s": elapsed, "records_per_s": len(rows) / elapsed}


def summary(name: str, rounds: list[dict[str, float]]) -> None:
    print(f"{name}:")
    for key in rounds[0]:
        values = sorted(r[key] for r in rounds)
        p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
        print(f"  {key:>14}: median {statistics.median(values):10.2f}   p95 {p95:10.2f}   "
              f"(rounds: {', '.join(f'{v:.2f}' for v in values)})")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(prog="bench/sync_push.py")
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--pg", help="a PostgreSQL server URL (default: a throwaway one)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="smartcorner-bench-sync-"))
    for mix in MIXES:
        checkins, visits, pickups = counts(args.records, mix)
        print(f"{args.records} offline records, mix {mix!r}: {checkins} check-ins, {visits} "
              f"visits, {pickups} pickups + {2 * pickups} hand-overs")  # fmt: skip
    print(f"batches of {args.batch}, {args.rounds} rounds")
    with contextlib.ExitStack() as stack:
        server = args.pg or stack.enter_context(throwaway_postgres())
        base = [baseline_round(server, n, args.records, folder) for n in range(args.rounds)]
        summary("baseline: the check-ins alone by one executemany (no sync logic)", base)
        by_mix: dict[str, list[dict[str, float]]] = {mix: [] for mix in MIXES}
        for n in range(args.rounds):  # the mixes alternate: the machine's load hits both alike
            for mix in MIXES:
                by_mix[mix].append(clean_round(server, n, args.records, args.batch, folder, mix))
        for mix, rounds in by_mix.items():
            summary(f"sync, clean, mix {mix!r}: push, then the pull pass that follows", rounds)
        clean = by_mix["collect"]
        half = min(r["push_s"] for r in clean) / 3  # surely before the end, past the start
        cut = [cut_round(server, n, args.records, args.batch, folder, half)
               for n in range(args.rounds)]  # fmt: skip
        summary(f"sync with the link cut {half:.1f} s into the push (failed + resumed)", cut)
    shutil.rmtree(folder, ignore_errors=True)
    clean_total = statistics.median(r["total_s"] for r in clean)
    cut_total = statistics.median(r["total_s"] for r in cut)
    print(f"cost of one cut: {cut_total - clean_total:+.2f} s over the clean sync (median totals, "
          f"push + pull, mix 'collect'; the batch in flight is sent twice)")  # fmt: skip
    before, after = (statistics.median(r["records_per_s"] for r in by_mix[m]) for m in MIXES)
    print(f"push throughput, median: {before:.0f} records/s without Click & Collect, "
          f"{after:.0f} records/s with 30 % of it ({after / before - 1:+.0%})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Check-in service costs: ticket signature verification, and check-ins per second sustained.

    .venv/bin/python bench/checkin_service.py [--people 10000] [--history 200000]
        [--scans 1000] [--writers 4] [--rounds 3] [--pg postgresql+psycopg://...] [--no-pg]

1. **Signature verification** (no database): ``TicketVerifier.verify`` of a genuine code,
   of a forged one (same cost: the signature is checked) and of garbage (refused before any
   cryptography), against the bare Ed25519 ``verify`` of the same 23 bytes as baseline.
   Median and p95 in microseconds over ``--verifications`` calls.
2. **Check-ins per second**: :func:`kiosk.checkin.service.check_in` as the room kiosk calls it — a
badge
   hash, self check-in (the service finds the open event the person is registered to), one
   durable commit per scan — on an event with ``--people`` registrations and a ledger already
   holding ``--history`` past check-ins. A SQLite file (WAL, the kiosk's PRAGMAs; one kiosk,
   as in production where a SQLite database belongs to one kiosk), then PostgreSQL (a
   throwaway server with fsync on, started here unless ``--pg`` names one) with one kiosk and
   with ``--writers`` kiosks in parallel (threads, each with its own connection pool). Every
   scan must come out ``ok``; the admissions are counted by the database afterwards. Besides
   wall-clock figures it prints the CPU time of this process per check-in: on a shared,
   loaded machine that is the steadier measure of the service's own cost.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, Table, func, insert, select  # noqa: E402

from bench.help_tickets import throwaway_postgres  # noqa: E402
from kiosk.checkin.service import BadgeIdentity, CheckinContext, check_in  # noqa: E402
from kiosk.checkin.tables import Attendance, CheckinRecord  # noqa: E402
from kiosk.codes import (  # noqa: E402
    TicketIssuer,
    TicketRejected,
    TicketVerifier,
    generate_private_key,
)
from kiosk.db.engine import create_db_engine, make_session_factory  # noqa: E402
from kiosk.db.migrate import ensure_schema  # noqa: E402
from kiosk.db.models import Badge, Event, Kiosk, Person, Registration, Site  # noqa: E402
from kiosk.domain import (  # noqa: E402
    CheckinMethod,
    CheckinOutcome,
    EventKind,
    PersonKind,
    RegistrationStatus,
    Role,
    Space,
)
from kiosk.identity import badge_hash  # noqa: E402
from kiosk.settings import Profile  # noqa: E402

SITE_KEY = bytes(range(32))
PAST_EVENTS = 400
CHUNK = 20_000


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * (len(ordered) - 1) + 0.5))]


def timed(fn: Callable[[], Any], n: int) -> list[float]:
    """Microseconds per call, one sample per call."""
    samples = []
    for _ in range(n):
        t0 = time.perf_counter_ns()
        fn()
        samples.append((time.perf_counter_ns() - t0) / 1000)
    return samples


# --- 1. signatures -------------------------------------------------------------------------


def bench_signatures(n: int) -> None:
    key = generate_private_key()
    verifier = TicketVerifier([key.public_key()])
    now = datetime.now(UTC)
    code = TicketIssuer(key).issue(event_id=1234, person_id=56789, expires_at=now + timedelta(1))
    rogue = TicketIssuer(generate_private_key())
    forged = code.split(".")
    forged[2] = rogue.issue(event_id=1234, person_id=56789, expires_at=now + timedelta(1)).split(
        "."
    )[2]
    forged_code = ".".join(forged)
    message = b"SCA" + os.urandom(20)
    signature = key.sign(message)
    public = key.public_key()

    def refused(payload: str) -> Callable[[], None]:
        def call() -> None:
            try:
                verifier.verify(payload, now)
            except TicketRejected:
                return
            raise AssertionError("accepted")

        return call

    cases: list[tuple[str, Callable[[], Any]]] = [
        ("Ed25519 verify alone (baseline)", lambda: public.verify(signature, message)),
        ("verify genuine code", lambda: verifier.verify(code, now)),
        ("verify forged code (refused)", refused(forged_code)),
        ("verify garbage (refused)", refused("HTTPS://EXAMPLE.ORG/?Q=1")),
    ]
    print(f"signature verification, {n} calls each (µs per call):")
    for name, fn in cases:
        timed(fn, min(n, 200))  # warm up
        samples = timed(fn, n)
        print(
            f"  {name:<34} median {statistics.median(samples):7.1f}  "
            f"p95 {percentile(samples, 0.95):7.1f}"
        )


# --- 2. check-ins per second ---------------------------------------------------------------


def _bulk(engine: Engine, model: type[Any], rows: list[dict[str, Any]]) -> list[int]:
    table: Table = model.__table__
    ids: list[int] = []
    with engine.begin() as conn:
        for i in range(0, len(rows), CHUNK):
            chunk = rows[i : i + CHUNK]
            if model is Person or model is Event:
                stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
                ids += list(conn.scalars(stmt, chunk))
            else:
                conn.execute(insert(table), chunk)
    return ids


def build(engine: Engine, people: int, history: int, writers: int) -> dict[str, Any]:
    """A site, ``writers`` room kiosks, ``people`` agents with badges registered to one event
    open now, and ``history`` past check-ins (with attendance) on past events."""
    now = datetime.now(UTC)
    factory = make_session_factory(engine)
    with factory.begin() as s:
        code = f"B{os.getpid() % 100000}-{time.time_ns() % 10**6}"
        site = Site(code=code, name="Bench", town="Nice", address="-", is_smart_corner=True)
        s.add(site)
        s.flush()
        kiosks = [
            Kiosk(
                code=f"{code}-{n}",
                name=f"Smart Room {n}",
                profile=Profile.ROOM,
                site_id=site.id,
                created_at=now,
            )
            for n in range(writers)
        ]
        s.add_all(kiosks)
        s.flush()
        site_id, kiosk_ids = site.id, [k.id for k in kiosks]
    person_ids = _bulk(
        engine,
        Person,
        [
            {
                "kind": PersonKind.AGENT,
                "matricule": f"B{n:07d}",
                "first_name": f"Agent{n}",
                "last_name": "Bench",
                "email": None,
                "role": Role.AGENT,
                "created_at": now,
                "active": True,
            }
            for n in range(people)
        ],
    )
    event_rows = [
        {
            "kind": EventKind.MASTERCLASS,
            "title": "Masterclass bench",
            "description": "",
            "space": Space.SMART_ROOM,
            "site_id": site_id,
            "starts_at": now - timedelta(minutes=10),
            "ends_at": now + timedelta(hours=3),
            "capacity": None,
            "open_to_external": False,
            "checkin_opens_minutes_before": 60,
            "checkin_closes_minutes_after": 30,
            "created_at": now,
        }
    ]
    for d in range(PAST_EVENTS):
        start = now - timedelta(days=d + 1, hours=1)
        event_rows.append(
            {**event_rows[0], "starts_at": start, "ends_at": start + timedelta(2 / 24)}
        )
    event_ids = _bulk(engine, Event, event_rows)
    event_id, past = event_ids[0], event_ids[1:]
    _bulk(
        engine,
        Registration,
        [
            {"event_id": event_id, "person_id": p, "status": RegistrationStatus.CONFIRMED,
             "created_at": now}
            for p in person_ids
        ],
    )  # fmt: skip
    hashes = [badge_hash(SITE_KEY, f"uid-{p}".encode()) for p in person_ids]
    _bulk(
        engine,
        Badge,
        [
            {"hash": h, "person_id": p, "linked_at": now, "kiosk_id": None, "linked_by_id": None,
             "nonce": uuid.uuid4().hex}
            for h, p in zip(hashes, person_ids, strict=True)
        ],
    )  # fmt: skip
    fill_history(engine, history, past, person_ids, kiosk_ids[0], now)
    return {
        "site": site_id,
        "kiosks": kiosk_ids,
        "event": event_id,
        "hashes": hashes,
        "now": now,
    }


def fill_history(
    engine: Engine, history: int, events: list[int], people: list[int], kiosk: int, now: datetime
) -> None:
    """Past ok check-ins, each with its attendance row (distinct person per event)."""
    per_event = min(len(people), -(-history // len(events)))
    done = 0
    for e_index, event_id in enumerate(events):
        if done >= history:
            break
        count = min(per_event, history - done)
        at = now - timedelta(days=e_index + 1, hours=1, minutes=5)
        ledger = [
            {
                "nonce": f"{done + i:032x}",
                "kiosk_id": kiosk,
                "at": at + timedelta(milliseconds=i),
                "method": CheckinMethod.BADGE,
                "outcome": CheckinOutcome.OK,
                "event_id": event_id,
                "person_id": people[i],
                "identity_key": f"b:{done + i:064x}",
                "related_event_id": None,
                "staff_id": None,
                "detail": "",
            }
            for i in range(count)
        ]
        _bulk(engine, CheckinRecord, ledger)
        with engine.connect() as conn:
            ids = dict(
                conn.execute(
                    select(CheckinRecord.nonce, CheckinRecord.id).where(
                        CheckinRecord.event_id == event_id
                    )
                ).all()
            )
        _bulk(
            engine,
            Attendance,
            [
                {"event_id": event_id, "person_id": r["person_id"], "checkin_id": ids[r["nonce"]],
                 "at": r["at"], "kiosk_id": kiosk, "method": CheckinMethod.BADGE}
                for r in ledger
            ],
        )  # fmt: skip
        done += count


def run_writers(
    url: str, world: dict[str, Any], writers: int, scans: int, offset: int
) -> dict[str, float]:
    engines = [create_db_engine(url) for _ in range(writers)]
    factories = [make_session_factory(e) for e in engines]
    context = CheckinContext(site_id=world["site"], space=Space.SMART_ROOM)
    latencies: list[list[float]] = [[] for _ in range(writers)]
    outcomes: list[list[CheckinOutcome]] = [[] for _ in range(writers)]
    start = threading.Barrier(writers + 1)

    def write(n: int) -> None:
        factory, kiosk = factories[n], world["kiosks"][n]
        mine = world["hashes"][offset + n * scans : offset + (n + 1) * scans]
        start.wait()
        for i, h in enumerate(mine):
            nonce = f"{os.getpid():08x}{offset + n * scans + i:024x}"
            t0 = time.perf_counter()
            with factory() as session:
                result = check_in(
                    session,
                    BadgeIdentity(h),
                    context,
                    kiosk,
                    world["now"] + timedelta(milliseconds=i),
                    nonce,
                )
            latencies[n].append(time.perf_counter() - t0)
            outcomes[n].append(result.outcome)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for t in threads:
        t.start()
    start.wait()
    t0, cpu0 = time.perf_counter(), time.process_time()
    for t in threads:
        t.join()
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    for e in engines:
        e.dispose()
    flat = [x * 1000 for own in latencies for x in own]
    bad = [o for own in outcomes for o in own if o is not CheckinOutcome.OK]
    if bad:
        raise AssertionError(f"{len(bad)} scans were not ok: {sorted(set(bad))}")
    return {
        "scans": len(flat),
        "per_s": len(flat) / elapsed,
        "median_ms": statistics.median(flat),
        "p95_ms": percentile(flat, 0.95),
        "cpu_ms": cpu * 1000 / len(flat),  # this process only: not the database server
    }


def bare_commits(url: str, world: dict[str, Any], n: int) -> dict[str, float]:
    """Baseline: the durable floor of one scan — insert one ledger row and commit, no logic."""
    engine = create_db_engine(url)
    table: Table = CheckinRecord.__table__
    samples = []
    t_start, cpu0 = time.perf_counter(), time.process_time()
    for i in range(n):
        row = {
            "nonce": uuid.uuid4().hex,
            "kiosk_id": world["kiosks"][0],
            "at": world["now"],
            "method": CheckinMethod.BADGE,
            "outcome": CheckinOutcome.UNKNOWN_BADGE,
            "event_id": None,
            "person_id": None,
            "identity_key": f"b:{i:064x}",
            "related_event_id": None,
            "staff_id": None,
            "detail": "bench baseline",
        }
        t0 = time.perf_counter()
        with engine.begin() as conn:
            conn.execute(insert(table), row)
        samples.append((time.perf_counter() - t0) * 1000)
    elapsed, cpu = time.perf_counter() - t_start, time.process_time() - cpu0
    engine.dispose()
    return {
        "cpu_ms": cpu * 1000 / n,
        "per_s": n / elapsed,
        "median_ms": statistics.median(samples),
        "p95_ms": percentile(samples, 0.95),
    }


def bench_backend(name: str, url: str, args: argparse.Namespace, writer_counts: list[int]) -> None:
    engine = create_db_engine(url)
    ensure_schema(engine)
    t0 = time.perf_counter()
    world = build(engine, args.people, args.history, max(writer_counts))
    print(
        f"{name}: {args.people} registered (badges), {args.history} past check-ins "
        f"(built in {time.perf_counter() - t0:.1f} s)"
    )
    needed = sum(w * args.scans for w in writer_counts) * args.rounds
    if needed > args.people:
        raise SystemExit(f"--people {args.people} < {needed} scans: each person checks in once")
    base = bare_commits(url, world, args.scans)
    print(
        f"  baseline, one ledger INSERT + COMMIT: {base['per_s']:7.1f}/s, "
        f"median {base['median_ms']:5.1f} ms, p95 {base['p95_ms']:5.1f} ms, "
        f"CPU {base['cpu_ms']:4.1f} ms"
    )
    offset = 0
    for writers in writer_counts:
        results = []
        for _ in range(args.rounds):
            results.append(run_writers(url, world, writers, args.scans, offset))
            offset += writers * args.scans
        for r, res in enumerate(results, 1):
            print(
                f"  {writers} kiosk(s) round {r}: {res['scans']:.0f} check-ins, "
                f"{res['per_s']:7.1f}/s, one check-in median {res['median_ms']:5.1f} ms, "
                f"p95 {res['p95_ms']:5.1f} ms, CPU {res['cpu_ms']:4.1f} ms"
            )
        print(
            f"= {name} x{writers}: median {statistics.median(r['per_s'] for r in results):.1f} "
            f"check-ins/s, p95 {statistics.median(r['p95_ms'] for r in results):.1f} ms, "
            f"CPU per check-in {statistics.median(r['cpu_ms'] for r in results):.1f} ms"
        )
    with engine.connect() as conn:
        admitted = conn.scalar(
            select(func.count())
            .select_from(Attendance)
            .where(Attendance.event_id == world["event"])
        )
    print(f"  admitted to the event, counted by the database: {admitted} (expected {offset})")
    if admitted != offset:
        raise AssertionError("admissions lost or duplicated")
    engine.dispose()


@contextlib.contextmanager
def sqlite_url() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="smartcorner-bench-") as folder:
        yield f"sqlite:///{Path(folder) / 'bench.sqlite3'}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verifications", type=int, default=5000)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--history", type=int, default=200_000)
    parser.add_argument("--scans", type=int, default=500, help="per kiosk and round")
    parser.add_argument("--writers", type=int, default=4, help="PostgreSQL kiosks in parallel")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pg", help="a PostgreSQL URL (default: a throwaway local server)")
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    args = parser.parse_args()
    # kill (SIGTERM) unwinds like Ctrl-C, so the throwaway PostgreSQL server is stopped too
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    bench_signatures(args.verifications)
    with sqlite_url() as url:
        bench_backend("sqlite", url, args, [1])
    if not args.no_pg:
        with contextlib.ExitStack() as stack:
            pg = args.pg or stack.enter_context(throwaway_postgres())
            bench_backend("postgresql", pg, args, [1, args.writers])
    return 0


if __name__ == "__main__":
    sys.exit(main())

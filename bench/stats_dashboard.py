"""The quarter dashboard (``quarter_dashboard``) on 1,000,000 check-ins and 200,000
visits of the spaces. Goal: under 300 ms.

    .venv/bin/python bench/stats_dashboard.py [--runs 9] [--quarter 2026-Q2] [--rebuild]
                                              [--pg postgresql+psycopg://...]

The SQLite database is built once with bulk inserts over two years (2025-2026): 4,000 events
with 255 confirmed registrations each and 250 people checked in (245 of the
registered and 5 walk-ins), so
1,000,000 check-ins in the ledger and 1,000,000 attendance rows; 200,000 space visits;
20,000 help requests; about 350,000 answers to « Comment était … ? » (35 % of those who
came, half of them with their badge); and 20,000 requests made at the kiosk (70 % approved,
10 % declined), one registration in 20 marked as made at the kiosk (51,000), 5,000 promotions
from the waiting list and 100,000 projects' pages opened, each added to a cache built without
them. It is cached under
the system temp folder (``--rebuild`` makes it again). With ``--pg`` the same rows are copied
to that PostgreSQL database first.

Prints the median and p95 of the whole dashboard over ``--runs`` runs (after one warm-up;
on SQLite also the median CPU time of this process, which other jobs on a shared machine do
not inflate)
and, as the baseline in the same run, of ``quarter_dashboard_by_parts`` (the same figures
assembled from the granular functions, one query per figure, as the dashboard was computed
before migration 0008), checks that both give the same Dashboard, then times each part of
the one-pass dashboard.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, func, insert, select, update  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from kiosk.checkin.tables import Attendance, CheckinRecord, SpaceVisit  # noqa: E402
from kiosk.collect.tables import CatalogueItem, CollectOrder, LineEvent, OrderLine  # noqa: E402
from kiosk.db.engine import create_db_engine  # noqa: E402
from kiosk.db.migrate import ensure_schema  # noqa: E402
from kiosk.db.models import Direction, Event, Kiosk, Person, Registration, Site  # noqa: E402
from kiosk.documents.tables import DocumentSearch, DocumentView  # noqa: E402
from kiosk.domain import (  # noqa: E402  # noqa: E402
    CheckinMethod,
    CheckinOutcome,
    EventKind,
    PersonKind,
    RegistrationStatus,
    Role,
    Space,
)
from kiosk.help.domain import HelpReason, Requester, TicketState  # noqa: E402
from kiosk.help.tables import HelpRequest  # noqa: E402
from kiosk.projects.tables import ProjectView  # noqa: E402
from kiosk.satisfaction.tables import EventFeedback  # noqa: E402
from kiosk.settings import Profile  # noqa: E402
from kiosk.signup.tables import Notice  # noqa: E402
from kiosk.stats import dashboard as stats  # noqa: E402
from kiosk.stats.attendance import (  # noqa: E402
    attendance_by_direction,
    attendance_by_kiosk,
    events_with_counts,
)
from kiosk.stats.collect import (  # noqa: E402
    collect_delay,
    handed_over_by_item,
    handed_over_total,
)
from kiosk.stats.documents import (  # noqa: E402
    top_documents,
    zero_result_queries,
    zero_result_searches,
)
from kiosk.stats.fleet import kiosk_availability  # noqa: E402
from kiosk.stats.french import format_change, format_rate  # noqa: E402
from kiosk.stats.help import help_by_reason, help_total  # noqa: E402
from kiosk.stats.periods import Quarter  # noqa: E402
from kiosk.stats.projects import top_projects  # noqa: E402
from kiosk.stats.requests import request_figures  # noqa: E402
from kiosk.stats.satisfaction import quarter_satisfaction  # noqa: E402
from kiosk.stats.signups import signup_figures  # noqa: E402
from kiosk.stats.sql import count_between  # noqa: E402
from kiosk.stats.visits import visits_grouped, visits_total  # noqa: E402

EVENTS, REGISTERED, PRESENT, WALK_INS = 4_000, 255, 250, 5
PEOPLE, VISITS, HELP = 20_000, 200_000, 20_000
SITES, KIOSKS, DIRECTIONS = 25, 10, 12
START = datetime(2025, 1, 1, 8, tzinfo=UTC)
DAYS = 730
BATCH = 50_000
ANSWERED = 0.35  # of those who came, answered « Comment était … ? »
REQUESTS, PROMOTIONS, PROJECT_VIEWS, PROJECTS = 20_000, 5_000, 100_000, 60
CACHE = Path(tempfile.gettempdir()) / "smartcorner-bench-stats-v1.sqlite3"


def _batches(table: Any, rows: list[dict[str, Any]], engine: Engine) -> None:
    with engine.begin() as conn:
        for i in range(0, len(rows), BATCH):
            conn.execute(insert(table), rows[i : i + BATCH])


def build(engine: Engine) -> None:
    rng = random.Random(2026)
    t0 = time.perf_counter()
    created = START
    ensure_schema(engine)
    _batches(
        Direction.__table__,
        [{"id": n, "code": f"D{n}", "name": f"Direction {n}"} for n in range(1, DIRECTIONS + 1)],
        engine,
    )
    _batches(
        Site.__table__,
        [
            {"id": n, "code": f"S{n}", "name": f"Site {n}", "town": "Nice", "address": "-",
             "is_smart_corner": n == 1}
            for n in range(1, SITES + 1)
        ],
        engine,
    )  # fmt: skip
    _batches(
        Kiosk.__table__,
        [
            {"id": n, "code": f"K{n}", "name": f"Borne {n}", "profile": Profile.ROOM,
             "site_id": 1 + n % SITES, "created_at": created}
            for n in range(1, KIOSKS + 1)
        ],
        engine,
    )  # fmt: skip
    _batches(
        Person.__table__,
        [
            {"id": n, "kind": PersonKind.AGENT, "matricule": f"M{n:06d}", "first_name": "A",
             "last_name": f"B{n}", "role": Role.AGENT, "direction_id": 1 + n % DIRECTIONS,
             "site_id": 1 + n % SITES, "created_at": created, "active": True}
            for n in range(1, PEOPLE + 1)
        ],
        engine,
    )  # fmt: skip
    events, registrations, ledger, attendance = [], [], [], []
    kinds, spaces = list(EventKind), list(Space)
    for e in range(1, EVENTS + 1):
        starts = START + timedelta(days=rng.randrange(DAYS), hours=rng.randrange(10))
        events.append(
            {"id": e, "kind": rng.choice(kinds), "title": f"Événement {e}",
             "description": "", "space": rng.choice(spaces), "site_id": 1 + e % SITES,
             "starts_at": starts, "ends_at": starts + timedelta(hours=2), "capacity": 300,
             "open_to_external": False, "checkin_opens_minutes_before": 60,
             "checkin_closes_minutes_after": 30, "created_at": created}
        )  # fmt: skip
        people = rng.sample(range(1, PEOPLE + 1), REGISTERED + WALK_INS)
        for p in people[:REGISTERED]:
            registrations.append(
                {"event_id": e, "person_id": p, "status": RegistrationStatus.CONFIRMED,
                 "created_at": created}
            )  # fmt: skip
        # 245 of the registered came (10 did not), and 5 walk-ins
        came = people[: PRESENT - WALK_INS] + people[REGISTERED:]
        for p in came:
            n = len(ledger) + 1
            at = starts - timedelta(minutes=rng.randrange(30))
            kiosk = 1 + rng.randrange(KIOSKS)
            ledger.append(
                {"id": n, "nonce": uuid.UUID(int=rng.getrandbits(128)).hex, "kiosk_id": kiosk,
                 "at": at, "method": CheckinMethod.BADGE, "outcome": CheckinOutcome.OK,
                 "event_id": e, "person_id": p, "identity_key": f"p:{p}", "detail": ""}
            )  # fmt: skip
            attendance.append(
                {"event_id": e, "person_id": p, "checkin_id": n, "at": at, "kiosk_id": kiosk,
                 "method": CheckinMethod.BADGE, "direction_id": 1 + p % DIRECTIONS}
            )  # fmt: skip
    _batches(Event.__table__, events, engine)
    _batches(Registration.__table__, registrations, engine)
    _batches(CheckinRecord.__table__, ledger, engine)
    _batches(Attendance.__table__, attendance, engine)
    seen: set[tuple[int, date, int, Space]] = set()
    visits = []
    while len(visits) < VISITS:
        day = START.date() + timedelta(days=rng.randrange(DAYS))
        key = (1 + rng.randrange(PEOPLE), day, 1 + rng.randrange(SITES), rng.choice(spaces))
        if key in seen:
            continue
        seen.add(key)
        visits.append(
            {"nonce": uuid.UUID(int=rng.getrandbits(128)).hex, "kiosk_id": 1 + len(visits) % 10,
             "at": datetime(day.year, day.month, day.day, 9, tzinfo=UTC), "day": day,
             "person_id": key[0], "site_id": key[2], "space": key[3]}
        )  # fmt: skip
    _batches(SpaceVisit.__table__, visits, engine)
    helps, numbers = [], {}
    reasons = list(HelpReason)
    for _ in range(HELP):
        created_at = START + timedelta(days=rng.randrange(DAYS), minutes=rng.randrange(600))
        reason = rng.choice(reasons)
        key2 = (created_at.date(), reason)
        numbers[key2] = numbers.get(key2, 0) + 1
        wait, serve = rng.randrange(1, 40), rng.randrange(2, 30)
        helps.append(
            {"nonce": uuid.UUID(int=rng.getrandbits(128)).hex, "kiosk_id": 1, "site_id": 1,
             "person_id": None, "requester": Requester.ANONYMOUS, "reason": reason,
             "description": None, "service_day": created_at.date(), "number": numbers[key2],
             "ticket": f"{reason.prefix}-{numbers[key2]:03d}", "state": TicketState.DONE,
             "desk": "1", "call_count": 1, "created_at": created_at,
             "called_at": created_at + timedelta(minutes=wait),
             "serving_at": created_at + timedelta(minutes=wait + 1),
             "finished_at": created_at + timedelta(minutes=wait + 1 + serve)}
        )  # fmt: skip
    _batches(HelpRequest.__table__, helps, engine)
    print(f"built in {time.perf_counter() - t0:.0f} s: {len(ledger):,} check-ins, "
          f"{len(attendance):,} attendance, {len(registrations):,} registrations, "
          f"{len(visits):,} visits, {len(helps):,} help requests")  # fmt: skip


def add_feedback(engine: Engine) -> None:
    """Answers after the events, when the cache has none (built before they existed)."""
    with Session(engine) as session:
        if session.scalar(select(EventFeedback.id).limit(1)) is not None:
            return
        t0 = time.perf_counter()
        rng = random.Random(21)
        ends = dict(session.execute(select(Event.id, Event.ends_at)).all())
        rows = [
            {"nonce": uuid.UUID(int=rng.getrandbits(128)).hex, "event_id": event_id,
             "kiosk_id": kiosk_id, "at": ends[event_id] + timedelta(minutes=rng.randrange(30)),
             "score": rng.choice((1, 2, 3, 3, 4, 4)), "reason": None,
             "person_id": person_id if rng.random() < 0.5 else None}
            for event_id, person_id, kiosk_id in session.execute(
                select(Attendance.event_id, Attendance.person_id, Attendance.kiosk_id)
                .order_by(Attendance.event_id, Attendance.person_id)
            )
            if rng.random() < ANSWERED
        ]  # fmt: skip
    _batches(EventFeedback.__table__, rows, engine)
    print(f"added {len(rows):,} answers in {time.perf_counter() - t0:.0f} s")


def add_requests_signups_views(engine: Engine) -> None:
    """Requests made at the kiosk with staff's decisions, sign-ups made at the kiosk (one
    registration in 20), promotions from the waiting list and projects' pages opened, when the
    cache has none (built before they were counted)."""
    with Session(engine) as session:
        if session.scalar(select(ProjectView.id).limit(1)) is not None:
            return
        people = session.scalar(select(func.max(Person.id))) or 1
    t0 = time.perf_counter()
    rng = random.Random(18)

    def moment() -> datetime:
        return START + timedelta(minutes=rng.randrange(DAYS * 24 * 60))

    def nonce() -> str:
        return uuid.UUID(int=rng.getrandbits(128)).hex

    _batches(CatalogueItem.__table__, [{"id": 1, "code": "SCR", "name": "Écran",
             "kind": "equipment", "created_at": START}], engine)  # fmt: skip
    orders, lines, moves = [], [], []
    for n in range(1, REQUESTS + 1):
        placed, fate = moment(), rng.random()
        status = "approved" if fate < 0.7 else "declined" if fate < 0.8 else "placed"
        decided = placed + timedelta(hours=rng.randrange(1, 96))
        orders.append({"id": n, "reference": f"DEM-{n}", "person_id": rng.randrange(1, people),
                       "placed_at": placed, "imported_at": placed, "source": "kiosk",
                       "nonce": nonce(), "site_code": "S1", "note": "", "kiosk_id": 1})  # fmt: skip
        status_at = placed if status == "placed" else decided
        lines.append({"id": n, "order_id": n, "line_no": 1, "item_id": 1, "quantity": 1,
                      "status": status, "status_at": status_at})  # fmt: skip
        if status != "placed":
            moves.append({"nonce": nonce(), "line_id": n, "from_status": "placed",
                          "to_status": status, "at": decided, "actor": "staff_pin"})  # fmt: skip
    _batches(CollectOrder.__table__, orders, engine)
    _batches(OrderLine.__table__, lines, engine)
    _batches(LineEvent.__table__, moves, engine)
    with engine.begin() as conn:
        conn.execute(update(Registration).where(Registration.id % 20 == 0).values(source="kiosk"))
    notices = []
    for n in range(PROMOTIONS):
        at = moment()
        notices.append({"key": f"promoted:{n}", "kind": "promoted", "subject": "-", "body": "-",
                        "person_id": rng.randrange(1, people), "state": "sent",
                        "created_at": at, "next_try_at": at, "attempts": 1})  # fmt: skip
    _batches(Notice.__table__, notices, engine)
    views = [{"nonce": nonce(), "kiosk_id": rng.randrange(1, KIOSKS + 1), "at": moment(),
              "project_slug": f"projet-{rng.randrange(PROJECTS)}"}
             for _ in range(PROJECT_VIEWS)]  # fmt: skip
    _batches(ProjectView.__table__, views, engine)
    print(f"added {len(orders):,} requests, {len(notices):,} promotions and {len(views):,} "
          f"project views in {time.perf_counter() - t0:.0f} s")  # fmt: skip


def copy(source: Engine, target: Engine) -> None:
    """The cached rows into an empty PostgreSQL database, table by table in FK order."""
    ensure_schema(target)
    tables = [Direction, Site, Kiosk, Person, Event, Registration, CheckinRecord, Attendance]
    tables += [SpaceVisit, HelpRequest, EventFeedback, CatalogueItem, CollectOrder, OrderLine]
    tables += [LineEvent, Notice, ProjectView]
    with source.connect() as src:
        for model in tables:
            table = model.__table__
            rows = [dict(r._mapping) for r in src.execute(select(table))]
            _batches(table, rows, target)
            print(f"  copied {len(rows):,} rows of {table.name}")
    with target.begin() as conn:  # explicit ids were inserted: move the sequences on
        for model in tables:
            table = model.__table__
            if "id" in table.c:
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {table.name}))"
                )
    # what autovacuum does on a server that has been running: statistics for the planner and
    # the visibility map that lets the covering indexes answer without the table
    with target.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")


def missing_tables(url: str) -> set[str]:
    from sqlalchemy import inspect

    from kiosk.db.models import Base

    engine = create_db_engine(url)
    try:
        return set(Base.metadata.tables) - set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


CPU_MS: dict[int, list[float]] = {}  # id(work) -> this process's CPU time per run


def timed(work: Any, runs: int) -> tuple[list[float], Any]:
    """Wall-clock ms per run; the process's CPU ms per run go to ``CPU_MS[id(work)]``."""
    work()  # warm-up: the page cache and the statement cache
    times, cpu, result = [], [], None
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        result = work()
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    CPU_MS[id(work)] = cpu
    return times, result


def cpu_note(work: Any, name: str) -> str:
    """On SQLite the query runs in this process, so its CPU time is what the wall time would
    be on an idle machine: a figure the other jobs of a shared machine do not inflate."""
    if name != "sqlite":
        return ""
    return f", CPU {statistics.median(CPU_MS[id(work)]):7.1f} ms"


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--quarter", default="2026-Q2", type=Quarter.parse)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--pg", help="also run on this (empty) PostgreSQL database")
    args = parser.parse_args()
    if args.rebuild:
        CACHE.unlink(missing_ok=True)
    url = f"sqlite:///{CACHE}"
    if CACHE.exists():  # a newer migration adds its tables to the cache (no rebuild)
        cached = create_db_engine(url)
        ensure_schema(cached)
        cached.dispose()
    if CACHE.exists() and missing_tables(url):
        # built before a capability filled its reserved migration slot: the database is
        # stamped at head without that slot's tables, so build it again
        print(f"{CACHE} lacks {', '.join(sorted(missing_tables(url)))}: rebuilding it")
        CACHE.unlink()
    if not CACHE.exists():
        partial = CACHE.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        engine = create_db_engine(f"sqlite:///{partial}")
        build(engine)
        engine.dispose()
        partial.rename(CACHE)
    engines = [("sqlite", create_db_engine(url))]
    ensure_schema(engines[0][1])
    add_feedback(engines[0][1])
    add_requests_signups_views(engines[0][1])
    if args.pg:
        pg = create_db_engine(args.pg)
        ensure_schema(pg)
        with Session(pg) as s:
            empty = not s.scalar(select(func.count()).select_from(Attendance))
        if empty:
            copy(engines[0][1], pg)
        engines.append(("postgresql", pg))
    quarter: Quarter = args.quarter
    start, end = quarter.utc_bounds()
    prev = quarter.previous()
    prev_start, prev_end = prev.utc_bounds()
    for name, engine in engines:
        with Session(engine) as session:
            count = session.scalar(select(func.count()).select_from(CheckinRecord))
            print(f"{name}: {count:,} check-ins, quarter {quarter.code}, {args.runs} runs")

            def fast(s: Session = session) -> stats.Dashboard:
                return stats.quarter_dashboard(s, quarter)

            def by_parts(s: Session = session) -> stats.Dashboard:
                return stats.quarter_dashboard_by_parts(s, quarter)

            board_ms, board = timed(fast, args.runs)
            base_ms, base = timed(by_parts, args.runs)
            median, base_median = statistics.median(board_ms), statistics.median(base_ms)
            print(
                f"  dashboard: median {median:7.1f} ms, p95 {p95(board_ms):7.1f} ms"
                f"{cpu_note(fast, name)} (goal < 300 ms)"
            )
            print(
                f"  baseline (the same figures by parts, ~20 queries): median "
                f"{base_median:7.1f} ms, p95 {p95(base_ms):7.1f} ms{cpu_note(by_parts, name)} "
                f"({base_median / median:.1f}x the dashboard's median)"
            )
            print(f"  same Dashboard as the baseline: {'yes' if board == base else 'NO'}")
            print(
                f"  figures: {board.attendance.current:,.0f} check-ins "
                f"({format_change(board.attendance, quarter)}), "
                f"{board.visits.current:,.0f} visits, "
                f"no-show {format_rate(board.no_show.rate)}, "
                f"{board.satisfaction.total.answers:,} answers"
            )
            both = events_with_counts(session, prev_start, end)
            attended = {i: e.attended for i, e in both.items() if e.starts_at >= start}
            parts = {
                "events of both quarters with counts": lambda s=session: events_with_counts(
                    s, prev_start, end
                ),
                "check-ins per kiosk": lambda s=session: attendance_by_kiosk(s, start, end),
                "check-ins by direction": lambda s=session, a=attended: attendance_by_direction(
                    s, start, end, a
                ),
                "visits by day and space/site/kiosk": lambda s=session: visits_grouped(s, quarter),
                "previous visits and help": lambda s=session: (
                    visits_total(s, prev),
                    help_total(s, prev),
                ),
                "help by reason": lambda s=session: help_by_reason(s, quarter),
                "documents (views, searches, top)": lambda s=session: (
                    count_between(s, DocumentView.at, start, end),
                    count_between(s, DocumentView.at, prev_start, prev_end),
                    count_between(s, DocumentSearch.at, start, end),
                    count_between(s, DocumentSearch.at, prev_start, prev_end),
                    zero_result_searches(s, start, end),
                    zero_result_searches(s, prev_start, prev_end),
                    top_documents(s, quarter),
                    zero_result_queries(s, quarter),
                ),
                "Click & Collect and fleet": lambda s=session: (
                    handed_over_total(s, start, end),
                    handed_over_total(s, prev_start, prev_end),
                    handed_over_by_item(s, quarter),
                    collect_delay(s, quarter),
                    kiosk_availability(s, quarter),
                ),
                "requests made at the kiosk": lambda s=session: request_figures(
                    s, start, end, prev_start
                ),
                "sign-ups and promotions": lambda s=session: signup_figures(
                    s, start, end, prev_start
                ),
                "projects' pages opened": lambda s=session: (
                    count_between(s, ProjectView.at, start, end),
                    count_between(s, ProjectView.at, prev_start, prev_end),
                    top_projects(s, quarter),
                ),
                "satisfaction (given the events)": lambda s=session, e=both: quarter_satisfaction(
                    s, quarter, e
                ),
            }
            for label, work in parts.items():
                part_ms, _ = timed(work, 3)
                print(
                    f"    {label:<36} median {statistics.median(part_ms):7.1f} ms"
                    f"{cpu_note(work, name)}"
                )
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Click & Collect: badge tapped -> the agent's lines painted, with 50,000 orders in the database.

The real pickup screen (offscreen, 1920x1080) on its real desk and worker: each sample taps the
badge of an agent who has something ready (``handle_badge``, as the input router calls it),
waits for the lines page, paints it (``repaint``: the whole page, synchronously) and stops the
clock. Next to it, in the same process, the read model alone (``identify.by_badge`` on one
session, no Qt), so the cost of the worker hop and of building the cards shows.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/collect_identify.py \
        [--orders 50000] [--samples 300] [--db postgresql+psycopg://...]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SEED = 20261123


def seed(url: str, orders: int, people: int, key: bytes) -> list[tuple[int, bytes]]:
    """The demo data set plus ``people`` agents and bulk orders up to ``orders`` in all."""
    from sqlalchemy import func, insert, select

    from kiosk.collect.status import LineStatus
    from kiosk.collect.tables import CatalogueItem, CollectOrder, OrderLine
    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.db.migrate import ensure_schema
    from kiosk.db.models import Badge, Person
    from kiosk.demo.seed import seed_demo
    from kiosk.domain import PersonKind, Role
    from kiosk.identity import badge_hash
    from tools.screenshots.main import NOW

    engine = create_db_engine(url)
    ensure_schema(engine)
    sessions = make_session_factory(engine)
    seed_demo(sessions, NOW)
    rng = random.Random(SEED)
    statuses = [
        (LineStatus.COLLECTED, 60), (LineStatus.CANCELLED, 8), (LineStatus.EXPIRED, 4),
        (LineStatus.PARTIALLY_COLLECTED, 2), (LineStatus.PLACED, 4), (LineStatus.APPROVED, 8),
        (LineStatus.PREPARED, 6), (LineStatus.READY, 8),
    ]  # fmt: skip
    kinds, weights = zip(*statuses, strict=True)
    with sessions.begin() as s:
        items = list(s.scalars(select(CatalogueItem.id)))
        existing = s.scalar(select(func.count()).select_from(CollectOrder)) or 0
        person_ids = list(
            s.scalars(
                insert(Person).returning(Person.id, sort_by_parameter_order=True),
                [
                    {
                        "kind": PersonKind.AGENT,
                        "matricule": f"B{n:07d}",
                        "first_name": f"Agent{n}",
                        "last_name": "Bench",
                        "role": Role.AGENT,
                        "created_at": NOW,
                        "active": True,
                    }
                    for n in range(people)
                ],
            )
        )
        uids = [(pid, f"bench-badge-{pid}".encode()) for pid in person_ids]
        s.execute(
            insert(Badge),
            [
                {
                    "hash": badge_hash(key, uid),
                    "person_id": pid,
                    "linked_at": NOW,
                    "nonce": uuid.uuid4().hex,
                }
                for pid, uid in uids
            ],
        )
        count = max(0, orders - existing)
        order_rows = []
        for n in range(count):
            placed = NOW - timedelta(days=rng.uniform(1, 730))
            order_rows.append(
                {
                    "reference": f"BENCH-{n:07d}",
                    "person_id": rng.choice(person_ids),
                    "placed_at": placed,
                    "imported_at": placed,
                }
            )
        order_ids = list(
            s.scalars(
                insert(CollectOrder).returning(
                    CollectOrder.id, CollectOrder.placed_at, sort_by_parameter_order=True
                ),
                order_rows,
            )
        ) if order_rows else []  # fmt: skip
        placed_at = {row["reference"]: row["placed_at"] for row in order_rows}
        line_rows = []
        for order_id, row in zip(order_ids, order_rows, strict=True):
            for line_no in range(1, rng.choice((1, 1, 2, 3)) + 1):
                status = rng.choices(kinds, weights)[0]
                recent = status in (LineStatus.READY, LineStatus.PREPARED, LineStatus.APPROVED)
                at = (
                    NOW - timedelta(days=rng.uniform(0, 9))
                    if recent
                    else placed_at[row["reference"]]
                )
                line_rows.append(
                    {"order_id": order_id, "line_no": line_no, "item_id": rng.choice(items),
                     "quantity": 1, "prepared_quantity": 1 if status is LineStatus.READY else None,
                     "status": status, "status_at": at,
                     "ready_until": at + timedelta(days=10) if status is LineStatus.READY else None}
                )  # fmt: skip
        for start in range(0, len(line_rows), 5000):
            s.execute(insert(OrderLine), line_rows[start : start + 5000])
    with sessions() as s:
        total = s.scalar(select(func.count()).select_from(CollectOrder))
        ready = set(
            s.scalars(
                select(CollectOrder.person_id)
                .join(OrderLine, OrderLine.order_id == CollectOrder.id)
                .where(OrderLine.status == LineStatus.READY)
            )
        )
    engine.dispose()
    print(f"database: {total} orders, {len(line_rows)} bench lines, {people} bench agents")
    return [(pid, uid) for pid, uid in uids if pid in ready]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(name: str, ms: list[float]) -> None:
    print(
        f"{name:<34} median {statistics.median(ms):6.1f} ms   p95 {pct(ms, 0.95):6.1f} ms   "
        f"max {max(ms):6.1f} ms   (n={len(ms)})"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=50_000)
    parser.add_argument("--people", type=int, default=4_600)  # the council's agents
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--db", help="a database URL (default: a fresh SQLite file)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["TZ"] = "Europe/Paris"
    time.tzset()

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.collect.identify import by_badge
    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.identity import badge_hash
    from kiosk.paths import Paths
    from kiosk.ports import BadgePresented, FixedClock
    from kiosk.settings import Profile, Settings
    from tools.screenshots.main import NOW
    from ui.collect.desk import CollectDesk
    from ui.collect.pickup import Page, PickupScreen
    from ui.data import KioskDatabase
    from ui.theme import ThemeController

    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="bench-collect-"))
    url = args.db or f"sqlite:///{folder / 'bench.sqlite3'}"
    key = b"bench-site-key-0123456789abcdef!"
    t0 = time.perf_counter()
    agents = seed(url, args.orders, args.people, key)
    print(f"seeded in {time.perf_counter() - t0:.1f} s; {len(agents)} agents have a ready line")

    settings = Settings(
        profile=Profile.STORE, paths=Paths(data_dir=folder, config_file=None), db_url=url
    )
    database = KioskDatabase(url, settings)
    desk = CollectDesk(
        database.session_factory, FixedClock(NOW), site_key=lambda: key,
        verifier=lambda: None, kiosk=database.this_kiosk,
    )  # fmt: skip
    theme = ThemeController(app)
    theme.apply()
    screen = PickupScreen(desk, theme)
    screen.resize(1920, 1080)
    screen.show()
    rng = random.Random(SEED)
    painted: list[float] = []
    cpu: list[float] = []  # the process's CPU time (both threads): what contention cannot inflate
    cards: list[int] = []

    def one(uid: bytes) -> float:
        cpu_start = time.process_time()
        loop = QEventLoop()
        end: list[float] = []

        def on_page(page: str) -> None:
            if page == Page.LINES:
                screen.repaint()  # the list, painted now
                end.append(time.perf_counter())
                loop.quit()
            elif page == Page.PROBLEM:
                raise RuntimeError(screen.message.title.text())

        screen.page_changed.connect(on_page)
        start = time.perf_counter()
        screen.handle_badge(BadgePresented(uid, "bench"))
        QTimer.singleShot(30_000, loop.quit)
        loop.exec()
        screen.page_changed.disconnect(on_page)
        cpu.append((time.process_time() - cpu_start) * 1000)
        cards.append(len(screen.lines_page.cards))
        screen.clear()
        return (end[0] - start) * 1000

    for _ in range(20):  # warm-up: imports, first queries, font caches
        one(rng.choice(agents)[1])
    cards.clear()
    cpu.clear()
    for _ in range(args.samples):
        painted.append(one(rng.choice(agents)[1]))

    engine = create_db_engine(url)
    sessions = make_session_factory(engine)
    query: list[float] = []
    for _ in range(args.samples):
        hashed = badge_hash(key, rng.choice(agents)[1])
        with sessions() as s:
            start = time.perf_counter()
            by_badge(s, hashed, NOW)
            query.append((time.perf_counter() - start) * 1000)
    engine.dispose()
    desk.wait()
    print(f"backend: {engine.dialect.name}; lines listed per agent: median "
          f"{statistics.median(cards):.0f}, max {max(cards)}")  # fmt: skip
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    report("badge -> ready lines painted", painted)
    report("  of which CPU time (all threads)", cpu)
    report("read model alone (by_badge)", query)
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

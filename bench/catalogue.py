"""« Catalogue de services »: badge tapped -> the catalogue painted with this agent's verdicts,
at 200 items and 4,600 agents with their history. Goal: p95 under 100 ms.

The real catalogue screen (offscreen, 1920x1080) on its real desk and worker: each sample taps
the badge of a random agent (``handle_badge``, as the input router calls it), waits for the
screen's ``loaded`` signal, lays it out and paints it (the posted layout requests, then
``repaint``: what the next frame does, synchronously) and stops the clock;
the agent is then forgotten (« Terminé ») and the anonymous catalogue reloaded, untimed. Each
sample's stages come from the desk's own calls: tap -> the worker starts, the worker's work
(badge look-up and ``catalogue()``), back on the GUI thread, the cards filled, the layout and
paint.
Interleaved with the taps, in the same process and on the GUI thread (the worker idle then),
the read model alone: ``catalogue(session, site, now, person_id=...)`` on one session, no Qt,
wall and CPU time.

The data: the demo data set, its catalogue grown to 200 active items over the five shelves
(role and direction restrictions, quotas per renewal period, stock at every site as the demo's)
and 4,600 agents with badges, each with two to fourteen orders over the last four years — lines
collected (with their pickups and hand-overs, which the quotas count), cancelled, expired,
declined, and recent ones still open, some of them requests made at the kiosk that hold stock.
The SQLite file is built once in the temp dir (rebuilt when the schema head changes, or with
``--rebuild``) and each run works on a copy; ``--db URL`` seeds that database instead (once:
it is reused when it already holds the bench's agents).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/catalogue.py \
        [--samples 300] [--rebuild] [--db postgresql+psycopg://...]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Final

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.collect.demo import CATALOGUE, SHELF
from kiosk.collect.requests import reference_for
from kiosk.collect.status import Delivery, Family, ItemKind, LineStatus, OrderSource
from kiosk.collect.stock import SET_BY_IMPORT
from kiosk.collect.tables import (
    CatalogueItem,
    CollectOrder,
    HandOver,
    OrderLine,
    Pickup,
    SiteStock,
)
from kiosk.db.demo_reference import FIRST_NAMES, LAST_NAMES
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.migrate import HEAD_REVISION, ensure_schema
from kiosk.db.models import Badge, Direction, Kiosk, Person, Site
from kiosk.demo.seed import seed_demo
from kiosk.domain import PARIS, PersonKind, Role
from kiosk.identity import badge_hash

SEED: Final = 20261207
NOW: Final = datetime(2026, 11, 23, 14, 5, tzinfo=PARIS)  # the screenshots' and demo's day
KEY: Final = b"bench-site-key-0123456789abcdef!"  # the badges' HMAC key (the cache keeps it)
MATRICULE_PREFIX: Final = "BENCH"
LAYOUT_VERSION: Final = "v2"  # bump when what seed() writes changes
STORE_KIOSK: Final = "DEMO-STORE"

# Words to name the extra items of each shelf: a base and a variant make a name.
SHELF_WORDS: Final[dict[Family, tuple[tuple[str, ...], ItemKind]]] = {
    Family.WORKSTATIONS: (
        ("Écran", "Ordinateur fixe", "Ordinateur portable", "Station d'accueil", "Bras d'écran",
         "Mini-PC", "Écran tactile", "Poste double écran"),
        ItemKind.EQUIPMENT,
    ),
    Family.MOBILITY: (
        ("Smartphone", "Tablette", "Clé 4G", "Sacoche", "Batterie externe", "Chargeur voiture",
         "Coque renforcée", "Routeur de poche"),
        ItemKind.EQUIPMENT,
    ),
    Family.ACCESSORIES: (
        ("Clavier", "Souris", "Casque", "Webcam", "Adaptateur", "Câble", "Repose-poignet",
         "Lampe de bureau", "Hub USB", "Enceinte de visio"),
        ItemKind.EQUIPMENT,
    ),
    Family.SOFTWARE: (
        ("Licence", "Accès", "Abonnement", "Espace partagé", "Boîte mail de service",
         "Outil de cartographie", "Logiciel de dessin"),
        ItemKind.SERVICE,
    ),
    Family.SUPPORT: (
        ("Formation", "Atelier", "Accompagnement", "Diagnostic", "Installation", "Migration",
         "Sauvegarde assistée"),
        ItemKind.SERVICE,
    ),
}  # fmt: skip
VARIANTS: Final = (
    "standard", "confort", "compact", "pro", "terrain", "essentiel", "avancé", "nomade",
    "grand format", "basse consommation", "sans fil", "modèle 2026",
)  # fmt: skip
ROLE_WEIGHTS: Final = ((Role.AGENT, 90), (Role.AMBASSADOR, 5), (Role.STAFF, 3), (Role.ADMIN, 2))
# Line statuses of an order placed more than RECENT_DAYS ago, and of a recent one.
RECENT_DAYS: Final = 45
OLD: Final = (
    (LineStatus.COLLECTED, 70), (LineStatus.CANCELLED, 10), (LineStatus.EXPIRED, 7),
    (LineStatus.DECLINED, 8), (LineStatus.PARTIALLY_COLLECTED, 5),
)  # fmt: skip
RECENT: Final = (
    (LineStatus.PLACED, 25), (LineStatus.APPROVED, 20), (LineStatus.PREPARED, 15),
    (LineStatus.READY, 20), (LineStatus.COLLECTED, 15), (LineStatus.DECLINED, 5),
)  # fmt: skip
HANDED: Final = (LineStatus.COLLECTED, LineStatus.PARTIALLY_COLLECTED)
PREPARED: Final = (LineStatus.PREPARED, LineStatus.READY, LineStatus.EXPIRED, *HANDED)


@dataclass(frozen=True)
class Seeded:
    agents: list[tuple[int, bytes]]  # (person id, raw badge UID) of the bench's agents
    counts: dict[str, int]


def cache_path() -> Path:
    return Path(tempfile.gettempdir()) / (
        f"smartcorner-bench-catalogue-{LAYOUT_VERSION}-{HEAD_REVISION}.sqlite3"
    )


def uid_of(person_id: int) -> bytes:
    return f"bench-badge-{person_id}".encode()


def seed(url: str, *, items: int = 200, people: int = 4_600, random_seed: int = SEED) -> Seeded:
    """The demo data set, its catalogue grown to ``items`` active items, ``people`` agents with
    badges (hashed with :data:`KEY`) and their order history; returns the agents."""
    engine = create_db_engine(url)
    ensure_schema(engine)
    sessions = make_session_factory(engine)
    seed_demo(sessions, NOW)
    rng = random.Random(random_seed)

    def new_nonce() -> str:
        return uuid.UUID(int=rng.getrandbits(128), version=4).hex

    with sessions.begin() as s:
        _grow_catalogue(s, rng, items)
        person_ids = _add_agents(s, rng, people, new_nonce)
        _add_history(s, rng, person_ids, new_nonce)
    result = Seeded([(pid, uid_of(pid)) for pid in person_ids], counts(sessions))
    engine.dispose()
    return result


def counts(sessions: sessionmaker[Session]) -> dict[str, int]:
    with sessions() as s:
        return {
            "active items": s.scalar(
                select(func.count()).select_from(CatalogueItem).where(CatalogueItem.active)
            ) or 0,
            "bench agents": s.scalar(
                select(func.count()).select_from(Person)
                .where(Person.matricule.like(f"{MATRICULE_PREFIX}%"))
            ) or 0,
            "orders": s.scalar(select(func.count()).select_from(CollectOrder)) or 0,
            "order lines": s.scalar(select(func.count()).select_from(OrderLine)) or 0,
            "hand-overs": s.scalar(select(func.count()).select_from(HandOver)) or 0,
            "open kiosk requests": s.scalar(
                select(func.count()).select_from(OrderLine)
                .join(CollectOrder, CollectOrder.id == OrderLine.order_id)
                .where(CollectOrder.source == OrderSource.KIOSK,
                       OrderLine.status == LineStatus.PLACED)
            ) or 0,
        }  # fmt: skip


def bench_agents(sessions: sessionmaker[Session]) -> list[tuple[int, bytes]]:
    """The agents a previous :func:`seed` made (a cached or reused database)."""
    with sessions() as s:
        ids = s.scalars(
            select(Person.id)
            .where(Person.matricule.like(f"{MATRICULE_PREFIX}%"))
            .order_by(Person.id)
        )
        return [(pid, uid_of(pid)) for pid in ids]


def _grow_catalogue(s: Session, rng: random.Random, items: int) -> None:
    """Extra items up to ``items`` in all, spread over the shelves like the demo's: a few for
    some roles or directions only, most with a quota per renewal period, stock at each site."""
    existing = s.scalar(select(func.count()).select_from(CatalogueItem)) or 0
    directions = list(s.scalars(select(Direction.code).order_by(Direction.code)))
    icons: dict[Family, list[str]] = {}
    for row in CATALOGUE:
        icons.setdefault(SHELF[row[0]][0], []).append(row[3])
    created = NOW - timedelta(days=1500)
    rows: list[dict[str, Any]] = []
    families = list(Family)
    for n in range(max(0, items - existing)):
        family = families[n % len(families)]
        bases, kind = SHELF_WORDS[family]
        base = bases[(n // len(families)) % len(bases)]
        variant = VARIANTS[(n // (len(families) * len(bases))) % len(VARIANTS)]
        roll = rng.random()
        roles = (
            ["admin", "ambassador", "staff"] if roll < 0.10
            else ["admin", "staff"] if roll < 0.15
            else None
        )  # fmt: skip
        dirs = sorted(rng.sample(directions, rng.randint(1, 3))) if rng.random() < 0.15 else None
        if kind is ItemKind.SERVICE:
            delivery = Delivery.OPEN_ACCESS if family is Family.SOFTWARE else Delivery.INSTALLATION
        else:
            delivery = Delivery.INSTALLATION if rng.random() < 0.2 else Delivery.PICKUP
        rows.append(
            {
                "code": f"BENCH-{family.value[:4].upper()}-{n:03d}",
                "name": f"{base} {variant}",
                "kind": kind,
                "icon": rng.choice(icons[family]),
                "tracked": family in (Family.WORKSTATIONS, Family.MOBILITY),
                "allowed_roles": roles,
                "allowed_directions": dirs,
                "max_per_agent": rng.choice((1, 1, 1, 1, 1, 2, 2, 3, None)),
                "renewal_days": rng.choice((365, 730, 1095, 1460, 1825, None)),
                "active": True,
                "created_at": created,
                "family": family,
                "delivery": delivery,
                "stocked": kind is ItemKind.EQUIPMENT,
                "description": f"{base} ({variant}) : fourni et suivi par le Smart Store.",
                "name_en": f"{base} ({variant})" if rng.random() < 0.5 else "",
                "description_en": "",
            }
        )
    if not rows:
        return
    ids = list(
        s.scalars(
            insert(CatalogueItem)
            .execution_options(render_nulls=True)
            .returning(CatalogueItem.id, sort_by_parameter_order=True),
            rows,
        )
    )
    sites = list(s.scalars(select(Site.id).order_by(Site.id)))
    s.execute(
        insert(SiteStock),
        [
            {
                "site_id": site,
                "item_id": item_id,
                "quantity": 0 if rng.random() < 0.1 else rng.randint(1, 25),
                "updated_at": created,
                "set_by": SET_BY_IMPORT,
            }
            for item_id, row in zip(ids, rows, strict=True)
            if row["stocked"]
            for site in sites
        ],
    )


def _add_agents(
    s: Session, rng: random.Random, people: int, new_nonce: Callable[[], str]
) -> list[int]:
    directions = list(s.scalars(select(Direction.id).order_by(Direction.id)))
    sites = list(s.scalars(select(Site.id).order_by(Site.id)))
    roles, weights = zip(*ROLE_WEIGHTS, strict=True)
    rows = [
        {
            "kind": PersonKind.AGENT,
            "matricule": f"{MATRICULE_PREFIX}{n:06d}",
            "first_name": rng.choice(FIRST_NAMES),
            "last_name": rng.choice(LAST_NAMES),
            "role": rng.choices(roles, weights)[0],
            "direction_id": rng.choice(directions),
            "site_id": rng.choice(sites),
            "created_at": NOW - timedelta(days=2000),
            "active": True,
        }
        for n in range(people)
    ]
    ids = list(s.scalars(insert(Person).returning(Person.id, sort_by_parameter_order=True), rows))
    s.execute(
        insert(Badge),
        [
            {"hash": badge_hash(KEY, uid_of(pid)), "person_id": pid, "linked_at": NOW,
             "nonce": new_nonce()}
            for pid in ids
        ],
    )  # fmt: skip
    return ids


def _add_history(
    s: Session, rng: random.Random, person_ids: list[int], new_nonce: Callable[[], str]
) -> None:
    """Two to fourteen orders an agent over four years, mostly of items they may have; what
    was collected has its pickup and hand-over (the quotas count them)."""
    store = s.execute(
        select(Kiosk.id, Site.code).join(Site, Site.id == Kiosk.site_id)
        .where(Kiosk.code == STORE_KIOSK)
    ).one()  # fmt: skip
    store_kiosk, store_site = store
    catalogue = s.execute(
        select(
            CatalogueItem.id, CatalogueItem.allowed_roles, CatalogueItem.allowed_directions
        ).order_by(CatalogueItem.id)
    ).all()
    people = {
        pid: (role.value, code)
        for pid, role, code in s.execute(
            select(Person.id, Person.role, Direction.code)
            .join(Direction, Direction.id == Person.direction_id)
            .where(Person.id.in_(person_ids))
        )
    }
    orders: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []  # "_order": index into orders
    for pid in person_ids:
        role, direction = people[pid]
        allowed = [
            item for item, roles, dirs in catalogue
            if (roles is None or role in roles) and (dirs is None or direction in dirs)
        ]  # fmt: skip
        everything = [item for item, _, _ in catalogue]
        for _ in range(rng.randint(2, 14)):
            age = timedelta(days=rng.uniform(0.5, 1460))
            placed = NOW - age
            recent = age.days < RECENT_DAYS
            kinds, weights = zip(*(RECENT if recent else OLD), strict=True)
            count = rng.choice((1, 1, 1, 2, 2, 3))
            chosen = rng.sample(allowed if rng.random() < 0.95 else everything, count)
            first = len(lines)
            for line_no, item in enumerate(chosen, 1):
                status = rng.choices(kinds, weights)[0]
                quantity = 2 if status is LineStatus.PARTIALLY_COLLECTED else 1
                step = min(age, timedelta(days=20)) * rng.uniform(0.2, 0.9)
                at = NOW - timedelta(hours=rng.uniform(1, 72)) if status is LineStatus.READY \
                    else placed + step  # fmt: skip
                lines.append(
                    {
                        "_order": len(orders),
                        "line_no": line_no,
                        "item_id": item,
                        "quantity": quantity,
                        "prepared_quantity": (1 if status in PREPARED else None),
                        "status": status,
                        "status_at": at,
                        "ready_until": (
                            at + timedelta(days=10) if status is LineStatus.READY
                            else at if status is LineStatus.EXPIRED
                            else None
                        ),
                        "decline_reason": (
                            "Vous êtes déjà équipé de cet article."
                            if status is LineStatus.DECLINED else None
                        ),
                    }
                )  # fmt: skip
            mine = lines[first:]
            kiosk_made = len(mine) == 1 and mine[0]["status"] in (
                LineStatus.PLACED, LineStatus.DECLINED
            ) and rng.random() < 0.6  # fmt: skip
            nonce = new_nonce() if kiosk_made else None
            orders.append(
                {
                    "reference": reference_for(nonce) if nonce else f"BC-{len(orders):07d}",
                    "person_id": pid,
                    "placed_at": placed,
                    "imported_at": placed + timedelta(hours=1),
                    "source": OrderSource.KIOSK if kiosk_made else OrderSource.IMPORT,
                    "nonce": nonce,
                    "site_code": store_site if kiosk_made else None,
                    "kiosk_id": store_kiosk if kiosk_made else None,
                }
            )
    order_ids = _insert_returning(s, CollectOrder, orders)
    for line in lines:
        line["order_id"] = order_ids[line.pop("_order")]
    line_ids = _insert_returning(s, OrderLine, lines)
    # One pickup per order for its lines handed over, at the last one's time.
    handed: dict[int, list[tuple[int, dict[str, Any]]]] = {}
    for line_id, line in zip(line_ids, lines, strict=True):
        if line["status"] in HANDED:
            handed.setdefault(line["order_id"], []).append((line_id, line))
    person_of = dict(zip(order_ids, (o["person_id"] for o in orders), strict=True))
    visits = list(handed.items())
    pickup_ids = _insert_returning(
        s,
        Pickup,
        [
            {"nonce": new_nonce(), "kiosk_id": store_kiosk, "person_id": person_of[order_id],
             "at": max(line["status_at"] for _, line in mine), "identified_by": "badge"}
            for order_id, mine in visits
        ],
    )  # fmt: skip
    hand_overs = [
        {"nonce": new_nonce(), "line_id": line_id, "pickup_id": pickup_id,
         "kiosk_id": store_kiosk, "person_id": person_of[order_id], "item_id": line["item_id"],
         "quantity": line["prepared_quantity"] or line["quantity"], "at": line["status_at"],
         "acknowledged": True}
        for (order_id, mine), pickup_id in zip(visits, pickup_ids, strict=True)
        for line_id, line in mine
    ]  # fmt: skip
    for start in range(0, len(hand_overs), 5000):
        s.execute(insert(HandOver), hand_overs[start : start + 5000])


def _insert_returning(s: Session, table: Any, rows: list[dict[str, Any]]) -> list[int]:
    ids: list[int] = []
    for start in range(0, len(rows), 5000):
        ids += s.scalars(
            insert(table)
            .execution_options(render_nulls=True)
            .returning(table.id, sort_by_parameter_order=True),
            rows[start : start + 5000],
        )
    return ids


# --- the run -------------------------------------------------------------------------------


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(name: str, ms: list[float]) -> None:
    print(
        f"{name:<38} median {statistics.median(ms):6.1f} ms   p95 {pct(ms, 0.95):6.1f} ms   "
        f"max {max(ms):6.1f} ms   (n={len(ms)})"
    )


def database(args: argparse.Namespace, folder: Path) -> tuple[str, list[tuple[int, bytes]]]:
    """The URL to run on and the bench's agents: the cached SQLite file copied into
    ``folder`` (built first when missing), or ``--db`` seeded once."""
    if args.db:
        engine = create_db_engine(args.db)
        ensure_schema(engine)
        agents = bench_agents(make_session_factory(engine))
        engine.dispose()
        if not agents:
            t0 = time.perf_counter()
            agents = seed(args.db, items=args.items, people=args.people).agents
            print(f"seeded {args.db.split('@')[-1]} in {time.perf_counter() - t0:.0f} s")
        return args.db, agents
    cache = cache_path()
    if args.rebuild:
        cache.unlink(missing_ok=True)
    if not cache.exists():
        partial = cache.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        t0 = time.perf_counter()
        seed(f"sqlite:///{partial}", items=args.items, people=args.people)
        partial.rename(cache)
        print(f"built {cache} in {time.perf_counter() - t0:.0f} s")
    copy = folder / "bench.sqlite3"
    shutil.copyfile(cache, copy)
    url = f"sqlite:///{copy}"
    engine = create_db_engine(url)
    agents = bench_agents(make_session_factory(engine))
    engine.dispose()
    return url, agents


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--items", type=int, default=200, help="when building the database")
    parser.add_argument("--people", type=int, default=4_600, help="when building the database")
    parser.add_argument("--rebuild", action="store_true", help="build the SQLite file again")
    parser.add_argument("--db", help="a database URL (default: the cached SQLite file)")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]  # the machine's, before this run adds its own
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["TZ"] = "Europe/Paris"
    time.tzset()

    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.collect.catalogue import catalogue
    from kiosk.paths import Paths
    from kiosk.ports import BadgePresented, FixedClock
    from kiosk.settings import Profile, Settings
    from ui.collect.catalogue import CatalogueScreen
    from ui.collect.catalogue_desk import CatalogueDesk
    from ui.data import KioskDatabase
    from ui.tasks import OnError
    from ui.theme import ThemeController

    class TimedDesk(CatalogueDesk):
        """The real desk, noting when its work starts and ends on the worker and when the
        answer is back on the GUI thread."""

        marks: dict[str, float]

        def run(self, work: Any, on_done: Any, on_error: OnError | None = None) -> None:
            marks: dict[str, float] = {}
            self.marks = marks

            def timed(session: Session, place: Any, now: datetime) -> Any:
                marks["work"] = time.perf_counter()
                try:
                    return work(session, place, now)
                finally:
                    marks["worked"] = time.perf_counter()

            def back(result: Any) -> None:
                marks["back"] = time.perf_counter()
                on_done(result)

            super().run(timed, back, on_error)

    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="bench-catalogue-"))
    url, agents = database(args, folder)
    if not agents:
        raise SystemExit("the database holds no bench agents")
    settings = Settings(
        profile=Profile.STORE, paths=Paths(data_dir=folder, config_file=None), db_url=url
    )
    kiosk_db = KioskDatabase(url, settings)
    desk = TimedDesk(
        kiosk_db.session_factory, FixedClock(NOW), site_key=lambda: KEY,
        verifier=lambda: None, kiosk=kiosk_db.this_kiosk,
    )  # fmt: skip
    theme = ThemeController(app)
    theme.apply()
    screen = CatalogueScreen(desk, theme)
    screen.resize(1920, 1080)
    screen.show()

    def until_loaded(act: Callable[[], None]) -> float:
        """Do ``act``, wait for the screen's ``loaded``, paint; the perf_counter at the end."""
        loop = QEventLoop()
        end: list[float] = []

        def on_loaded() -> None:
            # the list laid out and painted now: a shown card's words are laid out by posted
            # LayoutRequest events (not by repaint), which the next frame would wait for
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
            screen.repaint()
            end.append(time.perf_counter())
            loop.quit()

        screen.loaded.connect(on_loaded)
        act()
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(30_000)
        if not end:
            loop.exec()
        timer.stop()
        screen.loaded.disconnect(on_loaded)
        if not end:
            raise RuntimeError(f"no catalogue after 30 s: {screen.subtitle.text()}")
        return end[0]

    until_loaded(screen.load)  # the anonymous catalogue, as the screen opens
    engine = create_db_engine(url)
    sessions = make_session_factory(engine)
    with sessions() as s:
        site_id = s.scalar(select(Kiosk.site_id).where(Kiosk.code == STORE_KIOSK))
    assert site_id is not None
    rng = random.Random(SEED)
    stages: dict[str, list[float]] = {k: [] for k in ("to", "work", "back", "fill", "paint")}
    painted: list[float] = []
    cpu: list[float] = []
    bare: list[float] = []
    bare_cpu: list[float] = []
    verdicts: Counter[str] = Counter()
    refused: list[int] = []

    def tap(uid: bytes) -> None:
        cpu_start = time.process_time()
        loaded_at: list[float] = []

        def on_loaded() -> None:
            loaded_at.append(time.perf_counter())

        screen.loaded.connect(on_loaded)  # before until_loaded's: the time before the paint
        start = time.perf_counter()
        end = until_loaded(lambda: screen.handle_badge(BadgePresented(uid, "bench")))
        screen.loaded.disconnect(on_loaded)
        cpu.append((time.process_time() - cpu_start) * 1000)
        painted.append((end - start) * 1000)
        m = desk.marks
        for name, (a, b) in {"to": (start, m["work"]), "work": (m["work"], m["worked"]),
                             "back": (m["worked"], m["back"]), "fill": (m["back"], loaded_at[0]),
                             "paint": (loaded_at[0], end)}.items():  # fmt: skip
            stages[name].append((b - a) * 1000)
        found = screen.catalogue
        assert found is not None
        assert found.person_id is not None
        verdicts.update(e.refusal.code.value if e.refusal else "ok" for e in found.entries)
        refused.append(sum(1 for e in found.entries if e.refusal))
        until_loaded(screen.clear)  # « Terminé »: the anonymous catalogue again (untimed)

    def alone(person_id: int) -> None:
        with sessions() as s:
            cpu_start = time.process_time()
            start = time.perf_counter()
            catalogue(s, site_id, NOW, person_id=person_id)
            bare.append((time.perf_counter() - start) * 1000)
            bare_cpu.append((time.process_time() - cpu_start) * 1000)

    for _ in range(20):  # warm-up: the cards, the first queries, font caches
        tap(rng.choice(agents)[1])
        alone(rng.choice(agents)[0])
    for series in (*stages.values(), painted, cpu, bare, bare_cpu, refused):
        series.clear()
    verdicts.clear()
    for _ in range(args.samples):
        tap(rng.choice(agents)[1])
        alone(rng.choice(agents)[0])
    desk.wait()
    found = screen.catalogue
    scale = counts(sessions)
    engine.dispose()
    print(f"backend: {engine.dialect.name}; " + ", ".join(f"{v:,} {k}" for k, v in scale.items()))
    mix = ", ".join(f"{k} {v / args.samples:.1f}" for k, v in verdicts.most_common())
    print(f"items shown to an agent: {len(found.entries) if found else 0}; refused per agent: "
          f"median {statistics.median(refused):.0f}; verdicts per agent: {mix}")  # fmt: skip
    print(f"load average (1 min): {load_before:.2f} at the start, {os.getloadavg()[0]:.2f} at "
          f"the end (this run included) on {os.cpu_count()} CPUs")  # fmt: skip
    report("badge -> catalogue painted", painted)
    report("  of which CPU time (all threads)", cpu)
    report("  tap -> worker starts", stages["to"])
    report("  worker: badge + catalogue()", stages["work"])
    report("  worker -> GUI thread", stages["back"])
    report("  cards filled", stages["fill"])
    report("  layout + paint", stages["paint"])
    report("catalogue() alone (one session)", bare)
    report("  of which CPU time", bare_cpu)
    kiosk_db.close()
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

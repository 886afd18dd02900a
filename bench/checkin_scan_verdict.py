"""Self check-in latency: the Enter key of a keyboard-wedge burst -> the verdict screen painted.

The whole room kiosk runs (``ui.app.shell.build_shell``: wedge filter, device bridge, input
router, self check-in on its worker, the verdict panel) on a SQLite database holding one
event with 10,000 registrations (today, check-in open) and 1,000,000 past check-ins (2,000
past events, their attendance and registrations, 30,000 people with badges). Each sample
types a real signed ticket of a different registered person as a scanner would (keys 4 ms
apart, then Enter) and times from just before the Enter key is delivered to the end of the
paint pass that shows the green verdict: wedge repair, routing, the worker's check-in (ticket
signature, reads, one committed write transaction), the queued answer, the paint.

The baseline, interleaved with the real scans in the same process, is the same path with the
check-in service replaced by an answer ready at once on the same worker: what the screen
side costs by itself.

The database is built once (bulk inserts, about a minute) and cached in
``$XDG_CACHE_HOME/smartcorner-bench`` (``--cache``); each run works on a fresh copy.

    .venv/bin/python bench/checkin_scan_verdict.py [--scans 300] [--cache DIR] [--rebuild]
        [--data-dir DIR]

The first scan after start (the desk warmed up as after the first paint, nothing else) is
timed on its own, with its stages, before the 10 warm-up scans. Also printed: how long each
stage takes (Enter to the worker, the service call on the worker, the answer back on the GUI
thread, the paint), and the cost of one fsync in the database's folder, the floor under a
durable commit (``synchronous=FULL``, kiosk/db/engine.py).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

NOW = datetime(2026, 3, 12, 9, 30, tzinfo=UTC)  # 10:30 in Paris, the big event's check-in open
REGISTERED = 10_000
PEOPLE = 30_000
PAST_EVENTS = 2_000
SCANS_PER_PAST_EVENT = 500  # 2,000 x 500 = 1,000,000 past check-ins
KIOSK_CODE = "BENCH-ROOM"
SCANNER_GAP_MS = 4
LAYOUT_VERSION = "v1"  # bump when what the builder writes changes


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


# --- the database --------------------------------------------------------------------------


def sql_time(at: datetime) -> str:
    """How SQLAlchemy stores kiosk.db.types.UTCDateTime on SQLite (naive UTC)."""
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def cache_dir(requested: str | None) -> Path:
    from kiosk.db.migrate import HEAD_REVISION

    base = Path(requested) if requested else None
    if base is None:
        xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        base = Path(xdg) / "smartcorner-bench"
    return base / f"checkin-verdict-{LAYOUT_VERSION}-{HEAD_REVISION}"


def build(folder: Path) -> None:
    """The database, the site key and the ticket key pair, written into ``folder``."""
    from kiosk.codes import write_key_pair
    from kiosk.db.engine import create_db_engine
    from kiosk.db.migrate import ensure_schema

    partial = folder.with_name(folder.name + ".part")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    db = partial / "bench.sqlite3"
    engine = create_db_engine(f"sqlite:///{db}")
    ensure_schema(engine)
    engine.dispose()
    write_key_pair(partial / "ticket-signing.pem", partial / "ticket-verify.pem")
    fd = os.open(partial / "site.key", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(os.urandom(32).hex() + "\n")

    rng = random.Random(20260312)
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=MEMORY")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA foreign_keys=OFF")
    created = sql_time(NOW - timedelta(days=1200))
    with con:
        con.executemany(
            "INSERT INTO site (id, code, name, town, address, is_smart_corner) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (1, "CADAM", "CADAM", "Nice", "147 bd du Mercantour", 1),
                (2, "MENT", "Mairie annexe", "Menton", "1 rue de la République", 0),
            ],
        )
        kiosks = [(1, KIOSK_CODE, "Smart Room — entrée", "room", 1, created)]
        kiosks += [(n, f"K{n}", f"Borne {n}", "room", 1 + n % 2, created) for n in range(2, 7)]
        con.executemany(
            "INSERT INTO kiosk (id, code, name, profile, site_id, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            kiosks,
        )
        firsts = ["Hélène", "Jean", "Marie", "Luc", "Zoé", "Noël", "Inès", "Théo", "Léa", "Hugo"]
        lasts = ["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard", "Roux", "Faure"]
        con.executemany(
            "INSERT INTO person (id, kind, matricule, first_name, last_name, email, role, "
            "created_at, active) VALUES (?, 'agent', ?, ?, ?, ?, 'agent', ?, 1)",
            (
                (
                    p,
                    f"A{p:06d}",
                    rng.choice(firsts),
                    f"{rng.choice(lasts)}-{p}",
                    f"agent{p}@departement06.fr",
                    created,
                )
                for p in range(1, PEOPLE + 1)
            ),
        )
        badge_of = {p: f"{rng.getrandbits(256):064x}" for p in range(1, PEOPLE + 1)}
        con.executemany(
            "INSERT INTO badge (hash, person_id, linked_at, nonce) VALUES (?, ?, ?, ?)",
            ((h, p, created, f"{rng.getrandbits(128):032x}") for p, h in badge_of.items()),
        )
        events: list[tuple[object, ...]] = []
        first_past = NOW - timedelta(days=1100)
        for e in range(1, PAST_EVENTS + 1):
            start = first_past + timedelta(hours=13 * e)
            events.append(
                (e, "masterclass", f"Séance passée {e}", "smart_room", 1 + e % 2,
                 sql_time(start), sql_time(start + timedelta(hours=2)), 600, created)
            )  # fmt: skip
        big = PAST_EVENTS + 1
        today = NOW.replace(hour=8, minute=0)
        events.append(
            (big, "table_ronde", "Assemblée des agents du Département", "smart_room", 1,
             sql_time(today), sql_time(today + timedelta(hours=4)), 12_000, created)
        )  # fmt: skip
        for n, hour in enumerate((7, 12, 14), start=big + 1):  # the rest of today's programme
            at = NOW.replace(hour=hour, minute=0)
            events.append(
                (n, "atelier_technologique", f"Atelier {n}", "smart_lab", 1,
                 sql_time(at), sql_time(at + timedelta(hours=2)), 16, created)
            )  # fmt: skip
        con.executemany(
            "INSERT INTO event (id, kind, title, space, site_id, starts_at, ends_at, capacity, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            events,
        )
        registered = rng.sample(range(1, PEOPLE + 1), REGISTERED)
        con.executemany(
            "INSERT INTO registration (event_id, person_id, status, created_at) "
            "VALUES (?, ?, 'confirmed', ?)",
            ((big, p, created) for p in registered),
        )
        con.executemany(
            "INSERT INTO registration (event_id, person_id, status, created_at) "
            "VALUES (?, ?, 'confirmed', ?)",
            (
                (n, p, created)
                for n in (big + 1, big + 2, big + 3)
                for p in rng.sample(registered, 12)
            ),
        )

    def past() -> Iterator[tuple[tuple[object, ...], tuple[object, ...] | None]]:
        """(check-in row, attendance row or None) for every past scan, in time order."""
        checkin_id = 0
        for e in range(1, PAST_EVENTS + 1):
            start = first_past + timedelta(hours=13 * e) - timedelta(minutes=40)
            people = rng.sample(range(1, PEOPLE + 1), SCANS_PER_PAST_EVENT - 20)
            outcomes = ["ok"] * (len(people) - 20) + ["not_registered"] * 20
            scans = list(zip(people, outcomes, strict=True))
            scans += [(p, "already_checked_in") for p in people[:20]]
            for n, (person, outcome) in enumerate(scans):
                checkin_id += 1
                kiosk = 1 + (e + n) % 6
                at = sql_time(start + timedelta(seconds=5 * n))
                row = (checkin_id, f"{rng.getrandbits(128):032x}", kiosk, at, "badge", outcome,
                       e, person, f"b:{badge_of[person]}")  # fmt: skip
                attendance = (
                    (e, person, checkin_id, at, kiosk, "badge") if outcome == "ok" else None
                )
                yield row, attendance

    rows: list[tuple[object, ...]] = []
    admitted: list[tuple[object, ...]] = []

    def flush() -> None:
        con.executemany(
            "INSERT INTO checkin (id, nonce, kiosk_id, at, method, outcome, event_id, person_id, "
            "identity_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        con.executemany(
            "INSERT INTO attendance (event_id, person_id, checkin_id, at, kiosk_id, method) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            admitted,
        )
        con.executemany(
            "INSERT INTO registration (event_id, person_id, status, created_at) "
            "VALUES (?, ?, 'confirmed', ?)",
            ((a[0], a[1], created) for a in admitted),
        )
        rows.clear()
        admitted.clear()

    with con:
        for row, attendance in past():
            rows.append(row)
            if attendance is not None:
                admitted.append(attendance)
            if len(rows) >= 50_000:
                flush()
        flush()
    con.execute("ANALYZE")
    con.execute("PRAGMA journal_mode=WAL")  # what the kiosk's engine expects (kiosk/db/engine.py)
    con.close()
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)


def registered_people(db: Path) -> list[int]:
    con = sqlite3.connect(db)
    try:
        big = PAST_EVENTS + 1
        return [
            p
            for (p,) in con.execute(
                "SELECT person_id FROM registration WHERE event_id = ? ORDER BY person_id", (big,)
            )
        ]
    finally:
        con.close()


def describe_db(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        counts = {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("checkin", "attendance", "registration", "person", "event")
        }
    finally:
        con.close()
    size = db.stat().st_size / 2**20
    return ", ".join(f"{n:,} {t}" for t, n in counts.items()) + f"; {size:.0f} MiB"


# --- the kiosk ---------------------------------------------------------------------------


def fsync_floor(folder: Path, runs: int = 60) -> list[float]:
    """A 4 KiB append and its fsync, in the folder of the database: what a durable commit
    (synchronous=FULL) costs on this disk at least."""
    path = folder / "fsync-probe"
    times = []
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for _ in range(runs):
            os.write(fd, b"\0" * 4096)
            t0 = time.perf_counter()
            os.fsync(fd)
            times.append(time.perf_counter() - t0)
    finally:
        os.close(fd)
        path.unlink()
    return times


def run(folder: Path, scans: int, data_root: str | None) -> int:
    from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from kiosk.codes import TicketIssuer, load_private_key
    from kiosk.paths import Paths
    from kiosk.ports import FixedClock
    from kiosk.settings import Profile, Settings
    from ui.app.shell import build_shell
    from ui.checkin.self_checkin import SelfCheckin
    from ui.checkin.verdicts import Tone
    from ui.data import KioskDatabase

    with tempfile.TemporaryDirectory(prefix="smartcorner-bench-", dir=data_root) as tmp:
        data = Path(tmp)
        shutil.copy2(folder / "bench.sqlite3", data / "bench.sqlite3")
        people = registered_people(data / "bench.sqlite3")
        issuer = TicketIssuer(load_private_key(folder / "ticket-signing.pem"))
        expires = NOW + timedelta(days=1)
        chosen = random.Random(7).sample(people, scans + 10)
        tickets = [
            issuer.issue(event_id=PAST_EVENTS + 1, person_id=p, expires_at=expires) for p in chosen
        ]
        settings = Settings(
            paths=Paths(data_dir=data, config_file=None),
            profile=Profile.ROOM,
            db_url=f"sqlite:///{data / 'bench.sqlite3'}",
            kiosk_name="Smart Room — entrée",
            kiosk_code=KIOSK_CODE,
            site_key_file=folder / "site.key",
            ticket_public_key=folder / "ticket-verify.pem",
        )
        app = QApplication.instance() or QApplication(sys.argv[:1])
        database = KioskDatabase.for_settings(settings)
        shell = build_shell(
            settings,
            app=app,  # type: ignore[arg-type]
            clock=FixedClock(NOW),
            events_loader=lambda now, limit: [],
            on_quit=lambda: None,
            database=database,
        )
        shell.window.resize(1920, 1080)
        shell.window.transition.duration_ms = 0
        shell.start()
        shell.window.show()
        checkin = shell.service(SelfCheckin)
        assert isinstance(checkin, SelfCheckin)
        desk = checkin.desk

        def wait_for(signal: Any, start: Callable[[], None]) -> None:
            loop = QEventLoop()
            signal.connect(loop.quit)
            QTimer.singleShot(0, start)
            QTimer.singleShot(60_000, loop.quit)
            loop.exec()
            signal.disconnect(loop.quit)

        # What the start's warm-up timer does (ui.checkin.capability), now rather than 1.5 s
        # after the first paint: the desk's rehearsal on its worker, the verdict's off screen.
        wait_for(desk.ready, desk.warm_up)
        if not desk.is_ready:
            raise SystemExit("the check-in desk did not open (see the log)")
        checkin.rehearse_paint()

        clock_ms = 1_000_000
        target = shell.window

        def key(kind: QEvent.Type, code: Qt.Key, text: str) -> None:
            event = QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, text)
            event.setTimestamp(clock_ms)
            QApplication.sendEvent(target, event)

        # Where the time goes: stamps at the hand-over to the worker, around the service call
        # (on the worker), when the answer reaches the screen (GUI thread).
        import kiosk.checkin.service as service

        stamps: dict[str, float] = {}
        service_check_in = service.check_in

        def timed_service(*args: Any, **kwargs: Any) -> Any:
            stamps["service_start"] = time.perf_counter()
            try:
                return service_check_in(*args, **kwargs)
            finally:
                stamps["service_end"] = time.perf_counter()

        service.check_in = timed_service  # type: ignore[assignment]
        real_show = checkin._show

        def timed_show(view: Any, **kwargs: Any) -> None:
            if view.tone is not Tone.PENDING:
                stamps["answer"] = time.perf_counter()
            real_show(view, **kwargs)

        checkin._show = timed_show  # type: ignore[method-assign]
        real_check_in = desk.check_in

        def submitted_check_in(*args: Any, **kwargs: Any) -> None:
            stamps["submitted"] = time.perf_counter()
            real_check_in(*args, **kwargs)

        # A canned answer on the same worker: the baseline (no database).
        canned: list[Any] = []

        def instant_check_in(identity: Any, on_done: Any, on_error: Any = None, **_: Any) -> None:
            stamps["submitted"] = time.perf_counter()
            desk.call(lambda: canned[0], on_done)

        outcomes: Counter[str] = Counter()
        stages_real: dict[str, list[float]] = defaultdict(list)
        stages_base: dict[str, list[float]] = defaultdict(list)
        pending_seen = 0

        def one(ticket: str, *, baseline: bool) -> float:
            """Seconds from the Enter key to the end of the verdict's paint."""
            nonlocal clock_ms, pending_seen
            desk.check_in = instant_check_in if baseline else submitted_check_in  # type: ignore[method-assign]
            stamps.clear()
            marks: dict[str, float] = {}
            loop = QEventLoop()

            def painted() -> None:
                view = checkin.panel.view
                if view is None or "t1" in marks:
                    return
                if view.tone is Tone.PENDING:
                    marks["pending"] = 1
                    return
                marks["t1"] = time.perf_counter()
                loop.quit()

            def burst() -> None:
                nonlocal clock_ms
                clock_ms += 5_000  # seconds after the previous scan
                for char in ticket:
                    clock_ms += SCANNER_GAP_MS
                    code = Qt.Key(ord(char.upper()))
                    key(QEvent.Type.KeyPress, code, char)
                    key(QEvent.Type.KeyRelease, code, char)
                clock_ms += SCANNER_GAP_MS
                marks["t0"] = time.perf_counter()
                key(QEvent.Type.KeyPress, Qt.Key.Key_Return, "\r")
                key(QEvent.Type.KeyRelease, Qt.Key.Key_Return, "\r")

            checkin.panel.painted.connect(painted)
            QTimer.singleShot(0, burst)
            QTimer.singleShot(10_000, loop.quit)
            loop.exec()
            checkin.panel.painted.disconnect(painted)
            if "t1" not in marks:
                raise SystemExit(f"no verdict within 10 s for {ticket}")
            t0 = marks["t0"]
            stages = stages_base if baseline else stages_real
            stages["Enter -> handed to the worker"].append(stamps["submitted"] - t0)
            if not baseline:
                stages["worker picks it up"].append(stamps["service_start"] - stamps["submitted"])
                stages["check-in service (worker)"].append(
                    stamps["service_end"] - stamps["service_start"]
                )
                stages["answer reaches the GUI thread"].append(
                    stamps["answer"] - stamps["service_end"]
                )
            else:
                stages["worker -> answer on the GUI thread"].append(
                    stamps["answer"] - stamps["submitted"]
                )
            stages["verdict painted"].append(marks["t1"] - stamps["answer"])
            if not baseline:
                result = checkin._result
                outcomes[result.outcome.value if result else "failure"] += 1
                if result is not None and not canned:
                    canned.append(result)
                pending_seen += "pending" in marks
            checkin.close()
            app.processEvents()
            return marks["t1"] - marks["t0"]

        # The first scan after start, as a visitor meets it: the desk's warm-up done, as after
        # the first paint, and nothing else warm yet.
        first = one(tickets[0], baseline=False)
        first_stages = {name: values[0] for name, values in stages_real.items()}
        for ticket in tickets[1:10]:  # warm-up: caches, the first paints, the canned answer
            one(ticket, baseline=False)
        outcomes.clear()
        stages_real.clear()
        stages_base.clear()
        pending_seen = 0
        real: list[float] = []
        base: list[float] = []
        for ticket in tickets[10:]:
            real.append(one(ticket, baseline=False))
            base.append(one(ticket, baseline=True))
        shell.close()
        database.close()
        floor = fsync_floor(data)

    def ms(values: list[float]) -> str:
        return (
            f"p50 {statistics.median(values) * 1000:6.1f} ms   p95 {p95(values) * 1000:6.1f} ms"
            f"   max {max(values) * 1000:6.1f} ms"
        )

    print(
        f"scans: {len(real)}   outcomes: {dict(outcomes)}   'Vérification…' shown: {pending_seen}"
    )
    print(f"Enter -> verdict painted, first scan       : {first * 1000:6.1f} ms")
    for name, value in first_stages.items():
        print(f"    {name:<34} {value * 1000:6.1f} ms")
    print(f"Enter -> verdict painted, check-in service : {ms(real)}")
    print(f"Enter -> verdict painted, baseline (no DB)  : {ms(base)}")
    print(f"fsync of 4 KiB in the database's folder    : {ms(floor)}")
    for title, stages in (("check-in service", stages_real), ("baseline", stages_base)):
        print(f"  stages, {title}:")
        for name, values in stages.items():
            print(f"    {name:<34} {ms(values)}")
    ok = outcomes.get("ok", 0) == len(real)
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scans", type=int, default=300)
    parser.add_argument("--cache", help="where the built database is kept")
    parser.add_argument("--rebuild", action="store_true", help="build the database again")
    parser.add_argument(
        "--data-dir", help="where the working copy goes (default: the temp dir; /dev/shm: no disk)"
    )
    args = parser.parse_args()
    folder = cache_dir(args.cache)
    if args.rebuild or not (folder / "bench.sqlite3").exists():
        print(f"building the database in {folder} ...", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        build(folder)
        print(f"built in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    print(f"database: {describe_db(folder / 'bench.sqlite3')}")
    return run(folder, args.scans, args.data_dir)


if __name__ == "__main__":
    sys.exit(main())

"""Screenshots of Click & Collect (called by ``python -m tools.screenshots.main``).

Real data, real flow: the demo data set in a temporary SQLite file, the agents' demo badges
linked with a site key of the temporary data folder, the store shell built on it, and each
state reached by doing what an agent does (tap a badge, untick a line, sign, confirm). The
clock is the screenshots' fixed clock, so the pictures only change when the code does.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tools.screenshots import panel as screen_panel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication
    from sqlalchemy.orm import Session, sessionmaker

    from ui.app.shell import Shell

SIGNATURE = [  # a plausible scrawl on a 1700x300 pad
    [(180 + i * 9, 190 - int(60 * ((i % 14) / 14)) + (i % 3) * 4) for i in range(70)],
    [(860 + i * 8, 150 + int(40 * ((i % 9) / 9))) for i in range(45)],
    [(150, 230), *[(150 + i * 14, 232 - (i % 2) * 3) for i in range(1, 60)]],
]


def _pick_people(sessions: sessionmaker[Session], now: datetime) -> dict[str, int]:
    """An agent with ready and other lines; one whose ready line the policy now refuses."""
    from sqlalchemy import func, select

    from kiosk.collect.status import LineStatus
    from kiosk.collect.tables import CollectOrder, OrderLine
    from kiosk.db.models import Person

    with sessions() as s:
        counts = (
            select(
                CollectOrder.person_id,
                func.sum((OrderLine.status == LineStatus.READY).cast(int_type())).label("ready"),
                func.count().label("lines"),
            )
            .join(OrderLine, OrderLine.order_id == CollectOrder.id)
            .join(Person, Person.id == CollectOrder.person_id)
            .where(Person.active.is_(True))
            .group_by(CollectOrder.person_id)
            .order_by(CollectOrder.person_id)
        )
        rows = s.execute(counts).all()
    rich = next(p for p, ready, lines in rows if ready >= 2 and lines >= 4)
    nothing = next(p for p, ready, lines in rows if ready == 0 and lines >= 2)
    return {"rich": rich, "nothing": nothing}


def int_type() -> object:
    from sqlalchemy import Integer

    return Integer()


def _link_badges(sessions: sessionmaker[Session], key: bytes, people: list[int]) -> None:
    from kiosk.identity import badge_hash, demo_badge_uid, link_badge
    from kiosk.ports import SystemClock

    with sessions.begin() as s:
        for person_id in people:
            link_badge(
                s, badge_hash(key, demo_badge_uid(person_id)), person_id,
                now=SystemClock().now(), nonce=uuid.uuid4().hex,
            )  # fmt: skip


def shoot_collect(
    app: QApplication, outdir: Path, settle: Callable[[], None], now: datetime, tmp: Path
) -> list[Path]:
    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.db.migrate import ensure_schema
    from kiosk.demo.seed import seed_demo
    from kiosk.identity import demo_badge_uid, load_site_key
    from kiosk.paths import Paths
    from kiosk.ports import BadgePresented, FixedClock
    from kiosk.settings import Language, Profile, Settings
    from ui.app.shell import build_shell
    from ui.data import KioskDatabase

    folder = tmp / "collect-shots"
    folder.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{folder / 'collect.sqlite3'}"
    settings = Settings(
        speech_engine="none",
        profile=Profile.STORE,
        paths=Paths(data_dir=folder, config_file=None),
        kiosk_name="Smart Store",
        db_url=url,
    )
    engine = create_db_engine(url)
    ensure_schema(engine)
    sessions = make_session_factory(engine)
    seed_demo(sessions, now)
    people = _pick_people(sessions, now)
    _link_badges(sessions, load_site_key(settings.site_key_path), list(people.values()))
    engine.dispose()

    shell = build_shell(
        settings, app=app, clock=FixedClock(now), events_loader=lambda n, limit: [],
        database=KioskDatabase(url, settings),
    )  # fmt: skip
    screen_panel.fit(shell)
    shell.window.transition.duration_ms = 0
    shell.start()
    shell.window.show()
    shots: list[Path] = []

    def shoot(name: str) -> None:
        screen = shell.router.current
        desk = getattr(screen, "desk", None)
        while desk is not None and desk.pending:
            settle()
        settle()
        path = screen_panel.png(outdir, f"store-collect-{name}")
        shell.window.grab().save(str(path))
        shots.append(path)

    def badge(person_id: int) -> None:
        shell.input_router.route_badge(BadgePresented(demo_badge_uid(person_id), "shots"))

    try:
        shell.router.go("home")
        shoot("home-tile-fr")
        shell.router.go("collect")
        pickup = shell.router.current
        shoot("welcome-fr")
        badge(people["rich"])
        shoot("lines-fr")  # the second screen is over the quota: unticked, and why
        pickup.lines_page.take.click()  # type: ignore[union-attr]
        pickup.confirm_page.pad.draw_sample(SIGNATURE)  # type: ignore[union-attr]
        shoot("confirm-signed-fr")
        pickup.confirm_page.confirm.click()  # type: ignore[union-attr]
        shoot("done-fr")
        _printer_down(shell, pickup)
        shoot("done-printer-down-fr")
        pickup.finish()  # type: ignore[union-attr]
        shell.router.go("collect")
        badge(people["rich"])
        shoot("lines-after-pickup-fr")
        pickup.finish()  # type: ignore[union-attr]
        shell.router.go("collect")
        badge(people["nothing"])
        shoot("nothing-ready-fr")
        badge(people["rich"])
        shoot("not-yours-fr")
        pickup.finish()  # type: ignore[union-attr]
        shell.router.go("collect")
        shell.input_router.route_badge(BadgePresented(b"\x04\x99\x88\x77\x66\x55\x44", "shots"))
        shoot("unknown-badge-fr")
        shell.input_router.route_scan("SOA.AAAAAAAAAAAAAAAAAAAAAAAA.BBBB", "wedge")
        shoot("bad-code-fr")
        pickup.finish()  # type: ignore[union-attr]
        shell.session.set_language(Language.EN)
        shell.router.go("collect")
        badge(people["rich"])
        shoot("lines-en")
        pickup.finish()  # type: ignore[union-attr]
        shell.session.reset()
        shell.session.set_accessible(True)
        shell.router.go("collect")
        badge(people["rich"])
        shoot("lines-accessible-fr")
        shell.session.reset()
        pickup.finish()  # type: ignore[union-attr]
        shots.extend(_staff(shell, shoot))
    finally:
        shell.close()
        settle()
    return shots


def _printer_down(shell: Shell, pickup: object) -> None:
    """What the spooler reports when the printer does not answer (the job stays queued)."""
    from dataclasses import replace

    from kiosk.printing.spool import Failure, PrintSpool
    from kiosk.printing.states import PrintJobState

    done = pickup.done  # type: ignore[attr-defined]
    if done is None or done.print_job_id is None:
        return
    spool = PrintSpool(shell.database.session_factory())
    job = spool.get(done.print_job_id)
    if job is None:
        return
    pickup.print_job_changed(  # type: ignore[attr-defined]
        replace(job, state=PrintJobState.PENDING, attempts=1, last_error_code=Failure.OFFLINE)
    )


def _staff(shell: Shell, shoot: Callable[[str], None]) -> list[Path]:
    shell.router.go("collect_staff")
    staff = shell.router.current
    shoot("staff-locked-fr")
    for digit in shell.settings.staff_pin:
        staff.lock.type_digit(digit)  # type: ignore[union-attr]
    staff.lock.validate.click()  # type: ignore[union-attr]
    shoot("staff-list-fr")
    tracked = next((line for line in staff.work if line.tracked), None)  # type: ignore[union-attr]
    if tracked is not None:
        staff._edit(tracked)  # type: ignore[union-attr]
        shell.input_router.route_scan("INV-2026-00731", "wedge")
        shoot("staff-prepare-fr")
    return []

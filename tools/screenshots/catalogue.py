"""Screenshots of the « Catalogue de services » (``python -m tools.screenshots.main --catalogue``,
and in the full run).

The demo data set in a temporary SQLite file, a demo agent's badge linked, the store shell
built on it; each state reached as an agent reaches it (tap the badge, pick a shelf, « Demander
», type a note, « Envoyer la demande »), in French then in English.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tools.screenshots import panel as screen_panel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


def _agent(url: str, key: bytes, now: datetime) -> int:
    """A demo agent with a request already made (so one card says « Déjà demandé le »)."""
    from sqlalchemy import select

    from kiosk.collect.requests import NewRequest, place_request
    from kiosk.collect.tables import CatalogueItem
    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.db.models import Kiosk, Person
    from kiosk.domain import Role
    from kiosk.identity import badge_hash, demo_badge_uid, link_badge

    engine = create_db_engine(url)
    sessions = make_session_factory(engine)
    with sessions.begin() as s:
        person = s.scalars(
            select(Person).where(Person.role == Role.AGENT, Person.active).order_by(Person.id)
        ).first()
        riser = s.scalar(select(CatalogueItem).where(CatalogueItem.code == "REHAUSSEUR"))
        store = s.scalar(select(Kiosk).where(Kiosk.code == "DEMO-STORE"))
        assert person is not None
        assert riser is not None
        assert store is not None
        link_badge(
            s, badge_hash(key, demo_badge_uid(person.id)), person.id, now=now,
            nonce=uuid.uuid4().hex,
        )  # fmt: skip
        place_request(s, NewRequest(person.id, riser.id, 1, "", store.id, uuid.uuid4().hex), now)
        person_id = person.id
    engine.dispose()
    return person_id


def shoot_catalogue(
    app: QApplication, outdir: Path, settle: Callable[[], None], now: datetime, tmp: Path
) -> list[Path]:
    from kiosk.collect.status import Family
    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.db.migrate import ensure_schema
    from kiosk.demo.seed import seed_demo
    from kiosk.identity import demo_badge_uid, load_site_key
    from kiosk.paths import Paths
    from kiosk.ports import BadgePresented, FixedClock
    from kiosk.settings import Language, Profile, Settings
    from ui.app.shell import build_shell
    from ui.collect.catalogue import CatalogueScreen
    from ui.data import KioskDatabase

    folder = tmp / "catalogue-shots"
    folder.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{folder / 'catalogue.sqlite3'}"
    settings = Settings(
        speech_engine="none",
        profile=Profile.STORE,
        paths=Paths(data_dir=folder, config_file=None),
        kiosk_name="Smart Store",
        db_url=url,
    )
    engine = create_db_engine(url)
    ensure_schema(engine)
    seed_demo(make_session_factory(engine), now)
    engine.dispose()
    agent = _agent(url, load_site_key(settings.site_key_path), now)

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
        path = screen_panel.png(outdir, f"store-catalogue-{name}")
        shell.window.grab().save(str(path))
        shots.append(path)

    try:
        shell.router.go("home")
        shoot("home-tile-fr")
        for lang in (Language.FR, Language.EN):
            shell.session.set_language(lang)
            shell.router.go("catalogue")
            screen = shell.router.current
            assert isinstance(screen, CatalogueScreen)
            screen.show_family(Family.WORKSTATIONS)
            shoot(f"anonymous-{lang.value}")
            shell.input_router.route_badge(BadgePresented(demo_badge_uid(agent), "shots"))
            shoot(f"workstations-{lang.value}")
            for family in (Family.ACCESSORIES, Family.SOFTWARE):
                screen.show_family(family)
                shoot(f"{family.value}-{lang.value}")
            screen.show_family(Family.ACCESSORIES)
            card = next(c for c in screen.cards if c.isVisible() and c.request.isVisible())
            card.request.click()
            screen.request_page.note.setText("Pour mon poste au 3e étage")
            shoot(f"request-{lang.value}")
            screen.request_page.send.click()
            shoot(f"done-{lang.value}")
            screen.done_page.finish.click()
            shell.router.go("home")
        shell.session.set_language(Language.FR)
        _staff(shell, shoot)
    finally:
        shell.close()
        settle()
    return shots


def _staff(shell: Any, shoot: Callable[[str], None]) -> None:
    """The staff side: requests to answer on the work list, the decline page, the stock."""
    shell.router.go("collect_staff")
    staff = shell.router.current
    for digit in shell.settings.staff_pin:
        staff.lock.type_digit(digit)
    staff.lock.validate.click()
    shoot("staff-requests-fr")
    staff._decline(next(line for line in staff.work if line.to_answer))
    staff.decline_page.reason.setText("Vous avez déjà un rehausseur depuis mars")
    shoot("staff-decline-fr")
    staff.decline_page.cancel.click()
    staff.stock_button.click()
    shoot("staff-stock-fr")

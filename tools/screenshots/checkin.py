"""Screenshots of the check-in screens (called by ``python -m tools.screenshots.main``).

Every verdict (one per outcome), the walk-in offer and its confirmation, "Vérification…",
in French; a few again in English and in the accessible theme. The results are hand-made
:class:`~kiosk.checkin.service.CheckinResult` values around the screenshots' fixed clock, so the
pictures only change when the screens do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from tools.screenshots import panel as screen_panel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from kiosk.checkin.service import CheckinResult, EventInfo


def _event(
    now: datetime, title: str, place: str, start_h: int, minutes: int, day: int = 0
) -> EventInfo:
    from kiosk.checkin.service import EventInfo
    from kiosk.domain import EventKind, Space

    start = now.replace(hour=start_h, minute=0, second=0, microsecond=0) + timedelta(days=day)
    end = start + timedelta(minutes=minutes)
    return EventInfo(
        id=1,
        title=title,
        kind=EventKind.CAFE_NUMERIQUE,
        space=Space.SMART_ROOM,
        place=place,
        starts_at=start,
        ends_at=end,
        checkin_opens_at=start - timedelta(minutes=60),
        checkin_closes_at=end + timedelta(minutes=30),
    )


def sample_results(now: datetime) -> dict[str, CheckinResult]:
    """One result per outcome (and the walk-in offer), keyed by the screenshot's name."""
    from kiosk.checkin.service import CheckinResult
    from kiosk.domain import CheckinMethod, CheckinOutcome

    cafe = _event(
        now, "Café numérique : bien démarrer avec son nouveau poste", "Smart Room", 14, 60
    )
    lab = _event(now, "Impression 3D : du modèle à l'objet", "Smart Lab", 16, 120)
    later = _event(
        now, "L'intelligence artificielle au service des politiques publiques", "Smart Room", 18, 90
    )
    base = CheckinResult(
        outcome=CheckinOutcome.OK,
        method=CheckinMethod.BADGE,
        checkin_id=1,
        at=now,
        person_id=7,
        first_name="Hélène",
        event=cafe,
        seats_left=6,
    )
    o = CheckinOutcome
    return {
        "ok": base,
        "visit-recorded": replace(
            base,
            outcome=o.VISIT_RECORDED,
            event=None,
            registered_event=replace(lab, starts_at=lab.starts_at + timedelta(days=3)),
        ),
        "already-checked-in": replace(
            base,
            outcome=o.ALREADY_CHECKED_IN,
            first_checkin_at=now - timedelta(minutes=3),
            first_checkin_kiosk="Smart Room — entrée",
        ),
        "walk-in-offer": replace(base, outcome=o.NOT_REGISTERED, walk_in_possible=True),
        "waiting-list": replace(base, outcome=o.WAITING_LIST, seats_left=0, waiting_position=3),
        "waiting-list-place-free": replace(
            base, outcome=o.WAITING_LIST, seats_left=1, waiting_position=1, walk_in_possible=True
        ),
        "not-registered": replace(base, outcome=o.NOT_REGISTERED),
        "no-event-here": replace(base, outcome=o.NOT_REGISTERED, event=None),
        "event-full": replace(base, outcome=o.EVENT_FULL, seats_left=0),
        "outside-window": replace(base, outcome=o.OUTSIDE_WINDOW, event=later),
        "wrong-event": replace(base, outcome=o.WRONG_EVENT, registered_event=lab),
        "unknown-badge": replace(
            base, outcome=o.UNKNOWN_BADGE, person_id=None, first_name=None, event=None
        ),
        "invalid-code": replace(
            base,
            outcome=o.INVALID_CODE,
            method=CheckinMethod.QR,
            person_id=None,
            first_name=None,
            event=None,
        ),
        "forged-code": replace(
            base,
            outcome=o.FORGED_CODE,
            method=CheckinMethod.QR,
            person_id=None,
            first_name=None,
            event=None,
        ),
        "expired-code": replace(
            base, outcome=o.EXPIRED_CODE, method=CheckinMethod.QR, person_id=None, first_name=None
        ),
        "revoked-code": replace(
            base, outcome=o.REVOKED_CODE, method=CheckinMethod.QR, person_id=None, first_name=None
        ),
    }


def shoot_checkin(
    app: QApplication, outdir: Path, settle: Callable[[], None], now: datetime
) -> list[Path]:
    from kiosk.settings import Language
    from ui.checkin.self_checkin import walk_in_buttons
    from ui.checkin.verdict_panel import VerdictPanel
    from ui.checkin.verdicts import confirm_walk_in, describe, failure, pending
    from ui.i18n import LanguageSwitcher
    from ui.theme import ThemeController

    theme = ThemeController(app)
    language = LanguageSwitcher(app)
    panel = VerdictPanel(theme)
    screen_panel.fit_widget(panel, theme)
    panel.show()
    shots: list[Path] = []

    def shoot(name: str) -> None:
        settle()
        path = screen_panel.png(outdir, f"checkin-verdict-{name}")
        panel.grab().save(str(path))
        shots.append(path)

    results = sample_results(now)
    for lang, accessible, names in (
        (Language.FR, False, [*results, "walk-in-confirm", "pending", "failure"]),
        (Language.EN, False, ["ok", "wrong-event", "walk-in-offer"]),
        (Language.FR, True, ["ok", "already-checked-in", "unknown-badge", "walk-in-offer"]),
    ):
        language.apply(lang)
        theme.apply(accessible=accessible)
        suffix = f"{lang.value}-{'accessible' if accessible else 'normal'}"
        for name in names:
            if name == "pending":
                view = pending()
            elif name == "failure":
                view = failure()
            elif name == "walk-in-confirm":
                view = confirm_walk_in(results["walk-in-offer"], now)
            else:
                view = describe(results[name], now)
            accept, decline, icon = walk_in_buttons(confirming=name == "walk-in-confirm")
            panel.show_view(
                view,
                timeout_ms=8000,
                accept_text=accept,
                decline_text=decline,
                accept_icon=icon,
            )
            shoot(f"{name}-{suffix}")
    panel.close()
    panel.deleteLater()
    language.uninstall()
    theme.apply(accessible=False)
    return shots


def shoot_door(
    app: QApplication, outdir: Path, settle: Callable[[], None], now: datetime, folder: Path
) -> list[Path]:
    """Mode accueil on the demo data set: locked, events, counters, search, link, visitor."""
    from sqlalchemy import select

    from kiosk.admin_access import PinGuard
    from kiosk.checkin import door_operations as door_actions
    from kiosk.checkin.place import place_of
    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.db.migrate import ensure_schema
    from kiosk.db.models import Registration
    from kiosk.demo.seed import seed_demo
    from kiosk.domain import RegistrationStatus
    from kiosk.paths import Paths
    from kiosk.ports import BadgePresented, FixedClock
    from kiosk.settings import Language, Settings
    from ui.checkin.desk import CheckinDesk
    from ui.checkin.door import DoorScreen
    from ui.data import KioskDatabase
    from ui.i18n import LanguageSwitcher
    from ui.theme import ThemeController

    url = f"sqlite:///{folder / 'door.sqlite3'}"
    engine = create_db_engine(url)
    ensure_schema(engine)
    seed_demo(make_session_factory(engine), now)
    engine.dispose()
    clock = FixedClock(now)
    database = KioskDatabase(url, Settings(paths=Paths(data_dir=folder, config_file=None)))
    desk = CheckinDesk(
        database.session_factory,
        clock,
        site_key=lambda: bytes(32),
        verifier=lambda: None,
        place=lambda: place_of(database.this_kiosk(now)),
    )
    theme = ThemeController(app)
    theme.apply()
    language = LanguageSwitcher(app)
    language.apply(Language.FR)
    door = DoorScreen(desk, theme, PinGuard("2468", clock), _Silent(), export_dir=folder)
    screen_panel.fit_widget(door, theme, bottom_bar=120)
    door.show()
    shots: list[Path] = []

    def wait() -> None:
        settle()
        while desk.pending:
            settle()
        settle()

    def shoot(name: str) -> None:
        wait()
        path = screen_panel.png(outdir, f"checkin-door-{name}-fr-normal")
        door.grab().save(str(path))
        shots.append(path)

    door.shown()
    shoot("locked")
    for digit in "2468":
        door.lock.type_digit(digit)
    shoot("pin-typed")
    door.lock.submit()
    shoot("events")
    if not door.picker.buttons:
        return shots
    door.picker.buttons[0].click()
    wait()
    assert door.selected is not None
    event_id = door.selected.info.id

    def arrivals(session, place, at):  # type: ignore[no-untyped-def]
        people = session.scalars(
            select(Registration.person_id)
            .where(
                Registration.event_id == event_id,
                Registration.status == RegistrationStatus.CONFIRMED,
            )
            .order_by(Registration.id)
            .limit(7)
        ).all()
        session.rollback()
        return [
            door_actions.check_in_person(
                session, place, at, person_id=p, event_id=event_id, staff_id=None
            )
            for p in people
        ]

    desk.run(arrivals, lambda results: door._show_result(results[-1]) if results else None)
    shoot("counters")
    door.undo.click()  # the last arrival undone: the banner and its row say so
    shoot("undone")
    again = door.state.scans[0] if door.state and door.state.scans else None
    if again is not None and again.person_id is not None:
        person = again.person_id
        clock.set(now + timedelta(minutes=2))  # past the debounce: a second arrival, not a repeat
        desk.run(
            lambda s, place, at: door_actions.check_in_person(
                s, place, at, person_id=person, event_id=event_id, staff_id=None
            ),
            door._show_result,
        )
        door.export.click()  # to the folder standing for the USB stick
        shoot("already-in-exported")
    door.find_name.click()
    for char in "helene":
        door.search.keyboard.key_for(char).click()
    shoot("search-keyboard")
    door.search.cancel.click()
    door.handle_badge(BadgePresented(bytes.fromhex("04deadbeef0102"), "demo"))
    shoot("unknown-badge")
    door.link.click()
    door.search.search("martin")
    shoot("link-badge")
    door.search.cancel.click()
    door.pass_button.click()
    door.visitor.first_name.setText("Camille")
    door.visitor.last_name.setText("Roux")
    door.visitor.organisation.setText("Métropole Nice Côte d'Azur")
    door.visitor.email.setFocus()
    shoot("visitor")
    door.close()
    desk.wait()
    database.close()
    language.uninstall()
    return shots


class _Silent:
    def play(self, cue: object) -> None:
        pass

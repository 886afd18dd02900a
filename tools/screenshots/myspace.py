"""Screenshots of event sign-up and « Mon espace » (called by tools.screenshots.main).

A room kiosk on the demo data set: a demo agent's badge on an event's page (sign up, then the
waiting list of a full event), then the same badge on « Mon espace » (with a sign-up made on
the Smart Tour and refused when it went up), in French and English, normal and accessible.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.paths import Paths
from kiosk.ports import BadgePresented, FixedClock
from kiosk.settings import Language, Profile, Settings
from tools.screenshots import panel as screen_panel


def _agent_with_badge(url: str, now: datetime) -> tuple[int, list[int]]:
    """A demo agent, and the coming events: one with places left, then a full one."""
    from sqlalchemy import func, select

    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.db.models import Badge, Event, Person, Registration
    from kiosk.domain import PersonKind, RegistrationStatus

    engine = create_db_engine(url)
    sessions = make_session_factory(engine)
    with sessions() as s:
        person = s.scalars(
            select(Person.id)
            .join(Badge, Badge.person_id == Person.id)
            .where(Person.kind == PersonKind.AGENT, Person.active, Person.email.is_not(None))
            .order_by(Person.id)
        ).first()
        assert person is not None
        taken = (
            select(func.count(Registration.id))
            .where(
                Registration.event_id == Event.id,
                Registration.status == RegistrationStatus.CONFIRMED,
            )
            .correlate(Event)
            .scalar_subquery()
        )
        rows = s.execute(
            select(Event.id, Event.capacity, taken)
            .where(Event.starts_at > now, Event.capacity.is_not(None))
            .order_by(Event.starts_at)
        ).all()
        mine = set(s.scalars(select(Registration.event_id).where(Registration.person_id == person)))
    engine.dispose()
    free = [e for e, cap, n in rows if n < cap and e not in mine]
    full = [e for e, cap, n in rows if n >= cap and e not in mine]
    return person, free[:1] + full[:1]


def _refused_on_the_tour(url: str, person: int, skip: list[int], now: datetime) -> None:
    """A sign-up the agent made on the Smart Tour offline, refused when it went up (their
    « Mon espace » says so), on a coming event other than those the shots sign up to."""
    import uuid

    from sqlalchemy import select

    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.db.models import Event, Registration
    from kiosk.signup.registration import SignupProblem
    from kiosk.signup.tables import SignupAct, SignupAction, SignupOutcome

    engine = create_db_engine(url)
    with make_session_factory(engine).begin() as s:
        mine = select(Registration.event_id).where(Registration.person_id == person)
        event = s.scalars(
            select(Event.id)
            .where(Event.starts_at > now, Event.id.not_in(skip), Event.id.not_in(mine))
            .order_by(Event.starts_at)
        ).first()
        if event is not None:
            s.add(SignupAct(nonce=uuid.uuid4().hex, kiosk_id=None, person_id=person,
                            event_id=event, action=SignupAction.SIGN_UP, at=now,
                            outcome=SignupOutcome.REFUSED, reference="K7PQ2M",
                            detail=SignupProblem.INACTIVE.value))  # fmt: skip
    engine.dispose()


def shoot_myspace(
    app: QApplication, outdir: Path, settle: Callable[[], None], now: datetime
) -> list[Path]:
    from kiosk.checkin.demo import link_demo_badges
    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.db.migrate import ensure_schema
    from kiosk.demo.seed import seed_demo
    from kiosk.identity import demo_badge_uid, load_site_key
    from kiosk.programme.agenda import upcoming_events
    from ui.app.shell import build_shell
    from ui.data import KioskDatabase

    tmp = Path(tempfile.mkdtemp(prefix="smartcorner-myspace-shots-"))
    url = f"sqlite:///{tmp / 'myspace.sqlite3'}"
    engine = create_db_engine(url)
    ensure_schema(engine)
    seed_demo(make_session_factory(engine), now)
    settings = Settings(
        speech_engine="none",
        profile=Profile.ROOM,
        paths=Paths(data_dir=tmp, config_file=None),
        kiosk_name="Smart Room — entrée",
        printer="tcp://127.0.0.1:9",  # slips are spooled (nothing listens: never printed)
    )
    sessions = make_session_factory(engine)
    with sessions.begin() as s:
        link_demo_badges(s, load_site_key(settings.site_key_path), now)
    with sessions() as s:
        programme = upcoming_events(s, now, 30)
    engine.dispose()
    person, events = _agent_with_badge(url, now)
    _refused_on_the_tour(url, person, events, now)
    uid = demo_badge_uid(person)
    database = KioskDatabase(url, settings)
    shell = build_shell(
        settings,
        app=app,
        clock=FixedClock(now),
        events_loader=lambda n, limit: programme[:limit],
        database=database,
    )
    screen_panel.fit(shell)
    shell.window.transition.duration_ms = 0
    shell.start()
    shell.window.show()
    shots: list[Path] = []

    def wait() -> None:
        for _ in range(40):
            settle()

    def shoot(name: str) -> None:
        wait()
        path = screen_panel.png(outdir, name)
        shell.window.grab().save(str(path))
        shots.append(path)

    def badge() -> None:
        shell.bridge.on_badge_event(BadgePresented(uid, "simulated reader"))

    for lang in Language:
        for accessible in (False, True):
            mode = "accessible" if accessible else "normal"
            shell.session.set_language(lang)
            shell.session.set_accessible(accessible)
            shell.router.go("home")
            shell.router.go("events")
            agenda = shell.router.current
            for n, event_id in enumerate(events):
                event = next(e for e in programme if e.id == event_id)
                agenda.open_event(event)  # type: ignore[attr-defined]
                badge()
                shoot(f"room-event-signup-{n}-{lang.value}-{mode}")
                if lang is Language.FR and not accessible:
                    agenda.signup.action.click()  # type: ignore[attr-defined]
                    shoot(f"room-event-signed-up-{n}-fr-normal")
                agenda.go_back()
            shell.router.home("home")
            shell.router.go("myspace")
            shoot(f"room-myspace-badge-{lang.value}-{mode}")
            badge()
            shoot(f"room-myspace-{lang.value}-{mode}")
            shell.router.home("home")
            shell.session.reset()
    shell.close()
    database.close()
    settle()
    return shots

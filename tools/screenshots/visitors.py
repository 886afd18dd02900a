"""Screenshots of a visitor signing up without a badge (called by tools.screenshots.main).

A room kiosk on the demo data set: the page of an event open to visitors (« Je n'ai pas de
badge »), the visitor form filled in, the answer (a place, then the waiting list of a full
event), in French and English, normal and accessible. The waiting-list verdicts at the door
are among the check-in verdicts (tools/screenshots/checkin.py).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from kiosk.paths import Paths
from kiosk.people import VisitorForm
from kiosk.ports import FixedClock
from kiosk.settings import Language, Profile, Settings
from tools.screenshots import panel as screen_panel

VISITOR = VisitorForm("Léa", "Blanc-Giraud", "Mairie de Menton", "lea.blanc@menton.fr")


def open_events(url: str, now: datetime) -> list[int]:
    """Coming events open to visitors: one with places left, then a full one (made full)."""
    from sqlalchemy import func, select, update

    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.db.models import Event, Registration
    from kiosk.domain import RegistrationStatus

    engine = create_db_engine(url)
    sessions = make_session_factory(engine)
    with sessions.begin() as s:
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
            .where(Event.starts_at > now, Event.open_to_external, Event.capacity.is_not(None))
            .order_by(Event.starts_at)
        ).all()
        free = [e for e, cap, n in rows if n < cap]
        picked = free[:2]
        if len(picked) == 2:  # the second one full: its answer is the waiting list
            full = next(n for e, _, n in rows if e == picked[1])
            s.execute(update(Event).where(Event.id == picked[1]).values(capacity=max(full, 1)))
    engine.dispose()
    return picked


def fill(form: Any, visitor: VisitorForm) -> None:
    form.first_name.setText(visitor.first_name)
    form.last_name.setText(visitor.last_name)
    form.organisation.setText(visitor.organisation)
    form.email.setText(visitor.email)


def shoot_visitors(
    app: QApplication, outdir: Path, settle: Callable[[], None], now: datetime
) -> list[Path]:
    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.db.migrate import ensure_schema
    from kiosk.demo.seed import seed_demo
    from kiosk.programme.agenda import upcoming_events
    from ui.app.shell import build_shell
    from ui.data import KioskDatabase

    tmp = Path(tempfile.mkdtemp(prefix="smartcorner-visitor-shots-"))
    url = f"sqlite:///{tmp / 'visitors.sqlite3'}"
    engine = create_db_engine(url)
    ensure_schema(engine)
    seed_demo(make_session_factory(engine), now)
    engine.dispose()
    events = open_events(url, now)
    settings = Settings(
        speech_engine="none",
        profile=Profile.ROOM,
        paths=Paths(data_dir=tmp, config_file=None),
        kiosk_name="Smart Room — entrée",
        printer="tcp://127.0.0.1:9",  # slips are spooled (nothing listens: never printed)
    )
    engine = create_db_engine(url)
    with make_session_factory(engine)() as s:
        programme = upcoming_events(s, now, 30)
    engine.dispose()
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

    def wait(until: Callable[[], bool] | None = None) -> None:
        for _ in range(80 if until is not None else 0):
            settle()
            if until is not None and until():
                break
        for _ in range(8):
            settle()

    def shoot(name: str) -> None:
        path = screen_panel.png(outdir, name)
        shell.window.grab().save(str(path))
        shots.append(path)

    for lang in Language:
        for accessible in (False, True):
            mode = "accessible" if accessible else "normal"
            shell.session.set_language(lang)
            shell.session.set_accessible(accessible)
            for n, event_id in enumerate(events):
                shell.router.go("home")
                shell.router.go("events")
                agenda: Any = shell.router.current
                agenda.open_event(next(e for e in programme if e.id == event_id))
                wait()
                if n == 0:
                    signup = agenda.signup
                    agenda.detail_scroll.ensureWidgetVisible(signup.no_badge)
                    wait()
                    shoot(f"room-visitor-event-{lang.value}-{mode}")
                agenda.signup.no_badge.click()
                page = agenda.visitor
                fill(page.form, VISITOR)
                wait()
                if n == 0:
                    shoot(f"room-visitor-form-{lang.value}-{mode}")
                page.form.save.click()
                wait(lambda page=page: bool(page.answering))
                shoot(f"room-visitor-answer-{n}-{lang.value}-{mode}")
                page.answer.done.click()
                wait()
            shell.router.home("home")
            shell.session.reset()
    shell.close()
    database.close()
    settle()
    return shots

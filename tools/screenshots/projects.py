"""Screenshots of « Projets numériques » (``python -m tools.screenshots.main`` calls
:func:`shoot_projects`; ``--projects`` alone): the gallery, a search, a project's page and an
event that presents it, on the demo data set, in French (normal and accessible) and English."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.paths import Paths
from kiosk.ports import FixedClock
from kiosk.settings import Language, Profile, Settings
from tools.screenshots import panel as screen_panel

SHOWN_PROJECT = "numerique-responsable"  # two events to come in the demo, a long title


def shoot_projects(
    app: QApplication,
    outdir: Path,
    settle: Callable[[], None],
    now: datetime,
    tmp: Path,
    db_url: str | None,
) -> list[Path]:
    from ui.app.shell import build_shell
    from ui.projects.screen import ProjectsScreen

    if db_url is None:  # --sample: no database
        return []
    settings = Settings(
        speech_engine="none",
        profile=Profile.ROOM,
        paths=Paths(data_dir=tmp, config_file=None),
        kiosk_name="Smart Corner",
        db_url=db_url,
    )
    shell = build_shell(settings, app=app, clock=FixedClock(now), events_loader=lambda n, limit: [])
    screen_panel.fit(shell)
    shell.window.transition.duration_ms = 0
    shell.start()
    shell.window.show()
    shots: list[Path] = []

    def shoot(name: str) -> None:
        for _ in range(3):
            settle()
            while shell.executor.pending:
                settle()
        path = screen_panel.png(outdir, name)
        shell.window.grab().save(str(path))
        shots.append(path)

    shell.router.go("home")
    shoot("room-home-with-projects-fr-normal")
    for lang, accessible in ((Language.FR, False), (Language.FR, True), (Language.EN, False)):
        shell.session.set_language(lang)
        shell.session.set_accessible(accessible)
        mode = "accessible" if accessible else "normal"
        shell.router.go("projects")
        screen = shell.router.current
        assert isinstance(screen, ProjectsScreen)
        screen.reset()
        shoot(f"projects-gallery-{lang.value}-{mode}")
        screen.open_project(SHOWN_PROJECT)
        shoot(f"projects-detail-{lang.value}-{mode}")
        screen.go_back()
    shell.session.set_language(Language.FR)
    shell.session.set_accessible(False)
    screen = shell.router.current
    assert isinstance(screen, ProjectsScreen)
    screen.keyboard_toggle.setChecked(True)
    screen.search.setText("données")
    shoot("projects-search-fr-normal")
    screen.reset()
    screen.open_project(SHOWN_PROJECT)
    settle()
    while shell.executor.pending:
        settle()
    if screen.project.detail is not None and screen.project.detail.events:
        screen.open_event(screen.project.detail.events[0])
        shoot("projects-event-fr-normal")
    shell.close()
    settle()
    return shots


def shoot_feedback(
    app: QApplication,
    outdir: Path,
    settle: Callable[[], None],
    now: datetime,
    tmp: Path,
    db_url: str | None,
) -> list[Path]:
    """« Comment était … ? » on the room kiosk's attract screen, ten minutes after the demo's
    last Smart Room event before ``now`` ended: the question, « Merci » with the reasons, and
    the last word."""
    from datetime import timedelta

    from sqlalchemy import create_engine, select

    from kiosk.db.models import Event, Kiosk
    from kiosk.domain import Space
    from kiosk.satisfaction.faces import Face, Reason
    from ui.app.shell import build_shell
    from ui.satisfaction.prompt import FeedbackPrompt

    if db_url is None:
        return []
    engine = create_engine(db_url)
    with engine.connect() as conn:
        site = conn.scalar(select(Kiosk.site_id).where(Kiosk.code == "DEMO-ROOM"))
        ended = conn.scalar(
            select(Event.ends_at)
            .where(Event.site_id == site, Event.space == Space.SMART_ROOM, Event.ends_at <= now)
            .order_by(Event.ends_at.desc())
            .limit(1)
        )
    engine.dispose()
    if ended is None:
        return []
    settings = Settings(
        speech_engine="none",
        profile=Profile.ROOM,
        paths=Paths(data_dir=tmp, config_file=None),
        kiosk_name="Smart Corner",
        db_url=db_url,
        kiosk_code="DEMO-ROOM",
    )
    clock = FixedClock(ended + timedelta(minutes=10))
    shell = build_shell(settings, app=app, clock=clock, events_loader=lambda n, limit: [])
    screen_panel.fit(shell)
    shell.window.transition.duration_ms = 0
    shell.start()
    shell.window.show()
    shots: list[Path] = []

    def shoot(name: str) -> None:
        for _ in range(4):
            settle()
            while shell.executor.pending:
                settle()
        path = screen_panel.png(outdir, name)
        shell.window.grab().save(str(path))
        shots.append(path)

    prompt = shell.service(FeedbackPrompt)
    assert prompt is not None
    for lang, accessible in ((Language.FR, False), (Language.FR, True), (Language.EN, False)):
        shell.session.set_language(lang)
        shell.session.set_accessible(accessible)
        prompt.refresh()
        shoot(f"feedback-question-{lang.value}-{'accessible' if accessible else 'normal'}")
    shell.session.set_language(Language.FR)
    shell.session.set_accessible(False)
    prompt.answer(Face.GOOD)
    shoot("feedback-thanks-fr-normal")
    prompt.give_reason(Reason.SPEAKER)
    shoot("feedback-last-word-fr-normal")
    shell.close()
    settle()
    return shots

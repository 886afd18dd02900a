"""Screenshots of Besoin d'aide ? (called by tools.screenshots.main): every page, and the display.

A store kiosk on the demo data set, at the screenshots' fixed time: the morning's queue is
served first, then a few people arrive just before, so the pages show a lived-in afternoon.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.help.domain import HelpReason, TicketState
from kiosk.help.queue import HelpDesk
from kiosk.paths import Paths
from kiosk.ports import FixedClock
from kiosk.settings import Language, Profile, Settings
from tools.screenshots import panel as screen_panel


def _afternoon(url: str, now: datetime) -> None:
    """Close this morning's demo queue, then four arrivals in the last quarter of an hour."""
    from sqlalchemy import select

    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.db.models import Kiosk

    engine = create_db_engine(url)
    sessions = make_session_factory(engine)
    with sessions() as session:
        kiosk_id = session.scalars(select(Kiosk.id).where(Kiosk.code == "DEMO-STORE")).one()
    clock = FixedClock(now - timedelta(hours=3))
    desk = HelpDesk(sessions, clock, kiosk_id)
    for entry in desk.queue():
        clock.set(clock.now() + timedelta(minutes=6))
        if entry.state is TicketState.WAITING:
            desk.call(entry.request_id, "2")
        if entry.state is not TicketState.SERVING:
            desk.start_serving(entry.request_id)
        clock.set(clock.now() + timedelta(minutes=7))
        desk.finish(entry.request_id)
    for minutes, reason, text in (
        (16, HelpReason.HARDWARE, "Le portable ne démarre plus"),
        (11, HelpReason.ACCOUNT, None),
        (6, HelpReason.MAIL, "Boîte aux lettres pleine"),
        (2, HelpReason.SOFTWARE, None),
    ):
        clock.set(now - timedelta(minutes=minutes))
        desk.issue(reason, text)
    clock.set(now - timedelta(minutes=1))
    desk.call_next("1")
    engine.dispose()


def shoot_help(
    app: QApplication, outdir: Path, settle: Callable[[], None], now: datetime
) -> list[Path]:
    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.db.migrate import ensure_schema
    from kiosk.demo.seed import seed_demo
    from ui.app.shell import build_shell
    from ui.data import KioskDatabase
    from ui.help.board import HelpBoard
    from ui.help.screen import HelpScreen
    from ui.help.ticket import PrintState
    from ui.sounds import Cue

    tmp = Path(tempfile.mkdtemp(prefix="smartcorner-help-shots-"))
    url = f"sqlite:///{tmp / 'help.sqlite3'}"
    engine = create_db_engine(url)
    ensure_schema(engine)
    seed_demo(make_session_factory(engine), now)
    engine.dispose()
    _afternoon(url, now)

    settings = Settings(
        speech_engine="none",
        profile=Profile.STORE,
        paths=Paths(data_dir=tmp, config_file=None),
        kiosk_name="Smart Store — CADAM",
        printer="tcp://127.0.0.1:9",  # tickets are spooled (nothing listens: never printed)
    )
    database = KioskDatabase(url, settings)
    clock = FixedClock(now)
    shell = build_shell(
        settings, app=app, clock=clock, events_loader=lambda n, limit: [], database=database
    )
    screen_panel.fit(shell)
    shell.window.transition.duration_ms = 0
    shell.start()
    shell.window.show()
    shots: list[Path] = []

    def wait() -> None:
        settle()
        while shell.executor.pending:
            settle()
        settle()

    def shoot(name: str) -> None:
        wait()
        path = screen_panel.png(outdir, name)
        shell.window.grab().save(str(path))
        shots.append(path)

    shell.router.go("help")
    help_screen = shell.router.screen("help")
    assert isinstance(help_screen, HelpScreen)
    help_screen.reasons.staff.click()
    shoot("store-help-staff-pin-fr-normal")
    for digit in settings.staff_pin:
        help_screen.staff_pin.type_digit(digit)
    help_screen.staff_pin.submit()
    shoot("store-help-staff-fr-normal")
    help_screen.staff.stop()
    help_screen.reset()

    played: list[Cue] = []

    class Recorder:
        def play(self, cue: Cue) -> None:
            played.append(cue)

    board = HelpBoard(
        lambda done: help_screen.client.ask(lambda desk: desk.board(), done), clock, Recorder()
    )
    board.resize(*screen_panel.size)
    board.show()
    board.refresh()
    wait()
    path = screen_panel.png(outdir, "help-board-fr")
    board.grab().save(str(path))
    shots.append(path)
    board.close()
    for lang in Language:
        for accessible in (False, True):
            mode = "accessible" if accessible else "normal"
            shell.session.set_language(lang)
            shell.session.set_accessible(accessible)
            shell.router.go("home")
            if lang is Language.FR and not accessible:
                shoot("store-home-with-help-fr-normal")
            shell.router.go("help")
            help_screen = shell.router.screen("help")
            assert isinstance(help_screen, HelpScreen)
            help_screen.reset()
            shoot(f"store-help-reasons-{lang.value}-{mode}")
            help_screen.reasons.buttons[1].click()
            help_screen.describe.field.setText("Outlook ne s'ouvre plus depuis ce matin")
            shoot(f"store-help-describe-{lang.value}-{mode}")
            help_screen.describe.keyboard.submitted.emit()
            wait()
            help_screen.ticket.set_print_state(PrintState.PRINTED)
            shoot(f"store-help-ticket-{lang.value}-{mode}")
            if lang is Language.FR and not accessible:
                help_screen.ticket.set_print_state(PrintState.TROUBLE)
                shoot("store-help-ticket-printer-down-fr-normal")
            help_screen.reset()
            shell.router.home("home")
            shell.session.reset()

    shell.close()
    database.close()
    settle()
    return shots

"""Render the kiosk's screens to PNG at 1920x1080, offscreen, to look at them.

    python -m tools.screenshots.main OUTDIR [--sample]

Attract, Home and Événements for each profile, in French and English, normal and accessible;
plus the PIN pad, the admin screen and the idle countdown; every check-in verdict
(tools/screenshots/checkin.py); the Kiosque numérique's pages (tools/screenshots/documents.py). The
programme is the demo data set seeded in a temporary SQLite database (or a fixed list with
``--sample``, or when the persistence layer is missing). The clock is fixed (Monday 23 November
2026, 14:05, Paris time) so the pictures only change when the code does.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from kiosk.domain import EventKind, Space, UpcomingEvent

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 11, 23, 14, 5, tzinfo=PARIS)
SIZE = (1920, 1080)


def sample_events(now: datetime = NOW) -> list[UpcomingEvent]:
    """A fixed programme around ``now`` (what the screens look like with typical content)."""
    day = now.replace(hour=0, minute=0, second=0, microsecond=0)

    def at(days: int, hour: int, minute: int = 0) -> datetime:
        return day + timedelta(days=days, hours=hour, minutes=minute)

    rows = [
        (
            EventKind.CAFE_NUMERIQUE,
            "Café numérique : bien démarrer avec son nouveau poste",
            Space.SMART_ROOM,
            "Smart Room",
            at(0, 14),
            at(0, 15),
            False,
            6,
        ),
        (
            EventKind.MASTERCLASS,
            "L'intelligence artificielle au service des politiques publiques",
            Space.SMART_ROOM,
            "Smart Room",
            at(0, 16),
            at(0, 17, 30),
            True,
            18,
        ),
        (
            EventKind.ATELIER_TECHNOLOGIQUE,
            "Impression 3D : du modèle à l'objet",
            Space.SMART_LAB,
            "Smart Lab",
            at(1, 10),
            at(1, 12),
            False,
            2,
        ),
        (
            EventKind.TABLE_RONDE,
            "Sobriété numérique : quelles pratiques dans nos services ?",
            Space.SMART_ROOM,
            "Smart Room",
            at(2, 14, 30),
            at(2, 16),
            True,
            0,
        ),
        (
            EventKind.FORMATION,
            "Travailler à plusieurs sur un document partagé",
            Space.SMART_CLASS,
            "Smart Class",
            at(3, 9, 30),
            at(3, 12),
            False,
            9,
        ),
        (
            EventKind.CAFE_NUMERIQUE,
            "Smart Tour : le numérique à votre rencontre",
            Space.REMOTE_SITE,
            "Menton",
            at(4, 10),
            at(4, 12),
            False,
            None,
        ),
        (
            EventKind.ATELIER_TECHNOLOGIQUE,
            "Réalité virtuelle : visiter un collège en projet",
            Space.SMART_LAB,
            "Smart Lab",
            at(7, 14),
            at(7, 16),
            True,
            12,
        ),
        (
            EventKind.MASTERCLASS,
            "Cybersécurité : reconnaître un courriel piégé",
            Space.SMART_ROOM,
            "Smart Room",
            at(8, 11),
            at(8, 12),
            False,
            40,
        ),
    ]
    return [
        UpcomingEvent(n, title, kind, space, place, start, end, external, seats)
        for n, (kind, title, space, place, start, end, external, seats) in enumerate(rows, 1)
    ]


def demo_loader(folder: Path) -> Callable[[datetime, int], list[UpcomingEvent]] | None:
    """The demo data set in a fresh SQLite file, or None when the persistence layer is missing."""
    try:
        from kiosk.db.engine import create_db_engine, make_session_factory
        from kiosk.db.migrate import ensure_schema
        from kiosk.demo.seed import seed_demo
    except ImportError:
        return None
    from ui.data import KioskDatabase

    url = f"sqlite:///{folder / 'screenshots.sqlite3'}"
    engine = create_db_engine(url)
    ensure_schema(engine)
    seed_demo(make_session_factory(engine), NOW)
    engine.dispose()
    return KioskDatabase(url).upcoming_events


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots.main")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--sample", action="store_true", help="a fixed programme, no database")
    parser.add_argument(
        "--size",
        type=_size,
        default=SIZE,
        metavar="WxH",
        help="the panel in logical pixels (1366x768, 1080x1920...); default 1920x1080",
    )
    parser.add_argument(
        "--width-mm",
        type=float,
        default=None,
        help="the panel's width in mm (its density); default: the 24-inch 1920x1080 density",
    )
    parser.add_argument(
        "--main-only",
        action="store_true",
        help="only the attract, home, programme, PIN and administration screens",
    )
    parser.add_argument(
        "--catalogue",
        action="store_true",
        help="only the « Catalogue de services » screens, at --size",
    )
    parser.add_argument(
        "--hardening",
        action="store_true",
        help="only « hors service » and the RGPD lines with their details, at --size",
    )
    parser.add_argument(
        "--pdf-zoom",
        action="store_true",
        help="only the reader zoomed on a PDF (width, 4 steps, 800 %%, a corner), at --size",
    )
    parser.add_argument(
        "--signup",
        action="store_true",
        help="only event sign-up and « Mon espace », at --size",
    )
    parser.add_argument(
        "--visitors",
        action="store_true",
        help="only a visitor signing up without a badge, at --size",
    )
    parser.add_argument(
        "--projects",
        action="store_true",
        help="only « Projets numériques » and « Comment était … ? », at --size",
    )
    parser.add_argument(
        "--stats",
        action="store_true",
        help="only « Statistiques » on the demo data (satisfaction included), at --size",
    )
    args = parser.parse_args(argv)
    size: tuple[int, int] = args.size
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["TZ"] = "Europe/Paris"  # the kiosks stand in the Alpes-Maritimes
    time.tzset()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.paths import Paths
    from kiosk.ports import FixedClock
    from kiosk.settings import Language, Profile, Settings
    from ui.app.shell import Shell, build_shell
    from ui.theme import ScreenMetrics

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    outdir: Path = args.outdir
    outdir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="smartcorner-shots-"))
    loader = (None if args.sample else demo_loader(tmp)) or (
        lambda now, limit: sample_events()[:limit]
    )
    paths = Paths(data_dir=tmp, config_file=None)

    def settle() -> None:
        """Let queued signals (the worker's results, LanguageChange) be delivered."""
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()

    written: list[Path] = []
    from tools.screenshots import panel as screen_panel

    screen_panel.configure(size, args.width_mm)
    if args.pdf_zoom:
        from tools.screenshots.pdf_zoom import shoot_pdf_zoom

        for path in shoot_pdf_zoom(app, outdir, settle, NOW):
            print(path)
        return 0
    if args.catalogue:
        from tools.screenshots.catalogue import shoot_catalogue

        for path in shoot_catalogue(app, outdir, settle, NOW, tmp):
            print(path)
        return 0
    if args.hardening:
        from tools.screenshots.hardening import shoot_hardening
        from ui.theme import ScreenMetrics as Metrics

        density = size[0] / args.width_mm if args.width_mm else Metrics.design().px_per_mm
        for path in shoot_hardening(app, outdir, settle, NOW, tmp, size, density):
            print(path)
        return 0

    if args.visitors:
        from tools.screenshots.visitors import shoot_visitors

        for path in shoot_visitors(app, outdir, settle, NOW):
            print(path)
        return 0
    if args.signup:
        from tools.screenshots.myspace import shoot_myspace

        for path in shoot_myspace(app, outdir, settle, NOW):
            print(path)
        return 0
    if args.projects:
        from tools.screenshots.projects import shoot_feedback, shoot_projects

        demo_db = tmp / "screenshots.sqlite3"
        db_url = f"sqlite:///{demo_db}" if demo_db.exists() else None
        for path in shoot_projects(app, outdir, settle, NOW, tmp, db_url):
            print(path)
        for path in shoot_feedback(app, outdir, settle, NOW, tmp, db_url):
            print(path)
        return 0

    if args.stats:
        from tools.screenshots.stats import shoot_stats

        demo_db = tmp / "screenshots.sqlite3"
        db_url = f"sqlite:///{demo_db}" if demo_db.exists() else None
        for path in shoot_stats(app, outdir, settle, NOW, tmp, db_url):
            print(path)
        return 0

    def shoot(shell: Shell, name: str) -> None:
        settle()
        suffix = "" if size == SIZE else f"-{size[0]}x{size[1]}"
        path = outdir / f"{name}{suffix}.png"
        shell.window.grab().save(str(path))
        written.append(path)

    # the demo database when there is one: its announcement and Smart Tour stops show too
    shots_db = tmp / "screenshots.sqlite3"
    for profile in Profile:
        settings = Settings(
            speech_engine="none", profile=profile, paths=paths, kiosk_name="Smart Corner",
            db_url=f"sqlite:///{shots_db}" if shots_db.exists() else "",
        )  # fmt: skip
        shell = build_shell(settings, app=app, clock=FixedClock(NOW), events_loader=loader)
        design = ScreenMetrics.design()
        width_mm = args.width_mm or size[0] / design.px_per_mm
        shell.theme.set_screen(ScreenMetrics(size[0], size[1], size[0] / width_mm))
        shell.window.resize(*size)
        shell.window.transition.duration_ms = 0  # the pictures show screens, not transitions
        shell.start()
        shell.window.show()
        shell.feed.refresh()
        shell.notices.refresh()
        while shell.executor.pending:
            settle()
        for lang in Language:
            for accessible in (False, True):
                mode = "accessible" if accessible else "normal"
                for screen in ("attract", "home", "events"):
                    if screen == "attract":
                        shell.router.reset()
                    else:
                        shell.router.go(screen)
                    shell.session.set_language(lang)
                    shell.session.set_accessible(accessible)
                    shoot(shell, f"{profile.value}-{screen}-{lang.value}-{mode}")
        if profile is Profile.ROOM:
            shell.session.reset()
            shell.router.go("events")
            shell.window.overlay.start(12)
            shoot(shell, "room-idle-countdown-fr-normal")
            shell.window.overlay.hide()
            shell.router.go("events")
            agenda = shell.router.current
            for accessible in (False, True):
                shell.session.set_accessible(accessible)
                agenda.open_event(shell.feed.events[0])
                mode = "accessible" if accessible else "normal"
                shoot(shell, f"room-event-detail-fr-{mode}")
            shell.session.reset()
            shell.router.go("pin")
            shoot(shell, "room-pin-fr-normal")
            shell.router.go("admin")
            shoot(shell, "room-admin-fr-normal")
            shell.router.go("announcements")
            while shell.executor.pending:
                settle()
            for lang in Language:
                shell.session.set_language(lang)
                shoot(shell, f"room-announcements-{lang.value}-normal")
        shell.close()
        settle()
    if args.main_only:
        for path in written:
            print(path)
        return 0
    written.extend(shoot_widgets(app, outdir, settle))
    from tools.screenshots.checkin import shoot_checkin, shoot_door

    written.extend(shoot_checkin(app, outdir, settle, NOW))
    from tools.screenshots.collect import shoot_collect

    written.extend(shoot_collect(app, outdir, settle, NOW, tmp))
    from tools.screenshots.catalogue import shoot_catalogue

    written.extend(shoot_catalogue(app, outdir, settle, NOW, tmp))
    from tools.screenshots.devices import shoot_devices

    demo_db = tmp / "screenshots.sqlite3"
    db_url = f"sqlite:///{demo_db}" if demo_db.exists() else None
    written.extend(shoot_devices(app, outdir, settle, NOW, tmp, db_url, loader))
    written.extend(shoot_door(app, outdir, settle, NOW, tmp))
    from tools.screenshots.help import shoot_help

    written.extend(shoot_help(app, outdir, settle, NOW))
    from tools.screenshots.sync import shoot_sync

    written.extend(shoot_sync(app, outdir, settle, NOW, tmp / "tour", loader))
    from tools.screenshots.documents import shoot_documents

    written.extend(shoot_documents(app, outdir, settle, NOW))
    from tools.screenshots.stats import shoot_stats

    written.extend(shoot_stats(app, outdir, settle, NOW, tmp, db_url))
    from tools.screenshots.projects import shoot_feedback, shoot_projects

    written.extend(shoot_projects(app, outdir, settle, NOW, tmp, db_url))
    written.extend(shoot_feedback(app, outdir, settle, NOW, tmp, db_url))
    from tools.screenshots.fleet import shoot_fleet

    written.extend(shoot_fleet(app, outdir, settle, NOW, tmp, db_url, size))
    from tools.screenshots.myspace import shoot_myspace

    written.extend(shoot_myspace(app, outdir, settle, NOW))
    from tools.screenshots.visitors import shoot_visitors

    written.extend(shoot_visitors(app, outdir, settle, NOW))
    for path in written:
        print(path)
    return 0


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    try:
        return int(width), int(height)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT") from None


def shoot_widgets(app: QApplication, outdir: Path, settle: Callable[[], None]) -> list[Path]:
    """Shared widgets on their own, as the screens that use them show them."""
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    from ui.theme import ThemeController
    from ui.widgets.keyboard import Layer, OnScreenKeyboard

    theme = ThemeController(app)
    theme.apply()
    shots: list[Path] = []
    for layer in Layer:
        panel = QWidget(objectName="screen")
        field = QLineEdit("Hélène Dupont", objectName="searchField")
        keys = OnScreenKeyboard(theme, action_label="Rechercher", auto_capitalise=True)
        keys.set_target(field)
        keys.set_layer(layer)
        column = QVBoxLayout(panel)
        column.setContentsMargins(48, 32, 48, 32)
        column.setSpacing(24)
        column.addWidget(field)
        column.addWidget(keys)
        panel.resize(1920, 640)
        panel.show()
        settle()
        path = outdir / f"widget-keyboard-{layer.value}.png"
        panel.grab().save(str(path))
        shots.append(path)
        panel.close()
    return shots


if __name__ == "__main__":
    sys.exit(main())

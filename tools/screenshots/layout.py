"""The views of the layout check (tests/ui/test_screen_sizes.py), to look at on one panel.

    python -m tools.screenshots.layout OUTDIR --size 1366x768 --width-mm 409.8 [--view door]

Each view is opened exactly as the check opens it (``OPEN``), in French and English, normal and
accessible, so that what the check measures is what the pictures show.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

NOW = datetime(2026, 11, 23, 14, 27, tzinfo=ZoneInfo("Europe/Paris"))


def door_board(shell: Any) -> None:
    """The door page as staff see it mid-event: a verdict, the counters, a full list of scans."""
    from kiosk.checkin.door import EventCounters, ScanLine
    from kiosk.checkin.door_operations import DoorState
    from kiosk.checkin.service import CheckinResult, EventInfo
    from kiosk.domain import CheckinMethod, CheckinOutcome, EventKind, Space
    from ui.checkin.door import Page

    shell.router.go("door")
    door = shell.router.current
    start = NOW.replace(hour=14, minute=0)
    event = EventInfo(
        7, "L’intelligence artificielle au service des politiques publiques",
        EventKind.MASTERCLASS, Space.SMART_ROOM, "Smart Room", start,
        start + timedelta(hours=2), start - timedelta(minutes=30), start + timedelta(hours=2),
    )  # fmt: skip
    outcomes = [CheckinOutcome.OK, CheckinOutcome.ALREADY_CHECKED_IN, CheckinOutcome.WRONG_EVENT]
    scans = [
        ScanLine(n, start + timedelta(minutes=n), outcomes[n % 3], CheckinMethod.BADGE, n,
                 "Jean-François", "Dupuis-Lagarrigue", "Smart Room", undone=n == 9)
        for n in range(10, 0, -1)
    ]  # fmt: skip
    counters = EventCounters(present=38, registered=40, capacity=120, waiting=0, walk_ins=2,
                             refused=3)  # fmt: skip
    board = door.board
    board.show_event(event)
    board.show_result(
        CheckinResult(CheckinOutcome.OK, CheckinMethod.BADGE, 10, start, 10, "Jean-François")
    )
    board.show_state(DoorState(counters, scans, scans[0]), can_link=True)
    door.pages.setCurrentIndex(Page.DOOR)


def door_search(shell: Any) -> None:
    """The door's name search with its keyboard (names mode)."""
    from ui.checkin.door import Page

    shell.router.go("door")
    door = shell.router.current
    door.pages.setCurrentIndex(Page.SEARCH)


def documents_search(shell: Any) -> None:
    """The Kiosque numérique's search as a visitor types: keyboard up, a word, three results.

    The results are handed to the page as the index would answer (building the index takes
    seconds in a child process, far too long for every panel of the check)."""
    from datetime import date

    from kiosk.documents.catalogue import HIGHLIGHT_END as END
    from kiosk.documents.catalogue import HIGHLIGHT_START as START
    from kiosk.documents.catalogue import DocumentKind, DocumentSummary, SearchHit, SearchResults

    shell.router.go("documents")
    screen = shell.router.current
    screen.open_search(typing=True)
    page = screen.search
    page.field.blockSignals(True)  # no search of the (empty) test catalogue behind our back
    page.field.setText("hameçonnage")
    page.field.blockSignals(False)
    word = f"{START}hameçonnage{END}"
    docs = [
        ("Se protéger de l’hameçonnage", DocumentKind.PDF, "Cybersécurité", 12),
        ("Reconnaître un courriel piégé en cinq questions", DocumentKind.ARTICLE,
         "Cybersécurité", None),
        ("Cybermalveillance : assistance aux victimes", DocumentKind.LINK, "Cybersécurité", None),
    ]  # fmt: skip
    hits = tuple(
        SearchHit(
            DocumentSummary(
                f"doc-{n}", kind, title, "Les bons réflexes face aux courriels piégés.", theme,
                (), date(2026, 11, 19 - n), 6, pages, None, None,
            ),
            f"Un courriel piégé imite votre banque : l’{word} vise vos identifiants.",
            -1.0 - n,
        )
        for n, (title, kind, theme, pages) in enumerate(docs)
    )  # fmt: skip
    page.show_results(SearchResults("hameçonnage", hits, total=len(hits)))


def help_describe(shell: Any) -> None:
    """The help's description page, keyboard up (after "Autre problème" was chosen)."""
    from kiosk.help.domain import HelpReason

    shell.router.go("help")
    screen = shell.router.current
    screen._choose(HelpReason.OTHER)


# How to reach a view that is not a screen of its own (the others: router.go(name)).
OPEN: dict[str, Callable[[Any], None]] = {
    "door_board": door_board,
    "door_search": door_search,
    "documents_search": documents_search,
    "help_describe": help_describe,
}
# Views whose screen loads what it shows on its own worker ("desk"): wait for it.
LOADS: frozenset[str] = frozenset({"door", "door_board", "door_search"})
ROOM_VIEWS = [
    "attract", "home", "admin", "events", "documents", "documents_search", "pin", "door",
    "door_board", "door_search", "hardware", "stats",
]  # fmt: skip

# Views of the store profile (its help desk), checked on a shell of that profile.
STORE_VIEWS = ["help_describe"]


def open_view(shell: Any, name: str) -> None:
    OPEN.get(name, lambda s: s.router.go(name))(shell)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots.layout")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--size", default="1920x1080", help="WxH in logical pixels")
    parser.add_argument("--width-mm", type=float, default=None, help="the panel's width in mm")
    parser.add_argument("--view", action="append", help="only these views (repeatable)")
    args = parser.parse_args(argv)
    width, _, height = args.size.lower().partition("x")
    size = int(width), int(height)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["TZ"] = "Europe/Paris"
    time.tzset()

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.paths import Paths
    from kiosk.ports import FixedClock
    from kiosk.settings import Language, Profile, Settings
    from tools.screenshots.main import sample_events
    from ui.app.shell import build_shell
    from ui.theme import ScreenMetrics

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    args.outdir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="smartcorner-layout-shots-"))
    width_mm = args.width_mm or size[0] / ScreenMetrics.design().px_per_mm

    def settle() -> None:
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()

    wanted = args.view or [*ROOM_VIEWS, *STORE_VIEWS]
    for profile, views in ((Profile.ROOM, ROOM_VIEWS), (Profile.STORE, STORE_VIEWS)):
        names = [name for name in wanted if name in views]
        if not names:
            continue
        settings = Settings(
            paths=Paths(data_dir=tmp / profile.value, config_file=None), reader="none",
            profile=profile,
        )  # fmt: skip
        shell = build_shell(
            settings, app=app, clock=FixedClock(NOW),
            events_loader=lambda now, limit: sample_events(NOW)[:limit],
        )  # fmt: skip
        shell.theme.set_screen(ScreenMetrics(size[0], size[1], size[0] / width_mm))
        shell.window.resize(*size)
        shell.window.transition.duration_ms = 0
        shell.start()
        shell.window.show()
        for lang in Language:
            for accessible in (False, True):
                shell.session.set_language(lang)
                shell.session.set_accessible(accessible)
                for name in names:
                    open_view(shell, name)
                    settle()
                    desk = getattr(shell.router.current, "desk", None)
                    while name in LOADS and getattr(desk, "pending", 0):
                        settle()
                    mode = "accessible" if accessible else "normal"
                    path = args.outdir / f"{name}-{lang.value}-{mode}-{size[0]}x{size[1]}.png"
                    shell.window.grab().save(str(path))
                    print(path)
        shell.close()
        settle()
    return 0


if __name__ == "__main__":
    sys.exit(main())

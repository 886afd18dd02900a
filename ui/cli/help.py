"""``smartcorner help-board``: the help queue's calling display, on a second screen."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.settings import Settings


def register(subparsers: Any) -> None:
    board = subparsers.add_parser(
        "help-board", help="show the help queue's calling display (numbers called, chime)"
    )
    board.add_argument("--windowed", action="store_true", help="a window instead of full screen")
    board.add_argument(
        "--screen", type=int, default=None, help="the screen to use (0, 1...; default: the last)"
    )
    board.set_defaults(handler=run_board)


def run_board(settings: Settings, args: argparse.Namespace) -> int:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.ports import SystemClock
    from ui.data import KioskDatabase
    from ui.help.board import HelpBoard
    from ui.help.client import HelpClient
    from ui.i18n import LanguageSwitcher
    from ui.sounds import Earcons
    from ui.tasks import BackgroundExecutor
    from ui.theme import ThemeController

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    ThemeController(app, parent=app).apply()
    LanguageSwitcher(app, parent=app).apply(settings.lang)
    clock = SystemClock()
    database = KioskDatabase.for_settings(settings)
    executor = BackgroundExecutor(parent=app)
    client = HelpClient(database, executor, clock, settings)
    sounds = Earcons(app)
    board = HelpBoard(lambda done: client.ask(lambda desk: desk.board(), done), clock, sounds)
    screens = app.screens()
    screen = screens[-1 if args.screen is None else min(args.screen, len(screens) - 1)]
    board.setGeometry(screen.geometry())
    if args.windowed:
        board.resize(1920, 1080)
        board.show()
    else:
        app.setOverrideCursor(Qt.CursorShape.BlankCursor)
        board.showFullScreen()
    QTimer.singleShot(0, board.start)
    QTimer.singleShot(2000, sounds.preload)
    rc = app.exec()
    board.stop()
    executor.wait()
    database.close()
    return rc

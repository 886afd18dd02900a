"""The calling display: the latest number big, a chime for each new call or recall only."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from kiosk.help.domain import EstimateBasis, WaitEstimate
from kiosk.help.queue import Board, BoardCall
from kiosk.ports import FixedClock
from ui.help.board import HelpBoard
from ui.sounds import Cue

AT = datetime(2026, 11, 23, 13, 0, tzinfo=UTC)
WAIT = WaitEstimate(12, 3, 1, EstimateBasis.TODAY)


class Chimes:
    def __init__(self) -> None:
        self.played: list[Cue] = []

    def play(self, cue: Cue) -> None:
        self.played.append(cue)


def board(*calls: tuple[int, str, str, int], waiting: int = 2) -> Board:
    return Board(tuple(BoardCall(i, t, d, AT, n) for i, t, d, n in calls), waiting, WAIT)


def test_new_calls_and_recalls_chime_and_take_the_big_panel(qtbot: QtBot) -> None:
    boards = [
        board((1, "M-001", "1", 1)),
        board((1, "M-001", "1", 1)),
        board((2, "P-001", "2", 1), (1, "M-001", "1", 1)),
        board((1, "M-001", "1", 2), (2, "P-001", "2", 1)),
    ]

    def load(done: Callable[[Board], None]) -> None:
        done(boards.pop(0))

    chimes = Chimes()
    view = HelpBoard(load, FixedClock(AT), chimes)
    qtbot.addWidget(view)
    view.refresh()  # what was already called before the display started: no chime
    assert view.now_number.text() == "M-001"
    assert view.now_desk.text() == "→ Guichet 1"
    assert chimes.played == []
    view.refresh()  # nothing new
    assert chimes.played == []
    view.refresh()
    assert view.now_number.text() == "P-001"
    assert [n.text() for n, _ in view.past][:1] == ["M-001"]
    assert chimes.played == [Cue.HELP_CALL]
    view.refresh()  # M-001 called again
    assert view.now_number.text() == "M-001"
    assert chimes.played == [Cue.HELP_CALL] * 2
    assert "2 en attente" in view.footer.text()


def test_before_any_call_the_display_says_so(qtbot: QtBot) -> None:
    view = HelpBoard(lambda done: done(board(waiting=0)), FixedClock(AT), Chimes())
    qtbot.addWidget(view)
    view.refresh()
    assert view.now_number.text() == "—"
    assert view.now_desk.text() == "Aucun appel pour l’instant"
    assert "Personne n’attend" in view.footer.text()

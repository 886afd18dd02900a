"""The calling display of the help queue, for a second screen (or a TV in the hall).

Black and yellow, numbers readable from across the room, no names (only ticket numbers and
desks). It reads the board from the database every two seconds on a worker; a new call, or a
call made again, plays a chime and takes the big panel. Run it with
``smartcorner help-board`` on the kiosk's second screen or on any machine of the site.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ports import Clock
from ui.formatting import clock_time
from ui.sounds import Cue, SoundPlayer
from ui.theme import named

if TYPE_CHECKING:
    from kiosk.help.queue import Board, BoardCall

log = logging.getLogger(__name__)

POLL_MS: Final = 2000
HISTORY: Final = 5

BoardLoader = Callable[[Callable[["Board"], None]], None]  # load(on_done) on a worker


class HelpBoard(QWidget):
    def __init__(
        self,
        load: BoardLoader,
        clock: Clock,
        sounds: SoundPlayer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("helpBoard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._load = load
        self._clock = clock
        self._sounds = sounds
        self._last_seen: tuple[int, int] | None = None
        self._loaded = False
        self._board: Board | None = None

        self.title = named(QLabel(), "helpBoardTitle")
        self.clock = named(QLabel(), "helpBoardClock")
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.clock)

        now_panel = named(QFrame(), "helpBoardNow")
        self.now_caption = named(
            QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "helpBoardNowCaption"
        )
        self.now_number = named(
            QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "helpBoardNowNumber"
        )
        self.now_desk = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "helpBoardNowDesk")
        inner = QVBoxLayout(now_panel)
        inner.setContentsMargins(40, 40, 40, 48)
        inner.addWidget(self.now_caption)
        inner.addStretch(1)
        inner.addWidget(self.now_number)
        inner.addWidget(self.now_desk)
        inner.addStretch(1)

        self.history_title = named(QLabel(), "helpBoardHistoryTitle")
        self.past: list[tuple[QLabel, QLabel]] = []
        grid = QGridLayout()
        grid.setHorizontalSpacing(48)
        grid.setVerticalSpacing(12)
        for row in range(HISTORY - 1):
            number = named(QLabel(), "helpBoardPast")
            desk = named(QLabel(), "helpBoardPastDesk")
            grid.addWidget(number, row, 0)
            grid.addWidget(desk, row, 1)
            self.past.append((number, desk))
        history = QVBoxLayout()
        history.setSpacing(24)
        history.addWidget(self.history_title)
        history.addLayout(grid)
        history.addStretch(1)
        body = QHBoxLayout()
        body.setSpacing(72)
        body.addWidget(now_panel, 3)
        body.addLayout(history, 2)

        self.footer = named(QLabel(), "helpBoardFooter")
        column = QVBoxLayout(self)
        column.setContentsMargins(80, 56, 80, 56)
        column.setSpacing(40)
        column.addLayout(header)
        column.addLayout(body, 1)
        column.addWidget(self.footer)

        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self.refresh)
        self.retranslate()

    def start(self) -> None:
        self.refresh()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def refresh(self) -> None:
        self._load(self.show_board)

    def show_board(self, board: Board) -> None:
        self._board = board
        latest = board.calls[0] if board.calls else None
        seen = (latest.request_id, latest.call_count) if latest else None
        if self._loaded and seen is not None and seen != self._last_seen:
            self._sounds.play(Cue.HELP_CALL)  # a new call, or the same number called again
        self._last_seen = seen
        self._loaded = True
        self._show()

    def _desk(self, call: BoardCall) -> str:
        return self.tr("Guichet {n}").format(n=call.desk) if call.desk else ""

    def _show(self) -> None:
        self.clock.setText(clock_time(self._clock.now()))
        board = self._board
        calls = board.calls if board else ()
        if calls:
            self.now_number.setText(calls[0].ticket)
            self.now_desk.setText("→ " + self._desk(calls[0]))
        else:
            self.now_number.setText("—")
            self.now_desk.setText(self.tr("Aucun appel pour l’instant"))
        for n, (number, desk) in enumerate(self.past, 1):
            call = calls[n] if n < len(calls) else None
            number.setText(call.ticket if call else "")
            desk.setText(self._desk(call) if call else "")
        if board is None:
            self.footer.setText("")
        elif board.waiting == 0:
            self.footer.setText(self.tr("Personne n’attend. Prenez un numéro à la borne."))
        else:
            self.footer.setText(
                self.tr("{n} en attente · un nouveau numéro attendrait environ {m} min").format(
                    n=board.waiting, m=board.next_wait.minutes
                )
            )

    def retranslate(self) -> None:
        self.title.setText(self.tr("Besoin d’aide\u202f? — Appels"))
        self.now_caption.setText(self.tr("Numéro appelé"))
        self.history_title.setText(self.tr("Derniers appels"))
        self._show()

"""Besoin d'aide ?, the technician's desk: the queue, and call / serve / done / no-show.

Reached with the staff PIN or a staff badge. The list refreshes every few seconds on the
worker; each action is one conditional update in the database, so two desks pressing at once
never take the same person (the loser is told and the list refreshes).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Final

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from kiosk.help.domain import TicketState, minutes_between
from kiosk.help.queue import HelpDesk, QueueEntry
from kiosk.ports import Clock
from ui.help.pages import ICONS, reason_title
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel

DESKS: Final = 3
REFRESH_MS: Final = 5000


class QueueRow(QFrame):
    def __init__(
        self, theme: ThemeController, entry: QueueEntry, now: datetime, mine: bool
    ) -> None:
        super().__init__()
        self.setObjectName("helpStaffRow")
        self.entry = entry
        self.setProperty("mine", mine)
        ticket = named(QLabel(entry.ticket), "helpRowTicket")
        ticket.setMinimumWidth(200)
        icon = IconLabel(theme, ICONS[entry.reason], 36, colour="help", stroke=1.75)
        waited = round(minutes_between(entry.created_at, now))
        who = entry.person_name or self.tr("Anonyme")
        text = named(
            QLabel(
                f"{reason_title(entry.reason)} · {who} · "
                + self.tr("arrivé il y a {m} min").format(m=waited)
            ),
            "helpRowText",
        )
        text.setWordWrap(True)
        note = named(QLabel(entry.description or ""), "helpRowMuted")
        note.setWordWrap(True)
        note.setVisible(bool(entry.description))
        state = named(QLabel(), "helpRowState")
        state.setProperty("state", entry.state.value)
        desk = entry.desk or ""
        state.setText(
            {
                TicketState.WAITING: "○ " + self.tr("En attente"),
                TicketState.CALLED: "◆ " + self.tr("Appelé · guichet {desk}").format(desk=desk),
                TicketState.SERVING: "● " + self.tr("En cours · guichet {desk}").format(desk=desk),
            }.get(entry.state, entry.state.value)
        )
        texts = QVBoxLayout()
        texts.setSpacing(4)
        texts.addWidget(text)
        texts.addWidget(note)
        row = QHBoxLayout(self)
        row.setContentsMargins(28, 16, 28, 16)
        row.setSpacing(20)
        row.addWidget(ticket)
        row.addWidget(icon)
        row.addLayout(texts, 1)
        row.addWidget(state)


class StaffPage(QWidget):
    leave = Signal()

    def __init__(
        self,
        theme: ThemeController,
        clock: Clock,
        run: Callable[..., None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        self._clock = clock
        self._run = run  # HelpClient.ask: work(desk) on the worker, on_done(result) here
        self._entries: list[QueueEntry] = []
        self._busy = False

        self.title = named(QLabel(), "helpStaffTitle")
        self.summary = named(QLabel(), "helpRowMuted")
        self.rows = QVBoxLayout()
        self.rows.setSpacing(12)
        holder = named(QWidget(), "helpStaffList")
        holder_column = QVBoxLayout(holder)
        holder_column.setContentsMargins(0, 0, 12, 0)
        holder_column.addLayout(self.rows)
        holder_column.addStretch(1)
        self.scroll_area = named(QScrollArea(), "eventList")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.viewport().setAutoFillBackground(False)
        self.scroll_area.setWidget(holder)
        QScroller.grabGesture(
            self.scroll_area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        self.empty = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "emptyState")
        self.exit = TouchButton(theme, "logout", role="secondary", icon_size=32)
        self.exit.clicked.connect(self.leave)
        heading = QVBoxLayout()
        heading.setSpacing(4)
        heading.addWidget(self.title)
        heading.addWidget(self.summary)
        top = QHBoxLayout()
        top.addLayout(heading, 1)
        top.addWidget(self.exit)
        left = QVBoxLayout()
        left.setSpacing(16)
        left.addLayout(top)
        left.addWidget(self.empty)
        left.addWidget(self.scroll_area, 1)

        self.desk_buttons = QButtonGroup(self)
        desks = QHBoxLayout()
        desks.setSpacing(12)
        for n in range(1, DESKS + 1):
            button = TouchButton(theme, role="segment")
            button.setCheckable(True)
            button.setChecked(n == 1)
            self.desk_buttons.addButton(button, n)
            desks.addWidget(button, 1)
        self.desk_buttons.idClicked.connect(lambda _id: self._show())
        self.current_caption = named(QLabel(), "helpFigureLabel")
        self.current = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "helpCurrent")
        self.current_text = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "helpRowText")
        self.current_text.setWordWrap(True)
        self.call_next = TouchButton(theme, "speakerphone", role="primary", icon_colour="on_accent")
        self.call_next.clicked.connect(self._call_next)
        self.recall = TouchButton(theme, "refresh", role="secondary", icon_size=32)
        self.recall.clicked.connect(lambda: self._act(lambda d, i: d.call(i, self.desk_name())))
        self.serve = TouchButton(theme, "player-play", role="secondary", icon_size=32)
        self.serve.clicked.connect(lambda: self._act(lambda d, i: d.start_serving(i)))
        self.finish = TouchButton(theme, "circle-check", role="secondary", icon_size=32)
        self.finish.clicked.connect(lambda: self._act(lambda d, i: d.finish(i)))
        self.absent = TouchButton(theme, "user-x", role="secondary", icon_size=32)
        self.absent.clicked.connect(lambda: self._act(lambda d, i: d.no_show(i)))
        self.message = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "pinMessage")
        self.message.setWordWrap(True)
        pair = QHBoxLayout()
        pair.setSpacing(12)
        pair.addWidget(self.recall)
        pair.addWidget(self.serve)
        pair2 = QHBoxLayout()
        pair2.setSpacing(12)
        pair2.addWidget(self.finish)
        pair2.addWidget(self.absent)
        panel = named(QFrame(), "helpStaffPanel")
        panel.setFixedWidth(640)
        right = QVBoxLayout(panel)
        right.setContentsMargins(28, 28, 28, 28)
        right.setSpacing(12)
        right.addLayout(desks)
        right.addWidget(self.current_caption)
        right.addWidget(self.current)
        right.addWidget(self.current_text)
        right.addStretch(1)
        right.addWidget(self.call_next)
        right.addLayout(pair)
        right.addLayout(pair2)
        right.addWidget(self.message)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(64, 32, 64, 24)
        outer.setSpacing(40)
        outer.addLayout(left, 1)
        outer.addWidget(panel)
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.retranslate()

    # -- data -------------------------------------------------------------------------------

    def desk_name(self) -> str:
        """What the database and the display get: the desk's number (shown "Guichet 2")."""
        return str(self.desk_buttons.checkedId())

    def mine(self) -> QueueEntry | None:
        """The ticket this desk is calling or serving."""
        desk = self.desk_name()
        for entry in self._entries:
            if entry.desk == desk and entry.state in {TicketState.CALLED, TicketState.SERVING}:
                return entry
        return None

    def start(self) -> None:
        self.message.clear()
        self.refresh()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def refresh(self) -> None:
        self._run(lambda desk: desk.queue(), self.set_entries)

    def set_entries(self, entries: list[QueueEntry]) -> None:
        self._entries = list(entries)
        self._show()

    def _call_next(self) -> None:
        desk = self.desk_name()
        self._busy = True
        self._show()
        self._run(lambda d: d.call_next(desk), self._after_call, self._failed)

    def _after_call(self, entry: QueueEntry | None) -> None:
        self.message.setText("" if entry is not None else self.tr("Personne n’attend."))
        self._after()

    def _act(self, action: Callable[[HelpDesk, int], QueueEntry]) -> None:
        entry = self.mine()
        if entry is None:
            return
        self._busy = True
        self._show()
        self._run(lambda d: action(d, entry.request_id), lambda _e: self._after(), self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(self.tr("Un autre guichet a déjà traité ce ticket."))
        self._after()

    def _after(self) -> None:
        self._busy = False
        self.refresh()

    # -- view -------------------------------------------------------------------------------

    def _show(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        now = self._clock.now()
        mine = self.mine()
        for entry in self._entries:
            self.rows.addWidget(QueueRow(self._theme, entry, now, mine is entry))
        waiting = sum(1 for e in self._entries if e.state is TicketState.WAITING)
        self.summary.setText(self.tr("{n} en attente").format(n=waiting))
        self.empty.setVisible(not self._entries)
        self.scroll_area.setVisible(bool(self._entries))
        self.current.setText(mine.ticket if mine else "—")
        if mine is None:
            self.current_text.setText(self.tr("Aucun ticket à ce guichet"))
        else:
            detail = reason_title(mine.reason)
            if mine.person_name:
                detail += f" · {mine.person_name}"
            self.current_text.setText(detail)
        free = mine is None and not self._busy
        self.call_next.setEnabled(free and waiting > 0)
        called = mine is not None and mine.state is TicketState.CALLED and not self._busy
        self.recall.setEnabled(called)
        self.serve.setEnabled(called)
        self.absent.setEnabled(called)
        self.finish.setEnabled(
            mine is not None and mine.state is TicketState.SERVING and not self._busy
        )

    def retranslate(self) -> None:
        self.title.setText(self.tr("File d’attente du jour"))
        self.empty.setText(self.tr("Personne n’attend pour le moment."))
        for n, button in enumerate(self.desk_buttons.buttons(), 1):
            button.setText(self.tr("Guichet {n}").format(n=n))
        self.current_caption.setText(self.tr("À ce guichet"))
        self.call_next.setText(self.tr("Appeler le suivant"))
        self.recall.setText(self.tr("Rappeler"))
        self.serve.setText(self.tr("Commencer"))
        self.finish.setText(self.tr("Terminé"))
        self.absent.setText(self.tr("Absent"))
        self.exit.setText(self.tr("Quitter l’espace technicien"))
        self._show()

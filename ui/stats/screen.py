"""Statistiques: the quarter's figures for staff, reached from the administration screen.

Five cards give the quarter-over-quarter change (the number, then an arrow icon and a signed
percentage or points: never colour alone); three charts show attendance and visits by month,
attendance by event type and the help desk's mean waiting and service times by reason; tables
the satisfaction after the events by type, the requests and the sign-ups made at the kiosk by
direction (visitors in their own row) and the projects opened most in « Projets numériques ».
The dashboard is computed on the worker thread (``ui.tasks``); the GUI thread only paints.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain import PARIS
from kiosk.ports import Clock
from kiosk.stats.dashboard import Dashboard
from kiosk.stats.figures import NO_DIRECTION_KEY, VISITORS_KEY, Change
from kiosk.stats.periods import Quarter
from ui.formatting import figure, percent
from ui.screens.base import Screen
from ui.stats.change_card import ChangeCard
from ui.stats.figure_table import FigureTable
from ui.stats.quarter_charts import QuarterCharts
from ui.stats.satisfaction import (
    NOT_AVAILABLE,
    SatisfactionCard,
    SatisfactionTable,
    rate_text,
    signed,
)
from ui.tasks import BackgroundExecutor
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel
from ui.widgets.kinetic import kinetic_page

log = logging.getLogger(__name__)

WIDE_LANDSCAPE = 1800  # logical px: five cards in a row
LoadDashboard = Callable[[Quarter], Dashboard]  # runs on the worker thread


class StatsScreen(Screen):
    key = "stats"
    shows_bottom_bar = False

    back_requested = Signal()

    def __init__(
        self,
        theme: ThemeController,
        executor: BackgroundExecutor,
        clock: Clock,
        load: LoadDashboard,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        self._executor = executor
        self._load = load
        self._current = Quarter.containing(clock.now().astimezone(PARIS).date())
        self.quarter = self._current
        self.board: Dashboard | None = None
        self._asked = 0  # the latest request: older answers are dropped
        self._error = False  # the latest request failed

        icon = IconLabel(theme, "chart-bar", 56, colour="accent", stroke=1.75)
        icon.setObjectName("screenIcon")
        icon.setFixedSize(theme.tokens.px(112), theme.tokens.px(112))
        self.title = named(QLabel(), "screenTitle")
        self.subtitle = named(QLabel(), "screenSubtitle")
        self.title.setWordWrap(True)
        self.subtitle.setWordWrap(True)
        heading = QVBoxLayout()
        heading.setSpacing(4)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        self.previous = TouchButton(theme, "chevron-left", role="secondary")
        self.previous.setObjectName("statsPrevious")
        self.previous.clicked.connect(lambda: self.show_quarter(self.quarter.previous()))
        self.quarter_label = named(QLabel(), "statsQuarter")
        self.quarter_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next = TouchButton(theme, "chevron-right", role="secondary")
        self.next.setObjectName("statsNext")
        self.next.clicked.connect(lambda: self.show_quarter(self.quarter.next()))
        top = QHBoxLayout()
        top.setSpacing(24)
        top.addWidget(icon)
        top.addLayout(heading, 1)
        picker = QHBoxLayout()
        picker.setSpacing(24)
        picker.addWidget(self.previous)
        picker.addWidget(self.quarter_label, 1)
        picker.addWidget(self.next)
        # the quarter picker beside the title, or under it in portrait (1080 px: no room for both)
        self._header = header = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        header.setSpacing(24)
        header.addLayout(top, 1)
        header.addLayout(picker)

        self.attendance = ChangeCard(theme)
        self.visits = ChangeCard(theme)
        self.help = ChangeCard(theme)
        self.no_show = ChangeCard(theme)
        self.satisfaction = SatisfactionCard(theme)
        self._cards = cards = QVBoxLayout()  # rows of cards (_fit)
        cards.setSpacing(24)

        self.charts = QuarterCharts(theme)
        self.satisfaction_table = SatisfactionTable(theme, self.charts.kind_name)
        self.requests_table = FigureTable(4)
        self.signups_table = FigureTable(5)
        self.projects_table = FigureTable(2)

        self.back = TouchButton(theme, "arrow-left", role="secondary")
        self.back.setObjectName("statsBack")
        self.back.clicked.connect(self.back_requested)
        self.status = named(QLabel(), "statsStatus")
        self.status.setWordWrap(True)  # four figures: two lines beside « Retour » at 1366 px
        footer = QHBoxLayout()
        footer.addWidget(self.back)
        footer.addSpacing(32)
        footer.addWidget(self.status, 1)

        # the cards and charts scroll between the title and « Retour » when the panel is short
        # (1366x768, and accessible text anywhere): squeezed, the charts laid their numbers
        # over each other and the cards cut their second lines
        body = named(QWidget(), "statsBody")
        content = QVBoxLayout(body)
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(20)
        content.addLayout(cards)
        content.addWidget(self.charts, 1)
        content.addWidget(self.satisfaction_table)
        content.addWidget(self.requests_table)
        content.addWidget(self.signups_table)
        content.addWidget(self.projects_table)
        self.scroll_area = kinetic_page(body, "statsScroll")

        column = QVBoxLayout(self)
        column.setContentsMargins(64, 32, 64, 28)
        column.setSpacing(20)
        column.addLayout(header)
        column.addWidget(self.scroll_area, 1)
        column.addLayout(footer)
        theme.changed.connect(self._paint)
        theme.changed.connect(self._fit)
        self._fit()
        self.retranslate()

    def _cards_in_order(self) -> tuple[ChangeCard, ...]:
        """The events' three figures first, then the spaces' and the help desk's."""
        return (self.attendance, self.no_show, self.satisfaction, self.visits, self.help)

    def _fit(self) -> None:
        metrics = self._theme.metrics
        portrait = metrics.portrait
        # five in a row from 1920 px; three then two below that (a fifth of 1366 px wrapped the
        # cards' titles over three lines); two by two in portrait, the last card the row's
        # width (a quarter of 1080 px wrapped « 3ᵉ trimestre 2026 » over three lines). Rows of
        # boxes, not a grid with spans: a spanning card's wrapped lines were not given the
        # height they need
        counts: tuple[int, ...]
        if portrait:
            counts = (2, 2, 1)
        elif metrics.width >= WIDE_LANDSCAPE:
            counts = (5,)
        else:
            counts = (3, 2)
        cards = list(self._cards_in_order())
        while (item := self._cards.itemAt(0)) is not None and (row := item.layout()) is not None:
            for card in cards:  # deleted at once: a card's next item is the one it reports to
                row.removeWidget(card)
            self._cards.removeItem(row)
            row.deleteLater()
        for count in counts:
            line = QHBoxLayout()
            line.setSpacing(24)
            for card in cards[:count]:
                line.addWidget(card, 1)
            cards = cards[count:]
            self._cards.addLayout(line)
        self.charts.arrange(in_a_row=not portrait)
        self._header.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )

    # -- data -----------------------------------------------------------------------------

    @property
    def computing(self) -> bool:
        """The latest quarter asked is still being computed on the worker."""
        return self.board is None and not self._error

    def shown(self) -> None:
        self.show_quarter(self.quarter)

    def show_quarter(self, quarter: Quarter) -> None:
        """Ask the worker for ``quarter``; the screen says it is computing meanwhile."""
        self.quarter = min(quarter, self._current)
        self._asked += 1
        asked, chosen = self._asked, self.quarter
        self.board = None
        self._error = False
        self._paint()
        self._executor.submit(
            lambda: self._load(chosen),
            lambda board: self._loaded(asked, board),
            lambda exc: self._failed(asked, exc),
        )

    def _loaded(self, asked: int, board: Dashboard) -> None:
        if asked == self._asked:
            self.board = board
            self._paint()

    def _failed(self, asked: int, exc: BaseException) -> None:
        log.error("statistics failed", exc_info=exc)
        if asked == self._asked:
            self._error = True
            self._paint()

    # -- painting -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Statistiques"))
        self.subtitle.setText(self.tr("Par trimestre, heure de Paris"))
        self.back.setText(self.tr("Retour"))
        self.previous.setAccessibleName(self.tr("Trimestre précédent"))
        self.next.setAccessibleName(self.tr("Trimestre suivant"))
        self.attendance.title.setText(self.tr("Participations aux événements"))
        self.no_show.title.setText(self.tr("Taux d’absence des inscrits"))
        self.visits.title.setText(self.tr("Visites des espaces"))
        self.help.title.setText(self.tr("Demandes d’aide"))
        self.satisfaction.retranslate()
        self.satisfaction_table.retranslate()
        direction = self.tr("Direction")
        self.requests_table.set_texts(
            self.tr("Demandes faites à la borne, par direction"),
            (direction, self.tr("Demandes"), self.tr("Acceptées"), self.tr("Refusées")),
            self.tr("Aucune demande ni décision ce trimestre."),
        )
        self.signups_table.set_texts(
            self.tr("Inscriptions aux événements faites à la borne, par direction"),
            (direction, self.tr("Inscriptions"), self.tr("En liste d’attente"),
             self.tr("Annulées"), self.tr("Places libérées données")),
            self.tr("Aucune inscription faite à la borne ce trimestre."),
        )  # fmt: skip
        self.projects_table.set_texts(
            self.tr("Projets numériques les plus consultés"),
            (self.tr("Projet"), self.tr("Consultations")),
            self.tr("Aucun projet consulté ce trimestre."),
        )
        self._paint()

    def _quarter_name(self, quarter: Quarter) -> str:
        if quarter.number == 1:
            return self.tr("1ᵉʳ trimestre %1").replace("%1", str(quarter.year))
        return (self.tr("%1ᵉ trimestre %2").replace("%1", str(quarter.number))).replace(
            "%2", str(quarter.year)
        )

    def _paint(self) -> None:
        self.quarter_label.setText(self._quarter_name(self.quarter))
        self.next.setEnabled(self.quarter < self._current)
        self.status.setProperty("error", self._error)
        self.status.style().polish(self.status)
        board = self.board
        if board is None:
            self.status.setText(
                self.tr("Les statistiques n’ont pas pu être calculées.")
                if self._error
                else self.tr("Calcul en cours…")
            )
            for card in self._cards_in_order():
                card.clear()
            self.charts.clear()
            self.satisfaction_table.clear()
            for table in (self.requests_table, self.signups_table, self.projects_table):
                table.clear()
            return
        prev = self._quarter_name(board.quarter.previous())
        self._change_card(self.attendance, board.attendance, prev)
        self._change_card(self.visits, board.visits, prev)
        self._change_card(self.help, board.help_requests, prev)
        now, before = board.no_show.rate, board.no_show_previous.rate
        points = None if now is None or before is None else (now - before) * 100.0
        self.no_show.show_change(
            rate_text(now),
            points,
            self.tr("%1 pts").replace("%1", signed(points))
            if points is not None
            else NOT_AVAILABLE,
            self.tr("%1 inscrits, %2 absents · %3\u202f: %4")
            .replace("%1", figure(board.no_show.registered))
            .replace("%2", figure(board.no_show.absent))
            .replace("%3", prev)
            .replace("%4", rate_text(before)),
            higher_is_better=False,
        )
        self.status.setText(
            self.tr(
                "%1 événements · %2 venus sans inscription · "
                "%3 documents consultés · %4 recherches sans résultat"
            )
            .replace("%1", figure(board.events))
            .replace("%2", figure(board.no_show.walk_ins))
            .replace("%3", figure(board.document_views.current))
            .replace("%4", figure(board.zero_result_searches.current))
        )
        self.satisfaction.show_satisfaction(board.satisfaction, prev)
        self.satisfaction_table.show_rows(board.satisfaction.by_kind)
        self.charts.show_board(board)  # data only: the bars are painted when shown
        self._show_requests_signups_projects(board, prev)

    def _direction(self, key: str, label: str) -> str:
        """The row's name: a direction as the person table names it, or one of the two rows
        the statistics add (in the screen's language)."""
        if key == VISITORS_KEY:
            return self.tr("Visiteurs extérieurs")
        if key == NO_DIRECTION_KEY:
            return self.tr("Agents sans direction")
        return label

    def _total(self, count: str, change: Change, prev: str) -> str:
        """« 4 demandes (+100 %) · 1ᵉʳ trimestre 2026 : 2 »."""
        return (
            self.tr("%1 (%2) · %3 : %4")
            .replace("%1", count)
            .replace("%2", percent(change.percent))
            .replace("%3", prev)
            .replace("%4", figure(change.previous))
        )

    def _show_requests_signups_projects(self, board: Dashboard, prev: str) -> None:
        requests = board.requests
        self.requests_table.show_lines(
            self._total(
                self.tr("%1 demandes, %2 acceptées, %3 refusées")
                .replace("%1", figure(requests.requests.current))
                .replace("%2", figure(requests.approved.current))
                .replace("%3", figure(requests.declined.current)),
                requests.requests,
                prev,
            ),
            [
                (self._direction(r.key, r.label), figure(r.requests), figure(r.approved),
                 figure(r.declined))
                for r in requests.by_direction
            ],
        )  # fmt: skip
        signups = board.signups
        self.signups_table.show_lines(
            self._total(
                self.tr("%1 inscriptions · places libérées données\u202f: %2")
                .replace("%1", figure(signups.signups.current))
                .replace("%2", figure(signups.promoted.current)),
                signups.signups,
                prev,
            ),
            [
                (self._direction(r.key, r.label), figure(r.signups), figure(r.waiting),
                 figure(r.cancelled), figure(r.promoted))
                for r in signups.by_direction
            ],
        )  # fmt: skip
        self.projects_table.show_lines(
            self._total(
                self.tr("%1 consultations").replace("%1", figure(board.project_views.current)),
                board.project_views,
                prev,
            ),
            [(r.label, figure(r.value)) for r in board.top_projects],
        )

    def _change_card(self, card: ChangeCard, change: Change, prev: str) -> None:
        card.show_change(
            figure(change.current),
            change.percent,
            percent(change.percent),
            self.tr("%1\u202f: %2").replace("%1", prev).replace("%2", figure(change.previous)),
        )

"""Statistiques: the quarter's figures for staff, reached from the administration screen.

Four cards give the quarter-over-quarter change (the number, then an arrow icon and a signed
percentage: never colour alone); three charts show attendance and visits by month,
attendance by event type and the help desk's mean waiting and service times by reason.
The dashboard is computed on the worker thread (``ui.tasks``); the GUI thread only paints.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Final

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain import PARIS, EventKind
from kiosk.help.domain import HelpReason
from kiosk.ports import Clock
from kiosk.stats.dashboard import Dashboard
from kiosk.stats.figures import Change
from kiosk.stats.periods import Quarter
from ui.formatting import figure, percent
from ui.screens.base import Screen
from ui.tasks import BackgroundExecutor
from ui.theme import ThemeController
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel

log = logging.getLogger(__name__)

LoadDashboard = Callable[[Quarter], Dashboard]  # runs on the worker thread
CHART_HEIGHT: Final = 340


class ChangeCard(QFrame):
    """One figure of the quarter, and how it moved since the quarter before."""

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="statsCard")
        self.title = QLabel(objectName="statsCardTitle")
        self.value = QLabel("…", objectName="statsCardValue")
        self.arrow = IconLabel(theme, "equal", 40, colour="text")
        self.change = QLabel(objectName="statsCardChange")
        self.before = QLabel(objectName="statsCardBefore")
        self.before.setWordWrap(True)
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(self.arrow)
        row.addWidget(self.change)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 18, 28, 18)
        column.setSpacing(4)
        column.addWidget(self.title)
        column.addWidget(self.value)
        column.addLayout(row)
        column.addWidget(self.before)

    def show_change(
        self,
        value: str,
        percent: float | None,
        change: str,
        before: str,
        *,
        higher_is_better: bool = True,
    ) -> None:
        """``percent`` picks the arrow (up, down, level also for n/a); the colour says whether
        that is good news, which for a no-show rate is a fall."""
        self.value.setText(value)
        if percent is None or round(percent, 1) == 0:
            self.arrow.set_icon("equal", "text_muted")
            return self._texts(change, before)
        good = (percent > 0) == higher_is_better
        self.arrow.set_icon(
            "trending-up" if percent > 0 else "trending-down", "success" if good else "error"
        )
        self._texts(change, before)

    def _texts(self, change: str, before: str) -> None:
        self.change.setText(change)
        self.before.setText(before)

    def clear(self) -> None:
        self.show_change("…", None, "", "")


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
        icon.setFixedSize(112, 112)
        self.title = QLabel(objectName="screenTitle")
        self.subtitle = QLabel(objectName="screenSubtitle")
        heading = QVBoxLayout()
        heading.setSpacing(4)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        self.previous = TouchButton(theme, "chevron-left", role="secondary")
        self.previous.setObjectName("statsPrevious")
        self.previous.clicked.connect(lambda: self.show_quarter(self.quarter.previous()))
        self.quarter_label = QLabel(objectName="statsQuarter")
        self.quarter_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next = TouchButton(theme, "chevron-right", role="secondary")
        self.next.setObjectName("statsNext")
        self.next.clicked.connect(lambda: self.show_quarter(self.quarter.next()))
        header = QHBoxLayout()
        header.setSpacing(24)
        header.addWidget(icon)
        header.addLayout(heading, 1)
        header.addWidget(self.previous)
        header.addWidget(self.quarter_label)
        header.addWidget(self.next)

        self.attendance = ChangeCard(theme)
        self.visits = ChangeCard(theme)
        self.help = ChangeCard(theme)
        self.no_show = ChangeCard(theme)
        cards = QHBoxLayout()
        cards.setSpacing(24)
        for card in (self.attendance, self.no_show, self.visits, self.help):
            cards.addWidget(card, 1)

        self.by_month = self._chart_view()
        self.by_kind = self._chart_view()
        self.help_times = self._chart_view()
        charts = QGridLayout()
        charts.setSpacing(24)
        for n, view in enumerate((self.by_month, self.by_kind, self.help_times)):
            charts.addWidget(view, 0, n)
            charts.setColumnStretch(n, 5 if view is not self.by_kind else 4)

        self.back = TouchButton(theme, "arrow-left", role="secondary")
        self.back.setObjectName("statsBack")
        self.back.clicked.connect(self.back_requested)
        self.status = QLabel(objectName="statsStatus")
        footer = QHBoxLayout()
        footer.addWidget(self.back)
        footer.addSpacing(32)
        footer.addWidget(self.status, 1)

        column = QVBoxLayout(self)
        column.setContentsMargins(64, 32, 64, 28)
        column.setSpacing(20)
        column.addLayout(header)
        column.addLayout(cards)
        column.addLayout(charts, 1)
        column.addLayout(footer)
        theme.changed.connect(self._paint)
        self.retranslate()

    # -- data -----------------------------------------------------------------------------

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
        self.no_show.title.setText(self.tr("Taux d'absence des inscrits"))
        self.visits.title.setText(self.tr("Visites des espaces"))
        self.help.title.setText(self.tr("Demandes d'aide"))
        self._paint()

    def _quarter_name(self, quarter: Quarter) -> str:
        if quarter.number == 1:
            return self.tr("1er trimestre %1").replace("%1", str(quarter.year))
        return (self.tr("%1e trimestre %2").replace("%1", str(quarter.number))).replace(
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
                self.tr("Les statistiques n'ont pas pu être calculées.")
                if self._error
                else self.tr("Calcul en cours…")
            )
            for card in (self.attendance, self.no_show, self.visits, self.help):
                card.clear()
            for view in (self.by_month, self.by_kind, self.help_times):
                view.setChart(QChart())
            return
        prev = self._quarter_name(board.quarter.previous())
        self._change_card(self.attendance, board.attendance, prev)
        self._change_card(self.visits, board.visits, prev)
        self._change_card(self.help, board.help_requests, prev)
        now, before = board.no_show.rate, board.no_show_previous.rate
        points = None if now is None or before is None else (now - before) * 100.0
        self.no_show.show_change(
            _rate(now),
            points,
            self.tr("%1 pts").replace("%1", _signed(points)) if points is not None else "n/a",
            self.tr("%1 inscrits, %2 absents · %3 : %4")
            .replace("%1", figure(board.no_show.registered))
            .replace("%2", figure(board.no_show.absent))
            .replace("%3", prev)
            .replace("%4", _rate(before)),
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
        # Building the three charts takes the GUI thread for tens of milliseconds: not for a
        # screen nobody sees (an answer arriving after staff left; shown() asks anew).
        if self.isVisible():
            self._paint_charts(board)

    def _change_card(self, card: ChangeCard, change: Change, prev: str) -> None:
        card.show_change(
            figure(change.current),
            change.percent,
            percent(change.percent),
            self.tr("%1 : %2").replace("%1", prev).replace("%2", figure(change.previous)),
        )

    def _chart_view(self) -> QChartView:
        view = QChartView(objectName="statsChart")
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(CHART_HEIGHT)
        return view

    def _chart(self, title: str) -> QChart:
        t = self._theme.tokens
        chart = QChart()
        chart.setTitle(title)
        chart.setTitleFont(self._font(t.font_size, bold=True))
        chart.setTitleBrush(QColor(t.text))
        chart.setBackgroundBrush(QColor(t.surface))
        chart.setBackgroundRoundness(t.radius)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.layout().setContentsMargins(0, 0, 0, 0)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setLocalizeNumbers(True)  # "16,6" in French, "16.6" in English
        chart.setLocale(QLocale(self.tr("fr_FR")))
        chart.legend().setFont(self._font(t.font_size - 4))
        chart.legend().setLabelColor(QColor(t.text))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart

    def _font(self, px: int, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(px)
        font.setBold(bold)
        return font

    def _axis_style(self, axis: QBarCategoryAxis | QValueAxis) -> None:
        t = self._theme.tokens
        axis.setLabelsFont(self._font(t.font_size - 4))
        axis.setLabelsColor(QColor(t.text))
        axis.setGridLineColor(QColor(t.border))
        axis.setLinePenColor(QColor(t.border))

    def _bars(
        self,
        series: QBarSeries | QHorizontalBarSeries,
        sets: list[tuple[str, str, list[float]]],
    ) -> float:
        t = self._theme.tokens
        top = 0.0
        for name, colour, values in sets:
            bar_set = QBarSet(name)
            bar_set.append(values)
            bar_set.setColor(QColor(colour))
            bar_set.setBorderColor(QColor(colour))
            bar_set.setLabelColor(QColor(t.text))
            bar_set.setLabelFont(self._font(t.font_size - 4, bold=True))
            series.append(bar_set)
            top = max([top, *values])
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsPrecision(3)
        return top

    def _paint_charts(self, board: Dashboard) -> None:
        t = self._theme.tokens
        # attendance and visits by month: the quarter's three months, even an empty one
        months = [board.quarter.start.month + i for i in range(3)]
        att = {int(r.key[5:7]): r.value for r in board.attendance_by_month}
        vis = {int(r.key[5:7]): r.value for r in board.visits_by_month}
        series = QBarSeries()
        top = self._bars(
            series,
            [
                (self.tr("Participations"), t.events, [att.get(m, 0.0) for m in months]),
                (self.tr("Visites"), t.accent, [vis.get(m, 0.0) for m in months]),
            ],
        )
        names = [self._month(m) for m in months]
        self.by_month.setChart(
            self._category_chart(self.tr("Par mois"), series, names, top, vertical=True)
        )

        kinds = {r.key: r.value for r in board.attendance_by_kind}
        order = sorted(EventKind, key=lambda k: kinds.get(k, 0.0))
        series_h = QHorizontalBarSeries()
        top = self._bars(
            series_h,
            [(self.tr("Participations"), t.events, [kinds.get(k, 0.0) for k in order])],
        )
        chart = self._category_chart(
            self.tr("Par type d'événement"), series_h, [self._kind(k) for k in order], top
        )
        chart.legend().setVisible(False)
        self.by_kind.setChart(chart)

        reasons = list(reversed(HelpReason))
        by_reason = {h.reason: h for h in board.help_by_reason}
        series_h = QHorizontalBarSeries()
        top = self._bars(
            series_h,
            [
                (
                    self.tr("Attente (min)"),
                    t.help,
                    [round(by_reason[r].wait_minutes or 0.0, 1) for r in reasons],
                ),
                (
                    self.tr("Prise en charge (min)"),
                    t.text_muted,
                    [round(by_reason[r].service_minutes or 0.0, 1) for r in reasons],
                ),
            ],
        )
        self.help_times.setChart(
            self._category_chart(
                self.tr("Besoin d'aide ? : temps moyens"),
                series_h,
                [self._reason(r) for r in reasons],
                top,
            )
        )

    def _category_chart(
        self,
        title: str,
        series: QBarSeries | QHorizontalBarSeries,
        categories: list[str],
        top: float,
        *,
        vertical: bool = False,
    ) -> QChart:
        chart = self._chart(title)
        chart.addSeries(series)
        axis = QBarCategoryAxis()
        axis.append(categories)
        values = QValueAxis()
        values.setRange(0, max(1.0, top * 1.3))  # room for the labels past the bars' ends
        values.setLabelsVisible(False)  # each bar carries its number: no scale to read across
        self._axis_style(axis)
        self._axis_style(values)
        chart.addAxis(
            axis, Qt.AlignmentFlag.AlignBottom if vertical else Qt.AlignmentFlag.AlignLeft
        )
        chart.addAxis(
            values, Qt.AlignmentFlag.AlignLeft if vertical else Qt.AlignmentFlag.AlignBottom
        )
        series.attachAxis(axis)
        series.attachAxis(values)
        return chart

    def _month(self, month: int) -> str:
        return (
            self.tr("Janv."), self.tr("Févr."), self.tr("Mars"), self.tr("Avr."),
            self.tr("Mai"), self.tr("Juin"), self.tr("Juil."), self.tr("Août"),
            self.tr("Sept."), self.tr("Oct."), self.tr("Nov."), self.tr("Déc."),
        )[month - 1]  # fmt: skip

    def _kind(self, kind: EventKind) -> str:
        return {
            EventKind.MASTERCLASS: self.tr("Masterclass"),
            EventKind.TABLE_RONDE: self.tr("Table ronde"),
            EventKind.ATELIER_TECHNOLOGIQUE: self.tr("Atelier techno."),
            EventKind.CAFE_NUMERIQUE: self.tr("Café numérique"),
            EventKind.FORMATION: self.tr("Formation"),
        }[kind]

    def _reason(self, reason: HelpReason) -> str:
        return {
            HelpReason.HARDWARE: self.tr("Matériel"),
            HelpReason.MAIL: self.tr("Messagerie"),
            HelpReason.ACCOUNT: self.tr("Compte"),
            HelpReason.SOFTWARE: self.tr("Logiciel"),
            HelpReason.OTHER: self.tr("Autre"),
        }[reason]


def _rate(rate: float | None) -> str:
    return "n/a" if rate is None else percent(rate * 100.0, signed=False)


def _signed(points: float | None) -> str:
    if points is None:
        return "n/a"
    text = figure(points, 1)
    return text if text.startswith("\u2212") or round(points, 1) == 0 else "+" + text

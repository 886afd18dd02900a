"""The statistics screen's three bar charts: attendance and visits by month, attendance by event
type, the help desk's mean waiting and service times by reason.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.domain import EventKind
from kiosk.help.domain import HelpReason
from kiosk.stats.dashboard import Dashboard
from ui.formatting import figure
from ui.stats.bar_chart import BarChart, BarChartData, BarSeries
from ui.theme import ThemeController


class QuarterCharts(QWidget):
    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.by_month = self._chart_view()
        self.by_kind = self._chart_view()
        self.help_times = self._chart_view()
        self._grid = grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(24)
        self.arrange(in_a_row=True)

    def arrange(self, *, in_a_row: bool) -> None:
        """Three charts side by side, or one under the other (portrait: a third of 1080 px cut
        the titles and laid the bars over their labels; the screen scrolls instead)."""
        grid = self._grid
        views = (self.by_month, self.by_kind, self.help_times)
        for view in views:
            grid.removeWidget(view)
        for n in range(3):
            grid.setColumnStretch(n, 0)
        for n, view in enumerate(views):
            if in_a_row:
                grid.addWidget(view, 0, n)
                grid.setColumnStretch(n, 5 if view is not self.by_kind else 4)
            else:
                grid.addWidget(view, n, 0)
        if not in_a_row:
            grid.setColumnStretch(0, 1)

    def clear(self) -> None:
        for view in (self.by_month, self.by_kind, self.help_times):
            view.set_data(None)

    def _chart_view(self) -> BarChart:
        return BarChart(self._theme, self.value_text)

    def value_text(self, value: float) -> str:
        """A bar's number: "16,6" in French, "16.6" in English, no decimals when whole."""
        return figure(value, 0 if float(value).is_integer() else 1)

    def show_board(self, board: Dashboard) -> None:
        t = self._theme.tokens
        # attendance and visits by month: the quarter's three months, even an empty one
        months = [board.quarter.start.month + i for i in range(3)]
        att = {int(r.key[5:7]): r.value for r in board.attendance_by_month}
        vis = {int(r.key[5:7]): r.value for r in board.visits_by_month}
        self.by_month.set_data(
            BarChartData(
                self.tr("Par mois"),
                tuple(self._month(m) for m in months),
                (
                    BarSeries(self.tr("Participations"), t.events,
                              tuple(att.get(m, 0.0) for m in months)),
                    BarSeries(self.tr("Visites"), t.accent, tuple(vis.get(m, 0.0) for m in months)),
                ),
            )
        )  # fmt: skip
        kinds = {r.key: r.value for r in board.attendance_by_kind}
        order = sorted(EventKind, key=lambda k: -kinds.get(k, 0.0))  # the biggest on top
        self.by_kind.set_data(
            BarChartData(
                self.tr("Par type d’événement"),
                tuple(self.kind_name(k) for k in order),
                (BarSeries(self.tr("Participations"), t.events,
                           tuple(kinds.get(k, 0.0) for k in order)),),
                horizontal=True,
                legend=False,
            )
        )  # fmt: skip
        reasons = list(HelpReason)
        by_reason = {h.reason: h for h in board.help_by_reason}
        self.help_times.set_data(
            BarChartData(
                self.tr("Besoin d’aide\u202f?\u202f: temps moyens"),
                tuple(self._reason(r) for r in reasons),
                (
                    BarSeries(self.tr("Attente (min)"), t.help,
                              tuple(round(by_reason[r].wait_minutes or 0.0, 1) for r in reasons)),
                    BarSeries(self.tr("Prise en charge (min)"), t.text_muted,
                              tuple(round(by_reason[r].service_minutes or 0.0, 1)
                                    for r in reasons)),
                ),
                horizontal=True,
            )
        )  # fmt: skip

    def _month(self, month: int) -> str:
        return (
            self.tr("Janv."), self.tr("Févr."), self.tr("Mars"), self.tr("Avr."),
            self.tr("Mai"), self.tr("Juin"), self.tr("Juil."), self.tr("Août"),
            self.tr("Sept."), self.tr("Oct."), self.tr("Nov."), self.tr("Déc."),
        )[month - 1]  # fmt: skip

    def kind_name(self, kind: EventKind) -> str:
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

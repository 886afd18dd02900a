"""« Comment était … ? » on the statistics screen: the quarter's card, and a table by event type.

The score is a mean of faces, 1 to 4, so its change since the previous quarter is said in
points of that scale (« +0,3 »), not in percent. By type, three figures a row (score, answers,
response rate) read better as a table than as bars of three different scales.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain import EventKind
from kiosk.stats.satisfaction import FeedbackFigures, Satisfaction
from ui.formatting import figure, percent
from ui.stats.change_card import ChangeCard
from ui.stats.figure_table import align, fill_rows
from ui.theme import ThemeController, named

NOT_AVAILABLE = "n\u2060/\u2060a"  # word joiners: a wrapped line never ends in « n/ »


def score_text(score: float | None) -> str:
    """« 3,4 / 4 » (a narrow no-break space each side of the slash: never split)."""
    return NOT_AVAILABLE if score is None else f"{figure(score, 1)}\u202f/\u202f4"


def rate_text(rate: float | None) -> str:
    return NOT_AVAILABLE if rate is None else percent(rate * 100.0, signed=False)


class SatisfactionCard(ChangeCard):
    """The quarter's mean score, its change in points, the answers and the response rate."""

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Satisfaction après les événements"))

    def show_satisfaction(self, sat: Satisfaction, previous_quarter: str) -> None:
        now, before = sat.total.score, sat.previous.score
        points = None if now is None or before is None else now - before
        self.show_change(
            score_text(now),
            points,
            signed(points),
            self.tr("%1 réponses, taux de réponse %2 · %3\u202f: %4")
            .replace("%1", figure(sat.total.answers))
            .replace("%2", rate_text(sat.total.response_rate))
            .replace("%3", previous_quarter)
            .replace("%4", score_text(before)),
        )


class SatisfactionTable(QFrame):
    """Per event type with answers: its score, answers and response rate; a line when none."""

    def __init__(
        self,
        theme: ThemeController,
        kind_name: Callable[[EventKind], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statsTable")
        self._kind_name = kind_name
        self._rows: list[FeedbackFigures] | None = None
        self.title = named(QLabel(), "statsTableTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)  # as the charts' titles
        self.title.setWordWrap(True)
        self.empty = named(QLabel(), "statsTableEmpty")
        self.empty.setWordWrap(True)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(32)
        self._grid.setVerticalSpacing(8)
        self._grid.setColumnStretch(0, 3)
        for column in (1, 2, 3):
            self._grid.setColumnStretch(column, 2)
        self.headers = [named(QLabel(), "statsTableHeader") for _ in range(4)]
        for column, header in enumerate(self.headers):
            header.setWordWrap(True)
            header.setAlignment(align(column))
            self._grid.addWidget(header, 0, column)
        self.cells: list[list[QLabel]] = []  # one list of four labels per type shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 18)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addLayout(self._grid)
        layout.addWidget(self.empty)
        self.retranslate()
        self.clear()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Satisfaction par type d’événement"))
        self.empty.setText(
            self.tr("Aucune réponse à «\u202fComment était…\u202f?\u202f» ce trimestre.")
        )
        for header, text in zip(
            self.headers,
            (self.tr("Type"), self.tr("Note"), self.tr("Réponses"), self.tr("Taux de réponse")),
            strict=True,
        ):
            header.setText(text)
        if self._rows is not None:
            self.show_rows(self._rows)

    def clear(self) -> None:
        self._rows = None
        self._fill([])
        self.empty.hide()

    def show_rows(self, rows: list[FeedbackFigures]) -> None:
        self._rows = rows
        self._fill(
            [
                (
                    self._kind_name(EventKind(row.key)),
                    score_text(row.score),
                    figure(row.answers),
                    rate_text(row.response_rate),
                )
                for row in rows
            ]
        )
        self.empty.setVisible(not rows)

    def _fill(self, lines: list[tuple[str, str, str, str]]) -> None:
        fill_rows(self._grid, self.cells, self.headers, lines)


def signed(points: float | None) -> str:
    """« +0,3 », « −1,2 », « 0 »: a change in points, one decimal."""
    if points is None:
        return NOT_AVAILABLE
    text = figure(points, 1)
    return text if text.startswith("\u2212") or round(points, 1) == 0 else "+" + text

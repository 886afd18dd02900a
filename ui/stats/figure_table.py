"""A titled table of the quarter's figures on the statistics screen: a name column (a direction,
a project) then columns of counts, with one line saying the quarter's totals and their change.

Several figures a row (requests, approved, declined...) read better as a table than as bars:
the screen shows the breakdowns by direction and the projects opened most this way. The texts
(title, headers, empty line) come from the screen, in its language.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ui.theme import named


class FigureTable(QFrame):
    """``columns`` columns: the first a name (wrapped), the others figures aligned right."""

    def __init__(self, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsTable")
        self._columns = columns
        self.title = named(QLabel(), "statsTableTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)  # as the charts' titles
        self.title.setWordWrap(True)
        self.note = named(QLabel(), "statsTableNote")
        self.note.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.note.setWordWrap(True)
        self.empty = named(QLabel(), "statsTableEmpty")
        self.empty.setWordWrap(True)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(24)
        self._grid.setVerticalSpacing(8)
        self._grid.setColumnStretch(0, 3)
        for column in range(1, columns):
            self._grid.setColumnStretch(column, 2)
        self.headers = [named(QLabel(), "statsTableHeader") for _ in range(columns)]
        for column, header in enumerate(self.headers):
            header.setWordWrap(True)
            header.setAlignment(align(column))
            self._grid.addWidget(header, 0, column)
        self.cells: list[list[QLabel]] = []  # one list of labels per line shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 18)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addLayout(self._grid)
        layout.addWidget(self.empty)
        self.clear()

    def set_texts(self, title: str, headers: Sequence[str], empty: str) -> None:
        self.title.setText(title)
        for header, text in zip(self.headers, headers, strict=True):
            header.setText(text)
        self.empty.setText(empty)

    def clear(self) -> None:
        self.note.clear()
        self.note.hide()
        self._fill([])
        self.empty.hide()

    def show_lines(self, note: str, lines: Sequence[Sequence[str]]) -> None:
        """``note`` under the title (the totals), then one row of cells per line."""
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self._fill(lines)
        self.empty.setVisible(not lines)

    def texts(self) -> list[list[str]]:
        """What the rows say, for a reader (and the tests)."""
        return [[cell.text() for cell in cells] for cells in self.cells]

    def _fill(self, lines: Sequence[Sequence[str]]) -> None:
        fill_rows(self._grid, self.cells, self.headers, lines)


def fill_rows(
    grid: QGridLayout,
    cells: list[list[QLabel]],
    headers: Sequence[QLabel],
    lines: Sequence[Sequence[str]],
) -> None:
    """A table's lines below its header row (row 0): ``cells`` grows or shrinks to ``lines``,
    one label a column, the name wrapped on the left, the figures on the right; the headers
    are shown only over lines (the statistics screen's tables share it)."""
    while len(cells) > len(lines):
        for cell in cells.pop():
            grid.removeWidget(cell)
            cell.deleteLater()
    while len(cells) < len(lines):
        row = len(cells) + 1
        labels = [named(QLabel(), "statsTableCell") for _ in headers]
        for column, cell in enumerate(labels):
            cell.setWordWrap(column == 0)
            cell.setAlignment(align(column))
            grid.addWidget(cell, row, column)
        cells.append(labels)
    for labels, texts in zip(cells, lines, strict=True):
        for cell, text in zip(labels, texts, strict=True):
            cell.setText(text)
    for header in headers:
        header.setVisible(bool(lines))


def align(column: int) -> Qt.AlignmentFlag:
    """The name on the left, the figures on the right (units under units)."""
    side = Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight
    return side | Qt.AlignmentFlag.AlignVCenter

"""A grouped bar chart painted with QPainter: the statistics screen's three charts.

Qt Charts is deprecated since Qt 6.10 and its successor, Qt Graphs, draws through Qt Quick; three
bar charts are little enough to paint ourselves, with the theme's tokens, labels at least
:data:`MIN_LABEL_PX` high and each bar's value written on the bar itself (no scale to read
across, at two metres). Painting only: the numbers come in as :class:`BarChartData`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.theme import ThemeController

MIN_LABEL_PX: Final = 24  # category names, values and the legend read from two metres
PADDING: Final = 24.0
BAR_GAP: Final = 6.0  # between the bars of one category
LEGEND_SWATCH: Final = 24.0
CHART_HEIGHT: Final = 340  # the least a chart is given, even when its bars would fit in less


@dataclass(frozen=True)
class BarSeries:
    name: str
    colour: str  # "#RRGGBB"
    values: tuple[float, ...]  # one per category


@dataclass(frozen=True)
class BarChartData:
    title: str
    categories: tuple[str, ...]
    series: tuple[BarSeries, ...]
    horizontal: bool = False  # categories down the left side, bars growing to the right
    legend: bool = True

    @property
    def top(self) -> float:
        return max((v for s in self.series for v in s.values), default=0.0)


@dataclass(frozen=True)
class PaintedBar:
    """Where one bar and its value went (the tests check that each value sits on its bar)."""

    series: int
    category: int
    bar: QRectF
    label: QRectF
    text: str
    inside: bool  # written on the bar (else just past its end: the bar is too short)


class BarChart(QWidget):
    """One titled card with grouped bars; ``set_data(None)`` leaves it empty (computing)."""

    def __init__(
        self,
        theme: ThemeController,
        format_value: Callable[[float], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statsChart")
        self._theme = theme
        self._format = format_value
        self.data: BarChartData | None = None
        self.painted: list[PaintedBar] = []
        self.legend: list[QRectF] = []  # where each series' name went (for the tests)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        theme.changed.connect(self.update)
        theme.changed.connect(self.updateGeometry)  # the text's size sets the minimum height

    def set_data(self, data: BarChartData | None) -> None:
        self.data = data
        self.updateGeometry()  # its minimum height follows the categories
        self.setAccessibleName(data.title if data else "")
        self.setAccessibleDescription(self._describe(data) if data else "")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(560, max(CHART_HEIGHT, self.minimumSizeHint().height()))

    def minimumSizeHint(self) -> QSize:
        """Tall enough that no two values overlap: in a horizontal chart each bar is at least
        its value's line high (five help reasons of two bars laid ten « 0 » over each other
        in 340 px once the text grew for accessible mode)."""
        return QSize(240, max(CHART_HEIGHT, self.needed_height()))

    def needed_height(self) -> int:
        data = self.data
        if data is None:
            return 0
        t = self._theme.tokens
        label_px = max(MIN_LABEL_PX, t.font_size)
        line = QFontMetricsF(self._font(label_px, bold=True)).height()
        height = PADDING + QFontMetricsF(self._font(t.font_size, bold=True)).height() + PADDING / 2
        if data.legend and len(data.series) > 1:  # two lines when one is too wide: say two
            height += QFontMetricsF(self._font(label_px)).height() * 2 + PADDING / 2
        groups = max(1, len(data.series))
        if data.horizontal:  # 80 % of a category's slot holds its bars, BAR_GAP apart: each
            # bar and its gap at least a value's line high (see _paint_horizontal's bar_h)
            height += len(data.categories) * (groups * (line + 2) - BAR_GAP) / 0.8
        else:  # the names under the baseline, a value above a short bar, some bar
            height += 4 * line + 16
        return int(height) + 2

    # -- painting -------------------------------------------------------------------------
    def _font(self, px: int, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(px)
        font.setBold(bold)
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        t = self._theme.tokens
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setPen(QPen(QColor(t.border), 2))
        painter.setBrush(QColor(t.surface))
        painter.drawRoundedRect(card, t.radius, t.radius)
        self.painted = []
        self.legend = []
        if self.data is None:
            return
        label_px = max(MIN_LABEL_PX, t.font_size)
        area = card.adjusted(PADDING, PADDING / 2, -PADDING, -PADDING / 2)
        title_font = self._font(t.font_size, bold=True)
        painter.setFont(title_font)
        painter.setPen(QColor(t.text))
        title_h = QFontMetricsF(title_font).height()
        painter.drawText(
            QRectF(area.left(), area.top(), area.width(), title_h),
            Qt.AlignmentFlag.AlignCenter,
            self.data.title,
        )
        area.setTop(area.top() + title_h + PADDING / 2)
        if self.data.legend and len(self.data.series) > 1:
            area.setBottom(self._paint_legend(painter, area, label_px) - PADDING / 2)
        if self.data.horizontal:
            self._paint_horizontal(painter, area, label_px)
        else:
            self._paint_vertical(painter, area, label_px)

    def _paint_legend(self, painter: QPainter, area: QRectF, px: int) -> float:
        """The series' names in a centred row at the bottom; returns the row's top."""
        assert self.data is not None
        font = self._font(px)
        metrics = QFontMetricsF(font)
        items = [(s, metrics.horizontalAdvance(s.name)) for s in self.data.series]
        width = sum(LEGEND_SWATCH + 10 + w for _, w in items) + PADDING * (len(items) - 1)
        # one row when it fits the card, else one series a line (« Prise en charge (min) »
        # ran past a 1366 px card's edge in accessible type)
        rows = [items] if width <= area.width() else [[item] for item in items]
        line = metrics.height()
        top = area.bottom() - line * len(rows)
        painter.setFont(font)
        for n, row in enumerate(rows):
            row_width = sum(LEGEND_SWATCH + 10 + w for _, w in row) + PADDING * (len(row) - 1)
            x = max(area.left(), area.center().x() - row_width / 2)
            y = top + n * line
            for series, w in row:
                swatch = QRectF(x, y + (line - LEGEND_SWATCH) / 2, LEGEND_SWATCH, LEGEND_SWATCH)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(series.colour))
                painter.drawRoundedRect(swatch, 4, 4)
                painter.setPen(QColor(self._theme.tokens.text))
                text = QRectF(swatch.right() + 10, y, w + 2, line)
                painter.drawText(text, Qt.AlignmentFlag.AlignVCenter, series.name)
                self.legend.append(text)
                x = text.right() + PADDING
        return top

    def _paint_vertical(self, painter: QPainter, area: QRectF, px: int) -> None:
        assert self.data is not None
        font = self._font(px)
        metrics = QFontMetricsF(font)
        names_h = metrics.height() + 8
        plot = QRectF(area.left(), area.top(), area.width(), area.height() - names_h)
        self._baseline(painter, plot.left(), plot.bottom(), plot.right(), plot.bottom())
        slot = plot.width() / max(1, len(self.data.categories))
        groups = len(self.data.series)
        bar_w = min(120.0, (slot * 0.7 - BAR_GAP * (groups - 1)) / max(1, groups))
        room = plot.height() - metrics.height() - 8  # a short bar's value above it
        top = self.data.top or 1.0
        for c, name in enumerate(self.data.categories):
            left = plot.left() + slot * c + (slot - (bar_w * groups + BAR_GAP * (groups - 1))) / 2
            for s, series in enumerate(self.data.series):
                h = room * series.values[c] / top
                bar = QRectF(left + s * (bar_w + BAR_GAP), plot.bottom() - h, bar_w, h)
                self._bar(painter, bar, series, s, c, px, vertical=True)
            painter.setFont(font)
            painter.setPen(QColor(self._theme.tokens.text))
            painter.drawText(
                QRectF(plot.left() + slot * c, plot.bottom() + 8, slot, metrics.height()),
                Qt.AlignmentFlag.AlignCenter,
                name,
            )

    def _paint_horizontal(self, painter: QPainter, area: QRectF, px: int) -> None:
        assert self.data is not None
        font = self._font(px)
        metrics = QFontMetricsF(font)
        names_w = max((metrics.horizontalAdvance(n) for n in self.data.categories), default=0)
        plot = QRectF(area.left() + names_w + 16, area.top(), 0, area.height())
        plot.setRight(area.right())
        self._baseline(painter, plot.left(), plot.top(), plot.left(), plot.bottom())
        slot = plot.height() / max(1, len(self.data.categories))
        groups = len(self.data.series)
        bar_h = min(64.0, (slot * 0.8 - BAR_GAP * (groups - 1)) / max(1, groups))
        values_w = max(
            (metrics.horizontalAdvance(self._format(v)) for s in self.data.series
             for v in s.values),
            default=0.0,
        )  # fmt: skip
        room = plot.width() - values_w - 12  # a short bar's value past its end
        top = self.data.top or 1.0
        for c, name in enumerate(self.data.categories):
            y = plot.top() + slot * c + (slot - (bar_h * groups + BAR_GAP * (groups - 1))) / 2
            for s, series in enumerate(self.data.series):
                bar = QRectF(plot.left(), y + s * (bar_h + BAR_GAP),
                             room * series.values[c] / top, bar_h)  # fmt: skip
                self._bar(painter, bar, series, s, c, px, vertical=False)
            painter.setFont(font)
            painter.setPen(QColor(self._theme.tokens.text))
            painter.drawText(
                QRectF(area.left(), plot.top() + slot * c, names_w, slot),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )

    def _baseline(self, painter: QPainter, x1: float, y1: float, x2: float, y2: float) -> None:
        painter.setPen(QPen(QColor(self._theme.tokens.border), 2))
        painter.drawLine(int(x1), int(y1), int(x2), int(y2))

    def _bar(
        self,
        painter: QPainter,
        bar: QRectF,
        series: BarSeries,
        s: int,
        c: int,
        px: int,
        *,
        vertical: bool,
    ) -> None:
        """The bar and its value: on the bar's end in the accent's text colour when it fits,
        else just past the end in the text colour."""
        t = self._theme.tokens
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(series.colour))
        painter.drawRoundedRect(bar, 6, 6)
        text = self._format(series.values[c])
        font = self._font(px, bold=True)
        metrics = QFontMetricsF(font)
        w, h = metrics.horizontalAdvance(text) + 12, metrics.height()
        if vertical:
            inside = bar.height() >= h + 8 and bar.width() >= w
            label = QRectF(bar.center().x() - w / 2, bar.top() + 4 if inside else bar.top() - h - 4,
                           w, h)  # fmt: skip
        else:
            inside = bar.width() >= w + 8 and bar.height() >= h * 0.8
            label = QRectF(bar.right() - w - 4 if inside else bar.right() + 6,
                           bar.center().y() - h / 2, w, h)  # fmt: skip
        painter.setFont(font)
        painter.setPen(QColor(t.on_accent if inside else t.text))
        painter.drawText(label, Qt.AlignmentFlag.AlignCenter, text)
        self.painted.append(PaintedBar(s, c, bar, label, text, inside))

    def _describe(self, data: BarChartData) -> str:
        """What a screen reader says: every value, by category and series."""
        return "; ".join(
            f"{name}: " + ", ".join(f"{s.name} {self._format(s.values[c])}" for s in data.series)
            for c, name in enumerate(data.categories)
        )

"""One way to draw an upcoming event as a card, shared by the attract screen and the agenda list.

Painted rather than built from labels: the agenda list draws hundreds of rows through one
delegate, and the attract screen must paint fast at start.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen

from kiosk.domain import UpcomingEvent
from ui import resources
from ui.formatting import (
    KIND_ICONS,
    in_english,
    kind_label,
    month_short,
    same_day,
    seats_label,
    time_range,
    weekday_short,
)
from ui.theme import ThemeTokens


def _font(tokens: ThemeTokens, px: int, weight: QFont.Weight) -> QFont:
    font = QFont(tokens.font_family)
    font.setPixelSize(px)
    font.setWeight(weight)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def _tint(colour: str, alpha: float) -> QColor:
    c = QColor(colour)
    c.setAlphaF(alpha)
    return c


@dataclass(frozen=True)
class _Metrics:
    pad: int
    date_w: int
    gap: int
    chip_h: int
    title_h: int
    meta_h: int
    line_gap: int

    @property
    def height(self) -> int:
        return 2 * self.pad + self.chip_h + self.title_h + self.meta_h + 2 * self.line_gap


class EventCardPainter:
    """Draws a card: date block, kind and "open to visitors" chips, title, time, place, seats."""

    def __init__(self, tokens: ThemeTokens, device_ratio: float = 1.0) -> None:
        self.tokens = tokens
        self._ratio = device_ratio
        base = tokens.font_size
        self.m = _Metrics(
            pad=26,
            date_w=round(base * 4.6),
            gap=28,
            chip_h=round(base * 1.6),
            title_h=round(base * 1.75),
            meta_h=round(base * 1.4),
            line_gap=12,
        )
        self.f_chip = _font(tokens, base, QFont.Weight.DemiBold)
        self.f_title = _font(tokens, round(base * 1.35), QFont.Weight.DemiBold)
        self.f_meta = _font(tokens, base, QFont.Weight.Normal)
        self.f_meta_bold = _font(tokens, base, QFont.Weight.DemiBold)
        self.f_day = _font(tokens, round(base * 2.2), QFont.Weight.Bold)
        self.f_small = _font(tokens, base, QFont.Weight.Medium)

    @property
    def height(self) -> int:
        return self.m.height

    def _icon(self, p: QPainter, name: str, colour: str, x: int, cy: int, size: int) -> int:
        pix = resources.pixmap(name, colour, size, self._ratio)
        p.drawPixmap(x, cy - size // 2, pix)
        return x + size

    def _chip(
        self, p: QPainter, x: int, y: int, icon: str, text: str, colour: str, right: int
    ) -> int:
        """A rounded label (text elided before ``right``); returns where the next one may start."""
        t, m = self.tokens, self.m
        fm = QFontMetrics(self.f_chip)
        icon_px = round(t.font_size * 1.05)
        room = right - x - (16 + icon_px + 10 + 18)
        if room < fm.horizontalAdvance("Mmmm…"):
            return x
        text = fm.elidedText(text, Qt.TextElideMode.ElideRight, room)
        w = 16 + icon_px + 10 + fm.horizontalAdvance(text) + 18
        rect = QRectF(x, y, w, m.chip_h)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(_tint(colour, 0.22 if t.dark else 0.11))
        p.drawRoundedRect(rect, m.chip_h / 2, m.chip_h / 2)
        self._icon(p, icon, colour, x + 16, y + m.chip_h // 2, icon_px)
        p.setFont(self.f_chip)
        p.setPen(QColor(colour))
        text_rect = QRect(x + 16 + icon_px + 10, y, w, m.chip_h)
        p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        return x + w + 12

    def paint(
        self,
        p: QPainter,
        rect: QRect,
        event: UpcomingEvent,
        now: datetime,
        *,
        pressed: bool = False,
    ) -> None:
        t, m = self.tokens, self.m
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        card = QRectF(rect).adjusted(1, 1, -1, -1)
        path = QPainterPath()
        path.addRoundedRect(card, t.radius, t.radius)
        p.fillPath(path, QColor(t.surface_muted if pressed else t.surface))
        p.setPen(QPen(QColor(t.border), 2 if t.dark else 1))
        p.drawPath(path)

        # Date block: filled with the events colour when the event is today.
        today = same_day(event.starts_at, now)
        block = QRectF(rect.x() + m.pad, rect.y() + m.pad, m.date_w, rect.height() - 2 * m.pad)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(t.events) if today else _tint(t.events, 0.22 if t.dark else 0.10))
        p.drawRoundedRect(block, t.radius_small, t.radius_small)
        ink = QColor(t.surface if today else t.events)
        if today and t.dark:
            ink = QColor("#000000")
        p.setPen(ink)
        day_h = QFontMetrics(self.f_day).height()
        small_h = QFontMetrics(self.f_small).height()
        top = block.y() + (block.height() - day_h - 2 * small_h) / 2
        p.setFont(self.f_small)
        weekday = weekday_short(event.starts_at).rstrip(".").upper()
        if today:
            weekday = QCoreApplication.translate("EventCard", "Auj.").upper()
        line = QRectF(block.x(), top, block.width(), small_h)
        p.drawText(line, Qt.AlignmentFlag.AlignCenter, weekday)
        p.setFont(self.f_day)
        local = event.starts_at.astimezone()
        p.drawText(
            line.translated(0, small_h).adjusted(0, 0, 0, day_h - small_h),
            Qt.AlignmentFlag.AlignCenter,
            str(local.day),
        )
        p.setFont(self.f_small)
        p.drawText(
            line.translated(0, small_h + day_h),
            Qt.AlignmentFlag.AlignCenter,
            month_short(event.starts_at).rstrip("."),
        )

        # Text column.
        x0 = rect.x() + m.pad + m.date_w + m.gap
        right = rect.right() - m.pad
        y = rect.y() + m.pad
        x = self._chip(p, x0, y, KIND_ICONS[event.kind], kind_label(event.kind), t.events, right)
        if event.open_to_external:
            label = QCoreApplication.translate("EventCard", "Ouvert aux visiteurs extérieurs")
            self._chip(p, x, y, "world", label, t.success, right)
        y += m.chip_h + m.line_gap
        p.setFont(self.f_title)
        p.setPen(QColor(t.text))
        title = QFontMetrics(self.f_title).elidedText(
            event.title_in(in_english()), Qt.TextElideMode.ElideRight, right - x0
        )
        p.drawText(QRect(x0, y, right - x0, m.title_h), Qt.AlignmentFlag.AlignVCenter, title)

        y += m.title_h + m.line_gap
        icon_px = round(t.font_size * 1.1)
        cy = y + m.meta_h // 2
        fm = QFontMetrics(self.f_meta)
        # Seats left, right-aligned on the last line; the place is elided before them if need be.
        seats = seats_label(event)
        seats_x = right
        if seats is not None:
            full = event.seats_left is not None and event.seats_left <= 0
            colour = t.error if full else t.text_muted
            bold = QFontMetrics(self.f_meta_bold)
            seats_x = right - bold.horizontalAdvance(seats)
            p.setFont(self.f_meta_bold)
            p.setPen(QColor(colour))
            p.drawText(
                QRect(seats_x, y, right - seats_x + 2, m.meta_h),
                Qt.AlignmentFlag.AlignVCenter,
                seats,
            )
            seats_x = self._icon(p, "users", colour, seats_x - icon_px - 10, cy, icon_px) - icon_px
            seats_x -= 24
        p.setFont(self.f_meta)
        p.setPen(QColor(t.text_muted))
        x = self._icon(p, "clock", t.text_muted, x0, cy, icon_px) + 10
        when = time_range(event.starts_at, event.ends_at)
        p.drawText(
            QRect(x, y, fm.horizontalAdvance(when) + 2, m.meta_h),
            Qt.AlignmentFlag.AlignVCenter,
            when,
        )
        x += fm.horizontalAdvance(when) + 28
        if seats_x - x > icon_px + 60:
            x = self._icon(p, "map-pin", t.text_muted, x, cy, icon_px) + 10
            place = fm.elidedText(event.place, Qt.TextElideMode.ElideRight, seats_x - x)
            p.setPen(QColor(t.text_muted))
            p.drawText(QRect(x, y, seats_x - x, m.meta_h), Qt.AlignmentFlag.AlignVCenter, place)
        p.restore()

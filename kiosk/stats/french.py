"""French wording of the statistics for the steering committee's report and exports:
numbers with French grouping and decimal comma, percentages, periods, event kinds and spaces.

Kept free of the database models, so that ui/ can format its figures the same way.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from kiosk.domain import EventKind, Space
from kiosk.stats.figures import Change
from kiosk.stats.periods import Grain, Quarter
from kiosk.text import MINUS, NBSP, format_number, format_percent

__all__ = ["MINUS", "NBSP", "format_number", "format_percent"]  # also read from here


KIND_LABELS: Final = {
    EventKind.MASTERCLASS: "Masterclass",
    EventKind.TABLE_RONDE: "Table ronde",
    EventKind.ATELIER_TECHNOLOGIQUE: "Atelier technologique",
    EventKind.CAFE_NUMERIQUE: "Café numérique",
    EventKind.FORMATION: "Formation",
}
SPACE_LABELS: Final = {
    Space.SMART_ROOM: "Smart Room",
    Space.SMART_LAB: "Smart Lab",
    Space.SMART_CLASS: "Smart Class",
    Space.SMART_STORE: "Smart Store",
    Space.REMOTE_SITE: "Smart Tour (sites distants)",
}


MONTHS_FR: Final = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def period_label(key: str, grain: Grain) -> str:
    if grain is Grain.MONTH:
        year, month = key.split("-")
        return f"{MONTHS_FR[int(month) - 1]} {year}"
    if grain is Grain.QUARTER:
        return Quarter.parse(key).label_fr
    day = date.fromisoformat(key)
    if grain is Grain.WEEK:
        return f"semaine du {day.day:02d}/{day.month:02d}/{day.year}"
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def format_change(change: Change, quarter: Quarter) -> str:
    """``+123 % au 2e trimestre`` (``n/a`` when the quarter before counted nothing)."""
    return f"{format_percent(change.percent)} au {quarter.ordinal_fr} trimestre"


def format_minutes(minutes: float | None) -> str:
    if minutes is None:
        return "-"
    return f"{format_number(minutes, 1)}{NBSP}min"


def format_rate(rate: float | None) -> str:
    return "n/a" if rate is None else format_percent(rate * 100.0, signed=False)


def format_hours(hours: float | None) -> str:
    return "-" if hours is None else f"{format_number(hours, 1)}{NBSP}h"

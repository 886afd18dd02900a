"""What the statistics return: figures with their quarter-over-quarter change, and rows of
a breakdown in the order a chart and a table read best."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

NO_DIRECTION: Final = "Sans direction (visiteurs)"


@dataclass(frozen=True)
class Change:
    """Quarter-over-quarter change; ``percent`` is None when the previous quarter had none."""

    current: float
    previous: float

    @property
    def percent(self) -> float | None:
        if self.previous == 0:
            return None
        return (self.current - self.previous) / self.previous * 100.0


@dataclass(frozen=True)
class Row:
    key: str  # a bucket ("2026-07", "2026-07-06") or a code (event kind, site code...)
    label: str  # what a person reads
    value: float


def sorted_rows(rows: Any) -> list[Row]:
    """Biggest first, then by label: the order a chart and a table read best (then by key,
    so that two sites of the same name keep one order whatever the database returned)."""
    return sorted(rows, key=lambda r: (-r.value, r.label, r.key))


def named_rows(counts: dict[int, int], names: dict[int, tuple[str, str]]) -> list[Row]:
    """Counts per id as rows named from a lookup table, merged by (code, name) as a GROUP BY
    on those columns would (an id missing from the table is left out, as by an inner join)."""
    merged: dict[tuple[str, str], int] = {}
    for i, n in counts.items():
        if i in names:
            merged[names[i]] = merged.get(names[i], 0) + n
    return sorted_rows(
        Row(code or "-", name or NO_DIRECTION, float(n)) for (code, name), n in merged.items()
    )


VISITORS: Final = "Visiteurs extérieurs"
VISITORS_KEY: Final = "visiteurs"
NO_DIRECTION_KEY: Final = "-"
AGENT_WITHOUT_DIRECTION: Final = "Agents sans direction"


def who(kind: str, code: str | None, name: str | None) -> tuple[str, str]:
    """The (key, label) of a person's row in a breakdown by direction: their direction, or
    the external visitors' own row, or agents whose record names no direction."""
    if kind == "visitor":
        return VISITORS_KEY, VISITORS
    if code is None:
        return NO_DIRECTION_KEY, AGENT_WITHOUT_DIRECTION
    return code, name or code

"""What every programme import shares: the row of an event, the report, and the checks of a
cell (kind, space, time, capacity...) that give a plain reason when a row is refused."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Final

from kiosk.domain import PARIS, EventKind, Space
from kiosk.exchange.csv_files import parse_moment
from kiosk.text import fold_words

KIND_NAMES: Final = {
    fold_words(name): kind
    for kind, names in {
        EventKind.MASTERCLASS: ("masterclass", "master class"),
        EventKind.TABLE_RONDE: ("table ronde", "table_ronde", "round table"),
        EventKind.ATELIER_TECHNOLOGIQUE: (
            "atelier technologique", "atelier_technologique", "atelier", "workshop"
        ),
        EventKind.CAFE_NUMERIQUE: ("cafe numerique", "cafe_numerique", "café numérique"),
        EventKind.FORMATION: ("formation", "training", "smart class formation"),
    }.items()
    for name in names
}  # fmt: skip
SPACE_NAMES: Final = {
    fold_words(name): space
    for space in Space
    for name in (space.value, space.value.replace("_", " "))
}
UID_MAX: Final = 255  # event_source.uid
TRUE_WORDS: Final = {"1", "true", "yes", "oui", "vrai", "x"}
FALSE_WORDS: Final = {"", "0", "false", "no", "non", "faux"}


class RowRejected(ValueError):
    """A row's reason for being left out."""


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass(frozen=True)
class Skipped:
    """An event or one occurrence the agenda cancelled (``STATUS:CANCELLED``): left out."""

    line: int
    uid: str


@dataclass(frozen=True)
class SeriesNote:
    """What one recurring event gave, for the import report."""

    line: int
    uid: str
    title: str
    occurrences: int  # in the window, cancelled ones not counted
    earlier: int  # before the window: not imported
    more_after: bool  # the series goes on after the window's end
    until: datetime

    def __str__(self) -> str:
        text = f"series {self.title!r} ({self.uid}): {self.occurrences} occurrence(s)"
        if self.earlier:
            text += f", {self.earlier} past one(s) not imported"
        if self.more_after:
            last_day = (self.until - timedelta(microseconds=1)).astimezone(PARIS)
            text += f"; later ones (after {last_day:%d/%m/%Y}) are left for a later import"
        return text


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # rows deliberately left out (cancelled iCalendar events)
    errors: list[RowError] = field(default_factory=list)
    series: list[SeriesNote] = field(default_factory=list)  # what each recurring event gave
    notes: list[str] = field(default_factory=list)  # what staff should know, not errors

    def __str__(self) -> str:
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.skipped} skipped, {len(self.errors)} rejected"
        )


@dataclass(frozen=True)
class EventRow:
    line: int
    uid: str
    title: str
    kind: EventKind
    space: Space | None
    site_code: str | None
    location: str  # free text (iCalendar LOCATION), used to find a site when no code is given
    starts_at: datetime
    ends_at: datetime
    capacity: int | None
    open_to_external: bool
    description: str
    opens_before: int | None
    closes_after: int | None
    title_en: str = ""  # optional English columns; empty: the French is shown in English too
    description_en: str = ""


@dataclass(frozen=True)
class KindRules:
    """How an event's type is told: the built-in names, then the settings' words (a
    category or a word of the title such as « Webinaire »), then the import's default."""

    words: Mapping[str, EventKind] = field(default_factory=dict)
    default: EventKind | None = None

    def named(self, value: str) -> EventKind:
        """The kind a cell or ``X-SMARTCORNER-KIND`` names; refused when it names none."""
        folded = fold_words(value)
        kind = KIND_NAMES.get(folded) or KIND_NAMES.get(folded.replace(" ", "_"))
        kind = kind or self._table().get(folded)
        if kind is None:
            if not folded and self.default is not None:
                return self.default
            raise RowRejected(f"unknown event kind {value!r}")
        return kind

    def from_words(self, *texts: str) -> EventKind | None:
        """The kind the words of these texts name (categories, then title), longest name
        first (« atelier technologique » before « atelier »), else the default."""
        table = {**self._table(), **KIND_NAMES}
        names = sorted(table, key=len, reverse=True)
        for text in texts:
            folded = fold_words(text)
            for name in names:
                if name and re.search(rf"\b{re.escape(name)}\b", folded):
                    return table[name]
        return self.default

    def _table(self) -> dict[str, EventKind]:
        return {fold_words(word): kind for word, kind in self.words.items()}


def parse_space(value: str) -> Space:
    space = SPACE_NAMES.get(fold_words(value))
    if space is None:
        raise RowRejected(f"unknown space {value!r}")
    return space


def parse_when(value: str, *, same_day_as: datetime | None = None) -> datetime:
    """An aware UTC time from ISO 8601 or ``dd/mm/yyyy hh:mm[:ss]`` (Paris when no offset);
    ``hh:mm`` alone is on the day of ``same_day_as``."""
    text = value.strip()
    if not text:
        raise RowRejected("missing date and time")
    if same_day_as is not None and re.fullmatch(r"\d{1,2}[:h]\d{2}", text):
        hours, minutes = (int(p) for p in re.split(r"[:h]", text))
        day = same_day_as.astimezone(PARIS).date()
        return paris_time(day, hours, minutes)
    try:
        return parse_moment(text)
    except ValueError:
        raise RowRejected(f"not a date and time: {value!r}") from None


def end_of_day(value: str) -> datetime:
    """The end (midnight after) of a day given as ``dd/mm/yyyy`` or ``yyyy-mm-dd``, Paris."""
    start = parse_when(value.strip())
    try:
        day = start.astimezone(PARIS).date() + timedelta(days=1)
        return datetime.combine(day, time(0), PARIS).astimezone(UTC)
    except OverflowError:
        raise RowRejected(f"{value!r} is past the end of the calendar") from None


def paris_time(day: date, hours: int, minutes: int) -> datetime:
    try:
        return datetime.combine(day, time(hours, minutes), PARIS).astimezone(UTC)
    except ValueError:
        raise RowRejected(f"not a time: {hours}:{minutes:02d}") from None


def is_number(value: str) -> bool:
    """ASCII digits only: ``str.isdigit`` also says yes to "²", which ``int`` refuses."""
    return value.isascii() and value.isdigit()


def checked_uid(value: str) -> str:
    if len(value) > UID_MAX:
        raise RowRejected(f"uid longer than {UID_MAX} characters")
    return value


def capacity(value: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not is_number(value) or int(value) <= 0:
        raise RowRejected(f"capacity must be a positive whole number, not {value!r}")
    return int(value)


def minutes(value: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not is_number(value) or int(value) > 24 * 60:
        raise RowRejected(f"minutes must be a whole number from 0 to 1440, not {value!r}")
    return int(value)


def flag(value: str) -> bool:
    folded = fold_words(value)
    if folded in TRUE_WORDS:
        return True
    if folded in FALSE_WORDS:
        return False
    raise RowRejected(f"expected oui or non, not {value!r}")


def required(row: Mapping[str, str], key: str) -> str:
    value = " ".join(row.get(key, "").split())
    if not value:
        raise RowRejected(f"{key} is empty")
    return value

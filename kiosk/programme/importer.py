"""Importing the programme (iCalendar or CSV) and the registrations (CSV).

Every file is read whole and checked row by row before anything is written: a bad row is
reported with its line number and the reason, the good rows go in, and they go in within one
transaction (the caller's), so a failure half-way leaves nothing half-written. Re-importing the
same file changes nothing: events are matched by their external id (iCalendar ``UID`` or the
CSV ``uid`` column, kept in ``event_source``), registrations by (event, person).

**Events CSV** (UTF-8, ``,`` or ``;``, header row): ``uid``, ``title``, ``kind``,
``starts_at``, ``ends_at`` are required; optional ``space``, ``site`` (site code), ``capacity``,
``open_to_external`` (oui/non, yes/no, 1/0), ``description``, ``checkin_opens_minutes_before``,
``checkin_closes_minutes_after``. Times are ISO 8601 (``2026-06-04T14:00``) or French
(``04/06/2026 14:00``); without an offset they are Paris time. ``kind`` and ``space`` take the
codes (``cafe_numerique``, ``smart_lab``) or the French names (``Café numérique``, ``Smart Lab``).

**iCalendar** (``.ics``): each ``VEVENT`` with ``UID``, ``SUMMARY``, ``DTSTART`` and ``DTEND``
(or ``DURATION``), times in UTC, with ``TZID`` or floating (Paris); a ``TZID`` that names no
zone (Outlook's "Customized Time Zone") is the IANA zone its ``VTIMEZONE`` block describes.
The kind comes from ``X-SMARTCORNER-KIND``, else ``CATEGORIES``, else words of the summary;
the space from ``X-SMARTCORNER-SPACE``, else ``LOCATION``; also ``X-SMARTCORNER-CAPACITY``,
``X-SMARTCORNER-SITE``, ``X-SMARTCORNER-EXTERNAL``. ``STATUS:CANCELLED`` events are skipped.

**Recurring events** (``RRULE``, ``RDATE``, ``EXDATE``; what is expanded and what is refused is
in ``kiosk.programme.recurrence``) give one event per occurrence starting between yesterday and the
import's horizon (twelve months ahead unless told otherwise); the report says how many each
series gave and whether later ones are left for a later import. An occurrence's external id is
the series ``UID``, ``#`` and its *original* start on the series' wall clock:
``UID#20261203T140000`` for a Paris (or other ``TZID``) series, ``UID#20261203T130000Z`` for a
series written in UTC, ``UID#20261203`` for an all-day one. So re-importing changes nothing; a
``VEVENT`` with the same ``UID`` and a ``RECURRENCE-ID`` (an occurrence the organiser moved or
renamed; its missing properties come from the series) updates that one event, and with
``STATUS:CANCELLED`` leaves it out; a registrations CSV names an occurrence by that id. When
the whole series moves to another hour every id changes: an occurrence imported earlier for the
same series and day, which no row of the file names, takes the new id (same event, same
registrations). Occurrences imported earlier that the agenda now cancels or no longer holds are
kept (registrations and check-ins hang on them) and named in the report's notes.

**Registrations CSV**: ``event`` (an imported uid, or an event id) and either ``matricule`` or
``email`` for an agent, or ``first_name``, ``last_name`` and ``organisation`` (and optionally
``email``) for an external visitor; optional ``status`` (confirmed, waiting_list, cancelled).
"""

from __future__ import annotations

import csv
import io
import re
from calendar import monthrange
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.engine import SQLITE_BEGIN_OPTION
from kiosk.db.models import Event, Person, Registration, Site
from kiosk.domain import PARIS, EventKind, PersonKind, RegistrationStatus, Space
from kiosk.people import find_or_create_visitor
from kiosk.programme.recurrence import Expansion, RuleRefused, expand, parse_rrule
from kiosk.programme.tables import EventSource
from kiosk.programme.zones import Observance, zone_like
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
LOOKUP_CHUNK: Final = 500  # external ids per IN (...) query
TRUE_WORDS: Final = {"1", "true", "yes", "oui", "vrai", "x"}
FALSE_WORDS: Final = {"", "0", "false", "no", "non", "faux"}


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


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


def read_import_file(data: bytes) -> str:
    """The text of an import file: UTF-8 (with or without BOM), else Windows-1252 — what a
    French Excel writes with "CSV (séparateur: point-virgule)"."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


class RowRejected(ValueError):
    """A row's reason for being left out."""


# --- events --------------------------------------------------------------------------------


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


def import_events(
    session: Session,
    text: str,
    *,
    filename: str,
    now: datetime,
    default_site: str | None = None,
    until: datetime | None = None,
) -> ImportReport:
    """Import a programme file (``.ics`` or ``.csv``, told by ``filename``); flushes only.

    Series are expanded from yesterday to ``until`` (default: twelve months after ``now``).
    """
    report = ImportReport()
    window = ImportWindow.around(now, until)
    if filename.lower().endswith((".ics", ".ical")):
        content = read_ics(text, window=window)
        parsed: Iterable[IcsItem] = content.items
        report.series = content.series
    else:
        parsed = _events_csv(text)
    rows: list[EventRow] = []
    cancelled: list[Skipped] = []
    seen: dict[str, int] = {}
    for item in parsed:
        if isinstance(item, Skipped):
            report.skipped += 1
            cancelled.append(item)
        elif isinstance(item, RowError):
            report.errors.append(item)
        elif item.uid in seen:
            report.errors.append(
                RowError(item.line, f"uid {item.uid!r} already on line {seen[item.uid]}")
            )
        else:
            seen[item.uid] = item.line
            rows.append(item)
    sites = {s.code.upper(): s for s in session.scalars(select(Site))}
    home = _home_site(sites, default_site)
    known = _imported(session, [row.uid for row in rows])
    same_day = _imported_by_day(session, {note.uid for note in report.series})
    claimed = set(seen) | {c.uid for c in cancelled}
    moved_series: dict[str, int] = {}  # series whose time changed: occurrences re-keyed
    created: list[tuple[str, Event]] = []
    for row in rows:
        try:
            values = _event_values(row, sites, home)
        except RowRejected as exc:
            report.errors.append(RowError(row.line, str(exc)))
            continue
        found = known.get(row.uid)
        rekeyed = False
        if found is None:
            series, _, stamp = row.uid.rpartition("#")
            candidates = same_day.get((series, stamp[:8]), [])
            found = next((c for c in candidates if c[0].uid not in claimed), None)
            if found is not None:
                rekeyed = True
                claimed.add(found[0].uid)
                moved_series[series] = moved_series.get(series, 0) + 1
                found[0].uid = row.uid
        if found is None:
            event = Event(**values, created_at=now)
            session.add(event)
            created.append((row.uid, event))
            continue
        source, existing = found
        changed = {k: v for k, v in values.items() if getattr(existing, k) != v}
        if changed or rekeyed:
            for key, value in changed.items():
                setattr(existing, key, value)
            source.imported_at = now
            report.updated += 1
        else:
            report.unchanged += 1
    session.flush()  # the new events' ids, in one batch
    session.add_all(EventSource(uid=uid, event_id=e.id, imported_at=now) for uid, e in created)
    session.flush()
    report.created = len(created)
    session.flush()
    for note in report.series:
        if note.uid in moved_series:
            report.notes.append(
                f"line {note.line}: the series {note.uid} changed its time: "
                f"{moved_series[note.uid]} event(s) moved with their registrations"
            )
    report.notes.extend(_left_behind(session, report.series, cancelled, seen, window))
    report.errors = _merge_repeats(report.errors)
    return report


def _imported(session: Session, uids: list[str]) -> dict[str, tuple[EventSource, Event]]:
    """The events imported earlier under these external ids, in a few queries."""
    found: dict[str, tuple[EventSource, Event]] = {}
    for start in range(0, len(uids), LOOKUP_CHUNK):
        chunk = uids[start : start + LOOKUP_CHUNK]
        for source, event in session.execute(
            select(EventSource, Event)
            .join(Event, Event.id == EventSource.event_id)
            .where(EventSource.uid.in_(chunk))
        ):
            found[source.uid] = (source, event)
    return found


def _imported_by_day(
    session: Session, series_uids: set[str]
) -> dict[tuple[str, str], list[tuple[EventSource, Event]]]:
    """The occurrences imported earlier of these series, by (series, day of the original
    start). When the organiser moves a whole series to another hour, each occurrence's id
    changes: the one imported for the same series and day, named by no row of the file, is
    the one that moved."""
    by_day: dict[tuple[str, str], list[tuple[EventSource, Event]]] = {}
    for series in sorted(series_uids):
        for source, event in session.execute(
            select(EventSource, Event)
            .join(Event, Event.id == EventSource.event_id)
            .where(EventSource.uid.startswith(f"{series}#", autoescape=True))
            .order_by(EventSource.uid)
        ):
            stamp = source.uid[len(series) + 1 :]
            if re.fullmatch(r"\d{8}T\d{6}Z?", stamp):
                by_day.setdefault((series, stamp[:8]), []).append((source, event))
    return by_day


def _left_behind(
    session: Session,
    series: list[SeriesNote],
    cancelled: list[Skipped],
    seen: dict[str, int],
    window: ImportWindow,
) -> Iterator[str]:
    """Events imported earlier that the agenda now cancels or no longer holds. They are kept
    (registrations and check-ins hang on them) and named, for staff to decide."""
    for skipped in cancelled:
        sources = session.execute(
            select(EventSource.uid, EventSource.event_id)
            .join(Event, Event.id == EventSource.event_id)
            .where(
                (EventSource.uid == skipped.uid)
                | (  # a whole series cancelled: its occurrences still to come
                    EventSource.uid.startswith(f"{skipped.uid}#", autoescape=True)
                    & (Event.starts_at >= window.since)
                )
            )
            .order_by(Event.starts_at)
        ).all()
        for uid, event_id in sources:
            yield (
                f"line {skipped.line}: {uid} is cancelled in the agenda but was imported "
                f"earlier (event {event_id}): kept, delete it by hand if need be"
            )
    gone = {s.uid for s in cancelled}
    for note in series:
        stale = session.execute(
            select(EventSource.uid, EventSource.event_id)
            .join(Event, Event.id == EventSource.event_id)
            .where(
                EventSource.uid.startswith(f"{note.uid}#", autoescape=True),
                Event.starts_at >= window.since,
                Event.starts_at <= window.until,
            )
            .order_by(Event.starts_at)
        ).all()
        for uid, event_id in stale:
            if uid not in seen and uid not in gone:
                yield (
                    f"line {note.line}: {uid} is no longer in the series (event {event_id}): "
                    "kept, delete it by hand if it no longer takes place"
                )


def _merge_repeats(errors: list[RowError]) -> list[RowError]:
    """One error per line and reason: a series whose every occurrence is refused for the
    same reason is one error, with the number of occurrences."""
    counts: dict[tuple[int, str], int] = {}
    for error in errors:
        counts[error.line, error.reason] = counts.get((error.line, error.reason), 0) + 1
    return [
        RowError(line, reason if n == 1 else f"{reason} ({n} occurrences)")
        for (line, reason), n in sorted(counts.items(), key=lambda item: item[0][0])
    ]


def _home_site(sites: dict[str, Site], default_site: str | None) -> Site | None:
    if default_site:
        return sites.get(default_site.upper())
    corners = [s for s in sites.values() if s.is_smart_corner]
    return corners[0] if len(corners) == 1 else None


def _event_values(row: EventRow, sites: dict[str, Site], home: Site | None) -> dict[str, Any]:
    site: Site | None = None
    if row.site_code:
        site = sites.get(row.site_code.upper())
        if site is None:
            raise RowRejected(f"unknown site code {row.site_code!r}")
    space = row.space
    if site is None and space is None and row.location:
        folded = fold_words(row.location)
        space = next((sp for name, sp in SPACE_NAMES.items() if name and name in folded), None)
        if space is None:
            site = next(
                (
                    s
                    for s in sites.values()
                    if fold_words(s.town) in folded or fold_words(s.name) in folded
                ),
                None,
            )
    if space is None:
        if site is None or site is home:
            raise RowRejected("no space (Smart Room, Smart Lab...) and no remote site given")
        space = Space.REMOTE_SITE
    if site is None:
        if space is Space.REMOTE_SITE:
            raise RowRejected("a remote-site event needs a site code")
        if home is None:
            raise RowRejected("no site given and no single Smart Corner site to default to")
        site = home
    if row.ends_at <= row.starts_at:
        raise RowRejected("ends before it starts")
    values: dict[str, Any] = {
        "kind": row.kind,
        "title": row.title[:200],
        "description": row.description,
        "space": space,
        "site_id": site.id,
        "starts_at": row.starts_at,
        "ends_at": row.ends_at,
        "capacity": row.capacity,
        "open_to_external": row.open_to_external,
    }
    if row.opens_before is not None:
        values["checkin_opens_minutes_before"] = row.opens_before
    if row.closes_after is not None:
        values["checkin_closes_minutes_after"] = row.closes_after
    return values


def _events_csv(text: str) -> Iterator[EventRow | RowError]:
    for line, row in _csv_rows(text, required=("uid", "title", "kind", "starts_at", "ends_at")):
        if isinstance(row, RowError):
            yield row
            continue
        try:
            starts = parse_when(row["starts_at"])
            yield EventRow(
                line=line,
                uid=_uid(_required(row, "uid")),
                title=_required(row, "title"),
                kind=parse_kind(row["kind"]),
                space=parse_space(row["space"]) if row.get("space") else None,
                site_code=row.get("site") or None,
                location="",
                starts_at=starts,
                ends_at=parse_when(row["ends_at"], same_day_as=starts),
                capacity=_capacity(row.get("capacity", "")),
                open_to_external=_flag(row.get("open_to_external", "")),
                description=row.get("description", ""),
                opens_before=_minutes(row.get("checkin_opens_minutes_before", "")),
                closes_after=_minutes(row.get("checkin_closes_minutes_after", "")),
            )
        except RowRejected as exc:
            yield RowError(line, str(exc))


def parse_kind(value: str) -> EventKind:
    folded = fold_words(value)
    kind = KIND_NAMES.get(folded) or KIND_NAMES.get(folded.replace(" ", "_"))
    if kind is None:
        raise RowRejected(f"unknown event kind {value!r}")
    return kind


def parse_space(value: str) -> Space:
    space = SPACE_NAMES.get(fold_words(value))
    if space is None:
        raise RowRejected(f"unknown space {value!r}")
    return space


def _kind_from_words(*texts: str) -> EventKind | None:
    for text in texts:
        folded = fold_words(text)
        for name in sorted(KIND_NAMES, key=len, reverse=True):  # "atelier technologique" first
            if re.search(rf"\b{re.escape(name)}\b", folded):
                return KIND_NAMES[name]
    return None


_FRENCH_WHEN = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T](\d{1,2})[:h](\d{2}))?$")


def parse_when(value: str, *, same_day_as: datetime | None = None) -> datetime:
    """An aware UTC time from ISO 8601 or ``dd/mm/yyyy hh:mm`` (Paris when no offset);
    ``hh:mm`` alone is on the day of ``same_day_as``."""
    text = value.strip()
    if not text:
        raise RowRejected("missing date and time")
    if same_day_as is not None and re.fullmatch(r"\d{1,2}[:h]\d{2}", text):
        hours, minutes = (int(p) for p in re.split(r"[:h]", text))
        day = same_day_as.astimezone(PARIS).date()
        return _paris(day, hours, minutes)
    french = _FRENCH_WHEN.match(text)
    try:
        if french:
            d, m, y, hh, mm = french.groups()
            return _paris(date(int(y), int(m), int(d)), int(hh or 0), int(mm or 0))
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise RowRejected(f"not a date and time: {value!r}") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=PARIS)
    return parsed.astimezone(UTC)


def end_of_day(value: str) -> datetime:
    """The end (midnight after) of a day given as ``dd/mm/yyyy`` or ``yyyy-mm-dd``, Paris."""
    start = parse_when(value.strip())
    try:
        day = start.astimezone(PARIS).date() + timedelta(days=1)
        return datetime.combine(day, time(0), PARIS).astimezone(UTC)
    except OverflowError:
        raise RowRejected(f"{value!r} is past the end of the calendar") from None


def _paris(day: date, hours: int, minutes: int) -> datetime:
    try:
        return datetime.combine(day, time(hours, minutes), PARIS).astimezone(UTC)
    except ValueError:
        raise RowRejected(f"not a time: {hours}:{minutes:02d}") from None


def _is_number(value: str) -> bool:
    """ASCII digits only: ``str.isdigit`` also says yes to "²", which ``int`` refuses."""
    return value.isascii() and value.isdigit()


def _uid(value: str) -> str:
    if len(value) > UID_MAX:
        raise RowRejected(f"uid longer than {UID_MAX} characters")
    return value


def _capacity(value: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not _is_number(value) or int(value) <= 0:
        raise RowRejected(f"capacity must be a positive whole number, not {value!r}")
    return int(value)


def _minutes(value: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not _is_number(value) or int(value) > 24 * 60:
        raise RowRejected(f"minutes must be a whole number from 0 to 1440, not {value!r}")
    return int(value)


def _flag(value: str) -> bool:
    folded = fold_words(value)
    if folded in TRUE_WORDS:
        return True
    if folded in FALSE_WORDS:
        return False
    raise RowRejected(f"expected oui or non, not {value!r}")


def _required(row: dict[str, str], key: str) -> str:
    value = " ".join(row.get(key, "").split())
    if not value:
        raise RowRejected(f"{key} is empty")
    return value


def _csv_rows(
    text: str, *, required: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, str] | RowError]]:
    """(line number, row) with lower-case, stripped keys; the header is line 1."""
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        yield 1, RowError(1, "empty file")
        return
    except csv.Error as exc:
        yield 1, RowError(1, f"unreadable header: {exc}")
        return
    missing = [k for k in required if k not in header]
    if missing:
        yield 1, RowError(1, f"missing column(s): {', '.join(missing)}")
        return
    end_of_previous = reader.line_num
    try:
        for cells in reader:
            line, end_of_previous = end_of_previous + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                yield line, RowError(line, f"{len(cells)} cells for {len(header)} columns")
                continue
            yield line, {k: v.strip() for k, v in zip(header, cells, strict=True)}
    except csv.Error as exc:  # an unclosed quote runs to the end of the file
        line = end_of_previous + 1
        yield line, RowError(line, f"unreadable CSV from here on: {exc}")


# --- iCalendar -----------------------------------------------------------------------------

type IcsProp = tuple[int, str, dict[str, str], str]  # first line, NAME, params, raw value
type IcsProps = dict[str, tuple[dict[str, str], str]]  # the first of each property
type IcsItem = EventRow | RowError | Skipped

HORIZON_MONTHS: Final = 12
SERIES_ONLY: Final = ("RRULE", "RDATE", "EXDATE", "EXRULE", "DTSTART", "DTEND", "DURATION")


@dataclass(frozen=True)
class Skipped:
    """An event or one occurrence the agenda cancelled (``STATUS:CANCELLED``): left out."""

    line: int
    uid: str


@dataclass(frozen=True)
class ImportWindow:
    """A series' occurrences starting between ``since`` and ``until`` are imported."""

    since: datetime
    until: datetime

    @classmethod
    def around(cls, now: datetime, until: datetime | None = None) -> ImportWindow:
        """From yesterday (an evening session still being checked in) to ``until``, by
        default twelve months ahead."""
        return cls(now - timedelta(days=1), until or _months_later(now, HORIZON_MONTHS))


def _months_later(when: datetime, months: int) -> datetime:
    month = when.month - 1 + months
    year, month = when.year + month // 12, month % 12 + 1
    return when.replace(year=year, month=month, day=min(when.day, monthrange(year, month)[1]))


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
class IcsContent:
    items: list[IcsItem] = field(default_factory=list)
    series: list[SeriesNote] = field(default_factory=list)


def parse_ics(text: str, *, window: ImportWindow | None = None) -> list[IcsItem]:
    """The events of an iCalendar text, occurrences of series included (see ``read_ics``)."""
    return read_ics(text, window=window).items


def read_ics(text: str, *, window: ImportWindow | None = None) -> IcsContent:
    """The VEVENTs of an iCalendar text (RFC 5545 subset) as EventRows, RowErrors (line and
    reason) and Skipped (cancelled); a recurring event gives one row per occurrence in the
    window (default: from yesterday to twelve months ahead) and a SeriesNote."""
    if window is None:
        window = ImportWindow.around(datetime.now(UTC))
    blocks, content = _ics_blocks(text)
    _name_custom_zones(text, blocks, range(window.since.year - 1, window.until.year + 2))
    masters: dict[str, tuple[int, list[IcsProp]]] = {}
    overrides: dict[str, list[tuple[int, list[IcsProp]]]] = {}
    for line, props in blocks:
        first = _first(props)
        uid = _prop_text(first, "UID")
        if not uid:
            content.items.append(RowError(line, "no UID"))
        elif "RECURRENCE-ID" in first:
            overrides.setdefault(uid, []).append((line, props))
        elif uid in masters:
            content.items.append(RowError(line, f"uid {uid!r} already on line {masters[uid][0]}"))
        else:
            masters[uid] = (line, props)
    for uid, (line, props) in masters.items():
        if any(name in ("RRULE", "RDATE", "EXRULE") for _, name, _, _ in props):
            _ics_series(content, line, uid, props, overrides.pop(uid, []), window)
        else:
            content.items.append(_ics_event(line, props))
    for uid, moved in overrides.items():  # exceptions exported without their series
        _ics_series(content, moved[0][0], uid, None, moved, window)
    return content


def _ics_blocks(text: str) -> tuple[list[tuple[int, list[IcsProp]]], IcsContent]:
    """Each VEVENT's own properties (not its alarms'), by its BEGIN line."""
    blocks: list[tuple[int, list[IcsProp]]] = []
    content = IcsContent()
    block: list[IcsProp] | None = None
    start_line = 0
    depth = 0  # VALARMs and other components nested inside an event
    for line_no, name, params, value in _ics_lines(text):
        if name == "BEGIN" and value.upper() == "VEVENT":
            block, start_line, depth = [], line_no, 0
        elif block is not None and name == "BEGIN":
            depth += 1
        elif block is not None and name == "END" and value.upper() != "VEVENT":
            depth -= 1
        elif block is not None and name == "END":
            blocks.append((start_line, block))
            block = None
        elif block is not None and depth == 0:
            block.append((line_no, name, params, value))
    if block is not None:
        content.items.append(
            RowError(start_line, "event not closed (END:VEVENT missing): truncated file?")
        )
    if not blocks and not content.items and "BEGIN:VCALENDAR" not in text.upper():
        content.items.append(RowError(1, "not an iCalendar file"))
    return blocks, content


def _ics_lines(text: str) -> Iterator[tuple[int, str, dict[str, str], str]]:
    """Unfolded content lines: (first physical line number, NAME, params, raw value)."""
    logical: list[tuple[int, str]] = []
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        if raw.startswith((" ", "\t")) and logical:
            first, content = logical[-1]
            logical[-1] = (first, content + raw[1:])
        elif raw.strip():
            logical.append((number, raw))
    for number, content in logical:
        head, sep, value = _split_unquoted(content, ":")
        if not sep:
            continue
        name, *param_parts = _split_params(head)
        params = {}
        for part in param_parts:
            key, _, val = part.partition("=")
            params[key.upper()] = val.strip('"')
        yield number, name.upper(), params, value


def _split_unquoted(text: str, sep: str) -> tuple[str, str, str]:
    quoted = False
    for i, c in enumerate(text):
        if c == '"':
            quoted = not quoted
        elif c == sep and not quoted:
            return text[:i], sep, text[i + 1 :]
    return text, "", ""


def _split_params(head: str) -> list[str]:
    parts, current, quoted = [], "", False
    for c in head:
        if c == '"':
            quoted = not quoted
        if c == ";" and not quoted:
            parts.append(current)
            current = ""
        else:
            current += c
    parts.append(current)
    return parts


def _unescape(value: str) -> str:
    return re.sub(
        r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value
    ).strip()


def _first(props: list[IcsProp]) -> IcsProps:
    first: IcsProps = {}
    for _, name, params, value in props:
        first.setdefault(name, (params, value))
    return first


def _prop_text(first: IcsProps, name: str) -> str:
    return _unescape(first[name][1]) if name in first else ""


def _cancelled(first: IcsProps) -> bool:
    return fold_words(_prop_text(first, "STATUS")) == "cancelled"


def _ics_event(line: int, props: list[IcsProp]) -> IcsItem:
    """A single (not recurring) event, its external id the UID."""
    first = _first(props)
    uid = _prop_text(first, "UID")
    if _cancelled(first):
        return Skipped(line, uid)
    try:
        starts, ends = _ics_span(first)
        return _ics_row(line, first, uid=uid, starts=starts, ends=ends)
    except RowRejected as exc:
        return RowError(line, str(exc))


def _ics_span(
    first: IcsProps, *, default_length: timedelta | None = None
) -> tuple[datetime, datetime]:
    if "DTSTART" not in first:
        raise RowRejected("no DTSTART")
    starts = _ics_time(*first["DTSTART"])
    if "DTEND" in first:
        return starts, _ics_time(*first["DTEND"])
    if "DURATION" in first:
        return starts, starts + _ics_duration(first["DURATION"][1])
    if default_length is not None:
        return starts, starts + default_length
    raise RowRejected("no DTEND or DURATION")


def _ics_row(line: int, first: IcsProps, *, uid: str, starts: datetime, ends: datetime) -> EventRow:
    """The event's fields (title, kind, space...) read from its properties."""
    if not uid:
        raise RowRejected("no UID")
    title = " ".join(_prop_text(first, "SUMMARY").split())
    if not title:
        raise RowRejected("no SUMMARY (title)")
    categories = _prop_text(first, "CATEGORIES").replace(",", " ")
    if _prop_text(first, "X-SMARTCORNER-KIND"):
        kind = parse_kind(_prop_text(first, "X-SMARTCORNER-KIND"))
    else:
        found = _kind_from_words(categories, title)
        if found is None:
            raise RowRejected(f"cannot tell the event kind of {title!r} (X-SMARTCORNER-KIND)")
        kind = found
    space_text = _prop_text(first, "X-SMARTCORNER-SPACE")
    return EventRow(
        line=line,
        uid=_uid(uid),
        title=title,
        kind=kind,
        space=parse_space(space_text) if space_text else None,
        site_code=_prop_text(first, "X-SMARTCORNER-SITE") or None,
        location=_prop_text(first, "LOCATION"),
        starts_at=starts,
        ends_at=ends,
        capacity=_capacity(_prop_text(first, "X-SMARTCORNER-CAPACITY")),
        open_to_external=_flag(_prop_text(first, "X-SMARTCORNER-EXTERNAL")),
        description=_prop_text(first, "DESCRIPTION"),
        opens_before=None,
        closes_after=None,
    )


@dataclass(frozen=True)
class _SeriesClock:
    """The zone a series' wall-clock times are in, and how its occurrence ids are written."""

    zone: ZoneInfo
    all_day: bool
    utc: bool

    def instant(self, wall: datetime) -> datetime:
        return wall.replace(tzinfo=self.zone, fold=0).astimezone(UTC)

    def occurrence_id(self, uid: str, wall: datetime) -> str:
        if self.all_day:
            return f"{uid}#{wall:%Y%m%d}"
        return f"{uid}#{wall:%Y%m%dT%H%M%S}{'Z' if self.utc else ''}"

    def wall(self, params: dict[str, str], value: str, at: time) -> datetime | date:
        """A RECURRENCE-ID, RDATE or EXDATE value as a wall-clock time in this zone; a bare
        date stays a date (``at`` gives it the series' time of day where a time is needed)."""
        value = value.strip()
        kind = params.get("VALUE", "").upper()
        if kind == "PERIOD" or "/" in value:
            raise RowRejected("periods (VALUE=PERIOD) are not supported: give start times")
        try:
            if kind == "DATE" or re.fullmatch(r"\d{8}", value):
                return datetime.strptime(value, "%Y%m%d").date()
            if value.endswith("Z"):
                aware = datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            else:
                local = datetime.strptime(value, "%Y%m%dT%H%M%S")
                if "TZID" not in params:
                    return local  # floating: the series' own wall clock
                aware = local.replace(tzinfo=_zone(params["TZID"]))
        except ValueError:
            raise RowRejected(f"not an iCalendar time: {value!r}") from None
        return aware.astimezone(self.zone).replace(tzinfo=None)

    def wall_time(self, params: dict[str, str], value: str, at: time) -> datetime:
        found = self.wall(params, value, at)
        return found if isinstance(found, datetime) else datetime.combine(found, at)


def _series_clock(params: dict[str, str], value: str) -> tuple[_SeriesClock, datetime]:
    """The clock of a series and its DTSTART on it."""
    value = value.strip()
    if params.get("VALUE", "").upper() == "DATE" or re.fullmatch(r"\d{8}", value):
        clock = _SeriesClock(PARIS, all_day=True, utc=False)
    elif value.endswith("Z"):
        clock = _SeriesClock(ZoneInfo("UTC"), all_day=False, utc=True)
    else:
        zone = _zone(params["TZID"]) if "TZID" in params else PARIS
        clock = _SeriesClock(zone, all_day=False, utc=False)
    return clock, clock.wall_time(params, value, time(0))


def _ics_series(
    content: IcsContent,
    line: int,
    uid: str,
    props: list[IcsProp] | None,
    overrides: list[tuple[int, list[IcsProp]]],
    window: ImportWindow,
) -> None:
    """One row per occurrence of a series in the window: the rule's (less its exclusions),
    each replaced by its RECURRENCE-ID override if there is one; ``props`` is None for
    overrides whose series is not in the file."""
    master = _first(props) if props is not None else {}
    try:
        if props is None:
            clock, _ = _series_clock(*_first(overrides[0][1])["RECURRENCE-ID"])
            at = time(0)
            base: EventRow | None = None
            length = None
            expansion = Expansion([], more_after_horizon=False)
        else:
            if _cancelled(master):
                content.items.append(Skipped(line, uid))
                return
            starts, ends = _ics_span(master)
            length = ends - starts
            base = _ics_row(line, master, uid=uid, starts=starts, ends=ends)
            clock, first_start = _series_clock(*master["DTSTART"])
            at = first_start.time()
            expansion = _expand_series(props, clock, first_start, window)
    except RuleRefused as exc:
        content.items.append(RowError(line, f"recurring event refused: {exc}"))
        return
    except RowRejected as exc:
        content.items.append(RowError(line, str(exc)))
        return
    replaced = _overrides(content, overrides, clock, at=at)
    rows: list[IcsItem] = []
    earlier = 0
    for wall in expansion.starts:
        if wall in replaced:
            continue
        instant = clock.instant(wall)
        if instant < window.since:
            earlier += 1
            continue
        assert base is not None
        assert length is not None
        rows.append(
            replace(
                base,
                uid=clock.occurrence_id(uid, wall),
                starts_at=instant,
                ends_at=instant + length,
            )
        )
    for wall, (o_line, o_first) in replaced.items():
        occurrence_uid = clock.occurrence_id(uid, wall)
        merged = {k: v for k, v in master.items() if k not in SERIES_ONLY} | o_first
        if _cancelled(o_first):
            if window.since <= clock.instant(wall) <= window.until:
                rows.append(Skipped(o_line, occurrence_uid))
            continue
        try:
            if "DTSTART" in o_first:
                starts, ends = _ics_span(o_first, default_length=length)
            else:
                starts = clock.instant(wall)
                ends = starts + (length or timedelta(0))
            if not (
                window.since <= starts <= window.until
                or window.since <= clock.instant(wall) <= window.until
            ):
                continue
            rows.append(_ics_row(o_line, merged, uid=occurrence_uid, starts=starts, ends=ends))
        except RowRejected as exc:
            rows.append(RowError(o_line, str(exc)))
    content.items.extend(rows)
    if props is not None:
        content.series.append(
            SeriesNote(
                line=line,
                uid=uid,
                title=base.title if base is not None else uid,
                occurrences=sum(1 for r in rows if not isinstance(r, Skipped)),
                earlier=earlier,
                more_after=expansion.more_after_horizon,
                until=window.until,
            )
        )


def _expand_series(
    props: list[IcsProp], clock: _SeriesClock, first_start: datetime, window: ImportWindow
) -> Expansion:
    rules = [value for _, name, _, value in props if name == "RRULE"]
    if len(rules) > 1:
        raise RuleRefused("several RRULE lines in one event are not supported")
    if any(name == "EXRULE" for _, name, _, _ in props):
        raise RuleRefused("EXRULE (obsolete in RFC 5545) is not supported: use EXDATE")
    at = first_start.time()
    rdates: list[datetime] = []
    exdates: list[datetime | date] = []
    for _, name, params, value in props:
        if name in ("RDATE", "EXDATE"):
            for item in value.split(","):
                if not item.strip():
                    continue
                try:
                    if name == "RDATE":
                        rdates.append(clock.wall_time(params, item, at))
                    else:
                        exdates.append(clock.wall(params, item, at))
                except RowRejected as exc:
                    raise RuleRefused(f"{name}: {exc}") from None
    rule = parse_rrule(rules[0]) if rules else None
    return expand(
        first_start, rule, zone=clock.zone, horizon=window.until, rdates=rdates, exdates=exdates
    )


def _overrides(
    content: IcsContent,
    overrides: list[tuple[int, list[IcsProp]]],
    clock: _SeriesClock,
    *,
    at: time,
) -> dict[datetime, tuple[int, IcsProps]]:
    """The overriding VEVENTs by the wall-clock start they replace; of two for the same
    occurrence, the higher SEQUENCE wins (the same SEQUENCE twice is an error)."""
    found: dict[datetime, tuple[int, IcsProps, int]] = {}
    for o_line, o_props in overrides:
        o_first = _first(o_props)
        params, value = o_first["RECURRENCE-ID"]
        try:
            if params.get("RANGE", "").upper() == "THISANDFUTURE":
                raise RowRejected(
                    "RECURRENCE-ID;RANGE=THISANDFUTURE (this and later occurrences) is not "
                    "supported: export the series again from the agenda"
                )
            wall = clock.wall_time(params, value, at)
        except RowRejected as exc:
            content.items.append(RowError(o_line, str(exc)))
            continue
        sequence_text = _prop_text(o_first, "SEQUENCE")
        sequence = int(sequence_text) if _is_number(sequence_text) else 0
        if wall in found:
            other_line, _, other_sequence = found[wall]
            if sequence == other_sequence:
                content.items.append(
                    RowError(o_line, f"the same occurrence is already changed on line {other_line}")
                )
            if sequence <= other_sequence:
                continue
        found[wall] = (o_line, o_first, sequence)
    return {wall: (o_line, o_first) for wall, (o_line, o_first, _) in found.items()}


def _ics_time(params: dict[str, str], value: str) -> datetime:
    value = value.strip()
    try:
        if params.get("VALUE", "").upper() == "DATE" or re.fullmatch(r"\d{8}", value):
            day = datetime.strptime(value, "%Y%m%d").date()
            return datetime.combine(day, time(0), PARIS).astimezone(UTC)
        if value.endswith("Z"):
            return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        local = datetime.strptime(value, "%Y%m%dT%H%M%S")
    except ValueError:
        raise RowRejected(f"not an iCalendar time: {value!r}") from None
    zone = _zone(params["TZID"]) if "TZID" in params else PARIS
    return local.replace(tzinfo=zone).astimezone(UTC)


# Outlook and Exchange name zones the Windows way; the council's agenda is in one of these.
WINDOWS_ZONES: Final = {
    "romance standard time": "Europe/Paris",
    "w. europe standard time": "Europe/Berlin",
    "central europe standard time": "Europe/Budapest",
    "central european standard time": "Europe/Warsaw",
    "gmt standard time": "Europe/London",
    "utc": "UTC",
    "coordinated universal time": "UTC",
}


def _name_custom_zones(text: str, blocks: list[tuple[int, list[IcsProp]]], years: range) -> None:
    """Give the TZIDs that name no zone (Outlook's "Customized Time Zone") the IANA zone
    their VTIMEZONE block describes, in the events' properties; left as they are when no
    zone matches (the rows are then refused for their unknown zone)."""
    used = {params["TZID"] for _, props in blocks for _, _, params, _ in props if "TZID" in params}
    unknown = {tzid for tzid in used if not _known_zone(tzid)}
    if not unknown:
        return
    definitions: dict[str, list[Observance]] = {}
    tzid = ""
    part: dict[str, str] | None = None
    rdates: list[str] = []
    for _, name, _, value in _ics_lines(text):
        upper = value.strip().upper()
        if name == "BEGIN" and upper == "VTIMEZONE":
            tzid = ""
        elif name == "TZID" and part is None:
            tzid = value.strip().strip('"')
        elif name == "BEGIN" and upper in ("STANDARD", "DAYLIGHT"):
            part, rdates = {}, []
        elif name == "END" and upper in ("STANDARD", "DAYLIGHT") and part is not None:
            definitions.setdefault(tzid, []).append(
                Observance(
                    start=part.get("DTSTART", ""),
                    offset_from=part.get("TZOFFSETFROM", ""),
                    offset_to=part.get("TZOFFSETTO", ""),
                    rrule=part.get("RRULE", ""),
                    rdates=tuple(rdates),
                )
            )
            part = None
        elif part is not None and name == "RDATE":
            rdates.extend(v for v in value.split(",") if v.strip())
        elif part is not None:
            part.setdefault(name, value)
    names = {
        tzid: found
        for tzid in unknown
        if tzid in definitions and (found := zone_like(definitions[tzid], years))
    }
    for _, props in blocks:
        for _, _, params, _ in props:
            if params.get("TZID") in names:
                params["TZID"] = names[params["TZID"]]


def _known_zone(tzid: str) -> bool:
    try:
        _zone(tzid)
    except RowRejected:
        return False
    return True


def _zone(tzid: str) -> ZoneInfo:
    """An IANA zone from a TZID: ``Europe/Paris``, ``/mozilla.org/.../Europe/Paris``, or a
    Windows name such as ``Romance Standard Time``."""
    name = tzid.strip()
    candidates = [WINDOWS_ZONES.get(name.casefold(), name)]
    parts = [p for p in name.split("/") if p]
    candidates += ["/".join(parts[-n:]) for n in (3, 2) if len(parts) >= n]
    for candidate in candidates:
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    raise RowRejected(f"unknown time zone {tzid!r}")


def _ics_duration(value: str) -> timedelta:
    match = re.fullmatch(r"P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?", value)
    if not match or not any(match.groups()):
        raise RowRejected(f"not an iCalendar duration: {value!r}")
    w, d, h, m, s = (int(g or 0) for g in match.groups())
    return timedelta(weeks=w, days=d, hours=h, minutes=m, seconds=s)


# --- registrations -------------------------------------------------------------------------

STATUS_NAMES: Final = {
    "": RegistrationStatus.CONFIRMED,
    "confirmed": RegistrationStatus.CONFIRMED,
    "confirme": RegistrationStatus.CONFIRMED,
    "inscrit": RegistrationStatus.CONFIRMED,
    "waiting list": RegistrationStatus.WAITING_LIST,
    "waiting_list": RegistrationStatus.WAITING_LIST,
    "liste d attente": RegistrationStatus.WAITING_LIST,
    "attente": RegistrationStatus.WAITING_LIST,
    "cancelled": RegistrationStatus.CANCELLED,
    "annule": RegistrationStatus.CANCELLED,
}


VISITOR_LIMITS: Final = {"first_name": 100, "last_name": 100, "organisation": 200, "email": 254}


def import_registrations(session: Session, text: str, *, now: datetime) -> ImportReport:
    """Import a registrations CSV (see the module docstring); flushes only."""
    report = ImportReport()
    sources = dict(session.execute(select(EventSource.uid, EventSource.event_id)).all())
    known_events = set(session.scalars(select(Event.id)))
    seen: dict[tuple[int, int], int] = {}
    for line, row in _csv_rows(text, required=("event",)):
        if isinstance(row, RowError):
            report.errors.append(row)
            continue
        try:
            event_id = _event_ref(row["event"], sources, known_events)
            status = STATUS_NAMES.get(fold_words(row.get("status", "")))
            if status is None:
                raise RowRejected(f"unknown status {row['status']!r}")
            person_id = _person_ref(session, row, now)
            if status is not RegistrationStatus.CANCELLED:
                _may_register(session, event_id, person_id)
        except RowRejected as exc:
            report.errors.append(RowError(line, str(exc)))
            continue
        if (event_id, person_id) in seen:
            report.errors.append(
                RowError(line, f"same person and event as line {seen[event_id, person_id]}")
            )
            continue
        seen[event_id, person_id] = line
        existing = session.scalar(
            select(Registration).where(
                Registration.event_id == event_id, Registration.person_id == person_id
            )
        )
        if existing is None:
            session.add(
                Registration(event_id=event_id, person_id=person_id, status=status, created_at=now)
            )
            report.created += 1
        elif existing.status is not status:
            existing.status = status
            report.updated += 1
        else:
            report.unchanged += 1
    session.flush()
    return report


def _may_register(session: Session, event_id: int, person_id: int) -> None:
    event = session.get(Event, event_id)
    person = session.get(Person, person_id)
    assert event is not None
    assert person is not None
    if person.kind is PersonKind.VISITOR and not event.open_to_external:
        raise RowRejected(f"event {event_id} is for agents only, not external visitors")


def _event_ref(value: str, sources: dict[str, int], known: set[int]) -> int:
    value = value.strip()
    if value in sources:
        return sources[value]
    if _is_number(value) and int(value) in known:
        return int(value)
    occurrence = next((uid for uid in sorted(sources) if uid.startswith(f"{value}#")), None)
    if occurrence is not None:
        raise RowRejected(
            f"{value!r} is a recurring event: name one occurrence, such as {occurrence!r}"
        )
    raise RowRejected(f"unknown event {value!r} (an imported uid or an event id)")


def _person_ref(session: Session, row: dict[str, str], now: datetime) -> int:
    matricule = row.get("matricule", "").strip().upper()
    email = row.get("email", "").strip().lower()
    if matricule:
        person = session.scalar(select(Person).where(func.upper(Person.matricule) == matricule))
        if person is None:
            raise RowRejected(f"no agent with matricule {matricule!r}")
        return _active(person)
    if row.get("organisation", "").strip():
        for key, limit in VISITOR_LIMITS.items():
            if len(row.get(key, "")) > limit:
                raise RowRejected(f"{key} longer than {limit} characters")
        try:
            return find_or_create_visitor(
                session,
                first_name=row.get("first_name", ""),
                last_name=row.get("last_name", ""),
                organisation=row["organisation"],
                email=email or None,
                now=now,
            )
        except ValueError as exc:
            raise RowRejected(str(exc)) from None
    if email:
        agents = session.scalars(
            select(Person).where(Person.kind == PersonKind.AGENT, func.lower(Person.email) == email)
        ).all()
        if len(agents) != 1:
            raise RowRejected(f"no single agent with e-mail {email!r}")
        return _active(agents[0])
    raise RowRejected("no matricule, no e-mail, and no organisation for a visitor")


def _active(person: Person) -> int:
    if not person.active:
        raise RowRejected(f"{person.matricule or person.id} is no longer active")
    return person.id


# --- one file, one transaction -------------------------------------------------------------


def import_file(
    session_factory: sessionmaker[Session],
    what: str,
    data: bytes,
    *,
    filename: str,
    now: datetime,
    default_site: str | None = None,
    dry_run: bool = False,
    until: datetime | None = None,
) -> ImportReport:
    """Import ``data`` (``what`` = "events" or "registrations") in one transaction.

    The good rows are committed together or not at all (an error half-way, a crash, a
    ``dry_run``), so a reader never sees half a programme.
    """
    text = read_import_file(data)
    with session_factory() as session:
        session.connection(execution_options={SQLITE_BEGIN_OPTION: "IMMEDIATE"})
        try:
            if what == "events":
                report = import_events(
                    session,
                    text,
                    filename=filename,
                    now=now,
                    default_site=default_site,
                    until=until,
                )
            elif what == "registrations":
                report = import_registrations(session, text, now=now)
            else:
                raise ValueError(f"cannot import {what!r}: events or registrations")
            if dry_run:
                session.rollback()
            else:
                session.commit()
        except BaseException:
            session.rollback()
            raise
    return report

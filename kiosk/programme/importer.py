"""Importing the programme (iCalendar or CSV) and the registrations (CSV): the database side.

The files are read by ``events_csv``, ``registrations`` (through ``kiosk.exchange``'s CSV
reader), ``ical``, ``ical_rows`` and ``ical_import`` (through ``icalendar``); this module
matches their rows with what was imported before and writes them.

Every file is read whole and checked row by row before anything is written: a bad row is
reported with its line number and the reason, the good rows go in, and they go in within one
transaction (the caller's), so a failure half-way leaves nothing half-written. Re-importing the
same file changes nothing: events are matched by their external id (iCalendar ``UID`` or the
CSV ``uid`` column, kept in ``event_source``), registrations by (event, person).

**Events CSV** (UTF-8 or Windows-1252, ``,``, ``;`` or tab, header row; or the same table as
an Excel workbook, ``.xlsx``: its first sheet, dates and times as Excel stores them):
``uid``, ``title``, ``kind`` (unless ``--type`` gives a default), ``starts_at``, ``ends_at``
are required; optional ``space``, ``site`` (site code), ``capacity``,
``open_to_external`` (oui/non, yes/no, 1/0), ``description``, ``checkin_opens_minutes_before``,
``checkin_closes_minutes_after``, ``title_en``, ``description_en`` (shown when the kiosk is
in English; empty: the French ones). Times are ISO 8601 (``2026-06-04T14:00``) or French
(``04/06/2026 14:00``); without an offset they are Paris time. ``kind`` and ``space`` take the
codes (``cafe_numerique``, ``smart_lab``) or the French names (``Café numérique``, ``Smart Lab``).

**iCalendar** (``.ics``): each ``VEVENT`` with ``SUMMARY`` and ``DTSTART`` (``DTEND`` or
``DURATION`` optional: RFC 5545 section 3.6.1; ``UID`` optional: a stable id derived from
title and start), times in UTC, with ``TZID`` or floating (Paris); a ``TZID`` may be any name
its ``VTIMEZONE`` block defines. Google's ``X-WR-TIMEZONE`` is applied first. The kind comes
from ``X-SMARTCORNER-KIND``, else words of ``CATEGORIES`` and the summary (the type names, then
the ``event_types`` setting), else the import's ``--type``;
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
renamed; its missing properties come from the series; ``RANGE=THISANDFUTURE``: the later ones
too) updates that one event, and with
``STATUS:CANCELLED`` leaves it out; a registrations CSV names an occurrence by that id. When
the whole series moves to another hour every id changes: an occurrence imported earlier for the
same series and day, which no row of the file names, takes the new id (same event, same
registrations). Occurrences imported earlier that the agenda now cancels or no longer holds are
kept (registrations and check-ins hang on them) and named in the report's notes.

**Registrations CSV** (or ``.xlsx``, as above): ``event`` (an imported uid, or an event id)
and either ``matricule`` or ``email`` for an agent, or ``first_name``, ``last_name`` and
``organisation`` (and optionally ``email``) for an external visitor; optional ``status``
(confirmed, waiting_list, cancelled).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.engine import begin_as_writer
from kiosk.db.models import Event, Site
from kiosk.domain import Space
from kiosk.exchange.csv_files import decode_text
from kiosk.programme.events_csv import events_csv
from kiosk.programme.ical_import import parse_ics, read_ics
from kiosk.programme.ical_rows import IcsItem, ImportWindow
from kiosk.programme.registrations import import_registrations
from kiosk.programme.rows import (
    SPACE_NAMES,
    EventRow,
    ImportReport,
    KindRules,
    RowError,
    RowRejected,
    SeriesNote,
    Skipped,
    end_of_day,
    parse_when,
)
from kiosk.programme.tables import EventSource
from kiosk.text import fold_words

__all__ = [
    "EventRow",
    "ImportReport",
    "ImportWindow",
    "KindRules",
    "RowError",
    "RowRejected",
    "Skipped",
    "end_of_day",
    "import_events",
    "import_file",
    "import_registrations",
    "parse_ics",
    "parse_when",
    "read_ics",
    "read_import_file",
]

LOOKUP_CHUNK: Final = 500  # external ids per IN (...) query


def read_import_file(data: bytes) -> str:
    """The text of an import file: UTF-8 (with or without BOM), else Windows-1252."""
    return decode_text(data)


def import_events(
    session: Session,
    data: bytes | str,
    *,
    filename: str,
    now: datetime,
    default_site: str | None = None,
    until: datetime | None = None,
    kinds: KindRules | None = None,
) -> ImportReport:
    """Import a programme file (``.ics``, ``.csv`` or ``.xlsx``, told by ``filename``); flushes
    only.

    Series are expanded from yesterday to ``until`` (default: twelve months after ``now``);
    ``kinds`` adds the settings' words for event types and the import's default type.
    """
    report = ImportReport()
    window = ImportWindow.around(now, until)
    if filename.lower().endswith((".ics", ".ical", ".ifb", ".icalendar")):
        content = read_ics(data, window=window, kinds=kinds)
        parsed: Iterable[IcsItem] = content.items
        report.series = content.series
        report.notes.extend(content.notes)
    else:
        parsed = events_csv(data, kinds, filename=filename)
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
    if row.ends_at < row.starts_at:
        raise RowRejected("ends before it starts")
    values: dict[str, Any] = {
        "kind": row.kind,
        "title": row.title[:200],
        "description": row.description,
        "title_en": row.title_en[:200],
        "description_en": row.description_en,
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
    kinds: KindRules | None = None,
) -> ImportReport:
    """Import ``data`` (``what`` = "events" or "registrations") in one transaction.

    The good rows are committed together or not at all (an error half-way, a crash, a
    ``dry_run``), so a reader never sees half a programme.
    """
    with session_factory() as session:
        begin_as_writer(session)
        try:
            if what == "events":
                report = import_events(
                    session,
                    data,
                    filename=filename,
                    now=now,
                    default_site=default_site,
                    until=until,
                    kinds=kinds,
                )
            elif what == "registrations":
                report = import_registrations(session, data, now=now, filename=filename)
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

"""``smartcorner import tour FILE``: the Smart Tour's itinerary from a CSV, an Excel workbook or
JSON, as the team that plans the tour keeps it.

Columns (a row per stop): ``date`` (``12/01/2027`` or ``2027-01-12``), ``site`` (a site code
the database holds), ``start`` and ``end`` (``9:00``, ``9h``, ``16h30``), ``offer`` (what is
offered there, French) and ``offer_en`` (optional). JSON: a list of objects with those keys,
or ``{"stops": [...]}``.

All rows or none: a file with a bad row changes nothing, and every bad row is reported with
its line. The file is the plan for the days it covers: a stop the database holds on one of
those days that the file no longer lists was cancelled, and goes. Importing the same file
again changes nothing.

CSV and XLSX are read by :func:`kiosk.exchange.tables.table_rows` (the office formats every
importer shares), JSON by the standard library.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Final

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kiosk.db.models import Site
from kiosk.domain import PARIS
from kiosk.exchange.csv_files import CsvProblem, decode_text
from kiosk.exchange.tables import is_workbook, table_rows
from kiosk.itinerary.tables import TourStop

REQUIRED: Final = ("date", "site", "start", "end")
MAX_OFFER: Final = 500
_DAY_FR: Final = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_TIME: Final = re.compile(r"(\d{1,2})(?:[:hH](\d{2})?)?(?::00)?")  # 9h, 9:30, 16h30, 09:00:00


class ImportFileError(ValueError):
    """The file as a whole cannot be read (not a table, no header, not JSON)."""


@dataclass(frozen=True)
class RowError:
    where: str  # "line 12" (CSV/XLSX) or "row 3" (JSON)
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0  # stops of the file's days the file no longer lists
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def __str__(self) -> str:
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.removed} removed (no longer planned)"
        )


@dataclass(frozen=True)
class _Planned:
    where: str
    site_code: str
    starts_at: datetime
    ends_at: datetime
    offer: str
    offer_en: str

    @property
    def ref(self) -> str:
        return stop_ref(self.site_code, self.starts_at)


def stop_ref(site_code: str, starts_at: datetime) -> str:
    """A stop's natural key: its site and its local start (see :class:`TourStop`)."""
    return f"{site_code}/{starts_at.astimezone(PARIS):%Y-%m-%dT%H:%M}"


def read_rows(path: Path) -> list[tuple[str, Mapping[str, Any]]]:
    """The rows of the file with where each comes from; :class:`ImportFileError` when the file
    as a whole cannot be read."""
    data = path.read_bytes()
    if not is_workbook(data, path.name):
        text = decode_text(data)
        if path.suffix.lower() == ".json" or text.lstrip().startswith(("[", "{")):
            return list(_json_rows(text, path))
        return list(_table_rows(text, path))
    return list(_table_rows(data, path))


def _table_rows(data: bytes | str, path: Path) -> Iterator[tuple[str, Mapping[str, Any]]]:
    for line, row in table_rows(data, filename=path.name, required=REQUIRED):
        if isinstance(row, CsvProblem):
            if row.line == 1:
                raise ImportFileError(f"{path}: {row.reason}")
            yield f"line {line}", {"__problem__": row.reason}
        else:
            yield f"line {line}", row


def _json_rows(text: str, path: Path) -> Iterator[tuple[str, Mapping[str, Any]]]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    rows = doc.get("stops") if isinstance(doc, dict) else doc
    if not isinstance(rows, list):
        raise ImportFileError(f'{path}: expected a list of stops or {{"stops": [...]}}')
    for n, row in enumerate(rows, 1):
        yield f"row {n}", row if isinstance(row, dict) else {"__problem__": "not an object"}


def _day(value: str) -> date:
    text = value.strip()
    french = _DAY_FR.fullmatch(text)
    if french:
        d, m, y = (int(g) for g in french.groups())
        return date(y, m, d)
    return date.fromisoformat(text[:10])  # ISO, or the ISO date-time an XLSX cell gives


def _time(value: str) -> time:
    text = value.strip().replace(" ", "")
    if "T" in text:  # an XLSX time cell comes out as an ISO date-time
        text = text.split("T", 1)[1]
    match = _TIME.fullmatch(text)
    if match is None:
        raise ValueError(value)
    return time(int(match.group(1)), int(match.group(2) or 0))  # 25h: ValueError too


def _text(row: Mapping[str, Any], key: str) -> str:
    value = row.get(key)
    return "" if value is None else str(value).strip()


def _parse(where: str, row: Mapping[str, Any], sites: set[str]) -> _Planned | RowError:
    if "__problem__" in row:
        return RowError(where, str(row["__problem__"]))
    missing = [k for k in REQUIRED if not _text(row, k)]
    if missing:
        return RowError(where, f"missing {', '.join(missing)}")
    try:
        day = _day(_text(row, "date"))
    except ValueError:
        return RowError(where, f"date {_text(row, 'date')!r} is not dd/mm/yyyy nor yyyy-mm-dd")
    try:
        start, end = _time(_text(row, "start")), _time(_text(row, "end"))
    except ValueError:
        return RowError(where, "start and end must be times such as 9:00, 9h or 16h30")
    if end <= start:
        return RowError(where, f"ends at {end:%H:%M}, before it starts ({start:%H:%M})")
    site = _text(row, "site").upper()
    if site not in sites:
        return RowError(where, f"site {site!r} is not in the database (import the sites first)")
    offer, offer_en = _text(row, "offer"), _text(row, "offer_en")
    if len(offer) > MAX_OFFER or len(offer_en) > MAX_OFFER:
        return RowError(where, f"offer longer than {MAX_OFFER} characters")
    starts = datetime.combine(day, start, PARIS)
    ends = datetime.combine(day, end, PARIS)
    return _Planned(where, site, starts, ends, offer, offer_en)


def import_tour(
    session: Session, rows: list[tuple[str, Mapping[str, Any]]], now: datetime
) -> ImportReport:
    """Apply the itinerary in ``session`` (the caller commits, or rolls back when the report
    has errors: then nothing was written that it should keep)."""
    report = ImportReport()
    sites: dict[str, int] = dict(session.execute(select(Site.code, Site.id)).all())
    planned: list[_Planned] = []
    seen: dict[str, str] = {}
    for where, row in rows:
        parsed = _parse(where, row, set(sites))
        if isinstance(parsed, RowError):
            report.errors.append(parsed)
        elif parsed.ref in seen:
            report.errors.append(RowError(where, f"same stop as {seen[parsed.ref]}"))
        else:
            seen[parsed.ref] = where
            planned.append(parsed)
    if report.errors or not planned:
        return report
    days = {p.starts_at.date() for p in planned}
    first = datetime.combine(min(days), time(0), PARIS)
    last = datetime.combine(max(days), time.max, PARIS)
    held = {
        s.ref: s
        for s in session.scalars(
            select(TourStop).where(TourStop.starts_at >= first, TourStop.starts_at <= last)
        )
    }
    for p in planned:
        stop = held.pop(p.ref, None)
        values = {"ends_at": p.ends_at, "offer": p.offer, "offer_en": p.offer_en}
        if stop is None:
            session.add(
                TourStop(ref=p.ref, site_id=sites[p.site_code], starts_at=p.starts_at,
                         imported_at=now, **values)
            )  # fmt: skip
            report.created += 1
        elif any(getattr(stop, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(stop, k, v)
            stop.imported_at = now
            report.updated += 1
        else:
            report.unchanged += 1
    gone = [s.id for s in held.values() if s.starts_at.astimezone(PARIS).date() in days]
    if gone:
        session.execute(delete(TourStop).where(TourStop.id.in_(gone)))
        report.removed = len(gone)
    session.flush()
    return report

"""The events table, CSV or Excel workbook: one event per row (see ``kiosk.programme.importer``
for the columns)."""

from __future__ import annotations

from collections.abc import Iterator

from kiosk.exchange.csv_files import CsvProblem
from kiosk.exchange.tables import table_rows
from kiosk.programme.rows import (
    EventRow,
    KindRules,
    RowError,
    RowRejected,
    capacity,
    checked_uid,
    flag,
    minutes,
    parse_space,
    parse_when,
    required,
)

REQUIRED: tuple[str, ...] = ("uid", "title", "starts_at", "ends_at")


def events_csv(
    data: bytes | str, kinds: KindRules | None = None, *, filename: str = ""
) -> Iterator[EventRow | RowError]:
    """Each row as an EventRow or the reason it is refused; ``kind`` may be left out of the
    header or a cell when ``kinds`` has a default (``import events --type``)."""
    kinds = kinds or KindRules()
    needed = REQUIRED if kinds.default is not None else (*REQUIRED[:2], "kind", *REQUIRED[2:])
    for line, row in table_rows(data, filename=filename, required=needed):
        if isinstance(row, CsvProblem):
            yield RowError(row.line, row.reason)
            continue
        try:
            starts = parse_when(row["starts_at"])
            yield EventRow(
                line=line,
                uid=checked_uid(required(row, "uid")),
                title=required(row, "title"),
                kind=kinds.named(row.get("kind", "")),
                space=parse_space(row["space"]) if row.get("space") else None,
                site_code=row.get("site") or None,
                location="",
                starts_at=starts,
                ends_at=parse_when(row["ends_at"], same_day_as=starts),
                capacity=capacity(row.get("capacity", "")),
                open_to_external=flag(row.get("open_to_external", "")),
                description=row.get("description", ""),
                opens_before=minutes(row.get("checkin_opens_minutes_before", "")),
                closes_after=minutes(row.get("checkin_closes_minutes_after", "")),
                title_en=row.get("title_en", ""),
                description_en=row.get("description_en", ""),
            )
        except RowRejected as exc:
            yield RowError(line, str(exc))

"""Reading the CSV files offices make, and writing CSV that a spreadsheet opens safely.

One reader for every importer (events, registrations, Click & Collect orders), so that a file
one of them takes is taken by all: UTF-8 with or without BOM, else Windows-1252 (what Excel
writes with "CSV (séparateur: point-virgule)"); ``,``, ``;`` or tab between cells; French dates
(``10/11/2026 09:00``, with or without seconds) as well as ISO 8601.

One writer for every export: a cell that a spreadsheet would evaluate (OWASP "CSV injection":
a leading ``=``, ``+``, ``-``, ``@``, tab or carriage return) is written behind a ``'``, so a
name imported as ``=HYPERLINK(...)`` or a typed search stays text. A real number (``-2``,
``-0.5``) in a column the export declares numeric is left alone.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import IO, Any, Final
from zoneinfo import ZoneInfo

PARIS: Final = ZoneInfo("Europe/Paris")
DELIMITERS: Final = (";", ",", "\t")
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
HEADER_SEARCH_ROWS: Final = 10  # a header further down is not looked for
_NUMBER: Final = re.compile(r"-?\d+(?:[.,]\d+)?")
_FRENCH_WHEN: Final = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T](\d{1,2})[:h](\d{2})(?::(\d{2}))?)?"
)


def decode_text(data: bytes) -> str:
    """UTF-8 (a BOM dropped), else Windows-1252: a French Excel's "CSV" is the latter."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(text: str) -> str:
    """The separator the header row uses most: ``;`` (French Excel), ``,`` or tab."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    return max(DELIMITERS, key=lambda d: (first.count(d), d == ","))


@dataclass(frozen=True)
class CsvProblem:
    """Why a line (or the whole file, line 1) cannot be read."""

    line: int
    reason: str


def csv_rows(
    text: str, *, required: Sequence[str] = (), one_of: Sequence[str] = ()
) -> Iterator[tuple[int, dict[str, str] | CsvProblem]]:
    """(first physical line, row) with lower-case, stripped keys and stripped values; the
    header is line 1 (or see :func:`header_index`), blank rows are skipped, a row of the wrong
    width is a problem."""
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    top: list[tuple[int, list[str]]] = []  # (first line, cells) of the rows the header may be
    end = 0  # the last physical line read
    broken: csv.Error | None = None  # an unclosed quote runs to the end of the file
    try:
        for cells in itertools.islice(reader, HEADER_SEARCH_ROWS):
            top.append((end + 1, cells))
            end = reader.line_num
    except csv.Error as exc:
        if not top:
            yield 1, CsvProblem(1, f"unreadable header: {exc}")
            return
        broken = exc
    cells_top = [[c.strip().lower() for c in cells] for _, cells in top]
    found = header_index(cells_top, required, one_of)
    if isinstance(found, CsvProblem):
        yield 1, found
        return
    header = [h.strip().lower() for h in top[found][1]]

    def numbered() -> Iterator[tuple[int, list[str]]]:
        nonlocal end
        yield from top[found + 1 :]
        if broken is not None:
            raise broken
        for cells in reader:
            yield end + 1, cells
            end = reader.line_num

    try:
        for line, cells in numbered():
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                yield line, CsvProblem(line, f"{len(cells)} cells for {len(header)} columns")
                continue
            yield line, {k: v.strip() for k, v in zip(header, cells, strict=True)}
    except csv.Error as exc:
        yield end + 1, CsvProblem(end + 1, f"unreadable CSV from here on: {exc}")


def header_index(
    rows: Sequence[Sequence[str]], required: Sequence[str], one_of: Sequence[str] = ()
) -> int | CsvProblem:
    """Which of the first rows is the header: row 1, unless it lacks a required column (or
    every one of ``one_of``) and a later one of the first :data:`HEADER_SEARCH_ROWS` has them
    (a title, a date or notes typed above the table, as spreadsheet users do). The cells are
    lower-case already."""
    if not rows:
        return CsvProblem(1, "empty file")
    for index, cells in enumerate(rows):
        if all(k in cells for k in required) and (not one_of or any(k in cells for k in one_of)):
            return index
    missing = [k for k in required if k not in rows[0]]
    if one_of and not any(k in rows[0] for k in one_of):
        missing.append(" or ".join(one_of))
    return CsvProblem(1, f"missing column(s): {', '.join(missing)}")


def parse_moment(value: str, *, zone: ZoneInfo = PARIS) -> datetime:
    """An aware UTC time from ISO 8601 or ``dd/mm/yyyy[ hh:mm[:ss]]``; a time without an
    offset is on ``zone``'s clock (Paris). ``ValueError`` when it is neither."""
    text = value.strip()
    french = _FRENCH_WHEN.fullmatch(text)
    if french:
        d, m, y, hh, mm, ss = (int(g or 0) for g in french.groups())
        moment = datetime.combine(date(y, m, d), time(hh, mm, ss))
    else:
        moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(UTC)


# --- writing -------------------------------------------------------------------------------


def safe_cell(value: Any, *, numeric: bool = False) -> str:
    """The text a spreadsheet shows as is: a formula-looking cell behind a ``'``; in a
    ``numeric`` column a real number (``-2``, ``-1,5``) stays a number. A carriage return
    inside a cell becomes a line feed, which the writer quotes (a bare CR it would not)."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) and not (numeric and _NUMBER.fullmatch(text)):
        text = "'" + text
    return text.replace("\r\n", "\n").replace("\r", "\n")


class SafeCsvWriter:
    """``csv.writer`` whose every cell goes through ``safe_cell``; ``numeric`` names the
    column positions (or header names) holding numbers."""

    def __init__(
        self,
        out: IO[str],
        *,
        delimiter: str = ",",
        lineterminator: str = "\n",
        numeric: Collection[int | str] = (),
    ) -> None:
        self._writer = csv.writer(out, delimiter=delimiter, lineterminator=lineterminator)
        self._numeric = set(numeric)
        self._header: list[str] = []

    def writerow(self, cells: Iterable[Any]) -> None:
        row = list(cells)
        if not self._header:
            self._header = [str(c) for c in row]
        self._writer.writerow(
            safe_cell(
                cell,
                numeric=i in self._numeric
                or (i < len(self._header) and self._header[i] in self._numeric),
            )
            for i, cell in enumerate(row)
        )

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class SafeDictWriter:
    """``csv.DictWriter`` with ``SafeCsvWriter``'s cells."""

    def __init__(
        self,
        out: IO[str],
        fieldnames: Sequence[str],
        *,
        delimiter: str = ",",
        lineterminator: str = "\n",
        numeric: Collection[str] = (),
    ) -> None:
        self.fieldnames = list(fieldnames)
        self._writer = SafeCsvWriter(
            out, delimiter=delimiter, lineterminator=lineterminator, numeric=numeric
        )

    def writeheader(self) -> None:
        self._writer.writerow(self.fieldnames)

    def writerow(self, row: dict[str, Any]) -> None:
        self._writer.writerow(row.get(name, "") for name in self.fieldnames)

    def writerows(self, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            self.writerow(row)

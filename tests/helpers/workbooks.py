"""Excel workbooks for the import tests, written as Excel stores a typed sheet: text in shared
strings, every number a float, dates and times as day counts with a French display format,
TRUE/FALSE as booleans; optional lines typed above the table (a title, a date)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime

import xlsxwriter

type Cell = str | int | float | bool | date | datetime | None


def workbook(
    header: Sequence[str], rows: Sequence[Sequence[Cell]], *, above: Sequence[str] = ()
) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False})
    sheet = book.add_worksheet("Feuil1")
    when = book.add_format({"num_format": "dd/mm/yyyy hh:mm"})
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    for r, line in enumerate(above):
        sheet.write_string(r, 0, line)
    first = len(above) + 1 if above else 0  # a blank line under the title, as people leave
    for c, name in enumerate(header):
        sheet.write_string(first, c, name)
    for r, cells in enumerate(rows, start=first + 1):
        for c, cell in enumerate(cells):
            if cell is None:
                continue
            if isinstance(cell, bool):
                sheet.write_boolean(r, c, cell)
            elif isinstance(cell, datetime):
                sheet.write_datetime(r, c, cell, when)
            elif isinstance(cell, date):
                sheet.write_datetime(r, c, datetime.combine(cell, datetime.min.time()), day)
            elif isinstance(cell, int | float):
                sheet.write_number(r, c, float(cell))
            else:
                sheet.write_string(r, c, cell)
    book.close()
    return out.getvalue()

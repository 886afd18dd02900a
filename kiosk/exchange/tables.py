"""The rows of a table file as an office hands it over: a CSV (see ``csv_files``) or an Excel
workbook (``.xlsx``, also what LibreOffice Calc saves as "Excel 2007-365").

Every importer reads through :func:`table_rows`, so that a sheet an agent saves from Excel as
it is, without going through "Enregistrer sous… CSV", is taken like its CSV would be: the first
sheet, the header on row 1 (or below a title, as for a CSV), each cell as the text the CSV of
that sheet would hold. Dates and times come out in ISO 8601 (the importers read them as Paris
time, as for a CSV), whole numbers without ``.0`` (Excel stores every number as a float),
``TRUE``/``FALSE`` cells as oui/non, and the ``_x000D_`` that Excel writes for a carriage
return inside a cell is undone.

``openpyxl`` takes about 0.7 s to import: it is loaded when a workbook is read, not before.
"""

from __future__ import annotations

import io
import itertools
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta
from typing import Final

from kiosk.exchange.csv_files import (
    HEADER_SEARCH_ROWS,
    CsvProblem,
    csv_rows,
    decode_text,
    header_index,
)

XLSX_SUFFIXES: Final = (".xlsx", ".xlsm")
ZIP_MAGIC: Final = b"PK\x03\x04"
OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0"  # Excel 97-2003 (.xls)
ODS_MIMETYPE: Final = b"mimetypeapplication/vnd.oasis.opendocument"  # right after the ZIP header
OTHER_SHEETS: Final = (
    "a spreadsheet in another format (.ods or .xls): save it as Excel (.xlsx) or as CSV"
)

type TableRow = tuple[int, dict[str, str] | CsvProblem]


def is_workbook(data: bytes | str, filename: str = "") -> bool:
    """A spreadsheet file rather than text, by its name or its bytes (a ZIP, or Excel 97's OLE
    header): an XLSX workbook, or an .ods/.xls that :func:`table_rows` names. A ``.csv``
    never starts so."""
    if isinstance(data, str):
        return False
    return filename.lower().endswith((*XLSX_SUFFIXES, ".ods", ".xls")) or data.startswith(
        (ZIP_MAGIC, OLE_MAGIC)
    )


def table_rows(
    data: bytes | str,
    *,
    filename: str = "",
    required: Sequence[str] = (),
    one_of: Sequence[str] = (),
) -> Iterator[TableRow]:
    """(row or first physical line, row) of a CSV or XLSX file, keys lower-case, as
    :func:`kiosk.exchange.csv_files.csv_rows` gives them; a problem for the file is line 1."""
    if isinstance(data, bytes) and _other_spreadsheet(data, filename):
        yield 1, CsvProblem(1, OTHER_SHEETS)
    elif is_workbook(data, filename):
        assert isinstance(data, bytes)
        yield from xlsx_rows(data, required=required, one_of=one_of)
    else:
        text = decode_text(data) if isinstance(data, bytes) else data
        yield from csv_rows(text, required=required, one_of=one_of)


def _other_spreadsheet(data: bytes, filename: str) -> bool:
    """LibreOffice's own .ods or an Excel 97 .xls: named so, rather than read as garbage."""
    return (
        filename.lower().endswith((".ods", ".xls"))
        or data.startswith(OLE_MAGIC)
        or (data.startswith(ZIP_MAGIC) and ODS_MIMETYPE in data[:100])
    )


def xlsx_rows(
    data: bytes, *, required: Sequence[str] = (), one_of: Sequence[str] = ()
) -> Iterator[TableRow]:
    """The first sheet's rows, numbered as Excel shows them (the header on row 1, or under a
    title: :func:`kiosk.exchange.csv_files.header_index`)."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            # "Unknown extension", "no default style": what other writers leave, harmless here
            warnings.simplefilter("ignore", UserWarning)
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        yield 1, CsvProblem(1, f"not a readable Excel workbook: {exc}")
        return
    try:
        sheet = book.worksheets[0]
        sheet.reset_dimensions()  # some writers leave a wrong or no <dimension>: read every cell
        rows = enumerate(sheet.iter_rows(values_only=True), start=1)
        top = [(n, [cell_text(v) for v in values])
               for n, values in itertools.islice(rows, HEADER_SEARCH_ROWS)]  # fmt: skip
        found = header_index([[c.lower() for c in cells] for _, cells in top], required, one_of)
        if isinstance(found, CsvProblem):
            yield 1, found
            return
        header = [c.lower() for c in top[found][1]]
        while header and not header[-1]:
            header.pop()
        if not header:
            yield 1, CsvProblem(1, "empty file")
            return
        later = ((n, [cell_text(v) for v in values]) for n, values in rows)
        for number, cells in itertools.chain(top[found + 1 :], later):
            if not any(cells):
                continue
            if any(cells[len(header) :]):
                width = max(i for i, c in enumerate(cells) if c) + 1
                yield number, CsvProblem(number, f"{width} cells for {len(header)} columns")
                continue
            cells += [""] * (len(header) - len(cells))
            yield number, dict(zip(header, cells, strict=False))
    finally:
        book.close()


def cell_text(value: object) -> str:
    """The text of one cell, as the sheet's CSV would hold it (see the module docstring)."""
    from openpyxl.utils.escape import unescape

    match value:
        case None:
            return ""
        case bool():
            return "oui" if value else "non"
        case float() if value.is_integer():
            return str(int(value))
        case datetime():
            # Excel keeps a time as a fraction of a day: 11:30 may come back as 11:29:59.9999
            moment = (value + timedelta(microseconds=500_000)).replace(microsecond=0)
            if moment.time() == time(0):
                return moment.date().isoformat()
            return moment.isoformat(sep=" ", timespec="seconds" if moment.second else "minutes")
        case date():
            return value.isoformat()
        case time():
            return value.isoformat(timespec="seconds" if value.second else "minutes")
        case str():
            text: str = unescape(value) if "_x" in value else value
            return text.replace("\r\n", "\n").replace("\r", "\n").strip()
        case _:
            return str(value).strip()

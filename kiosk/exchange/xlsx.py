"""XLSX written by ``xlsxwriter``: a control character in a document title or a typed search
is escaped as Office does (``_x000B_``), so the file stays valid, and text is always written
as text (a search typed as ``=1+1`` is not a formula)."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

import xlsxwriter

type XlsxCell = str | int | float | None


def xlsx_table(
    header: Sequence[str],
    rows: Iterable[Sequence[XlsxCell]],
    *,
    sheet: str = "Feuille1",
    widths: Sequence[int] = (),
) -> bytes:
    """One sheet: a bold, frozen header row, then the rows (numbers as numbers)."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False})
    page = book.add_worksheet(_sheet_name(sheet))
    bold = book.add_format({"bold": True})
    for column, width in enumerate(widths):
        page.set_column(column, column, width)
    page.freeze_panes(1, 0)
    for column, name in enumerate(header):
        page.write_string(0, column, name, bold)
    for r, cells in enumerate(rows, start=1):
        for column, cell in enumerate(cells):
            if isinstance(cell, bool) or cell is None:
                continue
            if isinstance(cell, int | float):
                page.write_number(r, column, cell)
            else:
                page.write_string(r, column, cell)
    book.close()
    return out.getvalue()


def _sheet_name(name: str) -> str:
    """Excel's rules: 31 characters at most, none of ``[]:*?/\\``, no control character."""
    cleaned = "".join(
        c if c.isprintable() and c not in "[]:*?/\\" and ord(c) < 0xFFFE else " " for c in name
    ).strip("' ")
    return cleaned[:31] or "Feuille1"

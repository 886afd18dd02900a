"""The quarter's statistics table as CSV and XLSX files (no Qt).

CSV is written for a French spreadsheet: ``;`` between fields, a decimal comma, UTF-8 with
a BOM so that Excel reads the accents, every cell through the shared formula guard. XLSX is
written by ``xlsxwriter`` (``kiosk.exchange.xlsx``): a control character in a document title
or a typed search is escaped as Office does, so the file stays valid.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from kiosk.exchange.csv_files import SafeCsvWriter
from kiosk.exchange.xlsx import xlsx_table
from kiosk.stats.table import Cell, TableRow

NUMERIC_COLUMNS: Final = ("valeur", "trimestre précédent", "évolution (%)")
HEADER: Final = (
    "rubrique",
    "indicateur",
    "détail",
    "valeur",
    "trimestre précédent",
    "évolution (%)",
)


# --- CSV -----------------------------------------------------------------------------------


def _csv_cell(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float | int):
        number = float(cell)
        text = f"{number:.1f}" if number != int(number) else f"{int(number)}"
        return text.replace(".", ",")
    return cell


def to_csv(rows: Iterable[TableRow]) -> str:
    out = io.StringIO()
    writer = SafeCsvWriter(out, delimiter=";", lineterminator="\r\n", numeric=NUMERIC_COLUMNS)
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([_csv_cell(c) for c in row.cells()])
    return out.getvalue()


def write_csv(rows: Iterable[TableRow], path: Path) -> None:
    path.write_text(to_csv(rows), encoding="utf-8-sig", newline="")


# --- XLSX ----------------------------------------------------------------------------------

_WIDTHS: Final = (28, 36, 34, 12, 20, 14)


def xlsx_bytes(rows: Iterable[TableRow], sheet: str = "Statistiques") -> bytes:
    return xlsx_table(HEADER, (r.cells() for r in rows), sheet=sheet, widths=_WIDTHS)


def write_xlsx(rows: Iterable[TableRow], path: Path, sheet: str = "Statistiques") -> None:
    path.write_bytes(xlsx_bytes(rows, sheet))

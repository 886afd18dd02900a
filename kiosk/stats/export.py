"""The quarter's statistics table as CSV and XLSX files (no Qt).

CSV is written for a French spreadsheet: ``;`` between fields, a decimal comma, UTF-8 with
a BOM so that Excel reads the accents. XLSX is a minimal Office Open XML workbook written
here with :mod:`zipfile` (one sheet, inline strings, real numbers): no dependency for a
file this simple.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Final
from xml.sax.saxutils import escape

from kiosk.exchange.csv_files import SafeCsvWriter
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

_XML: Final = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_PKG: Final = "http://schemas.openxmlformats.org/package/2006"
_REL: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SML: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_CONTENT_TYPES: Final = (
    f'{_XML}<Types xmlns="{_PKG}/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_SML}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SML}.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_SML}.styles+xml"/>'
    "</Types>"
)
_ROOT_RELS: Final = (
    f'{_XML}<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK_RELS: Final = (
    f'{_XML}<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>'
    "</Relationships>"
)
# Two cell formats: 0 plain, 1 bold (the header row).
_STYLES: Final = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    "</styleSheet>"
)  # fmt: skip
_WIDTHS: Final = (28, 36, 34, 12, 20, 14)


def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _xml_cell(ref: str, cell: Cell, style: int) -> str:
    s = f' s="{style}"' if style else ""
    if cell is None:
        return ""
    if isinstance(cell, float | int):
        return f'<c r="{ref}"{s}><v>{float(cell)!r}</v></c>'
    return f'<c r="{ref}"{s} t="inlineStr"><is><t>{escape(cell)}</t></is></c>'


def xlsx_bytes(rows: Iterable[TableRow], sheet: str = "Statistiques") -> bytes:
    lines = [HEADER, *(r.cells() for r in rows)]
    body = []
    for r, cells in enumerate(lines, 1):
        style = 1 if r == 1 else 0
        xml = "".join(_xml_cell(f"{_column(c)}{r}", cell, style) for c, cell in enumerate(cells))
        body.append(f'<row r="{r}">{xml}</row>')
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(_WIDTHS, 1)
    )
    worksheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
        'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
        f"<cols>{cols}</cols><sheetData>{''.join(body)}</sheetData></worksheet>"
    )
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{escape(sheet[:31])}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _ROOT_RELS)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        z.writestr("xl/styles.xml", _STYLES)
        z.writestr("xl/worksheets/sheet1.xml", worksheet)
    return out.getvalue()


def write_xlsx(rows: Iterable[TableRow], path: Path, sheet: str = "Statistiques") -> None:
    path.write_bytes(xlsx_bytes(rows, sheet))


def read_xlsx(data: bytes) -> list[list[Cell]]:
    """The first sheet's cells back (strings and numbers): what the tests check."""
    from xml.etree import ElementTree

    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = ElementTree.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows: list[list[Cell]] = []
    for row in root.iterfind("m:sheetData/m:row", ns):
        cells: list[Cell] = [None] * len(HEADER)
        for c in row.iterfind("m:c", ns):
            index = _column_index("".join(ch for ch in c.attrib["r"] if ch.isalpha()))
            if c.get("t") == "inlineStr":
                cells[index] = "".join(t.text or "" for t in c.iterfind("m:is/m:t", ns))
            else:
                v = c.find("m:v", ns)
                cells[index] = None if v is None or v.text is None else float(v.text)
        rows.append(cells)
    return rows


def _column_index(name: str) -> int:
    index = 0
    for ch in name:
        index = index * 26 + ord(ch) - 64
    return index - 1

"""XLSX exports open in a real reader (openpyxl), control characters and formula-looking
text included."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.utils.escape import unescape

from kiosk.exchange.xlsx import xlsx_table
from kiosk.stats.export import HEADER, TableRow, xlsx_bytes


def read_xlsx(data: bytes) -> list[list[Any]]:
    """The first sheet's rows as openpyxl reads them, Office's ``_x000B_`` escapes undone as
    Excel does; empty cells are None, numbers floats."""
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    sheet = book.worksheets[0]
    width = sheet.max_column or 0
    rows = []
    for row in sheet.iter_rows(values_only=True):
        cells = [
            float(c) if isinstance(c, int | float) else unescape(c) if isinstance(c, str) else c
            for c in row
        ]
        rows.append(cells + [None] * (width - len(cells)))
    book.close()
    return rows


def test_a_control_character_in_a_title_or_a_search_gives_a_valid_file() -> None:
    rows = [
        TableRow("Documents", "vues", "Guide\x0bRGPD\x01 (PDF)", 12, 3, 300.0),
        TableRow("Recherches", "terme", '=HYPERLINK("http://x")\x1f', 2),
    ]
    table = read_xlsx(xlsx_bytes(rows, sheet="2026-Q2"))
    assert tuple(table[0]) == HEADER
    assert table[1][2] == "Guide\x0bRGPD\x01 (PDF)"  # kept, escaped in the file as _x000B_
    assert table[2][2] == '=HYPERLINK("http://x")\x1f'  # text, not a formula
    assert table[1][3:] == [12.0, 3.0, 300.0]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=20), min_size=1, max_size=5), st.text(max_size=40))
def test_any_text_opens_in_openpyxl(texts: list[str], sheet: str) -> None:
    data = xlsx_table(["texte"], [[t] for t in texts], sheet=sheet)
    read = [row[0] for row in read_xlsx(data)[1:]]
    assert [r or "" for r in read] == texts  # a carriage return too (escaped as _x000D_)

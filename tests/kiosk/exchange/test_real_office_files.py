"""The one table reader every importer uses, on files saved by other people's spreadsheets
(``tests/fixtures/real/office``, see its SOURCES.md): Excel for Mac and for Windows, Excel
2010, LibreOffice Calc, and CSVs in Windows-1252 with CRLF line ends and a title above the
table. Each cell must come out as the sheet shows it."""

from __future__ import annotations

from pathlib import Path

from kiosk.exchange.csv_files import CsvProblem, parse_moment
from kiosk.exchange.tables import OTHER_SHEETS, TableRow, table_rows, xlsx_rows

OFFICE = Path(__file__).parents[2] / "fixtures" / "real" / "office"


def rows_of(name: str, required: tuple[str, ...] = ()) -> list[TableRow]:
    return list(table_rows((OFFICE / name).read_bytes(), filename=name, required=required))


def good(rows: list[TableRow]) -> list[dict[str, str]]:
    assert not [r for _, r in rows if isinstance(r, CsvProblem)]
    return [r for _, r in rows if isinstance(r, dict)]


def test_excel_date_time_cells_read_as_the_times_the_sheet_shows() -> None:
    rows = good(rows_of("excel-mac-datetimes.xlsx"))
    assert len(rows) == 4
    # the same moments typed as text beside them: the stored day fractions round to them
    for row in rows:
        assert parse_moment(row["dttm"]) == parse_moment(row["dttm_string"]), row
    assert rows[0]["dttm"] == "2016-04-28 11:30"


def test_excel_line_breaks_inside_a_cell_come_back_as_line_breaks() -> None:
    rows = good(rows_of("excel-windows-line-breaks.xlsx"))
    text = rows[0]["column_name"]
    assert "_x000D_" not in text  # what Excel writes for a carriage return
    assert "\r" not in text
    assert text.splitlines()[0] == "first line of text "  # the space typed before the break
    assert text.splitlines()[-1] == "last line"
    assert len(text.splitlines()) == 4


def test_libreoffice_dates_in_any_display_format_are_the_same_day() -> None:
    data = (OFFICE / "libreoffice-5-dates.xlsx").read_bytes()
    # its only row holds 2000-01-01 five times, each cell in another date format
    assert list(xlsx_rows(data, required=("2000-01-01",))) == []
    ((_, problem),) = list(xlsx_rows(data, required=("1999-12-31",)))
    assert isinstance(problem, CsvProblem)
    assert problem.reason == "missing column(s): 1999-12-31"


def test_excel_2010_numbers_and_long_ids_keep_their_digits() -> None:
    rows = good(rows_of("excel-2010-tweets.xlsx", ("id_str", "text")))
    assert len(rows) == 15
    first = rows[0]
    assert first["id_str"] == "474939423470395392"  # text in the sheet: not a float
    assert first["retweet_count"] == "0"  # a number in the sheet: not "0.0"
    assert first["lat"] == ""
    assert "cárgalo en Libre Office" in rows[2]["text"]


def test_windows_1252_csv_with_crlf_keeps_its_accents_and_quoted_cells() -> None:
    rows = good(rows_of("windows-1252-crlf-budget.csv", ("descripción",)))
    assert len(rows) == 115
    assert rows[1]["f"] == "Legislación"
    assert rows[0]["gasto total 2011"] == "229,932.50"  # quoted because of its comma
    assert all("\r" not in v for row in rows for v in row.values())


def test_a_title_above_the_table_is_skipped_when_the_columns_are_below() -> None:
    name = "excel-crlf-quoted-numbers.csv"
    rows = rows_of(name, ("year", "2007"))
    assert rows[0][0] == 5  # line numbers stay those of the file
    table = good(rows)
    assert table[0] == {"year": "Timber", "2000": "2,666", "2001": "2,274", "2002": "1,877",
                        "2003": "1,999", "2004": "2,055", "2005": "1,632", "2006": "1,687",
                        "2007": "1,751"}  # fmt: skip
    ((_, problem),) = rows_of(name, ("year", "2010"))
    assert isinstance(problem, CsvProblem)
    assert problem.reason == "missing column(s): year, 2010"  # named against row 1


def test_a_libreoffice_native_sheet_is_named_not_read_as_text() -> None:
    data = (OFFICE / "libreoffice-4-native.ods").read_bytes()
    for filename in ("simple.ods", "simple.csv"):  # by its name, or by its bytes
        ((line, problem),) = list(table_rows(data, filename=filename, required=("date",)))
        assert isinstance(problem, CsvProblem)
        assert (line, problem.reason) == (1, OTHER_SHEETS)

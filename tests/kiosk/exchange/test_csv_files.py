"""The shared office-file CSV: what Excel writes is read, and no cell of any export is a
formula a spreadsheet would run."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session, sessionmaker

from kiosk.checkin.door import export_attendance
from kiosk.db.models import Person
from kiosk.exchange.csv_files import (
    FORMULA_STARTS,
    CsvProblem,
    SafeCsvWriter,
    csv_rows,
    decode_text,
    parse_moment,
    safe_cell,
)
from kiosk.stats.export import TableRow, to_csv
from tests.helpers.checkin_world import World

type Factory = sessionmaker[Session]

EVIL = ["=cmd|' /C calc'!A0", "+SUM(1+1)", "@SUM(A1:A2)", "-2+3", "=HYPERLINK(\"http://x\")",
        "\t=1+1", "\r=1+1"]  # fmt: skip


def test_excel_windows_1252_with_semicolons_tabs_bom_and_french_dates_is_read() -> None:
    excel = "order;placed_at;libellé\r\nCC-1;10/11/2026 09:00;Clé USB\r\n".encode("cp1252")
    text = decode_text(excel)
    assert [row for _, row in csv_rows(text)] == [
        {"order": "CC-1", "placed_at": "10/11/2026 09:00", "libellé": "Clé USB"}
    ]
    tabbed = decode_text("\ufefforder\tplaced_at\nCC-2\t10/11/2026 09:00:30\n".encode())
    assert [row for _, row in csv_rows(tabbed)] == [
        {"order": "CC-2", "placed_at": "10/11/2026 09:00:30"}
    ]
    assert parse_moment("10/11/2026 09:00") == datetime(2026, 11, 10, 8, 0, tzinfo=UTC)
    assert parse_moment("10/11/2026 09:00:30") == datetime(2026, 11, 10, 8, 0, 30, tzinfo=UTC)
    assert parse_moment("2026-11-10") == datetime(2026, 11, 9, 23, 0, tzinfo=UTC)
    (problem,) = [row for _, row in csv_rows("a,b\n1,2,3\n")]
    assert problem == CsvProblem(2, "3 cells for 2 columns")


def read_back(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def evaluated(cell: str) -> bool:
    """What a spreadsheet would run as a formula (OWASP CSV injection)."""
    return cell.startswith(FORMULA_STARTS)


@given(st.lists(st.text(max_size=12) | st.sampled_from(EVIL), min_size=1, max_size=6))
def test_no_written_cell_is_a_formula_and_real_numbers_stay_numbers(cells: list[str]) -> None:
    out = io.StringIO()
    writer = SafeCsvWriter(out, numeric=(0,))
    writer.writerow(["n", *(f"c{i}" for i in range(len(cells)))])
    writer.writerow(["-2", *cells])
    writer.writerow(["-1,5", *cells])
    _, first, second = read_back(out.getvalue())
    assert (first[0], second[0]) == ("-2", "-1,5")  # negative numbers, numeric column
    for cell, original in zip(first[1:], cells, strict=True):
        assert not evaluated(cell)
        kept = original.replace("\r\n", "\n").replace("\r", "\n")
        assert cell in (kept, "'" + kept)  # nothing lost but a CR made a line feed


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=10) | st.sampled_from(EVIL), min_size=1, max_size=3))
def test_the_stats_export_neutralises_typed_searches_not_negative_changes(
    searches: list[str],
) -> None:
    rows = [TableRow("Recherches", "terme", s, 3.0, 5.0, -40.0) for s in searches]
    table = read_back(to_csv(rows), delimiter=";")
    assert all(not evaluated(cell) for row in table for cell in row[:3])
    assert {row[5] for row in table[1:]} == {"-40"}


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(EVIL) | st.text(min_size=1, max_size=10))
def test_the_attendance_export_neutralises_imported_names(
    world: World, session_factory: Factory, name: str
) -> None:
    with session_factory.begin() as s:
        person = s.get(Person, world.alice)
        assert person is not None
        person.last_name = name
        person.organisation = name
    out = io.StringIO()
    with session_factory() as s:
        export_attendance(s, world.masterclass, out)
    table = read_back(out.getvalue())
    assert all(not evaluated(cell) for row in table for cell in row)
    kept = name.replace("\r\n", "\n").replace("\r", "\n").strip()
    assert any(kept in cell for row in table for cell in row)


def test_safe_cell_follows_the_owasp_rule() -> None:
    assert [safe_cell(v) for v in EVIL[:-1]] == ["'" + v for v in EVIL[:-1]]
    assert safe_cell("\r=1+1") == "'\n=1+1"
    assert safe_cell("-2", numeric=True) == "-2"
    assert safe_cell("-2+3", numeric=True) == "'-2+3"
    assert safe_cell("Dupont") == "Dupont"

"""``smartcorner import orders``: CSV and JSON, all rows or none, safe to re-run."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.collect.status import LineStatus
from kiosk.collect.tables import CollectOrder, LineEvent, OrderLine
from tests.helpers import collect as c
from tests.helpers.workbooks import workbook
from ui.cli.main import main

S = LineStatus


@pytest.fixture
def catalogue(
    session_factory: sessionmaker[Session], sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> dict[str, str]:
    monkeypatch.setenv("SMARTCORNER_DB", sqlite_url)
    with session_factory.begin() as s:
        c.item(s, "CLAVIER")
        c.item(s, "ECRAN-24", tracked=True)
        return {"a": c.agent(s).matricule or "", "b": c.agent(s).matricule or ""}


def counts(factory: sessionmaker[Session]) -> tuple[int, int, int]:
    with factory() as s:
        return (
            int(s.scalar(select(func.count()).select_from(CollectOrder)) or 0),
            int(s.scalar(select(func.count()).select_from(OrderLine)) or 0),
            int(s.scalar(select(func.count()).select_from(LineEvent)) or 0),
        )


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def test_a_csv_export_from_excel_imports_and_reimports_without_change(
    catalogue: dict[str, str],
    session_factory: sessionmaker[Session],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a, b = catalogue["a"], catalogue["b"]
    text = (
        "order;line;matricule;item;quantity;status;placed_at;expected_at\n"
        f"CC-1;1;{a};CLAVIER;1;approved;2026-11-20T10:15;\n"
        f"CC-1;2;{a};ECRAN-24;2;placed;2026-11-20T10:15;2026-12-01\n"
        "\n"
        f"CC-2;1;{b.lower()};CLAVIER;;;2026-11-21;\n"
    )
    path = write(tmp_path / "orders.csv", text, encoding="utf-8-sig")
    assert main(["import", "orders", str(path)]) == 0
    assert "2 orders and 3 lines created" in capsys.readouterr().out
    assert counts(session_factory) == (2, 3, 3)
    with session_factory() as s:
        lines = {
            (line.order.reference, line.line_no): line for line in s.scalars(select(OrderLine))
        }
        assert lines[("CC-1", 1)].status is S.APPROVED
        assert lines[("CC-1", 2)].quantity == 2
        assert lines[("CC-1", 2)].expected_at is not None
        assert lines[("CC-2", 1)].status is S.PLACED  # the default
        placed = s.scalar(select(CollectOrder.placed_at).where(CollectOrder.reference == "CC-1"))
        assert placed is not None
        assert placed.isoformat() == "2026-11-20T09:15:00+00:00"  # Paris time, stored UTC

    assert main(["import", "orders", str(path)]) == 0
    assert "3 rows unchanged" in capsys.readouterr().out
    assert counts(session_factory) == (2, 3, 3)


def test_an_excel_workbook_of_orders_imports_like_its_csv(
    catalogue: dict[str, str],
    session_factory: sessionmaker[Session],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a = catalogue["a"]
    path = tmp_path / "commandes.xlsx"
    path.write_bytes(
        workbook(
            ["order", "line", "matricule", "item", "quantity", "status", "placed_at"],
            [
                ["CC-7", 1, a, "CLAVIER", 1, "approved", datetime(2026, 11, 20, 10, 15)],
                ["CC-8", 1, a, "ECRAN-24", 2, "placed", date(2026, 11, 20)],
            ],
            above=["Export du catalogue", "20/11/2026"],
        )
    )
    assert main(["import", "orders", str(path)]) == 0, capsys.readouterr().err
    assert "2 orders and 2 lines created" in capsys.readouterr().out
    with session_factory() as s:
        placed = s.scalar(select(CollectOrder.placed_at).where(CollectOrder.reference == "CC-7"))
        assert placed is not None
        assert placed.isoformat() == "2026-11-20T09:15:00+00:00"  # the cell's Paris time
        day = s.scalar(select(CollectOrder.placed_at).where(CollectOrder.reference == "CC-8"))
        assert day is not None
        assert day.isoformat() == "2026-11-19T23:00:00+00:00"  # a day alone: Paris midnight
        quantities = sorted(s.scalars(select(OrderLine.quantity)))
    assert quantities == [1, 2]  # Excel's 2.0 is 2
    path.write_bytes(workbook(["order", "line"], [["CC-9", 1]]))
    assert main(["import", "orders", str(path)]) == 2  # the file as a whole is refused
    assert "missing column(s): matricule, item, placed_at" in capsys.readouterr().err
    ods = Path(__file__).parents[2] / "fixtures" / "real" / "office" / "libreoffice-4-native.ods"
    assert main(["import", "orders", str(ods)]) == 2
    assert "save it as Excel (.xlsx) or as CSV" in capsys.readouterr().err


def test_bad_rows_are_all_reported_with_their_line_and_nothing_is_written(
    catalogue: dict[str, str],
    session_factory: sessionmaker[Session],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a = catalogue["a"]
    text = (
        "order,line,matricule,item,quantity,status,placed_at\n"
        f"CC-9,1,{a},CLAVIER,1,approved,2026-11-20\n"  # line 2: good
        "CC-8,1,A999999,CLAVIER,1,approved,2026-11-20\n"  # 3: unknown agent
        f"CC-9,3,{a},CLAVIER,0,approved,2026-11-20\n"  # 4: quantity
        f"CC-9,4,{a},CLAVIER,1,approved,31/02/2026\n"  # 5: date
        f"CC-9,1,{a},CLAVIER,1,approved,2026-11-20\n"  # 6: duplicate line
        f"CC-9,5,{a},SOURIS,1,ready,2026-11-20\n"  # 7: status
        f"CC-9,6,{a},SOURIS,1,approved,2026-11-20\n"  # 8: unknown item
        f"CC-9,7,{a},CLAVIER,1,approved,2026-11-20,extra\n"  # 9: too many fields
    )
    path = write(tmp_path / "bad.csv", text)
    assert main(["import", "orders", str(path)]) == 1
    err = capsys.readouterr().err
    for line, words in [
        (3, "no agent with matricule 'A999999'"),
        (4, "quantity 0"),
        (5, "'31/02/2026' is not a date"),
        (6, "already at line 2"),
        (7, "status 'ready'"),
        (8, "no catalogue item with code 'SOURIS'"),
        (9, "8 cells for 7 columns"),
    ]:
        assert f"bad.csv: line {line}: " in err
        assert words in err
    assert "line 2:" not in err
    assert "7 error(s), nothing imported" in err
    assert counts(session_factory) == (0, 0, 0)


def test_a_file_without_the_needed_columns_is_refused(
    catalogue: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "x.csv", "commande,article\nCC-1,CLAVIER\n")
    assert main(["import", "orders", str(path)]) == 2
    assert "missing column(s): order, line, matricule, item, placed_at" in capsys.readouterr().err


def test_json_orders_move_forward_never_backwards(
    catalogue: dict[str, str],
    session_factory: sessionmaker[Session],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a = catalogue["a"]

    def doc(status1: str, status2: str) -> str:
        return json.dumps(
            {
                "orders": [
                    {
                        "order": "CC-7",
                        "matricule": a,
                        "placed_at": "2026-11-20T10:00:00+01:00",
                        "lines": [
                            {"line": 1, "item": "CLAVIER", "status": status1},
                            {"line": 2, "item": "ECRAN-24", "status": status2},
                        ],
                    }
                ]
            }
        )

    path = write(tmp_path / "orders.json", doc("placed", "placed"))
    assert main(["import", "orders", str(path)]) == 0
    write(path, doc("approved", "cancelled"))
    assert main(["import", "orders", str(path)]) == 0
    assert "2 lines moved on" in capsys.readouterr().out
    with session_factory.begin() as s:
        line1, line2 = s.scalars(select(OrderLine).order_by(OrderLine.line_no))
        assert (line1.status, line2.status) == (S.APPROVED, S.CANCELLED)
        line1.status = S.READY  # the desk went on meanwhile
    write(path, doc("placed", "cancelled"))  # an older export comes again
    assert main(["import", "orders", str(path)]) == 0
    with session_factory() as s:
        assert s.scalars(select(OrderLine.status).order_by(OrderLine.line_no)).all() == [
            S.READY,
            S.CANCELLED,
        ]


def test_json_errors_name_the_position_and_cancelling_a_collected_line_is_refused(
    catalogue: dict[str, str],
    session_factory: sessionmaker[Session],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a, b = catalogue["a"], catalogue["b"]
    with session_factory.begin() as s:
        who = s.scalar(select(c.Person).where(c.Person.matricule == a))
        assert who is not None
        item = s.scalar(select(c.CatalogueItem).where(c.CatalogueItem.code == "CLAVIER"))
        assert item is not None
        c.order(s, who, [(item, S.COLLECTED)], reference="CC-DONE")
    rows = [
        {"order": "CC-DONE", "line": 1, "matricule": a, "item": "CLAVIER",
         "status": "cancelled", "placed_at": "2026-11-01"},
        {"order": "CC-DONE", "line": 2, "matricule": b, "item": "CLAVIER",
         "placed_at": "2026-11-01"},
        "not an object",
    ]  # fmt: skip
    path = write(tmp_path / "rows.json", json.dumps(rows))
    assert main(["import", "orders", str(path)]) == 1
    err = capsys.readouterr().err
    assert "row 1: order CC-DONE line 1 cannot be cancelled: it is already collected" in err
    assert "row 2: order CC-DONE: matricule or placed_at differs from row 1" in err
    assert "row 3: expected an object" in err


def test_dry_run_checks_and_writes_nothing(
    catalogue: dict[str, str],
    session_factory: sessionmaker[Session],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = write(
        tmp_path / "o.csv",
        f"order,line,matricule,item,placed_at\nCC-3,1,{catalogue['a']},CLAVIER,2026-11-20\n",
    )
    assert main(["import", "orders", "--dry-run", str(path)]) == 0
    assert "would import: 1 orders and 1 lines created" in capsys.readouterr().out
    assert counts(session_factory) == (0, 0, 0)


def test_excel_windows_1252_tabs_and_french_dates_are_read_as_the_other_importers_do(
    catalogue: dict[str, str],
    session_factory: sessionmaker[Session],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a = catalogue["a"]
    text = (
        "order;line;matricule;item;quantity;status;placed_at;expected_at\r\n"
        f"CC-É1;1;{a};CLAVIER;1;approved;10/11/2026 09:00;\r\n"
        f"CC-É1;2;{a};ECRAN-24;1;placed;10/11/2026 09:00;01/12/2026 10:00:30\r\n"
    )
    path = tmp_path / "commandes.csv"
    path.write_bytes(text.encode("cp1252"))  # Excel's "CSV (séparateur: point-virgule)"
    assert main(["import", "orders", str(path)]) == 0
    assert "1 orders and 2 lines created" in capsys.readouterr().out
    with session_factory() as s:
        placed = s.scalar(select(CollectOrder.placed_at).where(CollectOrder.reference == "CC-É1"))
        assert placed is not None
        assert placed.isoformat() == "2026-11-10T08:00:00+00:00"
    tabbed = tmp_path / "tab.csv"
    tabbed.write_text(text.replace(";", "\t").replace("CC-É1", "CC-T1"), encoding="utf-8")
    assert main(["import", "orders", str(tabbed)]) == 0
    assert counts(session_factory)[:2] == (2, 4)

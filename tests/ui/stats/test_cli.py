"""``smartcorner stats`` and ``smartcorner export stats`` on the hand-counted data set."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from kiosk.stats.export import HEADER
from tests.helpers import stats_world
from tests.kiosk.exchange.test_xlsx import read_xlsx
from ui.cli.main import main


@pytest.fixture
def world_db(
    engine: Engine, sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> str:
    with Session(engine) as session:
        stats_world.build(session)
        session.commit()
    monkeypatch.setenv("SMARTCORNER_DB", sqlite_url)
    monkeypatch.setenv("SMARTCORNER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SMARTCORNER_CONFIG", "")
    monkeypatch.chdir(tmp_path)
    return sqlite_url


def test_the_text_report_reads_as_the_council_writes_it(
    world_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", "--quarter", "2026-Q2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "Statistiques Smart Corner : 2e trimestre 2026 (du 01/04/2026 au 30/06/2026"
    )
    assert "  Participations : 12 (+140 % au 2e trimestre ; 5 au 1er trimestre 2026)" in out
    assert "absents : 2 (taux d'absence 18 % ; 33 % au 1er trimestre 2026)" in out
    assert "  Par type : Masterclass 5 · Atelier technologique 4 · Table ronde 3" in out
    assert "  Visites : 6 (+100 % au 2e trimestre ; 3 au 1er trimestre 2026)" in out
    assert "  Demandes : 4 (+300 % au 2e trimestre ; 1 au 1er trimestre 2026)" in out
    assert (
        "  Messagerie : 2 demande(s), 2 servie(s), 0 absent(s) ; attente moyenne 15,0 min, "
        "prise en charge moyenne 15,0 min" in out
    )
    assert "  Recherches sans résultat : 3 (n/a au 2e trimestre ; 0 au 1er trimestre 2026)" in out
    assert "  Recherches sans résultat : « Wi-Fi » 2 · « parapheur » 1" in out
    assert "  Lignes remises : 3 (+200 % au 2e trimestre ; 1 au 1er trimestre 2026)" in out
    assert "  Unités remises par article : Casque Teams 2 · Clavier 1 · Souris 1" in out
    assert (
        "  Délai entre « prêt » et le retrait : 18,7 h en moyenne, 48,0 h au plus (3 lignes)" in out
    )
    assert (
        "  Documents les plus consultés : Guide Teams 3 · Charte informatique 1 · retire 1" in out
    )


def test_an_empty_previous_quarter_says_n_a(
    world_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", "--quarter", "2026-Q1"]) == 0
    assert "  Participations : 5 (n/a au 1er trimestre ; 0 au 4e trimestre 2025)" in (
        capsys.readouterr().out
    )


def test_a_bad_quarter_is_refused_by_the_parser(
    world_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["stats", "--quarter", "2026-Q7"])
    assert exit_.value.code == 2
    assert "not a quarter" in capsys.readouterr().err


def test_the_csv_export_opens_in_a_french_spreadsheet(world_db: str, tmp_path: Path) -> None:
    assert main(["export", "stats", "--quarter", "2026-Q2"]) == 0
    raw = (tmp_path / "statistiques-2026-Q2.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert tuple(rows[0]) == HEADER
    by_key = {(r[1], r[2]): r[3:] for r in rows[1:]}
    assert by_key[("Participations", "total")] == ["12", "5", "140"]
    assert by_key[("Taux d'absence (%)", "total")] == ["18,2", "", ""]
    assert by_key[("Participations par direction", "Sans direction (visiteurs)")][0] == "1"
    assert by_key[("Visites", "total")] == ["6", "3", "100"]
    assert by_key[("Attente moyenne (min)", "Panne de matériel")][0] == "30"
    assert by_key[("Consultations de documents", "total")] == ["5", "2", "150"]
    assert by_key[("Recherches sans résultat par texte", "Wi-Fi")][0] == "2"
    assert by_key[("Lignes remises", "total")] == ["3", "1", "200"]
    assert by_key[("Délai prêt → retrait, moyen (h)", "total")][0] == "18,7"


def test_the_xlsx_export_is_a_workbook_with_the_same_figures(world_db: str, tmp_path: Path) -> None:
    target = tmp_path / "q2.xlsx"
    assert (
        main(
            ["export", "stats", "--quarter", "2026-Q2", "--format", "xlsx", "--output", str(target)]
        )
        == 0
    )
    with zipfile.ZipFile(target) as z:
        assert z.testzip() is None
        assert {"[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"} <= set(
            z.namelist()
        )
        assert b'name="2026-Q2"' in z.read("xl/workbook.xml")
    rows = read_xlsx(target.read_bytes())
    assert tuple(rows[0]) == HEADER
    by_key = {(r[1], r[2]): r[3:] for r in rows[1:]}
    assert by_key[("Participations", "total")] == [12.0, 5.0, 140.0]
    assert by_key[("Taux d'absence (%)", "total")] == [18.2, None, None]
    assert by_key[("Participations par type", "Masterclass")] == [5.0, None, None]
    csv_rows = tmp_path / "q2.csv"
    assert main(["export", "stats", "--quarter", "2026-Q2", "--output", str(csv_rows)]) == 0
    assert len(rows) == len(csv_rows.read_text(encoding="utf-8-sig").splitlines())

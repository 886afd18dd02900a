"""``smartcorner stats`` and ``smartcorner export stats`` carry the requests, the sign-ups made
at the kiosk and the projects opened (figures of tests/helpers/stats_world.py)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.kiosk.exchange.test_xlsx import read_xlsx
from tests.ui.stats.test_cli import world_db  # noqa: F401  (the fixture)
from ui.cli.main import main


def test_the_text_report_has_the_three_sections(
    world_db: str,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["stats", "--quarter", "2026-Q2"]) == 0
    out = capsys.readouterr().out
    assert "\nDemandes faites à la borne (matériel et services)\n" in out
    assert "  Acceptées : 2 (+100 % au 2e trimestre ; 1 au 1er trimestre 2026)" in out
    assert "  Agents sans direction : 1 demande(s), 0 acceptée(s), 0 refusée(s)" in out
    assert "  Inscriptions : 5 (+400 % au 2e trimestre ; 1 au 1er trimestre 2026)" in out
    assert "  Visiteurs extérieurs : 1 inscription(s)" in out
    assert (
        "  Projets les plus consultés : Télétravail serein 2 · ancien-projet 1 · Parapheur 1" in out
    )


def test_the_csv_and_xlsx_exports_have_their_rows(world_db: str, tmp_path: Path) -> None:  # noqa: F811
    assert main(["export", "stats", "--quarter", "2026-Q2"]) == 0
    raw = (tmp_path / "statistiques-2026-Q2.csv").read_bytes()
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    by_key = {(r[0], r[1], r[2]): r[3:] for r in rows[1:]}
    requests = "Demandes faites à la borne (matériel et services)"
    assert by_key[(requests, "Demandes", "total")] == ["4", "2", "100"]
    assert by_key[(requests, "Demandes refusées", "total")] == ["2", "0", ""]
    assert by_key[(requests, "Demandes par direction", "Direction des routes")][0] == "2"
    signups = "Inscriptions aux événements faites à la borne"
    assert by_key[(signups, "Inscriptions par direction", "Visiteurs extérieurs")][0] == "1"
    assert by_key[("Projets numériques", "Consultations de projets", "total")] == ["4", "2", "100"]
    target = tmp_path / "q2.xlsx"
    assert main(["export", "stats", "--quarter", "2026-Q2", "--format", "xlsx",
                 "--output", str(target)]) == 0  # fmt: skip
    sheet = {(r[0], r[1], r[2]): r[3:] for r in read_xlsx(target.read_bytes())[1:]}
    assert sheet[(signups, "Inscriptions", "total")] == [5.0, 1.0, 400.0]

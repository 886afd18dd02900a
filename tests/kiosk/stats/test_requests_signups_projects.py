"""Requests, sign-ups made at the kiosk and projects' pages opened, on the hand-counted data
set of tests/helpers/stats_world.py (read its docstring for where each number comes from)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from kiosk.stats.dashboard import quarter_dashboard, quarter_dashboard_by_parts
from kiosk.stats.figures import Change
from kiosk.stats.periods import Quarter
from kiosk.stats.report import report_text
from kiosk.stats.requests import RequestsRow
from kiosk.stats.signups import SignupsRow
from kiosk.stats.table import PROJECTS, REQUESTS, SIGNUPS, table
from tests.helpers import stats_world

Q1, Q2, Q3 = Quarter(2026, 1), Quarter(2026, 2), Quarter(2026, 3)


@pytest.fixture
def session(engine: Engine) -> Session:
    with Session(engine) as s:
        stats_world.build(s)
        s.commit()
        return s


def test_requests_are_counted_when_placed_and_decisions_when_made(session: Session) -> None:
    figures = quarter_dashboard(session, Q2).requests
    assert figures.requests == Change(4, 2)
    assert figures.approved == Change(2, 1)  # R2 placed in March, approved in April; no import
    assert figures.declined == Change(2, 0)  # by staff, and when replayed from the Smart Tour
    assert figures.by_direction == (
        RequestsRow("DR", "Direction des routes", 2, 1, 1),
        RequestsRow("DN", "Direction du numérique", 1, 1, 1),
        RequestsRow("-", "Agents sans direction", 1, 0, 0),
    )
    q3 = quarter_dashboard(session, Q3).requests
    assert (q3.requests, q3.approved) == (Change(1, 4), Change(1, 2))  # R7: 1 July in Paris


def test_sign_ups_made_at_the_kiosk_by_direction_with_the_visitors_row(session: Session) -> None:
    figures = quarter_dashboard(session, Q2).signups
    assert figures.signups == Change(5, 1)
    assert figures.promoted == Change(1, 1)
    assert figures.by_direction == (
        SignupsRow("DR", "Direction des routes", 2, 1, 0, 1),
        SignupsRow("DN", "Direction du numérique", 2, 0, 1, 0),
        SignupsRow("visiteurs", "Visiteurs extérieurs", 1, 0, 0, 0),
    )
    assert quarter_dashboard(session, Q3).signups.signups == Change(1, 5)


def test_projects_opened_in_the_quarter_and_the_most_opened(session: Session) -> None:
    board = quarter_dashboard(session, Q2)
    assert board.project_views == Change(4, 2)
    assert [(r.key, r.label, r.value) for r in board.top_projects] == [
        ("teletravail", "Télétravail serein", 2),
        ("ancien-projet", "ancien-projet", 1),
        ("parapheur", "Parapheur", 1),
    ]
    assert quarter_dashboard(session, Q3).project_views == Change(1, 4)


@pytest.mark.parametrize("quarter", [Q1, Q2, Q3])
def test_the_one_pass_dashboard_equals_the_granular_one(session: Session, quarter: Quarter) -> None:
    assert quarter_dashboard(session, quarter) == quarter_dashboard_by_parts(session, quarter)


def test_the_report_says_them_in_french(session: Session) -> None:
    text = report_text(quarter_dashboard(session, Q2))
    assert f"\n{REQUESTS}\n" in text
    assert "  Demandes : 4 (+100 % au 2e trimestre ; 2 au 1er trimestre 2026)" in text
    assert "  Refusées : 2 (n/a au 2e trimestre ; 0 au 1er trimestre 2026)" in text
    assert "  Direction des routes : 2 demande(s), 1 acceptée(s), 1 refusée(s)" in text
    assert "  Agents sans direction : 1 demande(s), 0 acceptée(s), 0 refusée(s)" in text
    assert f"\n{SIGNUPS}\n" in text
    assert "  Inscriptions : 5 (+400 % au 2e trimestre ; 1 au 1er trimestre 2026)" in text
    assert (
        "  Direction des routes : 2 inscription(s), dont 1 encore en liste d'attente et "
        "0 annulée(s) ; 1 place(s) donnée(s) depuis la liste d'attente" in text
    )
    assert "  Visiteurs extérieurs : 1 inscription(s), dont 0 encore" in text
    assert f"\n{PROJECTS}\n" in text
    assert "  Consultations de projets : 4 (+100 % au 2e trimestre ; 2 au 1er trimestre" in text
    assert (
        "  Projets les plus consultés : Télétravail serein 2 · ancien-projet 1 · Parapheur 1"
        in text
    )


def test_the_export_table_has_a_row_per_figure(session: Session) -> None:
    rows = {(r.section, r.indicator, r.detail): r.cells()[3:] for r in table(
        quarter_dashboard(session, Q2))}  # fmt: skip
    assert rows[(REQUESTS, "Demandes", "total")] == (4, 2, 100.0)
    assert rows[(REQUESTS, "Demandes acceptées", "total")] == (2, 1, 100.0)
    assert rows[(REQUESTS, "Demandes refusées", "total")] == (2, 0, None)
    assert rows[(REQUESTS, "Demandes refusées par direction", "Direction des routes")][0] == 1
    assert rows[(REQUESTS, "Demandes par direction", "Agents sans direction")][0] == 1
    assert rows[(SIGNUPS, "Inscriptions", "total")] == (5, 1, 400.0)
    assert rows[(SIGNUPS, "Inscriptions par direction", "Visiteurs extérieurs")][0] == 1
    assert rows[(SIGNUPS, "Annulées par direction", "Direction du numérique")][0] == 1
    assert (
        rows[(SIGNUPS, "Encore en liste d'attente par direction", "Direction des routes")][0] == 1
    )
    assert (
        rows[
            (
                SIGNUPS,
                "Places données depuis la liste d'attente par direction",
                "Direction des routes",
            )
        ][0]
        == 1
    )
    assert rows[(PROJECTS, "Consultations de projets", "total")] == (4, 2, 100.0)
    assert rows[(PROJECTS, "Projets les plus consultés", "Télétravail serein")][0] == 2

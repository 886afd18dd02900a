"""Opening a project counts it once; a count that cannot be written never hides the page."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, func, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from kiosk.projects.catalogue import ProjectStage
from kiosk.projects.gallery import open_project
from kiosk.projects.tables import Project, ProjectView

NOW = datetime(2026, 5, 20, 8, 30, tzinfo=UTC)


@pytest.fixture
def project(engine: Engine) -> str:
    with engine.begin() as conn:
        conn.execute(insert(Project), [{"slug": "teleassistance", "title": "Téléassistance",
                     "pitch": "-", "direction": "DSOL", "stage": ProjectStage.IN_SERVICE,
                     "fingerprint": "f", "updated_at": NOW}])  # fmt: skip
    return "teleassistance"


def test_an_opening_is_one_view_and_a_withdrawn_project_none(
    session_factory: sessionmaker[Session], project: str
) -> None:
    with session_factory() as session:
        detail = open_project(session, project, NOW, None)
        assert detail is not None
        assert detail.card.title == "Téléassistance"
        assert open_project(session, "withdrawn", NOW, None) is None
    with session_factory() as session:
        assert session.execute(select(ProjectView.project_slug, ProjectView.at)).all() == [
            (project, NOW)
        ]


def test_a_count_that_cannot_be_written_still_shows_the_page(
    engine: Engine,
    session_factory: sessionmaker[Session],
    project: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with engine.begin() as conn:  # the write fails, as on a damaged or foreign database
        conn.execute(text("DROP TABLE project_view"))
    with caplog.at_level(logging.WARNING), session_factory() as session:
        detail = open_project(session, project, NOW, None)
    assert detail is not None
    assert "the opening of project teleassistance was not counted" in caplog.text
    with session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Project)) == 1

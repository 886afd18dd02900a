"""The projects' pages opened on the Smart Tour go up to the central base once each."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from kiosk.db.models import Kiosk
from kiosk.projects.catalogue import ProjectStage
from kiosk.projects.gallery import open_project
from kiosk.projects.tables import Project, ProjectView
from kiosk.sync.tables import SyncState
from kiosk.sync.tour import PUSH
from tests.helpers.checkin_world import NOW
from tests.kiosk.sync.conftest import TOUR_CODE, Tour

SLUG = "teleassistance"


def _open(tour: Tour) -> None:
    """The tour kiosk's gallery opens the project (the desk's call, on the kiosk's file)."""
    with Session(tour.local) as session:
        assert open_project(session, SLUG, tour.clock.now(), tour.kiosk_id) is not None


def _central_views(tour: Tour) -> list[tuple[str, str]]:
    with tour.central.connect() as c:
        query = (
            select(ProjectView.project_slug, Kiosk.code)
            .join(Kiosk, Kiosk.id == ProjectView.kiosk_id)
            .order_by(ProjectView.id)
        )
        return [(slug, code) for slug, code in c.execute(query)]


@pytest.mark.parametrize(
    "which", ["sqlite_tour", pytest.param("pg_tour", marks=pytest.mark.postgres)]
)
def test_project_views_are_pushed_exactly_once(which: str, request: pytest.FixtureRequest) -> None:
    tour: Tour = request.getfixturevalue(which)
    with tour.central.begin() as t:  # the centre's showcase, brought down by the pull
        t.execute(insert(Project), [{"slug": SLUG, "title": "Téléassistance", "pitch": "-",
                  "direction": "DSOL", "stage": ProjectStage.IN_SERVICE, "fingerprint": "f",
                  "updated_at": NOW}])  # fmt: skip
    assert tour.sync().run().pushed.get("project_view", 0) == 0
    _open(tour)
    _open(tour)

    report = tour.sync().run()
    assert report.pushed["project_view"] == 2
    assert tour.sync().run().pushed.get("project_view", 0) == 0  # again: nothing twice
    assert _central_views(tour) == [(SLUG, TOUR_CODE), (SLUG, TOUR_CODE)]

    # A cut after the central commit, before the mark moved: the batch is sent again.
    with tour.local.begin() as t:
        t.execute(
            update(SyncState)
            .where(SyncState.direction == PUSH, SyncState.table_name == "project_view")
            .values(last_id=0)
        )
    assert tour.sync().run().pushed.get("project_view", 0) == 0
    assert len(_central_views(tour)) == 2

    _open(tour)
    assert tour.sync().run().pushed["project_view"] == 1
    assert len(_central_views(tour)) == 3

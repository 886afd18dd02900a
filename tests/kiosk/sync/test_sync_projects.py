"""Projets numériques come down to the Smart Tour by slug: a second pull updates, never adds."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select, update

from kiosk.db.engine import make_session_factory
from kiosk.projects.demo import write_demo_file
from kiosk.projects.gallery import project_cards
from kiosk.projects.importer import import_projects
from kiosk.projects.tables import Project
from tests.helpers.checkin_world import NOW
from tests.kiosk.sync.conftest import Tour


def test_the_projects_come_down_and_a_second_pull_updates_them(
    sqlite_tour: Tour, tmp_path: Path
) -> None:
    tour = sqlite_tour
    with make_session_factory(tour.central).begin() as session:
        assert import_projects(session, write_demo_file(tmp_path), NOW).ok
    tour.sync().run()
    with tour.central.begin() as c:
        c.execute(update(Project).where(Project.slug == "capteurs-de-crues")
                  .values(pitch="Des capteurs sur les vallons."))  # fmt: skip
    tour.sync().run()
    with make_session_factory(tour.local)() as session:
        assert session.scalar(select(func.count()).select_from(Project)) == 12
        found = project_cards(session, "vallons")
        assert [c.slug for c in found] == ["capteurs-de-crues"]
        assert found[0].pitch == "Des capteurs sur les vallons."

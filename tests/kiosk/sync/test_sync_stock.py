"""The catalogue's stock per site reaches the Smart Tour by site and item code, so the tour
kiosk can show « stock au dernier passage » offline; the central count has the last word."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.collect.stock import SET_BY_IMPORT, SET_BY_STAFF, counts, set_count
from kiosk.collect.tables import CatalogueItem
from kiosk.db.models import Site
from tests.helpers.checkin_world import NOW
from tests.kiosk.sync.collect_world import seed_collect
from tests.kiosk.sync.conftest import Tour


def _ids(s: Session, site_code: str, item_code: str) -> tuple[int, int]:
    site = s.scalar(select(Site.id).where(Site.code == site_code))
    item = s.scalar(select(CatalogueItem.id).where(CatalogueItem.code == item_code))
    assert site is not None
    assert item is not None
    return site, item


def test_the_pull_brings_each_sites_stock_by_code_and_the_central_count_wins(
    sqlite_tour: Tour,
) -> None:
    tour = sqlite_tour
    seed_collect(tour.central_sessions)
    with tour.central_sessions.begin() as s:
        site, mouse = _ids(s, "MENT", "SOURIS")
        set_count(s, site, mouse, 7, now=NOW, by=SET_BY_IMPORT)

    report = tour.sync().run()

    assert report.pulled["site_stock"] == 1
    with tour.local_sessions.begin() as s:
        site, mouse = _ids(s, "MENT", "SOURIS")
        assert counts(s, site) == {mouse: 7}
        set_count(s, site, mouse, 2, now=NOW, by=SET_BY_STAFF)  # a count made on the tour
    with tour.central_sessions.begin() as s:
        site, mouse = _ids(s, "MENT", "SOURIS")
        set_count(s, site, mouse, 5, now=NOW, by=SET_BY_STAFF)
    tour.sync().run()
    with tour.local_sessions() as s:
        site, mouse = _ids(s, "MENT", "SOURIS")
        assert counts(s, site) == {mouse: 5}

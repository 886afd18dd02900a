"""The itinerary and the announcements come down to the tour kiosk: a stop cancelled by a later
import goes there too, a withdrawn banner comes down with its new end; SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.announcements.service import announce, banners_for, withdraw
from kiosk.announcements.tables import Announcement
from kiosk.db.models import Site
from kiosk.itinerary.importer import import_tour
from kiosk.itinerary.stops import upcoming_stops
from kiosk.itinerary.tables import TourStop
from kiosk.settings import Profile
from tests.helpers.checkin_world import NOW
from tests.kiosk.sync.conftest import Tour

PLAN = [
    (
        "line 2",
        {"date": "21/05/2026", "site": "MENT", "start": "9h", "end": "16h", "offer": "Café"},
    ),
    ("line 3", {"date": "22/05/2026", "site": "CADAM", "start": "9h", "end": "12h"}),
]


@pytest.fixture(params=["sqlite_tour", "pg_tour"])
def tour(request: pytest.FixtureRequest) -> Tour:
    found: Tour = request.getfixturevalue(request.param)
    return found


def test_the_itinerary_and_the_banners_come_down(tour: Tour) -> None:
    with tour.central_sessions.begin() as s:
        assert import_tour(s, PLAN, NOW).created == 2
        banner = announce(s, "Fermé le 24/12", NOW, NOW + timedelta(days=2), NOW,
                          profiles=(Profile.TOUR,))  # fmt: skip
    report = tour.sync().run()
    assert report.pulled["tour_stop"] == 2
    assert report.pulled["announcement"] == 1
    with tour.local_sessions() as s:
        stops = upcoming_stops(s, NOW)
        assert [(x.site_code, x.town, x.offer) for x in stops] == [
            ("MENT", "Menton", "Café"), ("CADAM", "Nice", ""),
        ]  # fmt: skip
        local_ment = s.scalar(select(Site.id).where(Site.code == "MENT"))
        assert local_ment is not None
        assert [b.text for b in banners_for(s, NOW, Profile.TOUR, "TOUR-1")] == ["Fermé le 24/12"]

    # the 22nd is cancelled by a new plan for that day, the banner withdrawn
    with tour.central_sessions.begin() as s:
        moved = [("line 2", {"date": "22/05/2026", "site": "MENT", "start": "14h", "end": "17h"})]
        report_import = import_tour(s, moved, NOW)
        assert (report_import.created, report_import.removed) == (1, 1)
        nonce = s.scalar(select(Announcement.nonce).where(Announcement.id == banner.id))
        assert withdraw(s, banner.id, NOW + timedelta(hours=1))
    report = tour.sync().run()
    assert report.pruned.get("tour_stop") == 1
    with tour.local_sessions() as s:
        assert [x.ref for x in upcoming_stops(s, NOW)] == [
            "MENT/2026-05-21T09:00", "MENT/2026-05-22T14:00",
        ]  # fmt: skip
        later = NOW + timedelta(hours=2)
        assert banners_for(s, later, Profile.TOUR, "TOUR-1") == []
        local = s.scalar(select(Announcement).where(Announcement.nonce == nonce))
        assert local is not None
        assert local.ends_at == NOW + timedelta(hours=1)
    # a second meeting with nothing new changes nothing
    again = tour.sync().run()
    assert again.pruned.get("tour_stop", 0) == 0


def test_a_stop_over_before_the_pull_window_stays_while_the_centre_keeps_it(tour: Tour) -> None:
    with tour.central_sessions.begin() as s:
        assert import_tour(s, PLAN, NOW).created == 2
    tour.sync().run()
    tour.clock.set(NOW + timedelta(days=45))  # both stops are over, before the pull window
    report = tour.sync().run()
    assert report.pruned.get("tour_stop", 0) == 0
    assert tour.count(tour.local, TourStop) == 2

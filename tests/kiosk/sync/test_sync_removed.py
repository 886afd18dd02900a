"""What the central base deleted leaves the Smart Tour kiosk at its next sync: an event staff
deleted by hand (an import leaves cancelled ones for them to decide) goes with its
registrations, so the tour neither shows it nor admits to it — unless a check-in made here
names it, which must still go up; a re-sync changes nothing. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import delete, select

from kiosk.db.models import Event, Registration
from kiosk.domain import EventKind, Space
from kiosk.sync.tour import SyncReport
from tests.helpers.checkin_world import NOW, paris
from tests.kiosk.sync.conftest import Tour


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def tour(request: pytest.FixtureRequest) -> Tour:
    name = "sqlite_tour" if request.param == "sqlite" else "pg_tour"
    return request.getfixturevalue(name)  # type: ignore[no-any-return]


def _event(tour: Tour, title: str) -> int:
    with tour.central_sessions.begin() as s:
        event = Event(
            kind=EventKind.ATELIER_TECHNOLOGIQUE, title=title, space=Space.REMOTE_SITE,
            site_id=tour.world.remote_site, starts_at=paris(2, 14), ends_at=paris(2, 16),
            capacity=None, created_at=NOW - timedelta(days=3),
        )  # fmt: skip
        s.add(event)
        s.flush()
        s.add(Registration(event_id=event.id, person_id=tour.crowd[0], status="confirmed",
                           created_at=NOW))  # fmt: skip
        return event.id


def _delete_centrally(tour: Tour, event: int) -> None:
    with tour.central.begin() as c:
        c.execute(delete(Registration).where(Registration.event_id == event))
        c.execute(delete(Event).where(Event.id == event))


def _local_events(tour: Tour) -> set[int]:
    with tour.local.connect() as c:
        return set(c.scalars(select(Event.id)))


def test_an_event_deleted_centrally_leaves_the_tour_with_its_registrations(tour: Tour) -> None:
    gone, kept = _event(tour, "Atelier annulé"), _event(tour, "Atelier maintenu")
    tour.sync().run()
    assert {gone, kept} <= _local_events(tour)
    _delete_centrally(tour, gone)

    report = tour.sync().run()
    assert report.pruned["event"] == 1
    assert gone not in _local_events(tour)
    assert {kept, tour.cafe} <= _local_events(tour)
    assert tour.count(tour.local, Registration, event_id=gone) == 0
    assert tour.count(tour.local, Registration, event_id=kept) == 1
    again = tour.sync().run()
    assert again.pruned.get("event", 0) == 0
    assert gone not in _local_events(tour)


def test_an_event_deleted_centrally_that_a_check_in_here_names_stays_to_go_up(
    tour: Tour,
) -> None:
    """The check-in was made while the sync ran (after its push): the pull keeps its event."""
    assert tour.check_in(tour.crowd[0]) == "ok"  # offline, at the tour's door
    _delete_centrally(tour, tour.cafe)
    report = SyncReport()
    tour.sync()._pull(report)
    assert report.pruned.get("event", 0) == 0
    assert tour.cafe in _local_events(tour)
    assert tour.count(tour.local, Registration, event_id=tour.cafe) == len(tour.crowd)

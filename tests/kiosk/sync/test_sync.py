"""Smart Tour sync rules, with a SQLite central database (fast); the network cut and the
PostgreSQL server are in test_sync_postgres.py."""

from __future__ import annotations

from datetime import timedelta
from uuid import uuid4

from sqlalchemy import select, update

from kiosk.checkin import undo_checkin
from kiosk.db.models import Event, Person
from kiosk.db.models_checkin import Attendance, Badge, CheckinRecord, SpaceVisit
from kiosk.db.models_sync import SyncConflict, SyncState
from kiosk.sync import sync_status
from tests.helpers.checkin_world import NOW
from tests.kiosk.sync.conftest import Tour


def test_first_pull_keeps_central_ids_so_ticket_codes_work_offline(sqlite_tour: Tour) -> None:
    tour = sqlite_tour
    with tour.central.connect() as c, tour.local.connect() as t:
        agents = select(Person.id, Person.matricule).where(Person.kind == "agent")
        central = c.execute(agents.order_by(Person.id)).all()
        local = t.execute(select(Person.id, Person.matricule).order_by(Person.id)).all()
        assert [tuple(r) for r in local] == [tuple(r) for r in central]  # the visitor: no need
        assert t.scalar(select(Event.title).where(Event.id == tour.cafe)) == (
            "Café numérique à Menton"
        )
        assert t.scalar(select(Badge.person_id).where(Badge.hash == tour.world.alice_badge)) == (
            tour.world.alice
        )
    status = sync_status(tour.local, tour.kiosk_id)
    assert status.data_as_of == NOW
    assert status.pending == 0
    assert status.last_error is None


def test_offline_check_ins_reach_the_central_base_once_with_conflicts_in_words(
    sqlite_tour: Tour,
) -> None:
    tour = sqlite_tour
    for person in tour.crowd[:3]:  # online at the Smart Room door, before the tour syncs
        assert tour.check_in(person, central_kiosk=tour.world.kiosk, minutes=-5) == "ok"
    for person in tour.crowd[:10]:  # offline on the tour kiosk
        assert tour.check_in(person) == "ok"
    assert sync_status(tour.local, tour.kiosk_id).pending == 10

    report = tour.sync(batch_size=4).run()

    assert report.pushed["checkin"] == 10
    assert tour.count(tour.central, Attendance, event_id=tour.cafe) == 10  # 3 + 7, not 13
    assert tour.count(tour.central, CheckinRecord, event_id=tour.cafe) == 13  # the whole ledger
    assert tour.count(tour.central, CheckinRecord, event_id=tour.cafe, outcome="ok") == 10
    with tour.local.connect() as t:
        conflicts = t.execute(select(SyncConflict.person_id, SyncConflict.message)).all()
    assert sorted(p for p, _ in conflicts) == sorted(tour.crowd[:3])
    assert {m for _, m in conflicts} == {"Déjà enregistré à 10:25 au kiosque Smart Room — entrée"}
    status = sync_status(tour.local, tour.kiosk_id)
    assert (status.pending, status.conflicts, status.last_error) == (0, 3, None)

    # Again: nothing new. And a replay of everything (the marks lost) changes nothing either.
    assert tour.sync().run().pushed.get("checkin", 0) == 0
    with tour.local.begin() as t:
        t.execute(update(SyncState).where(SyncState.direction == "push").values(last_id=0))
    replay = tour.sync(batch_size=3).run()
    assert replay.pushed["checkin"] == 0
    assert len(replay.conflicts) == 3  # worked out again from the central rows...
    assert tour.count(tour.local, SyncConflict) == 3  # ...but kept once
    assert tour.count(tour.central, CheckinRecord, event_id=tour.cafe) == 13


def test_an_undo_on_the_tour_frees_the_central_place(sqlite_tour: Tour) -> None:
    tour = sqlite_tour
    person = tour.crowd[0]
    tour.check_in(person)
    tour.sync().run()
    with tour.local_sessions() as s:
        checkin = s.scalar(select(CheckinRecord.id).where(CheckinRecord.person_id == person))
        assert checkin is not None
        assert undo_checkin(s, checkin, tour.kiosk_id, NOW, uuid4().hex)
    tour.sync().run()
    assert tour.count(tour.central, Attendance, event_id=tour.cafe) == 0
    # Online again, the same person can be checked in at the Smart Room door.
    assert tour.check_in(person, central_kiosk=tour.world.kiosk, minutes=5) == "ok"


def test_visits_count_once_per_person_day_and_space(sqlite_tour: Tour) -> None:
    tour = sqlite_tour
    day = NOW.date()

    def visit(factory_engine: str, person: int, kiosk: int, minutes: int) -> None:
        factory = tour.central_sessions if factory_engine == "central" else tour.local_sessions
        with factory.begin() as s:
            site = s.scalar(select(Event.site_id).where(Event.id == tour.cafe))
            s.add(
                SpaceVisit(
                    nonce=uuid4().hex,
                    kiosk_id=kiosk,
                    at=NOW + timedelta(minutes=minutes),
                    day=day,
                    person_id=person,
                    site_id=site,
                    space="remote_site",
                )
            )

    for person in tour.crowd[:2]:
        visit("central", person, tour.world.kiosk, -30)
    for person in tour.crowd[:5]:
        visit("local", person, tour.kiosk_id, 0)

    report = tour.sync().run()

    assert report.pushed["space_visit"] == 3
    assert tour.count(tour.central, SpaceVisit) == 5  # 2 + 5 - 2 counted twice
    messages = [c.message for c in report.conflicts if c.table == "space_visit"]
    assert messages == ["Visite déjà comptée à 10:00 au kiosque Smart Room — entrée"] * 2

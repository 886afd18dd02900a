"""Smart Tour sync rules, with a SQLite central database (fast); the network cut and the
PostgreSQL server are in test_sync_postgres.py."""

from __future__ import annotations

from datetime import timedelta
from uuid import uuid4

import pytest
from sqlalchemy import insert, select, update

from kiosk.checkin.service import register_walk_in, undo_checkin
from kiosk.checkin.tables import Attendance, CheckinRecord, SpaceVisit
from kiosk.db.models import Badge, Direction, Event, Kiosk, Person, Registration, Site
from kiosk.documents.tables import Document, DocumentSearch, DocumentView
from kiosk.help.domain import HelpReason
from kiosk.help.queue import call, finish, issue_ticket, start_serving
from kiosk.help.tables import HelpRequest
from kiosk.people import find_or_create_visitor
from kiosk.rgpd.retention import purge
from kiosk.sync.failures import SyncFailure
from kiosk.sync.tables import SyncConflict, SyncState
from kiosk.sync.tour import SyncCancelled, TourSync, sync_status
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


def test_an_offline_admission_keeps_the_direction_the_person_was_in(sqlite_tour: Tour) -> None:
    """The statistics count check-ins by the direction recorded at admission (migration 0008):
    the tour's attendance row carries it up, matched by the direction's code."""
    tour = sqlite_tour
    mover, plain = tour.crowd[:2]
    with tour.central.begin() as c:
        c.execute(insert(Direction).values(code="DRH", name="Ressources humaines"))
        drh = c.scalar(select(Direction.id).where(Direction.code == "DRH"))
        c.execute(update(Person).where(Person.id == mover).values(direction_id=drh))
    tour.sync().run()  # the direction and the person's move come down
    assert tour.check_in(mover) == "ok"
    assert tour.check_in(plain) == "ok"
    with tour.central.begin() as c:  # the agent changes direction before the tour syncs
        c.execute(update(Person).where(Person.id == mover).values(direction_id=None))

    tour.sync().run()

    with tour.central.connect() as c:
        recorded = dict(
            c.execute(
                select(Attendance.person_id, Attendance.direction_id).where(
                    Attendance.event_id == tour.cafe
                )
            ).all()
        )
    assert recorded == {mover: drh, plain: None}


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


def test_a_walk_in_visitor_made_offline_gets_the_central_id_at_the_next_pull(
    sqlite_tour: Tour,
) -> None:
    tour = sqlite_tour
    with tour.local_sessions() as s:  # take the id the central base gives its next person
        visitor = find_or_create_visitor(
            s,
            first_name="Jeanne",
            last_name="Morel",
            organisation="Mairie de Menton",
            email=None,
            now=NOW,
        )
        s.commit()
        result = register_walk_in(s, visitor, tour.cafe, tour.kiosk_id, NOW, uuid4().hex,
                                  staff_id=tour.world.staff)  # fmt: skip
    assert result.outcome.value == "ok"
    with tour.central_sessions.begin() as s:  # meanwhile, someone is added centrally
        s.add(Person(kind="agent", matricule="Z000001", first_name="Zoé", last_name="Nouvelle",
                     role="agent", created_at=NOW))  # fmt: skip

    tour.sync().run()  # push: the visitor, her seat and her check-in; pull: ids put right

    with tour.central.connect() as c:
        central_id = c.scalar(select(Person.id).where(Person.last_name == "Morel"))
        assert (
            c.scalar(
                select(Registration.status).where(
                    Registration.person_id == central_id, Registration.event_id == tour.cafe
                )
            )
            == "confirmed"
        )
        zoe = c.scalar(select(Person.id).where(Person.matricule == "Z000001"))
    assert central_id is not None
    assert central_id != visitor  # Zoé took that id centrally...
    assert zoe == visitor
    with tour.local.connect() as t:  # ...and has it here now; Jeanne and her records moved
        assert t.scalar(select(Person.last_name).where(Person.id == zoe)) == "Nouvelle"
        assert t.scalar(select(Person.last_name).where(Person.id == central_id)) == "Morel"
        assert (
            t.scalar(select(CheckinRecord.person_id).where(CheckinRecord.method == "walk_in"))
            == central_id
        )
    assert tour.count(tour.central, Attendance, person_id=central_id) == 1
    assert tour.sync().run().pushed == {}  # nothing new, nothing twice


def test_a_visitor_purged_here_does_not_come_back_with_the_pull(sqlite_tour: Tour) -> None:
    tour = sqlite_tour
    vera = tour.world.vera
    with tour.central.begin() as c:  # Véra is registered to the café: the pull brings her
        c.execute(insert(Registration).values(event_id=tour.cafe, person_id=vera,
                                              status="confirmed", created_at=NOW))  # fmt: skip
    tour.sync().run()
    assert tour.count(tour.local, Person, id=vera) == 1

    later = NOW + timedelta(days=20)  # the café is long over; visitors are kept 10 days here
    tour.clock.set(later)
    purge(tour.local, later, {"visitors": 10}, dry_run=False)
    assert tour.count(tour.local, Person, id=vera) == 0
    tour.sync(retention={"visitors": 10}).run()
    assert tour.count(tour.local, Person, id=vera) == 0
    assert tour.count(tour.central, Person, id=vera) == 1  # the central base purges on its own


def test_conflicts_are_purged_with_their_period_and_keep_no_name(sqlite_tour: Tour) -> None:
    tour = sqlite_tour
    person = tour.crowd[0]
    tour.check_in(person, central_kiosk=tour.world.kiosk, minutes=-5)
    tour.check_in(person)
    tour.sync().run()
    with tour.local.connect() as t:
        row = t.execute(select(SyncConflict.person_id, SyncConflict.message)).one()
    assert row.person_id == person
    first_name = tour.count(tour.local, Person, id=person) and "Agent0"
    assert first_name not in row.message

    lines = purge(tour.local, NOW + timedelta(days=91), {}, dry_run=False)
    assert next(line.rows for line in lines if line.kind == "sync_conflicts") == 1
    assert tour.count(tour.local, SyncConflict) == 0


def test_help_requests_are_sent_when_done_and_renumbered_on_a_clash(sqlite_tour: Tour) -> None:
    tour = sqlite_tour
    with tour.local_sessions() as s:
        tour_site = s.scalar(select(Site.id).where(Site.code == "MENT"))
        s.execute(update(Kiosk).where(Kiosk.id == tour.kiosk_id).values(site_id=tour_site))
        s.commit()
    with tour.central_sessions() as s:  # a Menton kiosk of the central base gave M-001 today
        menton = s.scalar(select(Kiosk.id).where(Kiosk.code == "K2"))
        s.execute(update(Kiosk).where(Kiosk.id == menton).values(site_id=tour.world.remote_site))
        s.commit()
        issue_ticket(s, kiosk_id=menton, reason=HelpReason.MAIL, now=NOW)
        s.commit()
    with tour.local_sessions() as s:
        first = issue_ticket(s, kiosk_id=tour.kiosk_id, reason=HelpReason.MAIL, now=NOW)
        s.commit()
        second = issue_ticket(s, kiosk_id=tour.kiosk_id, reason=HelpReason.MAIL, now=NOW)
        s.commit()
        call(s, first.request_id, "Poste 1", NOW)
        start_serving(s, first.request_id, NOW)
        finish(s, first.request_id, NOW + timedelta(minutes=9))
        s.commit()

    report = tour.sync().run()

    assert report.pushed["help_request"] == 2
    with tour.central.connect() as c:
        tickets = dict(c.execute(select(HelpRequest.nonce, HelpRequest.ticket)).all())
        states = dict(c.execute(select(HelpRequest.nonce, HelpRequest.state)).all())
    with tour.local.connect() as t:
        nonces = dict(t.execute(select(HelpRequest.id, HelpRequest.nonce)).all())
    assert sorted(tickets.values()) == ["M-001", "M-002", "M-003"]
    assert tickets[nonces[first.request_id]] == "M-002"  # renumbered after the central M-001
    clash = (
        "Ticket M-00{} du 20/05/2026 : numéro déjà donné par un autre kiosque, "
        "enregistré sous M-00{}"
    )
    assert [c.message for c in report.conflicts] == [clash.format(1, 2), clash.format(2, 3)]
    assert states[nonces[first.request_id]] == "done"
    # The open one is sent again until it is done; its state follows.
    with tour.local_sessions() as s:
        call(s, second.request_id, "Poste 1", NOW)
        start_serving(s, second.request_id, NOW)
        finish(s, second.request_id, NOW + timedelta(minutes=20))
        s.commit()
    assert sync_status(tour.local, tour.kiosk_id).pending == 1
    tour.sync().run()
    with tour.central.connect() as c:
        done = c.scalar(select(HelpRequest.state).where(
            HelpRequest.nonce == nonces[second.request_id]))  # fmt: skip
    assert done == "done"
    assert sync_status(tour.local, tour.kiosk_id).pending == 0
    with tour.local_sessions() as s:  # a new one, still waiting: the mark stays where it was
        issue_ticket(s, kiosk_id=tour.kiosk_id, reason=HelpReason.MAIL, now=NOW)
        s.commit()
    tour.sync().run()
    with tour.local.connect() as t:
        mark = t.scalar(select(SyncState.last_id).where(
            SyncState.direction == "push", SyncState.table_name == "help_request"))  # fmt: skip
    assert mark == second.request_id


def test_help_tickets_sent_behind_an_open_one_are_not_counted_as_waiting(
    sqlite_tour: Tour,
) -> None:
    """One ticket stays open all morning: the push sends it again at each sync (its mark waits
    for it), but what went up with it is in the central base — the chip counted it all as
    « à envoyer ». It counts only what changed since the last push."""
    tour = sqlite_tour
    minutes = lambda n: NOW + timedelta(minutes=n)  # noqa: E731
    with tour.local_sessions() as s:
        site = s.scalar(select(Site.id).where(Site.code == "MENT"))
        s.execute(update(Kiosk).where(Kiosk.id == tour.kiosk_id).values(site_id=site))
        s.commit()
        still_open = issue_ticket(s, kiosk_id=tour.kiosk_id, reason=HelpReason.MAIL,
                                  now=minutes(-60)).request_id  # fmt: skip
        s.commit()
        for n in range(3):
            done = issue_ticket(s, kiosk_id=tour.kiosk_id, reason=HelpReason.OTHER,
                                now=minutes(-50 + n)).request_id  # fmt: skip
            s.commit()
            call(s, done, "Poste 1", minutes(-40 + n))
            start_serving(s, done, minutes(-40 + n))
            finish(s, done, minutes(-30 + n))
            s.commit()
    assert sync_status(tour.local, tour.kiosk_id).pending == 4
    assert tour.sync().run().pushed["help_request"] == 4
    assert sync_status(tour.local, tour.kiosk_id).pending == 0  # was 4: all went up

    with tour.local_sessions() as s:  # the open one moves: that change waits for the push
        call(s, still_open, "Poste 2", minutes(5))
        s.commit()
    assert sync_status(tour.local, tour.kiosk_id).pending == 1
    tour.clock.set(minutes(10))
    tour.sync().run()
    with tour.central.connect() as c:
        state = c.scalar(select(HelpRequest.state).where(HelpRequest.ticket.like("M-%")))
    assert state == "called"
    assert sync_status(tour.local, tour.kiosk_id).pending == 0
    with tour.local_sessions() as s:
        start_serving(s, still_open, minutes(12))
        finish(s, still_open, minutes(20))
        s.commit()
    assert sync_status(tour.local, tour.kiosk_id).pending == 1
    tour.clock.set(minutes(30))
    tour.sync().run()
    assert sync_status(tour.local, tour.kiosk_id).pending == 0


def test_a_shutdown_stops_the_sync_between_batches_and_the_next_one_resumes(
    sqlite_tour: Tour,
) -> None:
    tour = sqlite_tour
    for person in tour.crowd[:9]:
        tour.check_in(person)
    asked = iter(range(100))
    stopping = TourSync(tour.local, tour.central, tour.kiosk_id, tour.clock, batch_size=3,
                        should_stop=lambda: next(asked) >= 4)  # fmt: skip
    with pytest.raises(SyncCancelled):
        stopping.run()
    # Asked before each batch: badges (none), sign-ups (none), check-ins 1-3, 4-6, then told
    # to stop.
    assert tour.count(tour.central, CheckinRecord, event_id=tour.cafe) == 6
    stopped = sync_status(tour.local, tour.kiosk_id)
    assert stopped.last_failure is SyncFailure.CANCELLED  # a code: the screens word it
    assert stopped.last_error == "stopped between two batches: the kiosk is shutting down"
    assert tour.sync(batch_size=3).run().pushed["checkin"] == 3
    assert sync_status(tour.local, tour.kiosk_id).last_error is None


def test_document_usage_goes_up_and_the_catalogue_comes_down(sqlite_tour: Tour) -> None:
    tour = sqlite_tour
    document = {"slug": "guide-teletravail", "kind": "pdf", "title": "Guide du télétravail",
                "theme": "Travail", "published_on": NOW.date(), "fingerprint": "f" * 64,
                "created_at": NOW, "updated_at": NOW}  # fmt: skip
    with tour.central.begin() as c:
        c.execute(insert(Document), [document])
    with tour.local.begin() as t:
        t.execute(
            insert(DocumentView),
            [
                {
                    "nonce": uuid4().hex,
                    "kiosk_id": tour.kiosk_id,
                    "at": NOW,
                    "document_slug": "guide-teletravail",
                    "source": "search",
                }
            ],
        )
        t.execute(insert(DocumentSearch), [{"nonce": uuid4().hex, "kiosk_id": tour.kiosk_id,
                  "at": NOW, "query": "télétravail", "normalized": "teletravail",
                  "result_count": 0}])  # fmt: skip

    report = tour.sync().run()
    tour.sync().run()  # again: nothing twice

    assert report.pushed == {"document_view": 1, "document_search": 1}
    assert tour.count(tour.central, DocumentView) == 1
    assert tour.count(tour.central, DocumentSearch) == 1
    with tour.local.connect() as t:
        assert t.scalar(select(Document.title).where(Document.slug == "guide-teletravail")) == (
            "Guide du télétravail"
        )

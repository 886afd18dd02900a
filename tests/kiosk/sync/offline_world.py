"""Requests and sign-ups made at the Smart Tour kiosk offline while a Smart Store kiosk works
online on the central base: the scenarios both the SQLite and the PostgreSQL tests run."""

from __future__ import annotations

from datetime import timedelta
from uuid import uuid4

from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from kiosk.checkin.service import CheckinContext, CodeIdentity, check_in
from kiosk.codes import reference_code
from kiosk.collect.requests import (
    NewRequest,
    RequestPlaced,
    RequestRefused,
    agent_requests,
    record_request,
)
from kiosk.collect.stock import SET_BY_IMPORT, set_count
from kiosk.collect.tables import CatalogueItem, CollectOrder, OrderLine
from kiosk.db.models import Event, Person, Registration, Site
from kiosk.domain import EventKind, PersonKind, RegistrationSource, RegistrationStatus, Space
from kiosk.people import VisitorForm
from kiosk.signup.myspace import my_space
from kiosk.signup.registration import (
    ActOrigin,
    SignupProblem,
    cancel,
    sign_up,
    sign_up_visitor,
)
from kiosk.signup.tables import Notice, NoticeKind, SignupAct
from kiosk.sync.tables import SyncConflict, SyncState
from kiosk.sync.tour import SyncReport, sync_status
from tests.helpers.checkin_world import NOW, paris
from tests.kiosk.collect.test_postgres import together
from tests.kiosk.sync.collect_world import seed_collect
from tests.kiosk.sync.conftest import Tour


def _central_counts(tour: Tour) -> tuple[int, ...]:
    return (
        tour.count(tour.central, CollectOrder),
        tour.count(tour.central, OrderLine),
        tour.count(tour.central, Notice),
        tour.count(tour.central, SignupAct),
        tour.count(tour.central, Registration),
    )


def push_twice(tour: Tour) -> SyncReport:
    """Push, then push the same batches again as after a cut between the central commit and
    the local mark's: the second time changes nothing centrally. Returns the first report."""
    first = SyncReport()
    tour.sync()._push(first)
    before = _central_counts(tour)
    with tour.local.begin() as conn:
        conn.execute(update(SyncState).where(SyncState.direction == "push").values(last_id=0))
    again = SyncReport()
    tour.sync()._push(again)
    assert again.pushed.get("collect_order", 0) == 0
    assert again.pushed.get("signup_act", 0) == 0
    assert _central_counts(tour) == before
    return first


def resync_changes_nothing(tour: Tour) -> None:
    """The batches sent again (the marks lost, as after a cut before the local commit)."""
    before = _central_counts(tour)
    with tour.local.begin() as conn:
        conn.execute(update(SyncState).values(last_id=0))
    report = tour.sync().run()
    assert report.pushed.get("collect_order", 0) == 0
    assert report.pushed.get("signup_act", 0) == 0
    assert _central_counts(tour) == before


def _request(factory: sessionmaker[Session], kiosk: int, person: int, item: int) -> RequestPlaced:
    return record_request(
        factory, NewRequest(person, item, 1, "", kiosk, uuid4().hex), NOW - timedelta(hours=1)
    )


def race_for_the_last_unit(tour: Tour) -> None:
    """One headset left at the site: the tour kiosk promises it offline, the Smart Store gives
    it online first. The central base keeps one request; the tour's is declined with its reason,
    the agent's mail is queued, and « Mon espace » on the tour says so after the pull."""
    store = seed_collect(tour.central_sessions)
    with tour.central_sessions.begin() as s:
        site = s.scalar(select(Site.id).where(Site.code == "MENT"))
        assert site is not None
        headset = s.scalar(select(CatalogueItem.id).where(CatalogueItem.code == "CASQUE"))
        assert headset is not None
        set_count(s, site, headset, 1, now=NOW - timedelta(days=2), by=SET_BY_IMPORT)
        s.get_one(Person, tour.crowd[0]).email = "agent0@example.fr"
    tour.sync().run()  # the catalogue and the count come down
    tour_side, store_side = tour.crowd[0], tour.crowd[1]

    placed = _request(tour.local_sessions, tour.kiosk_id, tour_side, headset)  # offline
    _request(tour.central_sessions, store, store_side, headset)  # online, the last unit
    assert push_twice(tour).pushed["collect_order"] == 1
    tour.sync().run()

    with tour.central_sessions() as s:
        mine = agent_requests(s, tour_side)
        assert [(r.reference, r.status.value) for r in mine] == [(placed.reference, "declined")]
        assert mine[0].decline_reason is not None
        assert "plus assez de stock" in mine[0].decline_reason
        assert agent_requests(s, store_side)[0].status.value == "placed"
        [notice] = s.scalars(select(Notice)).all()
        assert notice.person_id == tour_side
        assert placed.reference in notice.subject
    with tour.local_sessions() as s:  # pulled back down: the agent reads it on the tour
        person = s.get_one(Person, tour_side)
        [shown] = my_space(s, person, NOW).requests
        assert (shown.reference, shown.status.value) == (placed.reference, "declined")
        conflict = s.scalars(select(SyncConflict.message)).one()
        assert placed.reference in conflict
        assert "plus assez de stock" in conflict
    assert tour.sync().run().pushed.get("collect_order", 0) == 0  # pulled: not pushed again
    resync_changes_nothing(tour)


def an_accepted_request_keeps_its_reference(tour: Tour) -> None:
    seed_collect(tour.central_sessions)
    with tour.central_sessions.begin() as s:
        mouse = s.scalar(select(CatalogueItem.id).where(CatalogueItem.code == "SOURIS"))
        assert mouse is not None
        s.get_one(CatalogueItem, mouse).stocked = False
    tour.sync().run()
    placed = _request(tour.local_sessions, tour.kiosk_id, tour.crowd[2], mouse)
    assert sync_status(tour.local, tour.kiosk_id).pending == 1  # the sync chip counts it
    assert push_twice(tour).pushed["collect_order"] == 1
    tour.sync().run()
    with tour.central_sessions() as s:
        [central] = agent_requests(s, tour.crowd[2])
        assert (central.reference, central.status.value) == (placed.reference, "placed")
        assert s.scalars(select(Notice)).all() == []
    assert tour.count(tour.local, SyncConflict) == 0
    resync_changes_nothing(tour)


def _event_with_one_place(tour: Tour) -> int:
    with tour.central_sessions.begin() as s:
        event = Event(
            kind=EventKind.ATELIER_TECHNOLOGIQUE,
            title="Atelier tablette à Menton",
            space=Space.REMOTE_SITE,
            site_id=tour.world.remote_site,
            starts_at=paris(1, 14),
            ends_at=paris(1, 16),
            capacity=1,
            open_to_external=False,
            created_at=NOW - timedelta(days=10),
        )
        s.add(event)
        s.flush()
        return event.id


def _status(engine: Engine, event: int, person: int) -> str:
    with engine.connect() as conn:
        found = conn.scalar(
            select(Registration.status).where(
                Registration.event_id == event, Registration.person_id == person
            )
        )
        return str(found)


def race_for_the_last_place(tour: Tour) -> None:
    """One place: the tour kiosk gives it offline, a Smart Store kiosk online. The central base
    keeps the online one and puts the tour's agent on the waiting list, which the tour kiosk
    learns at the pull (« Mon espace »: position 1) and staff read as a conflict."""
    workshop = _event_with_one_place(tour)
    tour.sync().run()  # the event comes down
    offline, online = tour.crowd[3], tour.crowd[4]
    with tour.local_sessions() as s:
        told = sign_up(s, offline, workshop, NOW, act=ActOrigin(tour.kiosk_id, uuid4().hex))
    assert told.status is RegistrationStatus.CONFIRMED  # what the tour kiosk said offline
    with tour.central_sessions() as s:
        sign_up(s, online, workshop, NOW + timedelta(minutes=5),
                act=ActOrigin(tour.world.kiosk, uuid4().hex))  # fmt: skip
    assert push_twice(tour).pushed["signup_act"] == 1
    tour.sync().run()

    assert _status(tour.central, workshop, online) == "confirmed"
    assert _status(tour.central, workshop, offline) == "waiting_list"
    assert _status(tour.local, workshop, offline) == "waiting_list"  # pulled back down
    with tour.local_sessions() as s:
        shown = my_space(s, s.get_one(Person, offline), NOW).registrations
        [mine] = [r for r in shown if r.event_id == workshop]
        assert (mine.status, mine.position, mine.reference) == (
            RegistrationStatus.WAITING_LIST, 1, told.reference
        )  # fmt: skip
        conflict = s.scalars(select(SyncConflict.message)).one()
        assert "liste d’attente dans la base centrale" in conflict
    with tour.central_sessions() as s:  # the slip said « place réservée »: the mail says not
        [notice] = s.scalars(select(Notice)).all()
        assert (notice.kind, notice.person_id) == (NoticeKind.OVERRULED, offline)
        assert "liste d’attente, en position 1" in notice.body
        assert "ne vaut donc pas place réservée" in notice.body
    resync_changes_nothing(tour)


def sign_up_then_cancel_offline(tour: Tour) -> None:
    """Both acts go up once, in order: the place is freed centrally and the next one waiting
    gets it (and the mail saying so)."""
    workshop = _event_with_one_place(tour)
    tour.sync().run()
    offline, waiting = tour.crowd[5], tour.crowd[6]
    with tour.local_sessions() as s:
        sign_up(s, offline, workshop, NOW, act=ActOrigin(tour.kiosk_id, uuid4().hex))
    with tour.central_sessions() as s:  # the central base still has the place free
        sign_up(s, waiting, workshop, NOW, act=ActOrigin(tour.world.kiosk, uuid4().hex))
    with tour.local_sessions() as s:
        cancel(s, offline, workshop, NOW + timedelta(minutes=1),
               act=ActOrigin(tour.kiosk_id, uuid4().hex))  # fmt: skip
    assert push_twice(tour).pushed["signup_act"] == 2
    tour.sync().run()
    assert _status(tour.central, workshop, offline) == "cancelled"
    assert _status(tour.central, workshop, waiting) == "confirmed"
    with tour.central.connect() as conn:
        outcomes = conn.execute(
            select(SignupAct.action, SignupAct.outcome)
            .where(SignupAct.person_id == offline)
            .order_by(SignupAct.at)
        ).all()
        assert [(str(a), str(o)) for a, o in outcomes] == [
            ("sign_up", "waiting_list"), ("cancel", "cancelled")
        ]  # fmt: skip
        assert conn.scalar(select(func.count()).select_from(Notice)) == 0  # nobody promoted
    resync_changes_nothing(tour)


def push_and_request_at_once(tour: Tour) -> None:
    """The tour's push replays its request for the last unit at the very moment a Smart Store
    kiosk asks for it online: whichever the locks let through first wins, the other is told
    (refused online, or declined at the replay): never two requests for one unit."""
    store = seed_collect(tour.central_sessions)
    with tour.central_sessions.begin() as s:
        site = s.scalar(select(Site.id).where(Site.code == "MENT"))
        headset = s.scalar(select(CatalogueItem.id).where(CatalogueItem.code == "CASQUE"))
        assert site is not None
        assert headset is not None
        set_count(s, site, headset, 1, now=NOW - timedelta(days=2), by=SET_BY_IMPORT)
    tour.sync().run()
    placed = _request(tour.local_sessions, tour.kiosk_id, tour.crowd[0], headset)  # offline
    online = NewRequest(tour.crowd[1], headset, 1, "", store, uuid4().hex)
    results = together(
        [
            lambda: tour.sync()._push(SyncReport()),
            lambda: record_request(tour.central_sessions, online, NOW - timedelta(hours=1)),
        ]
    )
    assert not isinstance(results[0], BaseException), results
    with tour.central_sessions() as s:
        lines = {
            r.reference: r.status.value for who in tour.crowd[:2] for r in agent_requests(s, who)
        }
    if isinstance(results[1], RequestRefused):  # the tour's replay got there first
        assert lines == {placed.reference: "placed"}
    else:
        assert isinstance(results[1], RequestPlaced), results
        assert lines == {placed.reference: "declined", results[1].reference: "placed"}


def refused_outright(tour: Tour) -> None:
    """The agent signed up offline; meanwhile their record was closed centrally, so the replay
    is refused with no registration there. The refusal comes down: « Mon espace » on the tour
    says it and why, the registration is no longer active there; a re-sync changes nothing."""
    workshop = _event_with_one_place(tour)
    tour.sync().run()
    agent = tour.crowd[7]
    with tour.local_sessions() as s:
        told = sign_up(s, agent, workshop, NOW, act=ActOrigin(tour.kiosk_id, uuid4().hex))
    assert told.status is RegistrationStatus.CONFIRMED
    with tour.central_sessions.begin() as s:
        s.get_one(Person, agent).active = False
    assert push_twice(tour).pushed["signup_act"] == 1
    tour.sync().run()

    assert _status(tour.central, workshop, agent) == "None"  # refused: no central row
    assert _status(tour.local, workshop, agent) == "cancelled"  # pulled back down
    with tour.local_sessions() as s:
        [shown] = [r for r in my_space(s, s.get_one(Person, agent), NOW).registrations
                   if r.event_id == workshop]  # fmt: skip
        assert shown.refused
        assert (shown.refusal, shown.reference) == (SignupProblem.INACTIVE, told.reference)
        conflict = s.scalars(select(SyncConflict.message)).one()
        assert "compte inactif" in conflict
    resync_changes_nothing(tour)
    assert tour.sync().run().pulled.get("signup_refusal", 0) == 0


VISITOR = VisitorForm("Inès", "Durand", "Mairie de Menton", "ines.durand@menton.fr")


def _workshop_for_visitors(tour: Tour) -> int:
    with tour.central_sessions.begin() as s:
        event = Event(
            kind=EventKind.CAFE_NUMERIQUE,
            title="Café numérique ouvert aux partenaires",
            space=Space.REMOTE_SITE,
            site_id=tour.world.remote_site,
            starts_at=paris(1, 14),
            ends_at=paris(1, 16),
            capacity=None,
            open_to_external=True,
            created_at=NOW - timedelta(days=10),
        )
        s.add(event)
        s.flush()
        return event.id


def _at_the_tour_door(tour: Tour, reference: str) -> str:
    """The visitor's slip scanned at the tour kiosk's door when the event's check-in opens."""
    with tour.local_sessions() as s:
        site = s.scalar(select(Site.id).where(Site.code == "MENT"))
        assert site is not None
        result = check_in(s, CodeIdentity(reference_code(reference)), CheckinContext(site),
                          tour.kiosk_id, paris(1, 13, 45), uuid4().hex)  # fmt: skip
    return result.outcome.value


def _visitor_sign_up_offline(tour: Tour, event: int) -> str:
    with tour.local_sessions() as s:
        told = sign_up_visitor(s, VISITOR, event, NOW, act=ActOrigin(tour.kiosk_id, uuid4().hex))
    assert told.status is RegistrationStatus.CONFIRMED
    return told.reference


def _central_visitors(tour: Tour) -> list[int]:
    with tour.central.connect() as conn:
        return list(
            conn.scalars(
                select(Person.id).where(
                    Person.kind == PersonKind.VISITOR, Person.last_name == VISITOR.last_name
                )
            )
        )


def visitor_signs_up_offline(tour: Tour) -> None:
    """A visitor without a badge signs up on the tour kiosk offline: the sign-up goes up exactly
    once (the visitor recorded once, their slip's reference kept), and the slip's code still
    admits at the tour's door after the sync moved the visitor to their central id."""
    event = _workshop_for_visitors(tour)
    tour.sync().run()
    reference = _visitor_sign_up_offline(tour, event)
    assert sync_status(tour.local, tour.kiosk_id).pending == 1  # the sign-up waits to go up
    assert push_twice(tour).pushed["signup_act"] == 1
    tour.sync().run()

    [visitor] = _central_visitors(tour)
    with tour.central_sessions() as s:
        registration = s.scalars(
            select(Registration).where(Registration.person_id == visitor)
        ).one()
        assert (registration.event_id, registration.status, registration.reference) == (
            event, RegistrationStatus.CONFIRMED, reference
        )  # fmt: skip
        assert registration.source is RegistrationSource.VISITOR_FORM
    assert _status(tour.local, event, visitor) == "confirmed"  # the central id, down here too
    assert sync_status(tour.local, tour.kiosk_id).pending == 0
    resync_changes_nothing(tour)
    assert _central_visitors(tour) == [visitor]
    assert _at_the_tour_door(tour, reference) == "ok"


def visitor_refused_when_not_open_to_visitors(tour: Tour) -> None:
    """The event became agents-only centrally before the tour's sign-up went up: refused there
    (no registration), the refusal comes down, and the slip no longer admits at the door."""
    event = _workshop_for_visitors(tour)
    tour.sync().run()
    reference = _visitor_sign_up_offline(tour, event)
    with tour.central_sessions.begin() as s:
        s.get_one(Event, event).open_to_external = False
    assert push_twice(tour).pushed["signup_act"] == 1
    tour.sync().run()

    with tour.central_sessions() as s:
        act = s.scalars(select(SignupAct).where(SignupAct.event_id == event)).one()
        assert (act.outcome.value, act.detail) == ("refused", "not_for_visitors")
        assert s.scalars(select(Registration).where(Registration.event_id == event)).all() == []
    with tour.local_sessions() as s:
        local = s.scalars(select(Registration).where(Registration.reference == reference)).one()
        assert local.status is RegistrationStatus.CANCELLED
        assert "événement réservé aux agents" in s.scalars(select(SyncConflict.message)).one()
    assert _at_the_tour_door(tour, reference) == "not_registered"
    resync_changes_nothing(tour)


def _headsets_at_menton(tour: Tour, count: int) -> int:
    seed_collect(tour.central_sessions)
    with tour.central_sessions.begin() as s:
        site = s.scalar(select(Site.id).where(Site.code == "MENT"))
        headset = s.scalar(select(CatalogueItem.id).where(CatalogueItem.code == "CASQUE"))
        assert site is not None
        assert headset is not None
        set_count(s, site, headset, count, now=NOW - timedelta(days=60), by=SET_BY_IMPORT)
        return headset


def a_request_from_long_ago_declined_comes_back_declined(tour: Tour) -> None:
    """The tour kiosk took a request offline weeks before it met the central base again (longer
    than the pull window): declined at its replay, the decline is dated when the central base
    decided it, so it comes down and « Mon espace » on the tour says it — it neither vanished
    nor stayed « envoyé au prochain passage »."""
    headset = _headsets_at_menton(tour, 1)
    tour.sync().run()
    with tour.central_sessions.begin() as s:  # the last one went to someone else meanwhile
        site = s.scalar(select(Site.id).where(Site.code == "MENT"))
        assert site is not None
        set_count(s, site, headset, 0, now=NOW - timedelta(days=50), by=SET_BY_IMPORT)
    agent = tour.crowd[8]
    long_ago = NOW - timedelta(days=45)
    placed = record_request(
        tour.local_sessions, NewRequest(agent, headset, 1, "", tour.kiosk_id, uuid4().hex), long_ago
    )
    assert push_twice(tour).pushed["collect_order"] == 1
    tour.sync().run()
    with tour.local_sessions() as s:
        [shown] = my_space(s, s.get_one(Person, agent), NOW).requests
        assert (shown.reference, shown.status.value) == (placed.reference, "declined")
        assert shown.status_at == NOW  # when the central base decided, not when it was asked
        assert shown.decline_reason is not None
        assert "plus assez de stock" in shown.decline_reason
    resync_changes_nothing(tour)


def a_request_made_while_the_sync_runs_is_not_lost(tour: Tour) -> None:
    """Taken between the push and the end of the pull: the orders' prune must not drop it (the
    central base does not list it yet); the next sync sends it."""
    seed_collect(tour.central_sessions)
    with tour.central_sessions.begin() as s:
        mouse = s.scalar(select(CatalogueItem.id).where(CatalogueItem.code == "SOURIS"))
        assert mouse is not None
        s.get_one(CatalogueItem, mouse).stocked = False
    tour.sync().run()
    sync = tour.sync()
    sync._push(SyncReport())
    placed = _request(tour.local_sessions, tour.kiosk_id, tour.crowd[9], mouse)
    sync._pull(SyncReport())
    with tour.local_sessions() as s:
        assert [r.reference for r in agent_requests(s, tour.crowd[9])] == [placed.reference]
    assert tour.sync().run().pushed["collect_order"] == 1
    with tour.central_sessions() as s:
        [central] = agent_requests(s, tour.crowd[9])
        assert (central.reference, central.status.value) == (placed.reference, "placed")

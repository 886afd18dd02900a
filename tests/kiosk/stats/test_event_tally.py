"""The per-event counts the database keeps (``event_tally``, migration 0019) equal a recount
of the rows after every kind of write: the kiosk's own writers, plain SQL of every shape
(bulk, upsert, moves, cascades), the migration's count of an existing database. On SQLite
and on a real PostgreSQL server. The Smart Tour's sync: tests/kiosk/sync/test_sync_tally.py."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, delete, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.checkin.service import (
    BadgeIdentity,
    CheckinContext,
    PersonIdentity,
    check_in,
    register_walk_in,
    undo_checkin,
)
from kiosk.checkin.tables import Attendance, CheckinRecord, SpaceVisit
from kiosk.db import migrate
from kiosk.db.demo import DemoSummary
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.models import Direction, Event, Kiosk, Person, Registration
from kiosk.domain import CheckinMethod, CheckinOutcome, RegistrationStatus, Space, new_nonce
from kiosk.programme.registrations import import_registrations
from kiosk.rgpd.retention import purge
from kiosk.satisfaction.faces import Face
from kiosk.satisfaction.service import AnswerOutcome, claim_answer, record_answer
from kiosk.satisfaction.tables import EventFeedback
from kiosk.settings import Profile
from kiosk.signup.registration import cancel, sign_up
from kiosk.sync.keys import insert_for
from tests.helpers import records
from tests.helpers.checkin_world import NOW, build_world
from tests.helpers.tally import (
    assert_kept_equals_recount,
    kept,
    kept_by,
    kept_visits,
    recount,
    recount_by,
    recount_visits,
)

DIALECTS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
STATUSES = list(RegistrationStatus)
SPACES = [Space.SMART_LAB, Space.SMART_ROOM, Space.SMART_STORE]


def _url(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql":
        return str(request.getfixturevalue("postgres_db_url"))
    return str(request.getfixturevalue("sqlite_url"))


@pytest.fixture(params=DIALECTS)
def url(request: pytest.FixtureRequest) -> str:
    """An empty database's URL, on SQLite or on the session's PostgreSQL server."""
    return _url(request)


@pytest.fixture
def db(url: str) -> Iterator[Engine]:
    engine = create_db_engine(url)
    migrate.ensure_schema(engine)
    yield engine
    engine.dispose()


def test_kept_counts_follow_the_kiosk_writers(db: Engine) -> None:
    factory = make_session_factory(db)
    world = build_world(factory)
    assert recount(db), "the world has registrations"
    assert_kept_equals_recount(db, "the world's registrations")
    masterclass = CheckinContext(
        site_id=world.site, event_id=world.masterclass, verifier=world.verifier
    )

    with factory() as s:
        badge = BadgeIdentity(world.alice_badge)
        assert check_in(s, badge, masterclass, world.kiosk, NOW, new_nonce()).outcome.value == "ok"
    assert_kept_equals_recount(db, "a registered person's check-in")
    with factory() as s:
        lab = CheckinContext(site_id=world.site, space=Space.SMART_LAB, verifier=world.verifier)
        staff = PersonIdentity(world.carol, staff_id=world.staff)
        visit = check_in(s, staff, lab, world.kiosk, NOW, new_nonce())
    assert visit.outcome is CheckinOutcome.VISIT_RECORDED
    assert kept_visits(db) != {}
    assert_kept_equals_recount(db, "a visit of a space")
    with factory() as s:
        walk_in = register_walk_in(s, world.dan, world.masterclass, world.kiosk, NOW,
                                   new_nonce(), staff_id=world.staff)  # fmt: skip
    assert walk_in.outcome is CheckinOutcome.OK
    assert_kept_equals_recount(db, "a walk-in (a registration and a check-in)")
    assert kept(db)[world.masterclass][0] == 2
    with factory() as s:
        checkin_id = s.scalar(
            select(Attendance.checkin_id).where(Attendance.person_id == world.alice)
        )
        assert checkin_id is not None
        assert undo_checkin(s, checkin_id, world.kiosk, NOW, new_nonce())
    assert_kept_equals_recount(db, "an undone check-in")

    early = NOW - timedelta(hours=3)
    with factory() as s:  # the formation is full: Dan waits
        assert sign_up(s, world.dan, world.formation, early).status.value == "waiting_list"
    assert_kept_equals_recount(db, "a sign-up on the waiting list")
    with factory() as s:  # Carole gives her place back: Dan is promoted
        assert cancel(s, world.carol, world.formation, early).promoted == (world.dan,)
    assert_kept_equals_recount(db, "a cancellation and a promotion")
    with factory() as s:
        matricule = s.scalar(select(Person.matricule).where(Person.id == world.bob))
        csv = f"event,matricule,status\n{world.masterclass},{matricule},confirmed\n"
        assert import_registrations(s, csv, now=NOW).created == 1
        s.commit()
    assert_kept_equals_recount(db, "an import of registrations")
    with factory() as s:
        staff = PersonIdentity(world.bob, staff_id=world.staff)
        assert check_in(s, staff, masterclass, world.kiosk, NOW, new_nonce()).outcome.value == "ok"
    assert_kept_equals_recount(db, "a staff check-in")
    present = kept(db)[world.masterclass][2]
    with factory() as s:  # a present person's registration cancelled afterwards
        assert cancel(s, world.bob, world.masterclass, NOW).was is RegistrationStatus.CONFIRMED
    assert kept(db)[world.masterclass][2] == present - 1
    assert_kept_equals_recount(db, "a present person's cancellation")

    with factory() as s:  # an answer, claimed by a badge; then a second one replaces it
        ended = s.scalar(select(Event.ends_at).where(Event.id == world.masterclass))
        assert ended is not None
        for minutes, face in ((1, Face.GOOD), (5, Face.GREAT)):
            nonce, at = new_nonce(), ended + timedelta(minutes=minutes)
            outcome = record_answer(s, kiosk_id=world.kiosk, event_id=world.masterclass,
                                    face=face, now=at, nonce=nonce)  # fmt: skip
            assert outcome is AnswerOutcome.RECORDED
            claim_answer(s, nonce=nonce, person_id=world.alice, now=at)
            s.commit()
            assert_kept_equals_recount(db, f"an answer claimed ({face.name})")
    assert kept(db)[world.masterclass][3:] == (1, int(Face.GREAT))

    before = recount(db)
    purge(db, NOW + timedelta(days=3000), {}, dry_run=False)
    assert recount(db) != before, "the purge deleted no check-in nor registration"
    assert_kept_equals_recount(db, "an RGPD purge (ledger, visitors)")


def _checkin_row(s: Session, kiosk: int, event_id: int, person_id: int) -> int:
    record = CheckinRecord(nonce=new_nonce(), kiosk_id=kiosk, at=NOW, method=CheckinMethod.MANUAL,
                           outcome=CheckinOutcome.OK, event_id=event_id, person_id=person_id,
                           identity_key=f"p:{person_id}")  # fmt: skip
    s.add(record)
    s.flush()
    return record.id


def _free_pair(s: Session, model: type[Attendance] | type[Registration], rng: random.Random,
               events: list[int], people: list[int]) -> tuple[int, int] | None:  # fmt: skip
    taken = {(e, p) for e, p in s.execute(select(model.event_id, model.person_id))}
    free = [(e, p) for e in events for p in people if (e, p) not in taken]
    return rng.choice(free) if free else None


def _direction(db: Engine) -> int:
    with Session(db) as s:
        direction = Direction(code=new_nonce()[:8], name="Direction")
        s.add(direction)
        s.commit()
        return direction.id


def _any(s: Session, column: Any, rng: random.Random) -> int | None:
    ids = list(s.scalars(select(column).order_by(column)))
    return rng.choice(ids) if ids else None


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_kept_counts_follow_sql_writes_of_every_shape(db: Engine, seed: int) -> None:
    """Random writes straight to the tables, each checked: what an import, a sync replay, a
    purge or a future writer may do without going through the kiosk's services."""
    rng = random.Random(seed)
    with Session(db) as s:
        site = records.site(s)
        kiosks = [Kiosk(code=f"K{n}", name="K", profile=Profile.ROOM, site_id=site.id,
                        created_at=NOW) for n in range(2)]  # fmt: skip
        s.add_all(kiosks)
        events = [records.event(s, site).id for _ in range(4)]
        people = [records.person(s).id for _ in range(8)]
        s.commit()
        kiosk_ids = [k.id for k in kiosks]
        site_id = site.id
        kiosk_id = kiosk_ids[0]
    directions = [_direction(db) for _ in range(2)]

    def register(s: Session) -> str:
        rows = []
        for _ in range(rng.randrange(1, 4)):  # one statement, several rows (executemany)
            pair = _free_pair(s, Registration, rng, events, people)
            if pair and pair not in {(r["event_id"], r["person_id"]) for r in rows}:
                rows.append({"event_id": pair[0], "person_id": pair[1],
                             "status": rng.choice(STATUSES), "created_at": NOW})  # fmt: skip
        if rows:
            s.execute(insert(Registration), rows)
        return f"{len(rows)} registrations inserted"

    def upsert(s: Session) -> str:
        e, p, status = rng.choice(events), rng.choice(people), rng.choice(STATUSES)
        stmt = insert_for(s.connection(), Registration.__table__).values(
            event_id=e, person_id=p, status=status, created_at=NOW
        )
        s.execute(stmt.on_conflict_do_update(index_elements=["event_id", "person_id"],
                                             set_={"status": stmt.excluded.status}))  # fmt: skip
        return f"registration ({e}, {p}) upserted as {status}"

    def restatus(s: Session) -> str:
        status = rng.choice(STATUSES)
        event_id = rng.choice(events)
        s.execute(update(Registration).where(Registration.event_id == event_id)
                  .values(status=status))  # fmt: skip
        return f"every registration of {event_id} made {status}"

    def move(s: Session) -> str:
        model = rng.choice((Attendance, Registration))
        row = _any(s, model.id, rng)
        pair = _free_pair(s, model, rng, events, people)
        if row is None or pair is None:
            return "nothing to move"
        s.execute(update(model).where(model.id == row)
                  .values(event_id=pair[0], person_id=pair[1]))  # fmt: skip
        if model is Attendance:  # its ledger row too, so that the event can be deleted
            ledger = select(Attendance.checkin_id).where(Attendance.id == row).scalar_subquery()
            s.execute(update(CheckinRecord).where(CheckinRecord.id == ledger)
                      .values(event_id=pair[0], person_id=pair[1]))  # fmt: skip
        return f"{model.__tablename__} {row} moved to {pair}"

    def attend(s: Session) -> str:
        pair = _free_pair(s, Attendance, rng, events, people)
        if pair is None:
            return "everyone is in"
        s.add(Attendance(event_id=pair[0], person_id=pair[1], at=NOW,
                         kiosk_id=rng.choice(kiosk_ids), method=CheckinMethod.MANUAL,
                         direction_id=rng.choice([None, *directions]),
                         checkin_id=_checkin_row(s, kiosk_id, *pair)))  # fmt: skip
        return f"check-in {pair}"

    def reassign(s: Session) -> str:  # what the sync's direction mapping may do
        row = _any(s, Attendance.id, rng)
        values = {
            "kiosk_id": rng.choice(kiosk_ids),
            "direction_id": rng.choice([None, *directions]),
        }
        s.execute(update(Attendance).where(Attendance.id == row).values(values))
        return f"attendance {row} given {values}"

    def drop_direction(s: Session) -> str:  # the attendance rows' go NULL (ON DELETE SET NULL)
        direction_id = directions.pop(rng.randrange(len(directions)))
        s.execute(delete(Direction).where(Direction.id == direction_id))
        s.commit()
        directions.append(_direction(db))
        return f"direction {direction_id} deleted"

    def remove(s: Session) -> str:
        model = rng.choice((Attendance, Registration))
        event_id, person_id = rng.choice(events), rng.choice(people)
        s.execute(delete(model).where(model.event_id == event_id,
                                      model.person_id.in_([person_id, *people[:2]])))  # fmt: skip
        return f"{model.__tablename__} of {event_id} deleted"

    def drop_person(s: Session) -> str:  # the registrations go by ON DELETE CASCADE
        person_id = people.pop(rng.randrange(len(people)))
        s.execute(delete(Attendance).where(Attendance.person_id == person_id))
        s.execute(delete(CheckinRecord).where(CheckinRecord.person_id == person_id))
        # their visits go by ON DELETE CASCADE
        s.execute(delete(Person).where(Person.id == person_id))
        people.append(records.person(s).id)
        return f"person {person_id} deleted"

    def drop_event(s: Session) -> str:  # registrations and answers go by ON DELETE CASCADE
        event_id = events.pop(rng.randrange(len(events)))
        s.execute(delete(Attendance).where(Attendance.event_id == event_id))
        s.execute(delete(CheckinRecord).where(CheckinRecord.event_id == event_id))
        s.execute(delete(Event).where(Event.id == event_id))
        events.append(records.event(s, records.site(s)).id)
        return f"event {event_id} deleted"

    def answer(s: Session) -> str:
        event_id, person_id = rng.choice(events), rng.choice([None, *people])
        if person_id is not None and s.scalar(
            select(EventFeedback.id).where(
                EventFeedback.event_id == event_id, EventFeedback.person_id == person_id
            )
        ):
            return "answered already"  # fmt: skip
        s.add(EventFeedback(nonce=new_nonce(), event_id=event_id, kiosk_id=kiosk_id, at=NOW,
                            score=rng.randint(1, 4), person_id=person_id))  # fmt: skip
        return f"an answer to {event_id}"

    def rescore(s: Session) -> str:
        row = _any(s, EventFeedback.id, rng)
        values: dict[str, int | None] = {"score": rng.randint(1, 4)}
        if rng.random() < 0.3:
            values["event_id"] = rng.choice(events)
            values["person_id"] = None  # (event, person) is unique: moved as anonymous
        s.execute(update(EventFeedback).where(EventFeedback.id == row).values(values))
        return f"answer {row} changed to {values}"

    def unanswer(s: Session) -> str:
        row = _any(s, EventFeedback.id, rng)
        s.execute(delete(EventFeedback).where(EventFeedback.id == row))
        return f"answer {row} deleted"

    writes = [register, register, upsert, restatus, move, attend, attend, attend, remove]

    def visit(s: Session) -> str:
        day = date(2026, rng.choice((3, 4)), rng.randint(1, 30))
        person_id, space = rng.choice(people), rng.choice(SPACES)
        stmt = insert_for(s.connection(), SpaceVisit.__table__).values(
            nonce=new_nonce(), kiosk_id=rng.choice(kiosk_ids), at=NOW, day=day,
            person_id=person_id, site_id=site_id, space=space,
        )  # fmt: skip
        s.execute(stmt.on_conflict_do_nothing())
        return f"a visit on {day}"

    def revisit(s: Session) -> str:  # a visit moved to another month, space or kiosk
        row = _any(s, SpaceVisit.id, rng)
        moves = ({"day": date(2026, rng.choice((3, 4, 5)), 15)}, {"space": rng.choice(SPACES)},
                 {"kiosk_id": rng.choice(kiosk_ids)})  # fmt: skip
        values = rng.choice(moves)
        try:
            with s.begin_nested():  # (person, day, site, space) is unique
                s.execute(update(SpaceVisit).where(SpaceVisit.id == row).values(values))
        except IntegrityError:
            return "the move would make a duplicate: nothing moved"
        return f"visit {row} given {values}"

    def unvisit(s: Session) -> str:
        row = _any(s, SpaceVisit.id, rng)
        s.execute(delete(SpaceVisit).where(SpaceVisit.id == row))
        return f"visit {row} deleted"

    writes += [answer, answer, rescore, unanswer, reassign, drop_direction]
    writes += [visit, visit, revisit, unvisit]
    writes += [drop_person, drop_event]
    for step in range(120):
        with Session(db) as s:
            what = rng.choice(writes)(s)
            s.commit()
        assert_kept_equals_recount(db, f"step {step}: {what}")
    assert recount(db), "the writes left nothing to count"


@pytest.mark.parametrize("url", DIALECTS, indirect=True)
def test_the_migration_counts_an_existing_database_and_a_downgrade_removes_the_triggers(
    url: str,
) -> None:
    engine = create_db_engine(url)
    try:
        migrate.upgrade(engine, "0018")
        with Session(engine) as s:
            site = records.site(s)
            kiosk = Kiosk(code="K", name="K", profile=Profile.ROOM, site_id=site.id,
                          created_at=NOW)  # fmt: skip
            s.add(kiosk)
            first, second, empty = (records.event(s, site) for _ in range(3))
            people = [records.person(s) for _ in range(5)]
            s.flush()
            for who, status in zip(people, STATUSES * 2, strict=False):
                records.registration(s, first, who, status=status)
            records.registration(s, second, people[0])
            # registered: confirmed, waiting, cancelled, confirmed, waiting; all came but one
            for who in people[:2] + people[3:]:
                ledger = _checkin_row(s, kiosk.id, first.id, who.id)
                s.add(Attendance(event_id=first.id, person_id=who.id, at=NOW,
                                 kiosk_id=kiosk.id, method=CheckinMethod.MANUAL,
                                 checkin_id=ledger))  # fmt: skip
            for score in (3, 4):
                s.add(EventFeedback(nonce=new_nonce(), event_id=first.id, kiosk_id=kiosk.id,
                                    at=NOW, score=score))  # fmt: skip
            for n, who in enumerate(people):  # visits in March and in April
                s.add(SpaceVisit(nonce=new_nonce(), kiosk_id=kiosk.id, at=NOW,
                                 day=date(2026, 3 + n % 2, 10), person_id=who.id,
                                 site_id=site.id, space=Space.SMART_LAB))  # fmt: skip
            s.commit()
            ids = (first.id, second.id, empty.id)
        migrate.upgrade(engine)
        assert kept(engine) == recount(engine) == {ids[0]: (4, 2, 2, 2, 7), ids[1]: (0, 1, 0, 0, 0)}
        assert kept_by(engine) == recount_by(engine) != {}
        assert kept_visits(engine) == recount_visits(engine)
        assert sorted(kept_visits(engine).values()) == [2, 3]

        migrate.downgrade(engine, "0018")
        with engine.begin() as conn:  # no trigger left behind to write to a missing table
            conn.execute(delete(Attendance))
        migrate.upgrade(engine)
        assert kept(engine) == recount(engine) == {ids[0]: (0, 2, 0, 2, 7), ids[1]: (0, 1, 0, 0, 0)}
    finally:
        engine.dispose()


def test_the_demo_data_set_is_counted(engine: Engine, demo_seeded: DemoSummary) -> None:
    """Seeded with bulk inserts, as an import of a programme would be."""
    assert recount(engine), "the demo has registrations"
    assert_kept_equals_recount(engine, "the demo seed")


def test_the_triggers_are_in_a_migrated_sqlite_file(engine: Engine) -> None:
    """A SQLite migration that rebuilds a table the counts follow (batch mode) drops its
    triggers: this names what went missing."""
    with engine.connect() as conn:
        names = set(conn.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
    tables = ("attendance", "registration", "event_feedback", "space_visit")
    expected = {f"{t}_tally_{a}" for t in tables for a in ("insert", "delete", "update")}
    assert expected <= names

"""The per-event counts both databases keep (``event_tally``) equal a recount after the Smart
Tour's sync: offline check-ins replayed (some already made centrally), a visitor made offline
moved to her central id, an undo sent up, registrations changed centrally and pulled down."""

from __future__ import annotations

from uuid import uuid4

import pytest
from sqlalchemy import select, update

from kiosk.checkin.service import register_walk_in, undo_checkin
from kiosk.checkin.tables import CheckinRecord
from kiosk.db.models import Person, Registration
from kiosk.domain import RegistrationStatus
from kiosk.people import find_or_create_visitor
from tests.helpers.checkin_world import NOW
from tests.helpers.tally import assert_kept_equals_recount
from tests.kiosk.sync.conftest import Tour


def _sync_and_check(tour: Tour) -> None:
    for person in tour.crowd[:3]:  # online at the Smart Room door, before the tour syncs
        assert tour.check_in(person, central_kiosk=tour.world.kiosk, minutes=-5) == "ok"
    for person in tour.crowd[:10]:  # offline on the tour kiosk
        assert tour.check_in(person) == "ok"
    with tour.local_sessions() as s:  # a visitor made here takes an id the central base gives
        visitor = find_or_create_visitor(s, first_name="Jeanne", last_name="Morel",
                                         organisation="Mairie", email=None, now=NOW)  # fmt: skip
        s.commit()
        walk_in = register_walk_in(s, visitor, tour.cafe, tour.kiosk_id, NOW, uuid4().hex,
                                   staff_id=tour.world.staff)  # fmt: skip
    assert walk_in.outcome.value == "ok"
    with tour.central_sessions.begin() as s:  # meanwhile, someone is added centrally
        s.add(Person(kind="agent", matricule="Z000001", first_name="Zoé", last_name="Nouvelle",
                     role="agent", created_at=NOW))  # fmt: skip
    assert_kept_equals_recount(tour.local, "offline check-ins")

    tour.sync(batch_size=4).run()
    assert_kept_equals_recount(tour.central, "the push")
    assert_kept_equals_recount(tour.local, "the pull (the visitor renumbered)")

    with tour.local_sessions() as s:
        checkin = s.scalar(
            select(CheckinRecord.id).where(
                CheckinRecord.person_id == tour.crowd[5], CheckinRecord.outcome == "ok"
            )
        )
        assert checkin is not None
        assert undo_checkin(s, checkin, tour.kiosk_id, NOW, uuid4().hex)
    with tour.central.begin() as c:  # two places given back centrally, one of them present
        c.execute(
            update(Registration)
            .where(Registration.event_id == tour.cafe,
                   Registration.person_id.in_(tour.crowd[8:9] + tour.crowd[20:21]))
            .values(status=RegistrationStatus.CANCELLED, status_at=NOW)
        )  # fmt: skip
    tour.sync().run()
    assert_kept_equals_recount(tour.central, "an undo sent up")
    assert_kept_equals_recount(tour.local, "cancellations pulled down")


def test_the_sync_keeps_both_databases_counts(sqlite_tour: Tour) -> None:
    _sync_and_check(sqlite_tour)


@pytest.mark.postgres
def test_the_sync_keeps_both_databases_counts_with_a_postgresql_central(pg_tour: Tour) -> None:
    _sync_and_check(pg_tour)

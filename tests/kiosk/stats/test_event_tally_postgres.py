"""Two kiosks on one PostgreSQL database write the two halves of one pair at the same moment
(a check-in and the person's confirmed registration): the kept count of registered people
present counts them once, whichever commits first."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import Connection, Engine, insert, text
from sqlalchemy.orm import Session

from kiosk.checkin.tables import Attendance, CheckinRecord
from kiosk.db.models import Kiosk, Registration
from kiosk.domain import CheckinMethod, CheckinOutcome, RegistrationStatus, new_nonce
from kiosk.settings import Profile
from tests.helpers import records
from tests.helpers.checkin_world import NOW
from tests.helpers.tally import assert_kept_equals_recount, kept

pytestmark = pytest.mark.postgres
POLL_S = 0.02


def _waiting_on_a_lock(engine: Engine, timeout: float = 10.0) -> None:
    """Until another session of this database waits for a row lock (the counts row)."""
    pause = threading.Event()
    query = text(
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    for _ in range(int(timeout / POLL_S)):
        with engine.connect() as conn:
            if conn.scalar(query):
                return
        pause.wait(POLL_S)  # another session: nothing to wait on but the server's answers
    raise AssertionError(f"the second writer did not wait for the first within {timeout} s")


@pytest.mark.parametrize("first", ["registration", "attendance"])
def test_a_check_in_and_a_registration_racing_count_the_person_present_once(
    pg_engine: Engine, first: str
) -> None:
    with Session(pg_engine) as s:
        site = records.site(s)
        kiosk = Kiosk(code="K", name="K", profile=Profile.ROOM, site_id=site.id, created_at=NOW)
        s.add(kiosk)
        event, person = records.event(s, site), records.person(s)
        record = CheckinRecord(nonce=new_nonce(), kiosk_id=kiosk.id, at=NOW,
                               method=CheckinMethod.MANUAL, outcome=CheckinOutcome.OK,
                               event_id=event.id, person_id=person.id,
                               identity_key=f"p:{person.id}")  # fmt: skip
        s.add(record)
        s.commit()
        pair = {"event_id": event.id, "person_id": person.id}
        attendance = {**pair, "checkin_id": record.id, "at": NOW, "kiosk_id": kiosk.id,
                      "method": CheckinMethod.MANUAL}  # fmt: skip
        event_id = event.id
    registration = {**pair, "status": RegistrationStatus.CONFIRMED, "created_at": NOW}
    writes = {
        "registration": lambda c: c.execute(insert(Registration), registration),
        "attendance": lambda c: c.execute(insert(Attendance), attendance),
    }
    second = "attendance" if first == "registration" else "registration"
    errors: list[BaseException] = []

    def write_second() -> None:
        try:
            with pg_engine.begin() as conn:
                writes[second](conn)
        except BaseException as exc:  # reported by the test below
            errors.append(exc)

    with pg_engine.connect() as conn:
        holder: Connection = conn
        with holder.begin():
            writes[first](holder)  # its trigger holds the event's counts row
            racer = threading.Thread(target=write_second)
            racer.start()
            _waiting_on_a_lock(pg_engine)  # the other writer's trigger waits for that row
        racer.join(timeout=10)
    assert not racer.is_alive()
    assert errors == []
    assert kept(pg_engine)[event_id][:3] == (1, 1, 1)
    assert_kept_equals_recount(pg_engine, f"{first} then {second}")

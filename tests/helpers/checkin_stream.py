"""A child process that checks people in one after another and reports each confirmed one.

``python -m tests.helpers.checkin_stream DB_URL`` prints ``ready`` once its people exist, then
``ok <checkin id> <person id>`` after each :func:`kiosk.checkin.service.check_in` has
returned — i.e.
exactly when a screen would show the verdict. The kill -9 test kills it mid-stream.
"""

from __future__ import annotations

import sys
from datetime import timedelta

from sqlalchemy import insert

from kiosk.checkin.service import CheckinContext, PersonIdentity, check_in
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.migrate import ensure_schema
from kiosk.db.models import Person, Registration
from kiosk.domain import CheckinOutcome, PersonKind, RegistrationStatus, Role, new_nonce
from tests.helpers.checkin_world import NOW, build_world

PEOPLE = 5000


def main(url: str) -> int:
    engine = create_db_engine(url)
    ensure_schema(engine)
    factory = make_session_factory(engine)
    world = build_world(factory)
    with factory.begin() as s:
        rows = [
            {
                "kind": PersonKind.AGENT,
                "matricule": f"S{n:07d}",
                "first_name": f"P{n}",
                "last_name": "Stream",
                "role": Role.AGENT,
                "created_at": NOW,
                "active": True,
            }
            for n in range(PEOPLE)
        ]
        ids = list(
            s.scalars(insert(Person).returning(Person.id, sort_by_parameter_order=True), rows)
        )
        confirmed = RegistrationStatus.CONFIRMED
        s.execute(
            insert(Registration),
            [
                {
                    "event_id": world.masterclass,
                    "person_id": i,
                    "status": confirmed,
                    "created_at": NOW,
                }
                for i in ids
            ],
        )
    print("ready", flush=True)
    context = CheckinContext(site_id=world.site, event_id=world.masterclass)
    for n, person_id in enumerate(ids):
        with factory() as session:
            result = check_in(
                session,
                PersonIdentity(person_id),
                context,
                world.kiosk,
                NOW + timedelta(milliseconds=n),
                new_nonce(),
            )
        if result.outcome is not CheckinOutcome.OK:
            print(f"unexpected {result.outcome}", flush=True)
            return 1
        sys.stdout.write(f"ok {result.checkin_id} {person_id}\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

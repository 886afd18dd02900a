"""The Smart Tour meets a real PostgreSQL server through a loopback proxy, and the link drops
in the middle of the sync."""

from __future__ import annotations

from datetime import timedelta
from uuid import uuid4

import pytest
from sqlalchemy import Engine, func, insert, select

from kiosk.checkin.tables import Attendance, CheckinRecord, SpaceVisit
from kiosk.db.models import Person, Site
from kiosk.domain import PersonKind, Role
from kiosk.sync.failures import SyncFailure
from kiosk.sync.tables import SyncConflict, SyncState
from kiosk.sync.tour import CentralUnreachable, sync_status
from tests.helpers.checkin_world import NOW
from tests.helpers.tcp_proxy import TcpProxy
from tests.kiosk.sync.conftest import CROWD, Tour

pytestmark = pytest.mark.slow


def _visits(tour: Tour, engine: Engine, kiosk: int, people: list[int], minutes: int) -> None:
    with engine.begin() as conn:
        site = conn.scalar(select(Site.id).where(Site.code == "MENT"))
        conn.execute(
            insert(SpaceVisit),
            [
                {
                    "nonce": uuid4().hex,
                    "kiosk_id": kiosk,
                    "at": NOW + timedelta(minutes=minutes),
                    "day": NOW.date(),
                    "person_id": p,
                    "site_id": site,
                    "space": "remote_site",
                }
                for p in people
            ],
        )


def test_a_cut_during_the_push_resumes_and_the_figures_add_up(
    pg_tour: Tour, proxy: TcpProxy, via_proxy: Engine
) -> None:
    tour = pg_tour
    for person in tour.crowd[:4]:  # online, at the Smart Room door
        assert tour.check_in(person, central_kiosk=tour.world.kiosk, minutes=-5) == "ok"
    for person in tour.crowd:  # the whole café, offline on the tour kiosk
        assert tour.check_in(person, minutes=10) == "ok"
    _visits(tour, tour.central, tour.world.kiosk, tour.crowd[:2], -40)
    _visits(tour, tour.local, tour.kiosk_id, tour.crowd[:6], 0)
    central_ledger_before = tour.count(tour.central, CheckinRecord, event_id=tour.cafe)

    # The van leaves during the third batch (psycopg sends a statement's text for its first
    # five runs only, before preparing it: count below five).
    proxy.cut_on(b"INSERT INTO checkin", after=2)
    with pytest.raises(CentralUnreachable):
        tour.sync(batch_size=5, central=via_proxy).run()

    assert proxy.cuts == 1
    assert tour.count(tour.central, CheckinRecord, kiosk_id=_central_tour_kiosk(tour)) == 10
    status = sync_status(tour.local, tour.kiosk_id)
    assert status.pending == CROWD - 10 + 6  # 14 check-ins and the 6 visits wait
    assert status.last_error is not None
    assert status.last_failure in {SyncFailure.UNREACHABLE, SyncFailure.CONNECTION_LOST}

    with pytest.raises(CentralUnreachable):  # still no network: fails fast, changes nothing
        tour.sync(batch_size=5, central=via_proxy).run()
    proxy.restore()
    report = tour.sync(batch_size=5, central=via_proxy).run()

    assert report.pushed == {"checkin": CROWD - 10, "space_visit": 4}
    ledger = tour.count(tour.central, CheckinRecord, event_id=tour.cafe)
    assert ledger == central_ledger_before + CROWD  # the sum of both sides...
    with tour.central.connect() as c:  # ...with no record twice
        nonces = c.scalar(select(func.count(func.distinct(CheckinRecord.nonce))))
        assert nonces == c.scalar(select(func.count()).select_from(CheckinRecord))
    assert tour.count(tour.central, Attendance, event_id=tour.cafe) == CROWD  # each person once
    assert tour.count(tour.central, SpaceVisit) == 6
    with tour.local.connect() as t:
        messages = sorted(t.scalars(select(SyncConflict.message)))
    assert messages[:4] == ["Déjà enregistré à 10:25 au kiosque Smart Room — entrée"] * 4
    assert len(messages) == 4 + 2  # and the two visits counted at the door first
    status = sync_status(tour.local, tour.kiosk_id)
    assert (status.pending, status.last_error, status.conflicts) == (0, None, 6)


def test_a_cut_during_the_pull_resumes_from_its_high_water_mark(
    pg_tour: Tour, proxy: TcpProxy, via_proxy: Engine
) -> None:
    tour = pg_tour
    with tour.central.begin() as c:  # forty agents join the council after the first pull
        c.execute(
            insert(Person),
            [
                {
                    "kind": PersonKind.AGENT,
                    "matricule": f"N{n:06d}",
                    "first_name": f"Nouveau{n}",
                    "last_name": "Agent",
                    "role": Role.AGENT,
                    "created_at": NOW,
                }
                for n in range(40)
            ],
        )
    agents = tour.count(tour.central, Person, kind="agent")
    proxy.cut_on(b"FROM person", after=3)  # the fourth batch of people never arrives
    with pytest.raises(CentralUnreachable):
        tour.sync(batch_size=10, central=via_proxy).run()
    with tour.local.connect() as t:
        mark = t.scalar(
            select(SyncState.last_id).where(
                SyncState.direction == "pull", SyncState.table_name == "person"
            )
        )
    assert mark is not None
    assert mark > 0
    assert tour.count(tour.local, Person, kind="agent") < agents

    proxy.restore()
    tour.clock.set(NOW + timedelta(hours=1))
    report = tour.sync(batch_size=10, central=via_proxy).run()

    assert report.pulled["person"] == agents - 30  # only what was left
    assert tour.count(tour.local, Person, kind="agent") == agents
    assert sync_status(tour.local, tour.kiosk_id).data_as_of == NOW + timedelta(hours=1)


def _central_tour_kiosk(tour: Tour) -> int:
    from kiosk.db.models import Kiosk

    with tour.central.connect() as c:
        found = c.scalar(select(Kiosk.id).where(Kiosk.code == "TOUR-1"))
    assert found is not None
    return int(found)

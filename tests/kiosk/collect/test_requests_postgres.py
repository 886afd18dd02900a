"""Requests on a real PostgreSQL server: four kiosks racing for the last unit of a site, or one
agent's last allowance from four kiosks at once — one wins, the others are told why."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.collect.policy import RefusalCode
from kiosk.collect.requests import NewRequest, RequestPlaced, RequestRefused, record_request
from kiosk.collect.stock import SET_BY_IMPORT, set_count
from kiosk.collect.tables import CollectOrder
from tests.helpers import collect as c
from tests.helpers.collect import NOW
from tests.kiosk.collect.test_postgres import sessions, together

pytestmark = pytest.mark.postgres
KIOSKS = 4
__all__ = ["sessions"]  # the fixture, shared with the hand-over races


def _ask(person_id: int, item_id: int, kiosk_id: int) -> NewRequest:
    return NewRequest(person_id, item_id, 1, "", kiosk_id, uuid.uuid4().hex)


def test_four_kiosks_racing_for_the_last_unit_record_one_request(
    sessions: sessionmaker[Session],
) -> None:
    with sessions.begin() as s:
        kiosks = [c.kiosk(s) for _ in range(KIOSKS)]
        for k in kiosks[1:]:
            k.site_id = kiosks[0].site_id
        agents = [c.agent(s) for _ in range(KIOSKS)]
        dock = c.item(s)
        set_count(s, kiosks[0].site_id, dock.id, 1, now=NOW, by=SET_BY_IMPORT)
        asks = [_ask(a.id, dock.id, k.id) for a, k in zip(agents, kiosks, strict=True)]
    results = together([lambda r=r: record_request(sessions, r, NOW) for r in asks])
    won = [r for r in results if isinstance(r, RequestPlaced)]
    lost = [r for r in results if isinstance(r, RequestRefused)]
    assert (len(won), len(lost)) == (1, KIOSKS - 1), results
    assert {r.refusal.code for r in lost} == {RefusalCode.OUT_OF_STOCK}
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(CollectOrder)) == 1


def test_one_agent_asking_on_four_kiosks_at_once_gets_the_allowance_once(
    sessions: sessionmaker[Session],
) -> None:
    with sessions.begin() as s:
        kiosks = [c.kiosk(s) for _ in range(KIOSKS)]
        who = c.agent(s)
        licence = c.item(s, max_per_agent=1, renewal_days=365)
        licence.stocked = False  # no stock row to queue on: the person's row settles it
        asks = [_ask(who.id, licence.id, k.id) for k in kiosks]
    results = together([lambda r=r: record_request(sessions, r, NOW) for r in asks])
    won = [r for r in results if isinstance(r, RequestPlaced)]
    lost = [r for r in results if isinstance(r, RequestRefused)]
    assert (len(won), len(lost)) == (1, KIOSKS - 1), results
    assert {r.refusal.code for r in lost} == {RefusalCode.ALREADY_REQUESTED}

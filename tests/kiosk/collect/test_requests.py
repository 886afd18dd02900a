"""Requests at the kiosk on a real SQLite file: the catalogue's eligibility in words' codes,
the request in one transaction (exactly once by nonce), stock reserved then taken at the
hand-over, staff approve or decline with a reason the agent reads."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.collect.catalogue import CatalogueEntry, catalogue
from kiosk.collect.pickup import HandOverRequest, IdentifiedBy, hand_over
from kiosk.collect.policy import RefusalCode
from kiosk.collect.requests import (
    NewRequest,
    RequestPlaced,
    RequestRefused,
    agent_requests,
    approve,
    decline,
    place_request,
    record_request,
    requests,
)
from kiosk.collect.staff import StaffActionError, StaffProof, mark_prepared, mark_ready
from kiosk.collect.status import Actor, LineStatus, OrderSource
from kiosk.collect.stock import SET_BY_IMPORT, counts, set_count
from kiosk.collect.tables import CatalogueItem, CollectOrder, HandOver
from kiosk.db.models import Kiosk, Person, Site
from kiosk.domain import Role
from kiosk.printing.spool import receipt_from_json
from kiosk.printing.tables import PrintJob
from tests.helpers import collect as c
from tests.helpers.collect import NOW

PIN = StaffProof(Actor.STAFF_PIN)


def ask(
    who: Person, what: CatalogueItem, kiosk: Kiosk, quantity: int = 1, nonce: str | None = None
) -> NewRequest:
    return NewRequest(
        person_id=who.id,
        item_id=what.id,
        quantity=quantity,
        note="Pour le télétravail",
        kiosk_id=kiosk.id,
        nonce=nonce or uuid.uuid4().hex,
    )


def stocked(session: Session, kiosk: Kiosk, quantity: int, **kw: object) -> CatalogueItem:
    item = c.item(session, **kw)  # type: ignore[arg-type]
    set_count(session, kiosk.site_id, item.id, quantity, now=NOW, by=SET_BY_IMPORT)
    return item


def entry_of(session: Session, kiosk: Kiosk, who: Person, item: CatalogueItem) -> CatalogueEntry:
    found = catalogue(session, kiosk.site_id, NOW, person_id=who.id).entries
    return next(e for e in found if e.item_id == item.id)


def test_a_request_is_a_kiosk_order_placed_with_its_slip_and_the_catalogue_then_says_when(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        kiosk, who = c.kiosk(s), c.agent(s)
        screen = stocked(s, kiosk, 3, name="Écran 24 pouces")
        assert entry_of(s, kiosk, who, screen).can_request
        placed = place_request(s, ask(who, screen, kiosk), NOW)
        order = s.get(CollectOrder, placed.order_id)
        assert order is not None
        site = s.get(Site, kiosk.site_id)
        assert site is not None
        assert (order.source, order.note, order.site_code) == (
            OrderSource.KIOSK,
            "Pour le télétravail",
            site.code,
        )
        assert order.lines[0].status is LineStatus.PLACED
        assert placed.reference.startswith("DEM-")
        job = s.get(PrintJob, placed.print_job_id)
        assert job is not None
        slip = receipt_from_json(job.receipt)
        assert (slip.big_number, slip.qr_payload) == (placed.reference, placed.reference)
        assert any("Écran 24 pouces" in line.label for line in slip.lines)
        again = entry_of(s, kiosk, who, screen)
        assert again.refusal is not None
        assert again.refusal.code is RefusalCode.ALREADY_REQUESTED
        assert again.refusal.requested_at == NOW
        assert (again.stock, again.available) == (3, 2)  # one unit promised, none taken yet


def test_the_same_nonce_records_the_request_once(session_factory: sessionmaker[Session]) -> None:
    with session_factory.begin() as s:
        kiosk, who = c.kiosk(s), c.agent(s)
        mouse = stocked(s, kiosk, 5)
        first = place_request(s, ask(who, mouse, kiosk, nonce="a" * 32), NOW)
        second = place_request(s, ask(who, mouse, kiosk, nonce="a" * 32), NOW)
        assert second.replayed
        assert second.order_id == first.order_id
        assert s.scalar(select(func.count()).select_from(CollectOrder)) == 1


@pytest.mark.parametrize(
    ("setup", "code"),
    [
        ({"roles": ["staff"]}, RefusalCode.ROLE_NOT_ALLOWED),
        ({"directions": ["DGS"]}, RefusalCode.DIRECTION_NOT_ALLOWED),
    ],
)
def test_who_may_not_ask_is_refused_and_nothing_is_written(
    session_factory: sessionmaker[Session], setup: dict[str, list[str]], code: RefusalCode
) -> None:
    with session_factory.begin() as s:
        kiosk, who = c.kiosk(s), c.agent(s)
        item = stocked(s, kiosk, 2, **setup)
        assert entry_of(s, kiosk, who, item).refusal.code is code  # type: ignore[union-attr]
        with pytest.raises(RequestRefused) as refused:
            place_request(s, ask(who, item, kiosk), NOW)
        assert refused.value.refusal.code is code
        assert s.scalar(select(func.count()).select_from(CollectOrder)) == 0


def test_a_screen_received_within_its_renewal_period_says_the_next_possible_day(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        kiosk, who = c.kiosk(s), c.agent(s)
        screen = stocked(s, kiosk, 4, max_per_agent=1, renewal_days=5 * 365)
        order = c.order(s, who, [(screen, LineStatus.READY)])
        hand_over(
            s,
            HandOverRequest(who.id, (order.lines[0].id,), kiosk.id, uuid.uuid4().hex,
                            IdentifiedBy.BADGE),
            NOW - timedelta(days=30),
            enqueue_receipt=False,
        )  # fmt: skip
        refusal = entry_of(s, kiosk, who, screen).refusal
        assert refusal is not None
        assert refusal.code is RefusalCode.QUOTA_REACHED
        assert refusal.next_allowed_at == NOW - timedelta(days=30) + timedelta(days=5 * 365)
        assert counts(s, kiosk.site_id)[screen.id] == 3  # the hand-over took one unit


def test_no_stock_left_at_the_site_is_a_refusal_with_what_is_left(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        kiosk, first, second = c.kiosk(s), c.agent(s), c.agent(s)
        dock = stocked(s, kiosk, 1)
        place_request(s, ask(first, dock, kiosk), NOW)
        refusal = entry_of(s, kiosk, second, dock).refusal
        assert refusal is not None
        assert (refusal.code, refusal.available) == (RefusalCode.OUT_OF_STOCK, 0)
        with pytest.raises(RequestRefused):
            place_request(s, ask(second, dock, kiosk), NOW)


def test_an_item_that_keeps_no_stock_is_never_out_of_stock(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        kiosk, who = c.kiosk(s), c.agent(s)
        vpn = c.item(s)
        vpn.stocked = False
        entry = entry_of(s, kiosk, who, vpn)
        assert (entry.stock, entry.available, entry.refusal) == (None, None, None)
        place_request(s, ask(who, vpn, kiosk), NOW)


def test_a_decline_frees_the_unit_and_the_agent_reads_the_reason(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        kiosk, who, other = c.kiosk(s), c.agent(s), c.agent(s)
        dock = stocked(s, kiosk, 1)
        placed = place_request(s, ask(who, dock, kiosk), NOW)
        with pytest.raises(StaffActionError) as empty:
            decline(s, placed.line_id, PIN, "   ", now=NOW, kiosk_id=kiosk.id)
        assert empty.value.code == "reason_required"
        decline(s, placed.line_id, PIN, "Déjà équipé d’un dock", now=NOW, kiosk_id=kiosk.id)
        mine = agent_requests(s, who.id)
        assert [(r.status, r.decline_reason, r.source) for r in mine] == [
            (LineStatus.DECLINED, "Déjà équipé d’un dock", OrderSource.KIOSK)
        ]
        assert agent_requests(s, other.id) == []
        assert entry_of(s, kiosk, other, dock).can_request  # the unit is free again
        assert entry_of(s, kiosk, who, dock).can_request  # and the agent may ask again
        with pytest.raises(StaffActionError):
            approve(s, placed.line_id, PIN, now=NOW, kiosk_id=kiosk.id)  # declined is final


def test_an_approved_request_follows_the_pickup_and_the_hand_over_takes_the_stock(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        kiosk, who = c.kiosk(s), c.agent(s)
        headset = stocked(s, kiosk, 2)
        placed = place_request(s, ask(who, headset, kiosk), NOW)
        assert [r.line_id for r in requests(s, status=LineStatus.PLACED)] == [placed.line_id]
        approve(s, placed.line_id, PIN, now=NOW, kiosk_id=kiosk.id)
        mark_prepared(s, placed.line_id, PIN, now=NOW, kiosk_id=kiosk.id)
        mark_ready(s, placed.line_id, PIN, now=NOW, kiosk_id=kiosk.id)
        hand_over(
            s,
            HandOverRequest(who.id, (placed.line_id,), kiosk.id, uuid.uuid4().hex,
                            IdentifiedBy.BADGE),
            NOW,
            enqueue_receipt=False,
        )  # fmt: skip
        assert counts(s, kiosk.site_id)[headset.id] == 1
        entry = entry_of(s, kiosk, who, headset)
        assert (entry.stock, entry.available) == (1, 1)
        assert agent_requests(s, who.id)[0].status is LineStatus.COLLECTED
        assert requests(s, status=LineStatus.PLACED) == []
        # « Mon espace » lists what is open and what closed lately, not all history
        assert len(agent_requests(s, who.id, closed_since=NOW)) == 1
        assert agent_requests(s, who.id, closed_since=NOW + timedelta(days=1)) == []


# --- races: two kiosk processes on one SQLite file ----------------------------------------------


def together[T](work: list[Callable[[], T]]) -> list[T | BaseException]:
    start = threading.Barrier(len(work))

    def run(job: Callable[[], T]) -> T | BaseException:
        start.wait()
        try:
            return job()
        except Exception as exc:
            return exc

    with ThreadPoolExecutor(len(work)) as pool:
        return list(pool.map(run, work))


def two_kiosks_one_site(s: Session) -> tuple[Kiosk, Kiosk]:
    first, second = c.kiosk(s), c.kiosk(s)
    second.site_id = first.site_id
    return first, second


def test_two_kiosks_racing_for_the_last_unit_one_wins(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        k1, k2 = two_kiosks_one_site(s)
        anne, bruno = c.agent(s), c.agent(s)
        dock = stocked(s, k1, 1)
        jobs = [ask(anne, dock, k1), ask(bruno, dock, k2)]
    results = together([lambda r=r: record_request(session_factory, r, NOW) for r in jobs])
    won = [r for r in results if isinstance(r, RequestPlaced)]
    lost = [r for r in results if isinstance(r, RequestRefused)]
    assert (len(won), len(lost)) == (1, 1), results
    assert lost[0].refusal.code is RefusalCode.OUT_OF_STOCK
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(CollectOrder)) == 1


def test_one_agent_on_two_kiosks_gets_the_last_allowance_once(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        k1, k2 = two_kiosks_one_site(s)
        who = c.agent(s, role=Role.AGENT)
        laptop = stocked(s, k1, 10, max_per_agent=1, renewal_days=1000)
        jobs = [ask(who, laptop, k1), ask(who, laptop, k2)]
    results = together([lambda r=r: record_request(session_factory, r, NOW) for r in jobs])
    assert sorted(type(r).__name__ for r in results) == ["RequestPlaced", "RequestRefused"]
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(CollectOrder)) == 1
        assert s.scalar(select(func.count()).select_from(HandOver)) == 0

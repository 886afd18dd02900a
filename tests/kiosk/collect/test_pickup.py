"""Pickup at the kiosk on a real SQLite file: identify, list, hand over, every refusal path."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.collect import signature
from kiosk.collect.identify import IdentifyProblem, IdentifyRefused, by_badge, by_order_code
from kiosk.collect.order_code import OrderClaims
from kiosk.collect.pickup import (
    HandOverRefused,
    HandOverRequest,
    IdentifiedBy,
    RefusalKind,
    agent_lines,
    hand_over,
)
from kiosk.collect.policy import RefusalCode
from kiosk.collect.receipt import nonce_of_receipt_code
from kiosk.collect.staff import (
    StaffActionError,
    StaffProof,
    expire_overdue,
    lines_to_prepare,
    mark_prepared,
    mark_ready,
)
from kiosk.collect.status import Actor, LineStatus
from kiosk.collect.tables import HandOver, LineEvent, OrderLine, Pickup
from kiosk.db.models import Person
from kiosk.domain import Role
from kiosk.identity import badge_hash, link_badge
from kiosk.printing.spool import receipt_from_json
from kiosk.printing.tables import PrintJob
from tests.helpers import collect as c
from tests.helpers.collect import NOW

S = LineStatus
KEY = b"k" * 32
PIN = StaffProof(Actor.STAFF_PIN)


def request(who: Person, lines: list[int], kiosk_id: int, **kw: object) -> HandOverRequest:
    return HandOverRequest(
        person_id=who.id,
        line_ids=tuple(lines),
        kiosk_id=kiosk_id,
        nonce=str(kw.pop("nonce", uuid.uuid4().hex)),
        identified_by=IdentifiedBy.BADGE,
        **kw,  # type: ignore[arg-type]
    )


def line_ids(session: Session, order_id: int) -> list[int]:
    return list(
        session.scalars(
            select(OrderLine.id).where(OrderLine.order_id == order_id).order_by(OrderLine.line_no)
        )
    )


def count(session: Session, model: type) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_badge_lists_ready_lines_first_then_the_others_with_their_dates(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        who = c.agent(s)
        link_badge(s, badge_hash(KEY, b"\x04card"), who.id, now=NOW, nonce=uuid.uuid4().hex)
        mouse, screen = c.item(s, name="Souris"), c.item(s, name="Écran", tracked=True)
        c.order(s, who, [(mouse, S.APPROVED), (screen, S.READY)], reference="CC-1")
        c.order(s, c.agent(s), [(mouse, S.READY)], reference="CC-OTHER")
    with session_factory() as s:
        listed = by_badge(s, badge_hash(KEY, b"\x04card"), NOW)
    assert [line.item_name for line in listed.ready] == ["Écran"]
    assert listed.ready[0].asset_tag
    assert listed.ready[0].serial
    assert [(line.item_name, line.status) for line in listed.others] == [("Souris", S.APPROVED)]
    assert {line.order_ref for line in listed.lines} == {"CC-1"}  # nobody else's
    assert listed.display_name.endswith(".")


def test_unknown_badge_is_refused(session_factory: sessionmaker[Session]) -> None:
    with session_factory() as s, pytest.raises(IdentifyRefused) as caught:
        by_badge(s, badge_hash(KEY, b"\x04nobody"), NOW)
    assert caught.value.problem is IdentifyProblem.UNKNOWN_BADGE


def test_an_order_code_shows_only_its_order(session_factory: sessionmaker[Session]) -> None:
    with session_factory.begin() as s:
        who = c.agent(s)
        first = c.order(s, who, [(c.item(s), S.READY)])
        c.order(s, who, [(c.item(s), S.READY)])
    claims = OrderClaims(first.id, who.id, NOW + timedelta(days=1))
    with session_factory() as s:
        listed = by_order_code(s, claims, NOW)
        assert {line.order_id for line in listed.lines} == {first.id}
        assert listed.identified_by is IdentifiedBy.ORDER_CODE
        # with the badge already in, the code keeps the full list
        both = by_order_code(
            s, claims, NOW, current_person_id=who.id, current_by=IdentifiedBy.BADGE
        )
        assert len(both.lines) == 2


def test_somebody_elses_order_code_is_refused_without_content(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        me, other = c.agent(s), c.agent(s)
        theirs = c.order(s, other, [(c.item(s), S.READY)])
    claims = OrderClaims(theirs.id, other.id, NOW + timedelta(days=1))
    with session_factory() as s, pytest.raises(IdentifyRefused) as caught:
        by_order_code(s, claims, NOW, current_person_id=me.id)
    assert caught.value.problem is IdentifyProblem.NOT_YOURS
    assert "CC-" not in str(caught.value)


def test_full_pickup_records_once_and_queues_the_receipt_in_the_same_transaction(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        k = c.kiosk(s)
        who = c.agent(s)
        keyboard, dock = c.item(s, name="Clavier"), c.item(s, tracked=True, name="Dock")
        o = c.order(s, who, [(keyboard, S.READY), (dock, S.READY)])
        ids = line_ids(s, o.id)
    drawn = signature.from_strokes(600, 200, [[(10, 10), (50, 40), (90, 20)]]).encode()
    with session_factory.begin() as s:
        done = hand_over(s, request(who, ids, k.id, signature=drawn), NOW)
    assert done.print_job_id is not None
    with session_factory() as s:
        assert [line.status for line in s.scalars(select(OrderLine))] == [S.COLLECTED] * 2
        handed = list(s.scalars(select(HandOver)))
        assert {h.line_id for h in handed} == set(ids)
        assert all(h.acknowledged and h.kiosk_id == k.id and h.at == NOW for h in handed)
        assert len({h.nonce for h in handed}) == 2
        pickup = s.scalars(select(Pickup)).one()
        assert signature.decode(pickup.signature or b"").strokes
        job = s.get(PrintJob, done.print_job_id)
        assert job is not None
        assert (job.kind, job.ref) == ("pickup_receipt", f"pickup:{pickup.id}")
        receipt = receipt_from_json(job.receipt)
        assert receipt.qr_payload is not None
        assert nonce_of_receipt_code(receipt.qr_payload) == pickup.nonce
        labels = {line.label.strip(): line.value for line in receipt.lines}
        assert labels["N° d'inventaire"] == "CD06-00002"
        assert labels["Accusé de réception"] == "signé"
        events = list(s.scalars(select(LineEvent).where(LineEvent.actor == Actor.AGENT)))
        assert len(events) == 2


def test_partial_pickup_takes_some_lines_and_leaves_the_others_ready(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        k, who = c.kiosk(s), c.agent(s)
        o = c.order(s, who, [(c.item(s), S.READY), (c.item(s), S.READY)])
        first, second = line_ids(s, o.id)
    with session_factory.begin() as s:
        hand_over(s, request(who, [first], k.id), NOW)
    with session_factory() as s:
        statuses = {line.id: line.status for line in s.scalars(select(OrderLine))}
        assert statuses == {first: S.COLLECTED, second: S.READY}
        person = s.get(Person, who.id)
        assert person is not None
        listed = agent_lines(s, person, NOW, identified_by=IdentifiedBy.BADGE)
        assert [line.line_id for line in listed.ready] == [second]


def test_a_shortage_is_handed_over_as_partially_collected(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        k, who = c.kiosk(s), c.agent(s)
        o = c.order(s, who, [(c.item(s), S.READY)], quantity=3, prepared_quantity=2)
        (line_id,) = line_ids(s, o.id)
    with session_factory.begin() as s:
        done = hand_over(s, request(who, [line_id], k.id), NOW)
    assert done.lines[0].status is S.PARTIALLY_COLLECTED
    with session_factory() as s:
        assert s.scalars(select(HandOver.quantity)).one() == 2


def test_nothing_selected_and_nothing_ready_are_refused(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        k, who = c.kiosk(s), c.agent(s)
        o = c.order(s, who, [(c.item(s), S.PREPARED), (c.item(s), S.CANCELLED)])
        ids = line_ids(s, o.id)
    with session_factory.begin() as s, pytest.raises(HandOverRefused) as caught:
        hand_over(s, request(who, [], k.id), NOW)
    assert caught.value.kinds == {RefusalKind.NOTHING_SELECTED}
    with session_factory.begin() as s, pytest.raises(HandOverRefused) as caught:
        hand_over(s, request(who, ids, k.id), NOW)
    assert caught.value.kinds == {RefusalKind.NOT_READY}
    assert {r.status for r in caught.value.refusals} == {S.PREPARED, S.CANCELLED}
    with session_factory() as s:
        assert count(s, Pickup) == count(s, HandOver) == count(s, PrintJob) == 0


def test_wrong_person_is_refused_and_nothing_is_written(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        k, me, other = c.kiosk(s), c.agent(s), c.agent(s)
        mine = c.order(s, me, [(c.item(s), S.READY)])
        theirs = c.order(s, other, [(c.item(s), S.READY)])
        ids = line_ids(s, mine.id) + line_ids(s, theirs.id)
    with session_factory.begin() as s, pytest.raises(HandOverRefused) as caught:
        hand_over(s, request(me, ids, k.id), NOW)
    (refusal,) = caught.value.refusals
    assert refusal.kind is RefusalKind.NOT_YOURS
    assert refusal.status is None  # says nothing about the other person's line
    with session_factory() as s:
        assert count(s, HandOver) == 0
        assert set(s.scalars(select(OrderLine.status))) == {S.READY}


def test_an_already_collected_line_says_when_and_where(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        k, who = c.kiosk(s, "Smart Store — Nice"), c.agent(s)
        ids = line_ids(s, c.order(s, who, [(c.item(s), S.READY)]).id)
    with session_factory.begin() as s:
        hand_over(s, request(who, ids, k.id), NOW)
    later = NOW + timedelta(hours=2)
    with session_factory.begin() as s, pytest.raises(HandOverRefused) as caught:
        hand_over(s, request(who, ids, k.id), later)
    (refusal,) = caught.value.refusals
    assert refusal.kind is RefusalKind.ALREADY_COLLECTED
    assert (refusal.handed_at, refusal.handed_kiosk) == (NOW, "Smart Store — Nice")
    with session_factory() as s:
        person = s.get(Person, who.id)
        assert person is not None
        listed = agent_lines(s, person, later, identified_by=IdentifiedBy.BADGE)
        first = listed.lines[0]
        assert (first.handed_at, first.handed_kiosk) == (NOW, "Smart Store — Nice")


def test_the_same_confirmation_sent_twice_is_recorded_once(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        k, who = c.kiosk(s), c.agent(s)
        ids = line_ids(s, c.order(s, who, [(c.item(s), S.READY)]).id)
    nonce = uuid.uuid4().hex
    with session_factory.begin() as s:
        first = hand_over(s, request(who, ids, k.id, nonce=nonce), NOW)
    with session_factory.begin() as s:
        again = hand_over(s, request(who, ids, k.id, nonce=nonce), NOW + timedelta(seconds=5))
    assert again.replayed
    assert again.pickup_id == first.pickup_id
    with session_factory() as s:
        assert count(s, HandOver) == 1
        assert count(s, PrintJob) == 1


def test_policy_is_checked_again_at_hand_over(session_factory: sessionmaker[Session]) -> None:
    with session_factory.begin() as s:
        k, who = c.kiosk(s), c.agent(s)
        phone = c.item(s, max_per_agent=1, renewal_days=365)
        laptop = c.item(s, roles=["staff"])
        first = line_ids(s, c.order(s, who, [(phone, S.READY)]).id)
        second = line_ids(s, c.order(s, who, [(phone, S.READY), (laptop, S.READY)]).id)
    with session_factory.begin() as s:
        hand_over(s, request(who, first, k.id), NOW - timedelta(days=30))
    with session_factory.begin() as s, pytest.raises(HandOverRefused) as caught:
        hand_over(s, request(who, second, k.id), NOW)
    by_line = {r.line_id: r for r in caught.value.refusals}
    quota, role = by_line[second[0]].policy, by_line[second[1]].policy
    assert quota is not None
    assert quota.code is RefusalCode.QUOTA_REACHED
    assert quota.next_allowed_at == NOW - timedelta(days=30) + timedelta(days=365)
    assert role is not None
    assert role.code is RefusalCode.ROLE_NOT_ALLOWED
    with session_factory() as s:
        assert count(s, HandOver) == 1


def test_two_lines_of_the_same_item_count_together_against_the_quota(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        k, who = c.kiosk(s), c.agent(s)
        badge_holder = c.item(s, max_per_agent=1, renewal_days=30)
        ids = line_ids(s, c.order(s, who, [(badge_holder, S.READY), (badge_holder, S.READY)]).id)
    with session_factory.begin() as s, pytest.raises(HandOverRefused) as caught:
        hand_over(s, request(who, ids, k.id), NOW)
    assert [r.line_id for r in caught.value.refusals] == [ids[1]]
    refusal = caught.value.refusals[0].policy
    assert refusal is not None
    # taking one of them alone is allowed: say so, not "come back in 30 days"
    assert refusal.together
    assert refusal.next_allowed_at is None


def test_the_lines_listed_carry_the_policys_refusal_and_the_rest_can_be_handed_over(
    session_factory: sessionmaker[Session],
) -> None:
    """Checked when the lines are shown, as the hand-over will check them: the refused line is
    known before the agent ticks, signs and confirms, and the others go through."""
    with session_factory.begin() as s:
        k, who = c.kiosk(s), c.agent(s)
        screen = c.item(s, max_per_agent=2, renewal_days=365)
        mouse = c.item(s)
        earlier = line_ids(s, c.order(s, who, [(screen, S.READY)]).id)
        wanted = line_ids(s, c.order(s, who, [(screen, S.READY), (mouse, S.READY)], quantity=2).id)
    with session_factory.begin() as s:
        hand_over(s, request(who, earlier, k.id), NOW - timedelta(days=30))
    with session_factory() as s:
        person = s.get(Person, who.id)
        assert person is not None
        listed = agent_lines(s, person, NOW, identified_by=IdentifiedBy.BADGE)
    by_id = {v.line_id: v for v in listed.lines}
    refusal = by_id[wanted[0]].refusal
    assert refusal is not None
    assert (refusal.code, refusal.limit, refusal.held) == (RefusalCode.QUOTA_REACHED, 2, 1)
    assert by_id[wanted[1]].refusal is None
    assert [v.line_id for v in listed.handable] == [wanted[1]]
    with session_factory.begin() as s:
        done = hand_over(s, request(who, [v.line_id for v in listed.handable], k.id), NOW)
    assert [v.units_to_hand for v in done.lines] == [2]


def test_lines_of_one_item_beyond_its_quota_are_refused_together_when_listed(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        who = c.agent(s)
        holder = c.item(s, max_per_agent=1, renewal_days=30)
        ids = line_ids(s, c.order(s, who, [(holder, S.READY), (holder, S.READY)]).id)
    with session_factory() as s:
        person = s.get(Person, who.id)
        assert person is not None
        listed = agent_lines(s, person, NOW, identified_by=IdentifiedBy.BADGE)
    assert [v.line_id for v in listed.handable] == [ids[0]]
    second = next(v for v in listed.lines if v.line_id == ids[1]).refusal
    assert second is not None
    assert second.together


def test_a_role_change_since_the_order_is_seen_at_hand_over(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        k, who = c.kiosk(s), c.agent(s, role=Role.STAFF)
        ids = line_ids(s, c.order(s, who, [(c.item(s, roles=["staff"]), S.READY)]).id)
        who.role = Role.AGENT
    with session_factory.begin() as s, pytest.raises(HandOverRefused):
        hand_over(s, request(who, ids, k.id), NOW)


# --- staff ------------------------------------------------------------------------------------


def test_staff_prepare_then_make_ready(session_factory: sessionmaker[Session]) -> None:
    with session_factory.begin() as s:
        k, who, staff = c.kiosk(s), c.agent(s), c.agent(s, role=Role.STAFF)
        o = c.order(s, who, [(c.item(s, tracked=True), S.APPROVED), (c.item(s), S.APPROVED)])
        tracked_line, plain_line = line_ids(s, o.id)
        staff_id = staff.id
    badge = StaffProof(Actor.STAFF_BADGE, staff_id)
    with session_factory.begin() as s:
        assert [line.line_id for line in lines_to_prepare(s)] == [tracked_line, plain_line]
        with pytest.raises(StaffActionError) as caught:
            mark_prepared(s, tracked_line, badge, now=NOW, kiosk_id=k.id)
        assert caught.value.code == "identification_required"
        mark_prepared(s, tracked_line, badge, now=NOW, kiosk_id=k.id, asset_tag=" CD06-1 ")
        mark_prepared(s, plain_line, PIN, now=NOW, kiosk_id=k.id)
        mark_ready(s, tracked_line, badge, now=NOW, kiosk_id=k.id)
        with pytest.raises(StaffActionError) as caught:
            mark_ready(s, tracked_line, badge, now=NOW, kiosk_id=k.id)
        assert caught.value.code == "wrong_status"
    with session_factory() as s:
        line = s.get(OrderLine, tracked_line)
        assert line is not None
        assert (line.status, line.asset_tag, line.ready_until) == (
            S.READY,
            "CD06-1",
            NOW + timedelta(days=10),
        )
        events = list(
            s.scalars(
                select(LineEvent).where(LineEvent.line_id == tracked_line).order_by(LineEvent.id)
            )
        )
        assert [(e.to_status, e.actor, e.staff_id) for e in events] == [
            (S.PREPARED, Actor.STAFF_BADGE, staff_id),
            (S.READY, Actor.STAFF_BADGE, staff_id),
        ]
        pin_event = s.scalars(select(LineEvent).where(LineEvent.line_id == plain_line)).one()
        assert (pin_event.actor, pin_event.staff_id) == (Actor.STAFF_PIN, None)


def test_a_short_preparation_is_recorded(session_factory: sessionmaker[Session]) -> None:
    with session_factory.begin() as s:
        k, who = c.kiosk(s), c.agent(s)
        (line_id,) = line_ids(s, c.order(s, who, [(c.item(s), S.APPROVED)], quantity=3).id)
    with session_factory.begin() as s:
        with pytest.raises(StaffActionError):
            mark_prepared(s, line_id, PIN, now=NOW, kiosk_id=k.id, prepared_quantity=4)
        mark_prepared(s, line_id, PIN, now=NOW, kiosk_id=k.id, prepared_quantity=2)
    with session_factory() as s:
        event = s.scalars(select(LineEvent)).one()
        assert event.detail == "shortage: 2/3"


def test_ready_lines_past_their_deadline_expire(session_factory: sessionmaker[Session]) -> None:
    with session_factory.begin() as s:
        who = c.agent(s)
        c.order(s, who, [(c.item(s), S.READY), (c.item(s), S.APPROVED)])
    with session_factory.begin() as s:
        assert expire_overdue(s, NOW) == 0
        assert expire_overdue(s, NOW + timedelta(days=10)) == 1
    with session_factory() as s:
        assert sorted(s.scalars(select(OrderLine.status))) == sorted([S.EXPIRED, S.APPROVED])

"""The help queue on a real SQLite file: numbering, the desk's flow, live estimates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.engine import make_session_factory
from kiosk.db.models import Kiosk
from kiosk.help.domain import EstimateBasis, ForwardState, HelpReason, Requester, TicketState
from kiosk.help.queue import HelpDesk, HelpError, HelpErrorCode
from kiosk.help.tables import HelpForward, HelpRequest
from kiosk.ports import FixedClock, Receipt
from tests.helpers import records
from tests.helpers.help_desk import MORNING, store_kiosk

MAIL, HW, ACCOUNT = HelpReason.MAIL, HelpReason.HARDWARE, HelpReason.ACCOUNT


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(MORNING)


@pytest.fixture
def kiosk(session_factory: sessionmaker[Session]) -> Kiosk:
    with session_factory.begin() as session:
        return store_kiosk(session, name="Smart Store CADAM")


@pytest.fixture
def desk(engine: Engine, clock: FixedClock, kiosk: Kiosk) -> HelpDesk:
    return HelpDesk(make_session_factory(engine), clock, kiosk.id)


def later(clock: FixedClock, minutes: float) -> None:
    clock.set(clock.now() + timedelta(minutes=minutes))


def test_numbers_count_per_reason_with_the_reasons_letter(desk: HelpDesk) -> None:
    tickets = [desk.issue(r).ticket for r in (MAIL, MAIL, HW, MAIL, ACCOUNT)]
    assert tickets == ["M-001", "M-002", "P-001", "M-003", "C-001"]


def test_numbering_restarts_at_midnight_paris_time(desk: HelpDesk, clock: FixedClock) -> None:
    clock.set(datetime(2026, 11, 23, 22, 58, tzinfo=UTC))  # 23:58 in Paris
    assert [desk.issue(MAIL).ticket for _ in range(2)] == ["M-001", "M-002"]
    clock.set(datetime(2026, 11, 23, 23, 0, 30, tzinfo=UTC))  # 00:00:30 the next day in Paris
    assert desk.issue(MAIL).ticket == "M-001"
    # the day before's waiting tickets are not in today's queue
    assert [e.ticket for e in desk.queue()] == ["M-001"]


def test_each_site_has_its_own_queue(
    engine: Engine, clock: FixedClock, desk: HelpDesk, session_factory: sessionmaker[Session]
) -> None:
    with session_factory.begin() as session:
        other = store_kiosk(session)
    elsewhere = HelpDesk(make_session_factory(engine), clock, other.id)
    assert desk.issue(MAIL).ticket == "M-001"
    assert elsewhere.issue(MAIL).ticket == "M-001"
    assert [e.ticket for e in elsewhere.queue()] == ["M-001"]


def test_two_kiosks_of_one_site_share_the_numbering(
    engine: Engine, clock: FixedClock, kiosk: Kiosk, session_factory: sessionmaker[Session]
) -> None:
    with session_factory.begin() as session:
        second = store_kiosk(session, session.get(Kiosk, kiosk.id).site)  # type: ignore[union-attr]
    first = HelpDesk(make_session_factory(engine), clock, kiosk.id)
    other = HelpDesk(make_session_factory(engine), clock, second.id)
    assert [first.issue(MAIL).ticket, other.issue(MAIL).ticket] == ["M-001", "M-002"]


def test_the_request_is_stored_with_kiosk_time_nonce_and_description(
    desk: HelpDesk, session_factory: sessionmaker[Session], kiosk: Kiosk
) -> None:
    issued = desk.issue(MAIL, "  Outlook  ne   démarre plus ")
    with session_factory() as session:
        row = session.get_one(HelpRequest, issued.request_id)
    assert (row.kiosk_id, row.site_id, row.created_at) == (kiosk.id, kiosk.site_id, MORNING)
    assert row.description == "Outlook ne démarre plus"
    assert len(row.nonce) == 32
    assert row.nonce == issued.nonce
    assert row.requester is Requester.ANONYMOUS
    assert row.person_id is None
    assert row.state is TicketState.WAITING


def test_an_identified_agent_is_recorded_and_shown_to_staff_only_as_first_name_and_initial(
    desk: HelpDesk, session_factory: sessionmaker[Session]
) -> None:
    with session_factory.begin() as session:
        agent = records.person(session)
    desk.issue(HW, person_id=agent.id)
    entry = desk.queue()[0]
    assert entry.person_name == f"Camille {agent.last_name[0]}."
    assert desk.board().calls == ()  # the display never names anybody (BoardCall has no name)


def test_a_description_too_long_is_refused_and_nothing_is_written(
    desk: HelpDesk, session_factory: sessionmaker[Session]
) -> None:
    with pytest.raises(HelpError) as caught:
        desk.issue(MAIL, "x" * 281)
    assert caught.value.code is HelpErrorCode.DESCRIPTION_TOO_LONG
    with session_factory() as session:
        assert session.scalar(select(func.count(HelpRequest.id))) == 0
    assert desk.issue(MAIL).ticket == "M-001"  # no number was burnt either


def test_the_staff_flow_records_every_time(desk: HelpDesk, clock: FixedClock) -> None:
    first, second = desk.issue(MAIL), desk.issue(HW)
    later(clock, 4)
    called = desk.call_next("Guichet 1")
    assert called is not None
    assert (called.ticket, called.state, called.desk) == ("M-001", TicketState.CALLED, "Guichet 1")
    assert called.called_at == MORNING + timedelta(minutes=4)
    later(clock, 1)
    assert desk.start_serving(first.request_id).state is TicketState.SERVING
    later(clock, 6)
    done = desk.finish(first.request_id)
    assert done.state is TicketState.DONE
    assert [e.ticket for e in desk.queue()] == ["P-001"]
    assert desk.call_next("Guichet 1").ticket == "P-001"  # type: ignore[union-attr]
    later(clock, 3)
    assert desk.no_show(second.request_id).state is TicketState.NO_SHOW
    assert desk.call_next("Guichet 1") is None
    assert desk.queue() == []


def test_a_desk_cannot_finish_what_is_not_being_served_or_close_a_ticket_twice(
    desk: HelpDesk,
) -> None:
    ticket = desk.issue(MAIL)
    with pytest.raises(HelpError) as caught:
        desk.finish(ticket.request_id)
    assert caught.value.code is HelpErrorCode.WRONG_STATE
    desk.call(ticket.request_id, "Guichet 2")
    desk.no_show(ticket.request_id)
    with pytest.raises(HelpError) as again:
        desk.no_show(ticket.request_id)
    assert again.value.code is HelpErrorCode.WRONG_STATE
    with pytest.raises(HelpError) as unknown:
        desk.start_serving(9999)
    assert unknown.value.code is HelpErrorCode.UNKNOWN_TICKET


def test_calling_again_shows_the_number_again_on_the_board(
    desk: HelpDesk, clock: FixedClock
) -> None:
    ticket = desk.issue(MAIL)
    desk.issue(HW)
    desk.call_next("Guichet 1")
    later(clock, 2)
    desk.call_next("Guichet 2")
    assert [c.ticket for c in desk.board().calls] == ["P-001", "M-001"]
    later(clock, 1)
    recalled = desk.call(ticket.request_id, "Guichet 1")
    assert recalled.call_count == 2
    calls = desk.board().calls
    assert [(c.ticket, c.desk, c.call_count) for c in calls] == [
        ("M-001", "Guichet 1", 2),
        ("P-001", "Guichet 2", 1),
    ]


def test_the_queue_lists_tickets_being_handled_first_then_the_waiting_in_order(
    desk: HelpDesk, clock: FixedClock
) -> None:
    for reason in (MAIL, HW, ACCOUNT):
        desk.issue(reason)
        later(clock, 1)
    third = desk.queue()[2]
    desk.call(third.request_id, "Guichet 1")
    assert [(e.ticket, e.state) for e in desk.queue()] == [
        ("C-001", TicketState.CALLED),
        ("M-001", TicketState.WAITING),
        ("P-001", TicketState.WAITING),
    ]


def serve(desk: HelpDesk, clock: FixedClock, reason: HelpReason, minutes: float) -> None:
    ticket = desk.issue(reason)
    desk.call(ticket.request_id, "Guichet 1")
    desk.start_serving(ticket.request_id)
    later(clock, minutes)
    desk.finish(ticket.request_id)


def test_early_in_the_day_the_estimate_uses_typical_times_and_says_so(desk: HelpDesk) -> None:
    desk.issue(MAIL)
    estimate = desk.issue(MAIL).estimate
    assert (estimate.position, estimate.minutes, estimate.basis) == (2, 8, EstimateBasis.DEFAULT)


def test_the_estimate_follows_the_days_measured_service_times(
    desk: HelpDesk, clock: FixedClock
) -> None:
    for minutes in (3, 4, 5):  # password resets: quick today
        serve(desk, clock, ACCOUNT, minutes)
    for minutes in (20, 25, 30):  # hardware faults: slow
        serve(desk, clock, HW, minutes)
    desk.issue(HW)
    desk.issue(ACCOUNT)
    issued = desk.issue(MAIL)
    # 25 (median fault) + 4 (median reset); mail has no service yet: today's median, 12.5
    assert (issued.estimate.position, issued.estimate.minutes) == (3, 29)
    assert issued.estimate.basis is EstimateBasis.TODAY
    assert desk.issue(ACCOUNT).estimate.basis is EstimateBasis.TODAY_BY_REASON


def test_the_live_estimate_moves_as_the_queue_moves(desk: HelpDesk, clock: FixedClock) -> None:
    desk.issue(MAIL)
    mine = desk.issue(MAIL)
    assert desk.estimate(mine.request_id).position == 2  # type: ignore[union-attr]
    desk.call_next("Guichet 1")
    now = desk.estimate(mine.request_id)
    assert now is not None
    assert now.position == 1
    assert now.minutes == 8
    desk.call_next("Guichet 1")
    assert desk.estimate(mine.request_id) is None  # called: the screen says so instead


def test_the_board_counts_waiting_tickets_and_the_wait_of_a_new_one(desk: HelpDesk) -> None:
    desk.issue(MAIL)
    desk.issue(HW)
    shown = desk.board()
    assert shown.waiting == 2
    assert shown.next_wait.minutes == 8 + 12


def test_the_print_job_is_queued_in_the_same_transaction_as_the_request(
    engine: Engine, clock: FixedClock, kiosk: Kiosk, session_factory: sessionmaker[Session]
) -> None:
    queued: list[tuple[Receipt, dict[str, Any]]] = []

    def enqueue(session: Session, receipt: Receipt, **kw: Any) -> int:
        assert session.get(HelpRequest, 1) is not None  # same session, not yet committed
        queued.append((receipt, kw))
        return 77

    issued = HelpDesk(session_factory, clock, kiosk.id, enqueue_print=enqueue).issue(MAIL)
    assert issued.print_job_id == 77
    receipt, kw = queued[0]
    assert kw == {
        "kind": "help_ticket",
        "ref": issued.nonce,
        "kiosk_id": kiosk.id,
        "now": MORNING,
    }
    assert receipt.big_number == "M-001"
    assert receipt.kiosk == "Smart Store CADAM"

    def broken(session: Session, receipt: Receipt, **kw: Any) -> None:
        raise RuntimeError("spool table missing")

    with pytest.raises(RuntimeError):
        HelpDesk(make_session_factory(engine), clock, kiosk.id, enqueue_print=broken).issue(MAIL)
    with session_factory() as session:  # no ticket without its print job
        assert session.scalar(select(func.count(HelpRequest.id))) == 1


def test_a_forward_to_the_helpdesk_is_queued_with_the_request(
    engine: Engine, clock: FixedClock, kiosk: Kiosk, session_factory: sessionmaker[Session]
) -> None:
    issued = HelpDesk(session_factory, clock, kiosk.id, forward=True).issue(HW, "Écran noir")
    assert issued.forwarded
    with session_factory() as session:
        row = session.scalars(select(HelpForward)).one()
    assert (row.request_id, row.state, row.next_attempt_at) == (
        issued.request_id,
        ForwardState.PENDING,
        MORNING,
    )


def test_a_number_taken_behind_the_counters_back_is_skipped(
    desk: HelpDesk, session_factory: sessionmaker[Session], kiosk: Kiosk
) -> None:
    with session_factory.begin() as session:  # e.g. a replayed request from another journal
        session.add(
            HelpRequest(
                nonce="f" * 32,
                kiosk_id=kiosk.id,
                site_id=kiosk.site_id,
                requester=Requester.ANONYMOUS,
                reason=MAIL,
                service_day=MORNING.date(),
                number=1,
                ticket="M-001",
                state=TicketState.WAITING,
                created_at=MORNING,
            )
        )
    assert desk.issue(MAIL).ticket == "M-002"


_: Callable[..., object] = records.site  # records builds the sites of store_kiosk

"""Incidents from heartbeats on a real SQLite database and a fake clock: opened once, closed
once, each with exactly one ticket action in the outbox (the journal here)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.fleet.incidents import IncidentOutbox, JournalTickets, TicketState, reconcile
from kiosk.fleet.rules import IncidentKind
from kiosk.fleet.state import DeviceState, KioskState
from kiosk.fleet.tables import FleetIncident, HeartbeatHistory, KioskHeartbeat
from kiosk.ports import FixedClock
from tests.kiosk.fleet.world import RULES, START, add_kiosk, beat

SOUND = KioskState(printer=DeviceState("ready", START))


def incidents(sessions: sessionmaker[Session]) -> list[FleetIncident]:
    with sessions() as session:
        return list(session.scalars(select(FleetIncident).order_by(FleetIncident.id)))


def test_one_row_per_kiosk_updated_in_place_and_a_bounded_history(
    session_factory: sessionmaker[Session],
) -> None:
    store = add_kiosk(session_factory, "STORE-1", "Smart Store")
    for minute in range(0, 3 * 24 * 60, 6 * 60):  # every six hours for three days
        beat(session_factory, store, SOUND, START + timedelta(minutes=minute))
    with session_factory() as session:
        assert session.scalar(select(func.count()).select_from(KioskHeartbeat)) == 1
        history = list(session.scalars(select(HeartbeatHistory.at)))
    last = START + timedelta(hours=66)
    assert min(history) >= last - timedelta(days=1)  # history_days=1: older lines pruned
    assert max(history) == last


def test_paper_out_opens_one_incident_whichever_kiosk_looks_and_closes_it_once(
    session_factory: sessionmaker[Session],
) -> None:
    store = add_kiosk(session_factory, "STORE-1", "Smart Store")
    room = add_kiosk(session_factory, "ROOM-1", "Smart Room")
    out = KioskState(printer=DeviceState("paper_out", START))
    beat(session_factory, store, out, START)
    beat(session_factory, room, SOUND, START)
    with session_factory() as session:
        early = reconcile(session, START + timedelta(minutes=4), RULES, by="ROOM-1")
    assert early.opened == []

    later = START + timedelta(minutes=5)
    beat(session_factory, store, out, later)
    beat(session_factory, room, SOUND, later)
    with session_factory() as session:
        first = reconcile(session, later, RULES, by="ROOM-1")
        second = reconcile(session, later, RULES, by="STORE-1")  # the other kiosk looks too
    assert first.opened == [("STORE-1", IncidentKind.PAPER_OUT)]
    assert second.opened == []
    [incident] = incidents(session_factory)
    assert (incident.kind, incident.since, incident.opened_by) == ("paper_out", START, "ROOM-1")
    assert "Smart Store — imprimante sans papier depuis le 01/12/2026 à 10:00" in incident.detail

    refilled = START + timedelta(minutes=7)
    beat(session_factory, store, KioskState(printer=DeviceState("ready", refilled)), refilled)
    with session_factory() as session:
        closed = reconcile(session, refilled, RULES, by="ROOM-1")
        again = reconcile(session, refilled, RULES, by="STORE-1")
    assert closed.closed == [("STORE-1", IncidentKind.PAPER_OUT)]
    assert again.closed == []
    [incident] = incidents(session_factory)
    assert incident.closed_at == refilled
    assert incident.open_key is None


def test_the_database_refuses_a_second_open_incident_of_a_kind(
    session_factory: sessionmaker[Session],
) -> None:
    store = add_kiosk(session_factory, "STORE-1", "Smart Store")
    beat(session_factory, store, SOUND, START)
    beat(session_factory, store, SOUND, START + timedelta(minutes=1))
    with session_factory() as session:  # the kiosk has gone silent during opening hours
        reconcile(session, START + timedelta(minutes=12), RULES, by="ROOM-1")
    [incident] = incidents(session_factory)
    with session_factory() as session:
        session.add(
            FleetIncident(
                kiosk_id=store.id,
                kind="silent",
                open_key=incident.open_key,
                nonce="x" * 32,
                since=START,
                opened_at=START,
                opened_by="ROOM-2",
                detail="",
                ticket_state="to_open",
                ticket_due_at=START,
            )
        )
        with pytest.raises(IntegrityError):
            session.flush()


def test_a_silent_kiosk_keeps_its_other_incidents_until_it_speaks_again(
    session_factory: sessionmaker[Session],
) -> None:
    store = add_kiosk(session_factory, "STORE-1", "Smart Store")
    beat(session_factory, store, KioskState(printer=DeviceState("offline", START)), START)
    with session_factory() as session:
        reconcile(session, START + timedelta(minutes=6), RULES, by="ROOM-1")
        gone = reconcile(session, START + timedelta(minutes=11), RULES, by="ROOM-1")
    assert gone.opened == [("STORE-1", IncidentKind.SILENT)]
    assert gone.closed == []  # nothing new of its printer: still out of service
    back = START + timedelta(minutes=15)
    beat(session_factory, store, SOUND, back)
    with session_factory() as session:
        spoke = reconcile(session, back, RULES, by="ROOM-1")
    assert sorted(spoke.closed) == [
        ("STORE-1", IncidentKind.PRINTER_OFFLINE),
        ("STORE-1", IncidentKind.SILENT),
    ]


def test_each_incident_has_one_ticket_and_one_closing_in_the_journal(
    session_factory: sessionmaker[Session], caplog: pytest.LogCaptureFixture
) -> None:
    clock = FixedClock(START)
    outbox = IncidentOutbox(session_factory, clock)
    journal = JournalTickets(outbox)
    store = add_kiosk(session_factory, "STORE-1", "Smart Store")
    beat(session_factory, store, KioskState(spool_backlog=2, spool_oldest_at=START), START)
    clock.set(START + timedelta(minutes=6))
    beat(session_factory, store, KioskState(spool_backlog=2, spool_oldest_at=START), clock.now())
    with session_factory() as session:
        reconcile(session, clock.now(), RULES, by="STORE-1")
    with caplog.at_level("WARNING", logger="kiosk.fleet.incidents"):
        assert journal.run_once() == 1
        assert journal.run_once() == 0  # filed once
    assert [i.ticket_state for i in incidents(session_factory)] == [TicketState.OPENED]
    assert "impressions en retard" in caplog.text

    clock.set(START + timedelta(minutes=8))
    beat(session_factory, store, KioskState(), clock.now())
    with session_factory() as session:
        reconcile(session, clock.now(), RULES, by="STORE-1")
    assert journal.run_once() == 1
    assert journal.run_once() == 0
    assert [i.ticket_state for i in incidents(session_factory)] == [TicketState.CLOSED]


def test_a_claimed_ticket_action_cannot_be_claimed_twice(
    session_factory: sessionmaker[Session],
) -> None:
    clock = FixedClock(START + timedelta(minutes=12))
    store = add_kiosk(session_factory, "STORE-1", "Smart Store")
    beat(session_factory, store, SOUND, START)
    with session_factory() as session:
        reconcile(session, clock.now(), RULES, by="ROOM-1")
    first, second = IncidentOutbox(session_factory, clock), IncidentOutbox(session_factory, clock)
    job = first.claim()
    assert job is not None
    assert job.action is TicketState.TO_OPEN
    assert second.claim() is None  # taken: due again only after the claim's time-out
    first.failed(job, "GLPI down")
    clock.set(clock.now() + timedelta(seconds=5))
    retry = second.claim()
    assert retry is not None
    assert retry.attempt == 2

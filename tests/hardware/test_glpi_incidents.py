"""Fleet incidents to GLPI over real HTTP, against the GLPI stand-in on loopback: one ticket per
incident, one follow-up and the ticket solved when it clears, even when an answer is lost."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session, sessionmaker

from hardware.glpi import INCIDENT, SOLVED, GlpiConfig, GlpiIncidentTickets
from kiosk.fleet.incidents import IncidentOutbox, reconcile
from kiosk.fleet.state import DeviceState, KioskState
from kiosk.ports import FixedClock
from tests.helpers.glpi_server import APP_TOKEN, USER_TOKEN, GlpiServer
from tests.kiosk.fleet.world import RULES, START, add_kiosk, beat

OUT = KioskState(printer=DeviceState("paper_out", START))


def tickets_for(
    server: GlpiServer, sessions: sessionmaker[Session], clock: FixedClock
) -> GlpiIncidentTickets:
    config = GlpiConfig(server.url, USER_TOKEN, APP_TOKEN, request_type_id=7, timeout_s=3)
    return GlpiIncidentTickets(IncidentOutbox(sessions, clock), config)


def paper_out_then_back(sessions: sessionmaker[Session], clock: FixedClock) -> None:
    store = add_kiosk(sessions, "STORE-1", "Smart Store")
    clock.set(START + timedelta(minutes=6))
    beat(sessions, store, OUT, clock.now())
    with sessions() as session:
        reconcile(session, clock.now(), RULES, by="ROOM-1")


def clear(sessions: sessionmaker[Session], clock: FixedClock) -> None:
    clock.set(clock.now() + timedelta(minutes=1))
    store = add_kiosk(sessions, "STORE-1", "Smart Store")
    beat(sessions, store, KioskState(printer=DeviceState("ready", clock.now())), clock.now())
    with sessions() as session:
        reconcile(session, clock.now(), RULES, by="ROOM-1")


def test_an_incident_files_one_ticket_then_one_followup_and_solves_it(
    session_factory: sessionmaker[Session],
) -> None:
    clock = FixedClock(START)
    with GlpiServer() as server:
        tickets = tickets_for(server, session_factory, clock)
        paper_out_then_back(session_factory, clock)
        assert tickets.run_once() == 1
        assert tickets.run_once() == 0
        [(ticket_id, ticket)] = server.glpi.tickets.items()
        assert ticket["type"] == INCIDENT
        assert ticket["requesttypes_id"] == 7
        assert ticket["name"].startswith("[Parc des bornes] Smart Store — imprimante sans papier")
        assert "Référence borne : " in ticket["content"]
        assert server.glpi.followups == {}

        clear(session_factory, clock)
        assert tickets.run_once() == 1
        assert tickets.run_once() == 0
        [followup] = server.glpi.followups[ticket_id]
        assert followup["content"].startswith("Rétabli le 01/12/2026 à 10:07")
        assert server.glpi.tickets[ticket_id]["status"] == SOLVED
        assert len(server.glpi.tickets) == 1


def test_a_lost_answer_is_not_filed_twice(session_factory: sessionmaker[Session]) -> None:
    clock = FixedClock(START)
    with GlpiServer() as server:
        server.glpi.fail_posts = 1  # filed, but the kiosk hears a 500
        tickets = tickets_for(server, session_factory, clock)
        paper_out_then_back(session_factory, clock)
        assert tickets.run_once() == 0  # failed: retried after its backoff
        clock.set(clock.now() + timedelta(seconds=5))
        assert tickets.run_once() == 1
        assert len(server.glpi.tickets) == 1  # found by its reference, not filed again


def test_with_glpi_down_the_ticket_waits_and_goes_when_it_is_back(
    session_factory: sessionmaker[Session],
) -> None:
    clock = FixedClock(START)
    with GlpiServer() as gone:
        port = gone.port
    tickets = tickets_for(gone, session_factory, clock)  # nothing listens there now: refused
    paper_out_then_back(session_factory, clock)
    assert tickets.run_once() == 0
    with GlpiServer(port) as back:
        clock.set(clock.now() + timedelta(seconds=5))
        assert tickets.run_once() == 1
        assert len(back.glpi.tickets) == 1

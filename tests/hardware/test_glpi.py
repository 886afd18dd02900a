"""Forwarding help requests to GLPI over real HTTP, against a small GLPI on loopback."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from hardware.glpi import (
    INCIDENT,
    REQUEST,
    ForwardWorker,
    GlpiConfig,
    GlpiForwarder,
    backoff,
    glpi_config,
)
from kiosk.db.models import Kiosk
from kiosk.help.domain import ForwardState, HelpReason
from kiosk.help.forwarding import HelpOutbox
from kiosk.help.queue import HelpDesk
from kiosk.help.tables import HelpForward
from kiosk.ports import FixedClock, SystemClock
from kiosk.settings import Settings
from tests.helpers import records
from tests.helpers.glpi_server import APP_TOKEN, USER_TOKEN, GlpiServer
from tests.helpers.help_desk import MORNING, store_kiosk

BORNE = 7  # the "Borne" request source's id in this GLPI


def config_for(url: str, app_token: str = APP_TOKEN) -> GlpiConfig:
    return GlpiConfig(url, USER_TOKEN, app_token, request_type_id=BORNE, entity_id=3, timeout_s=3)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(MORNING)


@pytest.fixture
def kiosk(session_factory: sessionmaker[Session]) -> Kiosk:
    with session_factory.begin() as session:
        return store_kiosk(session, name="Smart Store CADAM")


@pytest.fixture
def desk(session_factory: sessionmaker[Session], clock: FixedClock, kiosk: Kiosk) -> HelpDesk:
    return HelpDesk(session_factory, clock, kiosk.id, forward=True)


def forward_row(sessions: sessionmaker[Session]) -> HelpForward:
    with sessions() as session:
        return session.scalars(select(HelpForward)).one()


def test_forwarding_is_off_unless_configured() -> None:
    assert glpi_config(Settings()) is None
    assert glpi_config(Settings(glpi_url="https://glpi.example/apirest.php")) is None
    on = glpi_config(
        Settings(glpi_url="https://glpi.example/apirest.php", glpi_user_token=USER_TOKEN)
    )
    assert on is not None
    assert on.url == "https://glpi.example/apirest.php"


def test_a_request_becomes_a_glpi_ticket_from_the_borne_source(
    desk: HelpDesk, session_factory: sessionmaker[Session], clock: FixedClock
) -> None:
    with session_factory.begin() as session:
        agent = records.person(session)
    issued = desk.issue(HelpReason.MAIL, "Outlook ne démarre plus", person_id=agent.id)
    with GlpiServer() as server:
        server.glpi.users[agent.matricule or ""] = 42
        results = GlpiForwarder(session_factory, clock, config_for(server.url)).run_once()
    assert [(r.state, r.glpi_ticket_id) for r in results] == [(ForwardState.SENT, 101)]
    assert server.glpi.paths() == [
        "GET initSession",
        "GET User",
        "POST Ticket",
        "GET killSession",
    ]
    init, _, post, kill = server.glpi.requests
    assert init.headers["Authorization"] == f"user_token {USER_TOKEN}"
    assert init.headers["App-Token"] == APP_TOKEN
    assert post.headers["Session-Token"] == kill.headers["Session-Token"] == "session-1"
    fields = post.body["input"]
    assert fields["name"] == "[Borne] M-001 — Messagerie"
    assert fields["requesttypes_id"] == BORNE
    assert fields["entities_id"] == 3
    assert fields["type"] == INCIDENT
    assert fields["_users_id_requester"] == 42
    assert "Outlook ne démarre plus" in fields["content"]
    assert issued.nonce in fields["content"]  # the reference that makes retries idempotent
    assert "23/11/2026 à 10:00" in fields["content"]  # Paris time
    row = forward_row(session_factory)
    assert (row.state, row.glpi_ticket_id, row.sent_at) == (ForwardState.SENT, 101, MORNING)
    assert server.glpi.sessions == set()  # killSession ended it


def test_an_anonymous_request_names_nobody_and_an_account_question_is_a_request(
    desk: HelpDesk, session_factory: sessionmaker[Session], clock: FixedClock
) -> None:
    desk.issue(HelpReason.ACCOUNT)
    with GlpiServer() as server:
        GlpiForwarder(session_factory, clock, config_for(server.url)).run_once()
    fields = server.glpi.tickets[101]
    assert "GET User" not in server.glpi.paths()
    assert "_users_id_requester" not in fields
    assert "Visiteur non identifié" in fields["content"]
    assert fields["type"] == REQUEST


def test_glpi_down_then_up_the_request_waits_then_goes_with_backoff(
    desk: HelpDesk, session_factory: sessionmaker[Session], clock: FixedClock
) -> None:
    port = free_port()  # nothing listens there yet
    forwarder = GlpiForwarder(
        session_factory, clock, config_for(f"http://127.0.0.1:{port}/apirest.php")
    )
    issued = desk.issue(HelpReason.HARDWARE, "Écran noir")
    assert issued.ticket == "P-001"  # the kiosk gave its ticket without waiting for GLPI

    [first] = forwarder.run_once()
    assert first.state is ForwardState.PENDING
    row = forward_row(session_factory)
    assert row.attempts == 1
    assert "initSession" in (row.last_error or "")
    assert row.next_attempt_at == MORNING + backoff(1)
    assert forwarder.run_once() == []  # not due yet: nothing is attempted

    clock.set(MORNING + backoff(1))
    forwarder.run_once()
    assert forward_row(session_factory).next_attempt_at == MORNING + backoff(1) + backoff(2)
    assert backoff(2) == 2 * backoff(1)
    assert backoff(30) == timedelta(minutes=15)

    with GlpiServer(port) as server:
        clock.set(MORNING + timedelta(minutes=5))
        [sent] = forwarder.run_once()
    assert (sent.state, sent.glpi_ticket_id) == (ForwardState.SENT, 101)
    # earlier attempts may have reached GLPI: it looked for the reference before filing
    assert server.glpi.paths() == [
        "GET initSession",
        "GET Ticket",
        "POST Ticket",
        "GET killSession",
    ]
    assert forward_row(session_factory).state is ForwardState.SENT


def test_an_answer_lost_after_glpi_filed_the_ticket_never_files_it_twice(
    desk: HelpDesk, session_factory: sessionmaker[Session], clock: FixedClock
) -> None:
    desk.issue(HelpReason.SOFTWARE)
    with GlpiServer() as server:
        server.glpi.fail_posts = 1
        forwarder = GlpiForwarder(session_factory, clock, config_for(server.url))
        assert [r.state for r in forwarder.run_once()] == [ForwardState.PENDING]
        clock.set(MORNING + timedelta(minutes=1))
        [again] = forwarder.run_once()
    assert (again.state, again.glpi_ticket_id) == (ForwardState.SENT, 101)
    assert len(server.glpi.tickets) == 1
    assert server.glpi.paths().count("POST Ticket") == 1  # the retry found it instead


def test_a_wrong_token_is_retried_but_content_glpi_refuses_is_set_aside(
    desk: HelpDesk, session_factory: sessionmaker[Session], clock: FixedClock
) -> None:
    desk.issue(HelpReason.OTHER)
    with GlpiServer() as server:
        wrong = GlpiForwarder(session_factory, clock, config_for(server.url, "wrong-app-token"))
        assert [r.state for r in wrong.run_once()] == [ForwardState.PENDING]
        assert "ERROR_WRONG_APP_TOKEN_PARAMETER" in (forward_row(session_factory).last_error or "")
        server.glpi.reject_posts = True
        clock.set(MORNING + timedelta(minutes=1))
        right = GlpiForwarder(session_factory, clock, config_for(server.url))
        assert [r.state for r in right.run_once()] == [ForwardState.REJECTED]
    row = forward_row(session_factory)
    assert row.state is ForwardState.REJECTED
    assert "ERROR_BAD_ARRAY" in (row.last_error or "")


def test_a_row_claimed_by_one_kiosk_is_not_sent_by_another(
    desk: HelpDesk, session_factory: sessionmaker[Session], clock: FixedClock
) -> None:
    desk.issue(HelpReason.MAIL)
    with GlpiServer() as server:
        second = GlpiForwarder(session_factory, clock, config_for(server.url))
        assert HelpOutbox(session_factory, clock).claim() is not None  # kiosk 1 is sending it
        assert second.run_once() == []
    assert server.glpi.requests == []


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> bool:
    pause = threading.Event()
    for _ in range(int(timeout / 0.02)):
        if condition():
            return True
        pause.wait(0.02)
    return condition()


def test_the_worker_thread_sends_when_woken_and_retries_by_itself(
    session_factory: sessionmaker[Session], kiosk: Kiosk
) -> None:
    clock = SystemClock()
    port = free_port()
    forwarder = GlpiForwarder(
        session_factory, clock, config_for(f"http://127.0.0.1:{port}/apirest.php")
    )
    worker = ForwardWorker(forwarder, clock, idle_s=30)
    desk = HelpDesk(session_factory, clock, kiosk.id, forward=True)
    worker.start()
    try:
        desk.issue(HelpReason.MAIL)
        worker.wake()
        assert wait_until(lambda: forward_row(session_factory).last_error is not None)
        assert forward_row(session_factory).state is ForwardState.PENDING
        with GlpiServer(port):  # back up: the worker's own backoff timer (5 s) sends it
            assert wait_until(lambda: forward_row(session_factory).state is ForwardState.SENT)
    finally:
        worker.stop()

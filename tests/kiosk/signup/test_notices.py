"""The notifications outbox against a real SMTP server on loopback (aiosmtpd): each message
is sent exactly once, kept while the server is down, and sent when it is back."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator
from datetime import timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from hardware.smtp import SmtpTransport
from kiosk.collect.requests import NewRequest, place_request
from kiosk.collect.staff import StaffProof
from kiosk.collect.status import Actor, LineStatus
from kiosk.collect.stock import SET_BY_IMPORT, set_count
from kiosk.collect.tables import OrderLine
from kiosk.signup.answers import decline_request, mark_line_ready
from kiosk.signup.notices import (
    declined_notice,
    deliver_due,
    enqueue_notice,
    enqueue_ready_orders,
)
from kiosk.signup.registration import cancel, sign_up
from kiosk.signup.tables import Notice, NoticeKind, NoticeState
from tests.helpers import collect as build
from tests.helpers.checkin_world import NOW, World

EARLY = NOW - timedelta(hours=3)
PIN = StaffProof(Actor.STAFF_PIN)


class Inbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))  # type: ignore[arg-type]
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def port() -> int:
    return _free_port()


@pytest.fixture
def inbox(port: int) -> Iterator[Inbox]:
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler
    controller.stop()


def _promote_dan(factory: sessionmaker[Session], world: World) -> None:
    with factory() as s:
        sign_up(s, world.dan, world.formation, EARLY)  # full: Dan waits
    with factory() as s:
        cancel(s, world.carol, world.formation, EARLY)  # Carole's place goes to Dan


def test_a_promotion_is_mailed_once(
    session_factory: sessionmaker[Session], world: World, inbox: Inbox, port: int
) -> None:
    _promote_dan(session_factory, world)
    transport = SmtpTransport(f"smtp://127.0.0.1:{port}", "kiosque@example.fr")
    first = deliver_due(session_factory, transport, EARLY, worker="k1")
    second = deliver_due(session_factory, transport, EARLY + timedelta(hours=1), worker="k2")
    assert (first.sent, second.sent) == (1, 0)
    [mail] = inbox.messages
    assert mail["To"] == "dan@example.fr"
    assert mail["From"] == "kiosque@example.fr"
    assert "Une place s’est libérée" in str(mail["Subject"])
    body = mail.get_content()
    assert "la place est à vous" in body
    with session_factory() as s:
        assert s.scalars(select(Notice.state)).all() == [NoticeState.SENT]


def test_a_server_down_keeps_the_message_and_it_goes_when_the_server_is_back(
    session_factory: sessionmaker[Session], world: World, port: int
) -> None:
    _promote_dan(session_factory, world)
    transport = SmtpTransport(f"smtp://127.0.0.1:{port}", "kiosque@example.fr", timeout=5)
    down = deliver_due(session_factory, transport, EARLY, worker="k1")
    assert (down.sent, down.failed) == (0, 1)
    too_soon = deliver_due(session_factory, transport, EARLY + timedelta(seconds=5), worker="k1")
    assert (too_soon.sent, too_soon.failed) == (0, 0)  # waits for its retry time
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        back = deliver_due(session_factory, transport, EARLY + timedelta(minutes=1), worker="k1")
    finally:
        controller.stop()
    assert back.sent == 1
    assert len(inbox.messages) == 1
    with session_factory() as s:
        notice = s.scalars(select(Notice)).one()
    assert notice.state is NoticeState.SENT
    assert notice.attempts == 2


def test_a_row_claimed_by_another_kiosk_is_not_sent_twice(
    session_factory: sessionmaker[Session], world: World, inbox: Inbox, port: int
) -> None:
    _promote_dan(session_factory, world)
    with session_factory() as s:  # another kiosk's worker holds it (sending right now)
        notice = s.scalars(select(Notice)).one()
        notice.claimed_by, notice.claimed_until = "k2", EARLY + timedelta(minutes=2)
        s.commit()
    transport = SmtpTransport(f"smtp://127.0.0.1:{port}", "kiosque@example.fr")
    assert deliver_due(session_factory, transport, EARLY, worker="k1").sent == 0
    assert inbox.messages == []


def test_ready_orders_are_queued_once_and_people_without_address_are_noted(
    session_factory: sessionmaker[Session], inbox: Inbox, port: int
) -> None:
    with session_factory() as s:
        kiosk_item = build.item(s, name="Casque audio")
        with_mail, without = build.agent(s), build.agent(s)
        with_mail.email = "lea@example.fr"
        build.order(s, with_mail, [(kiosk_item, LineStatus.READY)], reference="CMD-1")
        build.order(s, without, [(kiosk_item, LineStatus.READY)], reference="CMD-2")
        build.order(s, with_mail, [(kiosk_item, LineStatus.APPROVED)], reference="CMD-3")
        s.commit()
    with session_factory() as s:
        assert enqueue_ready_orders(s, build.NOW) == 2
        assert enqueue_ready_orders(s, build.NOW) == 0
        s.commit()
    transport = SmtpTransport(f"smtp://127.0.0.1:{port}", "kiosque@example.fr")
    report = deliver_due(session_factory, transport, build.NOW, worker="k1")
    assert (report.sent, report.no_address) == (1, 1)
    [mail] = inbox.messages
    assert "CMD-1" in str(mail["Subject"])
    assert mail["To"] == "lea@example.fr"


def test_a_decline_carries_its_reason(
    session_factory: sessionmaker[Session], world: World, inbox: Inbox, port: int
) -> None:
    subject, body = declined_notice("DEM-7", ["Écran 27 pouces"], "réservé aux encadrants")
    with session_factory() as s:
        assert enqueue_notice(
            s, kind=NoticeKind.DECLINED, key="declined:7", person_id=world.alice,
            subject=subject, body=body, now=NOW,
        )  # fmt: skip
        s.commit()
    transport = SmtpTransport(f"smtp://127.0.0.1:{port}", "kiosque@example.fr")
    assert deliver_due(session_factory, transport, NOW, worker="k1").sent == 1
    text = inbox.messages[0].get_content()
    assert "Motif\u202f: réservé aux encadrants" in text


def _kiosk_request(s: Session, who_email: str | None) -> tuple[int, int]:
    """A request made at the kiosk, still placed: (line id, person id)."""
    kiosk = build.kiosk(s)
    who = build.agent(s)
    who.email = who_email
    screen = build.item(s, name="Écran 27 pouces")
    set_count(s, kiosk.site_id, screen.id, 2, now=build.NOW, by=SET_BY_IMPORT)
    placed = place_request(
        s,
        NewRequest(who.id, screen.id, 1, "", kiosk.id, uuid.uuid4().hex),
        build.NOW,
        enqueue_slip=False,
    )
    return placed.line_id, who.id


def test_a_staff_decline_queues_its_notice_in_the_same_transaction_and_it_is_mailed(
    session_factory: sessionmaker[Session], inbox: Inbox, port: int
) -> None:
    with session_factory() as s:
        line_id, _who = _kiosk_request(s, "lea@example.fr")
        s.commit()
    with session_factory() as s:  # rolled back: neither the decline nor its message stay
        decline_request(s, line_id, PIN, "réservé aux encadrants", now=build.NOW, kiosk_id=None)
        s.rollback()
        assert s.scalar(select(func.count(Notice.id))) == 0
        assert s.get_one(OrderLine, line_id).status is LineStatus.PLACED
    with session_factory() as s:
        decline_request(s, line_id, PIN, "  réservé aux\nencadrants ", now=build.NOW, kiosk_id=None)
        s.commit()
    transport = SmtpTransport(f"smtp://127.0.0.1:{port}", "kiosque@example.fr")
    assert deliver_due(session_factory, transport, build.NOW, worker="k1").sent == 1
    [mail] = inbox.messages
    assert mail["To"] == "lea@example.fr"
    assert "n’a pas été acceptée" in str(mail["Subject"])
    text = mail.get_content()
    assert "Motif\u202f: réservé aux encadrants" in text
    assert "Écran 27 pouces" in text
    with session_factory() as s:
        assert s.scalars(select(Notice.kind)).all() == [NoticeKind.DECLINED]


def test_a_line_made_ready_queues_its_order_message_once_even_when_the_worker_looks_again(
    session_factory: sessionmaker[Session], inbox: Inbox, port: int
) -> None:
    with session_factory() as s:
        headset = build.item(s, name="Casque audio")
        who = build.agent(s)
        who.email = "lea@example.fr"
        order = build.order(
            s, who, [(headset, LineStatus.PREPARED), (headset, LineStatus.PREPARED)],
            reference="CMD-9",
        )  # fmt: skip
        first, second = (line.id for line in order.lines)
        s.commit()
    with session_factory() as s:
        mark_line_ready(s, first, PIN, now=build.NOW, kiosk_id=None)
        s.commit()
    with session_factory() as s:
        assert s.scalar(select(func.count(Notice.id))) == 1  # queued before any worker round
        mark_line_ready(s, second, PIN, now=build.NOW + timedelta(hours=1), kiosk_id=None)
        assert enqueue_ready_orders(s, build.NOW + timedelta(hours=1)) == 0
        s.commit()
        assert s.scalar(select(func.count(Notice.id))) == 1
    transport = SmtpTransport(f"smtp://127.0.0.1:{port}", "kiosque@example.fr")
    assert deliver_due(session_factory, transport, build.NOW, worker="k1").sent == 1
    [mail] = inbox.messages
    assert "CMD-9" in str(mail["Subject"])
    assert "Casque audio" in mail.get_content()

"""The demo's QR codes: genuine signed tickets and order codes that the real services accept."""

from __future__ import annotations

from pathlib import Path
from uuid import uuid4

import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.checkin.service import CheckinContext, CodeIdentity, check_in
from kiosk.codes import TicketVerifier, load_public_keys
from kiosk.collect.order_code import OrderCodeVerifier
from kiosk.collect.status import LineStatus
from kiosk.collect.tables import CollectOrder, OrderLine
from kiosk.db.demo import DemoSummary
from kiosk.db.models import Event, Kiosk
from kiosk.demo.codes import LIST_NAME, demo_signing_key, write_demo_codes
from kiosk.domain import CheckinOutcome
from tests.helpers.db import DEMO_NOW


def test_tickets_admit_their_holders_and_order_codes_name_ready_orders(
    session_factory: sessionmaker[Session], demo_seeded: DemoSummary, tmp_path: Path
) -> None:
    private, public = tmp_path / "keys" / "sign.pem", tmp_path / "keys" / "verify.pem"
    key, made = demo_signing_key(private, public)
    assert made
    assert private.stat().st_mode & 0o077 == 0  # the signing key is readable by its owner only
    folder = tmp_path / "codes"
    with session_factory() as session:
        codes = write_demo_codes(session, key, folder, DEMO_NOW)
    tickets = [c for c in codes if c.kind == "ticket"]
    orders = [c for c in codes if c.kind == "order"]
    assert len(tickets) >= 2
    assert orders

    listing = (folder / LIST_NAME).read_text(encoding="utf-8")
    for code in codes:
        (found,) = zxingcpp.read_barcodes(Image.open(code.png))
        assert found.text == code.payload  # the PNG is the code, readable by a scanner
        assert code.png.name in listing
        assert code.payload in listing

    verifier = TicketVerifier(load_public_keys(public))
    with session_factory() as session:
        kiosk_id = session.scalars(select(Kiosk.id)).first()
    assert kiosk_id is not None
    for ticket in tickets:
        claims = verifier.verify(ticket.payload, DEMO_NOW)
        with session_factory() as session:
            event = session.get(Event, claims.event_id)
            assert event is not None
            assert event.title in ticket.label
            context = CheckinContext(site_id=event.site_id, event_id=event.id, verifier=verifier)
            at = max(DEMO_NOW, event.starts_at)  # inside its check-in window
            result = check_in(session, CodeIdentity(ticket.payload), context, kiosk_id, at,
                              uuid4().hex)  # fmt: skip
        assert result.outcome is CheckinOutcome.OK, (ticket.label, result.detail)
        assert result.person_id == claims.person_id

    order_verifier = OrderCodeVerifier(load_public_keys(public))
    for order in orders:
        claims = order_verifier.verify(order.payload, DEMO_NOW)
        with session_factory() as session:
            found_order = session.get(CollectOrder, claims.order_id)
            assert found_order is not None
            assert found_order.person_id == claims.person_id
            assert found_order.reference in order.label
            statuses = session.scalars(
                select(OrderLine.status).where(OrderLine.order_id == found_order.id)
            ).all()
        assert LineStatus.READY in statuses


def test_a_second_run_replaces_the_codes_and_keeps_the_key(
    session_factory: sessionmaker[Session], demo_seeded: DemoSummary, tmp_path: Path
) -> None:
    private, public = tmp_path / "sign.pem", tmp_path / "verify.pem"
    key, _ = demo_signing_key(private, public)
    folder = tmp_path / "codes"
    stale = folder / "billet-from-yesterday.png"
    folder.mkdir()
    stale.write_bytes(b"old")
    with session_factory() as session:
        first = write_demo_codes(session, key, folder, DEMO_NOW)
    assert not stale.exists()
    again, made = demo_signing_key(private, public)
    assert not made
    assert again.public_key().public_bytes_raw() == key.public_key().public_bytes_raw()
    with session_factory() as session:
        second = write_demo_codes(session, again, folder, DEMO_NOW)
    assert sorted(p.name for p in folder.glob("*.png")) == sorted(c.png.name for c in second)
    assert len(second) == len(first)


def test_a_kiosk_with_only_a_public_key_gets_no_signing_key(tmp_path: Path) -> None:
    public = tmp_path / "verify.pem"
    public.write_text("-----BEGIN PUBLIC KEY-----\n")
    with pytest.raises(FileNotFoundError, match="signed elsewhere"):
        demo_signing_key(tmp_path / "sign.pem", public)
    assert not (tmp_path / "sign.pem").exists()

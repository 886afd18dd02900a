"""QR codes to try the demo with: signed tickets for today's events and Click & Collect order
codes, written as PNG files with a list saying whose each one is.

A visitor of the demo shows one to the kiosk's camera (``SMARTCORNER_CAMERA=1``, a phone
showing the PNG) or reads it with a scanner. The codes are signed with the demo data folder's
ticket key (:func:`demo_signing_key` makes the pair when the folder has none), exactly as
``smartcorner ticket issue`` and ``smartcorner collect order-code`` sign them on an
organiser's machine: nothing here is a shortcut the kiosk would not meet in real life.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Final

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from kiosk.checkin.service import checkin_window
from kiosk.checkin.tables import Attendance
from kiosk.codes import TicketIssuer, load_private_key, write_key_pair, write_qr_png
from kiosk.collect.order_code import OrderCodeIssuer
from kiosk.collect.status import LineStatus
from kiosk.collect.tables import CollectOrder, OrderLine
from kiosk.db.models import Event, Person, Registration
from kiosk.domain import PARIS, PersonKind, RegistrationStatus

TICKETS_PER_EVENT: Final = 2
ORDERS: Final = 3
ORDER_CODE_DAYS: Final = 30
LIST_NAME: Final = "codes.txt"


@dataclass(frozen=True)
class DemoCode:
    kind: str  # "ticket" or "order"
    payload: str
    png: Path
    label: str  # whose it is and what for, in French


def demo_signing_key(private_path: Path, public_path: Path) -> tuple[Ed25519PrivateKey, bool]:
    """The demo folder's signing key, made with its public half when neither exists yet.

    Returns the key and whether it was made now. A folder holding only a public key belongs
    to a kiosk whose codes are signed elsewhere: that is refused (``FileNotFoundError``).
    """
    if private_path.exists():
        return load_private_key(private_path), False
    if public_path.exists():
        raise FileNotFoundError(
            f"{public_path} exists without its signing key: codes for this kiosk are signed "
            "elsewhere"
        )
    return write_key_pair(private_path, public_path), True


def write_demo_codes(
    session: Session, key: Ed25519PrivateKey, folder: Path, now: datetime
) -> list[DemoCode]:
    """Tickets for today's events (a couple of registered agents each, not checked in yet,
    valid until the event's check-in closes) and order codes of agents with equipment ready;
    the previous day's files are replaced."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    codes = [*_tickets(session, TicketIssuer(key), folder, now)]
    codes += _orders(session, OrderCodeIssuer(key), folder, now)
    lines = [
        "Codes de démonstration du kiosque Smart Corner",
        f"(créés le {now.astimezone(PARIS):%d/%m/%Y à %H:%M} ; présentez le PNG à la caméra "
        "ou à la douchette)",
        "",
    ]
    lines += [f"{c.png.name}\n  {c.label}\n  {c.payload}\n" for c in codes]
    (folder / LIST_NAME).write_text("\n".join(lines), encoding="utf-8")
    return codes


def _tickets(session: Session, issuer: TicketIssuer, folder: Path, now: datetime) -> list[DemoCode]:
    today = now.astimezone(PARIS).date()
    start = datetime.combine(today, time(0), PARIS)
    events = session.scalars(
        select(Event)
        .where(Event.starts_at >= start, Event.starts_at < start + timedelta(days=1))
        .order_by(Event.starts_at, Event.id)
    ).all()
    codes = []
    for event in events:
        closes = checkin_window(event)[1]
        if closes <= now:
            continue  # its check-in is over: a code would only say "expired"
        people = session.execute(
            select(Person.id, Person.first_name, Person.last_name)
            .join(Registration, Registration.person_id == Person.id)
            .where(
                Registration.event_id == event.id,
                Registration.status == RegistrationStatus.CONFIRMED,
                Person.kind == PersonKind.AGENT,
                ~exists().where(  # the demo has people checked in already: not them
                    Attendance.event_id == event.id, Attendance.person_id == Person.id
                ),
            )
            .order_by(Registration.id)
            .limit(TICKETS_PER_EVENT)
        ).all()
        for person_id, first, last in people:
            payload = issuer.issue(
                event_id=event.id, person_id=person_id, expires_at=closes + timedelta(minutes=1)
            )
            png = folder / f"billet-{event.id}-{person_id}.png"
            write_qr_png(payload, png)
            when = event.starts_at.astimezone(PARIS)
            label = f"Billet de {first} {last} pour « {event.title} », {when:%H:%M}"
            codes.append(DemoCode("ticket", payload, png, label))
    return codes


def _orders(
    session: Session, issuer: OrderCodeIssuer, folder: Path, now: datetime
) -> list[DemoCode]:
    ready = (
        select(OrderLine.order_id)
        .where(OrderLine.status == LineStatus.READY, OrderLine.ready_until > now)
        .distinct()
    )
    rows = session.execute(
        select(CollectOrder.id, CollectOrder.reference, CollectOrder.person_id, Person.first_name,
               Person.last_name)
        .join(Person, Person.id == CollectOrder.person_id)
        .where(CollectOrder.id.in_(ready))
        .order_by(CollectOrder.id)
        .limit(ORDERS)
    ).all()  # fmt: skip
    codes = []
    for order_id, reference, person_id, first, last in rows:
        payload = issuer.issue(
            order_id=order_id,
            person_id=person_id,
            expires_at=now + timedelta(days=ORDER_CODE_DAYS),
        )
        png = folder / f"commande-{reference}.png"
        write_qr_png(payload, png)
        label = f"Commande {reference} de {first} {last} (matériel prêt à retirer)"
        codes.append(DemoCode("order", payload, png, label))
    return codes

"""The pickup receipt, and the code on it that lets anyone check it against the database.

The QR holds ``SRA.<pickup nonce in Base32>``: the nonce is 128 random bits that only the
kiosk that recorded the pickup knew, so a made-up receipt matches no pickup, and a copied one
shows the real pickup (who, what, when, where) to the staff who scan it. The kiosk cannot sign
it with the issuer's key (kiosks hold only public keys, DESIGN.md), and needs not to.
Same alphabet as every Smart Corner code (Base32 upper case, digits 2-7, dots).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.collect.tables import CatalogueItem, HandOver, Pickup
from kiosk.collect.views import LineView
from kiosk.db.models import Kiosk, Person
from kiosk.domain import PARIS
from kiosk.ports import Receipt, ReceiptLine

RECEIPT_CODE_PREFIX: Final = "SRA."
TITLE: Final = "Reçu de retrait"
FOOTER: Final = (
    "Conservez ce reçu : il atteste la remise du matériel.",
    "Scannez le QR code au Smart Store pour le vérifier.",
)


def receipt_code(nonce: str) -> str:
    raw = bytes.fromhex(nonce)
    return RECEIPT_CODE_PREFIX + base64.b32encode(raw).decode("ascii").rstrip("=")


def nonce_of_receipt_code(payload: str) -> str | None:
    """The pickup nonce a receipt code carries, or None if it is not one."""
    text = payload.strip().upper()
    if not text.startswith(RECEIPT_CODE_PREFIX):
        return None
    body = text[len(RECEIPT_CODE_PREFIX) :]
    try:
        raw = base64.b32decode(body + "=" * (-len(body) % 8))
    except (binascii.Error, ValueError):
        return None
    if len(raw) != 16 or base64.b32encode(raw).decode("ascii").rstrip("=") != body:
        return None
    return raw.hex()


def pickup_receipt(
    *,
    person: Person,
    lines: Sequence[LineView],
    at: datetime,
    kiosk_name: str,
    code: str,
    signed: bool,
) -> Receipt:
    rows = [
        ReceiptLine("Agent", f"{person.first_name} {person.last_name.upper()}"),
    ]
    if person.matricule:
        rows.append(ReceiptLine("Matricule", person.matricule))
    orders = sorted({line.order_ref for line in lines})
    rows.append(ReceiptLine("Commande" if len(orders) == 1 else "Commandes", ", ".join(orders)))
    for line in lines:
        units = line.units_to_hand
        label = f"{units} x {line.item_name}"
        short = units < line.quantity
        rows.append(ReceiptLine(label, f"({units}/{line.quantity})" if short else ""))
        if line.asset_tag:
            rows.append(ReceiptLine("  N° d'inventaire", line.asset_tag))
        if line.serial:
            rows.append(ReceiptLine("  N° de série", line.serial))
    rows.append(ReceiptLine("Accusé de réception", "signé" if signed else "confirmé à l'écran"))
    return Receipt(
        title=TITLE,
        kiosk=kiosk_name,
        lines=tuple(rows),
        qr_payload=code,
        footer=FOOTER,
        printed_at=at.astimezone(PARIS),
    )


@dataclass(frozen=True)
class PickupRecord:
    """A recorded pickup as a receipt's QR code finds it (what staff see when they check it)."""

    pickup_id: int
    at: datetime
    kiosk_name: str
    agent_name: str
    matricule: str | None
    signed: bool
    lines: tuple[tuple[int, str, str | None, str | None], ...]  # quantity, item, tag, serial


def find_pickup(session: Session, nonce: str) -> PickupRecord | None:
    """The pickup a genuine receipt code stands for; None if no pickup has it."""
    pickup = session.scalar(select(Pickup).where(Pickup.nonce == nonce))
    if pickup is None:
        return None
    person = session.get(Person, pickup.person_id)
    kiosk = session.get(Kiosk, pickup.kiosk_id)
    assert person is not None
    assert kiosk is not None
    rows = session.execute(
        select(HandOver.quantity, CatalogueItem.name, HandOver.asset_tag, HandOver.serial)
        .join(CatalogueItem, CatalogueItem.id == HandOver.item_id)
        .where(HandOver.pickup_id == pickup.id)
        .order_by(HandOver.id)
    )
    return PickupRecord(
        pickup_id=pickup.id,
        at=pickup.at,
        kiosk_name=kiosk.name,
        agent_name=f"{person.first_name} {person.last_name.upper()}",
        matricule=person.matricule,
        signed=pickup.signature is not None,
        lines=tuple((q, name, tag, serial) for q, name, tag, serial in rows),
    )


def describe_pickup(session: Session, nonce: str) -> str | None:
    """What a genuine receipt code stands for, as plain text; None if no pickup has it."""
    record = find_pickup(session, nonce)
    if record is None:
        return None
    out = [
        f"pickup {record.pickup_id} on {record.at.astimezone(PARIS):%d/%m/%Y %H:%M} "
        f"at {record.kiosk_name}",
        f"agent: {record.agent_name} ({record.matricule or '-'})",
        f"acknowledged {'with a signature' if record.signed else 'on screen'}",
    ]
    for quantity, name, tag, serial in record.lines:
        ids = ", ".join(x for x in (tag, serial) if x)
        out.append(f"  {quantity} x {name}" + (f" [{ids}]" if ids else ""))
    return "\n".join(out)

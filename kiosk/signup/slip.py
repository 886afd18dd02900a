"""The paper slip of a sign-up: the event, its time and place, and the registration reference.

The reference is printed big: it is what the agent quotes at the desk. No ticket code: kiosks
hold only the public half of the ticket key, so the agent's badge is the credential at the door.
A visitor has no badge: their slip carries the reference as a QR code (``kiosk.codes``
``reference_code``), which the door reads, or they give their name there.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from kiosk.domain import PARIS, RegistrationStatus
from kiosk.ports import Receipt, ReceiptLine

WORDS: Final = {
    "fr": {
        "title": "Inscription",
        "waiting": "Liste d’attente",
        "event": "Événement",
        "when": "Date",
        "time": "Heure",
        "where": "Lieu",
        "status": "Statut",
        "confirmed": "Place réservée",
        "position": "Position",
        "door": "Le jour venu, passez votre badge sur la borne à l’entrée de la salle.",
        "wait": "Une place se libère\u202f? Elle vous est donnée dans l’ordre d’arrivée.",
        "cancel": "Annuler\u202f: « Mon espace » sur la borne.",
        "visitor_door": "Le jour venu, présentez ce code QR à la borne de l’entrée, "
        "ou donnez votre nom à l’accueil.",
        "visitor_cancel": "Annuler\u202f: adressez-vous à l’accueil du Smart Corner.",
    },
    "en": {
        "title": "Registration",
        "waiting": "Waiting list",
        "event": "Event",
        "when": "Date",
        "time": "Time",
        "where": "Place",
        "status": "Status",
        "confirmed": "Place booked",
        "position": "Position",
        "door": "On the day, tap your badge on the kiosk at the door of the room.",
        "wait": "If a place frees up, it goes to those waiting, first come first served.",
        "cancel": "To cancel: « Mon espace » on the kiosk.",
        "visitor_door": "On the day, show this QR code to the kiosk at the door, "
        "or give your name at the desk.",
        "visitor_cancel": "To cancel: ask at the Smart Corner's front desk.",
    },
}


def signup_slip(
    *,
    title: str,
    place: str,
    starts_at: datetime,
    ends_at: datetime,
    status: RegistrationStatus,
    reference: str,
    position: int | None,
    kiosk_name: str,
    now: datetime,
    lang: str = "fr",
    qr_payload: str | None = None,
) -> Receipt:
    """The slip; with ``qr_payload`` (a visitor's), the QR is the way in at the door."""
    words = WORDS.get(lang, WORDS["fr"])
    start, end = starts_at.astimezone(PARIS), ends_at.astimezone(PARIS)
    waiting = status is RegistrationStatus.WAITING_LIST
    lines = [
        ReceiptLine(words["event"], title),
        ReceiptLine(words["when"], start.strftime("%d/%m/%Y")),
        ReceiptLine(words["time"], f"{start:%H:%M} – {end:%H:%M}"),
        ReceiptLine(words["where"], place),
        ReceiptLine(words["status"], words["waiting"] if waiting else words["confirmed"]),
    ]
    if waiting and position is not None:
        lines.append(ReceiptLine(words["position"], str(position)))
    visitor = qr_payload is not None
    door = words["visitor_door"] if visitor else words["door"]
    return Receipt(
        title=words["waiting"] if waiting else words["title"],
        kiosk=kiosk_name,
        lines=tuple(lines),
        big_number=reference,
        qr_payload=qr_payload,
        footer=(
            words["wait"] if waiting else door,
            words["visitor_cancel"] if visitor else words["cancel"],
        ),
        printed_at=now.astimezone(PARIS),
    )

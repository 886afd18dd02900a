"""Demo data for Click & Collect: the catalogue and orders in every state.

Listed in ``kiosk.demo.seed.CAPABILITY_SEEDS``; deterministic for a given (seed, day) by its
own ``random.Random``. Most active agents have something ready at the desk, so whichever demo
badge is tapped the pickup screens have content; a few lines are staged to show the policy
refusing a hand-over (quota already used) and a partial pickup (a shortage).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any, Final

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from kiosk.collect.requests import reference_for
from kiosk.collect.staff import PICKUP_DAYS
from kiosk.collect.status import Actor, Delivery, Family, ItemKind, LineStatus, OrderSource
from kiosk.collect.stock import SET_BY_IMPORT
from kiosk.collect.tables import (
    CatalogueItem,
    CollectOrder,
    HandOver,
    LineEvent,
    OrderLine,
    Pickup,
    SiteStock,
)
from kiosk.db.demo import DemoBase
from kiosk.db.models import Direction, Kiosk, Person, Site
from kiosk.domain import PARIS, Role

FIELD_DIRECTIONS: Final = ("DSI", "DRIT", "DSH", "DENV")
_ALL_BUT_AGENTS: Final = ("ambassador", "staff", "admin")

# code, name, kind, icon, tracked, roles, directions, max per agent, renewal days
CATALOGUE: tuple[tuple[Any, ...], ...] = (
    ("CLAVIER", "Clavier AZERTY", ItemKind.EQUIPMENT, "keyboard", False, None, None, 1, 1095),
    ("SOURIS", "Souris optique", ItemKind.EQUIPMENT, "mouse", False, None, None, 1, 365),
    ("CASQUE-TEAMS", "Casque Teams", ItemKind.EQUIPMENT, "headset", False, None, None, 1, 730),
    ("ECRAN-24", 'Écran 24"', ItemKind.EQUIPMENT, "device-desktop", True, None, None, 2, 1825),
    (
        "DOCK-USBC",
        "Station d'accueil USB-C",
        ItemKind.EQUIPMENT,
        "plug-connected",
        True,
        None,
        None,
        1,
        1825,
    ),
    ("WEBCAM", "Webcam HD", ItemKind.EQUIPMENT, "camera", False, None, None, 1, 1095),
    (
        "SMARTPHONE",
        "Smartphone professionnel",
        ItemKind.EQUIPMENT,
        "device-mobile",
        True,
        None,
        FIELD_DIRECTIONS,
        1,
        1095,
    ),
    (
        "PORTE-BADGE",
        "Porte-badge et cordon",
        ItemKind.EQUIPMENT,
        "id-badge-2",
        False,
        None,
        None,
        3,
        365,
    ),
    (
        "ADAPT-HDMI",
        "Adaptateur USB-C / HDMI",
        ItemKind.EQUIPMENT,
        "usb",
        False,
        None,
        None,
        2,
        None,
    ),
    (
        "PC-PRET",
        "Ordinateur portable de prêt",
        ItemKind.EQUIPMENT,
        "device-laptop",
        True,
        _ALL_BUT_AGENTS,
        None,
        1,
        None,
    ),
    (
        "LIGNE-MOBILE",
        "Activation de ligne mobile",
        ItemKind.SERVICE,
        "device-sim",
        False,
        None,
        FIELD_DIRECTIONS,
        1,
        None,
    ),
    ("VPN", "Accès VPN nomade", ItemKind.SERVICE, "shield-lock", False, None, None, 1, None),
)
# The « Catalogue de services » beyond what the online orders above use: the five shelves.
CATALOGUE += (
    ("ECRAN-27", 'Écran 27" réglable', ItemKind.EQUIPMENT, "device-desktop", True,
     _ALL_BUT_AGENTS, None, 1, 1825),
    ("PC-PORTABLE", "Ordinateur portable 14\"", ItemKind.EQUIPMENT, "device-laptop", True,
     None, None, 1, 1460),
    ("TABLETTE", "Tablette de terrain", ItemKind.EQUIPMENT, "device-mobile", True,
     None, FIELD_DIRECTIONS, 1, 1095),
    ("CLE-4G", "Clé 4G de secours", ItemKind.EQUIPMENT, "device-sim", True,
     None, None, 1, 730),
    ("SAC-PC", "Sacoche pour ordinateur", ItemKind.EQUIPMENT, "shopping-bag", False,
     None, None, 1, 1095),
    ("REHAUSSEUR", "Rehausseur d'écran", ItemKind.EQUIPMENT, "box", False,
     None, None, 1, None),
    ("LICENCE-PDF", "Éditeur PDF", ItemKind.SERVICE, "file-type-pdf", False,
     None, None, 1, None),
    ("SIGNATURE", "Parapheur électronique", ItemKind.SERVICE, "signature", False,
     _ALL_BUT_AGENTS, None, 1, None),
    ("VISIO-WEBINAIRE", "Licence webinaire", ItemKind.SERVICE, "presentation", False,
     None, None, 1, 365),
    ("ATELIER-1TO1", "Prise en main personnalisée", ItemKind.SERVICE, "school", False,
     None, None, 2, 365),
    ("INSTALL-POSTE", "Installation du poste au bureau", ItemKind.SERVICE, "tool", False,
     None, None, 1, 365),
    ("DIAG-PC", "Diagnostic de votre ordinateur", ItemKind.SERVICE, "cpu", False,
     None, None, None, None),
)  # fmt: skip

# code: shelf, delivery, units at the demo Smart Store (None: keeps no stock), what it is
SHELF: Final[dict[str, tuple[Family, Delivery, int | None, str]]] = {
    "ECRAN-24": (Family.WORKSTATIONS, Delivery.PICKUP, 6,
                 "Un second écran pour travailler à l'aise, câbles fournis."),
    "ECRAN-27": (Family.WORKSTATIONS, Delivery.INSTALLATION, 2,
                 "Grand écran réglable en hauteur, posé et branché à votre bureau."),
    "PC-PORTABLE": (Family.WORKSTATIONS, Delivery.INSTALLATION, 3,
                    "Votre ordinateur de travail, préparé avec vos logiciels."),
    "PC-PRET": (Family.WORKSTATIONS, Delivery.PICKUP, 1,
                "Un portable prêté pour une mission ou une panne, à rendre ensuite."),
    "DOCK-USBC": (Family.WORKSTATIONS, Delivery.PICKUP, 4,
                  "Un seul câble pour l'écran, le clavier, la souris et le réseau."),
    "SMARTPHONE": (Family.MOBILITY, Delivery.PICKUP, 3,
                   "Téléphone professionnel pour les agents de terrain."),
    "TABLETTE": (Family.MOBILITY, Delivery.PICKUP, 0,
                 "Tablette robuste pour les relevés sur le terrain."),
    "CLE-4G": (Family.MOBILITY, Delivery.PICKUP, 5,
               "Internet partout quand le Wi-Fi manque, en déplacement."),
    "LIGNE-MOBILE": (Family.MOBILITY, Delivery.OPEN_ACCESS, None,
                     "Votre ligne activée sur votre téléphone professionnel."),
    "SAC-PC": (Family.MOBILITY, Delivery.PICKUP, 8,
               "Sacoche matelassée pour transporter votre portable."),
    "CLAVIER": (Family.ACCESSORIES, Delivery.PICKUP, 12, "Clavier filaire AZERTY, pavé numérique."),
    "SOURIS": (Family.ACCESSORIES, Delivery.PICKUP, 15, "Souris filaire, gauchers et droitiers."),
    "CASQUE-TEAMS": (Family.ACCESSORIES, Delivery.PICKUP, 1,
                     "Casque avec micro pour les réunions en ligne."),
    "WEBCAM": (Family.ACCESSORIES, Delivery.PICKUP, 4, "Caméra HD à clipser sur l'écran."),
    "PORTE-BADGE": (Family.ACCESSORIES, Delivery.PICKUP, 30, "Porte-badge rigide et cordon."),
    "ADAPT-HDMI": (Family.ACCESSORIES, Delivery.PICKUP, 9,
                   "Pour brancher votre portable sur un écran ou un vidéoprojecteur."),
    "REHAUSSEUR": (Family.ACCESSORIES, Delivery.PICKUP, 6,
                   "Met l'écran à hauteur des yeux : meilleur pour le dos."),
    "VPN": (Family.SOFTWARE, Delivery.OPEN_ACCESS, None,
            "Accès sécurisé au réseau du Département depuis chez vous."),
    "LICENCE-PDF": (Family.SOFTWARE, Delivery.OPEN_ACCESS, None,
                    "Modifier, assembler et annoter des PDF."),
    "SIGNATURE": (Family.SOFTWARE, Delivery.OPEN_ACCESS, None,
                  "Signer et faire circuler les parapheurs en ligne."),
    "VISIO-WEBINAIRE": (Family.SOFTWARE, Delivery.OPEN_ACCESS, None,
                        "Organiser des webinaires jusqu'à 500 participants."),
    "ATELIER-1TO1": (Family.SUPPORT, Delivery.PICKUP, None,
                     "Une heure avec un ambassadeur pour maîtriser vos outils."),
    "INSTALL-POSTE": (Family.SUPPORT, Delivery.INSTALLATION, None,
                      "Un technicien installe et branche votre poste à votre bureau."),
    "DIAG-PC": (Family.SUPPORT, Delivery.PICKUP, None,
                "Votre ordinateur est lent ou bruyant ? Un technicien le vérifie."),
}  # fmt: skip

# code: the name and what it is in English (a kiosk in English shows them)
ENGLISH: Final[dict[str, tuple[str, str]]] = {
    "ECRAN-24": ('24" monitor', "A second screen to work in comfort, cables included."),
    "ECRAN-27": ('Adjustable 27" monitor', "Large height-adjustable screen, set up at your desk."),
    "PC-PORTABLE": ('14" laptop', "Your work computer, prepared with your software."),
    "PC-PRET": ("Loan laptop", "A laptop lent for a mission or a breakdown, to be returned."),
    "DOCK-USBC": ("USB-C docking station", "One cable for screen, keyboard, mouse and network."),
    "SMARTPHONE": ("Work smartphone", "A work phone for field staff."),
    "TABLETTE": ("Field tablet", "A rugged tablet for readings in the field."),
    "CLE-4G": ("Backup 4G dongle", "Internet anywhere when Wi-Fi is missing, on the move."),
    "LIGNE-MOBILE": ("Mobile line activation", "Your line activated on your work phone."),
    "SAC-PC": ("Laptop bag", "A padded bag to carry your laptop."),
    "CLAVIER": ("AZERTY keyboard", "Wired AZERTY keyboard with numeric keypad."),
    "SOURIS": ("Optical mouse", "Wired mouse, for left and right hands."),
    "CASQUE-TEAMS": ("Teams headset", "Headset with microphone for online meetings."),
    "WEBCAM": ("HD webcam", "HD camera that clips onto the screen."),
    "PORTE-BADGE": ("Badge holder and lanyard", "Rigid badge holder and lanyard."),
    "ADAPT-HDMI": ("USB-C / HDMI adapter", "To plug your laptop into a screen or a projector."),
    "REHAUSSEUR": ("Monitor riser", "Raises the screen to eye level: better for your back."),
    "VPN": ("Remote VPN access", "Secure access to the council's network from home."),
    "LICENCE-PDF": ("PDF editor", "Edit, merge and annotate PDF files."),
    "SIGNATURE": ("Electronic signature book", "Sign and route signature books online."),
    "VISIO-WEBINAIRE": ("Webinar licence", "Host webinars with up to 500 participants."),
    "ATELIER-1TO1": ("One-to-one coaching", "An hour with an ambassador to master your tools."),
    "INSTALL-POSTE": ("Desk set-up", "A technician sets up your computer at your desk."),
    "DIAG-PC": ("Computer check-up", "Is your computer slow or noisy? A technician checks it."),
}  # fmt: skip

ORDINARY: Final = ("CLAVIER", "SOURIS", "CASQUE-TEAMS", "ECRAN-24", "DOCK-USBC", "WEBCAM",
                   "PORTE-BADGE", "ADAPT-HDMI", "VPN")  # fmt: skip
ORDERS_PER_AGENT: Final = (1, 1, 1, 2)


def seed_collect(session: Session, base: DemoBase) -> dict[str, int]:
    rng = random.Random(base.seed)
    # The day, not the time of day: seeded twice the same day, the rows are the same.
    now = datetime.combine(base.today, time(0), PARIS)

    def new_nonce() -> str:
        return uuid.UUID(int=rng.getrandbits(128), version=4).hex

    created = datetime.combine(base.today - timedelta(days=400), time(8), PARIS)
    items = [
        {
            "code": code,
            "name": name,
            "kind": kind,
            "icon": icon,
            "tracked": tracked,
            "allowed_roles": None if roles is None else sorted(roles),
            "allowed_directions": None if dirs is None else sorted(dirs),
            "max_per_agent": max_n,
            "renewal_days": renewal,
            "active": True,
            "created_at": created,
            "family": SHELF[code][0],
            "delivery": SHELF[code][1],
            "stocked": SHELF[code][2] is not None,
            "description": SHELF[code][3],
            "name_en": ENGLISH[code][0],
            "description_en": ENGLISH[code][1],
        }
        for code, name, kind, icon, tracked, roles, dirs, max_n, renewal in CATALOGUE
    ]
    item_ids = dict(
        zip(
            [i["code"] for i in items],
            session.scalars(
                insert(CatalogueItem)
                .execution_options(render_nulls=True)
                .returning(CatalogueItem.id, sort_by_parameter_order=True),
                items,
            ),
            strict=True,
        )
    )
    store_site = session.scalar(
        select(Kiosk.site_id).where(Kiosk.id == base.kiosk_ids["DEMO-STORE"])
    )
    assert store_site is not None
    session.execute(
        insert(SiteStock),
        [
            {
                "site_id": store_site,
                "item_id": item_ids[code],
                "quantity": units,
                "updated_at": created,
                "set_by": SET_BY_IMPORT,
            }
            for code, (_, _, units, _) in SHELF.items()
            if units is not None
        ],
    )
    tracked = {row[0] for row in CATALOGUE if row[4]}
    agents = session.execute(
        select(Person.id, Person.role, Direction.code)
        .outerjoin(Direction, Direction.id == Person.direction_id)
        .where(Person.id.in_(base.agent_ids), Person.active)
        .order_by(Person.id)
    ).all()
    store = base.kiosk_ids["DEMO-STORE"]

    orders: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []  # with "_order" index, "_handed" flag
    number = 0
    for person_id, role, direction in agents:
        allowed = [c for c in ORDINARY]
        if direction in FIELD_DIRECTIONS:
            allowed += ["SMARTPHONE", "LIGNE-MOBILE"]
        if role is not Role.AGENT:
            allowed.append("PC-PRET")
        for k in range(rng.choice(ORDERS_PER_AGENT)):
            number += 1
            placed = now - timedelta(days=rng.randint(1, 40), minutes=rng.randint(0, 600))
            orders.append(
                {
                    "reference": f"CC-{base.today.year}-{number:05d}",
                    "person_id": person_id,
                    "placed_at": placed,
                    "imported_at": placed + timedelta(hours=1),
                }
            )
            chosen = rng.sample(allowed, rng.choice((1, 1, 2, 2, 3)))
            for line_no, code in enumerate(chosen, 1):
                status = _status(rng, ready_first=k == 0 and line_no == 1 and number % 4 != 0)
                lines.append(
                    _line(
                        rng, len(orders) - 1, line_no, code, item_ids, tracked, status, placed, now
                    )
                )
    _as_kiosk_requests(orders, lines, store_site_code(session, store_site), new_nonce)
    order_ids = list(
        session.scalars(
            insert(CollectOrder)
            .execution_options(render_nulls=True)
            .returning(CollectOrder.id, sort_by_parameter_order=True),
            orders,
        )
    )
    for line in lines:
        line["order_id"] = order_ids[line.pop("_order")]
    handed_rows = [line.pop("_handed") for line in lines]
    line_ids = list(
        session.scalars(
            insert(OrderLine)
            .execution_options(render_nulls=True)
            .returning(OrderLine.id, sort_by_parameter_order=True),
            lines,
        )
    )
    session.execute(
        insert(LineEvent).execution_options(render_nulls=True),
        [
            {
                "nonce": new_nonce(),
                "line_id": line_id,
                "from_status": None,
                "to_status": line["status"],
                "at": line["status_at"],
                "actor": Actor.AGENT if line["status"] in _HANDED else Actor.IMPORT,
                "kiosk_id": store if line["status"] in _HANDED else None,
                "staff_id": None,
                "detail": "demo",
            }
            for line_id, line in zip(line_ids, lines, strict=True)
        ],
    )
    person_of_order = {oid: o["person_id"] for oid, o in zip(order_ids, orders, strict=True)}
    handed = [
        (line_id, line, person_of_order[line["order_id"]])
        for line_id, line, was_handed in zip(line_ids, lines, handed_rows, strict=True)
        if was_handed
    ]
    pickup_ids: list[int] = []
    if handed:
        pickup_ids = list(
            session.scalars(
                insert(Pickup)
                .execution_options(render_nulls=True)
                .returning(Pickup.id, sort_by_parameter_order=True),
                [
                    {
                        "nonce": new_nonce(),
                        "kiosk_id": store,
                        "person_id": person_id,
                        "at": line["status_at"],
                        "identified_by": "badge",
                        "signature": None,
                    }
                    for _, line, person_id in handed
                ],
            )
        )
        session.execute(
            insert(HandOver).execution_options(render_nulls=True),
            [
                {
                    "nonce": new_nonce(),
                    "line_id": line_id,
                    "pickup_id": pickup_id,
                    "kiosk_id": store,
                    "person_id": person_id,
                    "item_id": line["item_id"],
                    "quantity": line["prepared_quantity"] or line["quantity"],
                    "at": line["status_at"],
                    "acknowledged": True,
                    "asset_tag": line["asset_tag"],
                    "serial": line["serial"],
                }
                for (line_id, line, person_id), pickup_id in zip(handed, pickup_ids, strict=True)
            ],
        )
    pickups = len(pickup_ids)
    return {
        "catalogue items": len(items),
        "orders": len(orders),
        "order lines": len(lines),
        "pickups": pickups,
    }


_HANDED: Final = (LineStatus.COLLECTED, LineStatus.PARTIALLY_COLLECTED)
_WEIGHTS: Final = {
    LineStatus.PLACED: 6,
    LineStatus.APPROVED: 12,
    LineStatus.PREPARED: 8,
    LineStatus.READY: 40,
    LineStatus.COLLECTED: 18,
    LineStatus.PARTIALLY_COLLECTED: 3,
    LineStatus.CANCELLED: 7,
    LineStatus.EXPIRED: 6,
    LineStatus.DECLINED: 3,
}
DECLINE_REASONS: Final = (
    "Vous êtes déjà équipé de cet article : voyez votre correspondant informatique.",
    "Plus de stock avant fin janvier : redemandez-le à ce moment-là.",
)


def store_site_code(session: Session, site_id: int) -> str:
    code = session.scalar(select(Site.code).where(Site.id == site_id))
    assert code is not None
    return code


def _as_kiosk_requests(
    orders: list[dict[str, Any]],
    lines: list[dict[str, Any]],
    site_code: str,
    new_nonce: Callable[[], str],
) -> None:
    """One-line orders still waiting for staff, or declined, were asked for at the kiosk: the
    staff screen then has requests to approve, and « Mon espace » a decline to show."""
    by_order: dict[int, list[dict[str, Any]]] = {}
    for line in lines:
        by_order.setdefault(line["_order"], []).append(line)
    for index, order in enumerate(orders):
        mine = by_order.get(index, [])
        kiosk_made = len(mine) == 1 and mine[0]["status"] in (
            LineStatus.PLACED,
            LineStatus.DECLINED,
        )
        nonce = new_nonce() if kiosk_made else None
        order |= {
            "source": OrderSource.KIOSK if kiosk_made else OrderSource.IMPORT,
            "nonce": nonce,
            "site_code": site_code if kiosk_made else None,
            "note": "Pour mon nouveau bureau" if kiosk_made and index % 2 else "",
        }
        if nonce is not None:
            order["reference"] = reference_for(nonce)


def _status(rng: random.Random, *, ready_first: bool) -> LineStatus:
    if ready_first:
        return LineStatus.READY
    return rng.choices(list(_WEIGHTS), list(_WEIGHTS.values()))[0]


def _line(
    rng: random.Random,
    order_index: int,
    line_no: int,
    code: str,
    item_ids: dict[str, int],
    tracked: set[str],
    status: LineStatus,
    placed: datetime,
    now: datetime,
) -> dict[str, Any]:
    quantity = 2 if code in ("PORTE-BADGE", "ECRAN-24") and rng.random() < 0.4 else 1
    prepared = status in (
        LineStatus.PREPARED,
        LineStatus.READY,
        LineStatus.COLLECTED,
        LineStatus.PARTIALLY_COLLECTED,
        LineStatus.EXPIRED,
    )
    prepared_quantity = None
    if prepared:
        prepared_quantity = quantity
        if status is LineStatus.PARTIALLY_COLLECTED:
            quantity = max(quantity, 2)
            prepared_quantity = 1
    status_at = placed + (now - placed) * rng.uniform(0.3, 0.95)
    ready_until = None
    if status is LineStatus.READY:
        ready_until = status_at + timedelta(days=PICKUP_DAYS)
        if ready_until <= now:
            status_at = now - timedelta(days=rng.randint(0, 3), hours=rng.randint(1, 8))
            ready_until = status_at + timedelta(days=PICKUP_DAYS)
    elif status is LineStatus.EXPIRED:
        ready_until = status_at
    expected_at = None
    if status in (LineStatus.PLACED, LineStatus.APPROVED, LineStatus.PREPARED):
        expected_at = datetime.combine(
            (now + timedelta(days=rng.randint(1, 12))).astimezone(PARIS).date(), time(9), PARIS
        )
    is_tracked = code in tracked and prepared
    n = rng.randint(10000, 99999)
    return {
        "_order": order_index,
        "_handed": status in _HANDED,
        "line_no": line_no,
        "item_id": item_ids[code],
        "quantity": quantity,
        "prepared_quantity": prepared_quantity,
        "status": status,
        "status_at": status_at,
        "expected_at": expected_at,
        "ready_until": ready_until,
        "asset_tag": f"CD06-{n}" if is_tracked else None,
        "serial": f"SN{rng.randint(10**9, 10**10 - 1)}" if is_tracked else None,
        "decline_reason": (rng.choice(DECLINE_REASONS) if status is LineStatus.DECLINED else None),
    }

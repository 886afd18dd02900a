"""The life of an order line, and the one place that says which move is allowed.

    placed -> approved -> prepared -> ready -> collected | partially_collected
    placed | approved | prepared | ready -> cancelled
    placed -> declined                    (staff refuse a request, with a reason the agent reads)
    ready -> expired                      (not collected before its pickup deadline)

``partially_collected``: the line was handed over with fewer units than ordered (a shortage
recorded by staff at preparation); the rest is not owed by this line any more.
"""

from __future__ import annotations

import enum
from typing import Final


class ItemKind(enum.StrEnum):
    EQUIPMENT = "equipment"  # a thing handed over at the desk
    SERVICE = "service"  # e.g. a line activation: handed over as a voucher or a set-up


class LineStatus(enum.StrEnum):
    PLACED = "placed"
    APPROVED = "approved"
    PREPARED = "prepared"
    READY = "ready"
    COLLECTED = "collected"
    PARTIALLY_COLLECTED = "partially_collected"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    DECLINED = "declined"


class OrderSource(enum.StrEnum):
    """Where an order was made: an import never overwrites what the kiosk made."""

    IMPORT = "import"  # the online catalogue's export
    KIOSK = "kiosk"  # an agent's request at the kiosk


class Family(enum.StrEnum):
    """The catalogue's shelves, in the order the screen shows them."""

    WORKSTATIONS = "workstations"  # postes et écrans
    MOBILITY = "mobility"
    ACCESSORIES = "accessories"
    SOFTWARE = "software"  # logiciels et accès
    SUPPORT = "support"  # services d'accompagnement


class Delivery(enum.StrEnum):
    PICKUP = "pickup"  # retrait au Smart Store
    INSTALLATION = "installation"  # a technician comes to the desk
    OPEN_ACCESS = "open_access"  # an access opened on the agent's account


class OrderStatus(enum.StrEnum):
    """Derived from the lines, never stored: one source of truth."""

    OPEN = "open"  # nothing ready yet
    READY = "ready"  # at least one line waits at the desk
    PARTIALLY_COLLECTED = "partially_collected"  # some lines collected, others still owed
    COLLECTED = "collected"
    CLOSED = "closed"  # cancelled or expired, nothing collected


class Actor(enum.StrEnum):
    """Who moved a line (kept in the line's history)."""

    IMPORT = "import"  # the online catalogue's export
    STAFF_BADGE = "staff_badge"
    STAFF_PIN = "staff_pin"
    AGENT = "agent"  # the hand-over at the kiosk
    SYSTEM = "system"  # expiry


TRANSITIONS: Final[dict[LineStatus, frozenset[LineStatus]]] = {
    LineStatus.PLACED: frozenset({LineStatus.APPROVED, LineStatus.CANCELLED, LineStatus.DECLINED}),
    LineStatus.APPROVED: frozenset({LineStatus.PREPARED, LineStatus.CANCELLED}),
    LineStatus.PREPARED: frozenset({LineStatus.READY, LineStatus.CANCELLED}),
    LineStatus.READY: frozenset(
        {
            LineStatus.COLLECTED,
            LineStatus.PARTIALLY_COLLECTED,
            LineStatus.CANCELLED,
            LineStatus.EXPIRED,
        }
    ),
    LineStatus.COLLECTED: frozenset(),
    LineStatus.PARTIALLY_COLLECTED: frozenset(),
    LineStatus.CANCELLED: frozenset(),
    LineStatus.EXPIRED: frozenset(),
    LineStatus.DECLINED: frozenset(),
}

HANDED_OVER: Final = frozenset({LineStatus.COLLECTED, LineStatus.PARTIALLY_COLLECTED})
FINAL: Final = frozenset(s for s, nxt in TRANSITIONS.items() if not nxt)
OPEN: Final = frozenset(LineStatus) - FINAL
# Rank along the happy path: an import never moves a line backwards.
PROGRESS: Final = {
    LineStatus.PLACED: 0,
    LineStatus.APPROVED: 1,
    LineStatus.PREPARED: 2,
    LineStatus.READY: 3,
}


class InvalidTransition(ValueError):
    """A move the state machine does not allow; ``code`` is stable for the UI and the CLI."""

    code = "invalid_transition"

    def __init__(self, current: LineStatus, wanted: LineStatus) -> None:
        super().__init__(f"an order line cannot go from {current} to {wanted}")
        self.current = current
        self.wanted = wanted


def check_transition(current: LineStatus, wanted: LineStatus) -> None:
    if wanted not in TRANSITIONS[current]:
        raise InvalidTransition(current, wanted)


def can_move(current: LineStatus, wanted: LineStatus) -> bool:
    return wanted in TRANSITIONS[current]


def order_status(lines: list[LineStatus]) -> OrderStatus:
    """What the whole order is, from its lines' statuses."""
    if not lines:
        return OrderStatus.CLOSED
    handed = [s for s in lines if s in HANDED_OVER]
    still_owed = [s for s in lines if s in OPEN]
    if LineStatus.READY in lines:
        return OrderStatus.PARTIALLY_COLLECTED if handed else OrderStatus.READY
    if handed:
        return OrderStatus.PARTIALLY_COLLECTED if still_owed else OrderStatus.COLLECTED
    return OrderStatus.OPEN if still_owed else OrderStatus.CLOSED

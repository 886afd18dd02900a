"""An order line as the agent's screen and receipt show it: the read model of the pickup.

Apart from :mod:`kiosk.collect.pickup` so that the receipt (which lists these lines) and the
pickup (which queues the receipt) do not import each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.collect.policy import PolicyRefusal
from kiosk.collect.status import ItemKind, LineStatus


@dataclass(frozen=True)
class LineView:
    """One order line as the agent's screen shows it (no other person's data)."""

    line_id: int
    order_id: int
    order_ref: str
    line_no: int
    item_code: str
    item_name: str
    item_icon: str
    item_kind: ItemKind
    quantity: int
    prepared_quantity: int | None
    status: LineStatus
    status_at: datetime
    expected_at: datetime | None
    ready_until: datetime | None
    asset_tag: str | None
    serial: str | None
    handed_at: datetime | None = None
    handed_kiosk: str | None = None  # where it was handed over
    # A ready line the allocation policy refuses now: shown, but not offered for the pickup
    refusal: PolicyRefusal | None = None

    @property
    def is_ready(self) -> bool:
        return self.status is LineStatus.READY

    @property
    def can_hand_over(self) -> bool:
        """Ready and allowed now: the only lines the agent can tick and take."""
        return self.is_ready and self.refusal is None

    @property
    def units_to_hand(self) -> int:
        return self.prepared_quantity or self.quantity

"""The allocation policy: who may receive a catalogue item, how many, how often.

Checked when an order is imported and again at the hand-over, because a role, a direction or
the agent's previous pickups may have changed in between (the anchors' systems check once, at
ordering time). The catalogue screen and a request at the kiosk ask the same question with
:func:`check_request`, which adds what only a new request meets: a request for the same item
still open, and the stock of the site. Pure: the caller looks the facts up and passes them in.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


class RefusalCode(enum.StrEnum):
    PERSON_INACTIVE = "person_inactive"  # the agent has left, or the account is suspended
    ITEM_WITHDRAWN = "item_withdrawn"  # the catalogue no longer hands this item out
    ROLE_NOT_ALLOWED = "role_not_allowed"
    DIRECTION_NOT_ALLOWED = "direction_not_allowed"
    QUOTA_REACHED = "quota_reached"  # max per agent within the renewal period
    ALREADY_REQUESTED = "already_requested"  # an open request or order for the same item
    OUT_OF_STOCK = "out_of_stock"  # fewer units left at this site than asked for


@dataclass(frozen=True)
class ItemPolicy:
    allowed_roles: frozenset[str] | None  # None: every role
    allowed_directions: frozenset[str] | None  # direction codes; None: every direction
    max_per_agent: int | None  # None: no limit
    renewal_days: int | None  # the quota counts hand-overs of the last N days (None: ever)
    active: bool = True

    @classmethod
    def of(
        cls,
        *,
        allowed_roles: Iterable[str] | None,
        allowed_directions: Iterable[str] | None,
        max_per_agent: int | None,
        renewal_days: int | None,
        active: bool = True,
    ) -> ItemPolicy:
        return cls(
            None if allowed_roles is None else frozenset(allowed_roles),
            None if allowed_directions is None else frozenset(allowed_directions),
            max_per_agent,
            renewal_days,
            active,
        )


@dataclass(frozen=True)
class Holder:
    """The facts about the agent that the policy looks at."""

    role: str | None
    direction: str | None  # direction code
    active: bool


@dataclass(frozen=True)
class PriorHandOver:
    at: datetime
    quantity: int


@dataclass(frozen=True)
class PolicyRefusal:
    code: RefusalCode
    limit: int | None = None  # QUOTA_REACHED: the maximum
    held: int = 0  # QUOTA_REACHED: units already received within the period
    next_allowed_at: datetime | None = None  # QUOTA_REACHED with a renewal period
    # QUOTA_REACHED only because of other lines of the same pickup: taking fewer at once works
    together: bool = False
    requested_at: datetime | None = None  # ALREADY_REQUESTED: when the open one was made
    available: int | None = None  # OUT_OF_STOCK: units left to request at this site


def check_allocation(
    policy: ItemPolicy,
    holder: Holder,
    quantity: int,
    prior: Iterable[PriorHandOver],
    now: datetime,
) -> PolicyRefusal | None:
    """None if ``holder`` may receive ``quantity`` more units now, else why not."""
    if quantity < 1:
        raise ValueError(f"quantity must be positive, not {quantity}")
    if not holder.active:
        return PolicyRefusal(RefusalCode.PERSON_INACTIVE)
    if not policy.active:
        return PolicyRefusal(RefusalCode.ITEM_WITHDRAWN)
    if policy.allowed_roles is not None and holder.role not in policy.allowed_roles:
        return PolicyRefusal(RefusalCode.ROLE_NOT_ALLOWED)
    if policy.allowed_directions is not None and holder.direction not in policy.allowed_directions:
        return PolicyRefusal(RefusalCode.DIRECTION_NOT_ALLOWED)
    if policy.max_per_agent is None:
        return None
    period = None if policy.renewal_days is None else timedelta(days=policy.renewal_days)
    counted = sorted(
        (p for p in prior if period is None or p.at > now - period), key=lambda p: p.at
    )
    held = sum(p.quantity for p in counted)
    if held + quantity <= policy.max_per_agent:
        return None
    next_allowed_at = None
    if period is not None and quantity <= policy.max_per_agent:
        # The oldest hand-overs leave the period first: when enough of them have left.
        remaining = held
        for p in counted:
            remaining -= p.quantity
            if remaining + quantity <= policy.max_per_agent:
                next_allowed_at = p.at + period
                break
    return PolicyRefusal(RefusalCode.QUOTA_REACHED, policy.max_per_agent, held, next_allowed_at)


@dataclass(frozen=True)
class OpenRequest:
    """A line of the agent for the same item, not handed over nor closed yet."""

    at: datetime  # when it was placed


def check_request(
    policy: ItemPolicy,
    holder: Holder,
    quantity: int,
    prior: Iterable[PriorHandOver],
    open_requests: Iterable[OpenRequest],
    available: int | None,
    now: datetime,
) -> PolicyRefusal | None:
    """None if ``holder`` may request ``quantity`` units now, else why not.

    The allocation policy first (who and how many, as at the hand-over), then one open request
    per item and agent (the next one waits for the first to be handed over or closed, so the
    quota is never promised twice), then the stock (``available``: units not yet promised at
    this site; None when the item keeps no stock).
    """
    refusal = check_allocation(policy, holder, quantity, prior, now)
    if refusal is not None:
        return refusal
    pending = sorted(r.at for r in open_requests)
    if pending:
        return PolicyRefusal(RefusalCode.ALREADY_REQUESTED, requested_at=pending[0])
    if available is not None and available < quantity:
        return PolicyRefusal(RefusalCode.OUT_OF_STOCK, available=max(available, 0))
    return None

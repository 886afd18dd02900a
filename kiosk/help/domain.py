"""Besoin d'aide ?: the vocabulary of the help queue and its pure rules (no database).

A help request gets a queue ticket such as ``M-042``: the reason's letter, then a number
counted per site, per Paris day and per reason. The wait estimate is computed from what the
desk really did today (see :func:`estimate_wait`), not from a fixed average times a count.
"""

from __future__ import annotations

import enum
import heapq
import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final

from kiosk.domain import PARIS
from kiosk.ports import Receipt, ReceiptLine

DESCRIPTION_MAX: Final = 280  # a short note for the technician, not a ticket body


class HelpReason(enum.StrEnum):
    """Why the visitor came; the value is the stored code, :attr:`prefix` the ticket letter."""

    HARDWARE = "hardware"  # panne de matériel
    MAIL = "mail"  # messagerie
    ACCOUNT = "account"  # compte et mot de passe
    SOFTWARE = "software"  # logiciel
    OTHER = "other"  # autre

    @property
    def prefix(self) -> str:
        return _PREFIXES[self]

    @property
    def label_fr(self) -> str:
        """The French name (receipts and helpdesk tickets; screens translate their own)."""
        return _LABELS_FR[self]


_PREFIXES: Final = {
    HelpReason.HARDWARE: "P",  # Panne
    HelpReason.MAIL: "M",  # Messagerie
    HelpReason.ACCOUNT: "C",  # Compte
    HelpReason.SOFTWARE: "L",  # Logiciel
    HelpReason.OTHER: "A",  # Autre
}
_LABELS_FR: Final = {
    HelpReason.HARDWARE: "Panne de matériel",
    HelpReason.MAIL: "Messagerie",
    HelpReason.ACCOUNT: "Compte et mot de passe",
    HelpReason.SOFTWARE: "Logiciel",
    HelpReason.OTHER: "Autre demande",
}

# Typical service times before the desk has served enough people today to measure its own
# (minutes; from a support desk's usual figures: a password reset is quick, a fault is not).
DEFAULT_SERVICE_MINUTES: Final = {
    HelpReason.HARDWARE: 12.0,
    HelpReason.MAIL: 8.0,
    HelpReason.ACCOUNT: 6.0,
    HelpReason.SOFTWARE: 10.0,
    HelpReason.OTHER: 8.0,
}
MIN_SAMPLES: Final = 3  # fewer measured services than this: not trusted on their own


class TicketState(enum.StrEnum):
    WAITING = "waiting"
    CALLED = "called"  # shown on the display: the person walks to the desk
    SERVING = "serving"  # a technician is with them
    DONE = "done"
    NO_SHOW = "no_show"  # called, never came

    @property
    def open(self) -> bool:
        return self in {TicketState.WAITING, TicketState.CALLED, TicketState.SERVING}


class Requester(enum.StrEnum):
    AGENT = "agent"  # identified by badge
    VISITOR = "visitor"  # a known external visitor
    ANONYMOUS = "anonymous"  # nobody identified: the ticket number is the only handle


class ForwardState(enum.StrEnum):
    """Where a request stands with the helpdesk (GLPI)."""

    PENDING = "pending"  # not sent yet, or failed and waiting for its next attempt
    SENT = "sent"  # the helpdesk has it (glpi_ticket_id)
    REJECTED = "rejected"  # the helpdesk refused it for good (bad input): an operator looks


class EstimateBasis(enum.StrEnum):
    """Where the service times of an estimate come from (the screen says so)."""

    TODAY_BY_REASON = "today_by_reason"  # this reason's services measured today
    TODAY = "today"  # today's services, all reasons (too few for this reason alone)
    DEFAULT = "default"  # too early in the day: typical figures


def service_day(at: datetime) -> date:
    """The Paris calendar day a ticket belongs to: numbering restarts at local midnight."""
    if at.tzinfo is None:
        raise ValueError("at must be timezone-aware")
    return at.astimezone(PARIS).date()


def ticket_label(reason: HelpReason, number: int) -> str:
    """``M-042``: three digits at least, more when a busy day needs them."""
    if number < 1:
        raise ValueError(f"ticket numbers start at 1, not {number}")
    return f"{reason.prefix}-{number:03d}"


@dataclass(frozen=True)
class ServiceSample:
    """One finished service today: its reason and how long the technician spent."""

    reason: HelpReason
    minutes: float


@dataclass(frozen=True)
class QueueItem:
    """A ticket ahead in the queue, as the estimate needs it."""

    reason: HelpReason
    state: TicketState
    serving_minutes: float = 0.0  # for SERVING: how long it has been served already


@dataclass(frozen=True)
class ServiceTimes:
    minutes: dict[HelpReason, float]
    basis: dict[HelpReason, EstimateBasis]
    samples: int  # finished services measured today


@dataclass(frozen=True)
class WaitEstimate:
    minutes: int  # rounded up; 0 when the next free desk takes this ticket at once
    position: int  # 1: the next one to be called
    desks: int  # desks assumed to serve in parallel
    basis: EstimateBasis


def service_times(samples: Iterable[ServiceSample]) -> ServiceTimes:
    """Median service time per reason from today's services, with fall-backs that say so.

    The median, not the mean: one hour spent on a broken laptop must not make every
    password reset after it look long.
    """
    by_reason: dict[HelpReason, list[float]] = {}
    everything: list[float] = []
    for s in samples:
        by_reason.setdefault(s.reason, []).append(s.minutes)
        everything.append(s.minutes)
    overall = statistics.median(everything) if len(everything) >= MIN_SAMPLES else None
    minutes: dict[HelpReason, float] = {}
    basis: dict[HelpReason, EstimateBasis] = {}
    for reason in HelpReason:
        own = by_reason.get(reason, [])
        if len(own) >= MIN_SAMPLES:
            minutes[reason], basis[reason] = statistics.median(own), EstimateBasis.TODAY_BY_REASON
        elif overall is not None:
            minutes[reason], basis[reason] = overall, EstimateBasis.TODAY
        else:
            minutes[reason] = DEFAULT_SERVICE_MINUTES[reason]
            basis[reason] = EstimateBasis.DEFAULT
    return ServiceTimes(minutes, basis, len(everything))


def estimate_wait(
    reason: HelpReason, ahead: Sequence[QueueItem], times: ServiceTimes, desks: int
) -> WaitEstimate:
    """How long until a desk takes a ticket of ``reason`` with ``ahead`` in front of it.

    A small simulation rather than "average x count": each desk is free once its current
    service ends (what is left of it, from today's times for that reason); the tickets ahead,
    in queue order, each go to the desk that frees up first and keep it for their own
    reason's service time; this ticket gets the next free desk.
    """
    serving = [item for item in ahead if item.state is TicketState.SERVING]
    free_at = [0.0] * max(1, desks, len(serving))
    heapq.heapify(free_at)
    for item in serving:
        # past its expected time a service still takes a little: never count the desk free
        left = max(times.minutes[item.reason] - item.serving_minutes, 1.0)
        heapq.heappush(free_at, heapq.heappop(free_at) + left)
    for item in ahead:
        if item.state is not TicketState.SERVING:
            heapq.heappush(free_at, heapq.heappop(free_at) + times.minutes[item.reason])
    wait = free_at[0]
    return WaitEstimate(
        minutes=math.ceil(wait - 1e-9) if wait > 0 else 0,
        position=sum(1 for item in ahead if item.state is TicketState.WAITING) + 1,
        desks=len(free_at),
        basis=times.basis[reason],
    )


def minutes_between(start: datetime, end: datetime) -> float:
    return max((end - start) / timedelta(minutes=1), 0.0)


# --- the printed ticket --------------------------------------------------------------------
# Receipts are printed in the visitor's language; the kiosk layer has no Qt translator, so the
# few words of a ticket live here.
_TICKET_WORDS: Final = {
    "fr": {
        "title": "Besoin d'aide ?",
        "reason": "Motif",
        "position": "Position",
        "next": "Vous êtes le prochain",
        "wait": "Attente estimée",
        "soon": "moins d'une minute",
        "minutes": "environ {n} min",
        "issued": "Pris à",
        "default": "Estimation indicative : trop tôt dans la journée pour la mesurer.",
        "watch": "Votre numéro s'affichera sur l'écran d'appel.",
    },
    "en": {
        "title": "Need help?",
        "reason": "Reason",
        "position": "Position",
        "next": "You are next",
        "wait": "Estimated wait",
        "soon": "under a minute",
        "minutes": "about {n} min",
        "issued": "Issued at",
        "default": "Rough estimate: too early in the day to measure it.",
        "watch": "Your number will show on the calling screen.",
    },
}
_REASONS_EN: Final = {
    HelpReason.HARDWARE: "Hardware fault",
    HelpReason.MAIL: "Mailbox",
    HelpReason.ACCOUNT: "Account and password",
    HelpReason.SOFTWARE: "Software",
    HelpReason.OTHER: "Something else",
}


def wait_words(estimate: WaitEstimate, lang: str = "fr") -> str:
    words = _TICKET_WORDS.get(lang, _TICKET_WORDS["fr"])
    if estimate.minutes < 1:
        return words["soon"]
    return words["minutes"].format(n=estimate.minutes)


def ticket_receipt(
    ticket: str,
    reason: HelpReason,
    estimate: WaitEstimate,
    issued_at: datetime,
    kiosk_name: str,
    lang: str = "fr",
) -> Receipt:
    """The paper queue ticket: the number big, then reason, position, wait, time, kiosk."""
    words = _TICKET_WORDS.get(lang, _TICKET_WORDS["fr"])
    local = issued_at.astimezone(PARIS)
    position = words["next"] if estimate.position == 1 else str(estimate.position)
    footer = [words["watch"]]
    if estimate.basis is EstimateBasis.DEFAULT:
        footer.append(words["default"])
    return Receipt(
        title=words["title"],
        kiosk=kiosk_name,
        big_number=ticket,
        lines=(
            ReceiptLine(words["reason"], reason.label_fr if lang == "fr" else _REASONS_EN[reason]),
            ReceiptLine(words["position"], position),
            ReceiptLine(words["wait"], wait_words(estimate, lang)),
            ReceiptLine(words["issued"], local.strftime("%H:%M")),
        ),
        footer=tuple(footer),
        printed_at=local,
    )

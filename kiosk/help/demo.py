"""Demo data for Besoin d'aide ?: four weeks of help requests at the Smart Store desk, with
measured service times, and this morning's queue (some served, some still waiting).

Deterministic for a given (seed, day), whatever the time of day, like the base seed: today's
requests are this morning's rush (08:30-09:50 in Paris), and the last ones are still open.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime, time, timedelta
from typing import Any, Final

from sqlalchemy import insert
from sqlalchemy.orm import Session

from kiosk.db.demo import FIXED_HOLIDAYS, DemoBase
from kiosk.domain import PARIS
from kiosk.help.domain import HelpReason, Requester, TicketState, ticket_label
from kiosk.help.tables import HelpRequest, HelpTicketCounter

PAST_DAYS: Final = 28
REASON_WEIGHTS: Final = {
    HelpReason.ACCOUNT: 30,
    HelpReason.MAIL: 25,
    HelpReason.HARDWARE: 20,
    HelpReason.SOFTWARE: 17,
    HelpReason.OTHER: 8,
}
# (median minutes, spread): a reset is quick, a broken laptop is not
SERVICE: Final = {
    HelpReason.ACCOUNT: (5.0, 0.35),
    HelpReason.MAIL: (9.0, 0.4),
    HelpReason.HARDWARE: (15.0, 0.5),
    HelpReason.SOFTWARE: (11.0, 0.45),
    HelpReason.OTHER: (8.0, 0.5),
}
DESCRIPTIONS: Final = {
    HelpReason.ACCOUNT: ("Mot de passe expiré", "Compte bloqué après trois essais", None),
    HelpReason.MAIL: ("Boîte aux lettres pleine", "Outlook ne s'ouvre plus", None),
    HelpReason.HARDWARE: ("Écran qui clignote", "Le portable ne charge plus", "Clavier HS"),
    HelpReason.SOFTWARE: ("Teams plante au démarrage", "Installer QGIS", None),
    HelpReason.OTHER: ("Question sur le télétravail", None),
}
TODAY_OPEN: Final = (TicketState.SERVING, TicketState.CALLED) + (TicketState.WAITING,) * 3


def seed_help(session: Session, base: DemoBase) -> dict[str, int]:
    rng = random.Random(base.seed)
    kiosk_id = base.kiosk_ids["DEMO-STORE"]
    rows: list[dict[str, Any]] = []
    counters: Counter[tuple[date, HelpReason]] = Counter()
    for back in range(PAST_DAYS, -1, -1):
        day = base.today - timedelta(days=back)
        if day.weekday() >= 5 or (day.month, day.day) in FIXED_HOLIDAYS:
            continue
        if back == 0:
            arrivals = _arrivals(rng, day, time(8, 30), time(9, 50), 14)
        else:
            arrivals = _arrivals(rng, day, time(8, 30), time(17, 0), rng.randint(14, 30))
        open_states = list(TODAY_OPEN) if back == 0 else []
        free_at = {"1": arrivals[0][0], "2": arrivals[0][0]} if arrivals else {}
        for n, (created, reason) in enumerate(arrivals):
            counters[(day, reason)] += 1
            number = counters[(day, reason)]
            remaining = len(arrivals) - n
            state = open_states[-remaining] if remaining <= len(open_states) else None
            rows.append(_request(rng, base, kiosk_id, day, created, reason, number, state, free_at))
    if rows:
        session.execute(insert(HelpRequest), rows)
        session.execute(
            insert(HelpTicketCounter),
            [
                {"site_id": base.cadam_site_id, "service_day": d, "reason": r, "last_number": n}
                for (d, r), n in counters.items()
            ],
        )
    return {"help requests": len(rows)}


def _arrivals(
    rng: random.Random, day: date, start: time, end: time, count: int
) -> list[tuple[datetime, HelpReason]]:
    first = datetime.combine(day, start, PARIS)
    span = (datetime.combine(day, end, PARIS) - first).total_seconds()
    moments = sorted(first + timedelta(seconds=rng.uniform(0, span)) for _ in range(count))
    reasons = rng.choices(list(REASON_WEIGHTS), list(REASON_WEIGHTS.values()), k=count)
    return [(m.replace(microsecond=0), r) for m, r in zip(moments, reasons, strict=True)]


def _request(
    rng: random.Random,
    base: DemoBase,
    kiosk_id: int,
    day: date,
    created: datetime,
    reason: HelpReason,
    number: int,
    state: TicketState | None,
    free_at: dict[str, datetime],
) -> dict[str, Any]:
    """One request; without ``state`` it went the whole way (served, or a rare no-show)."""
    desk = min(free_at, key=lambda d: free_at[d])
    called = max(created, free_at[desk]) + timedelta(seconds=rng.randint(20, 90))
    median, spread = SERVICE[reason]
    minutes = max(1.5, rng.lognormvariate(0, spread) * median)
    serving = called + timedelta(seconds=rng.randint(30, 120))
    finished = serving + timedelta(minutes=minutes)
    if state is None:
        state = TicketState.NO_SHOW if rng.random() < 0.05 else TicketState.DONE
    if state is TicketState.NO_SHOW:
        finished = called + timedelta(minutes=3)
    person = rng.choice(base.agent_ids) if rng.random() < 0.7 else None
    row: dict[str, Any] = {
        "nonce": f"{rng.getrandbits(128):032x}",
        "kiosk_id": kiosk_id,
        "site_id": base.cadam_site_id,
        "person_id": person,
        "requester": Requester.AGENT if person else Requester.ANONYMOUS,
        "reason": reason,
        "description": rng.choice(DESCRIPTIONS[reason]),
        "service_day": day,
        "number": number,
        "ticket": ticket_label(reason, number),
        "state": state,
        "desk": None,
        "call_count": 0,
        "created_at": created,
        "called_at": None,
        "serving_at": None,
        "finished_at": None,
    }
    if state is TicketState.WAITING:
        return row
    row.update(desk=desk, call_count=1, called_at=called)
    if state in (TicketState.SERVING, TicketState.DONE):
        row["serving_at"] = serving
    if state in (TicketState.DONE, TicketState.NO_SHOW):
        row["finished_at"] = finished
        free_at[desk] = finished
    else:
        free_at[desk] = finished + timedelta(hours=1)  # still busy with this one
    return row

"""« Comment était … ? » answered on the Smart Tour, in its sync: the answers go up.

An answer may still change for a moment after it is given (a badge names it, a one-word
reason follows, a second badged answer replaces the person's first and the newer row goes), so
the push takes only the answers before this kiosk's first one still that young
(``SETTLED_AFTER_MINUTES``): what went up is never taken back, and nothing is sent twice.

Each answer carries its nonce: a batch sent again inserts nothing. One answer per person and
event holds centrally too (the same UNIQUE pair): when the person answered elsewhere as well,
their latest answer is the one kept, as on a single kiosk (``kiosk.satisfaction.service``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Connection, RowMapping, func, select, update

from kiosk.satisfaction.faces import SETTLED_AFTER_MINUTES
from kiosk.satisfaction.tables import EventFeedback
from kiosk.sync.keys import insert_for, table_of
from kiosk.sync.push import CentralIds, Sent

FEEDBACK = table_of(EventFeedback)
SETTLED_AFTER = timedelta(minutes=SETTLED_AFTER_MINUTES)


def settled_feedback(kiosk_id: int, now: datetime) -> ColumnElement[bool]:
    """This kiosk's answers before its first one that may still change."""
    young = (
        select(func.min(FEEDBACK.c.id))
        .where(FEEDBACK.c.kiosk_id == kiosk_id, FEEDBACK.c.at > now - SETTLED_AFTER)
        .correlate(None)  # over the whole table, never the outer query's row
        .scalar_subquery()
    )
    return FEEDBACK.c.id < func.coalesce(young, FEEDBACK.c.id + 1)


def send_feedback(
    cc: Connection, ids: CentralIds, rows: Sequence[RowMapping], _lc: Connection
) -> Sent:
    kiosk = ids.kiosk(cc)
    people = ids.people(cc, [r["person_id"] for r in rows])
    events = ids.events(cc, [r["event_id"] for r in rows])
    values = [
        {
            "nonce": r["nonce"],
            "event_id": events[r["event_id"]],
            "kiosk_id": kiosk,
            "at": r["at"],
            "score": r["score"],
            "reason": r["reason"],
            "person_id": people.get(r["person_id"]),
        }
        for r in rows
    ]
    stmt = insert_for(cc, FEEDBACK).on_conflict_do_nothing()
    inserted = set(cc.scalars(stmt.returning(FEEDBACK.c.nonce), values))
    left = [v for v in values if v["nonce"] not in inserted and v["person_id"] is not None]
    known = set(
        cc.scalars(select(FEEDBACK.c.nonce).where(FEEDBACK.c.nonce.in_([v["nonce"] for v in left])))
    )
    replaced = 0
    for v in left:
        if v["nonce"] in known:
            continue  # sent by an earlier attempt of this batch
        # The person answered this event at another kiosk: the later answer says it.
        replaced += cc.execute(
            update(FEEDBACK)
            .where(
                FEEDBACK.c.event_id == v["event_id"],
                FEEDBACK.c.person_id == v["person_id"],
                FEEDBACK.c.at < v["at"],
            )
            .values(
                score=v["score"],
                at=v["at"],
                kiosk_id=kiosk,
                reason=FEEDBACK.c.reason if v["reason"] is None else v["reason"],
            )
        ).rowcount
    return Sent(len(inserted) + replaced, [], rows[-1]["id"])


__all__ = ["FEEDBACK", "send_feedback", "settled_feedback"]

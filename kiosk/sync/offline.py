"""What an agent asked for at a Smart Tour kiosk offline, decided again by the central base.

Offline the tour kiosk promises nothing: a request it takes is « envoyée au prochain passage »,
its stock is the last sync's. At the push, each request (a Click & Collect order made here) and
each sign-up or cancellation (:class:`~kiosk.signup.tables.SignupAct`) is replayed centrally by
the same services the online kiosks use, in the push's central transaction: the allocation
policy and the stock, the event's capacity and waiting list are checked again there, under the
same locks, so a tour kiosk and a store kiosk racing for the last unit or the last place cannot
both win. Each is taken once, by its nonce: a batch sent again changes nothing.

When the central base says otherwise (the allowance was used elsewhere meanwhile, the event
filled up), its word stands and is recorded there — the request declined with the reason in
words and its mail queued, the person put on the waiting list — then pulled back down, so the
agent reads it in « Mon espace »; staff read a conflict line on the tour kiosk.

A sign-up the central base refused outright (agents only, already started, account closed...)
leaves no central registration for the registrations' pull to bring down: the pull brings the
refused acts themselves (:func:`refusals_query`), and the tour kiosk's act takes the central
outcome, its registration — still the one the slip names — is cancelled, so « Mon espace »
says it was refused and why, and the door no longer admits on the slip or the badge.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Final

from sqlalchemy import Connection, RowMapping, Select, select, update
from sqlalchemy.orm import Session

from kiosk.collect.requests import (
    REPLAY_REASONS,
    NewRequest,
    RequestRefused,
    place_request,
    record_refused_request,
)
from kiosk.collect.status import Actor, LineStatus
from kiosk.collect.tables import CollectOrder, LineEvent, OrderLine
from kiosk.db.models import Event, Registration
from kiosk.domain import PersonKind, RegistrationSource, RegistrationStatus
from kiosk.programme.waiting import waiting_position
from kiosk.signup.answers import queue_declined_notice
from kiosk.signup.notices import enqueue_notice, overruled_notice
from kiosk.signup.registration import (
    ActOrigin,
    SignupProblem,
    SignupRefused,
    cancel,
    record_refused_act,
    sign_up,
)
from kiosk.signup.tables import NoticeKind, SignupAct, SignupAction, SignupOutcome
from kiosk.sync.collect import _central_items
from kiosk.sync.keys import EVENT, PERSON, REGISTRATION, table_of
from kiosk.sync.push import CentralIds, Conflict, Sent, _when

ORDER, LINE, LINE_EVENT = table_of(CollectOrder), table_of(OrderLine), table_of(LineEvent)
ACT = table_of(SignupAct)

OUTCOME_WORDS: Final = {
    SignupOutcome.CONFIRMED: "place réservée",
    SignupOutcome.WAITING_LIST: "liste d’attente",
    SignupOutcome.CANCELLED: "annulée",
    SignupOutcome.REFUSED: "refusée",
}
PROBLEM_WORDS: Final = {
    SignupProblem.UNKNOWN_EVENT: "événement inconnu",
    SignupProblem.UNKNOWN_PERSON: "personne inconnue",
    SignupProblem.ALREADY_STARTED: "l’événement avait commencé",
    SignupProblem.NOT_FOR_VISITORS: "événement réservé aux agents",
    SignupProblem.INACTIVE: "compte inactif",
    SignupProblem.NOT_SIGNED_UP: "pas d’inscription à annuler",
}


def _replaying(cc: Connection) -> Session:
    """A session inside the push's central transaction: the services' own commits and
    rollbacks only end a savepoint, the batch commits (or not) as a whole."""
    return Session(bind=cc, join_transaction_mode="create_savepoint", expire_on_commit=False)


# --- requests -------------------------------------------------------------------------------


def send_requests(
    cc: Connection, ids: CentralIds, rows: Sequence[RowMapping], lc: Connection
) -> Sent:
    """Requests made here (one-line kiosk orders), placed centrally as if made then."""
    kiosk = ids.kiosk(cc)
    people = ids.people(cc, [r["person_id"] for r in rows])
    lines = {
        line["order_id"]: line
        for line in lc.execute(
            select(LINE).where(LINE.c.order_id.in_([r["id"] for r in rows]), LINE.c.line_no == 1)
        ).mappings()
    }
    items = _central_items(cc, lc, {line["item_id"] for line in lines.values()})
    known = set(
        cc.scalars(select(ORDER.c.nonce).where(ORDER.c.nonce.in_([r["nonce"] for r in rows])))
    )
    conflicts: list[Conflict] = []
    new = 0
    for r in rows:
        line = lines.get(r["id"])
        if line is None:
            continue
        if r["nonce"] not in known:
            item = items.get(line["item_id"])
            if item is None:
                conflicts.append(
                    Conflict(
                        f"collect_order:{r['nonce']}",
                        "collect_order",
                        r["placed_at"],
                        f"Demande {r['reference']} faite ici {_when(r['placed_at'])} : article "
                        "inconnu de la base centrale, non reprise",
                        r["person_id"],
                    )
                )
                continue
            request = NewRequest(
                person_id=people[r["person_id"]],
                item_id=item,
                quantity=line["quantity"],
                note=r["note"],
                kiosk_id=kiosk,
                nonce=r["nonce"],
            )
            with _replaying(cc) as session:
                try:
                    place_request(session, request, r["placed_at"], enqueue_slip=False)
                except RequestRefused as refused:
                    session.rollback()  # the savepoint: place_request may have locked only
                    # Declined when the central base decides, not when it was asked: the
                    # pull then brings it down however long the tour stayed offline.
                    decided = max(ids.now or r["placed_at"], r["placed_at"])
                    placed = record_refused_request(
                        session, request, refused.refusal, r["placed_at"], decided_at=decided
                    )
                    queue_declined_notice(session, placed.line_id, decided)
                session.commit()
            new += 1
    conflicts += _declined_at_replay(cc, rows)
    return Sent(new, conflicts, rows[-1]["id"])


def _declined_at_replay(cc: Connection, rows: Sequence[RowMapping]) -> list[Conflict]:
    """The pushed requests the central base declined at their replay (worked out from the
    central rows, so a batch sent again reports them again: the conflict table keeps one)."""
    local = {r["nonce"]: r for r in rows}
    found = cc.execute(
        select(ORDER.c.nonce, LINE.c.decline_reason)
        .join(LINE, LINE.c.order_id == ORDER.c.id)
        .join(LINE_EVENT, LINE_EVENT.c.line_id == LINE.c.id)
        .where(
            ORDER.c.nonce.in_(list(local)),
            LINE_EVENT.c.to_status == LineStatus.DECLINED,
            LINE_EVENT.c.actor == Actor.SYSTEM,
        )
    ).all()
    return [
        Conflict(
            f"collect_order:{nonce}",
            "collect_order",
            local[nonce]["placed_at"],
            f"Demande {local[nonce]['reference']} faite ici {_when(local[nonce]['placed_at'])} "
            f": {reason or 'refusée par la base centrale'}",
            local[nonce]["person_id"],
        )
        for nonce, reason in found
    ]


# --- sign-ups -------------------------------------------------------------------------------


def send_signup_acts(
    cc: Connection, ids: CentralIds, rows: Sequence[RowMapping], lc: Connection
) -> Sent:
    """Sign-ups and cancellations made here, in the order they were made, each decided again
    centrally (places counted there) and kept there with the central outcome. A visitor's
    sign-up keeps its source (the visitor form): the rules for visitors apply there too."""
    visitors = set(
        lc.scalars(
            select(PERSON.c.id).where(
                PERSON.c.id.in_({r["person_id"] for r in rows}),
                PERSON.c.kind == PersonKind.VISITOR,
            )
        )
    )
    kiosk = ids.kiosk(cc)
    people = ids.people(cc, [r["person_id"] for r in rows])
    events = ids.events(cc, [r["event_id"] for r in rows])
    nonces = [r["nonce"] for r in rows]
    known = set(cc.scalars(select(ACT.c.nonce).where(ACT.c.nonce.in_(nonces))))
    replayed: list[tuple[RowMapping, int, int]] = []
    for r in rows:  # one by one and in order: a sign-up and its cancellation may share a batch
        if r["nonce"] in known:
            continue
        person, event = people[r["person_id"]], events[r["event_id"]]
        origin = ActOrigin(kiosk, r["nonce"])
        action = SignupAction(r["action"])
        with _replaying(cc) as session:
            try:
                if action is SignupAction.SIGN_UP:
                    source = (
                        RegistrationSource.VISITOR_FORM
                        if r["person_id"] in visitors
                        else RegistrationSource.KIOSK
                    )
                    sign_up(session, person, event, r["at"], source=source, act=origin,
                            reference=r["reference"])  # fmt: skip
                else:
                    cancel(session, person, event, r["at"], act=origin)
            except SignupRefused as refused:  # rolled back by the service: keep the act
                record_refused_act(session, origin, person, event, action, r["at"],
                                   refused.problem)  # fmt: skip
                session.commit()
        replayed.append((r, person, event))
    with _replaying(cc) as session:  # once the batch is replayed: its later acts count too
        for n, (r, person, event) in enumerate(replayed):
            if any(later[1:] == (person, event) for later in replayed[n + 1 :]):
                continue  # the person acted again on it here: the last act is what counts
            _tell_if_overruled(session, r, person, event)
        session.commit()
    central = {
        nonce: (SignupOutcome(outcome), detail)
        for nonce, outcome, detail in cc.execute(
            select(ACT.c.nonce, ACT.c.outcome, ACT.c.detail).where(ACT.c.nonce.in_(nonces))
        )
    }
    conflicts = [
        conflict
        for r in rows
        if (conflict := _signup_conflict(r, *central[r["nonce"]])) is not None
    ]
    return Sent(len(replayed), conflicts, rows[-1]["id"])


def _tell_if_overruled(session: Session, r: RowMapping, person: int, event_id: int) -> None:
    """Queue the message telling the person the central word, when the slip said more (in the
    push's central transaction: the decision and its message commit together). Not when the
    person has cancelled since (a later act of the batch): nothing is left to tell."""
    act = session.scalars(select(SignupAct).where(SignupAct.nonce == r["nonce"])).one()
    if _signup_conflict(r, act.outcome, act.detail) is None:
        return
    event = session.get_one(Event, event_id)
    registration = session.scalars(
        select(Registration).where(
            Registration.event_id == event_id, Registration.person_id == person
        )
    ).first()
    position: int | None = None
    why: str | None = None
    if act.outcome is SignupOutcome.WAITING_LIST:
        if registration is None or registration.status is not RegistrationStatus.WAITING_LIST:
            return  # cancelled since, or promoted meanwhile
        position = waiting_position(session, registration)
    else:
        problem = SignupProblem(act.detail) if act.detail in set(SignupProblem) else None
        why = PROBLEM_WORDS[problem] if problem else "décision de la base centrale"
    subject, body = overruled_notice(event, position, why)
    enqueue_notice(
        session,
        kind=NoticeKind.OVERRULED,
        key=f"overruled:{r['nonce']}",
        person_id=person,
        subject=subject,
        body=body,
        now=act.at,
    )


def _signup_conflict(r: RowMapping, outcome: SignupOutcome, detail: str) -> Conflict | None:
    """A person told more here than the central base gives: staff must know (the person reads
    the central word in « Mon espace » after the pull). Better news (a place instead of the
    waiting list) and a cancellation of nothing are no conflict."""
    told = SignupOutcome(r["outcome"])
    if outcome is told or r["action"] == SignupAction.CANCEL:
        return None
    if told is SignupOutcome.WAITING_LIST and outcome is SignupOutcome.CONFIRMED:
        return None
    what = f"{OUTCOME_WORDS[outcome]} dans la base centrale"
    if outcome is SignupOutcome.REFUSED and detail in set(SignupProblem):
        what = f"refusée par la base centrale ({PROBLEM_WORDS[SignupProblem(detail)]})"
    return Conflict(
        f"signup_act:{r['nonce']}",
        "signup_act",
        r["at"],
        f"Inscription faite ici {_when(r['at'])} ({OUTCOME_WORDS[told]}) : {what}",
        r["person_id"],
        r["event_id"],
    )


# --- refusals, pulled back ------------------------------------------------------------------


def refusals_query(start: datetime) -> Select[Any]:
    """Sign-ups the central base refused, for the events a tour kiosk holds (few: a refusal
    is only ever recorded when a replay is refused)."""
    return (
        select(ACT.c.id, ACT.c.nonce, ACT.c.detail)
        .join(EVENT, EVENT.c.id == ACT.c.event_id)
        .where(
            ACT.c.action == SignupAction.SIGN_UP,
            ACT.c.outcome == SignupOutcome.REFUSED,
            EVENT.c.ends_at >= start,
        )
    )


def apply_refusals(lc: Connection, rows: Sequence[RowMapping]) -> int:
    """This kiosk's sign-ups among ``rows`` take the central refusal; the registration each
    made is cancelled, unless the person acted on that event here since (the later act goes
    up, and the central word on it comes down). Returns how many acts changed."""
    central = {r["nonce"]: r["detail"] for r in rows}
    acts = (
        lc.execute(
            select(ACT).where(
                ACT.c.nonce.in_(list(central)), ACT.c.outcome != SignupOutcome.REFUSED
            )
        )
        .mappings()
        .all()
    )
    for act in acts:
        lc.execute(
            update(ACT)
            .where(ACT.c.id == act["id"])
            .values(outcome=SignupOutcome.REFUSED, detail=central[act["nonce"]])
        )
        later = lc.scalar(
            select(ACT.c.id).where(
                ACT.c.person_id == act["person_id"],
                ACT.c.event_id == act["event_id"],
                ACT.c.id > act["id"],
            )
        )
        if later is None:
            lc.execute(
                update(REGISTRATION)
                .where(
                    REGISTRATION.c.event_id == act["event_id"],
                    REGISTRATION.c.person_id == act["person_id"],
                    REGISTRATION.c.reference == act["reference"],
                    REGISTRATION.c.status != RegistrationStatus.CANCELLED,
                )
                .values(status=RegistrationStatus.CANCELLED, waiting_since=None,
                        status_at=act["at"])
            )  # fmt: skip
    return len(acts)


__all__ = [
    "ACT",
    "ORDER",
    "REPLAY_REASONS",
    "apply_refusals",
    "refusals_query",
    "send_requests",
    "send_signup_acts",
]

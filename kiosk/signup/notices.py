"""The notifications outbox: queue a message in the transaction that decided it, send it later.

Queueing (:func:`enqueue_notice`) happens in the caller's transaction, so a promotion from the
waiting list and its message commit or roll back together. Sending (:func:`deliver_due`) runs
on a worker: each row is claimed for a lease in its own short transaction (two kiosks' workers
never take the same row), handed to the :class:`~kiosk.ports.MailTransport` outside any
transaction, then marked sent. A server that is down leaves the row pending, retried with a
growing delay; the ``Message-ID`` is the row's, so the rare resend after a crash between the
server's acceptance and the commit is recognisable as the same message.

Messages are written in French (the council's working language) when queued: what was true
then (the event, the reason) is what the person reads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.collect.ready import ready_orders
from kiosk.db.engine import begin_as_writer
from kiosk.db.models import Event, Person
from kiosk.domain import PARIS
from kiosk.ports import MailTransport, MailUnavailable, OutgoingMail
from kiosk.signup.tables import Notice, NoticeKind, NoticeState

log = logging.getLogger(__name__)

LEASE: Final = timedelta(minutes=2)  # a worker that died while sending frees its rows then
FIRST_RETRY: Final = timedelta(seconds=30)
MAX_RETRY: Final = timedelta(hours=1)
BATCH: Final = 20
SIGNATURE: Final = "\n\n--\nLe Smart Corner du Département\n(message automatique de la borne)"
DAYS_FR: Final = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS_FR: Final = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def french_moment(at: datetime) -> str:
    """« mercredi 20 mai à 10 h 30 », Paris time."""
    local = at.astimezone(PARIS)
    return (
        f"{DAYS_FR[local.weekday()]} {local.day} {MONTHS_FR[local.month - 1]} "
        f"à {local.hour}\u00a0h\u00a0{local.minute:02d}"
    )


def promotion_notice(event: Event, reference: str, *, visitor: bool = False) -> tuple[str, str]:
    """``visitor``: an external visitor has no badge nor « Mon espace »: their slip's QR code
    or their name at the desk, and the desk to cancel."""
    subject = f"Une place s’est libérée\u202f: {event.title}"
    door, cancel = (
        (
            "Le jour venu, présentez le code QR de votre ticket à la borne de l’entrée, ou "
            "donnez votre nom à l’accueil.",
            "Prévenez l’accueil du Smart Corner",
        )
        if visitor
        else (
            "Le jour venu, passez votre badge sur la borne à l’entrée de la salle.",
            "Annulez depuis « Mon espace » sur une borne du Smart Corner",
        )
    )
    body = (
        "Bonjour,\n\n"
        f"Une place s’est libérée pour « {event.title} », le {french_moment(event.starts_at)}. "
        "Vous étiez sur la liste d’attente\u202f: la place est à vous.\n\n"
        f"Référence d’inscription\u202f: {reference}\n"
        f"{door}\n"
        f"Vous ne pouvez plus venir\u202f? {cancel}, la place ira à la personne suivante."
    )
    return subject, body + SIGNATURE


def ready_notice(
    order_reference: str, items: list[str], ready_until: datetime | None
) -> tuple[str, str]:
    subject = f"Votre commande {order_reference} est prête"
    lines = "\n".join(f"  • {item}" for item in items)
    until = (
        f"\nElle vous attend jusqu’au {french_moment(ready_until)}."
        if ready_until is not None
        else ""
    )
    body = (
        "Bonjour,\n\n"
        f"Votre commande {order_reference} est prête au Smart Store\u202f:\n{lines}\n{until}\n"
        "Passez votre badge sur la borne « Retrait Click & Collect » pour la retirer."
    )
    return subject, body + SIGNATURE


def declined_notice(order_reference: str, items: list[str], reason: str) -> tuple[str, str]:
    subject = f"Votre demande {order_reference} n’a pas été acceptée"
    lines = "\n".join(f"  • {item}" for item in items)
    body = (
        "Bonjour,\n\n"
        f"Votre demande {order_reference} n’a pas été acceptée\u202f:\n{lines}\n\n"
        f"Motif\u202f: {reason}\n\n"
        "Une question\u202f? Passez au Smart Store ou voyez « Mon espace » sur une borne."
    )
    return subject, body + SIGNATURE


def overruled_notice(event: Event, position: int | None, why: str | None) -> tuple[str, str]:
    """A sign-up made on the Smart Tour offline, decided again centrally: the waiting list at
    ``position`` (``why`` None), or refused for ``why``."""
    if why is None:
        subject = f"Liste d’attente\u202f: {event.title}"
        news = (
            "l’événement était déjà complet\u202f: vous êtes sur la liste d’attente"
            + (f", en position {position}" if position else "")
            + ". Une place se libère\u202f? Elle vous est donnée dans l’ordre d’arrivée, et nous "
            "vous l’écrivons."
        )
    else:
        subject = f"Inscription non retenue\u202f: {event.title}"
        news = f"elle n’a pas pu être retenue ({why})."
    body = (
        "Bonjour,\n\n"
        f"Vous vous êtes inscrit(e) au Smart Tour à « {event.title} », le "
        f"{french_moment(event.starts_at)}, quand la borne était hors ligne. À son retour, "
        f"{news}\n\n"
        "Le reçu imprimé ce jour-là ne vaut donc pas place réservée. Suivez votre inscription "
        "dans « Mon espace » sur une borne du Smart Corner."
    )
    return subject, body + SIGNATURE


def enqueue_notice(
    session: Session,
    *,
    kind: NoticeKind,
    key: str,
    person_id: int,
    subject: str,
    body: str,
    now: datetime,
) -> bool:
    """Queue one message in the caller's transaction; False when ``key`` is already queued.

    The unique key is the guard: a savepoint absorbs the insert that lost a race to another
    kiosk, the caller's transaction goes on.
    """
    if session.scalar(select(Notice.id).where(Notice.key == key)) is not None:
        return False
    notice = Notice(
        key=key,
        kind=kind,
        person_id=person_id,
        subject=subject[:200],
        body=body,
        state=NoticeState.PENDING,
        created_at=now,
        next_try_at=now,
        attempts=0,
    )
    try:
        with session.begin_nested():
            session.add(notice)
    except IntegrityError:
        return False
    return True


READY_LOOKBACK: Final = timedelta(days=14)  # first start: no flood about long-ready orders


def enqueue_ready_orders(session: Session, now: datetime) -> int:
    """Queue a « prête » message for each order that became ready recently; flushes only.

    Called by the worker each round: the unique key makes a second look add nothing.
    """
    queued = 0
    for order in ready_orders(session, since=now - READY_LOOKBACK):
        subject, body = ready_notice(order.reference, list(order.items), order.ready_until)
        queued += enqueue_notice(
            session,
            kind=NoticeKind.READY,
            key=f"ready:{order.order_id}",
            person_id=order.person_id,
            subject=subject,
            body=body,
            now=now,
        )
    return queued


def retry_delay(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min... up to an hour: a server down all night costs little."""
    delay: timedelta = FIRST_RETRY * 2 ** max(attempts - 1, 0)
    return min(delay, MAX_RETRY)


@dataclass(frozen=True)
class DeliveryReport:
    sent: int = 0
    failed: int = 0  # the server did not take them: retried later
    no_address: int = 0


def _claim(session: Session, worker: str, now: datetime) -> list[int]:
    due = session.scalars(
        select(Notice.id)
        .where(
            Notice.state == NoticeState.PENDING,
            Notice.next_try_at <= now,
            or_(Notice.claimed_until.is_(None), Notice.claimed_until < now),
        )
        .order_by(Notice.next_try_at, Notice.id)
        .limit(BATCH)
    ).all()
    # End the read: the compare-and-sets below begin by writing (a deferred transaction that
    # read first could not take the write lock once another kiosk wrote meanwhile).
    session.rollback()
    mine = []
    for notice_id in due:
        taken = session.execute(
            update(Notice)
            .where(
                Notice.id == notice_id,
                Notice.state == NoticeState.PENDING,
                or_(Notice.claimed_until.is_(None), Notice.claimed_until < now),
            )
            .values(claimed_by=worker, claimed_until=now + LEASE)
        )
        if taken.rowcount == 1:  # type: ignore[attr-defined]
            mine.append(notice_id)
    session.commit()
    return mine


def deliver_due(
    sessions: Callable[[], Session],
    transport: MailTransport,
    now: datetime,
    *,
    worker: str,
    domain: str = "smartcorner.local",
) -> DeliveryReport:
    """Send what is due: claim, send outside any transaction, mark sent (or retry later)."""
    with sessions() as session:
        claimed = _claim(session, worker, now)
    sent = failed = no_address = 0
    for notice_id in claimed:
        with sessions() as session:
            row = session.execute(
                select(Notice, Person.email)
                .join(Person, Person.id == Notice.person_id)
                .where(Notice.id == notice_id)
            ).one()
            notice, email = row
            mail = (
                OutgoingMail(
                    to=email,
                    subject=notice.subject,
                    body=notice.body,
                    message_id=f"<notice-{notice.id}-{notice.key.split(':')[0]}@{domain}>",
                )
                if email
                else None
            )
        if mail is None:
            _finish(sessions, notice_id, worker, state=NoticeState.NO_ADDRESS, now=now)
            no_address += 1
            continue
        try:
            transport.send(mail)
        except MailUnavailable as exc:
            log.warning("notice %s not sent, retried later: %s", notice_id, exc)
            _failed(sessions, notice_id, worker, str(exc), now)
            failed += 1
            continue
        _finish(sessions, notice_id, worker, state=NoticeState.SENT, now=now)
        sent += 1
    return DeliveryReport(sent, failed, no_address)


def _finish(
    sessions: Callable[[], Session],
    notice_id: int,
    worker: str,
    *,
    state: NoticeState,
    now: datetime,
) -> None:
    with sessions() as session:
        session.execute(
            update(Notice)
            .where(Notice.id == notice_id, Notice.claimed_by == worker)
            .values(
                state=state,
                sent_at=now if state is NoticeState.SENT else None,
                claimed_until=None,
                attempts=Notice.attempts + 1,
                last_error=None,
            )
        )
        session.commit()


def _failed(
    sessions: Callable[[], Session], notice_id: int, worker: str, error: str, now: datetime
) -> None:
    with sessions() as session:
        begin_as_writer(session)  # reads the claim, then writes
        notice = session.get(Notice, notice_id)
        if notice is None or notice.claimed_by != worker:
            return
        notice.attempts += 1
        notice.next_try_at = now + retry_delay(notice.attempts)
        notice.claimed_until = None
        notice.last_error = error[:300]
        session.commit()


def pending_for(session: Session, person_id: int) -> list[Notice]:
    """What is still to be told to this person (« Mon espace » lists it without a mail server)."""
    return list(
        session.scalars(
            select(Notice)
            .where(Notice.person_id == person_id, Notice.state != NoticeState.SENT)
            .order_by(Notice.created_at)
        )
    )

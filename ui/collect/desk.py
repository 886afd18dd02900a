"""The Click & Collect screens' door to the domain: every call on a worker, answers here.

One worker thread of its own (like check-in's): identification must not wait behind a
programme refresh, and one thread serialises this kiosk's hand-overs, so the SQLite write lock
is only contended by other processes. :meth:`CollectDesk.warm_up` imports the domain, opens
the database, loads the site key and the order-code public keys and finds this kiosk's row,
so the first badge costs what every other costs. A badge's raw UID is hashed the moment it
arrives (on the GUI thread once the key is loaded); only the hash travels on.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ui.tasks import OnError, WorkerDesk

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.orm import Session, sessionmaker

    from kiosk.collect.order_code import OrderCodeVerifier
    from kiosk.collect.pickup import AgentLines, IdentifiedBy, PickupDone
    from kiosk.collect.receipt import PickupRecord
    from kiosk.collect.staff import StaffLine, StaffProof
    from kiosk.ports import Clock
    from kiosk.this_kiosk import KioskRef

log = logging.getLogger(__name__)

SessionFactory = Callable[[], "sessionmaker[Session]"]


@dataclass(frozen=True)
class Identified:
    """Who is in front of the kiosk: set by the first badge or code, cleared at the end."""

    person_id: int
    by: IdentifiedBy


@dataclass(frozen=True)
class StaffMember:
    proof: StaffProof
    name: str  # first name, shown on the staff screen


class NotStaff(Exception):
    """A badge that is not a staff member's: the staff screen stays locked."""


class CollectDesk(WorkerDesk["KioskRef"]):
    WHAT = "Click & Collect"

    def __init__(
        self,
        sessions: SessionFactory,
        clock: Clock,
        *,
        site_key: Callable[[], bytes],
        verifier: Callable[[], OrderCodeVerifier | None],
        kiosk: Callable[[datetime], KioskRef],
        parent: QObject | None = None,
    ) -> None:
        """``sessions``, ``site_key``, ``verifier``, ``kiosk``: called once, on the worker."""
        super().__init__(clock, parent)
        self._open_sessions = sessions
        self._load_key = site_key
        self._load_verifier = verifier
        self._find_kiosk = kiosk
        self._key: bytes | None = None
        self._verifier: OrderCodeVerifier | None = None
        self._kiosk: KioskRef | None = None

    # -- set-up (worker) ------------------------------------------------------------------

    def _open(self) -> KioskRef:
        with self._lock:
            if self._kiosk is not None:
                return self._kiosk
            import kiosk.collect.identify  # the slow part of a first badge: do it here
            import kiosk.collect.pickup  # noqa: F401

            sessions = self._open_sessions()
            self._key = self._load_key()
            self._verifier = self._load_verifier()
            self._sessions = sessions
            self._kiosk = self._find_kiosk(self.clock.now())
            log.info("Click & Collect ready on kiosk %s", self._kiosk.name)
            return self._kiosk

    @property
    def kiosk_name(self) -> str | None:
        return None if self._kiosk is None else self._kiosk.name

    # -- calls (made on the GUI thread, run on the worker) --------------------------------

    def badge_hasher(self, uid: bytes) -> Callable[[], str]:
        """The badge's HMAC: computed now if the key is loaded, else on the worker."""
        from kiosk.identity import badge_hash

        if self._key is not None:
            hashed = badge_hash(self._key, uid)
            return lambda: hashed

        def later() -> str:
            assert self._key is not None
            return badge_hash(self._key, uid)

        return later

    def identify_badge(
        self,
        uid: bytes,
        current: Identified | None,
        on_done: Callable[[AgentLines], None],
        on_error: OnError,
    ) -> None:
        hashed = self.badge_hasher(uid)

        def work(session: Session, _kiosk: KioskRef, now: datetime) -> AgentLines:
            from kiosk.collect.identify import by_badge

            person = None if current is None else current.person_id
            return by_badge(session, hashed(), now, current_person_id=person)

        self.run(work, on_done, on_error)

    def identify_code(
        self,
        payload: str,
        current: Identified | None,
        on_done: Callable[[AgentLines], None],
        on_error: OnError,
    ) -> None:
        def work(session: Session, _kiosk: KioskRef, now: datetime) -> AgentLines:
            from kiosk.collect.identify import by_order_code
            from kiosk.collect.order_code import CodeProblem, OrderCodeRejected

            if self._verifier is None:
                raise OrderCodeRejected(CodeProblem.FORGED, "this kiosk holds no public key")
            claims = self._verifier.verify(payload, now)
            return by_order_code(
                session,
                claims,
                now,
                current_person_id=None if current is None else current.person_id,
                current_by=None if current is None else current.by,
            )

        self.run(work, on_done, on_error)

    def reload(
        self, current: Identified, order_id: int | None, on_done: Callable[[AgentLines], None],
        on_error: OnError,
    ) -> None:  # fmt: skip
        """The same person's lines again (after a refused hand-over: what changed)."""

        def work(session: Session, _kiosk: KioskRef, now: datetime) -> AgentLines:
            from kiosk.collect.pickup import agent_lines
            from kiosk.db.models import Person

            person = session.get(Person, current.person_id)
            assert person is not None
            return agent_lines(session, person, now, identified_by=current.by, order_id=order_id)

        self.run(work, on_done, on_error)

    def hand_over(
        self,
        current: Identified,
        line_ids: tuple[int, ...],
        signature: bytes | None,
        on_done: Callable[[PickupDone], None],
        on_error: OnError,
        *,
        nonce: str | None = None,
    ) -> str:
        """Record the pickup; ``on_done`` only once it is committed. Returns its nonce (a retry
        with the same nonce cannot record it twice)."""
        pickup_nonce = nonce or uuid.uuid4().hex

        def work(session: Session, kiosk: KioskRef, now: datetime) -> PickupDone:
            from kiosk.collect.pickup import HandOverRequest, record_pickup

            session.close()  # record_pickup opens its own transaction
            request = HandOverRequest(
                person_id=current.person_id,
                line_ids=line_ids,
                kiosk_id=kiosk.id,
                nonce=pickup_nonce,
                identified_by=current.by,
                signature=signature,
            )
            assert self._sessions is not None
            return record_pickup(self._sessions, request, now)

        self.run(work, on_done, on_error)
        return pickup_nonce

    # -- staff ----------------------------------------------------------------------------

    def staff_by_badge(
        self, uid: bytes, on_done: Callable[[StaffMember], None], on_error: OnError
    ) -> None:
        hashed = self.badge_hasher(uid)

        def work(session: Session, _kiosk: KioskRef, _now: datetime) -> StaffMember:
            from kiosk.collect.staff import StaffProof, is_staff
            from kiosk.collect.status import Actor
            from kiosk.identity import person_for_badge

            person = person_for_badge(session, hashed())
            if person is None or not is_staff(person):
                raise NotStaff
            return StaffMember(StaffProof(Actor.STAFF_BADGE, person.id), person.first_name)

        self.run(work, on_done, on_error)

    def staff_lines(self, on_done: Callable[[list[StaffLine]], None], on_error: OnError) -> None:
        def work(session: Session, _kiosk: KioskRef, _now: datetime) -> list[StaffLine]:
            from kiosk.collect.staff import lines_to_prepare

            return lines_to_prepare(session)

        self.run(work, on_done, on_error)

    def staff_move(
        self,
        line_id: int,
        proof: StaffProof,
        *,
        ready: bool,
        on_done: Callable[[list[StaffLine]], None],
        on_error: OnError,
        prepared_quantity: int | None = None,
        asset_tag: str | None = None,
        serial: str | None = None,
    ) -> None:
        """Prepared (``ready=False``) or ready; answers with the refreshed work list."""

        def work(session: Session, kiosk: KioskRef, now: datetime) -> list[StaffLine]:
            from kiosk.collect.staff import lines_to_prepare, mark_prepared
            from kiosk.db.engine import begin_as_writer
            from kiosk.signup.answers import mark_line_ready

            begin_as_writer(session)
            if ready:  # the « prête » message is queued in the same transaction
                mark_line_ready(session, line_id, proof, now=now, kiosk_id=kiosk.id)
            else:
                mark_prepared(
                    session, line_id, proof, now=now, kiosk_id=kiosk.id,
                    prepared_quantity=prepared_quantity, asset_tag=asset_tag, serial=serial,
                )  # fmt: skip
            session.commit()
            return lines_to_prepare(session)

        self.run(work, on_done, on_error)

    def staff_answer(
        self,
        line_id: int,
        proof: StaffProof,
        decline_reason: str | None,
        on_done: Callable[[list[StaffLine]], None],
        on_error: OnError,
    ) -> None:
        """A request made at the kiosk approved (``decline_reason`` None) or declined with the
        reason the agent will read; answers with the refreshed work list."""

        def work(session: Session, kiosk: KioskRef, now: datetime) -> list[StaffLine]:
            from kiosk.collect.requests import approve
            from kiosk.collect.staff import lines_to_prepare
            from kiosk.db.engine import begin_as_writer
            from kiosk.signup.answers import decline_request

            begin_as_writer(session)
            if decline_reason is None:
                approve(session, line_id, proof, now=now, kiosk_id=kiosk.id)
            else:
                decline_request(session, line_id, proof, decline_reason, now=now, kiosk_id=kiosk.id)
            session.commit()
            return lines_to_prepare(session)

        self.run(work, on_done, on_error)

    def verify_receipt(
        self, nonce: str, on_done: Callable[[PickupRecord | None], None], on_error: OnError
    ) -> None:
        """The pickup a receipt's QR code stands for (None: no pickup has it, not genuine)."""

        def work(session: Session, _kiosk: KioskRef, _now: datetime) -> PickupRecord | None:
            from kiosk.collect.receipt import find_pickup

            return find_pickup(session, nonce)

        self.run(work, on_done, on_error)

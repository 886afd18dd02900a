"""Event sign-up and « Mon espace »: their door to the database, one worker of their own.

A badge's raw UID is hashed the moment it arrives (once the site key is loaded); only the hash
travels to the worker. The answers come back on the GUI thread through the callbacks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ui.tasks import OnError, WorkerDesk

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from kiosk.people import VisitorForm
    from kiosk.ports import Clock
    from kiosk.signup.myspace import MySpace
    from kiosk.signup.registration import CancelResult, SignupResult, Standing
    from kiosk.this_kiosk import KioskRef

log = logging.getLogger(__name__)


class UnknownBadge(Exception):
    """No person is linked to this badge (staff can link it at the door)."""


class SignupDesk(WorkerDesk["KioskRef"]):
    WHAT = "event sign-up"

    def __init__(
        self,
        sessions: Callable[[], sessionmaker[Session]],
        clock: Clock,
        *,
        site_key: Callable[[], bytes],
        kiosk: Callable[[datetime], KioskRef],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(clock, parent)
        self._open_sessions = sessions
        self._load_key = site_key
        self._find_kiosk = kiosk
        self._key: bytes | None = None
        self._kiosk: KioskRef | None = None

    def _open(self) -> KioskRef:
        with self._lock:
            if self._kiosk is not None:
                return self._kiosk
            import kiosk.signup.myspace  # noqa: F401 (the slow import of a first badge: here)

            self._sessions = self._open_sessions()
            self._key = self._load_key()
            self._kiosk = self._find_kiosk(self.clock.now())
            return self._kiosk

    def _hasher(self, uid: bytes) -> Callable[[], str]:
        from kiosk.identity import badge_hash

        if self._key is not None:
            hashed = badge_hash(self._key, uid)
            return lambda: hashed

        def later() -> str:
            assert self._key is not None
            return badge_hash(self._key, uid)

        return later

    def standing(
        self,
        uid: bytes,
        event_id: int,
        on_done: Callable[[Standing], None],
        on_error: OnError,
    ) -> None:
        """Who this badge is and where they stand for the event; UnknownBadge if nobody."""
        hashed = self._hasher(uid)

        def work(session: Session, _kiosk: KioskRef, _now: datetime) -> Standing:
            from kiosk.identity import person_for_badge
            from kiosk.signup.registration import standing

            person = person_for_badge(session, hashed())
            if person is None:
                raise UnknownBadge
            return standing(session, person, event_id)

        self.run(work, on_done, on_error)

    def sign_up(
        self,
        person_id: int,
        event_id: int,
        lang: str,
        on_done: Callable[[SignupResult], None],
        on_error: OnError,
        *,
        print_slip: bool = True,
    ) -> None:
        def work(session: Session, kiosk: KioskRef, now: datetime) -> SignupResult:
            from kiosk.domain import new_nonce
            from kiosk.signup.registration import ActOrigin, SlipRequest, sign_up

            slip = SlipRequest(kiosk.id, kiosk.name, lang) if print_slip else None
            act = ActOrigin(kiosk.id, new_nonce())  # the Smart Tour replays it centrally
            return sign_up(session, person_id, event_id, now, slip=slip, act=act)

        self.run(work, on_done, on_error)

    def sign_up_visitor(
        self,
        form: VisitorForm,
        event_id: int,
        lang: str,
        on_done: Callable[[SignupResult], None],
        on_error: OnError,
    ) -> None:
        """A visitor without a badge, from the form: recorded and signed up, slip queued."""

        def work(session: Session, kiosk: KioskRef, now: datetime) -> SignupResult:
            from kiosk.domain import new_nonce
            from kiosk.signup.registration import ActOrigin, SlipRequest, sign_up_visitor

            slip = SlipRequest(kiosk.id, kiosk.name, lang)
            act = ActOrigin(kiosk.id, new_nonce())  # the Smart Tour replays it centrally
            return sign_up_visitor(session, form, event_id, now, slip=slip, act=act)

        self.run(work, on_done, on_error)

    def cancel(
        self,
        person_id: int,
        event_id: int,
        on_done: Callable[[CancelResult], None],
        on_error: OnError,
    ) -> None:
        def work(session: Session, kiosk: KioskRef, now: datetime) -> CancelResult:
            from kiosk.domain import new_nonce
            from kiosk.signup.registration import ActOrigin, cancel

            return cancel(session, person_id, event_id, now, act=ActOrigin(kiosk.id, new_nonce()))

        self.run(work, on_done, on_error)

    def my_space_by_badge(
        self, uid: bytes, on_done: Callable[[MySpace], None], on_error: OnError
    ) -> None:
        hashed = self._hasher(uid)

        def work(session: Session, _kiosk: KioskRef, now: datetime) -> MySpace:
            from kiosk.identity import person_for_badge
            from kiosk.signup.myspace import my_space

            person = person_for_badge(session, hashed())
            if person is None:
                raise UnknownBadge
            return my_space(session, person, now)

        self.run(work, on_done, on_error)

    def my_space(
        self, person_id: int, on_done: Callable[[MySpace], None], on_error: OnError
    ) -> None:
        """The same person's space again (after a cancellation)."""

        def work(session: Session, _kiosk: KioskRef, now: datetime) -> MySpace:
            from kiosk.db.models import Person
            from kiosk.signup.myspace import my_space

            return my_space(session, session.get_one(Person, person_id), now)

        self.run(work, on_done, on_error)

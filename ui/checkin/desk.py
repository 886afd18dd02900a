"""The screens' door to the check-in service: every call on a worker of its own, answers here.

Check-ins get their own single worker thread instead of sharing the kiosk's executor: a
verdict must never wait behind a programme refresh or a document search (the paint budget is
100 ms from the scan). One thread also serialises the kiosk's own writes, so the SQLite write
lock is only ever contended by *other* processes.

:meth:`CheckinDesk.warm_up` (after the first paint) imports the domain, opens the database,
loads the site key and the ticket public key, finds this kiosk's row and rehearses a check-in
(nothing recorded), so that the first scan costs what every other scan costs. The raw UID of
a badge is hashed in :meth:`badge_identity`, on the GUI thread, the moment it arrives; only the
hash travels on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kiosk.checkin.place import KioskPlace, place_of
from kiosk.settings import Profile
from ui.tasks import OnError, WorkerDesk

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.orm import Session

    from kiosk.checkin.service import CheckinResult, Identity
    from kiosk.codes import TicketIssuer, TicketVerifier
    from kiosk.ports import Clock
    from kiosk.settings import Settings
    from ui.host import ScreenDeps

log = logging.getLogger(__name__)


SessionFactory = Callable[[], "Session"]


class CheckinDesk(WorkerDesk[KioskPlace]):
    """Runs the check-in service's calls on its worker; ``ready`` once warmed up."""

    WHAT = "check-in"

    def __init__(
        self,
        sessions: Callable[[], SessionFactory],
        clock: Clock,
        *,
        site_key: Callable[[], bytes],
        verifier: Callable[[], TicketVerifier | None],
        place: Callable[[], KioskPlace],
        follows_tour: bool = False,
        parent: QObject | None = None,
    ) -> None:
        """``sessions``, ``site_key``, ``verifier``, ``place``: called once, on the worker.
        ``follows_tour``: the Smart Tour's kiosk, whose site is each day's stop's."""
        super().__init__(clock, parent)
        self._open_sessions = sessions
        self._load_key = site_key
        self._load_verifier = verifier
        self._resolve = place
        self._follows_tour = follows_tour
        self._key: bytes | None = None
        self._verifier: TicketVerifier | None = None
        self._place: KioskPlace | None = None
        self._problem: str | None = None

    # -- set-up ---------------------------------------------------------------------------

    @property
    def place(self) -> KioskPlace | None:
        return self._place

    @property
    def is_ready(self) -> bool:
        return self._place is not None

    def _open(self) -> KioskPlace:
        with self._lock:
            if self._place is not None:
                return self._place
            import kiosk.checkin.service  # the import is the slow part of a first scan: do it here
            import kiosk.identity  # noqa: F401

            sessions = self._open_sessions()
            key = self._load_key()
            verifier = self._load_verifier()
            place = self._resolve()
            self._sessions, self._key, self._verifier = sessions, key, verifier
            self._place = place
            log.info(
                "check-in ready: kiosk %s (id %d, site %d)",
                place.name,
                place.kiosk_id,
                place.site_id,
            )
            return place

    def run[T](
        self,
        work: Callable[[Session, KioskPlace, datetime], T],
        on_done: Callable[[T], None],
        on_error: OnError | None = None,
    ) -> None:
        """As :meth:`WorkerDesk.run`; on the tour kiosk, ``place`` is where today's stop is
        (read at each call: the tour moves on at midnight without a restart)."""
        if not self._follows_tour:
            super().run(work, on_done, on_error)
            return

        def at_the_stop(session: Session, place: KioskPlace, now: datetime) -> T:
            from kiosk.itinerary.stops import follow_stop  # the database layer: on the worker

            site = follow_stop(session, place.kiosk_id, place.site_id, now)
            return work(session, replace(place, site_id=site), now)

        super().run(at_the_stop, on_done, on_error)

    def warm_up(self) -> None:
        """Open everything, then rehearse a check-in on the worker (reads only, rolled back:
        :func:`kiosk.checkin.service.rehearse`), so that the first visitor's scan finds the
        statements compiled and the crypto loaded, and costs what the others cost."""
        super().warm_up()
        self.run(
            self._rehearse,
            lambda outcome: log.debug("check-in rehearsed: %s", outcome),
            lambda exc: log.warning("check-in rehearsal failed: %s", exc),
        )

    def _rehearse(self, session: Session, place: KioskPlace, now: datetime) -> object:
        from kiosk.checkin.service import CheckinContext, rehearse

        context = CheckinContext(site_id=place.site_id, space=place.space, verifier=self._verifier)
        return rehearse(session, context, place.kiosk_id, now)

    # -- on the GUI thread ----------------------------------------------------------------

    def badge_identity(self, uid: bytes) -> Identity | None:
        """The badge as the service knows it (HMAC of the UID); None before warm-up ended."""
        if self._key is None:
            return None
        from kiosk.checkin.service import BadgeIdentity
        from kiosk.identity import badge_hash

        return BadgeIdentity(badge_hash(self._key, uid))

    def badge_hash(self, uid: bytes) -> str | None:
        identity = self.badge_identity(uid)
        return getattr(identity, "badge_hash", None)

    def check_in(
        self,
        identity: Identity | Callable[[], Identity],
        on_done: Callable[[CheckinResult], None],
        on_error: OnError | None = None,
        *,
        event_id: int | None = None,
        nonce: str | None = None,
    ) -> None:
        """One scan: self check-in (``event_id`` None) or the door of ``event_id``."""
        import uuid

        scan_nonce = nonce or uuid.uuid4().hex

        def work(session: Session, place: KioskPlace, now: datetime) -> CheckinResult:
            from kiosk.checkin.service import CheckinContext, check_in

            who = identity() if callable(identity) else identity
            context = CheckinContext(
                site_id=place.site_id,
                event_id=event_id,
                space=place.space,
                verifier=self._verifier,
            )
            return check_in(session, who, context, place.kiosk_id, now, scan_nonce)

        self.run(work, on_done, on_error)

    def walk_in(
        self,
        person_id: int,
        event_id: int,
        on_done: Callable[[CheckinResult], None],
        on_error: OnError | None = None,
        *,
        staff_id: int | None = None,
    ) -> None:
        import uuid

        nonce = uuid.uuid4().hex

        def work(session: Session, place: KioskPlace, now: datetime) -> CheckinResult:
            from kiosk.checkin.service import register_walk_in

            return register_walk_in(
                session, person_id, event_id, place.kiosk_id, now, nonce, staff_id=staff_id
            )

        self.run(work, on_done, on_error)

    def hash_badge_later(self, uid: bytes) -> Callable[[], Identity]:
        """For a badge tapped before warm-up ended: hash it on the worker, once the key is in."""

        def identity() -> Identity:
            from kiosk.checkin.service import BadgeIdentity
            from kiosk.identity import badge_hash

            assert self._key is not None
            return BadgeIdentity(badge_hash(self._key, uid))

        return identity


def _site_key(settings: Settings) -> bytes:
    from kiosk.identity import load_site_key

    return load_site_key(settings.site_key_path)


def _verifier(settings: Settings) -> TicketVerifier | None:
    from kiosk.codes import TicketVerifier, load_public_keys

    path = settings.ticket_public_key_path
    if not path.exists():
        log.warning("no ticket public key at %s: this kiosk cannot read ticket codes", path)
        return None
    return TicketVerifier(load_public_keys(path))


def load_issuer(settings: Settings) -> TicketIssuer | None:
    """The ticket signer, on the one kiosk that holds the private key (visitor passes then
    carry a real ticket); elsewhere None."""
    path = settings.ticket_private_key_path
    if not path.exists():
        return None
    from kiosk.codes import TicketIssuer, load_private_key

    return TicketIssuer(load_private_key(path))


def make_desk(deps: ScreenDeps, parent: QObject | None) -> CheckinDesk:
    """A check-in desk on the kiosk's database, for this kiosk's row."""
    database, settings, clock = deps.database, deps.settings, deps.clock
    return CheckinDesk(
        database.session_factory,
        clock,
        site_key=lambda: _site_key(settings),
        verifier=lambda: _verifier(settings),
        place=lambda: place_of(database.this_kiosk(clock.now())),
        follows_tour=settings.profile is Profile.TOUR,
        parent=parent,
    )

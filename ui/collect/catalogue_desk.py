"""The « Catalogue de services » screens' door to the domain: every call on the Click & Collect
worker (:class:`~ui.collect.desk.CollectDesk`), answers back here on the GUI thread.

A request is recorded with a nonce made when the agent opens it, so a retry after a lost
answer cannot record it twice; the answer comes only once it is committed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ui.collect.desk import CollectDesk
from ui.tasks import OnError

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.orm import Session

    from kiosk.collect.catalogue import Catalogue
    from kiosk.collect.requests import RequestPlaced
    from kiosk.this_kiosk import KioskRef


class UnknownBadge(Exception):
    """A badge linked to nobody: the catalogue stays anonymous."""


@dataclass(frozen=True)
class RequestDraft:
    person_id: int
    item_id: int
    quantity: int
    note: str
    nonce: str


def new_draft(person_id: int, item_id: int) -> RequestDraft:
    return RequestDraft(person_id, item_id, 1, "", uuid.uuid4().hex)


class CatalogueDesk(CollectDesk):
    WHAT = "Catalogue de services"

    def catalogue(
        self, person_id: int | None, on_done: Callable[[Catalogue], None], on_error: OnError
    ) -> None:
        """The catalogue of this kiosk's site; with ``person_id``, what that agent may ask."""

        def work(session: Session, kiosk: KioskRef, now: datetime) -> Catalogue:
            from kiosk.collect.catalogue import catalogue

            return catalogue(session, kiosk.site_id, now, person_id=person_id)

        self.run(work, on_done, on_error)

    def identify(self, uid: bytes, on_done: Callable[[Catalogue], None], on_error: OnError) -> None:
        """The badge's agent and the catalogue in their eyes (raises UnknownBadge)."""
        hashed = self.badge_hasher(uid)

        def work(session: Session, kiosk: KioskRef, now: datetime) -> Catalogue:
            from kiosk.collect.catalogue import catalogue
            from kiosk.identity import person_for_badge

            person = person_for_badge(session, hashed())
            if person is None:
                raise UnknownBadge
            return catalogue(session, kiosk.site_id, now, person_id=person.id)

        self.run(work, on_done, on_error)

    def place(
        self, draft: RequestDraft, on_done: Callable[[RequestPlaced], None], on_error: OnError
    ) -> None:
        def work(session: Session, kiosk: KioskRef, now: datetime) -> RequestPlaced:
            from kiosk.collect.requests import NewRequest, record_request

            session.close()  # record_request opens its own transaction
            request = NewRequest(
                person_id=draft.person_id,
                item_id=draft.item_id,
                quantity=draft.quantity,
                note=draft.note,
                kiosk_id=kiosk.id,
                nonce=draft.nonce,
            )
            assert self._sessions is not None
            return record_request(self._sessions, request, now)

        self.run(work, on_done, on_error)

    # -- staff ----------------------------------------------------------------------------

    def set_stock(
        self, item_id: int, quantity: int, on_done: Callable[[Catalogue], None], on_error: OnError
    ) -> None:
        """Staff count the units of an item at this site; answers with the catalogue."""

        def work(session: Session, kiosk: KioskRef, now: datetime) -> Catalogue:
            from kiosk.collect.catalogue import catalogue
            from kiosk.collect.stock import SET_BY_STAFF, set_count
            from kiosk.db.engine import begin_as_writer

            begin_as_writer(session)
            set_count(session, kiosk.site_id, item_id, quantity, now=now, by=SET_BY_STAFF)
            session.commit()
            return catalogue(session, kiosk.site_id, now)

        self.run(work, on_done, on_error)

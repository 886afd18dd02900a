"""The door's database calls, each run on the check-in desk's worker, answers on the GUI thread.

Typed wrappers over :mod:`kiosk.checkin.door_operations` so that the screen holds no SQL and no
lambdas over sessions; the time of each call is the moment it was made (see ``WorkerDesk.run``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from kiosk.checkin import door_operations as ops
from kiosk.checkin.door import Roster
from kiosk.checkin.place import KioskPlace
from kiosk.checkin.service import CheckinResult
from kiosk.codes import TicketIssuer
from ui.checkin.desk import CheckinDesk
from ui.checkin.usb_media import export_folder
from ui.tasks import OnError


class DoorCalls:
    def __init__(self, desk: CheckinDesk, on_error: OnError) -> None:
        self._desk = desk
        self._on_error = on_error

    def events(self, on_done: Callable[[list[ops.EventChoice]], None]) -> None:
        self._desk.run(ops.events_to_pick, on_done, self._on_error)

    def roster(self, event_id: int, on_done: Callable[[Roster], None]) -> None:
        def work(session: Session, _place: KioskPlace, _now: datetime) -> Roster:
            return ops.load_roster(session, event_id)

        self._desk.run(work, on_done, self._on_error)

    def state(self, event_id: int, on_done: Callable[[ops.DoorState], None]) -> None:
        def work(session: Session, place: KioskPlace, _now: datetime) -> ops.DoorState:
            return ops.door_state(session, place, event_id)

        self._desk.run(work, on_done, self._on_error)

    def staff(self, badge: str, on_done: Callable[[ops.StaffMember | None], None]) -> None:
        def work(session: Session, _place: KioskPlace, _now: datetime) -> ops.StaffMember | None:
            return ops.staff_for_badge(session, badge)

        self._desk.run(work, on_done, self._on_error)

    def check_in_person(
        self,
        person_id: int,
        event_id: int,
        staff_id: int | None,
        on_done: Callable[[CheckinResult], None],
    ) -> None:
        def work(session: Session, place: KioskPlace, now: datetime) -> CheckinResult:
            return ops.check_in_person(
                session, place, now, person_id=person_id, event_id=event_id, staff_id=staff_id
            )

        self._desk.run(work, on_done, self._on_error)

    def link_and_check_in(
        self,
        badge: str,
        person_id: int,
        event_id: int,
        staff_id: int | None,
        on_done: Callable[[ops.LinkOutcome], None],
    ) -> None:
        def work(session: Session, place: KioskPlace, now: datetime) -> ops.LinkOutcome:
            return ops.link_and_check_in(
                session, place, now, badge_hash=badge, person_id=person_id,
                event_id=event_id, staff_id=staff_id,
            )  # fmt: skip

        self._desk.run(work, on_done, self._on_error)

    def undo(self, checkin_id: int, staff_id: int | None, on_done: Callable[[bool], None]) -> None:
        def work(session: Session, place: KioskPlace, now: datetime) -> bool:
            return ops.undo(session, place, now, checkin_id=checkin_id, staff_id=staff_id)

        self._desk.run(work, on_done, self._on_error)

    def admit_visitor(
        self,
        form: ops.VisitorForm,
        event_id: int,
        staff_id: int | None,
        issuer: Callable[[], TicketIssuer | None],
        on_done: Callable[[ops.PassOutcome], None],
    ) -> None:
        def work(session: Session, place: KioskPlace, now: datetime) -> ops.PassOutcome:
            return ops.admit_visitor(
                session, place, now, form=form, event_id=event_id, staff_id=staff_id,
                issuer=issuer(),
            )  # fmt: skip

        self._desk.run(work, on_done, self._on_error)

    def export(
        self,
        event_id: int,
        configured: Path | None,
        on_done: Callable[[ops.ExportOutcome | None], None],
    ) -> None:
        """The attendance on the stick (None: no stick); looked for on the worker too: a stick
        that hangs must not freeze the screen."""

        def work(session: Session, _place: KioskPlace, now: datetime) -> ops.ExportOutcome | None:
            folder = export_folder(configured)
            return None if folder is None else ops.export_to(session, event_id, folder, now)

        self._desk.run(work, on_done, self._on_error)

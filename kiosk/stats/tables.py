"""Counts the statistics keep instead of recounting them (migration 0019 creates them).

``event_tally``: per event, its check-ins, confirmed registrations, registered people checked
in, and answers to « Comment était … ? » with the sum of their faces. The quarter dashboard used
to count them from the indexes, event by event, for two quarters: about 280 of its 500 ms on a
million check-ins. Database triggers on ``attendance``, ``registration`` and ``event_feedback``
keep them in the same transaction as every write, whichever code makes it (check-in and its
undo, sign-ups, cancellations, promotions, answers, imports, the Smart Tour's sync, RGPD
purges, cascades), so no writer can forget.

Keyed by the event id the rows carry, with no foreign key: the counts follow the rows, so the
Smart Tour's renumbering of an event (references first, then the event) moves them as the rows
move. An event without a row here has no check-in, no confirmed registration and no answer.

``event_kiosk_tally`` and ``event_direction_tally``: per event, its check-ins by kiosk and by
the direction recorded at check-in (rows that recorded none are left out: the statistics count
them for the person's current direction, which these triggers cannot follow). Rows whose count
went back to zero may stay: readers skip them.

``visit_tally``: visits of the spaces per Paris month (``YYYY-MM`` of the visit's day), space,
site and kiosk, kept by triggers on ``space_visit``: a quarter is three months, so the
dashboard reads a few thousand rows instead of grouping the quarter's visits.

A SQLite migration that rebuilds one of those four tables (``batch_alter_table``) drops its
triggers: it must create them again (tests/kiosk/stats/test_event_tally.py fails otherwise).
"""

from __future__ import annotations

from sqlalchemy import Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.db.models import Base


class EventTally(Base):
    __tablename__ = "event_tally"

    event_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    attended: Mapped[int] = mapped_column(server_default=text("0"))  # checked in
    registered: Mapped[int] = mapped_column(server_default=text("0"))  # confirmed
    present: Mapped[int] = mapped_column(server_default=text("0"))  # confirmed and checked in
    answers: Mapped[int] = mapped_column(server_default=text("0"))  # « Comment était … ? »
    score_sum: Mapped[int] = mapped_column(server_default=text("0"))  # their faces, 1 to 4


class EventKioskTally(Base):
    __tablename__ = "event_kiosk_tally"
    __table_args__ = ({"sqlite_with_rowid": False},)  # rows stored in (event, …) order

    event_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    kiosk_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    attended: Mapped[int] = mapped_column(server_default=text("0"))


class EventDirectionTally(Base):
    __tablename__ = "event_direction_tally"
    __table_args__ = ({"sqlite_with_rowid": False},)  # rows stored in (event, …) order

    event_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    direction_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    attended: Mapped[int] = mapped_column(server_default=text("0"))


class VisitTally(Base):
    __tablename__ = "visit_tally"
    __table_args__ = ({"sqlite_with_rowid": False},)  # rows stored in (month, …) order

    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # Paris calendar, YYYY-MM
    space: Mapped[str] = mapped_column(String(32), primary_key=True)
    site_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    kiosk_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    visits: Mapped[int] = mapped_column(server_default=text("0"))

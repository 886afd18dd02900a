"""Fleet health tables: the heartbeat of each kiosk, its bounded history, the incidents.
Migration: ``0009_fleet.py`` (keep both in step; a test compares them).

The heartbeat's details are one JSON document (:class:`kiosk.fleet.heartbeat.KioskState`):
devices come and go and each carries its own fields, and the rules read it whole, while the
columns the database must index or constrain (who, when, which incident is open) are real
columns.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.db.models import Base


class KioskHeartbeat(Base):
    """The last word of one kiosk, updated in place: one row per kiosk."""

    __tablename__ = "kiosk_heartbeat"

    kiosk_id: Mapped[int] = mapped_column(
        ForeignKey("kiosk.id", ondelete="CASCADE"), primary_key=True
    )
    at: Mapped[datetime]  # when the kiosk wrote it (its own clock)
    state: Mapped[str] = mapped_column(Text)  # KioskState as JSON


class HeartbeatHistory(Base):
    """Earlier heartbeats, kept ``fleet_history_days`` days (the statistics read them)."""

    __tablename__ = "heartbeat_history"
    __table_args__ = (Index(None, "kiosk_id", "at"), Index(None, "at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    kiosk_id: Mapped[int] = mapped_column(ForeignKey("kiosk.id", ondelete="CASCADE"))
    at: Mapped[datetime]
    problems: Mapped[str] = mapped_column(String(200))  # the kinds wrong then, comma-separated


class FleetIncident(Base):
    """One problem of one kiosk, from the moment a rule saw it until it cleared.

    ``open_key`` is ``"<kiosk id>:<kind>"`` while the incident is open and NULL once closed:
    its unique constraint lets only one open incident exist per kiosk and kind, so any live
    kiosk may open another's "silent" incident and the first one wins. The ticket columns are
    the help-desk outbox: ``to_open`` -> ``opened`` (GLPI's ticket id, or the journal) and,
    once the incident is closed, ``to_close`` -> ``closed`` (a follow-up, then solved).
    """

    __tablename__ = "fleet_incident"
    __table_args__ = (Index(None, "kiosk_id", "opened_at"), Index(None, "ticket_state"))

    id: Mapped[int] = mapped_column(primary_key=True)
    kiosk_id: Mapped[int] = mapped_column(ForeignKey("kiosk.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))  # kiosk.fleet.rules.IncidentKind
    open_key: Mapped[str | None] = mapped_column(String(48), unique=True)
    nonce: Mapped[str] = mapped_column(String(32), unique=True)  # the ticket's reference
    since: Mapped[datetime]  # when the problem began (the heartbeat's account)
    opened_at: Mapped[datetime]  # when a rule saw it past its delay
    closed_at: Mapped[datetime | None]
    opened_by: Mapped[str] = mapped_column(String(32))  # the code of the kiosk that saw it
    detail: Mapped[str] = mapped_column(Text)  # in French, for the help desk
    ticket_state: Mapped[str] = mapped_column(String(16))  # kiosk.fleet.incidents.TicketState
    ticket_id: Mapped[int | None] = mapped_column(Integer)  # GLPI's; None: journal or not yet
    ticket_attempts: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    ticket_due_at: Mapped[datetime]  # next attempt (backoff after a failure)
    ticket_error: Mapped[str | None] = mapped_column(Text)

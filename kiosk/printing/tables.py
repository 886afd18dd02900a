"""The durable print spool: one row per receipt to print, written before it is sent.

The state machine and the rules that keep a job from being printed twice live in
:mod:`kiosk.printing.spool`; this module only declares the table (migration 0002 creates it).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.db.models import Base
from kiosk.db.types import choice
from kiosk.printing.states import PrintJobState


class PrintJob(Base):
    """One receipt in the spool, with its attempts and the reason of its last failure.

    ``transmit_started_at`` is committed just before the first byte leaves for the printer:
    a job found ``sending`` after a crash without it never reached the printer and is simply
    sent again; one with it may have printed, so it is never resent on its own (see
    :func:`kiosk.printing.spool.recover_interrupted`).
    """

    __tablename__ = "print_job"
    __table_args__ = (
        CheckConstraint("attempts >= 0", name="attempts_not_negative"),
        CheckConstraint(
            "state <> 'printed' OR printed_at IS NOT NULL", name="printed_has_printed_at"
        ),
        CheckConstraint("state <> 'sending' OR claimed_by IS NOT NULL", name="sending_has_claimer"),
        Index(None, "state", "next_attempt_at"),
        Index(None, "kiosk_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    nonce: Mapped[str] = mapped_column(String(32), unique=True)
    kiosk_id: Mapped[int | None] = mapped_column(ForeignKey("kiosk.id"))
    kind: Mapped[str] = mapped_column(String(32))  # e.g. help_ticket, checkin_pass, test_page
    ref: Mapped[str | None] = mapped_column(String(64))  # the business record it belongs to
    receipt: Mapped[str] = mapped_column(Text)  # kiosk.printing.spool.receipt_to_json
    state: Mapped[PrintJobState] = mapped_column(choice(PrintJobState, "state"))
    attempts: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    created_at: Mapped[datetime]
    next_attempt_at: Mapped[datetime]
    deadline_at: Mapped[datetime]  # not printed by then: failed (a late ticket is litter)
    claimed_by: Mapped[str | None] = mapped_column(String(32))  # the spooler sending it
    claimed_at: Mapped[datetime | None]
    transmit_started_at: Mapped[datetime | None]
    printed_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]  # printed, failed or cancelled
    last_error_code: Mapped[str | None] = mapped_column(String(32))  # kiosk.printing.spool.Failure
    last_error: Mapped[str | None] = mapped_column(Text)  # technical detail (English), for the log

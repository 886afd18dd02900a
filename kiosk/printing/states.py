"""The life of a print job, as stored codes: what the spool, the spooler and the screens say."""

from __future__ import annotations

import enum


class PrintJobState(enum.StrEnum):
    PENDING = "pending"  # waiting for its turn or for its next attempt
    SENDING = "sending"  # claimed by one spooler, which is talking to the printer
    PRINTED = "printed"  # the printer took every byte: never sent again
    FAILED = "failed"  # stopped; a person decides (retry or cancel) from the admin screen
    CANCELLED = "cancelled"  # a person decided not to print it

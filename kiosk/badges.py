"""What a badge source reports: plain frozen events, produced on a device thread.

A UID is an identifier, not a secret (it can be cloned); services hash it before storing.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class ReaderState(enum.StrEnum):
    READY = "ready"  # a reader is there and watched
    NO_READER = "no_reader"  # the service runs but no (matching) reader is connected
    READER_UNPLUGGED = "reader_unplugged"  # the reader we were watching went away
    SERVICE_DOWN = "service_down"  # the smart-card service (pcscd) is not running
    FAILED = "failed"  # an unexpected error; the source keeps retrying
    STOPPED = "stopped"  # stop() was called


class RefusalReason(enum.StrEnum):
    RANDOM_UID = "random_uid"  # the card gives a new random UID at each tap: it identifies nobody
    READ_FAILED = "read_failed"  # a card is there but its UID could not be read


@dataclass(frozen=True)
class BadgePresented:
    uid: bytes
    reader: str


@dataclass(frozen=True)
class BadgeRemoved:
    reader: str


@dataclass(frozen=True)
class BadgeRefused:
    reason: RefusalReason
    reader: str
    detail: str = ""


@dataclass(frozen=True)
class ReaderStatus:
    state: ReaderState
    detail: str = ""


type BadgeEvent = BadgePresented | BadgeRemoved | BadgeRefused | ReaderStatus


def is_random_uid(uid: bytes) -> bool:
    """ISO 14443-3: a 4-byte UID whose first byte is 0x08 is a random ID (RID), new at each tap."""
    return len(uid) == 4 and uid[0] == 0x08

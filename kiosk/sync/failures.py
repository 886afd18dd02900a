"""Why a sync did not complete, as stable codes (no database import: ui/ words them)."""

from __future__ import annotations

import enum


class SyncFailure(enum.StrEnum):
    """Why the last sync did not complete: a stable code, which ui/ words for the people at
    the kiosk. ``sync_state.error`` keeps it as ``"<code>: <technical detail>"`` (English,
    for the log and support)."""

    UNREACHABLE = "unreachable"  # the central database does not answer (no network?)
    CONNECTION_LOST = "connection_lost"  # it answered, then the connection dropped
    REFUSED = "refused"  # it refused a write
    SCHEMA = "schema"  # its schema is not the one this kiosk expects
    CANCELLED = "cancelled"  # the kiosk stopped between two batches
    SETTINGS = "settings"  # this kiosk's sync settings cannot work


def stored_error(failure: SyncFailure, detail: str) -> str:
    return f"{failure}: {detail}"[:2000]


def parse_error(stored: str | None) -> tuple[SyncFailure | None, str | None]:
    """The code and the detail of a stored error (no code: written by an older kiosk)."""
    if stored is None:
        return None, None
    code, sep, detail = stored.partition(": ")
    if sep and code in {f.value for f in SyncFailure}:
        return SyncFailure(code), detail
    return None, stored

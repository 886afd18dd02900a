"""What a kiosk says of itself in its heartbeat, as one JSON document.

Plain values only (strings, numbers, ISO times), so any kiosk of any version can read any
other's heartbeat: a field a newer kiosk adds is ignored by an older reader, and a field an
older kiosk lacks reads as unknown.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class DeviceState:
    """One device: its state code (``kiosk.ports`` vocabularies) and since when it holds."""

    state: str
    since: datetime | None = None
    detail: str = ""


@dataclass(frozen=True)
class KioskState:
    version: str = ""
    schema: str = ""
    profile: str = ""
    site: str = ""
    started_at: datetime | None = None
    last_interaction_at: datetime | None = None
    # None: the kiosk has no such device configured (simulated, or not used)
    reader: DeviceState | None = None
    printer: DeviceState | None = None
    camera: DeviceState | None = None
    last_scan_at: datetime | None = None
    spool_backlog: int = 0
    spool_failed: int = 0
    spool_oldest_at: datetime | None = None
    syncs: bool = False  # a Smart Tour kiosk that meets a central database
    last_sync_at: datetime | None = None
    sync_waiting: int = 0
    disk_free: int | None = None
    db_checked_at: datetime | None = None  # quick_check (SQLite) or reached (PostgreSQL)
    db_fault: str | None = None  # kiosk.db.health.StorageFault, None when sound
    display_hours: str = ""  # "07:30-19:00"; "" all day
    display_days: str = "all"
    extra: dict[str, Any] = field(default_factory=dict)  # fields from newer kiosks, kept as is


_DEVICES = ("reader", "printer", "camera")


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    return value


def to_json(state: KioskState) -> str:
    data = {k: _encode(v) for k, v in asdict(state).items() if k != "extra"}
    return json.dumps({**state.extra, **data}, ensure_ascii=False, separators=(",", ":"))


def _when(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        return None
    return at if at.tzinfo is not None else None


def _device(value: Any) -> DeviceState | None:
    if not isinstance(value, dict) or not isinstance(value.get("state"), str):
        return None
    return DeviceState(value["state"], _when(value.get("since")), str(value.get("detail") or ""))


def from_json(text: str) -> KioskState:
    """The state in ``text``; what cannot be read is left unknown rather than refused."""
    try:
        data = json.loads(text)
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    known = {f.name: f for f in fields(KioskState) if f.name != "extra"}
    values: dict[str, Any] = {}
    for name, value in data.items():
        if name not in known:
            continue
        default = getattr(KioskState(), name)
        if name in _DEVICES:
            values[name] = _device(value)
        elif name.endswith("_at"):
            values[name] = _when(value)
        elif isinstance(default, bool):
            values[name] = bool(value)
        elif isinstance(default, int) or name == "disk_free":
            values[name] = int(value) if isinstance(value, int | float) else default
        elif name == "db_fault":
            values[name] = str(value) if value else None
        else:
            values[name] = str(value) if value is not None else default
    extra = {k: v for k, v in data.items() if k not in known}
    return KioskState(**values, extra=extra)


class Since:
    """When each named thing entered its current state: "plus de papier depuis 14:02"."""

    def __init__(self) -> None:
        self._seen: dict[str, tuple[str, datetime]] = {}

    def mark(self, name: str, state: str, now: datetime) -> datetime:
        seen = self._seen.get(name)
        if seen is None or seen[0] != state:
            self._seen[name] = (state, now)
            return now
        return seen[1]

"""Writing a kiosk's heartbeat: its row updated in place, a line of history, the old ones pruned.

The running kiosk gathers what only it knows (devices, last visitor, uptime) and passes it in;
what the database knows (print spool, Smart Tour sync, free disk, the database's own check) is
read here, on the heartbeat's worker thread.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.health import check_storage, free_bytes, sqlite_file
from kiosk.fleet.rules import FleetRules, assess
from kiosk.fleet.state import KioskState, from_json, to_json
from kiosk.fleet.tables import HeartbeatHistory, KioskHeartbeat
from kiosk.printing.spool import PrintSpool

log = logging.getLogger(__name__)

DB_CHECK_EVERY = timedelta(hours=24)  # quick_check reads every page: once a day is plenty


@dataclass
class StorageCheck:
    """The database's own check, repeated daily: quick_check on SQLite, a write on PostgreSQL."""

    checked_at: datetime | None = None
    fault: str | None = None

    def due(self, now: datetime) -> bool:
        return self.checked_at is None or now - self.checked_at >= DB_CHECK_EVERY

    def run(self, engine: Engine, now: datetime) -> None:
        health = check_storage(engine)
        self.checked_at, self.fault = now, (str(health.fault) if health.fault else None)


def with_database_facts(
    state: KioskState,
    sessions: sessionmaker[Session],
    kiosk_id: int,
    check: StorageCheck,
    now: datetime,
) -> KioskState:
    """``state`` completed with the spool, the disk and the database check (the Smart Tour's
    sync state comes from the sync, which sits above)."""
    engine = sessions.kw["bind"]
    assert isinstance(engine, Engine)
    summary = PrintSpool(sessions, kiosk_id=kiosk_id).summary()
    if check.due(now):
        check.run(engine, now)
    path = sqlite_file(str(engine.url))
    disk = free_bytes(path.parent) if path is not None else None
    state = replace(
        state,
        spool_backlog=summary.backlog,
        spool_failed=summary.failed,
        spool_oldest_at=summary.oldest_pending_at,
        disk_free=disk,
        db_checked_at=check.checked_at,
        db_fault=check.fault,
    )
    return state


def write_heartbeat(
    session: Session,
    kiosk_id: int,
    state: KioskState,
    now: datetime,
    *,
    rules: FleetRules,
    history_days: int,
) -> None:
    """This kiosk's row updated in place and one history line; the caller commits."""
    row = session.get(KioskHeartbeat, kiosk_id)
    text = to_json(state)
    if row is None:
        session.add(KioskHeartbeat(kiosk_id=kiosk_id, at=now, state=text))
    else:
        row.at, row.state = now, text
    problems = ",".join(sorted(p.kind for p in assess(state, now, now, rules).problems))
    session.add(HeartbeatHistory(kiosk_id=kiosk_id, at=now, problems=problems))
    session.execute(
        delete(HeartbeatHistory).where(
            HeartbeatHistory.kiosk_id == kiosk_id,
            HeartbeatHistory.at < now - timedelta(days=history_days),
        )
    )


def read_heartbeat(session: Session, kiosk_id: int) -> tuple[datetime, KioskState] | None:
    row = session.scalar(select(KioskHeartbeat).where(KioskHeartbeat.kiosk_id == kiosk_id))
    return None if row is None else (row.at, from_json(row.state))


def carry_heartbeat(
    local: Session,
    central: Session,
    local_kiosk_id: int,
    central_kiosk_id: int,
    *,
    rules: FleetRules,
    history_days: int,
) -> bool:
    """A Smart Tour kiosk's last heartbeat, written into the central database at its sync;
    True when the central one was older. The caller commits ``central``."""
    found = read_heartbeat(local, local_kiosk_id)
    if found is None:
        return False
    at, state = found
    there = central.get(KioskHeartbeat, central_kiosk_id)
    if there is not None and there.at >= at:
        return False
    write_heartbeat(central, central_kiosk_id, state, at, rules=rules, history_days=history_days)
    return True

"""Every kiosk of the shared database with its state, for ``smartcorner fleet`` and the
« Parc des bornes » screen: one read, then words (:mod:`kiosk.fleet.words`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.db.models import Kiosk, Site
from kiosk.fleet.rules import Assessment, FleetRules, assess
from kiosk.fleet.state import DeviceState, KioskState, from_json, to_json
from kiosk.fleet.tables import FleetIncident, KioskHeartbeat
from kiosk.fleet.words import TEXTS, ago, days, say, size, when
from kiosk.settings import Language


@dataclass(frozen=True)
class OpenIncident:
    kind: str
    since: datetime
    ticket_id: int | None


@dataclass(frozen=True)
class KioskLine:
    code: str
    name: str
    profile: str
    site: str
    beat_at: datetime | None  # None: never heard from
    state: KioskState | None
    assessment: Assessment | None
    incidents: tuple[OpenIncident, ...]

    @property
    def attention(self) -> bool:
        return bool(self.incidents) or bool(self.assessment and self.assessment.problems)


def fleet_report(session: Session, now: datetime, rules: FleetRules) -> list[KioskLine]:
    rows = session.execute(
        select(Kiosk, Site.name, KioskHeartbeat)
        .join(Site, Site.id == Kiosk.site_id)
        .outerjoin(KioskHeartbeat, KioskHeartbeat.kiosk_id == Kiosk.id)
        .order_by(Kiosk.name, Kiosk.code)
    ).all()
    incidents: dict[int, list[OpenIncident]] = {}
    for incident in session.scalars(
        select(FleetIncident)
        .where(FleetIncident.closed_at.is_(None))
        .order_by(FleetIncident.opened_at)
    ):
        incidents.setdefault(incident.kiosk_id, []).append(
            OpenIncident(incident.kind, incident.since, incident.ticket_id)
        )
    lines = []
    for kiosk, site_name, beat in rows:
        state = from_json(beat.state) if beat is not None else None
        seen = assess(state, beat.at, now, rules) if state is not None else None
        lines.append(
            KioskLine(
                code=kiosk.code,
                name=kiosk.name,
                profile=str(kiosk.profile),
                site=site_name,
                beat_at=beat.at if beat is not None else None,
                state=state,
                assessment=seen,
                incidents=tuple(incidents.get(kiosk.id, ())),
            )
        )
    return lines


@dataclass(frozen=True)
class KioskWords:
    """One kiosk as a person reads it: its name, one status line, then its parts."""

    title: str  # "Smart Store (DEMO-STORE)"
    status: str  # "silencieuse depuis 25 min" | "signe de vie il y a 20 s"
    level: str  # "ok" | "attention" | "silent" | "never": the screen's shape and colour
    details: tuple[str, ...]


def describe(line: KioskLine, now: datetime, lang: Language = Language.FR) -> KioskWords:
    title = f"{line.name} ({line.code})"
    if line.beat_at is None or line.state is None or line.assessment is None:
        return KioskWords(title, say("never", lang), "never", ())
    seen, state = line.assessment, line.state
    since = ago(now - line.beat_at, lang)
    if seen.silent_since is not None and state.syncs:  # a Smart Tour, heard at its syncs
        status = say("synced_seen", lang, ago=since)
        level = "attention" if line.attention else "ok"
    elif seen.silent_since is not None:
        status = say("silent" if seen.open_now else "silent_closed", lang, ago=since)
        level = "silent"
    else:
        status = say("seen", lang, ago=since)
        level = "attention" if line.attention else "ok"
    details = [*_incidents(line, now, lang), *_parts(state, now, lang)]
    return KioskWords(title, status, level, tuple(details))


def _incidents(line: KioskLine, now: datetime, lang: Language) -> list[str]:
    out = []
    for incident in line.incidents:
        ticket = say("ticket", lang, id=incident.ticket_id) if incident.ticket_id else ""
        kind = say("kind." + incident.kind, lang)
        out.append(
            say("incident", lang, kind=kind, at=when(incident.since, now, lang), ticket=ticket)
        )
    return out


def _device(name: str, device: DeviceState | None, now: datetime, lang: Language) -> str:
    if device is None:
        return _pair(say(name, lang), say(f"{name}.simulated", lang), lang)
    code = f"{name}.{device.state}"
    what = say(code, lang) if code in TEXTS else device.state
    if device.state != "ready" and device.since is not None:
        what = say("since", lang, what=what, at=when(device.since, now, lang))
    return _pair(say(name, lang), what, lang)


def _pair(label: str, value: str, lang: Language) -> str:
    return f"{label}{'\u202f' if lang is Language.FR else ''}: {value}"


def _parts(state: KioskState, now: datetime, lang: Language) -> list[str]:
    out = [_device("printer", state.printer, now, lang)]
    if state.spool_backlog and state.spool_oldest_at is not None:
        spool = say(
            "spool.waiting", lang, n=state.spool_backlog, at=when(state.spool_oldest_at, now, lang)
        )
    else:
        spool = say("spool.empty", lang)
    if state.spool_failed:
        spool += ", " + say("spool.failed", lang, n=state.spool_failed)
    out.append(_pair(say("spool", lang), spool, lang))
    out.append(_device("reader", state.reader, now, lang))
    if state.camera is not None:
        out.append(_device("camera", state.camera, now, lang))
    scan = (
        say("scanner.last", lang, at=when(state.last_scan_at, now, lang, phrase=True))
        if state.last_scan_at is not None
        else say("scanner.none", lang)
    )
    out.append(_pair(say("scanner", lang), scan, lang))
    if state.syncs:
        sync = (
            say("sync.last", lang, ago=ago(now - state.last_sync_at, lang), n=state.sync_waiting)
            if state.last_sync_at is not None
            else say("sync.never", lang, n=state.sync_waiting)
        )
        out.append(_pair(say("sync", lang), sync, lang))
    if state.db_fault:
        database = say(f"database.{state.db_fault}", lang)
    elif state.db_checked_at is not None:
        database = say("database.ok", lang, ago=ago(now - state.db_checked_at, lang))
    else:
        database = say("database.unchecked", lang)
    out.append(_pair(say("database", lang), database, lang))
    if state.disk_free is not None:
        out.append(
            _pair(say("disk", lang), say("disk.free", lang, size=size(state.disk_free, lang)), lang)
        )
    visitor = (
        say("visitor.at", lang, at=when(state.last_interaction_at, now, lang, phrase=True))
        if state.last_interaction_at is not None
        else say("visitor.none", lang)
    )
    out.append(_pair(say("visitor", lang), visitor, lang))
    hours = (
        say("hours.line", lang, hours=state.display_hours, days=days(state.display_days, lang))
        if state.display_hours or state.display_days != "all"
        else say("hours.all", lang)
    )
    out.append(_pair(say("hours", lang), hours, lang))
    started = when(state.started_at, now, lang, phrase=True) if state.started_at else "?"
    software = say("software.line", lang, version=state.version, schema=state.schema, at=started)
    out.append(_pair(say("software", lang), software, lang))
    return out


def as_json(line: KioskLine, now: datetime) -> dict[str, Any]:
    """``smartcorner fleet --json``: codes and ISO times, for monitoring scripts."""
    seen = line.assessment
    return {
        "code": line.code,
        "name": line.name,
        "profile": line.profile,
        "site": line.site,
        "last_heard": line.beat_at.isoformat() if line.beat_at else None,
        "seconds_since": round((now - line.beat_at).total_seconds()) if line.beat_at else None,
        "silent": bool(seen and seen.silent_since is not None),
        "attention": line.attention,
        "problems": [p.kind.value for p in seen.problems] if seen else [],
        "incidents": [
            {"kind": i.kind, "since": i.since.isoformat(), "ticket": i.ticket_id}
            for i in line.incidents
        ],
        "state": json.loads(to_json(line.state)) if line.state else None,
    }

"""When a kiosk's state is an incident: the rules, pure (a time in, problems out).

Each rule waits a delay from the settings before it calls a problem an incident, so a printer
whose roll is being changed or a kiosk restarting does not page the help desk; the delays are
settings so the tests run in seconds. A kiosk that has gone silent says nothing new of its
devices: only "silent" is judged then, its other incidents stay as they were.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk.display_schedule import DisplaySchedule, parse_days, parse_hours
from kiosk.domain import PARIS
from kiosk.fleet.state import KioskState
from kiosk.settings import Settings


class IncidentKind(enum.StrEnum):
    SILENT = "silent"  # no heartbeat during opening hours
    PAPER_OUT = "paper_out"
    PRINTER_OFFLINE = "printer_offline"  # offline, unreachable or not answering
    SPOOL_BACKLOG = "spool_backlog"  # receipts waiting too long to print
    SYNC_LATE = "sync_late"  # a Smart Tour kiosk that has not met the central base
    STORAGE = "storage"  # its database is damaged, read-only or its disk full


ALL_KINDS = frozenset(IncidentKind)
PRINTER_DOWN = frozenset({"offline", "unreachable", "silent"})  # kiosk.ports.PrinterState


@dataclass(frozen=True)
class FleetRules:
    silent_after: timedelta = timedelta(minutes=10)
    printer_after: timedelta = timedelta(minutes=5)
    spool_after: timedelta = timedelta(minutes=5)
    sync_max_age: timedelta = timedelta(days=1)

    @classmethod
    def of(cls, settings: Settings) -> FleetRules:
        return cls(
            silent_after=timedelta(seconds=settings.fleet_silent_after),
            printer_after=timedelta(seconds=settings.fleet_printer_after),
            spool_after=timedelta(seconds=settings.fleet_spool_after),
            sync_max_age=timedelta(seconds=settings.fleet_sync_max_age),
        )


@dataclass(frozen=True)
class Problem:
    kind: IncidentKind
    since: datetime  # when it began, as the heartbeat tells it


@dataclass(frozen=True)
class Assessment:
    """What the rules make of one kiosk now: its problems past their delay, and the kinds the
    heartbeat can speak for (a problem of a known kind that is absent has cleared)."""

    problems: tuple[Problem, ...]
    known: frozenset[IncidentKind]
    silent_since: datetime | None  # the last heartbeat, when older than the silent delay
    open_now: bool  # within the kiosk's opening hours


def schedule_of(state: KioskState) -> DisplaySchedule:
    """The kiosk's opening hours as its heartbeat gives them (all day when unreadable)."""
    try:
        return DisplaySchedule(parse_hours(state.display_hours), parse_days(state.display_days))
    except ValueError:
        return DisplaySchedule()


def assess(state: KioskState, beat_at: datetime, now: datetime, rules: FleetRules) -> Assessment:
    open_now = schedule_of(state).is_on(now.astimezone(PARIS))
    if state.syncs:  # a Smart Tour kiosk is heard at its syncs only: "sync late" says it
        open_now = False
    if now - beat_at >= rules.silent_after:
        # Silent: nothing new is known of its devices. Out of hours a kiosk may well be off:
        # no new incident then, but an open one stays open until it speaks again.
        problems = (Problem(IncidentKind.SILENT, beat_at),) if open_now else ()
        known = frozenset({IncidentKind.SILENT}) if open_now else frozenset()
        overdue = _sync_late(state, now, rules)
        kinds = known | {p.kind for p in overdue}
        return Assessment(problems + overdue, kinds, beat_at, open_now)
    found: list[Problem] = []
    printer = state.printer
    if printer is not None and printer.since is not None:
        late = now - printer.since >= rules.printer_after
        if printer.state == "paper_out" and late:
            found.append(Problem(IncidentKind.PAPER_OUT, printer.since))
        elif printer.state in PRINTER_DOWN and late:
            found.append(Problem(IncidentKind.PRINTER_OFFLINE, printer.since))
    oldest = state.spool_oldest_at
    if state.spool_backlog > 0 and oldest is not None and now - oldest >= rules.spool_after:
        found.append(Problem(IncidentKind.SPOOL_BACKLOG, oldest))
    found.extend(_sync_late(state, now, rules))
    if state.db_fault:
        found.append(Problem(IncidentKind.STORAGE, state.db_checked_at or beat_at))
    return Assessment(tuple(found), ALL_KINDS, None, open_now)


def _sync_late(state: KioskState, now: datetime, rules: FleetRules) -> tuple[Problem, ...]:
    """Judged even when the kiosk is silent: its last sync cannot get any younger."""
    reference = state.last_sync_at or state.started_at
    if state.syncs and reference is not None and now - reference >= rules.sync_max_age:
        return (Problem(IncidentKind.SYNC_LATE, reference),)
    return ()

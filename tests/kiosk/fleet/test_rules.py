"""The incident rules on a fake clock: each problem waits its delay, silence counts only
during opening hours, and a silent kiosk's other problems are neither opened nor cleared."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kiosk.fleet.rules import ALL_KINDS, FleetRules, IncidentKind, assess
from kiosk.fleet.state import DeviceState, KioskState, from_json, to_json

# Tuesday 1 December 2026, 10:00 in Paris (09:00 UTC)
NOON = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
RULES = FleetRules(
    silent_after=timedelta(minutes=10),
    printer_after=timedelta(minutes=5),
    spool_after=timedelta(minutes=5),
    sync_max_age=timedelta(days=1),
)
OFFICE = KioskState(display_hours="08:00-18:00", display_days="mon-fri")


def kinds(state: KioskState, beat_at: datetime, now: datetime) -> set[IncidentKind]:
    return {p.kind for p in assess(state, beat_at, now, RULES).problems}


def test_a_fresh_heartbeat_of_a_sound_kiosk_raises_nothing() -> None:
    seen = assess(OFFICE, NOON, NOON + timedelta(seconds=30), RULES)
    assert seen.problems == ()
    assert seen.known == ALL_KINDS


def test_silence_becomes_an_incident_after_its_delay_during_opening_hours() -> None:
    assert kinds(OFFICE, NOON, NOON + timedelta(minutes=9, seconds=59)) == set()
    seen = assess(OFFICE, NOON, NOON + timedelta(minutes=10), RULES)
    assert [(p.kind, p.since) for p in seen.problems] == [(IncidentKind.SILENT, NOON)]
    assert seen.known == {IncidentKind.SILENT}  # its printer's news is too old to judge


def test_silence_out_of_hours_opens_nothing_and_closes_nothing() -> None:
    evening = datetime(2026, 12, 1, 18, 30, tzinfo=UTC)  # 19:30 in Paris: closed
    seen = assess(OFFICE, evening - timedelta(hours=1), evening, RULES)
    assert seen.problems == ()
    assert seen.known == frozenset()
    saturday = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
    assert assess(OFFICE, saturday - timedelta(hours=2), saturday, RULES).known == frozenset()


def test_a_kiosk_lit_all_day_is_expected_to_speak_at_night() -> None:
    night = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
    assert kinds(KioskState(), night - timedelta(hours=1), night) == {IncidentKind.SILENT}


def test_paper_out_waits_the_printer_delay() -> None:
    state = KioskState(printer=DeviceState("paper_out", NOON))
    assert kinds(state, NOON, NOON + timedelta(minutes=4)) == set()
    assert kinds(state, NOON + timedelta(minutes=5), NOON + timedelta(minutes=5)) == {
        IncidentKind.PAPER_OUT
    }


def test_an_offline_unreachable_or_mute_printer_is_one_kind_of_incident() -> None:
    late = NOON + timedelta(minutes=6)
    for code in ("offline", "unreachable", "silent"):
        state = KioskState(printer=DeviceState(code, NOON))
        assert kinds(state, late, late) == {IncidentKind.PRINTER_OFFLINE}
    for code in ("ready", "paper_low", "unknown"):
        assert kinds(KioskState(printer=DeviceState(code, NOON)), late, late) == set()


def test_a_backlog_is_old_receipts_waiting_not_many() -> None:
    fresh = KioskState(spool_backlog=12, spool_oldest_at=NOON)
    assert kinds(fresh, NOON, NOON + timedelta(minutes=1)) == set()
    old = KioskState(spool_backlog=1, spool_oldest_at=NOON)
    later = NOON + timedelta(minutes=5)
    assert kinds(old, later, later) == {IncidentKind.SPOOL_BACKLOG}


def test_a_tour_kiosk_whose_last_sync_is_over_a_day_old_is_late() -> None:
    state = KioskState(syncs=True, last_sync_at=NOON, started_at=NOON)
    a_day = NOON + timedelta(days=1)
    assert kinds(state, a_day - timedelta(minutes=1), a_day - timedelta(minutes=1)) == set()
    assert kinds(state, a_day, a_day) == {IncidentKind.SYNC_LATE}
    never = KioskState(syncs=True, started_at=NOON)  # never synced: counted from its start
    assert kinds(never, a_day, a_day) == {IncidentKind.SYNC_LATE}
    assert kinds(KioskState(started_at=NOON), a_day, a_day) == set()  # not a tour kiosk


def test_a_database_fault_is_an_incident_at_once() -> None:
    state = KioskState(db_fault="damaged", db_checked_at=NOON)
    assert kinds(state, NOON, NOON) == {IncidentKind.STORAGE}


def test_the_state_reads_back_and_tolerates_what_it_does_not_know() -> None:
    state = KioskState(
        version="1.2",
        printer=DeviceState("paper_out", NOON, "roll empty"),
        spool_backlog=3,
        spool_oldest_at=NOON,
        disk_free=123,
    )
    assert from_json(to_json(state)) == state
    newer = to_json(state)[:-1] + ',"battery":{"level":40}}'
    read = from_json(newer)
    assert read.printer == state.printer
    assert read.extra == {"battery": {"level": 40}}
    assert from_json("not json") == KioskState()


def test_a_silent_smart_tour_is_judged_by_its_sync_not_its_silence() -> None:
    tour = KioskState(syncs=True, last_sync_at=NOON, started_at=NOON)
    hours_later = NOON + timedelta(hours=3)
    assert kinds(tour, NOON, hours_later) == set()  # offline on the road: its normal life
    a_day = NOON + timedelta(days=1, minutes=1)
    seen = assess(tour, NOON, a_day, RULES)
    assert [p.kind for p in seen.problems] == [IncidentKind.SYNC_LATE]
    assert seen.known == {IncidentKind.SYNC_LATE}

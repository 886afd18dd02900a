"""Fleet health end to end: two real kiosk processes (``smartcorner run``, offscreen) on one
PostgreSQL database, the Smart Store with the loopback ESC/POS printer, and GLPI's REST API
stood in on loopback.

Paper-out on the Smart Store shows in ``smartcorner fleet`` run with the Smart Room's settings;
it opens exactly one GLPI ticket, which gets exactly one follow-up and is solved when the paper
is back; the Smart Store, then killed, is reported silent and opens one more ticket. Intervals
are settings, in seconds. Between looks the test waits on the Smart Room's process (a kiosk
that dies fails the test at once) rather than sleeping.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.fleet.report import as_json, fleet_report
from kiosk.fleet.rules import FleetRules
from kiosk.ports import SystemClock
from kiosk.settings import load_settings
from tests.helpers.glpi_server import APP_TOKEN, USER_TOKEN, GlpiServer
from tests.helpers.virtual_printer import PrinterState, VirtualPrinter

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
# This checkout's code, whatever the venv's editable install points at.
SMARTCORNER = [sys.executable, "-m", "ui.cli.main"]
DEADLINE_S = 120.0  # the bound for a paper-out to show on the other kiosk
START_S = 180.0  # two Qt kiosks starting at once on a loaded test machine
LOOK_EVERY_S = 0.25

type Fleet = dict[str, dict[str, Any]]


def kiosk_env(tmp_path: Path, db: str, code: str, name: str, glpi: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SMARTCORNER_")}
    return {
        **clean,
        "PYTHONPATH": str(REPO),
        "QT_QPA_PLATFORM": "offscreen",
        "SMARTCORNER_DATA_DIR": str(tmp_path / code),
        "SMARTCORNER_DB": db,
        "SMARTCORNER_KIOSK_CODE": code,
        "SMARTCORNER_KIOSK_NAME": name,
        "SMARTCORNER_PROFILE": "store" if code.startswith("STORE") else "room",
        "SMARTCORNER_HEARTBEAT_INTERVAL": "1",
        "SMARTCORNER_PRINTER_STATUS_EVERY": "1",
        "SMARTCORNER_FLEET_SILENT_AFTER": "6",
        "SMARTCORNER_FLEET_PRINTER_AFTER": "2",
        "SMARTCORNER_GLPI_URL": glpi,
        "SMARTCORNER_GLPI_APP_TOKEN": APP_TOKEN,
        "SMARTCORNER_GLPI_USER_TOKEN": USER_TOKEN,
    }


def fleet_command(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``smartcorner fleet`` as an operator (or a monitoring script) runs it."""
    return subprocess.run(
        [*SMARTCORNER, "fleet"], env=env, capture_output=True, text=True, timeout=120
    )


class Watcher:
    """Reads the fleet as ``smartcorner fleet --json`` does, waiting on a kiosk between looks."""

    def __init__(self, engine: Engine, rules: FleetRules, kiosk: subprocess.Popen[str]) -> None:
        self._sessions = make_session_factory(engine)
        self._rules = rules
        self._kiosk = kiosk

    def look(self) -> Fleet:
        now = SystemClock().now()
        with self._sessions() as session:
            lines = fleet_report(session, now, self._rules)
        return {line.code: as_json(line, now) for line in lines}

    def until(self, what: str, ok: Callable[[Fleet], bool], timeout: float = DEADLINE_S) -> Fleet:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            seen = self.look()
            if ok(seen):
                return seen
            try:
                code = self._kiosk.wait(timeout=LOOK_EVERY_S)
            except subprocess.TimeoutExpired:
                continue
            raise AssertionError(f"the watching kiosk ended ({code}) before: {what}")
        raise AssertionError(f"not within {timeout:.0f} s: {what}")


def printer_of(seen: Fleet) -> str | None:
    state = seen.get("STORE-1", {}).get("state") or {}
    return (state.get("printer") or {}).get("state")


def ticketed(kind: str) -> Callable[[Fleet], bool]:
    def ok(seen: Fleet) -> bool:
        incidents = seen.get("STORE-1", {}).get("incidents", [])
        return any(i["kind"] == kind and i["ticket"] for i in incidents)

    return ok


@pytest.fixture
def kiosks() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def start(kiosks: list[subprocess.Popen[str]], env: dict[str, str]) -> subprocess.Popen[str]:
    log = Path(env["SMARTCORNER_DATA_DIR"]).with_suffix(".log")
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as out:
        process = subprocess.Popen([*SMARTCORNER, "run"], env=env, stdout=out, stderr=out)
    kiosks.append(process)
    return process


def test_paper_out_silence_and_their_glpi_tickets_across_two_kiosks(
    postgres_db_url: str, tmp_path: Path, kiosks: list[subprocess.Popen[str]]
) -> None:
    with VirtualPrinter() as printer, GlpiServer() as glpi:
        store_env = kiosk_env(tmp_path, postgres_db_url, "STORE-1", "Smart Store", glpi.url)
        store_env["SMARTCORNER_PRINTER"] = printer.url
        room_env = kiosk_env(tmp_path, postgres_db_url, "ROOM-1", "Smart Room", glpi.url)
        migrated = subprocess.run(
            [*SMARTCORNER, "db", "upgrade"], env=room_env, capture_output=True, text=True,
            timeout=120,
        )  # fmt: skip
        assert migrated.returncode == 0, migrated.stderr
        store = start(kiosks, store_env)
        room = start(kiosks, room_env)
        engine = create_db_engine(postgres_db_url)
        try:
            watch = Watcher(engine, FleetRules.of(load_settings(room_env)), room)
            seen = watch.until(
                "both kiosks heard, the printer ready",
                lambda s: printer_of(s) == "ready" and s.get("ROOM-1", {}).get("state") is not None,
                timeout=START_S,
            )

            printer.state = PrinterState.PAPER_OUT
            went_out = time.monotonic()
            watch.until("paper-out on the other kiosk", lambda s: printer_of(s) == "paper_out")
            shown = fleet_command(room_env)  # the Smart Room's operator command says it too
            assert time.monotonic() - went_out < DEADLINE_S
            assert "Smart Store (STORE-1)" in shown.stdout
            assert "imprimante\u202f: plus de papier depuis" in shown.stdout

            seen = watch.until("the paper-out incident with its GLPI ticket", ticketed("paper_out"))
            assert [i["kind"] for i in seen["STORE-1"]["incidents"]] == ["paper_out"]
            assert seen["STORE-1"]["attention"] is True  # `fleet` exits 1 (said below)
            [(ticket_id, ticket)] = glpi.glpi.tickets.items()
            assert "Smart Store — imprimante sans papier" in ticket["name"]

            printer.state = PrinterState.OK
            watch.until(
                "the incident closed once the paper is back",
                lambda s: printer_of(s) == "ready" and not s["STORE-1"]["incidents"],
            )
            watch.until(
                "the ticket followed up and solved",
                lambda _s: glpi.glpi.tickets[ticket_id].get("status") == 5,
            )
            assert [f["content"][:7] for f in glpi.glpi.followups[ticket_id]] == ["Rétabli"]
            assert not any(k["attention"] for k in watch.look().values())  # `fleet` exits 0

            store.send_signal(signal.SIGKILL)
            store.wait(timeout=30)
            seen = watch.until("the killed kiosk silent, with its ticket", ticketed("silent"))
            assert seen["STORE-1"]["silent"] is True
            assert [i["kind"] for i in seen["STORE-1"]["incidents"]] == ["silent"]
            assert seen["ROOM-1"]["attention"] is False
            said = fleet_command(room_env)
            assert said.returncode == 1
            assert "Smart Store (STORE-1) — silencieuse depuis" in said.stdout
            heard = seen["ROOM-1"]["last_heard"]  # a few more rounds of the Smart Room
            watch.until("more heartbeats", lambda s: s["ROOM-1"]["last_heard"] != heard)
        finally:
            engine.dispose()
        tickets = sorted((t["name"], t.get("status")) for t in glpi.glpi.tickets.values())
        assert len(tickets) == 2, tickets  # one per incident
        assert "Smart Store — borne silencieuse" in tickets[0][0] + tickets[1][0]
        assert sum(len(f) for f in glpi.glpi.followups.values()) == 1
        assert json.dumps(seen)  # the --json document is plain JSON

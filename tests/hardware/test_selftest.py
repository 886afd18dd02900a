"""``smartcorner selftest`` against the real rigs: loopback printer, pcscd, SQLite files."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from hardware.selftest import (
    Check,
    Verdict,
    check_camera,
    check_printer,
    check_reader,
    video_devices,
)
from kiosk.db.engine import create_db_engine
from kiosk.db.migrate import HEAD_REVISION
from kiosk.ports import Receipt
from kiosk.printing.spool import Failure, PrintSpool, enqueue
from kiosk.settings import Language, Settings
from tests.helpers.pcscd import Pcscd
from tests.helpers.virtual_printer import PrinterState as Paper
from tests.helpers.virtual_printer import VirtualPrinter
from ui.cli.selftest import check_database, exit_code, format_report, run_selftest

NOW = datetime(2026, 5, 20, 8, 30, tzinfo=UTC)


def by_name(checks: list[Check]) -> dict[str, Check]:
    return {c.name: c for c in checks}


def no_camera() -> list[str]:
    return []


def test_a_demo_kiosk_with_simulated_devices_is_ready(engine: Engine, sqlite_url: str) -> None:
    checks = run_selftest(Settings(db_url=sqlite_url), now=NOW, cameras=no_camera)
    found = by_name(checks)
    assert found["database"].verdict is Verdict.OK
    assert f"schema {HEAD_REVISION} (current)" in found["database"].detail
    assert found["badge reader"] == Check("badge reader", Verdict.OFF, "simulated (reader = none)")
    assert found["printer"].verdict is Verdict.OFF
    assert found["camera"].verdict is Verdict.OFF
    assert found["print spool"] == Check(
        "print spool", Verdict.OK, "0 pending, 0 sending, 0 failed"
    )
    assert exit_code(checks) == 0
    report = format_report(Settings(db_url=sqlite_url, lang=Language.EN), checks)
    assert report.splitlines()[-1] == "ready"
    assert "[ -- ] printer" in report


# --- printer ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paper", "verdict", "words"),
    [
        (Paper.OK, Verdict.OK, "online, paper ok"),
        (Paper.NEAR_END, Verdict.WARN, "near its end"),
        (Paper.PAPER_OUT, Verdict.FAIL, "paper_out"),
        (Paper.OFFLINE, Verdict.FAIL, "offline"),
        (Paper.SILENT, Verdict.FAIL, "did not answer the status query within 0.3 s"),
    ],
)
def test_the_printer_check_says_what_the_printer_says(
    printer: VirtualPrinter, paper: Paper, verdict: Verdict, words: str
) -> None:
    printer.state = paper
    check = check_printer(printer.url + "?profile=TM-T88V", timeout=0.3)
    assert check.verdict is verdict
    assert words in check.detail
    assert "(profile TM-T88V)" in check.detail
    printer.wait_for_jobs(1)
    assert printer.printed() == []  # a self-test prints nothing


def test_an_unreachable_printer_fails(unused_port: int) -> None:
    check = check_printer(f"tcp://127.0.0.1:{unused_port}", timeout=0.3)
    assert check.verdict is Verdict.FAIL
    assert "unreachable" in check.detail


@pytest.fixture
def unused_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- database and spool -----------------------------------------------------------------------


def test_an_empty_database_fails_and_is_not_migrated(sqlite_url: str) -> None:
    check, engine = check_database(sqlite_url)
    assert engine is None
    assert check.verdict is Verdict.FAIL
    assert "smartcorner db upgrade" in check.detail
    probe = create_db_engine(sqlite_url)
    try:
        with probe.connect() as conn:
            tables = conn.exec_driver_sql("SELECT name FROM sqlite_master").all()
        assert tables == []
    finally:
        probe.dispose()


def test_a_database_from_other_software_fails(engine: Engine, sqlite_url: str) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    check, usable = check_database(sqlite_url)
    assert usable is None
    assert check.verdict is Verdict.FAIL
    assert f"schema 0001, this software expects {HEAD_REVISION}" in check.detail


def test_failed_jobs_warn_and_a_stuck_queue_fails(
    session_factory: sessionmaker[Session], sqlite_url: str
) -> None:
    spool = PrintSpool(session_factory)
    with session_factory() as s:
        first = enqueue(s, Receipt(title="a", kiosk="k"), kind="help_ticket", now=NOW)
        enqueue(s, Receipt(title="b", kiosk="k"), kind="help_ticket", now=NOW)
        s.commit()
    spool.claim_next("w", NOW)
    spool.fail(first, "w", NOW, Failure.ERROR)
    settings = Settings(db_url=sqlite_url, lang=Language.EN)

    soon = by_name(run_selftest(settings, now=NOW + timedelta(minutes=1), cameras=no_camera))
    assert soon["print spool"].verdict is Verdict.WARN
    assert soon["print spool"].detail.startswith("1 pending, 0 sending, 1 failed")

    late = run_selftest(settings, now=NOW + timedelta(minutes=7), cameras=no_camera)
    assert by_name(late)["print spool"].verdict is Verdict.FAIL
    assert "the oldest waits for 7 min" in by_name(late)["print spool"].detail
    assert exit_code(late) == 1
    assert format_report(settings, late).splitlines()[-1] == "FAILED: print spool"


def test_the_spool_check_looks_at_this_kiosks_queue_only(
    session_factory: sessionmaker[Session], sqlite_url: str
) -> None:
    from tests.kiosk.printing.test_spool import kiosk_row

    with session_factory() as s:
        mine, other = kiosk_row(s, "K-MINE"), kiosk_row(s, "K-OTHER")
        enqueue(s, Receipt(title="a", kiosk="k"), kind="help_ticket", kiosk_id=other, now=NOW)
        enqueue(s, Receipt(title="b", kiosk="k"), kind="help_ticket", kiosk_id=mine, now=NOW)
        enqueue(s, Receipt(title="c", kiosk="k"), kind="help_ticket", kiosk_id=mine, now=NOW)
        s.commit()
    later = NOW + timedelta(minutes=1)
    mine_check = by_name(
        run_selftest(Settings(db_url=sqlite_url, kiosk_code="K-MINE"), now=later, cameras=no_camera)
    )["print spool"]
    assert mine_check.detail == "2 pending, 0 sending, 0 failed"
    other_check = by_name(
        run_selftest(
            Settings(db_url=sqlite_url, kiosk_code="K-OTHER"), now=later, cameras=no_camera
        )
    )["print spool"]
    assert other_check.detail == "1 pending, 0 sending, 0 failed"


# --- camera -----------------------------------------------------------------------------------


def test_camera_checks(tmp_path: Path) -> None:
    assert check_camera(False).verdict is Verdict.OFF
    assert check_camera(True, no_camera).verdict is Verdict.FAIL
    sysfs = tmp_path / "video4linux"
    (sysfs / "video0").mkdir(parents=True)
    (sysfs / "video0" / "name").write_text("HD Pro Webcam C920\n")
    found = video_devices(sysfs)
    assert found == ["/dev/video0 (HD Pro Webcam C920)"]
    assert check_camera(True, lambda: found) == Check("camera", Verdict.OK, found[0])
    assert video_devices(tmp_path / "absent") == []


# --- badge reader on the real pcscd -------------------------------------------------------------


def test_the_reader_check_finds_the_reader_on_pcscd(pcscd: Pcscd) -> None:
    check = check_reader("pcsc:ACR1252")
    assert check.verdict is Verdict.OK
    assert pcscd.reader in check.detail
    missing = check_reader("pcsc:Identiv")
    assert missing.verdict is Verdict.FAIL
    assert "no reader matching 'Identiv'" in missing.detail
    assert pcscd.reader in missing.detail


def test_the_reader_check_fails_when_pcscd_is_down(pcscd: Pcscd) -> None:
    pcscd.stop()
    check = check_reader("pcsc")
    assert check.verdict is Verdict.FAIL
    assert "pcscd is not reachable" in check.detail


# --- the command ------------------------------------------------------------------------------


def test_the_command_prints_the_report_and_fails_on_a_missing_printer(
    tmp_path: Path, unused_port: int
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMARTCORNER_")}
    env |= {
        "SMARTCORNER_DATA_DIR": str(tmp_path / "data"),
        "SMARTCORNER_PRINTER": f"tcp://127.0.0.1:{unused_port}",
        "SMARTCORNER_LANG": "en",
    }
    upgrade = subprocess.run(
        [sys.executable, "-m", "ui.cli.main", "db", "upgrade"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert upgrade.returncode == 0, upgrade.stderr
    result = subprocess.run(
        [sys.executable, "-m", "ui.cli.main", "selftest", "--printer-timeout", "0.5"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Smart Corner self-test:")
    assert any(line.startswith("[ OK ] database") for line in lines)
    assert any(line.startswith("[FAIL] printer") and "unreachable" in line for line in lines)
    assert lines[-1] == "FAILED: printer"

"""Files the command writes and reads: private to the kiosk, never replaced, never a crash."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.test_cli import SMARTCORNER, env  # noqa: F401  (fixture)


def smartcorner(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:  # noqa: F811
    """The installed command, run by this interpreter (whatever its first line says)."""
    return subprocess.run(
        [sys.executable, str(SMARTCORNER), *args],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def lax_umask() -> Iterator[None]:
    """The operator's shell umask (022): every file would be readable by every local account."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.usefixtures("lax_umask")
def test_data_folder_database_backups_and_exports_are_private(
    env: dict[str, str],  # noqa: F811
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o755)  # left by an older, laxer version
    seeded = smartcorner(env, "demo")
    assert seeded.returncode == 0, seeded.stderr
    assert mode(data) == 0o700
    assert mode(data / "smartcorner.sqlite3") == 0o600
    for extra in ("smartcorner.sqlite3-wal", "smartcorner.sqlite3-shm"):
        if (data / extra).exists():
            assert mode(data / extra) == 0o600, extra

    out = tmp_path / "exports"
    out.mkdir()
    assert smartcorner(env, "backup", str(out)).returncode == 0
    (backup,) = out.glob("smartcorner-*.sqlite3")
    assert mode(backup) == 0o600
    person = smartcorner(env, "export", "person", "1", "--output", str(out / "person.json"))
    assert person.returncode == 0, person.stderr
    assert mode(out / "person.json") == 0o600
    stats = smartcorner(
        env, "export", "stats", "--format", "xlsx", "--output", str(out / "stats.xlsx")
    )
    assert stats.returncode == 0, stats.stderr
    assert mode(out / "stats.xlsx") == 0o600
    usage = smartcorner(env, "export", "documents-usage", "-o", str(out / "usage.csv"))
    assert usage.returncode == 0, usage.stderr
    assert mode(out / "usage.csv") == 0o600
    # an export over an existing, readable file does not keep its old mode
    (out / "attendance.csv").write_text("old")
    (out / "attendance.csv").chmod(0o644)
    attendance = smartcorner(
        env, "export", "attendance", "--event", "1", "--output", str(out / "attendance.csv")
    )
    assert attendance.returncode == 0, attendance.stderr
    assert mode(out / "attendance.csv") == 0o600


@pytest.mark.usefixtures("lax_umask")
def test_a_laxer_data_folder_and_log_are_made_private_at_start(
    env: dict[str, str],  # noqa: F811
    tmp_path: Path,
) -> None:
    logs = tmp_path / "data" / "logs"
    logs.mkdir(parents=True)
    (tmp_path / "data").chmod(0o755)
    (logs / "kiosk.log").write_text("from an older version\n")
    (logs / "kiosk.log").chmod(0o644)
    smoke = smartcorner(env, "run", "--smoke")
    assert smoke.returncode == 0, smoke.stderr
    assert mode(tmp_path / "data") == 0o700
    assert mode(logs) == 0o700
    assert mode(logs / "kiosk.log") == 0o600
    assert mode(tmp_path / "data" / "smartcorner.sqlite3") == 0o600


def test_a_read_only_data_folder_starts_without_a_traceback(
    env: dict[str, str],  # noqa: F811
    tmp_path: Path,
) -> None:
    from tests.helpers.storage import read_only, small_disk

    with small_disk(tmp_path / "data") as data:
        assert smartcorner(env, "db", "upgrade").returncode == 0
        with read_only(data):
            smoke = smartcorner(env, "run", "--smoke")
    assert "Traceback" not in smoke.stderr, smoke.stderr
    assert "logging to the journal only" in smoke.stderr
    assert "the database cannot be used (read_only)" in smoke.stderr
    assert smoke.returncode == 1  # smoke mode: the programme could not be loaded


def test_db_init_replaces_an_existing_file_only_when_forced_and_keeps_it(
    env: dict[str, str],  # noqa: F811
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    database = data / "smartcorner.sqlite3"
    database.touch()
    for command in (("db", "upgrade"), ("db", "init"), ("demo",)):
        refused = smartcorner(env, *command)
        assert refused.returncode == 1, command
        assert "Traceback" not in refused.stderr
        assert database.stat().st_size == 0, command
    assert "smartcorner db init --force" in smartcorner(env, "db", "upgrade").stderr
    forced = smartcorner(env, "db", "init", "--force")
    assert forced.returncode == 0, forced.stderr
    (kept,) = data.glob("smartcorner.sqlite3.replaced-*")
    assert kept.stat().st_size == 0
    assert database.stat().st_size > 0
    assert smartcorner(env, "selftest").returncode == 0

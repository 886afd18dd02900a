"""``smartcorner backup`` / ``restore`` as an operator types them."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.test_cli import env, smartcorner

__all__ = ["env"]  # the fixture, shared with test_cli.py


def test_backup_then_restore_round_trip(env: dict[str, str], tmp_path: Path) -> None:
    assert smartcorner(env, "db", "upgrade").returncode == 0
    folder = tmp_path / "backups"
    folder.mkdir()
    made = smartcorner(env, "backup", str(folder))
    assert made.returncode == 0, made.stderr
    (backup,) = folder.iterdir()
    assert f"written to {backup}" in made.stdout

    data = tmp_path / "data"
    request = data / "restart-requested"
    assert not request.exists()
    restored = smartcorner(env, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert "the database it replaced is kept in" in restored.stdout
    assert request.exists()  # the running kiosk restarts when idle
    assert any(p.name.startswith("smartcorner.sqlite3.before-restore-") for p in data.iterdir())


def test_restore_of_a_bad_file_fails_cleanly(env: dict[str, str], tmp_path: Path) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a database")
    result = smartcorner(env, "restore", str(bogus))
    assert result.returncode == 1
    assert "not an SQLite database" in result.stderr
    assert "Traceback" not in result.stderr


def test_postgresql_kiosk_is_sent_to_pg_dump(env: dict[str, str], tmp_path: Path) -> None:
    url = "postgresql+psycopg://kiosk:tres-secret@db.example/smartcorner"
    result = smartcorner({**env, "SMARTCORNER_DB": url}, "backup", str(tmp_path / "x"))
    assert result.returncode == 1
    assert "pg_dump" in result.stderr
    assert "tres-secret" not in result.stderr
    assert "Traceback" not in result.stderr

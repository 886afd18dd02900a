"""Backup and restore of the SQLite database: consistent while another process writes, and a
restore that checks before it touches anything."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.db import migrate
from kiosk.db.backup import BackupError, backup, check_backup, restore, sqlite_file
from kiosk.db.engine import create_db_engine

# Another process writing as the kiosk does (WAL, one transaction per record), with a rule the
# data must always obey: each batch row says how many ledger rows it has, written together.
# busy_timeout=0 once connected: if a backup ever held a lock blocking a writer, it fails.
WRITER = textwrap.dedent(
    """
    import sqlite3, sys, pathlib
    db, stop = sys.argv[1], pathlib.Path(sys.argv[2])
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("SELECT count(*) FROM batches")  # opened: WAL index read, may wait here
    conn.execute("PRAGMA busy_timeout=0")
    n = 0
    while not stop.exists():
        n += 1
        rows = 1 + n % 7
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO batches (id, rows) VALUES (?, ?)", (n, rows))
        conn.executemany(
            "INSERT INTO ledger (batch, payload) VALUES (?, randomblob(200))",
            [(n,)] * rows,
        )
        conn.execute("COMMIT")
    print(n)
    """
)


def make_kiosk_db(path: Path, revision: str = "head") -> Path:
    engine = create_db_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, revision)
    engine.dispose()
    return path


def connect(path: Path) -> contextlib.closing[sqlite3.Connection]:
    """A connection closed at the end of the block (sqlite3's own ``with`` only commits)."""
    return contextlib.closing(sqlite3.connect(path, isolation_level=None))


def batches(path: Path) -> int:
    with connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM batches").fetchone()[0])


def consistency_errors(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        errors = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        errors = [] if errors == ["ok"] else errors
        ids = [r[0] for r in conn.execute("SELECT id FROM batches ORDER BY id")]
        if ids != list(range(1, len(ids) + 1)):
            errors.append(f"batches are not contiguous: {ids[:5]}...{ids[-5:]}")
        errors += [
            f"batch {b}: {n} ledger rows, {rows} expected"
            for b, rows, n in conn.execute(
                "SELECT b.id, b.rows, count(l.id) FROM batches b "
                "LEFT JOIN ledger l ON l.batch = b.id GROUP BY b.id HAVING count(l.id) != b.rows"
            )
        ]
        orphans = conn.execute(
            "SELECT count(*) FROM ledger WHERE batch NOT IN (SELECT id FROM batches)"
        ).fetchone()[0]
        if orphans:
            errors.append(f"{orphans} ledger rows of a batch that is not there")
        return errors
    finally:
        conn.close()


@pytest.fixture
def live_db(tmp_path: Path) -> Path:
    """A kiosk database with the test's tables and 8 MiB of older data, so copies take time."""
    path = make_kiosk_db(tmp_path / "data" / "smartcorner.sqlite3")
    with connect(path) as conn:
        conn.execute("BEGIN")
        conn.execute("CREATE TABLE batches (id INTEGER PRIMARY KEY, rows INTEGER NOT NULL)")
        conn.execute("CREATE TABLE ledger (id INTEGER PRIMARY KEY, batch INTEGER, payload BLOB)")
        conn.execute("CREATE TABLE archive (payload BLOB)")
        conn.executemany("INSERT INTO archive VALUES (randomblob(65536))", [()] * 128)
        conn.execute("COMMIT")
    return path


@pytest.fixture
def writer(live_db: Path, tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    stop = tmp_path / "stop-writing"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(live_db), str(stop)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    yield proc
    stop.touch()
    proc.communicate(timeout=60)


def wait_for_batches(path: Path, at_least: int, proc: subprocess.Popen[str]) -> int:
    """Until the writer process has committed ``at_least`` batches (60 s at most)."""
    deadline = time.monotonic() + 60
    while (n := batches(path)) < at_least:
        try:  # the writer ending early is an error; otherwise look again in 10 ms
            proc.wait(timeout=0.01)
        except subprocess.TimeoutExpired:
            assert time.monotonic() < deadline, f"the writer wrote only {n} batches"
            continue
        raise AssertionError(proc.communicate())
    return n


def test_backups_taken_during_writes_restore_consistent_databases(
    live_db: Path, writer: subprocess.Popen[str], tmp_path: Path
) -> None:
    start = wait_for_batches(live_db, 20, writer)
    copies = []
    for i in range(3):
        copies.append(backup(live_db, tmp_path / f"backup-{i}.sqlite3"))
        wait_for_batches(live_db, batches(live_db) + 5, writer)  # writes between copies too
    assert writer.poll() is None, writer.communicate()  # never blocked, never failed

    seen = []
    for copy in copies:
        assert copy.revision == migrate.HEAD_REVISION
        assert check_backup(copy.path) == migrate.HEAD_REVISION
        assert not Path(f"{copy.path}-wal").exists()  # one self-contained file
        assert consistency_errors(copy.path) == []
        seen.append(batches(copy.path))
    assert seen == sorted(seen)
    assert seen[0] >= start
    assert len(set(seen)) == len(seen)  # each copy is a later moment of the live database

    target = make_kiosk_db(tmp_path / "restored" / "smartcorner.sqlite3")
    restore(target, copies[-1].path)
    assert consistency_errors(target) == []
    assert batches(target) == seen[-1]

    (tmp_path / "stop-writing").touch()
    out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    assert int(out) > seen[-1]
    assert consistency_errors(live_db) == []


def test_restore_replaces_the_content_and_keeps_the_old_database(
    live_db: Path, tmp_path: Path
) -> None:
    with connect(live_db) as conn:
        conn.execute("INSERT INTO batches VALUES (1, 0)")
    saved = backup(live_db, tmp_path / "saved.sqlite3")
    with connect(live_db) as conn:
        conn.execute("INSERT INTO batches VALUES (2, 0)")

    report = restore(live_db, saved.path)
    assert batches(live_db) == 1
    assert report.revision == migrate.HEAD_REVISION
    assert report.upgraded_to is None
    assert report.previous is not None
    assert report.previous.name.startswith("smartcorner.sqlite3.before-restore-")
    assert batches(report.previous) == 2
    with connect(live_db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    engine = create_db_engine(f"sqlite:///{live_db}")
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    engine.dispose()


def test_restore_reaches_a_connection_that_stays_open(live_db: Path, tmp_path: Path) -> None:
    """A running kiosk keeps its connection: it sees the restored data, not a stale file."""
    kiosk = sqlite3.connect(live_db, isolation_level=None)
    try:
        kiosk.execute("INSERT INTO batches VALUES (1, 0)")
        saved = backup(live_db, tmp_path / "saved.sqlite3")
        kiosk.execute("INSERT INTO batches VALUES (2, 0)")
        restore(live_db, saved.path)
        assert kiosk.execute("SELECT id FROM batches").fetchall() == [(1,)]
        kiosk.execute("INSERT INTO batches VALUES (2, 0)")  # and can still write
    finally:
        kiosk.close()
    assert consistency_errors(live_db) == []


def test_an_older_backup_is_brought_to_the_current_schema(tmp_path: Path) -> None:
    old = make_kiosk_db(tmp_path / "old" / "smartcorner.sqlite3", "0001")
    saved = backup(old, tmp_path / "old.sqlite3")
    assert saved.revision == "0001"
    live = make_kiosk_db(tmp_path / "data" / "smartcorner.sqlite3")
    report = restore(live, saved.path)
    assert report.upgraded_to == migrate.HEAD_REVISION


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _corrupt(path: Path) -> None:
    """Garbage over the middle of the file: pages of the archive table's b-tree."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle : middle + 4096 * 8] = b"\xa5" * (4096 * 8)
    path.write_bytes(bytes(data))


def _unknown_revision(path: Path) -> None:
    with connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")


def _no_revision(path: Path) -> None:
    with connect(path) as conn:
        conn.execute("DROP TABLE alembic_version")


def _text(path: Path) -> None:
    path.write_text("id;name\n1;not a database\n")


@pytest.mark.parametrize(
    ("damage", "complaint"),
    [
        (_corrupt, "damaged|cannot be read"),
        (_unknown_revision, "revision '9999', which this kiosk software does not know"),
        (_no_revision, "not a Smart Corner kiosk database"),
        (_text, "not an SQLite database"),
    ],
)
def test_restore_refuses_a_bad_file_before_touching_anything(
    live_db: Path, tmp_path: Path, damage: object, complaint: str
) -> None:
    saved = backup(live_db, tmp_path / "saved.sqlite3").path
    damage(saved)  # type: ignore[operator]
    digest = _digest(live_db)
    with pytest.raises(BackupError, match=complaint):
        restore(live_db, saved)
    assert _digest(live_db) == digest
    assert [p.name for p in live_db.parent.iterdir()] == [live_db.name]  # no saved copy either


def test_backup_into_a_folder_never_overwrites(live_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    first = backup(live_db, folder)
    assert first.path.parent == folder
    assert first.path.name.startswith("smartcorner-")
    with pytest.raises(BackupError, match="already exists"):
        backup(live_db, first.path)
    with pytest.raises(BackupError, match="no database"):
        backup(tmp_path / "missing.sqlite3", tmp_path / "x.sqlite3")
    assert sorted(p.name for p in folder.iterdir()) == [first.path.name]  # no partial left


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_backup_to_an_unwritable_folder_says_so(live_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o500)
    with pytest.raises(BackupError, match="permission denied"):
        backup(live_db, folder / "x.sqlite3")


def test_postgresql_is_refused_with_pg_dump_advice() -> None:
    with pytest.raises(BackupError, match="pg_dump") as info:
        sqlite_file("postgresql+psycopg://kiosk:s3cret@db.example/smartcorner")
    assert "s3cret" not in str(info.value)
    assert "pg_restore" in str(info.value)

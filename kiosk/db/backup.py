"""Backup and restore of the kiosk's SQLite database, safe while the kiosk runs.

**Backup** uses SQLite's online backup API in a single step: the copy is the database as of
one read transaction (a consistent snapshot), and in WAL mode it never blocks the kiosk's
writers. A step-by-step backup would be restarted by every write the kiosk makes and might
never finish on a busy kiosk. The copy goes to a temporary file beside FILE, is switched to
a self-contained rollback journal, checked, fsynced and renamed: FILE is either a complete,
checked backup or untouched.

**Restore** checks the file first (an SQLite database, ``integrity_check`` ok, a schema
revision this software knows), saves the current database beside itself, then copies the
backup's pages *into* the live database through the same API. SQLite's locks make that safe
while the kiosk has the file open, which replacing the file would not be: the kiosk's open
connection would keep writing the old inode, and one database's WAL could be applied to the
other. The schema is then brought up to date, and the running kiosk is asked to restart at
its next idle moment so that nothing it cached from the old data stays on screen.

PostgreSQL databases are refused: ``pg_dump``/``pg_restore`` are the tools for them.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import make_url

from kiosk.paths import make_private
from kiosk.settings import masked_url

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 30_000


class BackupError(RuntimeError):
    """The backup or restore cannot be done; the message says why and what to do."""


@dataclass(frozen=True)
class BackupReport:
    path: Path
    size: int
    revision: str | None


@dataclass(frozen=True)
class RestoreReport:
    revision: str  # the backup's schema revision
    upgraded_to: str | None  # set when the restored schema had to be migrated
    previous: Path | None  # where the database replaced by the restore was saved


def sqlite_file(url: str) -> Path:
    """The database file behind ``url``; a clear refusal for anything but an SQLite file."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise BackupError(
            f"this kiosk's database is {parsed.get_backend_name()} ({masked_url(url)}), not "
            "SQLite: back it up on the database server with pg_dump (pg_dump -Fc -f FILE "
            "DBNAME) and restore it with pg_restore (pg_restore --clean -d DBNAME FILE)"
        )
    if not parsed.database or parsed.database == ":memory:":
        raise BackupError(f"{url}: an in-memory database has nothing to back up")
    return Path(parsed.database).expanduser()


def backup(database: Path, destination: Path, *, now: datetime | None = None) -> BackupReport:
    """Copy ``database`` to ``destination`` (a file, or a folder to put a dated file in)."""
    if not database.is_file():
        raise BackupError(f"no database at {database}: nothing to back up")
    if destination.is_dir():
        stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
        destination = destination / f"smartcorner-{stamp}.sqlite3"
    if destination.exists():
        raise BackupError(f"{destination} already exists: remove it or choose another name")
    if destination.resolve() == database.resolve():
        raise BackupError("the backup cannot overwrite the database itself")
    partial = destination.with_name(f".{destination.name}.partial-{os.getpid()}")
    try:
        _copy_consistent(database, partial)
        revision = _check(partial, what="the copy")
        make_private(partial)  # a copy of every record: wherever it goes, for the owner only
        _fsync(partial)
        partial.rename(destination)
        _fsync(destination.parent)
    except PermissionError as exc:
        raise BackupError(
            f"cannot write {exc.filename or destination}: permission denied"
        ) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    return BackupReport(destination, destination.stat().st_size, revision)


def check_backup(path: Path) -> str:
    """The schema revision of a backup fit to restore; BackupError saying what is wrong."""
    if not path.is_file():
        raise BackupError(f"no file at {path}")
    return _check(path, what=str(path))


def restore(database: Path, source: Path, *, now: datetime | None = None) -> RestoreReport:
    """Replace the content of ``database`` with the backup ``source`` (checked first)."""
    from kiosk.db import migrate
    from kiosk.db.engine import create_db_engine

    revision = check_backup(source)
    previous_path = None
    if database.is_file():
        stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
        saved = database.with_name(f"{database.name}.before-restore-{stamp}")
        previous_path = backup(database, saved).path
    else:
        database.parent.mkdir(parents=True, exist_ok=True)
    with _connect(source, readonly=True) as src, _connect(database) as live:
        try:
            src.backup(live)
        except sqlite3.OperationalError as exc:
            raise BackupError(f"restoring into {database} failed: {exc}") from None
        live.execute("PRAGMA journal_mode=WAL")  # the kiosk's mode, whatever the file had
        problems = _integrity_problems(live)
    if problems:
        raise BackupError(
            f"{database} failed its integrity check after the restore ({problems}); the "
            f"previous database is in {previous_path}"
        )
    upgraded_to = None
    if revision != migrate.HEAD_REVISION:
        engine = create_db_engine(f"sqlite:///{database}")
        try:
            migrate.upgrade(engine)
            upgraded_to = migrate.current_revision(engine)
        finally:
            engine.dispose()
    return RestoreReport(revision, upgraded_to, previous_path)


# --- internals ---------------------------------------------------------------------------------


class _connect(contextlib.AbstractContextManager[sqlite3.Connection]):
    """A plain sqlite3 connection that waits for the kiosk's writers and is always closed."""

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        uri = f"file:{path}?mode={'ro' if readonly else 'rwc'}"
        try:
            self._conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.OperationalError as exc:
            raise BackupError(f"cannot open {path}: {exc}") from None
        self._conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")

    def __enter__(self) -> sqlite3.Connection:
        return self._conn

    def __exit__(self, *_exc_info: object) -> None:
        self._conn.close()


def _copy_consistent(database: Path, target: Path) -> None:
    with _connect(database) as src, _connect(target) as dst:
        src.backup(dst)  # pages=-1: everything in one step, from one read snapshot
        # a backup is one self-contained file: no -wal beside it to forget when copying it
        dst.execute("PRAGMA journal_mode=DELETE")


def _check(path: Path, *, what: str) -> str:
    with path.open("rb") as fh:
        if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise BackupError(f"{what} is not an SQLite database")
    try:
        with _connect(path, readonly=True) as conn:
            problems = _integrity_problems(conn)
            if problems:
                raise BackupError(f"{what} is damaged: integrity check says {problems}")
            revision = _revision(conn)
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{what} cannot be read as a database: {exc}") from None
    if revision is None:
        raise BackupError(f"{what} is not a Smart Corner kiosk database (no schema revision)")
    known = _known_revisions()
    if revision not in known:
        raise BackupError(
            f"{what} has schema revision {revision!r}, which this kiosk software does not know "
            "(made by a newer version?): install that version first"
        )
    return revision


def _integrity_problems(conn: sqlite3.Connection) -> str:
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
    fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    problems = [] if rows == ["ok"] else rows
    if fk:
        problems.append(f"{len(fk)} rows with broken foreign keys, e.g. {fk[0]}")
    return "; ".join(problems)


def _revision(conn: sqlite3.Connection) -> str | None:
    from kiosk.db.migrate import VERSION_TABLE

    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (VERSION_TABLE,)
    ).fetchone()
    if not exists:
        return None
    rows = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall()
    return str(rows[0][0]) if len(rows) == 1 else None


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    from kiosk.db.migrate import alembic_config

    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

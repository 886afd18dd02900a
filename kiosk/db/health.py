"""Is the storage usable: a database that reads back whole and accepts writes, room on the disk.

``smartcorner selftest`` and the start-up ask here, so both name the same cause — a damaged
database, a read-only file or folder, a full disk, an empty database file — and the operator
gets the command that mends it rather than "disk I/O error". SQLite reports a full disk in WAL
mode as an I/O error, so the free space is looked at as well as the message.
"""

from __future__ import annotations

import enum
import errno
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:  # the screens import the fault codes before the first paint: no SQLAlchemy yet
    from sqlalchemy import Engine

LOW_SPACE: Final = 64 * 1024 * 1024  # below this, a day of check-ins, logs and spool may not fit
FULL_SPACE: Final = 1024 * 1024  # below this, SQLite cannot even grow its WAL
PROBE_TABLE: Final = "smartcorner_write_probe"


class StorageFault(enum.StrEnum):
    """Stable codes for what keeps the kiosk from storing anything; the screens word them."""

    DAMAGED = "damaged"  # pages overwritten, truncated, not a database at all
    EMPTY_FILE = "empty_file"  # the file is there but holds nothing: never silently recreated
    READ_ONLY = "read_only"  # the file or its folder refuses writes
    DISK_FULL = "disk_full"
    UNREACHABLE = "unreachable"  # anything else (a PostgreSQL server down, a wrong URL)


class StorageError(RuntimeError):
    """The storage cannot be used; ``fault`` says why in a way the screens can word."""

    def __init__(self, fault: StorageFault, detail: str) -> None:
        super().__init__(detail)
        self.fault = fault
        self.detail = detail


@dataclass(frozen=True)
class StorageHealth:
    fault: StorageFault | None
    detail: str  # English, for the journal; the first errors found, free space
    errors: int = 0  # integrity errors found by quick_check

    @property
    def ok(self) -> bool:
        return self.fault is None


def sqlite_file(url: str) -> Path | None:
    """The database file of a SQLite URL, else None (PostgreSQL, memory)."""
    from sqlalchemy import make_url

    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    if database.startswith("file:"):
        return None
    return Path(database).expanduser()


def free_bytes(folder: Path) -> int | None:
    """Free space for this account on ``folder``'s file system (None when it cannot be read)."""
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def folder_fault(folder: Path) -> StorageFault | None:
    """READ_ONLY or DISK_FULL for the folder the kiosk writes in, else None."""
    free = free_bytes(folder)
    if free is not None and free < FULL_SPACE:
        return StorageFault.DISK_FULL
    if folder.is_dir() and not _can_create_in(folder):
        return StorageFault.READ_ONLY
    return None


def _can_create_in(folder: Path) -> bool:
    """Creating a file is the only honest test: root passes ``os.access`` on a read-only mount."""
    probe = folder / f".smartcorner-write-probe-{os.getpid()}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        return exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM)
    os.close(fd)
    probe.unlink()
    return True


def fault_of(exc: BaseException, folder: Path | None = None) -> StorageFault:
    """The cause behind an error from the database or the file system."""
    original = _original(exc)
    if isinstance(original, OSError):
        if original.errno == errno.ENOSPC:
            return StorageFault.DISK_FULL
        if original.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return StorageFault.READ_ONLY
    message = str(original).lower()
    # sqlite3 here, not at the top: the attract screen imports the fault codes before its
    # first paint, and the database (with sqlite3) opens after it
    import sqlite3

    if isinstance(original, sqlite3.Error):
        code = getattr(original, "sqlite_errorcode", 0) & 0xFF  # the primary code
        if code == sqlite3.SQLITE_FULL or "full" in message:
            return StorageFault.DISK_FULL
        if code == sqlite3.SQLITE_READONLY or "readonly" in message or "read-only" in message:
            return StorageFault.READ_ONLY
        if code == sqlite3.SQLITE_CANTOPEN or "unable to open" in message:
            return (folder_fault(folder) if folder else None) or StorageFault.READ_ONLY
        if "not a database" in message or "malformed" in message or code == sqlite3.SQLITE_CORRUPT:
            return StorageFault.DAMAGED
        if "disk i/o error" in message and folder is not None:
            return folder_fault(folder) or StorageFault.DAMAGED
    if "read-only" in message or "readonly" in message:
        return StorageFault.READ_ONLY
    return StorageFault.UNREACHABLE


def check_file(path: Path) -> StorageHealth:
    """Before opening: an empty database file is a fault (a truncated file after a disk fault)."""
    if path.is_file() and path.stat().st_size == 0:
        return StorageHealth(StorageFault.EMPTY_FILE, f"{path} is an empty file (0 bytes)")
    folder = path.parent
    fault = folder_fault(folder) if folder.is_dir() else None
    if fault is StorageFault.DISK_FULL:
        return StorageHealth(fault, f"{folder}: {free_bytes(folder)} bytes free")
    if fault is StorageFault.READ_ONLY:
        return StorageHealth(fault, f"{folder}: the folder refuses new files")
    if path.is_file() and not os.access(path, os.W_OK):
        return StorageHealth(StorageFault.READ_ONLY, f"{path}: the file is read-only")
    return StorageHealth(None, "")


def check_storage(engine: Engine) -> StorageHealth:
    """``PRAGMA quick_check`` (SQLite), then a write probe rolled back, then the free space.

    quick_check reads every page (a few hundred ms on a year of data): selftest, not each start.
    The probe takes the write lock and creates a table, then rolls back: nothing is left, but a
    read-only file, a read-only folder (SQLite needs its -wal and -shm beside the file) or a
    PostgreSQL account without rights is seen now rather than at the first check-in.
    """
    path = sqlite_file(str(engine.url))
    folder = path.parent if path is not None else None
    if path is not None:
        before = check_file(path)
        if before.fault is StorageFault.EMPTY_FILE:
            return before
    errors: list[str] = []
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                rows = conn.exec_driver_sql("PRAGMA quick_check").all()
                errors = [
                    line
                    for row in rows
                    for line in str(row[0]).splitlines()
                    if not line.startswith("*** in database")
                ]
                conn.rollback()  # end the read transaction the PRAGMA began
                if errors == ["ok"]:
                    errors = []
            if not errors:
                with conn.begin() as tx:
                    conn.exec_driver_sql(f"CREATE TABLE {PROBE_TABLE} (probe INTEGER)")
                    conn.exec_driver_sql(f"INSERT INTO {PROBE_TABLE} VALUES (1)")
                    tx.rollback()
    except Exception as exc:
        fault = fault_of(exc, folder)
        return StorageHealth(fault, _first_line(exc))
    if errors:
        shown = "; ".join(errors[:3])
        detail = f"integrity errors: {len(errors)} ({shown})"
        return StorageHealth(StorageFault.DAMAGED, detail, len(errors))
    if folder is not None:
        free = free_bytes(folder)
        if free is not None and free < FULL_SPACE:
            return StorageHealth(StorageFault.DISK_FULL, f"{folder}: {free} bytes free")
        if free is not None and free < LOW_SPACE:
            return StorageHealth(None, f"low disk space: {free // (1024 * 1024)} MB free")
    return StorageHealth(None, "")


def _original(exc: BaseException) -> BaseException:
    """The driver's error under SQLAlchemy's wrapper (``DBAPIError.orig``)."""
    orig = getattr(exc, "orig", None)
    return orig if isinstance(orig, BaseException) else exc


def _first_line(exc: BaseException) -> str:
    original = _original(exc)
    text = str(original).strip()
    return text.splitlines()[0] if text else type(original).__name__


def restore_command(backups: Path | None) -> str:
    """``smartcorner restore`` with the newest backup in ``backups`` (a placeholder if none)."""
    found = (
        sorted(backups.glob("*.sqlite3"), key=lambda p: p.stat().st_mtime)
        if backups is not None and backups.is_dir()
        else []
    )
    return f"smartcorner restore {found[-1] if found else 'FILE'}"


def remedies(fault: StorageFault, folder: Path | None, backups: Path | None) -> list[str]:
    """The commands that mend ``fault``, the first one first (an operator types them)."""
    where = str(folder) if folder is not None else "/var/lib/smartcorner"
    if fault is StorageFault.DISK_FULL:
        return [f"df -h {where}", "systemctl restart smartcorner-kiosk"]
    if fault is StorageFault.READ_ONLY:
        return [f"chown -R kiosk: {where}", "systemctl restart smartcorner-kiosk"]
    if fault in (StorageFault.EMPTY_FILE, StorageFault.DAMAGED):
        return [restore_command(backups), "smartcorner db init --force"]
    return ["smartcorner selftest"]

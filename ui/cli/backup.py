"""``smartcorner backup FILE`` and ``smartcorner restore FILE``: the SQLite database, kiosk running.

The work is in :mod:`kiosk.db.backup`; this module only parses and reports.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.settings import Settings

_PERMISSION_HINT = (
    " (on an installed kiosk the smartcorner command runs as the kiosk user: use a folder it "
    "can write, such as /var/lib/smartcorner/backups)"
)


def register(subparsers: Any) -> None:
    backup = subparsers.add_parser(
        "backup",
        help="copy the SQLite database to FILE, safely while the kiosk runs",
        description="Copy the kiosk's SQLite database to FILE (or to a dated file in FILE if "
        "it is a folder) with SQLite's online backup: a consistent copy, taken while the "
        "kiosk keeps working. PostgreSQL databases are backed up with pg_dump instead.",
    )
    backup.add_argument("file", type=Path, metavar="FILE")
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser(
        "restore",
        help="replace the SQLite database with the backup FILE (checked first)",
        description="Check FILE (integrity, schema revision), save the current database "
        "beside it, copy FILE into it and bring its schema up to date. The running kiosk "
        "restarts at its next idle moment.",
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.set_defaults(handler=run_restore)


def _fail(message: str) -> int:
    if "permission denied" in message:
        message += _PERMISSION_HINT
    print(f"smartcorner: {message}", file=sys.stderr)
    return 1


def run_backup(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.db.backup import BackupError, backup, sqlite_file

    try:
        database = sqlite_file(settings.database_url)
        report = backup(database, args.file)
    except BackupError as exc:
        return _fail(str(exc))
    print(
        f"backup of {database} written to {report.path} "
        f"({report.size // 1024} KiB, schema revision {report.revision})"
    )
    return 0


def run_restore(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.db.backup import BackupError, restore, sqlite_file

    try:
        database = sqlite_file(settings.database_url)
        report = restore(database, args.file)
    except BackupError as exc:
        return _fail(str(exc))
    settings.paths.restart_request_file.touch()  # a running kiosk restarts when idle
    print(f"{database} restored from {args.file} (schema revision {report.revision})")
    if report.upgraded_to:
        print(f"schema migrated to revision {report.upgraded_to}")
    if report.previous:
        print(f"the database it replaced is kept in {report.previous}")
    print("a running kiosk restarts with it at its next idle moment")
    return 0

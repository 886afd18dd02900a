"""``smartcorner selftest``: is this kiosk ready to serve — its database, devices and spool?

Checks what the settings configure: the database (reachable, schema current), the devices
(``hardware.selftest``: badge reader, printer, camera) and the print spool (backlog, failed
jobs). A configured part that is missing or failing fails the test (exit code 1).

Read-only: it never migrates the database nor touches a print job.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hardware.selftest import (
    PRINTER_TIMEOUT,
    Check,
    Verdict,
    check_camera,
    check_printer,
    check_reader,
    reason_of,
    video_devices,
)
from kiosk.settings import Settings
from ui.cli.texts import detail_of, english, name_of, say

if TYPE_CHECKING:  # the command line builds every parser: its modules import nothing heavy
    from kiosk.printing.spool import PrintSpool

STUCK_AFTER = timedelta(minutes=5)  # a pending job this old means the queue does not move

_MARKS = {
    Verdict.OK: "[ OK ]",
    Verdict.WARN: "[WARN]",
    Verdict.FAIL: "[FAIL]",
    Verdict.OFF: "[ -- ]",
}


def _check(name: str, verdict: Verdict, code: str, **values: object) -> Check:
    texts = {k: str(v) for k, v in values.items()}
    return Check(name, verdict, english(code, **texts), code, texts)


def check_database(url: str, backups: Path | None = None) -> tuple[Check, Any]:
    """The database check, and an engine on it when it is usable (else None).

    Beyond the schema: ``PRAGMA quick_check`` and a write probe rolled back
    (``kiosk.db.health``), so that a damaged or read-only database fails here, with the
    command that mends it, rather than at the next check-in.
    """
    from kiosk.db.engine import create_db_engine
    from kiosk.db.health import (
        StorageFault,
        check_file,
        check_storage,
        restore_command,
        sqlite_file,
    )
    from kiosk.db.migrate import HEAD_REVISION, SchemaError, current_revision
    from kiosk.settings import masked_url

    where = masked_url(url)
    path = sqlite_file(url)
    if path is not None and not path.exists():
        return _check("database", Verdict.FAIL, "db.empty", where=where), None
    if path is not None and check_file(path).fault is StorageFault.EMPTY_FILE:
        restore = restore_command(backups)
        return _check("database", Verdict.FAIL, "db.empty_file", where=where, restore=restore), None
    engine = create_db_engine(url)
    health = check_storage(engine)
    if health.fault is not None and health.fault is not StorageFault.UNREACHABLE:
        engine.dispose()
        folder = path.parent if path is not None else ""
        code = f"db.{health.fault.value}"
        values = {"where": where, "detail": health.detail, "folder": folder}
        return _check(
            "database", Verdict.FAIL, code, restore=restore_command(backups), **values
        ), None
    try:
        revision = current_revision(engine)
    except SchemaError as exc:
        engine.dispose()
        return _check("database", Verdict.FAIL, "db.schema", where=where, error=exc), None
    except Exception as exc:
        engine.dispose()
        error = reason_of(exc)
        return _check("database", Verdict.FAIL, "db.unreachable", where=where, error=error), None
    if revision is None:
        engine.dispose()
        return _check("database", Verdict.FAIL, "db.empty", where=where), None
    if revision != HEAD_REVISION:
        engine.dispose()
        values = {"where": where, "revision": revision, "head": HEAD_REVISION}
        return _check("database", Verdict.FAIL, "db.old_schema", **values), None
    if health.detail:  # usable, but the disk is nearly full
        return _check(
            "database", Verdict.WARN, "db.low_space", where=where, detail=health.detail
        ), engine
    return _check("database", Verdict.OK, "db.ok", where=where, revision=revision), engine


def check_spool(spool: PrintSpool, now: datetime) -> Check:
    summary = spool.summary()
    counts = {"pending": summary.pending, "sending": summary.sending, "failed": summary.failed}
    detail = english("spool.summary", **counts)
    oldest = summary.oldest_pending_at
    if oldest is not None and now - oldest > STUCK_AFTER:
        minutes = int((now - oldest).total_seconds() // 60)
        return _check("print spool", Verdict.FAIL, "spool.stuck", summary=detail, minutes=minutes)
    if summary.failed:
        return _check("print spool", Verdict.WARN, "spool.failed", summary=detail)
    return _check("print spool", Verdict.OK, "spool.summary", **counts)


def run_selftest(
    settings: Settings,
    *,
    now: datetime | None = None,
    cameras: Callable[[], list[str]] = video_devices,
    printer_timeout: float = PRINTER_TIMEOUT,
) -> list[Check]:
    from kiosk.db.engine import make_session_factory
    from kiosk.printing.spool import PrintSpool
    from kiosk.this_kiosk import find_kiosk_id

    checks = []
    database, engine = check_database(settings.database_url, settings.paths.backup_dir)
    checks.append(database)
    checks.append(check_reader(settings.reader))
    checks.append(check_printer(settings.printer, printer_timeout))
    checks.append(check_camera(settings.camera, cameras))
    if engine is None:
        checks.append(_check("print spool", Verdict.FAIL, "spool.no_db"))
    else:
        try:
            sessions = make_session_factory(engine)
            with sessions() as session:  # kiosks sharing a database: this one's queue only
                kiosk_id = find_kiosk_id(session, settings)
            spool = PrintSpool(sessions, kiosk_id=kiosk_id)
            checks.append(check_spool(spool, now or datetime.now(UTC)))
        except Exception as exc:
            error = reason_of(exc)
            checks.append(_check("print spool", Verdict.FAIL, "spool.unreadable", error=error))
        finally:
            engine.dispose()
    return checks


def format_report(settings: Settings, checks: Sequence[Check]) -> str:
    """The report in the kiosk's language (``lang``): operators read it like the screens."""
    lang = settings.lang
    names = {c.name: name_of(c, lang) for c in checks}
    width = max(len(n) for n in names.values())
    lines = [say(lang, "title", kiosk=settings.kiosk_name, profile=settings.profile)]
    lines += [
        f"{_MARKS[c.verdict]} {names[c.name].ljust(width)}  {detail_of(c, lang)}" for c in checks
    ]
    failed = [names[c.name] for c in checks if c.verdict is Verdict.FAIL]
    warned = [names[c.name] for c in checks if c.verdict is Verdict.WARN]
    if failed:
        lines.append(say(lang, "failed", names=", ".join(failed)))
    elif warned:
        lines.append(say(lang, "ready_warned", names=", ".join(warned)))
    else:
        lines.append(say(lang, "ready"))
    return "\n".join(lines)


def exit_code(checks: Sequence[Check]) -> int:
    return 1 if any(c.verdict is Verdict.FAIL for c in checks) else 0


# --- the smartcorner subcommand ----------------------------------------------------------------


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "selftest",
        help="check the database, badge reader, printer, camera and print spool",
        description="Exit code 1 when a configured device is missing or failing.",
    )
    parser.add_argument(
        "--printer-timeout",
        type=float,
        default=PRINTER_TIMEOUT,
        metavar="S",
        help=f"seconds to wait for the printer's answers (default {PRINTER_TIMEOUT})",
    )
    parser.set_defaults(handler=_selftest)


def _selftest(settings: Settings, args: argparse.Namespace) -> int:
    checks = run_selftest(settings, printer_timeout=args.printer_timeout)
    print(format_report(settings, checks))
    return exit_code(checks)

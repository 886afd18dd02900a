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

if TYPE_CHECKING:  # the command line builds every parser: its modules import nothing heavy
    from kiosk.printing.spool import PrintSpool

STUCK_AFTER = timedelta(minutes=5)  # a pending job this old means the queue does not move

_MARKS = {
    Verdict.OK: "[ OK ]",
    Verdict.WARN: "[WARN]",
    Verdict.FAIL: "[FAIL]",
    Verdict.OFF: "[ -- ]",
}


def check_database(url: str) -> tuple[Check, Any]:
    """The database check, and an engine on it when it is usable (else None)."""
    from kiosk.db.engine import create_db_engine
    from kiosk.db.migrate import HEAD_REVISION, SchemaError, current_revision
    from kiosk.settings import masked_url

    where = masked_url(url)
    engine = create_db_engine(url)
    try:
        revision = current_revision(engine)
    except SchemaError as exc:
        engine.dispose()
        return Check("database", Verdict.FAIL, f"{where}: {exc}"), None
    except Exception as exc:
        engine.dispose()
        return Check("database", Verdict.FAIL, f"{where}: unreachable ({reason_of(exc)})"), None
    if revision is None:
        engine.dispose()
        detail = f"{where}: empty, run 'smartcorner db upgrade' (or start the kiosk once)"
        return Check("database", Verdict.FAIL, detail), None
    if revision != HEAD_REVISION:
        engine.dispose()
        detail = f"{where}: schema {revision}, this software expects {HEAD_REVISION}"
        return Check("database", Verdict.FAIL, detail + ": run 'smartcorner db upgrade'"), None
    return Check("database", Verdict.OK, f"{where}: schema {revision} (current)"), engine


def check_spool(spool: PrintSpool, now: datetime) -> Check:
    summary = spool.summary()
    parts = [f"{summary.pending} pending", f"{summary.sending} sending", f"{summary.failed} failed"]
    detail = ", ".join(parts)
    oldest = summary.oldest_pending_at
    if oldest is not None and now - oldest > STUCK_AFTER:
        minutes = int((now - oldest).total_seconds() // 60)
        return Check("print spool", Verdict.FAIL, f"{detail}; the oldest waits for {minutes} min")
    if summary.failed:
        advice = "reprint or cancel them on the admin hardware screen"
        return Check("print spool", Verdict.WARN, f"{detail}: {advice}")
    return Check("print spool", Verdict.OK, detail)


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
    database, engine = check_database(settings.database_url)
    checks.append(database)
    checks.append(check_reader(settings.reader))
    checks.append(check_printer(settings.printer, printer_timeout))
    checks.append(check_camera(settings.camera, cameras))
    if engine is None:
        checks.append(Check("print spool", Verdict.FAIL, "cannot be read: database not ready"))
    else:
        try:
            sessions = make_session_factory(engine)
            with sessions() as session:  # kiosks sharing a database: this one's queue only
                kiosk_id = find_kiosk_id(session, settings)
            spool = PrintSpool(sessions, kiosk_id=kiosk_id)
            checks.append(check_spool(spool, now or datetime.now(UTC)))
        except Exception as exc:
            checks.append(Check("print spool", Verdict.FAIL, f"cannot be read ({reason_of(exc)})"))
        finally:
            engine.dispose()
    return checks


def format_report(settings: Settings, checks: Sequence[Check]) -> str:
    width = max(len(c.name) for c in checks)
    lines = [f"Smart Corner self-test: {settings.kiosk_name} (profile {settings.profile})"]
    lines += [f"{_MARKS[c.verdict]} {c.name.ljust(width)}  {c.detail}" for c in checks]
    failed = [c.name for c in checks if c.verdict is Verdict.FAIL]
    warned = [c.name for c in checks if c.verdict is Verdict.WARN]
    if failed:
        lines.append(f"FAILED: {', '.join(failed)}")
    elif warned:
        lines.append(f"ready, with warnings: {', '.join(warned)}")
    else:
        lines.append("ready")
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

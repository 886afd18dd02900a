"""``smartcorner selftest``: is this kiosk's hardware (and its database) ready to serve?

Checks what the settings configure: the database (reachable, schema current), the badge
reader (pcscd reachable, reader present), the printer (online, paper), the camera, and the
print spool (backlog, failed jobs). Devices set to ``none`` are reported as simulated and
do not fail the test; a configured device that is missing or failing does (exit code 1).

Read-only: it never migrates the database nor touches a print job. Every device question is
bounded by a short timeout, so the command answers within seconds even with a dead printer.
"""

from __future__ import annotations

import argparse
import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.print_spool import PrintSpool
    from kiosk.settings import Settings

STUCK_AFTER = timedelta(minutes=5)  # a pending job this old means the queue does not move
PRINTER_TIMEOUT = 3.0
VIDEO_CLASS = Path("/sys/class/video4linux")


class Verdict(enum.StrEnum):
    OK = "ok"
    WARN = "warn"  # works, but someone should look (paper low, failed jobs to decide on)
    FAIL = "fail"  # configured and missing or failing: the kiosk cannot do its job
    OFF = "off"  # not configured, or simulated (demo)


@dataclass(frozen=True)
class Check:
    name: str
    verdict: Verdict
    detail: str


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
        return Check("database", Verdict.FAIL, f"{where}: unreachable ({_reason(exc)})"), None
    if revision is None:
        engine.dispose()
        detail = f"{where}: empty, run 'smartcorner db upgrade' (or start the kiosk once)"
        return Check("database", Verdict.FAIL, detail), None
    if revision != HEAD_REVISION:
        engine.dispose()
        detail = f"{where}: schema {revision}, this software expects {HEAD_REVISION}"
        return Check("database", Verdict.FAIL, detail + ": run 'smartcorner db upgrade'"), None
    return Check("database", Verdict.OK, f"{where}: schema {revision} (current)"), engine


def check_reader(setting: str) -> Check:
    """``none``: the badge simulator; ``pcsc[:name part]``: pcscd up and the reader there."""
    if setting == "none":
        return Check("badge reader", Verdict.OFF, "simulated (reader = none)")
    _, _, name_part = setting.partition(":")
    try:
        from smartcard import scard
    except ImportError as exc:
        return Check("badge reader", Verdict.FAIL, f"pyscard is not installed ({exc})")
    rv, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if rv != scard.SCARD_S_SUCCESS:
        detail = f"pcscd is not reachable ({scard.SCardGetErrorMessage(rv).strip()})"
        return Check("badge reader", Verdict.FAIL, detail + ": systemctl status pcscd")
    try:
        rv, names = scard.SCardListReaders(context, [])
        readers = list(names) if rv == scard.SCARD_S_SUCCESS else []
    finally:
        scard.SCardReleaseContext(context)
    matching = [n for n in readers if name_part.lower() in n.lower()]
    if not matching:
        seen = ", ".join(readers) if readers else "none"
        wanted = f" matching {name_part!r}" if name_part else ""
        return Check("badge reader", Verdict.FAIL, f"no reader{wanted} (readers seen: {seen})")
    return Check("badge reader", Verdict.OK, f"pcscd up, reader {matching[0]!r}")


def check_printer(setting: str, timeout: float = PRINTER_TIMEOUT) -> Check:
    from hardware.escpos_printer import PrinterUrlError, parse_printer_url, query_status
    from kiosk.ports import PrinterState

    if setting == "none":
        return Check("printer", Verdict.OFF, "simulated: tickets shown on screen (printer = none)")
    try:
        target = parse_printer_url(setting)
    except PrinterUrlError as exc:
        return Check("printer", Verdict.FAIL, str(exc))
    status = query_status(target, timeout)
    where = target.url + (f" (profile {target.profile})" if target.profile else "")
    if status.state is PrinterState.READY:
        return Check("printer", Verdict.OK, f"{where}: online, paper ok")
    if status.state is PrinterState.PAPER_LOW:
        return Check("printer", Verdict.WARN, f"{where}: online, paper roll near its end")
    if status.state is PrinterState.UNKNOWN:
        detail = f"{where}: opened, but {status.detail} (online and paper unknown)"
        return Check("printer", Verdict.WARN, detail)
    return Check("printer", Verdict.FAIL, f"{where}: {status.state}: {status.detail}")


def video_devices(root: Path = VIDEO_CLASS) -> list[str]:
    """The V4L2 capture devices the kernel sees (what QtMultimedia lists on Linux)."""
    if not root.is_dir():
        return []
    names = []
    for node in sorted(root.iterdir()):
        try:
            label = (node / "name").read_text().strip()
        except OSError:
            label = ""
        names.append(f"/dev/{node.name}" + (f" ({label})" if label else ""))
    return names


def check_camera(enabled: bool, cameras: Callable[[], list[str]] = video_devices) -> Check:
    if not enabled:
        return Check("camera", Verdict.OFF, "not used (camera = 0)")
    found = cameras()
    if not found:
        return Check("camera", Verdict.FAIL, "camera = 1 but no video device is present")
    return Check("camera", Verdict.OK, ", ".join(found))


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
    from kiosk.print_spool import PrintSpool
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
            checks.append(Check("print spool", Verdict.FAIL, f"cannot be read ({_reason(exc)})"))
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


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


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

"""Check-in operator commands: ticket keys and codes, programme imports, attendance export.

``smartcorner keys init`` · ``smartcorner ticket issue|revoke`` ·
``smartcorner import events|registrations FILE`` · ``smartcorner export attendance``.

Exit codes: 0 done; 1 refused (nothing changed, the message says why); 3 an import where some
rows were rejected (the good rows went in; the bad ones are listed with their line).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Final

from kiosk.paths import make_private

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from kiosk.programme.importer import KindRules
    from kiosk.settings import Settings

ROWS_REJECTED: Final = 3
MAX_ERRORS_SHOWN: Final = 200


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from ui.cli.groups import command_group

    keys = subparsers.add_parser("keys", help="the Ed25519 key pair that signs ticket codes")
    keys_sub = keys.add_subparsers(dest="keys_command", required=True, metavar="ACTION")
    init = keys_sub.add_parser(
        "init",
        help="make the signing key (stays on the issuer) and its public key (for every kiosk)",
    )
    init.set_defaults(handler=_keys_init)

    ticket = subparsers.add_parser("ticket", help="signed ticket codes (QR)")
    ticket_sub = ticket.add_subparsers(dest="ticket_command", required=True, metavar="ACTION")
    issue = ticket_sub.add_parser(
        "issue", help="sign a code for a registered person: print it and write a PNG QR code"
    )
    issue.add_argument("--event", type=int, required=True, metavar="ID")
    issue.add_argument("--person", type=int, required=True, metavar="ID")
    issue.add_argument(
        "--qr",
        type=Path,
        metavar="FILE",
        help="the PNG to write (default: ticket-EVENT-PERSON.png)",
    )
    issue.add_argument(
        "--expires",
        metavar="WHEN",
        help="expiry, ISO 8601 or dd/mm/yyyy hh:mm, Paris time (default: when check-in closes)",
    )
    issue.set_defaults(handler=_ticket_issue)
    revoke = ticket_sub.add_parser(
        "revoke", help="put a code (or its serial) on the revocation list"
    )
    revoke.add_argument("code", metavar="CODE_OR_SERIAL")
    revoke.add_argument("--reason", default="", help="kept with the revocation")
    revoke.set_defaults(handler=_ticket_revoke)

    from kiosk.domain import EventKind

    imports = command_group(subparsers, "import", "import data from files")
    for what, text in (
        ("events", "the programme, from an iCalendar (.ics), CSV or Excel (.xlsx) file"),
        ("registrations", "registrations from a CSV or Excel file (agents and external visitors)"),
    ):
        parser = imports.add_parser(what, help=text)
        parser.add_argument("files", type=Path, nargs="+", metavar="FILE")
        parser.add_argument(
            "--dry-run", action="store_true", help="check every row and report, write nothing"
        )
        if what == "events":
            parser.add_argument(
                "--site",
                metavar="CODE",
                help="site of events that name none (default: the single Smart Corner site)",
            )
            parser.add_argument(
                "--until",
                metavar="DAY",
                help="last day of the occurrences of recurring events to create, dd/mm/yyyy or "
                "yyyy-mm-dd (default: twelve months ahead; later ones wait for a later import)",
            )
            parser.add_argument(
                "--type",
                metavar="TYPE",
                choices=[kind.value for kind in EventKind],
                help="type of the events whose kind column, X-SMARTCORNER-KIND, categories and "
                "title name none (the event_types setting adds words)",
            )
        parser.set_defaults(handler=_import, import_kind=what)

    exports = command_group(subparsers, "export", "export data as files")
    attendance = exports.add_parser(
        "attendance", help="who came to an event and who did not (method, time, kiosk)"
    )
    attendance.add_argument("--event", type=int, required=True, metavar="ID")
    attendance.add_argument("--format", choices=["csv"], default="csv")
    attendance.add_argument("--output", type=Path, metavar="FILE", help="instead of stdout")
    attendance.set_defaults(handler=_export_attendance)


@contextmanager
def _database(settings: Settings) -> Iterator[sessionmaker[Session]]:
    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.db.migrate import ensure_schema

    engine = create_db_engine(settings.database_url)
    try:
        ensure_schema(engine)
        yield make_session_factory(engine)
    finally:
        engine.dispose()


def _fail(message: str) -> int:
    print(f"smartcorner: {message}", file=sys.stderr)
    return 1


def _now() -> datetime:
    from kiosk.ports import SystemClock

    return SystemClock().now()


# --- keys and tickets ----------------------------------------------------------------------


def _keys_init(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.codes import key_id, write_key_pair

    private, public = settings.ticket_private_key_path, settings.ticket_public_key_path
    if private.exists():
        return _fail(
            f"{private} exists: a new key would invalidate every ticket already issued "
            "(move it away first if that is what you want)"
        )
    key = write_key_pair(private, public)
    print(f"signing key (keep it on this machine only, mode 600): {private}")
    print(f"public key (copy it to every kiosk as ticket_public_key): {public}")
    print(f"key id: {key_id(key.public_key()).hex()}")
    return 0


def _ticket_issue(settings: Settings, args: argparse.Namespace) -> int:

    from sqlalchemy import select

    from kiosk.checkin.service import checkin_window
    from kiosk.codes import TicketIssuer, load_private_key, write_qr_png
    from kiosk.db.models import Event, Person, Registration
    from kiosk.domain import RegistrationStatus
    from kiosk.programme.importer import RowRejected, parse_when

    private = settings.ticket_private_key_path
    if not private.exists():
        return _fail(f"no signing key at {private}: run 'smartcorner keys init' first")
    now = _now()
    with _database(settings) as factory, factory() as session:
        event = session.get(Event, args.event)
        person = session.get(Person, args.person)
        if event is None:
            return _fail(f"no event with id {args.event}")
        if person is None:
            return _fail(f"no person with id {args.person}")
        status = session.scalar(
            select(Registration.status).where(
                Registration.event_id == event.id, Registration.person_id == person.id
            )
        )
        # A genuine code admits without a local registration (kiosks not yet synchronised):
        # so a code is only signed for a confirmed place.
        if status is not RegistrationStatus.CONFIRMED:
            state = "not registered" if status is None else f"registration {status}"
            return _fail(f"person {person.id} has no confirmed place at event {event.id} ({state})")
        if args.expires:
            try:
                expires = parse_when(args.expires)
            except RowRejected as exc:
                return _fail(f"--expires: {exc}")
        else:
            expires = checkin_window(event)[1] + timedelta(minutes=1)
        if expires <= now:
            return _fail(f"expiry {expires:%Y-%m-%d %H:%M} UTC is already past")
        label = f"{person.first_name} {person.last_name} — {event.title}"
    code = TicketIssuer(load_private_key(private)).issue(
        event_id=args.event, person_id=args.person, expires_at=expires
    )
    target = args.qr or Path(f"ticket-{args.event}-{args.person}.png")
    write_qr_png(code, target)
    print(code)
    print(f"{label}; expires {expires:%Y-%m-%d %H:%M} UTC; QR code: {target}", file=sys.stderr)
    return 0


def _ticket_revoke(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.checkin.door import revoke_ticket
    from kiosk.codes import TicketVerifier, load_public_keys

    public = settings.ticket_public_key_path
    verifier = TicketVerifier(load_public_keys(public)) if public.exists() else None
    with _database(settings) as factory, factory.begin() as session:
        try:
            serial = revoke_ticket(session, args.code, verifier, now=_now(), reason=args.reason)
        except ValueError as exc:
            return _fail(str(exc))
    print(f"revoked: serial {serial} (kiosks sharing this database refuse it from now on)")
    return 0


# --- import and export ---------------------------------------------------------------------


def _import(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.domain import EventKind
    from kiosk.programme.importer import KindRules, RowRejected, end_of_day
    from ui.cli.progress import file_progress

    now = _now()
    until = None
    if getattr(args, "until", None):
        try:
            until = end_of_day(args.until)
        except RowRejected as exc:
            return _fail(f"--until: {exc}")
        if until <= now:
            return _fail("--until: that day is already over")
        if until > now + timedelta(days=5 * 366):
            return _fail("--until: at most five years ahead (each occurrence is an event)")
    default = getattr(args, "type", None)
    kinds = KindRules(settings.event_types, EventKind(default) if default else None)
    worst = 0
    with _database(settings) as factory, file_progress(args.files) as step:
        for path in args.files:
            step(path)
            worst = max(worst, _import_one(settings, args, factory, path, now, until, kinds))
        if not args.dry_run:
            _promote_waiting(factory, now)
    return worst


def _promote_waiting(factory: sessionmaker[Session], now: datetime) -> None:
    """Places the import freed go to those waiting, in order (their notices queued)."""
    from kiosk.signup.registration import promote_where_places_are_free

    with factory() as session:
        promoted = promote_where_places_are_free(session, now)
    for event_id, people in promoted.items():
        print(f"event {event_id}: {len(people)} promoted from the waiting list")


def _import_one(
    settings: Settings,
    args: argparse.Namespace,
    factory: sessionmaker[Session],
    path: Path,
    now: datetime,
    until: datetime | None,
    kinds: KindRules,
) -> int:
    from kiosk.programme.importer import import_file

    try:
        data = path.read_bytes()
    except OSError as exc:
        return _fail(f"{path}: {exc.strerror or exc}")
    report = import_file(
        factory,
        args.import_kind,
        data,
        filename=path.name,
        now=now,
        default_site=getattr(args, "site", None) or settings.site or None,
        dry_run=args.dry_run,
        until=until,
        kinds=kinds,
    )
    note = " (dry run: nothing written)" if args.dry_run else ""
    print(f"{path}: {args.import_kind}: {report}{note}")
    for series in report.series:
        print(f"  {path.name}:{series.line}: {series}")
    for line in report.notes:
        print(f"  note: {line}")
    for error in report.errors[:MAX_ERRORS_SHOWN]:
        print(f"  {path.name}:{error.line}: {error.reason}", file=sys.stderr)
    if len(report.errors) > MAX_ERRORS_SHOWN:
        print(f"  ... and {len(report.errors) - MAX_ERRORS_SHOWN} more", file=sys.stderr)
    return ROWS_REJECTED if report.errors else 0


def _export_attendance(settings: Settings, args: argparse.Namespace) -> int:
    import io

    from kiosk.checkin.door import export_attendance

    buffer = io.StringIO()
    with _database(settings) as factory, factory() as session:
        try:
            counts = export_attendance(session, args.event, buffer)
        except LookupError as exc:
            return _fail(str(exc).strip("'\""))
    if args.output is None:
        sys.stdout.write(buffer.getvalue())
    else:
        args.output.write_text(buffer.getvalue(), encoding="utf-8")
        make_private(args.output)
        summary = ", ".join(f"{n} {what}" for what, n in counts.items())
        print(f"written to {args.output} ({summary})")
    return 0

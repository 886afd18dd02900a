"""The ``smartcorner`` console command.

Lives in ui/ because ``run`` starts the Qt application; every other subcommand imports only
kiosk/ (lazily), so operator commands stay fast and work on a machine without a screen.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final

from kiosk.paths import make_private, private_umask

if TYPE_CHECKING:
    from sqlalchemy.orm import sessionmaker

    from kiosk.settings import Settings
    from ui.cli.groups import CommandGroup

_STARTED_AT = time.perf_counter()

# The commands built in below need none of the operator commands' modules: ``run`` starts the
# kiosk without importing them (see _command_groups).
BUILT_IN: Final = frozenset({"run", "demo", "db", "config"})

log = logging.getLogger(__name__)


def _command(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names: its first word that is not an option (``-v`` takes none)."""
    return next((arg for arg in argv if not arg.startswith("-")), None)


def _parser(*, groups: bool = True) -> argparse.ArgumentParser:
    """The whole command line, or with ``groups`` false only the built-in commands."""
    p = argparse.ArgumentParser(
        prog="smartcorner",
        description="Smart Corner kiosk. Settings: TOML file in SMARTCORNER_CONFIG "
        "(or /etc/smartcorner/kiosk.toml), overridden by SMARTCORNER_* variables.",
    )
    p.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="start the kiosk (full screen)")
    run.add_argument("--windowed", action="store_true", help="a window instead of full screen")
    run.add_argument(
        "--smoke",
        action="store_true",
        help="paint the attract screen, print 'ready in <N> ms' and exit",
    )
    run.add_argument("--profile", choices=["store", "room", "tour"], help="override the profile")
    run.add_argument("--lang", choices=["fr", "en"], help="override the language")

    demo = sub.add_parser("demo", help="seed the database with the demo data set")
    demo.add_argument("--reset", action="store_true", help="wipe the demo data and seed again")

    db = sub.add_parser("db", help="database schema")
    dbsub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    up = dbsub.add_parser("upgrade", help="migrate to the newest schema (or REVISION)")
    up.add_argument("revision", nargs="?", default="head")
    down = dbsub.add_parser("downgrade", help="migrate back to REVISION ('base' empties it)")
    down.add_argument("revision")
    dbsub.add_parser("current", help="print the schema revision of the database")
    init = dbsub.add_parser(
        "init", help="create a new database; --force replaces an existing file (kept aside)"
    )
    init.add_argument(
        "--force", action="store_true", help="replace an existing database file, keeping it aside"
    )

    sub.add_parser("config", help="print the settings in force (passwords masked)")
    if groups:
        for group in _command_groups():
            group.register(sub)
    return p


def _command_groups() -> tuple[CommandGroup, ...]:
    """Each capability's operator commands: a module of ui.cli with ``register(subparsers)``
    that adds parsers and sets ``handler`` (``fn(settings, args) -> int``, the exit code).

    Imported here, when an operator command runs, not at the top: ``smartcorner run`` paints
    the attract screen without loading them. Keep their top level free of heavy imports.
    """
    from ui.cli import (
        backup,
        checkin,
        collect,
        documents,
        fleet,
        help,
        notices,
        projects,
        rgpd,
        selftest,
        stats,
        sync,
    )

    return (
        rgpd, selftest, backup, checkin, help, sync, documents, projects, collect, stats, fleet,
        notices,
    )  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    # Records, logs, backups and exports name people: readable by the kiosk's account only.
    private_umask()
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _parser(groups=_command(argv) not in BUILT_IN).parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format=_LOG_FORMAT,
    )
    if not args.verbose:  # alembic announces each of its plugins at INFO
        logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    from kiosk.settings import Language, Profile, SettingsError, load_settings, with_overrides

    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"smartcorner: configuration error: {exc}", file=sys.stderr)
        return 2
    if args.command == "run" and (args.profile or args.lang):
        settings = with_overrides(
            settings,
            profile=Profile(args.profile) if args.profile else settings.profile,
            lang=Language(args.lang) if args.lang else settings.lang,
        )
    try:
        settings.paths.ensure()
    except OSError as exc:  # a read-only or full disk: say so, and let the command say more
        log.error("the data folder %s cannot be prepared: %s", settings.paths.data_dir, exc)
    held: _HeldRecords | None = None
    if args.command == "run":  # the log file opens after the first paint; until then, held
        held = _HeldRecords()
        logging.getLogger().addHandler(held)

    handler = getattr(args, "handler", None)
    if handler is not None:
        code: int = handler(settings, args)
        return code
    if args.command == "run":
        from ui.app.run import run

        log_dir = settings.paths.log_dir
        return run(
            settings,
            windowed=args.windowed,
            smoke=args.smoke,
            started_at=_STARTED_AT,
            after_first_paint=lambda: _log_to_file(log_dir, held),
        )
    if args.command == "config":
        return _print_config(settings)
    if args.command == "demo":
        return _demo(settings, reset=args.reset)
    if args.command == "db":
        return _db(settings, args)
    raise AssertionError(args.command)  # argparse only lets known commands through


_LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _HeldRecords(logging.Handler):
    """What the kiosk logs before its log file opens, written to the file when it does."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _log_to_file(log_dir: Path, held: _HeldRecords | None = None) -> None:
    """A kiosk runs for months: keep a week of logs next to the data, beside stderr.

    Opened once the attract screen has painted (``logging.handlers`` and its imports cost
    ~10 ms of the start); what was logged before is ``held`` and written first.
    """
    from logging.handlers import TimedRotatingFileHandler

    root = logging.getLogger()
    if held is not None:
        root.removeHandler(held)
    try:
        handler = TimedRotatingFileHandler(
            log_dir / "kiosk.log", when="midnight", backupCount=7, encoding="utf-8"
        )
    except OSError as exc:  # a read-only or full disk must not stop the kiosk at start
        log.error("no log file (%s): logging to the journal only", exc)
        return
    for old in log_dir.glob("kiosk.log*"):  # written before the kiosk made its files private
        make_private(old)
    handler.setFormatter(logging.Formatter(_LOG_FORMAT))
    for record in held.records if held is not None else ():
        handler.handle(record)
    root.addHandler(handler)


def _print_config(settings: Settings) -> int:
    from kiosk.settings import masked_url

    print(f"config file : {settings.paths.config_file or '(none)'}")
    print(f"data dir    : {settings.paths.data_dir}")
    print(f"database    : {masked_url(settings.database_url)}")
    print(f"profile     : {settings.profile}")
    print(f"kiosk name  : {settings.kiosk_name}")
    print(f"language    : {settings.lang}")
    print(f"printer     : {settings.printer}")
    print(f"reader      : {settings.reader}")
    print(f"camera      : {int(settings.camera)}")
    print(f"idle        : {settings.idle_timeout} s + {settings.idle_countdown} s countdown")
    print(f"screen lit  : {settings.display_schedule}")
    return 0


def _demo(settings: Settings, *, reset: bool) -> int:
    from kiosk.db.engine import make_session_factory
    from kiosk.db.health import StorageError
    from kiosk.db.migrate import open_kiosk_database
    from kiosk.demo.seed import reset_demo, seed_demo
    from kiosk.ports import SystemClock
    from kiosk.settings import masked_url

    try:
        engine = open_kiosk_database(settings.database_url)
    except StorageError as exc:
        print(f"smartcorner: {exc.detail}", file=sys.stderr)
        return 1
    factory = make_session_factory(engine)
    now = SystemClock().now()
    summary = reset_demo(factory, now) if reset else seed_demo(factory, now)
    where = masked_url(settings.database_url)
    if summary.already_present:
        print(f"demo data already present in {where} (use --reset to seed again)")
    else:
        print(f"demo data seeded in {where}: {summary}")
    # Badges are stored hashed with this kiosk's site key, which the seed does not hold.
    from kiosk.checkin.demo import link_demo_badges
    from kiosk.identity import load_site_key

    with factory.begin() as session:
        badges = link_demo_badges(session, load_site_key(settings.site_key_path), now)
    if badges:
        print(f"{badges} demo badges linked with the site key {settings.site_key_path}")
    _demo_codes(settings, factory, now)
    engine.dispose()
    return 0


def _demo_codes(settings: Settings, factory: sessionmaker, now: datetime) -> None:  # type: ignore[type-arg]
    """Today's tickets and order codes as QR PNGs, to try scanning on the demo."""
    from kiosk.demo.codes import LIST_NAME, demo_signing_key, write_demo_codes

    private, public = settings.ticket_private_key_path, settings.ticket_public_key_path
    try:
        key, made = demo_signing_key(private, public)
    except (OSError, ValueError) as exc:
        print(f"no demo QR codes: {exc}")
        return
    if made:
        print(f"demo ticket signing key made: {private} (its public half: {public})")
    folder = settings.paths.data_dir / "demo-codes"
    with factory() as session:
        codes = write_demo_codes(session, key, folder, now)
    print(
        f"{len(codes)} demo QR codes (tickets for today's events, order codes) in {folder}; "
        f"who each one is: {folder / LIST_NAME}"
    )


def _db(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.db import migrate
    from kiosk.db.engine import create_db_engine
    from kiosk.db.health import StorageError, StorageFault, check_file, sqlite_file
    from kiosk.settings import masked_url

    action, revision = args.db_command, getattr(args, "revision", None)
    where = masked_url(settings.database_url)
    if action == "init":
        try:
            stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
            kept = migrate.init_database(settings.database_url, force=args.force, now=stamp)
        except StorageError as exc:
            print(f"smartcorner: {exc.detail}", file=sys.stderr)
            return 1
        if kept is not None:
            print(f"the previous database file is kept as {kept}")
        print(f"{where}: new database, schema revision {migrate.HEAD_REVISION}")
        return 0
    path = sqlite_file(settings.database_url)
    if path is not None and check_file(path).fault is StorageFault.EMPTY_FILE:
        print(
            f"smartcorner: {path} is an empty file: restore the last backup "
            "(smartcorner restore FILE), or start afresh with 'smartcorner db init --force'",
            file=sys.stderr,
        )
        return 1
    engine = create_db_engine(settings.database_url)
    try:
        if action == "upgrade":
            migrate.upgrade(engine, revision or "head")
        elif action == "downgrade":
            assert revision is not None
            migrate.downgrade(engine, revision)
        print(f"{where}: schema revision {migrate.current_revision(engine) or '(empty)'}")
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

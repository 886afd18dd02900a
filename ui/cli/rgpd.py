"""``smartcorner purge`` and ``smartcorner export person``: the RGPD operator commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.domain import PARIS
from kiosk.paths import make_private

if TYPE_CHECKING:
    from kiosk.settings import Settings


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from ui.cli.groups import command_group

    purge = subparsers.add_parser(
        "purge", help="delete personal data older than its retention period (RGPD)"
    )
    purge.add_argument(
        "--dry-run", action="store_true", help="only list what would be deleted, change nothing"
    )
    purge.set_defaults(handler=_purge)

    exports = command_group(subparsers, "export", "export data as files")
    person = exports.add_parser("person", help="everything held on one person, as JSON (RGPD)")
    person.add_argument("person_id", type=int, metavar="ID")
    person.add_argument("--output", type=Path, help="write to this file instead of stdout")
    person.set_defaults(handler=_export_person)


def _purge(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.db.engine import create_db_engine
    from kiosk.db.migrate import ensure_schema
    from kiosk.ports import SystemClock
    from kiosk.rgpd.retention import purge
    from kiosk.settings import masked_url

    engine = create_db_engine(settings.database_url)
    try:
        ensure_schema(engine)
        lines = purge(engine, SystemClock().now(), settings.retention, dry_run=args.dry_run)
    finally:
        engine.dispose()
    verb = "would delete" if args.dry_run else "deleted"
    print(f"{masked_url(settings.database_url)}: retention {'(dry run)' if args.dry_run else ''}")
    for line in lines:
        before = line.cutoff.astimezone(PARIS).strftime("%d/%m/%Y %H:%M")
        what = f"{line.label} ({line.kind}, {line.days} days)"
        if line.rows is None:
            print(f"  {what}: no such table here")
            continue
        extra = f", {line.dependent_rows} linked rows" if line.dependent_rows else ""
        print(f"  {what}: {verb} {line.rows} rows dated before {before}{extra}")
    return 0


def _export_person(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.db.engine import create_db_engine
    from kiosk.ports import SystemClock
    from kiosk.rgpd.person_export import PersonNotFoundError, export_person, to_json

    engine = create_db_engine(settings.database_url)
    try:
        data = export_person(engine, args.person_id, generated_at=SystemClock().now())
    except PersonNotFoundError as exc:
        print(f"smartcorner: {exc}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    text = to_json(data)
    if args.output is None:
        print(text)
    else:
        args.output.write_text(text + "\n", encoding="utf-8")
        make_private(args.output)
        print(f"written to {args.output} ({sum(len(r) for r in data['records'].values())} records)")
    return 0

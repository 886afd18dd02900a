"""``smartcorner fleet``: every kiosk of the shared database, its state in words and how stale
it is, in the kiosk's language; exit 1 when one needs attention (for monitoring scripts)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.settings import Settings

MARKS = {"ok": "✓", "attention": "!", "silent": "✗", "never": "?"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    fleet = subparsers.add_parser(
        "fleet",
        help="every kiosk sharing this database: state, staleness, open incidents "
        "(exit 1 when one needs attention)",
    )
    fleet.add_argument("--json", action="store_true", help="codes and ISO times, one document")
    fleet.set_defaults(handler=_fleet)


def _fleet(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.db.migrate import ensure_schema
    from kiosk.fleet.report import as_json, describe, fleet_report
    from kiosk.fleet.rules import FleetRules
    from kiosk.ports import SystemClock

    engine = create_db_engine(settings.database_url)
    try:
        ensure_schema(engine)
        now = SystemClock().now()
        with make_session_factory(engine)() as session:
            lines = fleet_report(session, now, FleetRules.of(settings))
    finally:
        engine.dispose()
    if args.json:
        json.dump([as_json(line, now) for line in lines], sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for line in lines:
            words = describe(line, now, settings.lang)
            print(f"{MARKS[words.level]} {words.title} — {words.status}")
            for detail in words.details:
                print(f"    {detail}")
    return 1 if any(line.attention for line in lines) else 0

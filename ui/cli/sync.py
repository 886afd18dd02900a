"""``smartcorner sync``: meet the central database once (Smart Tour), from the command line."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from kiosk.domain import PARIS

if TYPE_CHECKING:
    from kiosk.settings import Settings

CONFLICTS_LISTED = 20


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sync = subparsers.add_parser(
        "sync",
        help="push this kiosk's records to the central database and pull what it needs "
        "(setting central_db)",
    )
    sync.add_argument(
        "--status", action="store_true", help="only show the sync state, do not connect"
    )
    sync.set_defaults(handler=_sync)


def _sync(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.db.engine import create_db_engine
    from kiosk.db.migrate import ensure_schema
    from kiosk.ports import SystemClock
    from kiosk.settings import masked_url
    from kiosk.sync.setup import run_sync
    from kiosk.sync.tour import SyncError, recent_conflicts, sync_status

    if not settings.central_db:
        print("smartcorner: no central database (set central_db or SMARTCORNER_CENTRAL_DB)",
              file=sys.stderr)  # fmt: skip
        return 2
    local = create_db_engine(settings.database_url)
    try:
        ensure_schema(local)
        if not args.status:
            print(f"sync with {masked_url(settings.central_db)}...")
            try:
                report, kiosk_id = run_sync(local, settings, SystemClock())
            except SyncError as exc:
                print(f"smartcorner: sync stopped: {exc}", file=sys.stderr)
                return 1
            print(f"  pushed: {_counts(report.pushed)}")
            print(f"  pulled: {_counts(report.pulled)}")
            if report.media_files or report.media_left_central:
                print(f"  project pictures and videos: {report.media_files} downloaded "
                      f"({report.media_bytes / 1e6:.1f} MB), {report.media_left_central} left "
                      "central (over the folder's budget)")  # fmt: skip
            if report.pruned:
                print(f"  dropped (no longer in the central base): {_counts(report.pruned)}")
            for conflict in report.conflicts:
                at = conflict.occurred_at.astimezone(PARIS).strftime("%d/%m/%Y %H:%M")
                print(f"  conflict ({conflict.table}, {at}): {conflict.message}")
        else:
            from kiosk.sync.setup import local_kiosk_id

            kiosk_id = local_kiosk_id(local, settings)
        now = SystemClock().now()
        status = sync_status(local, kiosk_id, now) if kiosk_id is not None else None
        with local.connect() as conn:
            conflicts = recent_conflicts(conn, CONFLICTS_LISTED)
    finally:
        local.dispose()
    if status is not None:
        print(f"  last success: {_when(status.last_success_at)}; data as of "
              f"{_when(status.data_as_of)}; {status.pending} records to push; "
              f"{status.conflicts} conflicts")  # fmt: skip
        if status.held:
            print(f"  held back until they can no longer change: {status.held} answers")
        if status.last_error:
            print(f"  last error: {status.last_failure or 'unknown'}: {status.last_error}")
    if args.status:
        for line in conflicts:  # staff read this: names are shown here, never on the chip
            who = " · ".join(p for p in (line.person, line.event) if p)
            print(f"  conflict {_when(line.at)} {who}: {line.message}")
    return 0


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {name}" for name, n in counts.items() if n) or "nothing new"


def _when(at: object) -> str:
    from datetime import datetime

    if not isinstance(at, datetime):
        return "never"
    return at.astimezone(PARIS).strftime("%d/%m/%Y %H:%M")

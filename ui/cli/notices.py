"""The Smart Tour's itinerary and staff's announcements (no Qt).

smartcorner import tour FILE [--dry-run]
smartcorner tour [--all]
smartcorner announce add TEXT [--en TEXT] [--from WHEN] [--to WHEN] [--profile P] [--kiosk CODE]
smartcorner announce list [--all]
smartcorner announce remove ID
"""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ui.cli.groups import apply_all_or_none, command_group, writer_sessions

if TYPE_CHECKING:
    from datetime import datetime

    from kiosk.settings import Settings


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from kiosk.settings import Profile

    imports = command_group(subparsers, "import", "import data from other systems")
    tour = imports.add_parser(
        "tour",
        help="the Smart Tour's itinerary (CSV, Excel .xlsx or JSON); all rows or none",
        description="Columns: date (dd/mm/yyyy), site (a site code), start, end (9:00, 9h, "
        "16h30), offer, offer_en. The file is the plan for the days it covers: a stop of those "
        "days it no longer lists is removed. Re-importing is safe.",
    )
    tour.add_argument("file", type=Path)
    tour.add_argument("--dry-run", action="store_true", help="check only, write nothing")
    tour.set_defaults(handler=_import_tour)

    stops = subparsers.add_parser("tour", help="the Smart Tour's next stops")
    stops.add_argument("--all", action="store_true", help="also the stops already over")
    stops.set_defaults(handler=_list_stops)

    announce = command_group(subparsers, "announce", "banners on the kiosks' screens")
    add = announce.add_parser("add", help="put up a banner (attract and home screens)")
    add.add_argument("text", help="in French, at most 200 characters")
    add.add_argument("--en", default="", help="in English (else the French is shown)")
    add.add_argument("--from", dest="starts", help="when it appears (dd/mm/yyyy [hh:mm]; now)")
    add.add_argument("--to", dest="ends", help="when it goes (dd/mm/yyyy [hh:mm]; in 7 days)")
    add.add_argument(
        "--profile", action="append", default=[], choices=[p.value for p in Profile],
        help="only kiosks of this profile (repeatable; default every one)",
    )  # fmt: skip
    add.add_argument(
        "--kiosk", action="append", default=[], help="only this kiosk code (repeatable)"
    )
    add.set_defaults(handler=_announce)
    listing = announce.add_parser("list", help="the banners not ended yet")
    listing.add_argument("--all", action="store_true", help="also the ended ones")
    listing.set_defaults(handler=_list_announcements)
    remove = announce.add_parser("remove", help="end a banner now (it stays on record)")
    remove.add_argument("id", type=int)
    remove.set_defaults(handler=_withdraw)


def _now() -> datetime:
    from kiosk.ports import SystemClock

    return SystemClock().now()


def _local(moment: datetime) -> str:
    from kiosk.domain import PARIS

    return f"{moment.astimezone(PARIS):%d/%m/%Y %H:%M}"


def _import_tour(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.itinerary.importer import ImportFileError, import_tour, read_rows

    try:
        rows = read_rows(args.file)
    except (OSError, ImportFileError) as exc:
        print(f"smartcorner: {exc}", file=sys.stderr)
        return 2
    now = _now()
    return apply_all_or_none(
        settings,
        args.file,
        lambda session: import_tour(session, rows, now),
        dry_run=args.dry_run,
    )


def _list_stops(settings: Settings, args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from kiosk.itinerary.stops import upcoming_stops

    engine, sessions = writer_sessions(settings)
    try:
        since = datetime.min.replace(tzinfo=UTC) if args.all else _now()
        with sessions() as session:
            stops = upcoming_stops(session, since, limit=10_000)
        for s in stops:
            print(f"{_local(s.starts_at)}–{_local(s.ends_at)[-5:]}  {s.site_code:<12} "
                  f"{s.place}  {s.offer}")  # fmt: skip
        if not stops:
            print("no stop planned")
        return 0
    finally:
        engine.dispose()


def _when(text: str | None, default: datetime) -> datetime:
    from kiosk.exchange.csv_files import parse_moment

    return default if not text else parse_moment(text)


def _announce(settings: Settings, args: argparse.Namespace) -> int:
    import getpass

    from kiosk.announcements.service import AnnouncementRefused, announce
    from kiosk.settings import Profile

    now = _now()
    try:
        starts = _when(args.starts, now)
        ends = _when(args.ends, max(now, starts) + timedelta(days=7))
    except ValueError as exc:
        print(f"smartcorner: not a date: {exc} (dd/mm/yyyy [hh:mm])", file=sys.stderr)
        return 2
    engine, sessions = writer_sessions(settings)
    try:
        with sessions.begin() as session:
            banner = announce(
                session, args.text, starts, ends, now, text_en=args.en,
                profiles=tuple(Profile(p) for p in args.profile), kiosks=tuple(args.kiosk),
                created_by=f"cli:{getpass.getuser()}",
            )  # fmt: skip
    except AnnouncementRefused as exc:
        print(f"smartcorner: {exc}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(f"announcement {banner.id}: {_local(banner.starts_at)} → {_local(banner.ends_at)}")
    return 0


def _list_announcements(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.announcements.service import announcements

    engine, sessions = writer_sessions(settings)
    try:
        with sessions() as session:
            found = announcements(session, _now(), ended=args.all)
        for b in found:
            where = ",".join([*(p.value for p in b.profiles), *b.kiosks]) or "every kiosk"
            print(f"{b.id:>4}  {_local(b.starts_at)} → {_local(b.ends_at)}  [{where}]  {b.text}")
        if not found:
            print("no announcement")
        return 0
    finally:
        engine.dispose()


def _withdraw(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.announcements.service import withdraw
    from kiosk.db.engine import begin_as_writer

    engine, sessions = writer_sessions(settings)
    try:
        with sessions.begin() as session:
            begin_as_writer(session)
            ended = withdraw(session, args.id, _now())
    finally:
        engine.dispose()
    if not ended:
        print(f"smartcorner: no announcement {args.id} in force", file=sys.stderr)
        return 1
    print(f"announcement {args.id} ended")
    return 0

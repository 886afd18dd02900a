"""``smartcorner stats`` (French text report) and ``smartcorner export stats`` (CSV or XLSX).

The quarter defaults to the current one in Paris. Exit code 2 for a quarter that does not
parse (argparse's own code for a bad argument).
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.paths import make_private

if TYPE_CHECKING:
    from kiosk.settings import Settings
    from kiosk.stats.dashboard import Dashboard
    from kiosk.stats.periods import Quarter


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from ui.cli.groups import command_group

    stats = subparsers.add_parser(
        "stats", help="the quarter's figures: events, visits of the spaces, help requests"
    )
    _quarter_option(stats)
    stats.set_defaults(handler=_stats)

    exports = command_group(subparsers, "export", "export data as files")
    export = exports.add_parser("stats", help="the quarter's figures as a CSV or XLSX table")
    _quarter_option(export)
    export.add_argument("--format", choices=["csv", "xlsx"], default="csv")
    export.add_argument(
        "--output", type=Path, metavar="FILE", help="default: statistiques-YYYY-Qn.csv|xlsx"
    )
    export.set_defaults(handler=_export_stats)


def _quarter(text: str) -> Quarter:
    from kiosk.stats.periods import Quarter

    try:
        return Quarter.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _quarter_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--quarter", type=_quarter, metavar="YYYY-Qn", help="e.g. 2026-Q3 (default: this quarter)"
    )


def _dashboard(settings: Settings, quarter: Quarter | None) -> Dashboard:
    from sqlalchemy.orm import Session

    from kiosk.db.engine import create_db_engine
    from kiosk.db.migrate import ensure_schema
    from kiosk.domain import PARIS
    from kiosk.stats.dashboard import quarter_dashboard
    from kiosk.stats.periods import Quarter

    now = datetime.now(UTC)
    chosen = quarter or Quarter.containing(now.astimezone(PARIS).date())
    engine = create_db_engine(settings.database_url)
    try:
        ensure_schema(engine)
        with Session(engine) as session:
            return quarter_dashboard(session, chosen, now)
    finally:
        engine.dispose()


def _stats(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.settings import masked_url
    from kiosk.stats.report import report_text

    board = _dashboard(settings, args.quarter)
    print(report_text(board, masked_url(settings.database_url)), end="")
    return 0


def _export_stats(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.stats.export import write_csv, write_xlsx
    from kiosk.stats.table import table

    board = _dashboard(settings, args.quarter)
    rows = table(board)
    output: Path = args.output or Path(f"statistiques-{board.quarter.code}.{args.format}")
    if args.format == "xlsx":
        write_xlsx(rows, output, sheet=board.quarter.code)
    else:
        write_csv(rows, output)
    make_private(output)
    print(f"{board.quarter.label_fr}: {len(rows)} lines written to {output}")
    return 0

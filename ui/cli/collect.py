"""Click & Collect commands (no Qt): importing orders, order codes, expiry, receipt checks.

smartcorner import orders FILE [--dry-run]
smartcorner import catalogue FILE [--pictures FOLDER] [--dry-run]
smartcorner collect requests [--status S]
smartcorner collect order-code ORDER_REF [--days N] [--png FILE]
smartcorner collect expire
smartcorner collect verify RECEIPT_CODE
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ui.cli.groups import apply_all_or_none, command_group, writer_sessions

if TYPE_CHECKING:
    from kiosk.settings import Settings


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:

    imports = command_group(subparsers, "import", "import data from other systems")
    orders = imports.add_parser(
        "orders",
        help="orders of the online catalogue (CSV, Excel .xlsx or JSON); all rows or none",
        description="Columns: order, line, matricule, item, quantity, status "
        "(placed|approved|cancelled), placed_at, expected_at. Re-importing is safe.",
    )
    orders.add_argument("file", type=Path)
    orders.add_argument("--dry-run", action="store_true", help="check only, write nothing")
    orders.set_defaults(handler=_import_orders)
    catalogue = imports.add_parser(
        "catalogue",
        help="the service catalogue (CSV, Excel .xlsx or JSON) with stock per site; all or none",
        description="Columns: code, name, family, kind, description, delivery, picture, icon, "
        "roles, directions, max_per_agent, renewal_days, tracked, stocked, active, stock "
        "(SITE=units; ...). Re-importing is safe.",
    )
    catalogue.add_argument("file", type=Path)
    catalogue.add_argument(
        "--pictures", type=Path, help="folder of the pictures (default: the file's folder)"
    )
    catalogue.add_argument("--dry-run", action="store_true", help="check only, write nothing")
    catalogue.set_defaults(handler=_import_catalogue)

    collect = command_group(subparsers, "collect", "Click & Collect")
    code = collect.add_parser("order-code", help="the signed QR code of an order (issuer only)")
    code.add_argument("reference", help="the order's reference, e.g. CC-2026-00042")
    code.add_argument("--days", type=int, default=30, help="validity in days (default 30)")
    code.add_argument("--png", type=Path, help="also write the QR code to this PNG file")
    code.set_defaults(handler=_order_code)
    expire = collect.add_parser("expire", help="ready lines past their pickup date: expired")
    expire.set_defaults(handler=_expire)
    verify = collect.add_parser("verify", help="who collected what, from a receipt's QR code")
    verify.add_argument("code")
    verify.set_defaults(handler=_verify)
    listed = collect.add_parser("requests", help="requests made at the kiosks, oldest first")
    listed.add_argument(
        "--status",
        choices=[s.value for s in _statuses()],
        help="only those in this state (placed: waiting for staff)",
    )
    listed.set_defaults(handler=_requests)


def _statuses() -> list[Any]:
    from kiosk.collect.status import LineStatus

    return list(LineStatus)


def _import_orders(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.collect.importer import ImportFileError, import_orders, read_rows
    from kiosk.ports import SystemClock

    try:
        rows = read_rows(args.file)
    except (OSError, ImportFileError) as exc:
        print(f"smartcorner: {exc}", file=sys.stderr)
        return 2
    now = SystemClock().now()
    return apply_all_or_none(
        settings, args.file, lambda session: import_orders(session, rows, now),
        dry_run=args.dry_run, progress=True,
    )  # fmt: skip


def _order_code(settings: Settings, args: argparse.Namespace) -> int:
    from datetime import timedelta

    from sqlalchemy import select

    from kiosk.codes import load_private_key, write_qr_png
    from kiosk.collect.order_code import OrderCodeIssuer
    from kiosk.collect.tables import CollectOrder
    from kiosk.ports import SystemClock

    path = settings.ticket_private_key_path
    try:
        issuer = OrderCodeIssuer(load_private_key(path))
    except (OSError, ValueError) as exc:
        print(f"smartcorner: cannot read the signing key {path}: {exc}", file=sys.stderr)
        return 2
    engine, sessions = writer_sessions(settings)
    try:
        with sessions() as session:
            order = session.scalar(
                select(CollectOrder).where(CollectOrder.reference == args.reference)
            )
            if order is None:
                print(f"smartcorner: no order {args.reference!r}", file=sys.stderr)
                return 1
            expires = SystemClock().now() + timedelta(days=args.days)
            code = issuer.issue(order_id=order.id, person_id=order.person_id, expires_at=expires)
    finally:
        engine.dispose()
    print(code)
    if args.png:
        write_qr_png(code, args.png)
    return 0


def _expire(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.collect.staff import expire_overdue
    from kiosk.ports import SystemClock

    engine, sessions = writer_sessions(settings)
    try:
        with sessions.begin() as session:
            n = expire_overdue(session, SystemClock().now())
    finally:
        engine.dispose()
    print(f"{n} ready line(s) expired")
    return 0


def _verify(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.collect.receipt import describe_pickup, nonce_of_receipt_code

    nonce = nonce_of_receipt_code(args.code)
    if nonce is None:
        print("smartcorner: not a pickup receipt code", file=sys.stderr)
        return 2
    engine, sessions = writer_sessions(settings)
    try:
        with sessions() as session:
            text = describe_pickup(session, nonce)
    finally:
        engine.dispose()
    if text is None:
        print("NO MATCH: no pickup has this code (the receipt is not genuine)")
        return 1
    print(text)
    return 0


def _import_catalogue(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.collect.catalogue_import import import_catalogue, read_catalogue
    from kiosk.collect.importer import ImportFileError
    from kiosk.ports import SystemClock

    try:
        rows = read_catalogue(args.file)
    except (OSError, ImportFileError) as exc:
        print(f"smartcorner: {exc}", file=sys.stderr)
        return 2
    pictures = args.pictures or args.file.resolve().parent
    now = SystemClock().now()
    return apply_all_or_none(
        settings, args.file,
        lambda session: import_catalogue(session, rows, now, pictures=pictures),
        dry_run=args.dry_run, notes=lambda report: report.conflicts,
    )  # fmt: skip


def _requests(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.collect.requests import requests
    from kiosk.collect.status import LineStatus
    from kiosk.domain import PARIS

    engine, sessions = writer_sessions(settings)
    try:
        with sessions() as session:
            found = requests(session, status=LineStatus(args.status) if args.status else None)
    finally:
        engine.dispose()
    for r in found:
        when = r.placed_at.astimezone(PARIS).strftime("%d/%m/%Y %H:%M")
        line = (
            f"{r.reference}  {when}  {r.status.value:<20} {r.quantity} x {r.item_name}  "
            f"{r.agent_name} ({r.matricule or '-'})  site {r.site_code or '-'}"
        )
        if r.note:
            line += f"  note: {r.note}"
        if r.decline_reason:
            line += f"  declined: {r.decline_reason}"
        print(line)
    print(f"{len(found)} request(s)")
    return 0

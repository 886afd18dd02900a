"""Orders from the online catalogue, as CSV or JSON: ``smartcorner import orders FILE``.

All or nothing: every row is checked first and any error stops the import with the list of
errors (line number for CSV, position for JSON) and nothing written. Re-importing the same
file changes nothing; a newer export moves lines forward (placed -> approved, or cancelled)
but never backwards, and never undoes what the desk has done.

CSV: a header row with ``order, line, matricule, item, quantity, status, placed_at,
expected_at`` (``quantity``, ``status``, ``expected_at`` optional), read by the shared
office-file reader: UTF-8 or Windows-1252 (Excel), ``,``, ``;`` or tab; or the same table as
an Excel workbook (``.xlsx``, its first sheet).
JSON: a list of such rows, or ``{"orders": [{"order", "matricule", "placed_at", "lines":
[{"line", "item", "quantity", "status", "expected_at"}]}]}``.
Dates are ISO 8601 or French (``10/11/2026 09:00``, seconds optional); without a zone they
are Paris time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.collect.lines import move_line
from kiosk.collect.status import PROGRESS, Actor, LineStatus, OrderSource, can_move
from kiosk.collect.tables import CatalogueItem, CollectOrder, LineEvent, OrderLine
from kiosk.db.models import Person
from kiosk.domain import PARIS, PersonKind, new_nonce
from kiosk.exchange.csv_files import CsvProblem, decode_text, parse_moment
from kiosk.exchange.tables import is_workbook, table_rows

IMPORTABLE: Final = {
    "placed": LineStatus.PLACED,
    "approved": LineStatus.APPROVED,
    "cancelled": LineStatus.CANCELLED,
}
MAX_QUANTITY: Final = 99
COLUMNS: Final = ("order", "line", "matricule", "item", "quantity", "status", "placed_at")
REQUIRED: Final = ("order", "line", "matricule", "item", "placed_at")


@dataclass(frozen=True)
class RowError:
    where: str  # "line 12" (CSV) or "orders[3].lines[0]" (JSON)
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class ImportReport:
    orders_created: int = 0
    lines_created: int = 0
    lines_moved: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    # Rows about orders made at the kiosk: left as they are, said so (not errors).
    conflicts: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def __str__(self) -> str:
        return (
            f"{self.orders_created} orders and {self.lines_created} lines created, "
            f"{self.lines_moved} lines moved on, {self.unchanged} rows unchanged"
            + (
                f", {len(self.conflicts)} rows left alone (made at a kiosk)"
                if self.conflicts
                else ""
            )
        )


class ImportFileError(ValueError):
    """The file as a whole cannot be read (not CSV/JSON, no header...)."""


@dataclass(frozen=True)
class _Row:
    where: str
    order: str
    line_no: int
    matricule: str
    item: str
    quantity: int
    status: LineStatus
    placed_at: datetime
    expected_at: datetime | None


def read_rows(path: Path) -> list[tuple[str, Mapping[str, Any]]]:
    """The raw rows of a CSV, XLSX or JSON file with where each comes from."""
    data = path.read_bytes()
    if is_workbook(data, path.name):
        return list(_table_rows(data, path))
    text = decode_text(data)
    if path.suffix.lower() == ".json" or text.lstrip().startswith(("[", "{")):
        return list(_json_rows(text, path))
    return list(_table_rows(text, path))


def _table_rows(data: bytes | str, path: Path) -> Iterator[tuple[str, Mapping[str, Any]]]:
    for line, row in table_rows(data, filename=path.name, required=REQUIRED):
        if isinstance(row, CsvProblem):
            if row.line == 1:
                raise ImportFileError(f"{path}: {row.reason} in the header")
            yield f"line {line}", {"__problem__": row.reason}
            continue
        yield f"line {line}", row


def _json_rows(text: str, path: Path) -> Iterator[tuple[str, Mapping[str, Any]]]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if isinstance(doc, list):
        for i, row in enumerate(doc):
            yield f"row {i + 1}", row if isinstance(row, dict) else {"__not_object__": True}
        return
    if not isinstance(doc, dict) or not isinstance(doc.get("orders"), list):
        raise ImportFileError(f'{path}: expected a list of rows or {{"orders": [...]}}')
    for i, order in enumerate(doc["orders"]):
        where = f"orders[{i}]"
        if not isinstance(order, dict) or not isinstance(order.get("lines"), list):
            yield where, {"__not_object__": True}
            continue
        for j, line in enumerate(order["lines"]):
            if not isinstance(line, dict):
                yield f"{where}.lines[{j}]", {"__not_object__": True}
                continue
            shared = {k: order.get(k) for k in ("order", "matricule", "placed_at")}
            yield f"{where}.lines[{j}]", {**shared, **line}


def _text(raw: Mapping[str, Any], key: str) -> str:
    value = raw.get(key)
    return "" if value is None else str(value).strip()


def _moment(text: str, what: str) -> datetime:
    try:
        return parse_moment(text, zone=PARIS)
    except ValueError:
        raise ValueError(
            f"{what} {text!r} is not a date (2026-11-23, 2026-11-23T09:30 or 23/11/2026 09:30)"
        ) from None


def _parse(where: str, raw: Mapping[str, Any]) -> _Row:
    if raw.get("__not_object__"):
        raise ValueError("expected an object with the order's fields")
    if raw.get("__problem__"):
        raise ValueError(str(raw["__problem__"]))
    missing = [k for k in REQUIRED if not _text(raw, k)]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    order = _text(raw, "order")
    if len(order) > 40:
        raise ValueError(f"order reference {order[:20]!r}... is longer than 40 characters")
    try:
        line_no = int(_text(raw, "line"))
    except ValueError:
        raise ValueError(f"line {_text(raw, 'line')!r} is not a number") from None
    if line_no < 1:
        raise ValueError(f"line {line_no} must be 1 or more")
    quantity_text = _text(raw, "quantity") or "1"
    try:
        quantity = int(quantity_text)
    except ValueError:
        raise ValueError(f"quantity {quantity_text!r} is not a number") from None
    if not 1 <= quantity <= MAX_QUANTITY:
        raise ValueError(f"quantity {quantity} must be from 1 to {MAX_QUANTITY}")
    status_text = (_text(raw, "status") or "placed").lower()
    if status_text not in IMPORTABLE:
        raise ValueError(f"status {status_text!r}: expected one of {', '.join(IMPORTABLE)}")
    expected_text = _text(raw, "expected_at")
    return _Row(
        where=where,
        order=order,
        line_no=line_no,
        matricule=_text(raw, "matricule").upper(),
        item=_text(raw, "item"),
        quantity=quantity,
        status=IMPORTABLE[status_text],
        placed_at=_moment(_text(raw, "placed_at"), "placed_at"),
        expected_at=_moment(expected_text, "expected_at") if expected_text else None,
    )


def import_orders(
    session: Session, rows: list[tuple[str, Mapping[str, Any]]], now: datetime
) -> ImportReport:
    """Check every row, then apply them in ``session``; with any error, apply none.

    The caller commits when ``report.ok`` (and rolls back otherwise; nothing is added then).
    """
    report = ImportReport()
    parsed: list[_Row] = []
    for where, raw in rows:
        try:
            parsed.append(_parse(where, raw))
        except ValueError as exc:
            report.errors.append(RowError(where, str(exc)))
    _check_consistency(parsed, report)
    people = _by_key(session, Person, Person.matricule, {r.matricule for r in parsed})
    items = _by_key(session, CatalogueItem, CatalogueItem.code, {r.item for r in parsed})
    orders = _by_key(session, CollectOrder, CollectOrder.reference, {r.order for r in parsed})
    existing = _existing_lines(session, [o.id for o in orders.values()])
    plan: list[tuple[_Row, OrderLine | None]] = []
    for row in parsed:
        person, item = people.get(row.matricule), items.get(row.item)
        problem = None
        if person is None or person.kind is not PersonKind.AGENT:
            problem = f"no agent with matricule {row.matricule!r}"
        elif item is None:
            problem = f"no catalogue item with code {row.item!r}"
        order = orders.get(row.order)
        line = None
        if problem is None and order is not None and order.source is OrderSource.KIOSK:
            report.conflicts.append(
                RowError(row.where, f"order {row.order} was made at a kiosk: left as it is")
            )
            continue
        if problem is None and order is not None:
            assert person is not None
            assert item is not None
            line = existing.get((order.id, row.line_no))
            problem = _conflict(row, order, line, person, item)
        if problem:
            report.errors.append(RowError(row.where, problem))
        else:
            plan.append((row, line))
    if report.errors:
        return report
    _apply(session, plan, people, items, orders, now, report)
    return report


def _check_consistency(parsed: list[_Row], report: ImportReport) -> None:
    first: dict[str, _Row] = {}
    seen: dict[tuple[str, int], str] = {}
    for row in parsed:
        head = first.setdefault(row.order, row)
        if (head.matricule, head.placed_at) != (row.matricule, row.placed_at):
            report.errors.append(
                RowError(
                    row.where,
                    f"order {row.order}: matricule or placed_at differs from {head.where}",
                )
            )
        key = (row.order, row.line_no)
        if key in seen:
            report.errors.append(
                RowError(row.where, f"order {row.order} line {row.line_no} already at {seen[key]}")
            )
        seen.setdefault(key, row.where)


def _by_key(session: Session, model: Any, column: Any, keys: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    wanted = sorted(k for k in keys if k)
    for start in range(0, len(wanted), 500):
        for obj in session.scalars(select(model).where(column.in_(wanted[start : start + 500]))):
            out[getattr(obj, column.key)] = obj
    return out


def _existing_lines(session: Session, order_ids: list[int]) -> dict[tuple[int, int], OrderLine]:
    out: dict[tuple[int, int], OrderLine] = {}
    for start in range(0, len(order_ids), 500):
        chunk = order_ids[start : start + 500]
        for line in session.scalars(select(OrderLine).where(OrderLine.order_id.in_(chunk))):
            out[(line.order_id, line.line_no)] = line
    return out


def _conflict(
    row: _Row, order: CollectOrder, line: OrderLine | None, person: Person, item: CatalogueItem
) -> str | None:
    if order.person_id != person.id:
        return f"order {row.order} belongs to another agent in the database"
    if line is None:
        return None
    if line.item_id != item.id or line.quantity != row.quantity:
        return (
            f"order {row.order} line {row.line_no} already exists with another item or "
            "quantity: change it in a new line"
        )
    if row.status is LineStatus.CANCELLED and line.status not in (
        LineStatus.CANCELLED,
        *(s for s in LineStatus if can_move(s, LineStatus.CANCELLED)),
    ):
        return (
            f"order {row.order} line {row.line_no} cannot be cancelled: it is already "
            f"{line.status.value}"
        )
    return None


def _apply(
    session: Session,
    plan: list[tuple[_Row, OrderLine | None]],
    people: dict[str, Person],
    items: dict[str, CatalogueItem],
    orders: dict[str, CollectOrder],
    now: datetime,
    report: ImportReport,
) -> None:
    for row, line in plan:
        order = orders.get(row.order)
        if order is None:
            order = CollectOrder(
                reference=row.order,
                person_id=people[row.matricule].id,
                placed_at=row.placed_at,
                imported_at=now,
            )
            session.add(order)
            session.flush()
            orders[row.order] = order
            report.orders_created += 1
        if line is None:
            line = OrderLine(
                order_id=order.id,
                line_no=row.line_no,
                item_id=items[row.item].id,
                quantity=row.quantity,
                status=row.status,
                status_at=now,
                expected_at=row.expected_at,
            )
            session.add(line)
            session.flush()
            session.add(
                LineEvent(
                    nonce=new_nonce(),
                    line_id=line.id,
                    from_status=None,
                    to_status=row.status,
                    at=now,
                    actor=Actor.IMPORT,
                )
            )
            report.lines_created += 1
            continue
        moved = False
        if row.expected_at != line.expected_at and line.status in PROGRESS:
            line.expected_at = row.expected_at
            moved = True
        if row.status is not line.status and _forward(line.status, row.status):
            move_line(session, line, row.status, now=now, actor=Actor.IMPORT)
            moved = True
        if moved:
            report.lines_moved += 1
        else:
            report.unchanged += 1
    session.flush()


def _forward(current: LineStatus, wanted: LineStatus) -> bool:
    if not can_move(current, wanted):
        return False
    if wanted is LineStatus.CANCELLED:
        return True
    return PROGRESS.get(wanted, -1) > PROGRESS.get(current, 99)

"""RGPD retention: how long each kind of personal data is kept, and the purge that enforces it.

Each :class:`Rule` names a table, its timestamp column and a default period; the settings'
``retention`` table overrides periods by kind. ``purge`` deletes what is older than the
cut-off (``dry_run`` only counts), one transaction per kind, and deals with the rows that
point at what it deletes without knowing them in advance: a nullable reference is set to
NULL (a check-in keeps counting in the statistics once its visitor is gone), a mandatory one
is deleted with it, recursively (an attendance row goes with its check-in). The tables are
reflected from the database, so tables added later by other capabilities are handled too, and
a rule whose table does not exist (yet) is skipped.

Periods (days) are those the council's DPO signed off for the Smart Corner; see the README.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    MetaData,
    Table,
    and_,
    delete,
    exists,
    func,
    not_,
    or_,
    select,
    update,
)

from kiosk.db.engine import begin_writing
from kiosk.settings import RETENTION_DEFAULTS

log = logging.getLogger(__name__)

Where = Callable[[Table, Mapping[str, Table], datetime], ColumnElement[bool]]


@dataclass(frozen=True)
class Rule:
    kind: str  # the key in the settings' retention table
    label: str  # French, for the operator
    default_days: int
    table: str
    column: str  # UTC timestamp the period counts from
    where: Where | None = None  # which rows of the table the rule covers (None: all)


def _refused(table: Table, _tables: Mapping[str, Table], _cutoff: datetime) -> ColumnElement[bool]:
    return table.c.outcome.not_in(("ok", "visit_recorded", "already_checked_in"))


def _finished_jobs(
    table: Table, _tables: Mapping[str, Table], _cutoff: datetime
) -> ColumnElement[bool]:
    return table.c.state.in_(("printed", "cancelled", "failed"))


def _stale_visitors(
    person: Table, tables: Mapping[str, Table], cutoff: datetime
) -> ColumnElement[bool]:
    """External visitors with nothing to come and nothing done since the cut-off."""
    conditions: list[ColumnElement[bool]] = [person.c.kind == "visitor"]
    registration, event = tables.get("registration"), tables.get("event")
    if registration is not None and event is not None:
        upcoming = (
            select(registration.c.id)
            .join(event, event.c.id == registration.c.event_id)
            .where(registration.c.person_id == person.c.id, event.c.ends_at >= cutoff)
        )
        conditions.append(not_(exists(upcoming)))
    checkin = tables.get("checkin")
    if checkin is not None:
        recent = select(checkin.c.id).where(
            checkin.c.person_id == person.c.id, checkin.c.at >= cutoff
        )
        conditions.append(not_(exists(recent)))
    return and_(*conditions)


def _settled_requests(
    order: Table, tables: Mapping[str, Table], cutoff: datetime
) -> ColumnElement[bool]:
    """Requests made at a kiosk whose every line was settled before the cut-off (declined,
    cancelled, expired, collected): one still under way, or handed over since, stays (its
    hand-over counts in the allocation policy's quota). Imported orders are the online
    catalogue's: their hand-overs go with the pickups."""
    conditions: list[ColumnElement[bool]] = [order.c.source == "kiosk"]
    line = tables.get("order_line")
    if line is not None:
        live = select(line.c.id).where(
            line.c.order_id == order.c.id,
            or_(
                line.c.status.in_(("placed", "approved", "prepared", "ready")),
                line.c.status_at >= cutoff,
            ),
        )
        conditions.append(not_(exists(live)))
    return and_(*conditions)


_RULES_BY_KIND: tuple[tuple[str, str, str, str, Where | None], ...] = (
    ("refused_scans", "scans refusés (journal)", "checkin", "at", _refused),
    ("checkins", "passages aux événements", "checkin", "at", None),
    ("space_visits", "fréquentation des espaces", "space_visit", "at", None),
    ("help_requests", "demandes d'aide", "help_request", "created_at", None),
    ("print_jobs", "tickets imprimés (contenu)", "print_job", "created_at", _finished_jobs),
    ("handovers", "remises Click & Collect (signatures)", "pickup", "at", None),
    ("document_searches", "recherches de documents", "document_search", "at", None),
    ("visitors", "visiteurs extérieurs", "person", "created_at", _stale_visitors),
    ("sync_conflicts", "conflits de synchronisation (Smart Tour)", "sync_conflict", "at", None),
    ("event_feedback", "avis après les événements", "event_feedback", "at", None),
    (
        "notices",
        "messages aux agents (place libérée, commande prête, refus)",
        "notice",
        "created_at",
        None,
    ),
    (
        "requests",
        "demandes faites à la borne (note, motif de refus, suites)",
        "collect_order",
        "placed_at",
        _settled_requests,
    ),
    ("project_views", "projets consultés (sans personne : statistiques)", "project_view", "at",
     None),
    ("document_views", "documents ouverts (sans personne : statistiques)", "document_view", "at",
     None),
)  # fmt: skip
RULES: tuple[Rule, ...] = tuple(
    Rule(kind, label, RETENTION_DEFAULTS[kind], table, column, where)
    for kind, label, table, column, where in _RULES_BY_KIND
)
assert {rule.kind for rule in RULES} == set(RETENTION_DEFAULTS)
KINDS: tuple[str, ...] = tuple(rule.kind for rule in RULES)


@dataclass(frozen=True)
class PurgeLine:
    kind: str
    label: str
    days: int
    cutoff: datetime
    rows: int | None  # None: the table does not exist in this database
    dependent_rows: int = 0  # rows elsewhere deleted or detached with them


def periods(overrides: Mapping[str, int]) -> dict[str, int]:
    """Days to keep, by kind: the defaults with the settings' overrides."""
    unknown = set(overrides) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown retention kinds: {sorted(unknown)} (known: {list(KINDS)})")
    return {rule.kind: overrides.get(rule.kind, rule.default_days) for rule in RULES}


def purge(
    engine: Engine, now: datetime, overrides: Mapping[str, int], *, dry_run: bool
) -> list[PurgeLine]:
    """Apply every rule (or count, with ``dry_run``); one transaction per kind."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    days_by_kind = periods(overrides)
    metadata = MetaData()
    metadata.reflect(engine)
    lines = []
    for rule in RULES:
        days = days_by_kind[rule.kind]
        cutoff = now - timedelta(days=days)
        table = metadata.tables.get(rule.table)
        if table is None or rule.column not in table.c:
            lines.append(PurgeLine(rule.kind, rule.label, days, cutoff, None))
            continue
        condition = table.c[rule.column] < cutoff
        if rule.where is not None:
            condition = and_(condition, rule.where(table, metadata.tables, cutoff))
        with begin_writing(engine) as conn:  # counts, then deletes
            count = conn.scalar(select(func.count()).select_from(table).where(condition)) or 0
            dependent = 0
            if count and not dry_run:
                dependent = _delete(conn, metadata, table, condition) - count
        lines.append(PurgeLine(rule.kind, rule.label, days, cutoff, count, dependent))
        log.info("retention %s: %d rows before %s%s", rule.kind, count, cutoff.date(),
                 " (dry run)" if dry_run else "")  # fmt: skip
    return lines


def _delete(
    conn: Connection, metadata: MetaData, table: Table, condition: ColumnElement[bool]
) -> int:
    """Delete ``table``'s rows matching ``condition`` after dealing with what points at them:
    nullable references become NULL, mandatory ones are deleted the same way. Returns the
    number of rows deleted or detached, these included."""
    doomed = select(table.c.id).where(condition).scalar_subquery()
    touched = 0
    for other in metadata.sorted_tables:
        for fk in other.foreign_keys:
            if fk.column.table is not table:
                continue
            column = fk.parent
            pointing = column.in_(doomed)
            if column.nullable:
                result = conn.execute(update(other).where(pointing).values({column.name: None}))
                touched += result.rowcount
            elif other is not table:  # a mandatory self-reference would never end: none exist
                touched += _delete(conn, metadata, other, pointing)
    return touched + conn.execute(delete(table).where(condition)).rowcount


__all__ = ["KINDS", "RULES", "PurgeLine", "Rule", "periods", "purge"]

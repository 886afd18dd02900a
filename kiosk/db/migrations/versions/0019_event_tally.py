"""Per-event counts kept by the database for the quarter dashboard: check-ins, confirmed
registrations, registered people checked in, and the answers to « Comment était … ? » with the
sum of their faces (``event_tally``); check-ins per (event, kiosk) and per (event, recorded
direction) (``event_kiosk_tally``, ``event_direction_tally``, WITHOUT ROWID on SQLite so that
an event's rows are read together); visits of the spaces per Paris month, space, site and
kiosk (``visit_tally``, by a trigger on ``space_visit``).

Counting them from the indexes, event by event over two quarters, was more than half of the
dashboard's time on a million check-ins. Triggers on ``attendance``, ``registration`` and
``event_feedback`` keep the counts in the same transaction as every write, whoever makes it;
existing databases are counted once here, after the triggers exist (on PostgreSQL, creating
them locks the tables against writes until this migration commits, so no write falls between
the count and the triggers).

Each trigger takes back what the old row contributed and adds what the new one does: +1
check-in per attendance row, +1 registration per confirmed one, +1 present when the same
(event, person) has both, +1 answer and its face per feedback row, +1 for the row's kiosk
and for its recorded direction (none when it recorded none). On PostgreSQL, two kiosks
writing the two halves of one pair at once cannot both miss each other: each trigger first
updates the event's counts row (waiting for the other's lock), then looks for the other half
in a statement of its own, which in READ COMMITTED sees what the first one committed.

Models: kiosk/stats/tables.py; keep both in step, a test compares them.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

CONFIRMED = "'confirmed'"


def _add(row: str, column: str) -> str:
    """One more ``column`` for the row's event, creating its counts row at its first."""
    return (
        f"INSERT INTO event_tally (event_id, {column}) VALUES ({row}.event_id, 1) "
        f"ON CONFLICT (event_id) DO UPDATE SET {column} = event_tally.{column} + 1"
    )


def _present(row: str, sign: str, other: str, own: str = "", of_other: str = "") -> str:
    """The row's event gains or loses one present person when the other half of the pair
    (a row of table ``other``, matching ``of_other``) is there; ``own``: the row must match
    it too."""
    return (
        f"UPDATE event_tally SET present = present {sign} 1 "
        f"WHERE event_id = {row}.event_id{own} AND EXISTS (SELECT 1 FROM {other} AS o "
        f"WHERE o.event_id = {row}.event_id AND o.person_id = {row}.person_id{of_other})"
    )


def _attendance(row: str, sign: str) -> list[str]:
    """The event's check-ins first (the lock that orders two writers of the same event), then
    whether the person was registered, then the counts by kiosk and by recorded direction."""
    if sign == "+":
        return [
            _add(row, "attended"),
            _present(row, sign, "registration", of_other=f" AND o.status = {CONFIRMED}"),
            f"INSERT INTO event_kiosk_tally (event_id, kiosk_id, attended) "
            f"VALUES ({row}.event_id, {row}.kiosk_id, 1) ON CONFLICT (event_id, kiosk_id) "
            f"DO UPDATE SET attended = event_kiosk_tally.attended + 1",
            f"INSERT INTO event_direction_tally (event_id, direction_id, attended) "
            f"SELECT {row}.event_id, {row}.direction_id, 1 WHERE {row}.direction_id IS NOT NULL "
            f"ON CONFLICT (event_id, direction_id) "
            f"DO UPDATE SET attended = event_direction_tally.attended + 1",
        ]
    return [
        f"UPDATE event_tally SET attended = attended - 1 WHERE event_id = {row}.event_id",
        _present(row, sign, "registration", of_other=f" AND o.status = {CONFIRMED}"),
        f"UPDATE event_kiosk_tally SET attended = attended - 1 "
        f"WHERE event_id = {row}.event_id AND kiosk_id = {row}.kiosk_id",
        f"UPDATE event_direction_tally SET attended = attended - 1 "
        f"WHERE event_id = {row}.event_id AND direction_id = {row}.direction_id",
    ]


def _registration(row: str, sign: str) -> list[str]:
    """Only a confirmed registration counts: the statements do nothing for the others."""
    confirmed = f" AND {row}.status = {CONFIRMED}"
    if sign == "+":
        first = (
            f"INSERT INTO event_tally (event_id, registered) SELECT {row}.event_id, 1 "
            f"WHERE {row}.status = {CONFIRMED} "
            f"ON CONFLICT (event_id) DO UPDATE SET registered = event_tally.registered + 1"
        )
    else:
        first = (
            f"UPDATE event_tally SET registered = registered - 1 "
            f"WHERE event_id = {row}.event_id{confirmed}"
        )
    return [first, _present(row, sign, "attendance", own=confirmed)]


def _feedback(row: str, sign: str) -> list[str]:
    """An answer to « Comment était … ? »: one more answer and its face."""
    if sign == "+":
        return [
            f"INSERT INTO event_tally (event_id, answers, score_sum) "
            f"VALUES ({row}.event_id, 1, {row}.score) ON CONFLICT (event_id) DO UPDATE SET "
            f"answers = event_tally.answers + 1, "
            f"score_sum = event_tally.score_sum + excluded.score_sum"
        ]
    return [
        f"UPDATE event_tally SET answers = answers - 1, score_sum = score_sum - {row}.score "
        f"WHERE event_id = {row}.event_id"
    ]


def _visit(month: str) -> Callable[[str, str], list[str]]:
    """A visit of a space: one more for its month, space, site and kiosk. ``month``: the SQL
    of the ``YYYY-MM`` of ``{row}.day`` in this dialect (the day is a Paris one already)."""

    def statements(row: str, sign: str) -> list[str]:
        of = month.format(row=row)
        if sign == "+":
            return [
                f"INSERT INTO visit_tally (month, space, site_id, kiosk_id, visits) "
                f"VALUES ({of}, {row}.space, {row}.site_id, {row}.kiosk_id, 1) "
                f"ON CONFLICT (month, space, site_id, kiosk_id) "
                f"DO UPDATE SET visits = visit_tally.visits + 1"
            ]
        return [
            f"UPDATE visit_tally SET visits = visits - 1 WHERE month = {of} "
            f"AND space = {row}.space AND site_id = {row}.site_id AND kiosk_id = {row}.kiosk_id"
        ]

    return statements


SQLITE_MONTH = "substr({row}.day, 1, 7)"
POSTGRESQL_MONTH = "to_char({row}.day, 'YYYY-MM')"
VISITS = ("day", "space", "site_id", "kiosk_id")

# table -> (the columns whose change moves counts, the statements a row adds or takes back)
TABLES = {
    "attendance": (("event_id", "person_id", "kiosk_id", "direction_id"), _attendance),
    "registration": (("event_id", "person_id", "status"), _registration),
    "event_feedback": (("event_id", "score"), _feedback),
}


def _sqlite_triggers() -> None:
    tables = {**TABLES, "space_visit": (VISITS, _visit(SQLITE_MONTH))}
    for table, (columns, statements) in tables.items():
        bodies = {
            "insert": statements("NEW", "+"),
            "delete": statements("OLD", "-"),
            "update": statements("OLD", "-") + statements("NEW", "+"),
        }
        for action, body in bodies.items():
            on = f"UPDATE OF {', '.join(columns)}" if action == "update" else action.upper()
            op.execute(
                f"CREATE TRIGGER {table}_tally_{action} AFTER {on} ON {table} "
                f"BEGIN {'; '.join(body)}; END"
            )


def _postgresql_triggers() -> None:
    tables = {**TABLES, "space_visit": (VISITS, _visit(POSTGRESQL_MONTH))}
    for table, (columns, statements) in tables.items():
        old = "; ".join(statements("OLD", "-"))
        new = "; ".join(statements("NEW", "+"))
        op.execute(
            f"CREATE FUNCTION {table}_tally() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            f"BEGIN\n"
            f"  IF TG_OP IN ('DELETE', 'UPDATE') THEN {old}; END IF;\n"
            f"  IF TG_OP IN ('INSERT', 'UPDATE') THEN {new}; END IF;\n"
            f"  RETURN NULL;\n"
            f"END $$"
        )
        op.execute(
            f"CREATE TRIGGER {table}_tally AFTER INSERT OR DELETE OR "
            f"UPDATE OF {', '.join(columns)} ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_tally()"
        )


BACKFILL = f"""
INSERT INTO event_tally (event_id, attended, registered, present, answers, score_sum)
SELECT e.id,
  (SELECT count(*) FROM attendance AS a WHERE a.event_id = e.id),
  (SELECT count(*) FROM registration AS r WHERE r.event_id = e.id AND r.status = {CONFIRMED}),
  (SELECT count(*) FROM registration AS r JOIN attendance AS a
     ON a.event_id = r.event_id AND a.person_id = r.person_id
   WHERE r.event_id = e.id AND r.status = {CONFIRMED}),
  (SELECT count(*) FROM event_feedback AS f WHERE f.event_id = e.id),
  (SELECT coalesce(sum(f.score), 0) FROM event_feedback AS f WHERE f.event_id = e.id)
FROM event AS e
WHERE EXISTS (SELECT 1 FROM attendance AS a WHERE a.event_id = e.id)
   OR EXISTS (SELECT 1 FROM registration AS r WHERE r.event_id = e.id AND r.status = {CONFIRMED})
   OR EXISTS (SELECT 1 FROM event_feedback AS f WHERE f.event_id = e.id)
"""


BACKFILL_BY = """
INSERT INTO event_kiosk_tally (event_id, kiosk_id, attended)
SELECT event_id, kiosk_id, count(*) FROM attendance GROUP BY event_id, kiosk_id;
INSERT INTO event_direction_tally (event_id, direction_id, attended)
SELECT event_id, direction_id, count(*) FROM attendance WHERE direction_id IS NOT NULL
GROUP BY event_id, direction_id
"""


def upgrade() -> None:
    op.create_table(
        "visit_tally",
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("space", sa.String(32), nullable=False),
        sa.Column("site_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("kiosk_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("visits", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.PrimaryKeyConstraint(
            "month", "space", "site_id", "kiosk_id", name=op.f("pk_visit_tally")
        ),
        sqlite_with_rowid=False,
    )
    for name, column in (("kiosk", "kiosk_id"), ("direction", "direction_id")):
        op.create_table(
            f"event_{name}_tally",
            sa.Column("event_id", sa.Integer(), autoincrement=False, nullable=False),
            sa.Column(column, sa.Integer(), autoincrement=False, nullable=False),
            sa.Column("attended", sa.Integer(), server_default=sa.text("0"), nullable=False),
            sa.PrimaryKeyConstraint("event_id", column, name=op.f(f"pk_event_{name}_tally")),
            sqlite_with_rowid=False,  # stored in (event, …) order: an event's rows together
        )
    op.create_table(
        "event_tally",
        sa.Column("event_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("attended", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("registered", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("present", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("answers", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("score_sum", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_event_tally")),
    )
    postgresql = op.get_bind().dialect.name == "postgresql"
    if postgresql:
        _postgresql_triggers()
    else:
        _sqlite_triggers()
    op.execute(BACKFILL)
    for statement in BACKFILL_BY.split(";"):
        op.execute(statement)
    month = (POSTGRESQL_MONTH if postgresql else SQLITE_MONTH).format(row="v")
    op.execute(
        f"INSERT INTO visit_tally (month, space, site_id, kiosk_id, visits) "
        f"SELECT {month}, v.space, v.site_id, v.kiosk_id, count(*) FROM space_visit AS v "
        f"GROUP BY {month}, v.space, v.site_id, v.kiosk_id"
    )


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table in ("space_visit", *reversed(TABLES)):
        if postgresql:
            op.execute(f"DROP TRIGGER {table}_tally ON {table}")
            op.execute(f"DROP FUNCTION {table}_tally()")
        else:
            for action in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER {table}_tally_{action}")
    op.drop_table("event_tally")
    op.drop_table("event_direction_tally")
    op.drop_table("event_kiosk_tally")
    op.drop_table("visit_tally")

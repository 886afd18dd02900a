"""Smart Tour sync: a tour kiosk works on its own SQLite file and meets the central database
when it can reach it (issue 8). No Qt: ``smartcorner sync`` and the kiosk's worker both call
:meth:`TourSync.run`.

**Push** (first: what only this kiosk holds matters most). The records themselves are the
outbox: for each table (badges linked here, check-ins, undos, space visits, help requests,
document views and searches, projects' pages opened, Click & Collect pickups, line moves and
hand-overs, answers to « Comment était … ? » once they can no longer change),
this kiosk's rows past the table's high-water mark are read in id order, in batches (requests
and sign-ups made here are decided again centrally: :mod:`kiosk.sync.offline`); each
batch is written in its own central transaction with ``ON CONFLICT DO NOTHING`` on the nonce,
foreign keys translated by natural key (:mod:`kiosk.sync.keys`), then the mark moves in a
local transaction. A cut between the two commits only means the batch is sent again, which
changes nothing. Conflicts (the central base already admits that person to that event from
another kiosk...) are kept in ``sync_conflict`` in plain French.

**Pull**: each table of :mod:`kiosk.sync.pull` is copied in passes over the central ids, a
batch per local transaction together with its high-water mark, so a cut resumes where it
stopped. When a pass completes, the mark goes back to 0 and ``completed_at`` says how fresh
the kiosk's data are; a table that mirrors a changing set (the orders still to hand over, the
events, projects and stops) then drops the local rows the central base no longer lists. Last,
the projects' pictures and videos come down as files of the data folder, by content hash,
within a byte budget (:mod:`kiosk.sync.projects`).

Nothing here keeps personal data of its own: the marks are ids and dates; the conflicts name
a person only by a nullable foreign key and have their own retention period.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Final

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    RowMapping,
    Table,
    and_,
    create_engine,
    func,
    make_url,
    not_,
    select,
    true,
)
from sqlalchemy import exc as sa_exc

from kiosk.db.engine import begin_writing
from kiosk.db.models import Base
from kiosk.ports import Clock
from kiosk.projects.media_files import MediaFolder
from kiosk.rgpd.retention import RULES, periods
from kiosk.sync.collect import (
    HAND_OVER,
    LINE_EVENT,
    PICKUP,
    pending_where,
    send_hand_overs,
    send_line_events,
    send_pickups,
)
from kiosk.sync.documents import SEARCH, VIEW, send_searches, send_views
from kiosk.sync.failures import SyncFailure, parse_error, stored_error
from kiosk.sync.feedback import FEEDBACK, send_feedback, settled_feedback
from kiosk.sync.keys import insert_for, table_of
from kiosk.sync.offline import ACT, send_requests, send_signup_acts
from kiosk.sync.offline import ORDER as REQUEST
from kiosk.sync.projects import MEDIA_BUDGET_BYTES, pull_media
from kiosk.sync.pull import PULL_TABLES
from kiosk.sync.push import (
    BADGE,
    CHECKIN,
    HELP,
    UNDO,
    VISIT,
    CentralIds,
    Conflict,
    Sent,
    help_changed_since,
    send_badges,
    send_checkins,
    send_help_requests,
    send_undos,
    send_visits,
)
from kiosk.sync.showcase import PROJECT_VIEW, send_project_views
from kiosk.sync.tables import SyncConflict, SyncState

log = logging.getLogger(__name__)

PUSH: Final = "push"
PULL: Final = "pull"
RUN: Final = "run"  # the whole sync: last attempt, last success, last error
# The highest local id the central base took (``last_id``) and when (``completed_at``): past
# the push mark when rows are sent again until they change no more (an open help request).
ACKED: Final = "acked"
BATCH_SIZE: Final = 500
PULL_PAST_DAYS: Final = 30  # events that ended this long ago still come down (late check-ins)
CONNECT_TIMEOUT: Final = 5  # seconds: an unreachable central base is found out quickly
STATE, CONFLICT = table_of(SyncState), table_of(SyncConflict)

Send = Callable[[Connection, CentralIds, Sequence[RowMapping], Connection], Sent]
PUSH_TABLES: Final[tuple[tuple[str, Table, Send], ...]] = (
    ("badge", BADGE, lambda cc, ids, rows, _lc: send_badges(cc, ids, rows)),
    # Sign-ups before the check-ins at the door: the place is decided centrally first.
    ("signup_act", ACT, send_signup_acts),
    ("checkin", CHECKIN, lambda cc, ids, rows, _lc: send_checkins(cc, ids, rows)),
    ("checkin_undo", UNDO, send_undos),
    ("space_visit", VISIT, lambda cc, ids, rows, _lc: send_visits(cc, ids, rows)),
    ("help_request", HELP, lambda cc, ids, rows, _lc: send_help_requests(cc, ids, rows)),
    ("document_view", VIEW, send_views),
    ("document_search", SEARCH, send_searches),
    ("project_view", PROJECT_VIEW, send_project_views),
    # Click & Collect, in dependency order: requests made here, the pickup, staff moves,
    # then the hand-overs.
    ("collect_order", REQUEST, send_requests),
    ("pickup", PICKUP, send_pickups),
    ("order_line_event", LINE_EVENT, send_line_events),
    ("hand_over", HAND_OVER, send_hand_overs),
    # « Comment était … ? », after the events it names (made here when they were)
    ("event_feedback", FEEDBACK, send_feedback),
)
# Tables whose rows sent while still open are sent again: what changed since they went up.
PUSH_CHANGED: Final[dict[str, Callable[[datetime], ColumnElement[bool]]]] = {
    "help_request": help_changed_since,
}
# Tables whose newest rows may still change: only those before the first such row are read.
PUSH_READY: Final[dict[str, Callable[[int, datetime], ColumnElement[bool]]]] = {
    "event_feedback": settled_feedback,
}


class SyncError(RuntimeError):
    """The sync cannot go on (the central schema differs, a record is refused...)."""

    failure = SyncFailure.REFUSED

    def __init__(self, detail: str, failure: SyncFailure | None = None) -> None:
        super().__init__(detail)
        if failure is not None:
            self.failure = failure

    @property
    def stored(self) -> str:
        """What ``sync_state.error`` keeps: the code, then the detail."""
        return stored_error(self.failure, str(self))


class CentralUnreachable(SyncError):
    """The central database cannot be reached, or the connection dropped: try again later."""

    failure = SyncFailure.UNREACHABLE


class SyncCancelled(SyncError):
    """Stopped between two batches because the kiosk is shutting down (nothing is half done)."""

    failure = SyncFailure.CANCELLED


@dataclass
class SyncReport:
    pushed: dict[str, int] = field(default_factory=dict)
    pulled: dict[str, int] = field(default_factory=dict)
    pruned: dict[str, int] = field(default_factory=dict)  # local rows the central base dropped
    conflicts: list[Conflict] = field(default_factory=list)
    push_seconds: float = 0.0
    pull_seconds: float = 0.0
    media_files: int = 0  # project pictures and videos downloaded into the data folder
    media_bytes: int = 0
    media_left_central: int = 0  # the folder's budget had no room for them


@dataclass(frozen=True)
class SyncStatus:
    """What the kiosk shows: when it last met the central base, and what waits."""

    last_success_at: datetime | None
    last_attempt_at: datetime | None
    last_error: str | None  # the technical detail of the last failure (None: it worked)
    data_as_of: datetime | None  # the oldest last complete pull: how old the data may be
    pending: int  # records of this kiosk the next sync sends: not yet in the central base
    conflicts: int
    last_failure: SyncFailure | None = None  # its code, which the screens word
    # Records not in the central base either, held back on purpose because they may still
    # change (answers to « Comment était … ? » younger than 35 min): not « à envoyer » yet.
    held: int = 0


def central_engine(url: str) -> Engine:
    """An engine on the central database that gives up quickly when the network is gone."""
    if make_url(url).get_backend_name() == "postgresql":
        return create_engine(
            url,
            pool_pre_ping=True,
            connect_args={
                "connect_timeout": CONNECT_TIMEOUT,
                # A dead link (the van drove off) is noticed in ~20 s instead of hours.
                "keepalives": 1,
                "keepalives_idle": 10,
                "keepalives_interval": 3,
                "keepalives_count": 3,
                "options": "-c statement_timeout=120000",
            },
        )
    from kiosk.db.engine import create_db_engine

    return create_db_engine(url)


class TourSync:
    def __init__(
        self,
        local: Engine,
        central: Engine,
        kiosk_id: int | None,
        clock: Clock,
        *,
        retention: Mapping[str, int] | None = None,
        batch_size: int = BATCH_SIZE,
        should_stop: Callable[[], bool] = lambda: False,
        media: MediaFolder | None = None,
        media_budget: int = MEDIA_BUDGET_BYTES,
    ) -> None:
        """``media``: where the projects' pictures and videos come down (None: not at all)."""
        self._local = local
        self._central = central
        self._kiosk_id = kiosk_id
        self._clock = clock
        self._periods = periods(retention or {})
        self._batch = batch_size
        self._should_stop = should_stop
        self._media = media
        self._media_budget = media_budget

    def run(self) -> SyncReport:
        """Push (unless no kiosk id was given), then pull.

        Raises :class:`CentralUnreachable` when the link fails: run again later, it resumes.
        """
        now = self._clock.now()
        self._save_state(RUN, "*", attempted_at=now)
        report = SyncReport()
        try:
            self._check_schema()
            started = time.monotonic()
            self._push(report)
            report.push_seconds = time.monotonic() - started
            self._pull(report)
            self._pull_media(report)
            report.pull_seconds = time.monotonic() - started - report.push_seconds
        except SyncError as exc:
            self._save_state(RUN, "*", error=exc.stored)
            log.warning("sync stopped: %s", exc)
            raise
        self._save_state(RUN, "*", completed_at=self._clock.now(), error=None)
        log.info(
            "sync done: pushed %s in %.1f s, pulled %s in %.1f s, %d conflicts",
            report.pushed,
            report.push_seconds,
            report.pulled,
            report.pull_seconds,
            len(report.conflicts),
        )
        return report

    def _check_stop(self) -> None:
        if self._should_stop():
            raise SyncCancelled("stopped between two batches: the kiosk is shutting down")

    # --- the central connection --------------------------------------------------------------

    @contextmanager
    def _central_tx(self, *, writing: bool = False) -> Iterator[Connection]:
        """A transaction on the central database; ``writing`` for one that reads, then writes
        (a push: a SQLite central would refuse it half-way if another kiosk wrote meanwhile)."""
        try:
            with begin_writing(self._central) if writing else self._central.begin() as cc:
                yield cc
        except (sa_exc.OperationalError, sa_exc.InterfaceError) as exc:
            raise CentralUnreachable(f"central database unreachable: {exc.orig}") from exc
        except sa_exc.DBAPIError as exc:
            if exc.connection_invalidated:
                raise CentralUnreachable(
                    f"connection lost: {exc.orig}", SyncFailure.CONNECTION_LOST
                ) from exc
            raise SyncError(f"the central database refused a write: {exc.orig}") from exc

    def _check_schema(self) -> None:
        from kiosk.db.migrate import HEAD_REVISION, current_revision

        with self._central_tx():  # the same error translation for the connection attempt
            pass
        try:
            revision = current_revision(self._central)
        except (sa_exc.OperationalError, sa_exc.InterfaceError) as exc:
            raise CentralUnreachable(f"central database unreachable: {exc.orig}") from exc
        if revision != HEAD_REVISION:
            raise SyncError(
                f"the central database is at schema {revision or '(empty)'}, this kiosk "
                f"expects {HEAD_REVISION}: upgrade it (smartcorner db upgrade)",
                SyncFailure.SCHEMA,
            )

    # --- push -------------------------------------------------------------------------------

    def _keep(self, table: Table) -> ColumnElement[bool]:
        """Rows that retention would not purge now: those are never (re)sent."""
        now = self._clock.now()
        condition: ColumnElement[bool] = true()
        for rule in RULES:
            if rule.table != table.name:
                continue
            cutoff = now - timedelta(days=self._periods[rule.kind])
            old = table.c[rule.column] < cutoff
            if rule.where is not None:
                old = and_(old, rule.where(table, Base.metadata.tables, cutoff))
            condition = and_(condition, not_(old))
        return condition

    def _ready(self, name: str) -> ColumnElement[bool]:
        ready = PUSH_READY.get(name)
        return (
            true()
            if ready is None or self._kiosk_id is None
            else ready(self._kiosk_id, self._clock.now())
        )

    def _push(self, report: SyncReport) -> None:
        if self._kiosk_id is None:  # first meeting: the kiosk's site comes with the pull
            return
        ids = CentralIds(self._local, self._kiosk_id, self._clock.now())
        for name, table, send in PUSH_TABLES:
            cursor = self._state(PUSH, name)["last_id"]
            settled = True  # False once a row is sent that must be sent again next time
            while True:
                self._check_stop()
                with self._local.connect() as lc:
                    rows = (
                        lc.execute(
                            select(table)
                            .where(
                                table.c.kiosk_id == self._kiosk_id,
                                table.c.id > cursor,
                                self._keep(table),
                                self._ready(name),
                            )
                            .order_by(table.c.id)
                            .limit(self._batch)
                        )
                        .mappings()
                        .all()
                    )
                    if not rows:
                        break
                    with self._central_tx(writing=True) as cc:
                        sent = send(cc, ids, rows, lc)
                cursor = rows[-1]["id"]
                mark = None
                if settled:
                    mark = sent.high_water
                    settled = sent.high_water == cursor
                self._record_push(name, mark, sent, acked=cursor)
                report.pushed[name] = report.pushed.get(name, 0) + sent.rows
                report.conflicts.extend(sent.conflicts)

    def _record_push(self, name: str, mark: int | None, sent: Sent, *, acked: int) -> None:
        """The batch up to local id ``acked`` is in the central base (its transaction
        committed); ``mark``: where the next push starts (None: where it did)."""
        with begin_writing(self._local) as lc:
            taken = self._state_in(lc, ACKED, name)
            lc.execute(
                STATE.update()
                .where(STATE.c.id == taken["id"])
                .values(last_id=max(acked, taken["last_id"]), completed_at=self._clock.now())
            )
            values: dict[str, Any] = {"attempted_at": self._clock.now(), "error": None}
            if mark is not None:
                values["last_id"] = mark
            state = self._state_in(lc, PUSH, name)
            values["rows"] = state["rows"] + sent.rows
            if mark is not None and not sent.conflicts:
                values["completed_at"] = self._clock.now()
            lc.execute(STATE.update().where(STATE.c.id == state["id"]).values(values))
            if sent.conflicts:
                now = self._clock.now()
                rows = [
                    {
                        "key": c.key,
                        "at": now,
                        "occurred_at": c.occurred_at,
                        "table_name": c.table,
                        "message": c.message,
                        "person_id": c.person_id,
                        "event_id": c.event_id,
                    }
                    for c in sent.conflicts
                ]
                lc.execute(insert_for(lc, CONFLICT).values(rows).on_conflict_do_nothing())

    # --- pull -------------------------------------------------------------------------------

    def _pull(self, report: SyncReport) -> None:
        now = self._clock.now()
        # Never further back than the visitors' retention: a purged visitor stays purged.
        days = min(PULL_PAST_DAYS, self._periods["visitors"])
        window_start = now - timedelta(days=days)
        for spec in PULL_TABLES:
            state = self._state(PULL, spec.name)
            cursor = state["last_id"]
            if cursor == 0:
                self._save_state(PULL, spec.name, pass_started_at=now, rows=0)
            query = spec.query(window_start)
            id_column = spec.table.c.id
            while True:
                self._check_stop()
                with self._central_tx() as cc:
                    rows = (
                        cc.execute(query.where(id_column > cursor).order_by(id_column)
                                   .limit(self._batch))
                        .mappings()
                        .all()
                    )  # fmt: skip
                if not rows:
                    break
                cursor = rows[-1]["id"]
                with self._local.connect() as lc:
                    lc.execution_options(sqlite_begin="IMMEDIATE")
                    with lc.begin():
                        if lc.dialect.name == "sqlite":  # ids move with their references
                            lc.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
                        written = spec.apply(lc, rows)
                        state = self._state_in(lc, PULL, spec.name)
                        lc.execute(
                            STATE.update()
                            .where(STATE.c.id == state["id"])
                            .values(last_id=cursor, rows=state["rows"] + written, error=None)
                        )
                report.pulled[spec.name] = report.pulled.get(spec.name, 0) + written
            if spec.keep is not None and spec.prune is not None:
                self._check_stop()
                with self._central_tx() as cc:
                    kept = set(cc.scalars(spec.keep(window_start)))
                with self._local.connect() as lc:
                    lc.execution_options(sqlite_begin="IMMEDIATE")
                    with lc.begin():
                        pruned = spec.prune(lc, kept)
                if pruned:
                    report.pruned[spec.name] = pruned
            self._save_state(PULL, spec.name, last_id=0, completed_at=self._clock.now())

    def _pull_media(self, report: SyncReport) -> None:
        """The projects' pictures and videos, after the projects (``kiosk.sync.projects``)."""
        if self._media is None:
            return
        pulled = pull_media(
            self._media, self._media_budget, self._central_tx, self._local, self._check_stop
        )
        report.media_files, report.media_bytes = pulled.files, pulled.bytes
        report.media_left_central = pulled.left_central
        if pulled.projects_changed:
            report.pulled["project_media"] = pulled.projects_changed
        if pulled.pruned:
            report.pruned["project_media"] = pulled.pruned

    # --- state ------------------------------------------------------------------------------

    def _state(self, direction: str, name: str) -> RowMapping:
        with begin_writing(self._local) as lc:  # inserts the row the first time
            return self._state_in(lc, direction, name)

    @staticmethod
    def _state_in(lc: Connection, direction: str, name: str) -> RowMapping:
        where = and_(STATE.c.direction == direction, STATE.c.table_name == name)
        row = lc.execute(select(STATE).where(where)).mappings().first()
        if row is None:
            lc.execute(
                insert_for(lc, STATE)
                .values(direction=direction, table_name=name, last_id=0, rows=0)
                .on_conflict_do_nothing()
            )
            row = lc.execute(select(STATE).where(where)).mappings().one()
        return row

    def _save_state(self, direction: str, name: str, **values: Any) -> None:
        with begin_writing(self._local) as lc:
            state = self._state_in(lc, direction, name)
            lc.execute(STATE.update().where(STATE.c.id == state["id"]).values(values))


def record_failure(local: Engine, at: datetime, failure: SyncFailure, detail: str) -> None:
    """Note a sync that could not even start (the central base did not answer the probe)."""
    with begin_writing(local) as lc:
        state = TourSync._state_in(lc, RUN, "*")
        lc.execute(
            STATE.update()
            .where(STATE.c.id == state["id"])
            .values(attempted_at=at, error=stored_error(failure, detail))
        )


@dataclass(frozen=True)
class ConflictLine:
    at: datetime  # when the record was made here
    person: str | None  # "First Last" (staff screens only), None once the person is purged
    event: str | None
    message: str


def recent_conflicts(conn: Connection, limit: int = 5) -> list[ConflictLine]:
    from kiosk.db.models import Event, Person

    person, event = table_of(Person), table_of(Event)
    rows = conn.execute(
        select(
            CONFLICT.c.occurred_at,
            person.c.first_name,
            person.c.last_name,
            event.c.title,
            CONFLICT.c.message,
        )
        .outerjoin(person, person.c.id == CONFLICT.c.person_id)
        .outerjoin(event, event.c.id == CONFLICT.c.event_id)
        .order_by(CONFLICT.c.occurred_at.desc(), CONFLICT.c.id.desc())
        .limit(limit)
    ).all()
    return [
        ConflictLine(at, f"{first} {last}" if first else None, title, message)
        for at, first, last, title, message in rows
    ]


def waiting_records(
    conn: Connection, kiosk_id: int, now: datetime | None = None
) -> tuple[int, int]:
    """This kiosk's records not yet known to be in the central database: (those the next sync
    sends, those it holds back at ``now`` because they may still change). Without ``now``
    nothing is told apart: all are in the first number."""
    states = conn.execute(
        select(STATE.c.direction, STATE.c.table_name, STATE.c.last_id, STATE.c.completed_at)
        .where(STATE.c.direction.in_([PUSH, ACKED]))
    ).all()  # fmt: skip
    marks = {name: mark for direction, name, mark, _at in states if direction == PUSH}
    taken = {name: (mark, at) for direction, name, mark, at in states if direction == ACKED}
    pending = held = 0
    for name, table, _send in PUSH_TABLES:
        mark = marks.get(name, 0)
        acked, acked_at = taken.get(name, (0, None))
        mine = and_(table.c.kiosk_id == kiosk_id, pending_where(table))
        changed = PUSH_CHANGED.get(name)
        if changed is not None and acked_at is not None and acked > mark:
            # sent while open (the mark waits for them): only what changed since waits
            pending += conn.scalar(
                select(func.count()).select_from(table).where(
                    mine, table.c.id > mark, table.c.id <= acked, changed(acked_at)
                )
            ) or 0  # fmt: skip
        query = select(func.count()).select_from(table).where(mine, table.c.id > max(mark, acked))
        waiting = conn.scalar(query) or 0
        ready = PUSH_READY.get(name)
        young = 0
        if ready is not None and now is not None and waiting:
            # the push's own condition: what it would not take now is held, not pending
            young = conn.scalar(query.where(not_(ready(kiosk_id, now)))) or 0
        pending, held = pending + waiting - young, held + young
    return pending, held


def sync_status(engine: Engine, kiosk_id: int, now: datetime | None = None) -> SyncStatus:
    """``now``: tells the records held back (answers that may still change) from the pending."""
    with engine.connect() as conn:
        states = conn.execute(select(STATE)).mappings().all()
        run = next((s for s in states if s["direction"] == RUN), None)
        pulls = {s["table_name"]: s["completed_at"] for s in states if s["direction"] == PULL}
        complete = [pulls.get(spec.name) for spec in PULL_TABLES]
        data_as_of = None if None in complete else min(c for c in complete if c is not None)
        failure, detail = parse_error(run["error"] if run else None)
        pending, held = waiting_records(conn, kiosk_id, now)
        return SyncStatus(
            last_success_at=run["completed_at"] if run else None,
            last_attempt_at=run["attempted_at"] if run else None,
            last_error=detail,
            last_failure=failure,
            data_as_of=data_as_of,
            pending=pending,
            conflicts=conn.scalar(select(func.count()).select_from(CONFLICT)) or 0,
            held=held,
        )


__all__ = [
    "BATCH_SIZE",
    "CentralUnreachable",
    "Conflict",
    "ConflictLine",
    "SyncCancelled",
    "SyncError",
    "SyncFailure",
    "SyncReport",
    "SyncStatus",
    "TourSync",
    "central_engine",
    "recent_conflicts",
    "record_failure",
    "sync_status",
    "waiting_records",
]

"""The durable print spool's rules, on a real SQLite file (and the claim race on PostgreSQL)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db import migrate
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.models import Kiosk
from kiosk.ports import Receipt, ReceiptLine
from kiosk.printing.spool import (
    BACKOFF_CAP,
    Failure,
    LostClaim,
    PrintSpool,
    SpoolError,
    backoff,
    enqueue,
    receipt_from_json,
    receipt_to_json,
    subscribe,
)
from kiosk.printing.states import PrintJobState
from kiosk.printing.tables import PrintJob
from kiosk.settings import Profile
from tests.helpers import records

NOW = datetime(2026, 5, 20, 8, 30, tzinfo=UTC)
OFFLINE_DETAIL = "the printer reports itself offline"  # as hardware.escpos_printer says it
RECEIPT = Receipt(
    title="Besoin d’aide ?",
    kiosk="Smart Store — accueil",
    lines=(ReceiptLine("Motif", "Messagerie"), ReceiptLine("Attente estimée", "12 min")),
    big_number="M-042",
    qr_payload="KQ1.GEZDGNBV.ABCD",
    footer=("Café : 0,50 €", "Œuvre à côté"),
    printed_at=datetime(2026, 5, 20, 10, 30, tzinfo=ZoneInfo("Europe/Paris")),
)


def queue(
    sessions: sessionmaker[Session], n: int = 1, *, kiosk_id: int | None = None, at=NOW
) -> list[int]:
    with sessions() as s:
        ids = [
            enqueue(s, RECEIPT, kind="help_ticket", ref=f"H-{i}", kiosk_id=kiosk_id, now=at)
            for i in range(n)
        ]
        s.commit()
    return ids


def state_of(sessions: sessionmaker[Session], job_id: int) -> PrintJobState:
    with sessions() as s:
        return s.get_one(PrintJob, job_id).state


@pytest.fixture
def spool(session_factory: sessionmaker[Session]) -> PrintSpool:
    return PrintSpool(session_factory)


# --- receipts survive the database ------------------------------------------------------------

texts = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)
datetimes = st.one_of(
    st.none(),
    st.datetimes(),  # naive
    st.datetimes(
        timezones=st.sampled_from(
            [UTC, ZoneInfo("Europe/Paris"), timezone(timedelta(hours=-3, minutes=-30))]
        ),
        # a receipt's time is a clock's reading: never a Paris wall time the spring change
        # skips (1999-03-28 02:00 does not exist and reads back as 03:00)
        allow_imaginary=False,
    ),
)


@given(
    st.builds(
        Receipt,
        title=texts,
        kiosk=texts,
        lines=st.lists(st.builds(ReceiptLine, texts, texts), max_size=4).map(tuple),
        big_number=st.none() | texts,
        qr_payload=st.none() | texts,
        footer=st.lists(texts, max_size=3).map(tuple),
        printed_at=datetimes,
        organisation=texts,
        cut=st.booleans(),
    )
)
def test_a_receipt_round_trips_through_json_exactly(receipt: Receipt) -> None:
    back = receipt_from_json(receipt_to_json(receipt))
    assert back == receipt
    if receipt.printed_at is not None:
        assert back.printed_at is not None
        assert back.printed_at.tzinfo == receipt.printed_at.tzinfo
        assert back.printed_at.isoformat() == receipt.printed_at.isoformat()


@pytest.mark.parametrize(
    "text",
    ["", "[]", '{"format": 2}', '{"format": 1, "title": 3}', '{"format": 1}'],
)
def test_an_unreadable_receipt_is_a_spool_error(text: str) -> None:
    with pytest.raises(SpoolError):
        receipt_from_json(text)


# --- queueing in the caller's transaction ----------------------------------------------------


def test_enqueue_writes_a_pending_job_in_the_callers_transaction(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory() as s:
        job_id = enqueue(s, RECEIPT, kind="help_ticket", ref="H-1", now=NOW)
        s.commit()
    with session_factory() as s:
        job = s.get_one(PrintJob, job_id)
        assert job.state is PrintJobState.PENDING
        assert (job.kind, job.ref, job.kiosk_id, job.attempts) == ("help_ticket", "H-1", None, 0)
        assert job.created_at == job.next_attempt_at == NOW
        assert job.deadline_at == NOW + timedelta(minutes=10)
        assert len(job.nonce) == 32
        assert receipt_from_json(job.receipt) == RECEIPT


def test_a_rolled_back_transaction_takes_its_job_with_it(
    session_factory: sessionmaker[Session],
) -> None:
    woken: list[int] = []
    unsubscribe = subscribe(lambda: woken.append(1))
    try:
        with session_factory() as s:
            enqueue(s, RECEIPT, kind="help_ticket", now=NOW)
            s.rollback()
            s.add(records.site(s))  # a later commit of the same session queues nothing
            s.commit()
        with session_factory() as s:
            assert s.scalars(select(PrintJob)).all() == []
        assert woken == []
        queue(session_factory)
        assert woken == [1]
    finally:
        unsubscribe()
    queue(session_factory)
    assert woken == [1]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "Help ticket"}, "kind"),
        ({"kind": ""}, "kind"),
        ({"kind": "x" * 33}, "kind"),
        ({"kind": "help", "ref": ""}, "ref"),
        ({"kind": "help", "ref": "r" * 65}, "ref"),
        ({"kind": "help", "max_wait": timedelta(0)}, "max_wait"),
        ({"kind": "help", "now": datetime(2026, 1, 1)}, "naive"),
    ],
)
def test_enqueue_refuses_what_it_cannot_store(
    session_factory: sessionmaker[Session], kwargs: dict[str, object], message: str
) -> None:
    with session_factory() as s, pytest.raises(SpoolError, match=message):
        enqueue(s, RECEIPT, **kwargs)  # type: ignore[arg-type]


# --- claiming, in order, once ------------------------------------------------------------------


def test_jobs_are_claimed_oldest_first_and_only_once(
    session_factory: sessionmaker[Session], spool: PrintSpool
) -> None:
    first, second = queue(session_factory, 2)
    claimed, expired = spool.claim_next("w1", NOW)
    assert expired == []
    assert claimed is not None
    assert claimed.id == first
    assert claimed.job.state is PrintJobState.SENDING
    assert claimed.job.attempts == 1
    assert receipt_from_json(claimed.receipt_json) == RECEIPT
    other = PrintSpool(session_factory)
    again, _ = other.claim_next("w2", NOW)
    assert again is not None
    assert again.id == second
    assert other.claim_next("w2", NOW)[0] is None


def test_nothing_is_claimed_before_the_head_of_the_queue_is_due(
    session_factory: sessionmaker[Session], spool: PrintSpool
) -> None:
    first, _second = queue(session_factory, 2)
    claimed, _ = spool.claim_next("w", NOW)
    assert claimed is not None
    spool.reschedule(first, "w", NOW, Failure.PAPER_OUT, attempts=1)
    assert spool.next_due() == NOW + timedelta(seconds=2)
    # the second job is due, but it waits behind the first: receipts come out in order
    assert spool.claim_next("w", NOW + timedelta(seconds=1))[0] is None
    later, _ = spool.claim_next("w", NOW + timedelta(seconds=2))
    assert later is not None
    assert later.id == first
    assert later.job.attempts == 2


def test_a_printed_job_is_never_claimed_again(
    session_factory: sessionmaker[Session], spool: PrintSpool
) -> None:
    (job_id,) = queue(session_factory)
    claimed, _ = spool.claim_next("w", NOW)
    assert claimed is not None
    spool.mark_transmitting(job_id, "w", NOW)
    done = spool.mark_printed(job_id, "w", NOW + timedelta(seconds=1))
    assert done.state is PrintJobState.PRINTED
    assert done.printed_at == NOW + timedelta(seconds=1)
    assert spool.claim_next("w", NOW + timedelta(hours=1))[0] is None
    assert spool.recover_interrupted(NOW + timedelta(hours=1)) == []
    assert spool.retry(job_id, NOW) is None
    assert spool.cancel(job_id, NOW) is None
    with pytest.raises(LostClaim):
        spool.mark_printed(job_id, "w", NOW)


def test_backoff_doubles_and_is_capped() -> None:
    assert [backoff(n).total_seconds() for n in range(1, 8)] == [2, 4, 8, 16, 32, 60, 60]
    assert backoff(1000) == BACKOFF_CAP


def test_a_failing_job_backs_off_then_expires_at_its_deadline(
    session_factory: sessionmaker[Session], spool: PrintSpool
) -> None:
    (job_id,) = queue(session_factory)
    at = NOW
    for attempt in range(1, 30):
        claimed, expired = spool.claim_next("w", at)
        if claimed is None:
            break
        assert claimed.job.attempts == attempt
        job = spool.reschedule(job_id, "w", at, Failure.OFFLINE, attempt, OFFLINE_DETAIL)
        assert job.state is PrintJobState.PENDING
        assert (job.last_error_code, job.last_error) == (Failure.OFFLINE, OFFLINE_DETAIL)
        assert job.next_attempt_at == min(at + backoff(attempt), NOW + timedelta(minutes=10))
        at = job.next_attempt_at
    assert at == NOW + timedelta(minutes=10)
    assert [e.id for e in expired] == [job_id]
    (gone,) = expired
    assert gone.state is PrintJobState.FAILED
    assert gone.last_error_code is Failure.EXPIRED
    # says what kept it from printing, in words for the log, not for the screen
    assert gone.last_error == (
        "not printed before its deadline; last failure: offline"
        " (the printer reports itself offline)"
    )


# --- people: retry and cancel ------------------------------------------------------------------


def test_a_failed_job_can_be_retried_with_a_fresh_deadline(
    session_factory: sessionmaker[Session], spool: PrintSpool
) -> None:
    (job_id,) = queue(session_factory)
    spool.claim_next("w", NOW)
    spool.fail(job_id, "w", NOW, Failure.ERROR)
    later = NOW + timedelta(hours=2)
    job = spool.retry(job_id, later)
    assert job is not None
    assert job.state is PrintJobState.PENDING
    assert (job.attempts, job.last_error, job.next_attempt_at) == (0, None, later)
    assert job.deadline_at == later + timedelta(minutes=10)
    claimed, _ = spool.claim_next("w", later)
    assert claimed is not None
    assert claimed.id == job_id


def test_cancel_stops_a_claimed_job_before_its_first_byte_but_not_after(
    session_factory: sessionmaker[Session], spool: PrintSpool
) -> None:
    first, second = queue(session_factory, 2)
    spool.claim_next("w", NOW)
    cancelled = spool.cancel(first, NOW)
    assert cancelled is not None
    assert cancelled.state is PrintJobState.CANCELLED
    with pytest.raises(LostClaim):  # the spooler finds out before it sends anything
        spool.mark_transmitting(first, "w", NOW)
    claimed, _ = spool.claim_next("w", NOW)
    assert claimed is not None
    assert claimed.id == second
    spool.mark_transmitting(second, "w", NOW)
    assert spool.cancel(second, NOW) is None
    assert state_of(session_factory, second) is PrintJobState.SENDING


# --- crashes -------------------------------------------------------------------------------------


def test_after_a_crash_an_untransmitted_job_is_resent_and_a_transmitting_one_is_not(
    session_factory: sessionmaker[Session],
) -> None:
    untouched, mid_send, waiting = queue(session_factory, 3)
    dead = PrintSpool(session_factory)
    dead.claim_next("dead", NOW)
    # the dead spooler's second claim needs its first job out of the way: fake the order
    with session_factory() as s:
        s.get_one(PrintJob, mid_send).state = PrintJobState.SENDING
        s.get_one(PrintJob, mid_send).claimed_by = "dead"
        s.get_one(PrintJob, mid_send).attempts = 1
        s.get_one(PrintJob, mid_send).transmit_started_at = NOW
        s.commit()

    restarted = PrintSpool(session_factory)
    settled = {job.id: job for job in restarted.recover_interrupted(NOW + timedelta(seconds=5))}
    assert set(settled) == {untouched, mid_send}
    assert settled[untouched].state is PrintJobState.PENDING
    assert settled[untouched].attempts == 0
    assert settled[mid_send].state is PrintJobState.FAILED
    assert settled[mid_send].last_error_code is Failure.INTERRUPTED
    assert state_of(session_factory, waiting) is PrintJobState.PENDING
    order = []
    while (claimed := restarted.claim_next("new", NOW + timedelta(seconds=5))[0]) is not None:
        order.append(claimed.id)
        restarted.mark_transmitting(claimed.id, "new", NOW)
        restarted.mark_printed(claimed.id, "new", NOW)
    assert order == [untouched, waiting]
    with pytest.raises(LostClaim):  # a zombie of the dead spooler cannot report on them
        dead.mark_printed(untouched, "dead", NOW)


def test_a_lease_leaves_recent_claims_of_a_live_spooler_alone(
    session_factory: sessionmaker[Session], spool: PrintSpool
) -> None:
    queue(session_factory)
    spool.claim_next("live", NOW)
    assert spool.recover_interrupted(NOW, claimed_before=NOW - timedelta(minutes=2)) == []
    (stale,) = spool.recover_interrupted(
        NOW + timedelta(minutes=5), claimed_before=NOW + timedelta(minutes=3)
    )
    assert stale.state is PrintJobState.PENDING


# --- several kiosks ---------------------------------------------------------------------------


def kiosk_row(s: Session, code: str) -> int:
    site = records.site(s)
    row = Kiosk(code=code, name=code, profile=Profile.STORE, site_id=site.id, created_at=NOW)
    s.add(row)
    s.flush()
    return row.id


def test_each_kiosk_prints_only_its_own_jobs(session_factory: sessionmaker[Session]) -> None:
    with session_factory() as s:
        a, b = kiosk_row(s, "K-A"), kiosk_row(s, "K-B")
        s.commit()
    (job_a,) = queue(session_factory, kiosk_id=a)
    (job_b,) = queue(session_factory, kiosk_id=b)
    claimed, _ = PrintSpool(session_factory, kiosk_id=b).claim_next("wb", NOW)
    assert claimed is not None
    assert claimed.id == job_b
    assert PrintSpool(session_factory, kiosk_id=b).claim_next("wb", NOW)[0] is None
    summary = PrintSpool(session_factory, kiosk_id=a).summary()
    assert (summary.pending, summary.sending, summary.failed) == (1, 0, 0)
    assert summary.oldest_pending_at == NOW
    assert [j.id for j in PrintSpool(session_factory, kiosk_id=a).jobs()] == [job_a]


def test_summary_counts_open_jobs(
    session_factory: sessionmaker[Session], spool: PrintSpool
) -> None:
    ids = queue(session_factory, 3)
    spool.claim_next("w", NOW)
    spool.fail(ids[0], "w", NOW, Failure.UNREADABLE)
    spool.claim_next("w", NOW)
    summary = spool.summary()
    assert (summary.pending, summary.sending, summary.failed, summary.backlog) == (1, 1, 1, 2)
    assert [j.state for j in spool.jobs()] == [
        PrintJobState.FAILED,
        PrintJobState.SENDING,
        PrintJobState.PENDING,
    ]


# --- the race on a real PostgreSQL server ----------------------------------------------------


@pytest.fixture
def pg_sessions(postgres_db_url: str) -> Iterator[sessionmaker[Session]]:
    engine: Engine = create_db_engine(postgres_db_url)
    migrate.ensure_schema(engine)
    yield make_session_factory(engine)
    engine.dispose()


@pytest.mark.postgres
def test_two_kiosks_racing_on_postgresql_never_claim_the_same_job(
    pg_sessions: sessionmaker[Session],
) -> None:
    ids = queue(pg_sessions, 60)
    won: dict[str, list[int]] = {f"w{i}": [] for i in range(4)}
    start = threading.Barrier(len(won))

    def work(worker: str) -> None:
        spool = PrintSpool(pg_sessions)
        start.wait()
        while (claimed := spool.claim_next(worker, NOW)[0]) is not None:
            won[worker].append(claimed.id)
            spool.mark_transmitting(claimed.id, worker, NOW)
            spool.mark_printed(claimed.id, worker, NOW)

    threads = [threading.Thread(target=work, args=(w,)) for w in won]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    every = [job for jobs in won.values() for job in jobs]
    assert sorted(every) == ids  # each job exactly once
    assert sum(1 for jobs in won.values() if jobs) >= 2  # they really raced
    with pg_sessions() as s:
        states = set(s.scalars(select(PrintJob.state)).all())
    assert states == {PrintJobState.PRINTED}

"""Click & Collect in the Smart Tour sync, with a SQLite central database (fast); the network
cut and the PostgreSQL server are in test_sync_collect_postgres.py."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, func, select, update

from kiosk.collect.identify import by_order_code
from kiosk.collect.order_code import OrderClaims
from kiosk.collect.staff import StaffProof, mark_ready
from kiosk.collect.status import Actor, LineStatus
from kiosk.collect.tables import (
    CatalogueItem,
    CollectOrder,
    HandOver,
    LineEvent,
    OrderLine,
    Pickup,
)
from kiosk.db.models import Person
from kiosk.printing.tables import PrintJob
from kiosk.rgpd.retention import purge
from kiosk.sync.tables import SyncConflict, SyncState
from kiosk.sync.tour import sync_status
from tests.helpers.checkin_world import NOW
from tests.kiosk.sync.collect_world import (
    READY_AGENTS,
    add_order,
    build_collect,
    hand,
    handed_over,
    lines_of,
    statuses_of,
)
from tests.kiosk.sync.conftest import Tour


def test_the_pull_brings_the_catalogue_and_the_orders_still_to_hand_over(
    sqlite_tour: Tour,
) -> None:
    tour = sqlite_tour
    collect = build_collect(tour)

    report = tour.sync().run()

    assert report.pulled["catalogue_item"] == 2
    assert report.pulled["collect_order"] == READY_AGENTS + 1  # and the one being prepared
    assert report.pulled["order_line"] == 2 * READY_AGENTS + 1
    with tour.central.connect() as c, tour.local.connect() as t:
        query = select(CollectOrder.id, CollectOrder.reference, CollectOrder.person_id)
        central = c.execute(query.where(CollectOrder.reference != collect.closed)).all()
        # Central ids kept: the order code in the agent's message opens the order offline.
        assert sorted(t.execute(query).all()) == sorted(central)
        assert set(t.scalars(select(CatalogueItem.code))) == {"CASQUE", "SOURIS"}
        assert t.scalar(select(CatalogueItem.max_per_agent).where(CatalogueItem.code == "CASQUE"))
    assert statuses_of(tour.local, collect.orders[tour.crowd[0]]) == ["ready", "ready"]
    assert statuses_of(tour.local, collect.later) == ["placed"]
    # The order code of the "ready" message (central ids) opens the order on the tour kiosk.
    agent = tour.crowd[1]
    with tour.central.connect() as c:
        order_id = c.scalar(
            select(CollectOrder.id).where(CollectOrder.reference == collect.orders[agent])
        )
    assert order_id is not None
    claims = OrderClaims(order_id, agent, NOW + timedelta(days=9))
    with tour.local_sessions() as s:
        listed = by_order_code(s, claims, NOW)
    assert [line.order_ref for line in listed.ready] == [collect.orders[agent]] * 2
    assert lines_of(tour.local, collect.closed) == []  # collected long ago: not needed here


def test_offline_hand_overs_reach_the_central_base_once_with_the_conflict_in_words(
    sqlite_tour: Tour,
) -> None:
    tour = sqlite_tour
    collect = build_collect(tour)
    tour.sync().run()
    a, b, c = tour.crowd[:3]
    # Online at the Smart Store, 10:20 Paris: c's headset (line 1) is handed over there...
    hand(tour, c, collect.orders[c], [1], store=collect.store, minutes=-10)
    # ...while the tour kiosk, offline, hands over a's two lines, b's first, c's two.
    for person, lines in ((a, [1, 2]), (b, [1]), (c, [1, 2])):
        done = hand(tour, person, collect.orders[person], lines, minutes=15)
        assert done.print_job_id is not None  # the receipt waits in the local spool
    assert tour.count(tour.local, PrintJob, kind="pickup_receipt") == 3
    assert sync_status(tour.local, tour.kiosk_id).pending == 3 + 5  # pickups, hand-overs
    central_side, tour_side = handed_over(tour.central), handed_over(tour.local)
    assert (central_side, tour_side) == (1, 5)

    report = tour.sync(batch_size=2).run()

    assert report.pushed["pickup"] == 3
    assert report.pushed["hand_over"] == 4  # c's headset was handed over at the store first
    assert report.pushed.get("order_line_event", 0) == 0  # the hand-overs' went with them
    # The figures: both sides, each line once.
    assert handed_over(tour.central) == central_side + tour_side - 1 == 5
    assert tour.count(tour.central, HandOver) == 5
    with tour.central.connect() as conn:
        assert conn.scalar(select(func.count(func.distinct(HandOver.line_id)))) == 5
    assert statuses_of(tour.central, collect.orders[a]) == ["collected", "collected"]
    assert statuses_of(tour.central, collect.orders[b]) == ["collected", "ready"]
    assert statuses_of(tour.central, collect.orders[c]) == ["collected", "collected"]
    with tour.central.connect() as conn:  # each collected line has one hand-over in history
        moves = conn.execute(
            select(LineEvent.line_id, func.count())
            .where(LineEvent.to_status == LineStatus.COLLECTED)
            .group_by(LineEvent.line_id)
        ).all()
        assert sorted(n for _line, n in moves) == [1] * 5
        store_hand_over = conn.scalar(
            select(HandOver.kiosk_id).where(HandOver.line_id == lines_of(tour.central,
                                                                       collect.orders[c])[0])
        )  # fmt: skip
        assert store_hand_over == collect.store
    assert [c.message for c in report.conflicts] == [
        f"Commande {collect.orders[c]}, ligne 1 : déjà remise à 10:20 au kiosque Smart Store, "
        "remise ici aussi à 10:45 : à régulariser"
    ]
    assert report.conflicts[0].person_id == c
    status = sync_status(tour.local, tour.kiosk_id)
    assert (status.pending, status.conflicts, status.last_error) == (0, 1, None)

    # A second sync changes nothing, and nor does a replay of every batch (the marks lost).
    again = tour.sync().run()
    assert not any(again.pushed.values())
    assert again.conflicts == []
    with tour.local.begin() as t:
        t.execute(update(SyncState).where(SyncState.direction == "push").values(last_id=0))
    replay = tour.sync(batch_size=3).run()
    assert not any(replay.pushed.values())
    assert len(replay.conflicts) == 1  # worked out again, kept once
    assert tour.count(tour.local, SyncConflict) == 1
    assert tour.count(tour.central, HandOver) == 5
    assert tour.count(tour.central, Pickup) == 4
    # The tour keeps its own word on the line it handed over; b's second line is still owed.
    assert statuses_of(tour.local, collect.orders[c]) == ["collected", "collected"]
    assert statuses_of(tour.local, collect.orders[b]) == ["collected", "ready"]


def test_the_pull_tells_the_tour_what_the_store_handed_over_meanwhile(sqlite_tour: Tour) -> None:
    tour = sqlite_tour
    collect = build_collect(tour)
    tour.sync().run()
    a = tour.crowd[0]
    hand(tour, a, collect.orders[a], [1, 2], store=collect.store)

    tour.sync().run()

    # The tour will not hand those lines over again (its pickup screen says collected).
    assert statuses_of(tour.local, collect.orders[a]) == ["collected", "collected"]


def test_a_line_cancelled_centrally_but_handed_over_offline_is_recorded_and_said(
    sqlite_tour: Tour,
) -> None:
    tour = sqlite_tour
    collect = build_collect(tour)
    tour.sync().run()
    a = tour.crowd[0]
    with tour.central.begin() as conn:
        conn.execute(
            update(OrderLine)
            .where(OrderLine.id == lines_of(tour.central, collect.orders[a])[1])
            .values(status=LineStatus.CANCELLED)
        )
    hand(tour, a, collect.orders[a], [1, 2])

    report = tour.sync().run()

    assert report.pushed["hand_over"] == 2  # the items did leave the desk: both count
    assert statuses_of(tour.central, collect.orders[a]) == ["collected", "cancelled"]
    assert [c.message for c in report.conflicts] == [
        f"Commande {collect.orders[a]}, ligne 2 annulée dans la base centrale, mais remise ici "
        "le 20/05/2026 à 10:30 : remise enregistrée, à régulariser"
    ]


def test_a_staff_move_on_the_tour_goes_up_unless_the_line_moved_there(sqlite_tour: Tour) -> None:
    tour = sqlite_tour
    build_collect(tour)
    with tour.central_sessions.begin() as s:
        add_order(s, "CC-2026-0902", tour.crowd[8], [LineStatus.PREPARED, LineStatus.PREPARED])
    tour.sync().run()
    first, second = lines_of(tour.local, "CC-2026-0902")
    with tour.central.begin() as conn:  # the store cancels line 2 meanwhile
        conn.execute(
            update(OrderLine)
            .where(OrderLine.id == lines_of(tour.central, "CC-2026-0902")[1])
            .values(status=LineStatus.CANCELLED)
        )
    with tour.local_sessions.begin() as s:
        for line in (first, second):
            mark_ready(s, line, StaffProof(Actor.STAFF_PIN), now=NOW, kiosk_id=tour.kiosk_id)

    report = tour.sync().run()

    assert report.pushed["order_line_event"] == 1
    assert statuses_of(tour.central, "CC-2026-0902") == ["ready", "cancelled"]
    with tour.central.connect() as conn:
        ready_until = conn.scalar(
            select(OrderLine.ready_until).where(
                OrderLine.id == lines_of(tour.central, "CC-2026-0902")[0]
            )
        )
    assert ready_until is not None  # what mark_ready set travels with the move
    assert [c.message for c in report.conflicts] == [
        "Commande CC-2026-0902, ligne 2 déjà annulée dans la base centrale : passage à "
        "« prête » fait ici le 20/05/2026 à 10:30 non repris"
    ]
    # The next pull puts the tour right: the line is cancelled here too.
    assert statuses_of(tour.local, "CC-2026-0902") == ["ready", "cancelled"]


def test_orders_the_central_base_drops_do_not_stay_on_the_tour(sqlite_tour: Tour) -> None:
    """RGPD: the orders of a person purged centrally, and orders closed long ago, leave the
    tour kiosk at its next sync; one with a line handed over here leaves with the hand-over's
    retention (the purge), then at the next sync."""
    tour = sqlite_tour
    collect = build_collect(tour)
    tour.sync().run()
    gone, kept_here = tour.crowd[3], tour.crowd[4]
    hand(tour, kept_here, collect.orders[kept_here], [1, 2])
    with tour.central.begin() as conn:  # the council erases an agent who left
        order = select(CollectOrder.id).where(CollectOrder.person_id == gone)
        conn.execute(delete(OrderLine).where(OrderLine.order_id.in_(order)))
        conn.execute(delete(CollectOrder).where(CollectOrder.person_id == gone))
        conn.execute(delete(Person).where(Person.id == gone))

    report = tour.sync().run()

    assert report.pruned == {"collect_order": 1}
    assert lines_of(tour.local, collect.orders[gone]) == []
    assert tour.count(tour.local, CollectOrder, person_id=gone) == 0

    # Two months on, every order is closed and out of the pull window: all leave the tour but
    # the one handed over here, held by its pickup until the retention period ends.
    tour.clock.set(NOW + timedelta(days=61))
    with tour.central.begin() as conn:
        conn.execute(
            update(OrderLine)
            .where(OrderLine.status.in_(["ready", "placed"]))
            .values(status=LineStatus.EXPIRED, status_at=NOW + timedelta(days=11))
        )
    tour.sync().run()
    with tour.local.connect() as t:
        assert list(t.scalars(select(CollectOrder.reference))) == [collect.orders[kept_here]]
    purge(tour.local, tour.clock.now(), {"handovers": 60}, dry_run=False)
    assert tour.count(tour.local, HandOver) == 0
    report = tour.sync().run()
    assert report.pruned == {"collect_order": 1}
    assert tour.count(tour.local, CollectOrder) == 0
    assert tour.count(tour.local, OrderLine) == 0
    assert tour.count(tour.local, LineEvent) == 0

"""Click & Collect: the Smart Tour hands over offline while the Smart Store hands over online,
then meets a real PostgreSQL server through a loopback proxy that drops in the middle of the
push."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select

from kiosk.collect.tables import HandOver, LineEvent, Pickup
from kiosk.printing.tables import PrintJob
from kiosk.sync.tables import SyncConflict
from kiosk.sync.tour import CentralUnreachable, sync_status
from tests.helpers.tcp_proxy import TcpProxy
from tests.kiosk.sync.collect_world import build_collect, hand, handed_over, statuses_of
from tests.kiosk.sync.conftest import Tour

pytestmark = pytest.mark.slow


def test_hand_overs_pushed_through_a_cut_land_once_and_the_figures_add_up(
    pg_tour: Tour, proxy: TcpProxy, via_proxy: Engine
) -> None:
    tour = pg_tour
    collect = build_collect(tour)
    tour.sync().run()  # the ready orders come down while the van is at the depot
    a, b, c, d, e = tour.crowd[:5]
    # Online, at the Smart Store (10:20 Paris): c's first line.
    hand(tour, c, collect.orders[c], [1], store=collect.store, minutes=-10)
    # Offline on the tour: nine lines, c's first among them; a receipt spooled for each pickup.
    for n, (person, lines) in enumerate(((a, [1, 2]), (b, [1]), (c, [1, 2]), (d, [1, 2]),
                                         (e, [2, 1]))):  # fmt: skip
        assert hand(tour, person, collect.orders[person], lines, minutes=n).print_job_id
    assert tour.count(tour.local, PrintJob, kind="pickup_receipt") == 5
    central_side, tour_side = handed_over(tour.central), handed_over(tour.local)
    assert (central_side, tour_side) == (1, 9)

    # The van leaves while the second batch of hand-overs is on its way.
    proxy.cut_on(b"INSERT INTO hand_over", after=1)
    with pytest.raises(CentralUnreachable):
        tour.sync(batch_size=2, central=via_proxy).run()

    assert proxy.cuts == 1
    assert tour.count(tour.central, Pickup) == 1 + 5  # the pickups had all gone up
    assert tour.count(tour.central, HandOver) == 1 + 2  # the first batch, whole
    assert statuses_of(tour.central, collect.orders[a]) == ["collected", "collected"]
    assert statuses_of(tour.central, collect.orders[b]) == ["ready", "ready"]  # not yet
    status = sync_status(tour.local, tour.kiosk_id)
    assert status.pending == 9 - 2
    assert status.last_error is not None

    proxy.restore()
    report = tour.sync(batch_size=2, central=via_proxy).run()

    assert report.pushed == {"hand_over": 9 - 2 - 1}  # c's first line: the store's
    with tour.central.connect() as conn:  # each hand-over once, each line once
        assert conn.scalar(select(func.count(func.distinct(HandOver.nonce)))) == 9
        assert conn.scalar(select(func.count(func.distinct(HandOver.line_id)))) == 9
        assert conn.scalar(select(func.count()).select_from(HandOver)) == 9
        collected = conn.execute(
            select(LineEvent.line_id, func.count())
            .where(LineEvent.to_status.in_(["collected", "partially_collected"]))
            .group_by(LineEvent.line_id)
        ).all()
        assert sorted(n for _line, n in collected) == [1] * 9  # one history row per line
    assert handed_over(tour.central) == central_side + tour_side - 1  # c's line counted once
    for person in (a, c, d, e):
        assert statuses_of(tour.central, collect.orders[person]) == ["collected", "collected"]
    assert statuses_of(tour.central, collect.orders[b]) == ["collected", "ready"]
    with tour.local.connect() as t:
        messages = list(t.scalars(select(SyncConflict.message)))
    assert messages == [
        f"Commande {collect.orders[c]}, ligne 1 : déjà remise à 10:20 au kiosque Smart Store, "
        "remise ici aussi à 10:32 : à régulariser"
    ]
    status = sync_status(tour.local, tour.kiosk_id)
    assert (status.pending, status.last_error, status.conflicts) == (0, None, 1)

    again = tour.sync(central=via_proxy).run()  # nothing left to do
    assert not any(again.pushed.values())
    assert again.conflicts == []
    assert tour.count(tour.central, HandOver) == 9
    assert tour.count(tour.local, SyncConflict) == 1

"""Requests made at the kiosk in « export person » and in the retention purge; the projects'
pages opened purged after their period too."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.collect.status import Actor, ItemKind, LineStatus, OrderSource
from kiosk.collect.tables import CatalogueItem, CollectOrder, LineEvent, OrderLine
from kiosk.documents.tables import DocumentView
from kiosk.projects.tables import ProjectView
from kiosk.rgpd.person_export import export_person
from kiosk.rgpd.retention import purge
from tests.helpers.checkin_world import NOW, World, build_world

LONG_AGO = NOW - timedelta(days=6 * 365)
LAST_YEAR = NOW - timedelta(days=365)


@pytest.fixture
def world(session_factory: sessionmaker[Session]) -> World:
    return build_world(session_factory)


def _order(
    session: Session,
    person: int,
    reference: str,
    placed: datetime,
    status: LineStatus,
    status_at: datetime,
    source: OrderSource = OrderSource.KIOSK,
) -> None:
    item = session.scalar(select(CatalogueItem.id).where(CatalogueItem.code == "SCR"))
    if item is None:
        screen = CatalogueItem(code="SCR", name="Écran 27 pouces", kind=ItemKind.EQUIPMENT,
                               created_at=LONG_AGO)  # fmt: skip
        session.add(screen)
        session.flush()
        item = screen.id
    order = CollectOrder(
        reference=reference, person_id=person, placed_at=placed, imported_at=placed,
        source=source, nonce=uuid.uuid4().hex if source is OrderSource.KIOSK else None,
        note="pour le télétravail",
    )  # fmt: skip
    session.add(order)
    session.flush()
    reason = "un seul écran par agent" if status == "declined" else None
    line = OrderLine(order_id=order.id, line_no=1, item_id=item, quantity=1, status=status,
                     status_at=status_at, decline_reason=reason)  # fmt: skip
    session.add(line)
    session.flush()
    session.add(
        LineEvent(nonce=uuid.uuid4().hex, line_id=line.id, from_status=LineStatus.PLACED,
                  to_status=status, at=status_at, actor=Actor.STAFF_PIN)
    )  # fmt: skip


def _references(factory: sessionmaker[Session]) -> list[str]:
    with factory() as session:
        return list(session.scalars(select(CollectOrder.reference).order_by(CollectOrder.id)))


def test_export_person_includes_the_requests_their_lines_and_what_staff_decided(
    engine: Engine, session_factory: sessionmaker[Session], world: World
) -> None:
    with session_factory() as session:
        _order(session, world.alice, "DEM-ALICE", NOW, LineStatus.DECLINED, NOW)
        _order(session, world.dan, "DEM-DAN", NOW, LineStatus.APPROVED, NOW)
        session.commit()
    records = export_person(engine, world.alice, generated_at=NOW)["records"]
    [order] = records["collect_order"]
    assert (order["reference"], order["source"], order["note"]) == (
        "DEM-ALICE", "kiosk", "pour le télétravail"
    )  # fmt: skip
    [line] = records["order_line"]
    assert line["decline_reason"] == "un seul écran par agent"
    assert [e["to_status"] for e in records["order_line_event"]] == ["declined"]
    assert "DEM-DAN" not in json.dumps(records, ensure_ascii=False, default=str)


def test_settled_requests_go_after_their_period_with_their_lines_and_history(
    engine: Engine, session_factory: sessionmaker[Session], world: World
) -> None:
    with session_factory() as session:
        _order(session, world.alice, "OLD-DECLINED", LONG_AGO, LineStatus.DECLINED, LONG_AGO)
        _order(session, world.alice, "OLD-OPEN", LONG_AGO, LineStatus.APPROVED, LONG_AGO)
        _order(session, world.dan, "OLD-LATE", LONG_AGO, LineStatus.CANCELLED, LAST_YEAR)
        _order(session, world.dan, "OLD-IMPORT", LONG_AGO, LineStatus.CANCELLED, LONG_AGO,
               OrderSource.IMPORT)  # fmt: skip
        _order(session, world.dan, "RECENT", LAST_YEAR, LineStatus.DECLINED, LAST_YEAR)
        session.commit()

    dry = {line.kind: line for line in purge(engine, NOW, {}, dry_run=True)}
    assert (dry["requests"].rows, dry["requests"].days) == (1, 5 * 365)
    assert len(_references(session_factory)) == 5

    done = {line.kind: line for line in purge(engine, NOW, {}, dry_run=False)}
    assert done["requests"].rows == 1
    assert done["requests"].dependent_rows == 2  # its line and the line's history
    assert _references(session_factory) == ["OLD-OPEN", "OLD-LATE", "OLD-IMPORT", "RECENT"]
    with session_factory() as session:
        assert session.scalar(select(func.count()).select_from(OrderLine)) == 4
        assert session.scalar(select(func.count()).select_from(LineEvent)) == 4

    purge(engine, NOW, {"requests": 200}, dry_run=False)  # a shorter period set by the DPO
    assert _references(session_factory) == ["OLD-OPEN", "OLD-IMPORT"]


def test_projects_opened_are_kept_as_long_as_the_other_figures(
    engine: Engine, session_factory: sessionmaker[Session], world: World
) -> None:
    with session_factory() as session:
        for at in (NOW - timedelta(days=4 * 365), NOW - timedelta(days=2 * 365)):
            session.add(ProjectView(nonce=uuid.uuid4().hex, kiosk_id=world.kiosk, at=at,
                                    project_slug="teleassistance"))  # fmt: skip
        session.commit()
    done = {line.kind: line for line in purge(engine, NOW, {}, dry_run=False)}
    assert (done["project_views"].rows, done["project_views"].days) == (1, 3 * 365)
    with session_factory() as session:
        assert session.scalar(select(func.count()).select_from(ProjectView)) == 1


def test_documents_opened_are_kept_as_long_as_the_other_figures(
    engine: Engine, session_factory: sessionmaker[Session], world: World
) -> None:
    with session_factory() as session:
        for at in (NOW - timedelta(days=3 * 365 + 1), NOW - timedelta(days=3 * 365 - 1)):
            session.add(DocumentView(nonce=uuid.uuid4().hex, kiosk_id=world.kiosk, at=at,
                                     document_slug="hameconnage", source="search"))  # fmt: skip
        session.commit()
    dry = {line.kind: line for line in purge(engine, NOW, {}, dry_run=True)}
    assert (dry["document_views"].rows, dry["document_views"].days) == (1, 3 * 365)
    purge(engine, NOW, {}, dry_run=False)
    with session_factory() as session:
        assert session.scalar(select(func.count()).select_from(DocumentView)) == 1
    purge(engine, NOW, {"document_views": 365}, dry_run=False)  # a shorter period set by the DPO
    with session_factory() as session:
        assert session.scalar(select(func.count()).select_from(DocumentView)) == 0

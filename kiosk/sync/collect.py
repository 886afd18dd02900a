"""Click & Collect in the Smart Tour sync: hand-overs made offline go up, orders come down.

**Push** (this kiosk's rows, in this order): pickups; the lines' history made here by staff
(prepared, ready...; the hand-overs' own history goes with them); hand-overs. An order line is
recognised on the other side by its order's reference and its line number, an item by its
code, a pickup by its nonce. ``hand_over.line_id`` is unique: when the central base already
holds a hand-over of that line (another kiosk, online, got there first), the tour's is not
added and staff read when and where the line was handed over first. A hand-over the central
base takes moves the line there (ready -> collected) with its history row, in the same
transaction. A line the central base cancelled meanwhile keeps its status, but the hand-over
is recorded all the same (the item did leave the desk) and said so, to be put right.

**Pull**: the catalogue by code; the stock of every site by (site code, item code) — what a tour
kiosk shows offline as « stock au dernier passage »; the orders of the people pulled that still
have a line to hand over or whose lines moved within the pull window, keeping their central ids
(order codes carry them, like ticket codes); their lines by order and line number. A line handed
over on this kiosk keeps what this kiosk knows of it. When a pass over the orders completes, the
orders the central base no longer lists (closed long ago, or their person purged there) go from
this kiosk too, unless one of their lines was handed over here: those go with the hand-overs'
retention (``handovers``), then at the next pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Final

from sqlalchemy import (
    ColumnElement,
    Connection,
    RowMapping,
    Select,
    Table,
    bindparam,
    delete,
    exists,
    or_,
    select,
    true,
    tuple_,
    update,
)

from kiosk.collect.status import HANDED_OVER, OPEN, LineStatus, can_move
from kiosk.collect.tables import (
    CatalogueItem,
    CollectOrder,
    HandOver,
    LineEvent,
    OrderLine,
    Pickup,
    SiteStock,
)
from kiosk.db.models import Site
from kiosk.sync.keys import (
    PERSON,
    insert_for,
    keep_central_ids,
    mirror,
    pulled_people,
    table_of,
    upsert_by_key,
)
from kiosk.sync.push import KIOSK, CentralIds, Conflict, Sent, _when
from kiosk.sync.tables import SyncState

ITEM, ORDER, LINE = table_of(CatalogueItem), table_of(CollectOrder), table_of(OrderLine)
PICKUP, HAND_OVER, LINE_EVENT = table_of(Pickup), table_of(HandOver), table_of(LineEvent)
STOCK, STOCK_SITE = table_of(SiteStock), table_of(Site)
STATE = table_of(SyncState)

# How a line's status reads in a conflict ("déjà annulée dans la base centrale").
STATUS_WORDS: Final = {
    LineStatus.PLACED: "commandée",
    LineStatus.APPROVED: "validée",
    LineStatus.PREPARED: "préparée",
    LineStatus.READY: "prête",
    LineStatus.COLLECTED: "remise",
    LineStatus.PARTIALLY_COLLECTED: "remise en partie",
    LineStatus.CANCELLED: "annulée",
    LineStatus.EXPIRED: "expirée",
    LineStatus.DECLINED: "refusée",
}
# What a hand-over pushed here moves along with it (prepared lines carry what staff noted).
_PREPARED_FIELDS: Final = ("prepared_quantity", "asset_tag", "serial")
_READY_FIELDS: Final = ("ready_until", "expected_at")

LineKey = tuple[str, int]  # (order reference, line number): the same on every database


def _line_keys(conn: Connection, line_ids: set[int]) -> dict[int, LineKey]:
    """Line id -> (order reference, line number) in ``conn``'s database."""
    rows = conn.execute(
        select(LINE.c.id, ORDER.c.reference, LINE.c.line_no)
        .join(ORDER, ORDER.c.id == LINE.c.order_id)
        .where(LINE.c.id.in_(line_ids))
    ).all()
    return {i: (ref, no) for i, ref, no in rows}


def _central_lines(cc: Connection, keys: set[LineKey]) -> dict[LineKey, RowMapping]:
    """The central lines (id, status, status_at, quantity) by natural key.

    On PostgreSQL they are row-locked until the batch commits, in id order as
    :func:`kiosk.collect.lines.lock_lines` locks them: a store kiosk cancelling or handing over
    one of them meanwhile waits, and the two cannot deadlock.
    """
    if not keys:
        return {}
    query = (
        select(
            ORDER.c.reference,
            LINE.c.line_no,
            LINE.c.id,
            LINE.c.status,
            LINE.c.status_at,
            LINE.c.quantity,
        )
        .join(ORDER, ORDER.c.id == LINE.c.order_id)
        .where(tuple_(ORDER.c.reference, LINE.c.line_no).in_(list(keys)))
        .order_by(LINE.c.id)
    )
    if cc.dialect.name == "postgresql":
        query = query.with_for_update(of=LINE)
    return {(r["reference"], r["line_no"]): r for r in cc.execute(query).mappings()}


def _central_items(cc: Connection, lc: Connection, item_ids: set[int]) -> dict[int, int]:
    codes = dict(lc.execute(select(ITEM.c.id, ITEM.c.code).where(ITEM.c.id.in_(item_ids))).all())
    central = dict(
        cc.execute(
            select(ITEM.c.code, ITEM.c.id).where(ITEM.c.code.in_(list(codes.values())))
        ).all()
    )
    return {i: central[code] for i, code in codes.items() if code in central}


def _line_label(key: LineKey | None) -> str:
    return f"Commande {key[0]}, ligne {key[1]}" if key else "Ligne de commande"


# --- push -----------------------------------------------------------------------------------


def send_pickups(
    cc: Connection, ids: CentralIds, rows: Sequence[RowMapping], _lc: Connection
) -> Sent:
    """Pickups (the agent's acknowledgement, and signature) exactly as made here."""
    kiosk = ids.kiosk(cc)
    people = ids.people(cc, [r["person_id"] for r in rows])
    values = [
        {
            **{k: v for k, v in r.items() if k != "id"},
            "kiosk_id": kiosk,
            "person_id": people[r["person_id"]],
        }
        for r in rows
    ]
    stmt = insert_for(cc, PICKUP).on_conflict_do_nothing(index_elements=["nonce"])
    inserted = list(cc.scalars(stmt.returning(PICKUP.c.nonce), values))
    return Sent(len(inserted), [], rows[-1]["id"])


def send_line_events(
    cc: Connection, ids: CentralIds, rows: Sequence[RowMapping], lc: Connection
) -> Sent:
    """Lines moved here by staff (prepared, ready, cancelled): applied centrally when the line
    is still where this kiosk found it; otherwise the central base's word stands, and staff
    read why. The history of a hand-over is not sent here: it goes with its hand-over."""
    staff_moves = [r for r in rows if r["to_status"] not in HANDED_OVER]
    if not staff_moves:
        return Sent(0, [], rows[-1]["id"])
    kiosk = ids.kiosk(cc)
    known = set(
        cc.scalars(
            select(LINE_EVENT.c.nonce).where(
                LINE_EVENT.c.nonce.in_([r["nonce"] for r in staff_moves])
            )
        )
    )
    staff = ids.people(cc, [r["staff_id"] for r in staff_moves])
    keys = _line_keys(lc, {r["line_id"] for r in staff_moves})
    local_lines = {
        r["id"]: r for r in lc.execute(select(LINE).where(LINE.c.id.in_(set(keys)))).mappings()
    }
    conflicts: list[Conflict] = []
    new = 0
    for r in staff_moves:  # one by one: two moves of one line may share the batch
        if r["nonce"] in known:
            continue
        key = keys.get(r["line_id"])
        central = _central_lines(cc, {key} if key else set()).get(key) if key else None
        wanted = LineStatus(r["to_status"])
        if central is None or central["status"] != r["from_status"]:
            now_word = (
                "inconnue de la base centrale"
                if central is None
                else f"déjà {STATUS_WORDS[LineStatus(central['status'])]} dans la base centrale"
            )
            conflicts.append(
                Conflict(
                    f"order_line_event:{r['nonce']}",
                    "order_line_event",
                    r["at"],
                    f"{_line_label(key)} {now_word} : passage à « {STATUS_WORDS[wanted]} » "
                    f"fait ici {_when(r['at'])} non repris",
                )
            )
            continue
        assert can_move(LineStatus(central["status"]), wanted)  # the same state machine here
        values: dict[str, Any] = {"status": wanted, "status_at": r["at"]}
        local = local_lines[r["line_id"]]
        if wanted is LineStatus.PREPARED:
            values |= {k: local[k] for k in _PREPARED_FIELDS}
        elif wanted is LineStatus.READY:
            values |= {k: local[k] for k in _READY_FIELDS}
        cc.execute(update(LINE).where(LINE.c.id == central["id"]).values(values))
        event = {k: v for k, v in r.items() if k != "id"}
        event |= {"line_id": central["id"], "kiosk_id": kiosk, "staff_id": staff.get(r["staff_id"])}
        cc.execute(insert_for(cc, LINE_EVENT).values(event).on_conflict_do_nothing())
        new += 1
    return Sent(new, conflicts, rows[-1]["id"])


def send_hand_overs(
    cc: Connection, ids: CentralIds, rows: Sequence[RowMapping], lc: Connection
) -> Sent:
    """Hand-overs: each line at most once centrally, whichever kiosk handed it over first."""
    kiosk = ids.kiosk(cc)
    people = ids.people(cc, [r["person_id"] for r in rows])
    keys = _line_keys(lc, {r["line_id"] for r in rows})
    lines = _central_lines(cc, set(keys.values()))
    items = _central_items(cc, lc, {r["item_id"] for r in rows})
    pickup_nonces = dict(
        lc.execute(
            select(PICKUP.c.id, PICKUP.c.nonce).where(
                PICKUP.c.id.in_({r["pickup_id"] for r in rows})
            )
        ).all()
    )
    pickups = dict(
        cc.execute(
            select(PICKUP.c.nonce, PICKUP.c.id).where(
                PICKUP.c.nonce.in_(list(pickup_nonces.values()))
            )
        ).all()
    )
    conflicts: list[Conflict] = []
    values = []
    for r in rows:
        key = keys.get(r["line_id"])
        line = lines.get(key) if key else None
        item, pickup = items.get(r["item_id"]), pickups.get(pickup_nonces.get(r["pickup_id"], ""))
        if line is None or item is None or pickup is None:
            # The order (or the item) is gone from the central base: nothing to attach it to.
            conflicts.append(
                Conflict(
                    f"hand_over:{r['nonce']}",
                    "hand_over",
                    r["at"],
                    f"{_line_label(key)} inconnue de la base centrale : la remise faite ici "
                    f"{_when(r['at'])} n'y est pas reprise",
                    r["person_id"],
                )
            )
            continue
        values.append(
            {
                **{k: v for k, v in r.items() if k != "id"},
                "line_id": line["id"],
                "pickup_id": pickup,
                "kiosk_id": kiosk,
                "item_id": item,
                "person_id": people[r["person_id"]],
            }
        )
    inserted: dict[str, int] = {}
    if values:
        stmt = insert_for(cc, HAND_OVER).on_conflict_do_nothing()
        inserted = dict(
            cc.execute(stmt.returning(HAND_OVER.c.nonce, HAND_OVER.c.line_id), values).all()
        )
    by_nonce = {r["nonce"]: r for r in rows}
    if inserted:
        conflicts += _move_lines(cc, lc, kiosk, inserted, by_nonce, keys, lines)
    missing = [v for v in values if v["nonce"] not in inserted]
    known = set(
        cc.scalars(
            select(HAND_OVER.c.nonce).where(HAND_OVER.c.nonce.in_([v["nonce"] for v in missing]))
        )
    )
    refused = [v for v in missing if v["nonce"] not in known]  # not sent by an earlier attempt
    first = {
        line: (at, name)
        for line, at, name in cc.execute(
            select(HAND_OVER.c.line_id, HAND_OVER.c.at, KIOSK.c.name)
            .join(KIOSK, KIOSK.c.id == HAND_OVER.c.kiosk_id)
            .where(HAND_OVER.c.line_id.in_([v["line_id"] for v in refused]))
        )
    }
    for v in refused:
        local = by_nonce[v["nonce"]]
        where = first.get(v["line_id"])
        message = f"{_line_label(keys.get(local['line_id']))} : déjà remise"
        if where is not None:
            message += f" {_when(where[0], local['at'])} au kiosque {where[1]}"
        message += f", remise ici aussi {_when(local['at'], where[0] if where else None)} : "
        message += "à régulariser"
        conflicts.append(
            Conflict(f"hand_over:{v['nonce']}", "hand_over", local["at"], message,
                     local["person_id"])
        )  # fmt: skip
    return Sent(len(inserted), conflicts, rows[-1]["id"])


def _move_lines(
    cc: Connection,
    lc: Connection,
    kiosk: int,
    inserted: dict[str, int],
    by_nonce: dict[str, RowMapping],
    keys: dict[int, LineKey],
    lines: dict[LineKey, RowMapping],
) -> list[Conflict]:
    """The central lines of the hand-overs just taken: ready -> collected, with the history
    row made here. A line the central base closed otherwise keeps its status: said so."""
    local_line_ids = {by_nonce[n]["line_id"] for n in inserted}
    events: dict[int, RowMapping] = {}  # local line id -> this kiosk's hand-over history row
    for e in lc.execute(
        select(LINE_EVENT)
        .where(
            LINE_EVENT.c.line_id.in_(local_line_ids),
            LINE_EVENT.c.to_status.in_(list(HANDED_OVER)),
        )
        .order_by(LINE_EVENT.c.id)
    ).mappings():
        events[e["line_id"]] = e
    moves, history, conflicts = [], [], []
    for nonce in inserted:
        local = by_nonce[nonce]
        line = lines[keys[local["line_id"]]]
        event = events.get(local["line_id"])
        full = local["quantity"] >= line["quantity"]
        done = LineStatus.COLLECTED if full else LineStatus.PARTIALLY_COLLECTED
        if event is not None:
            done = LineStatus(event["to_status"])
        status = LineStatus(line["status"])
        if not can_move(status, done):
            conflicts.append(
                Conflict(
                    f"hand_over:{nonce}",
                    "hand_over",
                    local["at"],
                    f"{_line_label(keys[local['line_id']])} {STATUS_WORDS[status]} dans la base "
                    f"centrale, mais remise ici {_when(local['at'])} : remise enregistrée, "
                    "à régulariser",
                    local["person_id"],
                )
            )
            continue
        moves.append({"b_id": line["id"], "status": done, "status_at": local["at"]})
        if event is not None:
            history.append(
                {
                    **{k: v for k, v in event.items() if k not in ("id", "staff_id")},
                    "line_id": line["id"],
                    "from_status": status,
                    "kiosk_id": kiosk,
                    "staff_id": None,  # the agent's own act: no staff member
                }
            )
    if moves:
        cc.execute(
            update(LINE)
            .where(LINE.c.id == bindparam("b_id"))
            .values(status=bindparam("status"), status_at=bindparam("status_at")),
            moves,
        )
    if history:
        cc.execute(insert_for(cc, LINE_EVENT).on_conflict_do_nothing(), history)
    return conflicts


# --- pull -----------------------------------------------------------------------------------


def _pulled_orders(start: datetime) -> Any:
    """The orders a tour kiosk holds: those of the people it holds with a line still to hand
    over, or moved since the window's start (so it learns what another kiosk did)."""
    lines = select(LINE.c.order_id).where(
        or_(LINE.c.status.in_(list(OPEN)), LINE.c.status_at >= start)
    )
    people = select(PERSON.c.id).where(pulled_people(start))
    return ORDER.c.id.in_(lines) & ORDER.c.person_id.in_(people)


def items_query(_start: datetime) -> Select[Any]:
    return select(ITEM)


def apply_items(lc: Connection, rows: Sequence[RowMapping]) -> int:
    return upsert_by_key(lc, ITEM, "code", rows)


def stock_query(_start: datetime) -> Select[Any]:
    return (
        select(STOCK, STOCK_SITE.c.code.label("site_code"), ITEM.c.code.label("item_code"))
        .join(STOCK_SITE, STOCK_SITE.c.id == STOCK.c.site_id)
        .join(ITEM, ITEM.c.id == STOCK.c.item_id)
    )


def apply_stock(lc: Connection, rows: Sequence[RowMapping]) -> int:
    """The central counts, by site and item code: the central base has the last word (the
    tour's own hand-overs went up before the pull came down)."""
    sites = dict(lc.execute(select(STOCK_SITE.c.code, STOCK_SITE.c.id)).all())
    items = dict(
        lc.execute(
            select(ITEM.c.code, ITEM.c.id).where(ITEM.c.code.in_({r["item_code"] for r in rows}))
        ).all()
    )
    values = [
        {
            "site_id": sites[r["site_code"]],
            "item_id": items[r["item_code"]],
            "quantity": r["quantity"],
            "updated_at": r["updated_at"],
            "set_by": r["set_by"],
        }
        for r in rows
        if r["site_code"] in sites and r["item_code"] in items
    ]
    if values:
        stmt = insert_for(lc, STOCK)
        stmt = stmt.on_conflict_do_update(
            index_elements=["site_id", "item_id"],
            set_={c: stmt.excluded[c] for c in ("quantity", "updated_at", "set_by")},
        )
        lc.execute(stmt, values)
    return len(values)


def orders_query(start: datetime) -> Select[Any]:
    return select(ORDER).where(_pulled_orders(start))


def orders_kept(start: datetime) -> Select[Any]:
    """The central references a tour kiosk may keep (see :func:`prune_orders`)."""
    return select(ORDER.c.reference).where(_pulled_orders(start))


def apply_orders(lc: Connection, rows: Sequence[RowMapping]) -> int:
    # An order made after the people pass passed its person waits for the next pass.
    people = set(
        lc.scalars(select(PERSON.c.id).where(PERSON.c.id.in_({r["person_id"] for r in rows})))
    )
    rows = [r for r in rows if r["person_id"] in people]
    by_reference = dict(
        lc.execute(
            select(ORDER.c.reference, ORDER.c.id).where(
                ORDER.c.reference.in_([r["reference"] for r in rows])
            )
        ).all()
    )
    taken = set(lc.scalars(select(ORDER.c.id).where(ORDER.c.id.in_([r["id"] for r in rows]))))
    pulled = (
        (
            r,
            # A central kiosk id means nothing here (kiosks are not pulled): None, which also
            # keeps a request made here, now in the central base, from being pushed again.
            {c.name: r[c.name] for c in ORDER.c if c.name != "id"} | {"kiosk_id": None},
            by_reference.get(r["reference"]),
        )
        for r in rows
    )
    # the order codes carry the central id: the others must take it
    for r, values in keep_central_ids(lc, ORDER, pulled, taken):
        local = lc.scalar(select(ORDER.c.id).where(ORDER.c.reference == r["reference"]))
        mirror(lc, ORDER, r["id"], local, values)
    return len(rows)


def lines_query(start: datetime) -> Select[Any]:
    return (
        select(LINE, ORDER.c.reference, ITEM.c.code.label("item_code"))
        .join(ORDER, ORDER.c.id == LINE.c.order_id)
        .join(ITEM, ITEM.c.id == LINE.c.item_id)
        .where(_pulled_orders(start))
    )


_LINE_COLUMNS: Final = tuple(
    c.name for c in LINE.c if c.name not in ("id", "order_id", "line_no", "item_id")
)


def apply_lines(lc: Connection, rows: Sequence[RowMapping]) -> int:
    orders = dict(
        lc.execute(
            select(ORDER.c.reference, ORDER.c.id).where(
                ORDER.c.reference.in_({r["reference"] for r in rows})
            )
        ).all()
    )
    items = dict(
        lc.execute(
            select(ITEM.c.code, ITEM.c.id).where(ITEM.c.code.in_({r["item_code"] for r in rows}))
        ).all()
    )
    existing = {
        (order, no): (line_id, handed)
        for line_id, order, no, handed in lc.execute(
            select(
                LINE.c.id,
                LINE.c.order_id,
                LINE.c.line_no,
                exists().where(HAND_OVER.c.line_id == LINE.c.id),
            ).where(LINE.c.order_id.in_(set(orders.values())))
        )
    }
    updates, inserts = [], []
    for r in rows:
        order, item = orders.get(r["reference"]), items.get(r["item_code"])
        if order is None or item is None:  # its order came after the orders pass: next pass
            continue
        values = {c: r[c] for c in _LINE_COLUMNS} | {"item_id": item}
        found = existing.get((order, r["line_no"]))
        if found is None:
            inserts.append({**values, "order_id": order, "line_no": r["line_no"]})
        elif not found[1]:  # handed over here: this kiosk's word stands until it is purged
            updates.append({**values, "b_id": found[0]})
    if updates:
        lc.execute(update(LINE).where(LINE.c.id == bindparam("b_id")), updates)
    if inserts:
        lc.execute(LINE.insert(), inserts)
    return len(updates) + len(inserts)


def prune_orders(lc: Connection, kept: set[Any]) -> int:
    """Drop the local orders the central base no longer lists (``kept``: their references),
    with their lines and history, except those with a line handed over here, and the requests
    made here not pushed yet (past the push's mark) — one made while the sync ran was dropped
    unsent. Returns how many orders went."""
    handed_here = select(LINE.c.order_id).join(HAND_OVER, HAND_OVER.c.line_id == LINE.c.id)
    pushed = lc.scalar(
        select(STATE.c.last_id).where(STATE.c.direction == "push",
                                      STATE.c.table_name == "collect_order")
    ) or 0  # fmt: skip
    local = lc.execute(
        select(ORDER.c.id, ORDER.c.reference).where(
            ORDER.c.id.not_in(handed_here),
            or_(ORDER.c.kiosk_id.is_(None), ORDER.c.id <= pushed),
        )
    ).all()
    doomed = [i for i, reference in local if reference not in kept]
    if not doomed:
        return 0
    for start in range(0, len(doomed), 500):  # bounded IN lists (SQLite's variable limit)
        chunk = doomed[start : start + 500]
        lines = select(LINE.c.id).where(LINE.c.order_id.in_(chunk))
        lc.execute(delete(LINE_EVENT).where(LINE_EVENT.c.line_id.in_(lines)))
        lc.execute(delete(LINE).where(LINE.c.order_id.in_(chunk)))
        lc.execute(delete(ORDER).where(ORDER.c.id.in_(chunk)))
    return len(doomed)


def pending_where(table: Table) -> ColumnElement[bool]:
    """Which of ``table``'s rows wait to be pushed on their own: a hand-over's history row
    goes with its hand-over, so it is not counted twice on the sync chip."""
    if table is LINE_EVENT:
        return LINE_EVENT.c.to_status.not_in(list(HANDED_OVER))
    return true()


__all__ = [
    "HAND_OVER",
    "ITEM",
    "LINE",
    "LINE_EVENT",
    "ORDER",
    "PICKUP",
    "apply_items",
    "apply_lines",
    "apply_orders",
    "apply_stock",
    "items_query",
    "lines_query",
    "orders_kept",
    "orders_query",
    "pending_where",
    "prune_orders",
    "send_hand_overs",
    "send_line_events",
    "send_pickups",
    "stock_query",
]

"""A small, hand-countable data set for the statistics (2026-Q1 and 2026-Q2, Paris calendar).

The figures the tests expect are worked out in the comments next to the rows, so a reader
can check them without running anything. Quarter edges are in Paris time: 2026-Q2 starts at
2026-03-31 22:00 UTC (midnight in Paris, summer time) and ends at 2026-06-30 22:00 UTC.

Q1: E1 masterclass 10/03, registered p0-p3, present p0 p1 + walk-in p9        -> 3
    E2 café numérique 31/03 23:30 Paris, registered p4 p5, both present          -> 2
    attendance Q1 = 5
Q2: E3 table ronde 01/04 00:30 Paris (31/03 22:30 UTC), reg p0 p1, present p0 p1
       + walk-in p2                                                               -> 3
    E4 masterclass 12/05, reg p0-p5 (+ p6 on the waiting list, p7 cancelled),
       present p0-p3 + p6 (not confirmed: a walk-in)                              -> 5
    E5 atelier technologique on the remote site 30/06 23:59 Paris, reg p6-p8,
       present p6-p8 + walk-in p9 (no direction)                                  -> 4
    E6 formation 01/07 00:00 Paris (30/06 22:00 UTC): Q3, not counted
    attendance Q2 = 12  (+140 % on Q1); registered 2+6+3 = 11, present of them 2+4+3 = 9,
    no-show 2/11, walk-ins 3
    by month: avril 3, mai 5, juin 4; by direction: DN (p0-p5) 7, DR (p6-p8) 4, none 1
    by site: Smart Corner 8, Menton 4; by kiosk: room kiosk 8, tour kiosk 4
Visits: Q1 3; Q2 6 (+100 %): 01/04 lab, 04/05 lab, 10/05 store (same week), 01/06 lab,
    15/06 lab, 30/06 store. lab 4, store 2.
Help: Q1 1 request; Q2 4 (+300 %): two mail tickets waited 10 and 20 min and were served
    10 and 20 min (mean 15 / 15); a hardware ticket waited 30 min then no-show; an account
    ticket still waiting.
Click & Collect: Q1 1 line handed over; Q2 3 (+200 %): a keyboard 2 h after it was ready, two
    headsets 48 h after, a mouse made ready twice, 6 h after the second time (mean 18,7 h,
    longest 48 h); a keyboard handed over at 00:30 on 1 July in Paris is Q3's.
Documents: Q1 2 views, Q2 5 (+150 %): guide-teams 3, charte 1, a withdrawn one 1.
    Searches: Q1 1, Q2 4 (+300 %), of which 3 found nothing (none in Q1: n/a): "wifi" and
    "Wi-Fi" fold to the same words (2), "parapheur" (1).
Requests made at the kiosk (p10: an agent whose record names no direction):
    Q1: R1 p0 placed 10/02, approved 11/02; R2 p1 placed 31/03 23:30 Paris, approved
        01/04 00:30 Paris (a Q1 request, a Q2 approval)                   -> 2 placed, 1 approved
    Q2: R3 p2 (DN) declined by staff; R4 p6 (DR) approved; R5 p7 (DR) declined when replayed
        from the Smart Tour; R6 p10 still waiting; R7 p3 placed 01/07 00:30 Paris is Q3's; an
        imported order's line approved in April is not a request
        requests 4 (+100 %), approved 2 (R2 R4, +100 %), declined 2 (n/a)
        by direction: DR 2 placed 1 approved 1 declined; DN 1 / 1 / 1; agents sans direction
        1 / 0 / 0
Sign-ups made at a kiosk (to E7, a formation in October):
    Q1: p0 (DN)                                                                    -> 1
    Q2: p1 (DN) confirmed, p2 (DN) cancelled since, p6 (DR) promoted from the waiting list
        on 10/05 (its message), p7 (DR) still waiting, p9 (visitor form) confirmed  -> 5
        (+400 %); p8's imported registration and p3's sign-up on 01/07 in Paris do not count
    Promotions (messages « place libérée »): Q1 1 (p5), Q2 1 (p6): +0 %
    by direction: DR 2 signed up, 1 waiting, 0 cancelled, 1 promoted; DN 2 / 0 / 1 / 0;
    visitors 1 / 0 / 0 / 0
Projects' pages opened: Q1 2, Q2 4 (+100 %): teletravail 2, a withdrawn one 1, parapheur 1
    (on the tour kiosk); a view at midnight on 1 July in Paris is Q3's.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.checkin.tables import Attendance, CheckinRecord, SpaceVisit
from kiosk.collect.status import Actor, ItemKind, LineStatus, OrderSource
from kiosk.collect.tables import (
    CatalogueItem,
    CollectOrder,
    HandOver,
    LineEvent,
    OrderLine,
    Pickup,
)
from kiosk.db.models import Direction, Event, Kiosk, Person, Registration, Site
from kiosk.documents.catalogue import DocumentKind
from kiosk.documents.tables import Document, DocumentSearch, DocumentView
from kiosk.domain import (
    CheckinMethod,
    CheckinOutcome,
    EventKind,
    PersonKind,
    RegistrationSource,
    RegistrationStatus,
    Role,
    Space,
)
from kiosk.help.domain import HelpReason, Requester, TicketState
from kiosk.help.tables import HelpRequest
from kiosk.projects.catalogue import ProjectStage
from kiosk.projects.tables import Project, ProjectView
from kiosk.satisfaction.tables import EventFeedback
from kiosk.settings import Profile
from kiosk.signup.tables import Notice, NoticeKind, NoticeState

CREATED = datetime(2026, 1, 5, 9, tzinfo=UTC)
C = RegistrationStatus.CONFIRMED


@dataclass
class StatsWorld:
    room_kiosk: Kiosk
    tour_kiosk: Kiosk
    people: list[Person]


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def build(session: Session) -> StatsWorld:
    dn = Direction(code="DN", name="Direction du numérique")
    dr = Direction(code="DR", name="Direction des routes")
    corner = Site(code="SC", name="Smart Corner", town="Nice", address="-", is_smart_corner=True)
    menton = Site(code="MEN", name="Menton", town="Menton", address="-", is_smart_corner=False)
    session.add_all([dn, dr, corner, menton])
    session.flush()
    room = Kiosk(
        code="K-ROOM", name="Borne Smart Room", profile=Profile.ROOM, site_id=corner.id,
        created_at=CREATED,
    )  # fmt: skip
    tour = Kiosk(
        code="K-TOUR", name="Borne Smart Tour", profile=Profile.TOUR, site_id=menton.id,
        created_at=CREATED,
    )  # fmt: skip
    session.add_all([room, tour])
    people = []
    for n in range(10):
        visitor = n == 9
        people.append(
            Person(
                kind=PersonKind.VISITOR if visitor else PersonKind.AGENT,
                matricule=None if visitor else f"M{n:05d}",
                first_name="Camille",
                last_name=f"Stat{n}",
                role=None if visitor else Role.AGENT,
                direction_id=None if visitor else (dn.id if n < 6 else dr.id),
                organisation="Région" if visitor else None,
                created_at=CREATED,
            )
        )
    session.add_all(people)
    session.flush()
    p = people

    def event(kind: EventKind, site: Site, start: datetime, space: Space) -> Event:
        row = Event(
            kind=kind, title=f"{kind} {start:%d/%m}", space=space, site_id=site.id,
            starts_at=start, ends_at=start + timedelta(hours=2), capacity=40, created_at=CREATED,
        )  # fmt: skip
        session.add(row)
        session.flush()
        return row

    def register(ev: Event, who: list[Person], status: RegistrationStatus = C) -> None:
        for person in who:
            session.add(
                Registration(event_id=ev.id, person_id=person.id, status=status, created_at=CREATED)
            )

    def present(ev: Event, who: list[Person], kiosk: Kiosk) -> None:
        for person in who:
            at = ev.starts_at - timedelta(minutes=5)
            record = CheckinRecord(
                nonce=uuid.uuid4().hex, kiosk_id=kiosk.id, at=at, method=CheckinMethod.BADGE,
                outcome=CheckinOutcome.OK, event_id=ev.id, person_id=person.id,
                identity_key=f"p:{person.id}",
            )  # fmt: skip
            session.add(record)
            session.flush()
            session.add(
                Attendance(
                    event_id=ev.id,
                    person_id=person.id,
                    checkin_id=record.id,
                    at=at,
                    kiosk_id=kiosk.id,
                    method=CheckinMethod.BADGE,
                )
            )

    e1 = event(EventKind.MASTERCLASS, corner, utc(2026, 3, 10, 9), Space.SMART_ROOM)
    register(e1, p[0:4])
    present(e1, [p[0], p[1], p[9]], room)
    e2 = event(EventKind.CAFE_NUMERIQUE, corner, utc(2026, 3, 31, 21, 30), Space.SMART_LAB)
    register(e2, [p[4], p[5]])
    present(e2, [p[4], p[5]], room)
    e3 = event(EventKind.TABLE_RONDE, corner, utc(2026, 3, 31, 22, 30), Space.SMART_ROOM)
    register(e3, [p[0], p[1]])
    present(e3, [p[0], p[1], p[2]], room)
    e4 = event(EventKind.MASTERCLASS, corner, utc(2026, 5, 12, 8), Space.SMART_ROOM)
    register(e4, p[0:6])
    register(e4, [p[6]], RegistrationStatus.WAITING_LIST)
    register(e4, [p[7]], RegistrationStatus.CANCELLED)
    present(e4, [*p[0:4], p[6]], room)
    e5 = event(EventKind.ATELIER_TECHNOLOGIQUE, menton, utc(2026, 6, 30, 21, 59), Space.REMOTE_SITE)
    register(e5, p[6:9])
    present(e5, [*p[6:9], p[9]], tour)
    e6 = event(EventKind.FORMATION, menton, utc(2026, 6, 30, 22), Space.REMOTE_SITE)
    register(e6, [p[8]])
    present(e6, [p[8]], tour)

    visits = [
        (date(2026, 1, 15), Space.SMART_LAB, room, 0),
        (date(2026, 2, 3), Space.SMART_LAB, room, 1),
        (date(2026, 3, 31), Space.SMART_STORE, room, 2),
        (date(2026, 4, 1), Space.SMART_LAB, room, 0),
        (date(2026, 5, 4), Space.SMART_LAB, room, 1),
        (date(2026, 5, 10), Space.SMART_STORE, room, 6),
        (date(2026, 6, 1), Space.SMART_LAB, room, 2),
        (date(2026, 6, 15), Space.SMART_LAB, tour, 7),
        (date(2026, 6, 30), Space.SMART_STORE, room, 9),
        (date(2026, 7, 1), Space.SMART_LAB, room, 0),  # Q3
    ]
    for day, space, kiosk, who in visits:
        session.add(
            SpaceVisit(
                nonce=uuid.uuid4().hex,
                kiosk_id=kiosk.id,
                at=utc(day.year, day.month, day.day, 9),
                day=day,
                person_id=p[who].id,
                site_id=kiosk.site_id,
                space=space,
            )
        )

    def help_request(
        reason: HelpReason, number: int, created: datetime, state: TicketState,
        called: int | None = None, serving: int | None = None, finished: int | None = None,
    ) -> None:  # fmt: skip
        def after(minutes: int | None) -> datetime | None:
            return None if minutes is None else created + timedelta(minutes=minutes)

        session.add(
            HelpRequest(
                nonce=uuid.uuid4().hex,
                kiosk_id=room.id,
                site_id=corner.id,
                person_id=None,
                requester=Requester.ANONYMOUS,
                reason=reason,
                description=None,
                service_day=created.date(),
                number=number,
                ticket=f"{reason.prefix}-{number:03d}",
                state=state,
                desk=None if called is None else "1",
                call_count=0 if called is None else 1,
                created_at=created,
                called_at=after(called),
                serving_at=after(serving),
                finished_at=after(finished),
            )
        )

    help_request(HelpReason.OTHER, 1, utc(2026, 3, 2, 9), TicketState.DONE, 5, 6, 16)
    help_request(HelpReason.MAIL, 1, utc(2026, 4, 2, 8), TicketState.DONE, 10, 12, 22)
    help_request(HelpReason.MAIL, 2, utc(2026, 4, 2, 8, 5), TicketState.DONE, 20, 21, 41)
    help_request(HelpReason.HARDWARE, 1, utc(2026, 5, 5, 9), TicketState.NO_SHOW, 30, None, 35)
    help_request(HelpReason.ACCOUNT, 1, utc(2026, 6, 1, 9), TicketState.WAITING)

    for slug, title in (("guide-teams", "Guide Teams"), ("charte", "Charte informatique")):
        session.add(
            Document(
                slug=slug,
                kind=DocumentKind.PDF,
                title=title,
                theme="Outils",
                published_on=date(2026, 1, 2),
                fingerprint=slug,
                created_at=CREATED,
                updated_at=CREATED,
            )
        )
    views = [
        (utc(2026, 2, 1, 10), "guide-teams"),
        (utc(2026, 3, 31, 21, 59), "charte"),  # 23:59 in Paris: Q1
        (utc(2026, 3, 31, 22, 0), "guide-teams"),  # midnight in Paris: Q2
        (utc(2026, 5, 1, 10), "guide-teams"),
        (utc(2026, 6, 2, 10), "guide-teams"),
        (utc(2026, 6, 3, 10), "charte"),
        (utc(2026, 6, 4, 10), "retire"),  # a document since withdrawn: its slug stands in
    ]
    for at, slug in views:
        session.add(
            DocumentView(
                nonce=uuid.uuid4().hex,
                kiosk_id=room.id,
                at=at,
                document_slug=slug,
                source="search",
            )
        )
    searches = [
        (utc(2026, 2, 1, 10), "teams", "teams", 3),
        (utc(2026, 4, 3, 10), "wifi", "wifi", 0),
        (utc(2026, 4, 4, 10), "Wi-Fi", "wifi", 0),
        (utc(2026, 5, 6, 10), "teams", "teams", 3),
        (utc(2026, 6, 7, 10), "parapheur", "parapheur", 0),
    ]
    for at, query, normalized, found in searches:
        session.add(
            DocumentSearch(
                nonce=uuid.uuid4().hex,
                kiosk_id=room.id,
                at=at,
                query=query,
                normalized=normalized,
                result_count=found,
            )
        )

    items = {}
    for code, name in (("KBD", "Clavier"), ("HDS", "Casque Teams"), ("MSE", "Souris")):
        items[code] = CatalogueItem(
            code=code, name=name, kind=ItemKind.EQUIPMENT, created_at=CREATED
        )
    session.add_all(items.values())
    order = CollectOrder(
        reference="CMD-1", person_id=p[0].id, placed_at=CREATED, imported_at=CREATED
    )
    session.add(order)
    session.flush()

    def handed(line_no: int, item: str, quantity: int, ready: list[datetime], at: datetime) -> None:
        line = OrderLine(
            order_id=order.id, line_no=line_no, item_id=items[item].id, quantity=quantity,
            status=LineStatus.COLLECTED, status_at=at,
        )  # fmt: skip
        session.add(line)
        session.flush()
        for when in ready:
            session.add(
                LineEvent(
                    nonce=uuid.uuid4().hex,
                    line_id=line.id,
                    from_status=LineStatus.PREPARED,
                    to_status=LineStatus.READY,
                    at=when,
                    actor=Actor.STAFF_PIN,
                )
            )
        pickup = Pickup(
            nonce=uuid.uuid4().hex, kiosk_id=room.id, person_id=p[0].id, at=at,
            identified_by="badge",
        )  # fmt: skip
        session.add(pickup)
        session.flush()
        session.add(
            HandOver(
                nonce=uuid.uuid4().hex,
                line_id=line.id,
                pickup_id=pickup.id,
                kiosk_id=room.id,
                person_id=p[0].id,
                item_id=items[item].id,
                quantity=quantity,
                at=at,
                acknowledged=True,
            )
        )

    handed(1, "KBD", 1, [utc(2026, 3, 1, 9)], utc(2026, 3, 2, 9))  # Q1
    handed(2, "KBD", 1, [utc(2026, 4, 1, 8)], utc(2026, 4, 1, 10))  # 2 h
    handed(3, "HDS", 2, [utc(2026, 4, 10, 8)], utc(2026, 4, 12, 8))  # 48 h
    handed(4, "MSE", 1, [utc(2026, 5, 1, 8), utc(2026, 5, 3, 8)], utc(2026, 5, 3, 14))  # 6 h
    handed(5, "KBD", 1, [utc(2026, 6, 30, 21)], utc(2026, 6, 30, 22, 30))  # 1 July in Paris
    session.flush()
    world = StatsWorld(room, tour, people)
    _requests(session, world, items, order)
    _signups(session, world, corner)
    _project_views(session, world)
    session.flush()
    return world


def _requests(
    session: Session, world: StatsWorld, items: dict[str, CatalogueItem], imported: CollectOrder
) -> None:
    p = world.people
    no_direction = Person(
        kind=PersonKind.AGENT, matricule="M00010", first_name="Camille", last_name="Stat10",
        role=Role.AGENT, created_at=CREATED,
    )  # fmt: skip
    session.add(no_direction)
    session.flush()
    p.append(no_direction)

    def move(line: OrderLine, to: LineStatus, at: datetime, actor: Actor = Actor.STAFF_PIN) -> None:
        session.add(
            LineEvent(
                nonce=uuid.uuid4().hex, line_id=line.id, from_status=line.status, to_status=to,
                at=at, actor=actor,
            )
        )  # fmt: skip
        line.status, line.status_at = to, at

    def request(n: int, who: int, placed: datetime, *moves: tuple[LineStatus, datetime]) -> None:
        order = CollectOrder(
            reference=f"DEM-{n}", person_id=p[who].id, placed_at=placed, imported_at=placed,
            source=OrderSource.KIOSK, nonce=uuid.uuid4().hex, site_code="SC",
            kiosk_id=world.room_kiosk.id,
        )  # fmt: skip
        session.add(order)
        session.flush()
        line = OrderLine(
            order_id=order.id, line_no=1, item_id=items["MSE"].id, quantity=1,
            status=LineStatus.PLACED, status_at=placed,
        )  # fmt: skip
        session.add(line)
        session.flush()
        for to, at in moves:
            move(line, to, at, Actor.SYSTEM if n == 5 else Actor.STAFF_PIN)

    A, D = LineStatus.APPROVED, LineStatus.DECLINED
    request(1, 0, utc(2026, 2, 10, 9), (A, utc(2026, 2, 11, 9)))
    request(2, 1, utc(2026, 3, 31, 21, 30), (A, utc(2026, 3, 31, 22, 30)))
    request(3, 2, utc(2026, 4, 15, 9), (D, utc(2026, 4, 16, 9)))
    request(4, 6, utc(2026, 5, 2, 9), (A, utc(2026, 5, 3, 9)))
    request(5, 7, utc(2026, 5, 20, 9), (D, utc(2026, 5, 20, 9)))
    request(6, 10, utc(2026, 6, 10, 9))
    request(7, 3, utc(2026, 6, 30, 22, 30), (A, utc(2026, 7, 1, 9)))
    line = OrderLine(
        order_id=imported.id, line_no=6, item_id=items["HDS"].id, quantity=1,
        status=LineStatus.PLACED, status_at=CREATED,
    )  # fmt: skip
    session.add(line)
    session.flush()
    move(line, A, utc(2026, 4, 20, 9), Actor.IMPORT)


def _signups(session: Session, world: StatsWorld, corner: Site) -> None:
    p = world.people
    e7 = Event(
        kind=EventKind.FORMATION, title="formation 15/10", space=Space.SMART_ROOM,
        site_id=corner.id, starts_at=utc(2026, 10, 15, 8), ends_at=utc(2026, 10, 15, 10),
        capacity=2, created_at=CREATED,
    )  # fmt: skip
    session.add(e7)
    session.flush()
    K, F, M = RegistrationSource.KIOSK, RegistrationSource.VISITOR_FORM, RegistrationSource.IMPORT
    W, X = RegistrationStatus.WAITING_LIST, RegistrationStatus.CANCELLED
    for who, status, source, at in (
        (0, C, K, utc(2026, 3, 20, 9)),
        (1, C, K, utc(2026, 4, 2, 9)),
        (2, X, K, utc(2026, 4, 5, 9)),
        (6, C, K, utc(2026, 5, 1, 9)),
        (7, W, K, utc(2026, 5, 2, 9)),
        (9, C, F, utc(2026, 6, 1, 9)),
        (8, C, M, utc(2026, 4, 10, 9)),
        (3, C, K, utc(2026, 6, 30, 22, 30)),
    ):
        session.add(
            Registration(
                event_id=e7.id, person_id=p[who].id, status=status, created_at=at, source=source,
                status_at=at,
            )
        )  # fmt: skip
    for who, kind, at in (
        (5, NoticeKind.PROMOTED, utc(2026, 2, 1, 9)),
        (6, NoticeKind.PROMOTED, utc(2026, 5, 10, 9)),
        (0, NoticeKind.READY, utc(2026, 5, 11, 9)),  # not a promotion
    ):
        session.add(
            Notice(
                key=f"{kind}:{who}:{at.isoformat()}", kind=kind, person_id=p[who].id,
                subject="-", body="-", state=NoticeState.SENT, created_at=at, next_try_at=at,
            )
        )  # fmt: skip


def _project_views(session: Session, world: StatsWorld) -> None:
    for slug, title in (("teletravail", "Télétravail serein"), ("parapheur", "Parapheur")):
        session.add(
            Project(
                slug=slug, title=title, pitch="-", direction="Direction du numérique",
                stage=ProjectStage.IN_SERVICE, fingerprint=slug, updated_at=CREATED,
            )
        )  # fmt: skip
    room, tour = world.room_kiosk, world.tour_kiosk
    for at, slug, kiosk in (
        (utc(2026, 2, 1, 10), "teletravail", room),
        (utc(2026, 3, 31, 21, 59), "parapheur", room),  # 23:59 in Paris: Q1
        (utc(2026, 3, 31, 22, 0), "teletravail", room),  # midnight in Paris: Q2
        (utc(2026, 5, 1, 10), "teletravail", room),
        (utc(2026, 5, 2, 10), "parapheur", tour),
        (utc(2026, 6, 1, 10), "ancien-projet", room),  # withdrawn since: its slug stands in
        (utc(2026, 6, 30, 22, 0), "teletravail", room),  # 1 July in Paris: Q3
    ):
        session.add(
            ProjectView(nonce=uuid.uuid4().hex, kiosk_id=kiosk.id, at=at, project_slug=slug)
        )


def add_feedback(session: Session, world: StatsWorld) -> None:
    """Answers to « Comment était … ? » (kiosk.satisfaction):

    Q1: the masterclass (3 present): one answer, face 1                       -> 1,0 / 4
    Q2: the 12/05 masterclass (5 present): faces 4, 4, 3, 2 (the first with a badge)
        the table ronde (3 present): one face 3
        answers 5, score 16 / 5 = 3,2, response rate 5 / 8 = 62,5 %; masterclass 3,25 / 4
        and 4 answers of 5 present (80 %), table ronde 3 / 4 and 1 of 3 (33 %)
    """
    by_start = sorted(session.scalars(select(Event)), key=lambda e: e.starts_at)
    masterclasses = [e for e in by_start if e.kind == EventKind.MASTERCLASS]
    table_ronde = next(e for e in by_start if e.kind == EventKind.TABLE_RONDE)
    for event, faces in (
        (masterclasses[0], [1]),
        (masterclasses[-1], [4, 4, 3, 2]),
        (table_ronde, [3]),
    ):
        for n, face in enumerate(faces):
            session.add(
                EventFeedback(
                    nonce=uuid.uuid4().hex,
                    event_id=event.id,
                    kiosk_id=world.room_kiosk.id,
                    at=event.ends_at + timedelta(minutes=n + 1),
                    score=face,
                    person_id=world.people[0].id if n == 0 else None,
                )
            )
    session.flush()

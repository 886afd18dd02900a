"""Steering statistics for the council, one quarter at a time: the dashboard that the
``smartcorner stats`` report, the exports and the statistics screen show.

Every figure is aggregated by the database (GROUP BY on indexed columns); Python only names
the buckets it gets back. The figures themselves live with their subject: attendance of
events, visits of the spaces, help requests, the document kiosk, Click & Collect.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from kiosk.db.models import Kiosk, Site
from kiosk.documents.tables import DocumentSearch, DocumentView
from kiosk.domain import PARIS, EventKind, Space
from kiosk.projects.tables import ProjectView
from kiosk.stats.attendance import (
    NoShow,
    attendance_by,
    attendance_by_direction,
    attendance_by_kiosk,
    attendance_by_period,
    attendance_total,
    events_count,
    events_with_counts,
    no_show,
    no_show_by_kind,
    no_show_of,
)
from kiosk.stats.collect import CollectDelay, collect_delay, handed_over_by_item, handed_over_total
from kiosk.stats.documents import top_documents, zero_result_queries, zero_result_searches
from kiosk.stats.figures import Change, Row, named_rows, sorted_rows
from kiosk.stats.fleet import KioskAvailability, kiosk_availability
from kiosk.stats.french import KIND_LABELS, SPACE_LABELS, period_label
from kiosk.stats.help import HelpByReason, help_by_reason, help_total
from kiosk.stats.periods import Grain, Quarter
from kiosk.stats.projects import top_projects
from kiosk.stats.requests import RequestFigures, request_figures
from kiosk.stats.satisfaction import Satisfaction, quarter_satisfaction
from kiosk.stats.signups import SignupFigures, signup_figures
from kiosk.stats.sql import count_between, lookup_names
from kiosk.stats.visits import visits_by, visits_by_period, visits_grouped, visits_total


@dataclass(frozen=True)
class Dashboard:
    quarter: Quarter
    attendance: Change  # check-ins to the quarter's events
    visits: Change  # visits of the spaces
    help_requests: Change
    no_show: NoShow
    no_show_previous: NoShow
    attendance_by_month: list[Row]
    attendance_by_kind: list[Row]
    attendance_by_direction: list[Row]
    attendance_by_site: list[Row]
    attendance_by_kiosk: list[Row]
    no_show_by_kind: list[tuple[str, str, NoShow]]
    visits_by_month: list[Row]
    visits_by_space: list[Row]
    visits_by_site: list[Row]
    visits_by_kiosk: list[Row]
    help_by_reason: list[HelpByReason]
    events: int
    document_views: Change
    searches: Change
    zero_result_searches: Change
    top_documents: list[Row]  # most opened
    zero_result_queries: list[Row]  # what people looked for and did not find
    handed_over: Change  # Click & Collect lines handed over
    handed_over_by_item: list[Row]
    collect_delay: CollectDelay
    kiosk_availability: list[KioskAvailability]  # the fleet's incidents
    # Requests made at the kiosk and what staff decided; sign-ups made at the kiosk
    requests: RequestFigures
    signups: SignupFigures
    # Projets numériques: project pages opened
    project_views: Change
    top_projects: list[Row]  # most opened
    # « Comment était … ? » after the events
    satisfaction: Satisfaction = field(default_factory=Satisfaction)


def quarter_dashboard(session: Session, quarter: Quarter, now: datetime | None = None) -> Dashboard:
    """Everything the report, the exports and the screen show for one quarter.

    ``now``: the registered-against-present figures (no-show rate, walk-ins) count only the
    events over by then, so a quarter under way does not call absent the people registered
    to its events still to come; without it, every event of the quarter counts.

    The same figures as :func:`quarter_dashboard_by_parts`, in a few queries instead of one
    per figure. One query lists the events of this quarter and the previous one with, per
    event, its check-ins, its confirmed registrations, how many of those came and the answers
    to « Comment était … ? », which the database keeps as the rows are written (migration
    0019: no index entry is counted here); two more read the quarter's check-ins kept per
    (event, kiosk) and per (event, recorded direction). Python sums those few thousand rows
    by month, kind, site, kiosk and direction, with the names of the small lookup tables.
    """
    start, end = quarter.utc_bounds()
    prev = quarter.previous()
    prev_start, _ = prev.utc_bounds()
    events = events_with_counts(session, prev_start, end)
    current = {i: e for i, e in events.items() if e.starts_at >= start}
    previous = [e for e in events.values() if e.starts_at < start]
    held = (lambda e: True) if now is None else (lambda e: e.ends_at <= now)
    by_kiosk = attendance_by_kiosk(session, start, end)
    by_month: dict[str, int] = {}
    by_kind: dict[str, int] = {}
    by_site: dict[int, int] = {}
    no_show_kind: dict[str, tuple[int, int, int]] = {}
    for e in current.values():
        if e.attended:
            month = f"{e.starts_at.astimezone(PARIS):%Y-%m}"
            by_month[month] = by_month.get(month, 0) + e.attended
            by_kind[e.kind] = by_kind.get(e.kind, 0) + e.attended
            by_site[e.site_id] = by_site.get(e.site_id, 0) + e.attended
        if (e.attended or e.registered) and held(e):
            reg, pres, walk_ins = no_show_kind.get(e.kind, (0, 0, 0))
            no_show_kind[e.kind] = (
                reg + e.registered,
                pres + e.present,
                walk_ins + e.attended - e.present,
            )
    sites = lookup_names(session, Site)
    kiosks = lookup_names(session, Kiosk)
    visit_days, visit_groups = visits_grouped(session, quarter)
    visits_month: dict[str, int] = {}
    for day, n in visit_days:
        visits_month[f"{day:%Y-%m}"] = visits_month.get(f"{day:%Y-%m}", 0) + n
    visits_space: dict[str, int] = {}
    visits_site: dict[int, int] = {}
    visits_kiosk: dict[int, int] = {}
    for (space, site_id, kiosk_id), n in visit_groups.items():
        visits_space[space] = visits_space.get(space, 0) + n
        visits_site[site_id] = visits_site.get(site_id, 0) + n
        visits_kiosk[kiosk_id] = visits_kiosk.get(kiosk_id, 0) + n
    helps = help_by_reason(session, quarter)
    return Dashboard(
        quarter=quarter,
        attendance=Change(
            sum(e.attended for e in current.values()), sum(e.attended for e in previous)
        ),
        visits=Change(sum(n for _, n in visit_days), visits_total(session, prev)),
        help_requests=Change(sum(h.requests for h in helps), help_total(session, prev)),
        no_show=no_show_of(e for e in current.values() if held(e)),
        no_show_previous=no_show_of(e for e in previous if held(e)),
        attendance_by_month=_period_rows(by_month, Grain.MONTH),
        attendance_by_kind=sorted_rows(
            Row(k, KIND_LABELS[EventKind(k)], float(n)) for k, n in by_kind.items()
        ),
        attendance_by_direction=attendance_by_direction(
            session, start, end, {i: e.attended for i, e in current.items()}
        ),
        attendance_by_site=named_rows(by_site, sites),
        attendance_by_kiosk=named_rows(by_kiosk, kiosks),
        no_show_by_kind=[
            (k, KIND_LABELS[EventKind(k)], NoShow(*v)) for k, v in sorted(no_show_kind.items())
        ],
        visits_by_month=_period_rows(visits_month, Grain.MONTH),
        visits_by_space=sorted_rows(
            Row(k, SPACE_LABELS[Space(k)], float(n)) for k, n in visits_space.items()
        ),
        visits_by_site=named_rows(visits_site, sites),
        visits_by_kiosk=named_rows(visits_kiosk, kiosks),
        help_by_reason=helps,
        events=len(current),
        satisfaction=quarter_satisfaction(session, quarter, events),
        **_documents_and_collect(session, quarter),
    )


def _period_rows(counts: dict[str, int], grain: Grain) -> list[Row]:
    return [Row(k, period_label(k, grain), float(counts[k])) for k in sorted(counts)]


def _documents_and_collect(session: Session, quarter: Quarter) -> dict[str, Any]:
    """The kiosque numérique, Click & Collect, requests, sign-ups made at the kiosk and the
    projects' showcase (small tables or indexed ranges, one query each)."""
    start, end = quarter.utc_bounds()
    prev_start, prev_end = quarter.previous().utc_bounds()
    return {
        "document_views": Change(
            count_between(session, DocumentView.at, start, end),
            count_between(session, DocumentView.at, prev_start, prev_end),
        ),
        "searches": Change(
            count_between(session, DocumentSearch.at, start, end),
            count_between(session, DocumentSearch.at, prev_start, prev_end),
        ),
        "zero_result_searches": Change(
            zero_result_searches(session, start, end),
            zero_result_searches(session, prev_start, prev_end),
        ),
        "top_documents": top_documents(session, quarter),
        "zero_result_queries": zero_result_queries(session, quarter),
        "handed_over": Change(
            handed_over_total(session, start, end),
            handed_over_total(session, prev_start, prev_end),
        ),
        "handed_over_by_item": handed_over_by_item(session, quarter),
        "collect_delay": collect_delay(session, quarter),
        "kiosk_availability": kiosk_availability(session, quarter),
        "requests": request_figures(session, start, end, prev_start),
        "signups": signup_figures(session, start, end, prev_start),
        "project_views": Change(
            count_between(session, ProjectView.at, start, end),
            count_between(session, ProjectView.at, prev_start, prev_end),
        ),
        "top_projects": top_projects(session, quarter),
    }


def quarter_dashboard_by_parts(
    session: Session, quarter: Quarter, now: datetime | None = None
) -> Dashboard:
    """The dashboard assembled from the granular functions, one query per figure (about
    twenty, each reading the quarter's rows again): what :func:`quarter_dashboard` must
    equal, and the baseline of bench/stats_dashboard.py."""
    start, end = quarter.utc_bounds()
    prev = quarter.previous()
    prev_start, prev_end = prev.utc_bounds()
    return Dashboard(
        quarter=quarter,
        attendance=Change(
            attendance_total(session, start, end), attendance_total(session, prev_start, prev_end)
        ),
        visits=Change(visits_total(session, quarter), visits_total(session, prev)),
        help_requests=Change(help_total(session, quarter), help_total(session, prev)),
        no_show=no_show(session, start, end, now),
        no_show_previous=no_show(session, prev_start, prev_end, now),
        attendance_by_month=attendance_by_period(session, quarter, Grain.MONTH),
        attendance_by_kind=attendance_by(session, quarter, "kind"),
        attendance_by_direction=attendance_by(session, quarter, "direction"),
        attendance_by_site=attendance_by(session, quarter, "site"),
        attendance_by_kiosk=attendance_by(session, quarter, "kiosk"),
        no_show_by_kind=no_show_by_kind(session, quarter, now),
        visits_by_month=visits_by_period(session, quarter, Grain.MONTH),
        visits_by_space=visits_by(session, quarter, "space"),
        visits_by_site=visits_by(session, quarter, "site"),
        visits_by_kiosk=visits_by(session, quarter, "kiosk"),
        help_by_reason=help_by_reason(session, quarter),
        events=events_count(session, start, end),
        document_views=Change(
            count_between(session, DocumentView.at, start, end),
            count_between(session, DocumentView.at, prev_start, prev_end),
        ),
        searches=Change(
            count_between(session, DocumentSearch.at, start, end),
            count_between(session, DocumentSearch.at, prev_start, prev_end),
        ),
        zero_result_searches=Change(
            zero_result_searches(session, start, end),
            zero_result_searches(session, prev_start, prev_end),
        ),
        top_documents=top_documents(session, quarter),
        zero_result_queries=zero_result_queries(session, quarter),
        handed_over=Change(
            handed_over_total(session, start, end),
            handed_over_total(session, prev_start, prev_end),
        ),
        handed_over_by_item=handed_over_by_item(session, quarter),
        collect_delay=collect_delay(session, quarter),
        kiosk_availability=kiosk_availability(session, quarter),
        satisfaction=quarter_satisfaction(session, quarter),
        requests=request_figures(session, start, end, prev_start),
        signups=signup_figures(session, start, end, prev_start),
        project_views=Change(
            count_between(session, ProjectView.at, start, end),
            count_between(session, ProjectView.at, prev_start, prev_end),
        ),
        top_projects=top_projects(session, quarter),
    )

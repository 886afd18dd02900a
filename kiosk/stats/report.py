"""The quarter's statistics as the readable French text report of ``smartcorner stats``,
written for the steering committee."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from kiosk.stats.dashboard import Dashboard
from kiosk.stats.figures import Change, Row
from kiosk.stats.french import (
    NBSP,
    format_change,
    format_hours,
    format_minutes,
    format_number,
    format_rate,
)
from kiosk.stats.satisfaction import FeedbackFigures
from kiosk.stats.table import (
    COLLECT,
    DOCUMENTS,
    EVENTS,
    HELP,
    PROJECTS,
    REQUESTS,
    SATISFACTION,
    SIGNUPS,
    VISITS,
)


def _feedback(f: FeedbackFigures) -> str:
    score = "—" if f.score is None else f"{format_number(f.score, 1)} / 4"
    return (
        f"note {score}, {format_number(f.answers)} réponse(s), "
        f"taux de réponse {format_rate(f.response_rate)}"
    )


def _satisfaction_lines(board: Dashboard) -> list[str]:
    sat = board.satisfaction
    if not sat.total.answers and not sat.previous.answers:
        return []
    lines = [
        "",
        SATISFACTION,
        f"  Ensemble : {_feedback(sat.total)} ({board.quarter.previous().label_fr} : "
        f"{_feedback(sat.previous)})",
    ]
    lines += [f"  {f.label} : {_feedback(f)}" for f in sat.by_kind]
    lines += [f"    « {f.label} » : {_feedback(f)}" for f in sat.by_event]
    return lines


def report_text(board: Dashboard, source: str = "") -> str:
    """The readable French report of ``smartcorner stats``."""
    q = board.quarter
    last = q.end - timedelta(days=1)
    prev = q.previous()
    lines = [
        f"Statistiques Smart Corner : {q.label_fr} "
        f"(du {q.start:%d/%m/%Y} au {last:%d/%m/%Y}, heure de Paris)",
    ]
    if source:
        lines.append(f"Base : {source}")

    def change(label: str, c: Change) -> str:
        return (
            f"  {label} : {format_number(c.current)} ({format_change(c, q)} ; "
            f"{format_number(c.previous)} au {prev.label_fr})"
        )

    def breakdown(label: str, rows: Sequence[Row]) -> None:
        if rows:
            items = " · ".join(f"{r.label} {format_number(r.value)}" for r in rows)
            lines.append(f"  {label} : {items}")

    ns = board.no_show
    lines += [
        "",
        EVENTS,
        change("Participations", board.attendance),
        f"  Événements : {format_number(board.events)}",
        f"  Inscrits confirmés : {format_number(ns.registered)} · présents parmi eux : "
        f"{format_number(ns.present)} · absents : {format_number(ns.absent)} "
        f"(taux d'absence {format_rate(ns.rate)} ; {format_rate(board.no_show_previous.rate)} "
        f"au {prev.label_fr})",
        f"  Présents sans inscription confirmée : {format_number(ns.walk_ins)}",
    ]
    breakdown("Par mois", board.attendance_by_month)
    breakdown("Par type", board.attendance_by_kind)
    breakdown("Par direction", board.attendance_by_direction)
    breakdown("Par site", board.attendance_by_site)
    breakdown("Par borne", board.attendance_by_kiosk)
    if board.no_show_by_kind:
        items = " · ".join(
            f"{label} {format_rate(n.rate)}" for _, label, n in board.no_show_by_kind
        )
        lines.append(f"  Taux d'absence par type : {items}")
    lines += _satisfaction_lines(board)
    signups = board.signups
    lines += [
        "",
        SIGNUPS,
        change("Inscriptions", signups.signups),
        change("Places données depuis la liste d'attente", signups.promoted),
    ]
    for r in signups.by_direction:
        lines.append(
            f"  {r.label} : {format_number(r.signups)} inscription(s), dont "
            f"{format_number(r.waiting)} encore en liste d'attente et "
            f"{format_number(r.cancelled)} annulée(s) ; {format_number(r.promoted)} place(s) "
            "donnée(s) depuis la liste d'attente"
        )
    lines += ["", VISITS, change("Visites", board.visits)]
    breakdown("Par mois", board.visits_by_month)
    breakdown("Par espace", board.visits_by_space)
    breakdown("Par site", board.visits_by_site)
    breakdown("Par borne", board.visits_by_kiosk)
    lines += ["", HELP, change("Demandes", board.help_requests)]
    for h in board.help_by_reason:
        lines.append(
            f"  {h.reason.label_fr} : {format_number(h.requests)} demande(s), "
            f"{format_number(h.served)} servie(s), {format_number(h.no_shows)} absent(s) ; "
            f"attente moyenne {format_minutes(h.wait_minutes)}, "
            f"prise en charge moyenne {format_minutes(h.service_minutes)}"
        )
    delay = board.collect_delay
    lines += ["", COLLECT, change("Lignes remises", board.handed_over)]
    breakdown("Unités remises par article", board.handed_over_by_item)
    if delay.lines:
        lines.append(
            f"  Délai entre « prêt » et le retrait : {format_hours(delay.mean_hours)} en moyenne, "
            f"{format_hours(delay.max_hours)} au plus ({format_number(delay.lines)} lignes)"
        )
    requests = board.requests
    lines += [
        "",
        REQUESTS,
        change("Demandes", requests.requests),
        change("Acceptées", requests.approved),
        change("Refusées", requests.declined),
    ]
    for asked in requests.by_direction:
        lines.append(
            f"  {asked.label} : {format_number(asked.requests)} demande(s), "
            f"{format_number(asked.approved)} acceptée(s), "
            f"{format_number(asked.declined)} refusée(s)"
        )
    lines += [
        "",
        DOCUMENTS,
        change("Consultations de documents", board.document_views),
        change("Recherches", board.searches),
        change("Recherches sans résultat", board.zero_result_searches),
    ]
    breakdown("Documents les plus consultés", board.top_documents)
    if board.zero_result_queries:
        items = " · ".join(
            f"« {r.label} » {format_number(r.value)}" for r in board.zero_result_queries
        )
        lines.append(f"  Recherches sans résultat : {items}")
    lines += ["", PROJECTS, change("Consultations de projets", board.project_views)]
    breakdown("Projets les plus consultés", board.top_projects)
    if board.kiosk_availability:
        lines += ["", "Parc des bornes (disponibilité sur le trimestre : hors silences des bornes)"]
        for k in board.kiosk_availability:
            lines.append(
                f"  {k.kiosk} : disponible {format_rate(k.availability)} ; "
                f"{format_number(k.incidents)} incident(s), "
                f"{format_hours(k.incident_hours)} au total"
            )
    return "\n".join(lines).replace(NBSP, " ") + "\n"

"""Every figure of the quarter's dashboard as one row of a table (section, indicator,
detail, value, previous quarter, change): what the CSV and XLSX exports write."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from kiosk.stats.attendance import NoShow
from kiosk.stats.dashboard import Dashboard
from kiosk.stats.figures import Change, Row

Cell = str | float | None


@dataclass(frozen=True)
class TableRow:
    section: str
    indicator: str
    detail: str
    value: float | None
    previous: float | None = None
    change_percent: float | None = None

    def cells(self) -> tuple[Cell, ...]:
        return (
            self.section,
            self.indicator,
            self.detail,
            self.value,
            self.previous,
            self.change_percent,
        )


EVENTS: Final = "Événements"
VISITS: Final = "Fréquentation des espaces"
HELP: Final = "Besoin d'aide ?"
DOCUMENTS: Final = "Kiosque numérique"
COLLECT: Final = "Retrait Click & Collect"
SATISFACTION: Final = "Satisfaction après les événements"
REQUESTS: Final = "Demandes faites à la borne (matériel et services)"
SIGNUPS: Final = "Inscriptions aux événements faites à la borne"
PROJECTS: Final = "Projets numériques"


def _changed(section: str, indicator: str, change: Change) -> TableRow:
    return TableRow(section, indicator, "total", change.current, change.previous, change.percent)


def _breakdown(section: str, indicator: str, rows: Sequence[Row]) -> list[TableRow]:
    return [TableRow(section, indicator, r.label, r.value) for r in rows]


def _no_show_rows(label: str, no_show: NoShow) -> list[TableRow]:
    rate = None if no_show.rate is None else round(no_show.rate * 100.0, 1)
    return [
        TableRow(EVENTS, "Inscrits confirmés", label, no_show.registered),
        TableRow(EVENTS, "Présents parmi les inscrits", label, no_show.present),
        TableRow(EVENTS, "Absents (inscrits non venus)", label, no_show.absent),
        TableRow(EVENTS, "Taux d'absence (%)", label, rate),
        TableRow(EVENTS, "Présents sans inscription confirmée", label, no_show.walk_ins),
    ]


def table(board: Dashboard) -> list[TableRow]:
    """Every figure of the dashboard, one per row, in the order of the text report."""
    out = [
        _changed(EVENTS, "Participations", board.attendance),
        TableRow(EVENTS, "Événements", "total", board.events),
    ]
    out += _no_show_rows("total", board.no_show)
    out += _breakdown(EVENTS, "Participations par mois", board.attendance_by_month)
    out += _breakdown(EVENTS, "Participations par type", board.attendance_by_kind)
    out += _breakdown(EVENTS, "Participations par direction", board.attendance_by_direction)
    out += _breakdown(EVENTS, "Participations par site", board.attendance_by_site)
    out += _breakdown(EVENTS, "Participations par borne", board.attendance_by_kiosk)
    for _, label, no_show in board.no_show_by_kind:
        rate = None if no_show.rate is None else round(no_show.rate * 100.0, 1)
        out.append(TableRow(EVENTS, "Taux d'absence par type (%)", label, rate))
    out += _satisfaction_rows(board)
    out += _signup_rows(board)
    out.append(_changed(VISITS, "Visites", board.visits))
    out += _breakdown(VISITS, "Visites par mois", board.visits_by_month)
    out += _breakdown(VISITS, "Visites par espace", board.visits_by_space)
    out += _breakdown(VISITS, "Visites par site", board.visits_by_site)
    out += _breakdown(VISITS, "Visites par borne", board.visits_by_kiosk)
    out.append(_changed(HELP, "Demandes", board.help_requests))
    for h in board.help_by_reason:
        label = h.reason.label_fr
        out += [
            TableRow(HELP, "Demandes par motif", label, h.requests),
            TableRow(HELP, "Demandes servies", label, h.served),
            TableRow(HELP, "Absents à l'appel", label, h.no_shows),
            TableRow(HELP, "Attente moyenne (min)", label, _round(h.wait_minutes)),
            TableRow(HELP, "Prise en charge moyenne (min)", label, _round(h.service_minutes)),
        ]
    out.append(_changed(COLLECT, "Lignes remises", board.handed_over))
    out += _breakdown(COLLECT, "Unités remises par article", board.handed_over_by_item)
    delay = board.collect_delay
    out += [
        TableRow(COLLECT, "Délai prêt → retrait, moyen (h)", "total", _round(delay.mean_hours)),
        TableRow(COLLECT, "Délai prêt → retrait, maximum (h)", "total", _round(delay.max_hours)),
    ]
    out += _request_rows(board)
    out.append(_changed(DOCUMENTS, "Consultations de documents", board.document_views))
    out += _breakdown(DOCUMENTS, "Documents les plus consultés", board.top_documents)
    out.append(_changed(DOCUMENTS, "Recherches", board.searches))
    out.append(_changed(DOCUMENTS, "Recherches sans résultat", board.zero_result_searches))
    out += _breakdown(DOCUMENTS, "Recherches sans résultat par texte", board.zero_result_queries)
    out.append(_changed(PROJECTS, "Consultations de projets", board.project_views))
    out += _breakdown(PROJECTS, "Projets les plus consultés", board.top_projects)
    return out


def _request_rows(board: Dashboard) -> list[TableRow]:
    """Requests placed, approved, declined: the quarter's totals, then by direction."""
    figures = board.requests
    out = [
        _changed(REQUESTS, "Demandes", figures.requests),
        _changed(REQUESTS, "Demandes acceptées", figures.approved),
        _changed(REQUESTS, "Demandes refusées", figures.declined),
    ]
    for r in figures.by_direction:
        out += [
            TableRow(REQUESTS, "Demandes par direction", r.label, r.requests),
            TableRow(REQUESTS, "Demandes acceptées par direction", r.label, r.approved),
            TableRow(REQUESTS, "Demandes refusées par direction", r.label, r.declined),
        ]
    return out


def _signup_rows(board: Dashboard) -> list[TableRow]:
    """Sign-ups made at the kiosk and places given from the waiting list, then by direction."""
    figures = board.signups
    out = [
        _changed(SIGNUPS, "Inscriptions", figures.signups),
        _changed(SIGNUPS, "Places données depuis la liste d'attente", figures.promoted),
    ]
    for r in figures.by_direction:
        out += [
            TableRow(SIGNUPS, "Inscriptions par direction", r.label, r.signups),
            TableRow(SIGNUPS, "Encore en liste d'attente par direction", r.label, r.waiting),
            TableRow(SIGNUPS, "Annulées par direction", r.label, r.cancelled),
            TableRow(SIGNUPS, "Places données depuis la liste d'attente par direction",
                     r.label, r.promoted),
        ]  # fmt: skip
    return out


def _satisfaction_rows(board: Dashboard) -> list[TableRow]:
    """Answers, score (1 to 4) and response rate (%): the quarter, by type, by event."""
    sat = board.satisfaction
    out = [
        TableRow(SATISFACTION, "Réponses", "total", sat.total.answers, sat.previous.answers,
                 Change(sat.total.answers, sat.previous.answers).percent),
        TableRow(SATISFACTION, "Note moyenne (sur 4)", "total", _round2(sat.total.score),
                 _round2(sat.previous.score)),
        TableRow(SATISFACTION, "Taux de réponse (%)", "total", _percent(sat.total.response_rate),
                 _percent(sat.previous.response_rate)),
    ]  # fmt: skip
    for level, rows in (("par type", sat.by_kind), ("par événement", sat.by_event)):
        for f in rows:
            out += [
                TableRow(SATISFACTION, f"Réponses {level}", f.label, f.answers),
                TableRow(SATISFACTION, f"Note moyenne {level} (sur 4)", f.label, _round2(f.score)),
                TableRow(SATISFACTION, f"Taux de réponse {level} (%)", f.label,
                         _percent(f.response_rate)),
            ]  # fmt: skip
    return out


def _round2(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _percent(rate: float | None) -> float | None:
    return None if rate is None else round(rate * 100.0, 1)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)

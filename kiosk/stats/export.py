"""The quarter's statistics as a French text report, a table, CSV and XLSX (no Qt).

CSV is written for a French spreadsheet: ``;`` between fields, a decimal comma, UTF-8 with
a BOM so that Excel reads the accents. XLSX is a minimal Office Open XML workbook written
here with :mod:`zipfile` (one sheet, inline strings, real numbers): no dependency for a
file this simple.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Final
from xml.sax.saxutils import escape

from kiosk.stats.dashboard import (
    NBSP,
    Change,
    Dashboard,
    NoShow,
    Row,
    format_change,
    format_minutes,
    format_number,
    format_rate,
)

HEADER: Final = (
    "rubrique",
    "indicateur",
    "détail",
    "valeur",
    "trimestre précédent",
    "évolution (%)",
)
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
    out.append(_changed(DOCUMENTS, "Consultations de documents", board.document_views))
    out += _breakdown(DOCUMENTS, "Documents les plus consultés", board.top_documents)
    out.append(_changed(DOCUMENTS, "Recherches", board.searches))
    out.append(_changed(DOCUMENTS, "Recherches sans résultat", board.zero_result_searches))
    out += _breakdown(DOCUMENTS, "Recherches sans résultat par texte", board.zero_result_queries)
    return out


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


# --- text ----------------------------------------------------------------------------------


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
    return "\n".join(lines).replace(NBSP, " ") + "\n"


# --- CSV -----------------------------------------------------------------------------------


def format_hours(hours: float | None) -> str:
    return "-" if hours is None else f"{format_number(hours, 1)}{NBSP}h"


def _csv_cell(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float | int):
        number = float(cell)
        text = f"{number:.1f}" if number != int(number) else f"{int(number)}"
        return text.replace(".", ",")
    return cell


def to_csv(rows: Iterable[TableRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([_csv_cell(c) for c in row.cells()])
    return out.getvalue()


def write_csv(rows: Iterable[TableRow], path: Path) -> None:
    path.write_text(to_csv(rows), encoding="utf-8-sig", newline="")


# --- XLSX ----------------------------------------------------------------------------------

_XML: Final = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_PKG: Final = "http://schemas.openxmlformats.org/package/2006"
_REL: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SML: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_CONTENT_TYPES: Final = (
    f'{_XML}<Types xmlns="{_PKG}/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_SML}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SML}.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_SML}.styles+xml"/>'
    "</Types>"
)
_ROOT_RELS: Final = (
    f'{_XML}<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK_RELS: Final = (
    f'{_XML}<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>'
    "</Relationships>"
)
# Two cell formats: 0 plain, 1 bold (the header row).
_STYLES: Final = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    "</styleSheet>"
)  # fmt: skip
_WIDTHS: Final = (28, 36, 34, 12, 20, 14)


def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _xml_cell(ref: str, cell: Cell, style: int) -> str:
    s = f' s="{style}"' if style else ""
    if cell is None:
        return ""
    if isinstance(cell, float | int):
        return f'<c r="{ref}"{s}><v>{float(cell)!r}</v></c>'
    return f'<c r="{ref}"{s} t="inlineStr"><is><t>{escape(cell)}</t></is></c>'


def xlsx_bytes(rows: Iterable[TableRow], sheet: str = "Statistiques") -> bytes:
    lines = [HEADER, *(r.cells() for r in rows)]
    body = []
    for r, cells in enumerate(lines, 1):
        style = 1 if r == 1 else 0
        xml = "".join(_xml_cell(f"{_column(c)}{r}", cell, style) for c, cell in enumerate(cells))
        body.append(f'<row r="{r}">{xml}</row>')
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(_WIDTHS, 1)
    )
    worksheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
        'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
        f"<cols>{cols}</cols><sheetData>{''.join(body)}</sheetData></worksheet>"
    )
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{escape(sheet[:31])}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _ROOT_RELS)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        z.writestr("xl/styles.xml", _STYLES)
        z.writestr("xl/worksheets/sheet1.xml", worksheet)
    return out.getvalue()


def write_xlsx(rows: Iterable[TableRow], path: Path, sheet: str = "Statistiques") -> None:
    path.write_bytes(xlsx_bytes(rows, sheet))


def read_xlsx(data: bytes) -> list[list[Cell]]:
    """The first sheet's cells back (strings and numbers): what the tests check."""
    from xml.etree import ElementTree

    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = ElementTree.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows: list[list[Cell]] = []
    for row in root.iterfind("m:sheetData/m:row", ns):
        cells: list[Cell] = [None] * len(HEADER)
        for c in row.iterfind("m:c", ns):
            index = _column_index("".join(ch for ch in c.attrib["r"] if ch.isalpha()))
            if c.get("t") == "inlineStr":
                cells[index] = "".join(t.text or "" for t in c.iterfind("m:is/m:t", ns))
            else:
                v = c.find("m:v", ns)
                cells[index] = None if v is None or v.text is None else float(v.text)
        rows.append(cells)
    return rows


def _column_index(name: str) -> int:
    index = 0
    for ch in name:
        index = index * 26 + ord(ch) - 64
    return index - 1

"""The print spool's section of the hardware screen: the tickets waiting or failed, with
"Réimprimer" and "Annuler" for each, and "Imprimer une page de test".

Everything goes through the spooler's own thread: the section asks for the open jobs
(:meth:`hardware.print_spooler.PrintSpooler.request_jobs`), the answer comes back through the
device bridge's ``print_jobs`` signal, and each job's change of state through
``job_state_changed``, which makes the section ask again. Retry and cancel are commands the
spooler runs between two jobs; the list is asked for again right behind them, so it shows
their outcome (a cancel that came too late, because the job was already being sent, leaves it
where it is).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kiosk.printing.spool import Failure, SpoolJob, SpoolSummary
from kiosk.printing.states import PrintJobState
from ui.devices.device_card import GLYPHS, Level, glyph_row
from ui.formatting import clock_time
from ui.input.bridge import DeviceBridge
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel

if TYPE_CHECKING:
    from hardware.print_spooler import PrintSpooler

REFRESH_MS: Final = 5000  # while shown: the next attempt's time and the deadlines move on
DEBOUNCE_MS: Final = 150  # a burst of job changes (the printer back, ten jobs out) asks once
TEST_PAGE: Final = "test_page"
ROWS_MAX: Final = 8  # the oldest jobs, rows built up front: a burst of jobs builds no widget
_LEVEL_COLOURS: Final = {
    "off": "text_muted",
    "ok": "success",
    "warning": "warning",
    "error": "error",
}

# (icon, theme colour) of a job's state: shape as well as colour
_STATE_ICONS: Final = {
    PrintJobState.PENDING: ("hourglass", "warning"),
    PrintJobState.SENDING: ("printer", "accent"),
    PrintJobState.FAILED: ("alert-octagon", "error"),
}


class JobRow(QFrame):
    """One open job: what it is, since when, its state and why; its two buttons."""

    retry_requested = Signal(int)
    cancel_requested = Signal(int)

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spoolRow")
        self.job_id = 0
        self.job: SpoolJob | None = None  # what the row shows, in which language (retranslate)
        self.language = 0
        self.asking = False  # "Réimprimer" asks to confirm (the job may be on paper already)
        self.icon = IconLabel(theme, "hourglass", 36, colour="warning", stroke=2)
        self.icon.setFixedSize(48, 48)
        self.title = named(QLabel(), "spoolJobTitle")
        self.detail = named(QLabel(), "spoolJobDetail")
        self.detail.setWordWrap(True)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.detail)
        self.retry = TouchButton(theme, "printer", role="primary", icon_colour="on_accent")
        self.retry.setObjectName("spoolRetry")
        self.cancel = TouchButton(theme, "x", role="secondary")
        self.cancel.setObjectName("spoolCancel")
        self.retry.clicked.connect(lambda: self.retry_requested.emit(self.job_id))
        self.cancel.clicked.connect(lambda: self.cancel_requested.emit(self.job_id))
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 8, 12, 8)
        row.setSpacing(20)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(text, 1)
        row.addWidget(self.retry)
        row.addWidget(self.cancel)


class PrintQueueSection(QFrame):
    """``spooler()`` is the kiosk's print spooler, or None (devices not up yet, or a bare
    printer with no spool, as in some tests)."""

    def __init__(
        self,
        theme: ThemeController,
        bridge: DeviceBridge,
        spooler: Callable[[], PrintSpooler | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("spoolSection")
        self._theme = theme
        self._spooler = spooler
        self.jobs: list[SpoolJob] = []
        self._confirming: set[int] = set()  # may-have-printed jobs whose reprint asks first
        self.summary: SpoolSummary | None = None
        self._test_page: SpoolJob | None = None  # the last test page asked for here
        self._test_page_asked = False
        self._language = 0  # bumped by retranslate(): the rows are filled again

        self.icon = IconLabel(theme, "printer", 44, colour="text_muted", stroke=1.75)
        self.icon.setFixedSize(64, 64)
        self.title = named(QLabel(), "deviceTitle")
        self.counts = named(QLabel(), "deviceState")
        self.glyph, counts_row = glyph_row(theme, self.counts)
        self.feedback = named(QLabel(), "deviceDetail")
        self.feedback.setWordWrap(True)
        heading = QVBoxLayout()
        heading.setSpacing(6)
        heading.addWidget(self.title)
        heading.addLayout(counts_row)
        heading.addWidget(self.feedback)
        self.test_page = TouchButton(theme, "printer", role="secondary")
        self.test_page.setObjectName("spoolTestPage")
        self.test_page.clicked.connect(self.print_test_page)
        self._header = header = QGridLayout()
        header.setSpacing(24)
        header.addWidget(self.icon, 0, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(heading, 0, 1)
        header.setColumnStretch(1, 1)
        self._place_test_page()
        theme.changed.connect(self._place_test_page)

        self._rows_box = named(QWidget(), "spoolRows")
        self._rows = QVBoxLayout(self._rows_box)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(12)
        self.rows: list[JobRow] = []
        for _ in range(ROWS_MAX):
            row = JobRow(theme)
            row.retry_requested.connect(self.retry)
            row.cancel_requested.connect(self.cancel)
            row.hide()
            self._rows.insertWidget(len(self.rows), row)
            self.rows.append(row)
        self.more = named(QLabel(), "spoolMore")
        self._rows.insertWidget(ROWS_MAX, self.more)
        column = QVBoxLayout(self)
        column.setContentsMargins(32, 20, 32, 20)
        column.setSpacing(12)
        column.addLayout(header)
        column.addWidget(self._rows_box)

        self._refresh = QTimer(self, interval=REFRESH_MS)
        self._refresh.timeout.connect(self.ask)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.ask)
        bridge.print_jobs.connect(self._jobs_arrived)
        bridge.job_state_changed.connect(self._job_changed)
        self._on_jobs = bridge.on_print_jobs
        self.retranslate()

    # --- asking the spooler (its thread answers through the bridge) ---------------------------

    def _place_test_page(self) -> None:
        """The test page's button beside the counts, or under them in portrait (the counts'
        words need the width there)."""
        self._header.removeWidget(self.test_page)
        if self._theme.metrics.portrait:
            self._header.addWidget(self.test_page, 1, 1, Qt.AlignmentFlag.AlignLeft)
        else:
            self._header.addWidget(self.test_page, 0, 2, Qt.AlignmentFlag.AlignTop)

    def ask(self) -> None:
        spooler = self._spooler()
        if spooler is None:
            self._show()
            return
        spooler.request_jobs(self._on_jobs)

    def print_test_page(self) -> None:
        spooler = self._spooler()
        if spooler is None:
            return
        self._test_page_asked = True
        self._test_page = None
        spooler.print_test_page()
        self._show_feedback()

    def retry(self, job_id: int) -> None:
        """Print the job again; one that may already be on paper asks first (a second copy of
        a ticket is a second ticket)."""
        job = next((j for j in self.jobs if j.id == job_id), None)
        may_be_out = job is not None and job.last_error_code is Failure.INTERRUPTED
        if may_be_out and job_id not in self._confirming:
            self._confirming.add(job_id)
            self._show_rows()
            return
        self._confirming.discard(job_id)
        spooler = self._spooler()
        if spooler is not None:
            spooler.retry(job_id)
            spooler.request_jobs(self._on_jobs)  # run after the retry, on the same thread

    def cancel(self, job_id: int) -> None:
        spooler = self._spooler()
        if spooler is not None:
            spooler.cancel(job_id)
            spooler.request_jobs(self._on_jobs)

    def _jobs_arrived(self, jobs: list[SpoolJob], summary: SpoolSummary) -> None:
        self.jobs, self.summary = list(jobs)[:ROWS_MAX], summary
        self._show()

    def _job_changed(self, job: SpoolJob) -> None:
        if job.kind == TEST_PAGE and self._test_page_asked:
            if self._test_page is None or job.id >= self._test_page.id:
                self._test_page = job
            self._show_feedback()
        if self.isVisible():
            self._debounce.start()

    # --- what is shown ---------------------------------------------------------------------------

    def _show(self) -> None:
        spooler = self._spooler()
        self.test_page.setEnabled(spooler is not None)
        self._show_counts(spooler is not None)
        self._show_feedback()
        self._show_rows()

    def _show_counts(self, has_spool: bool) -> None:
        summary = self.summary
        if not has_spool:
            text, level = self.tr("File d’impression indisponible pour le moment"), "off"
        elif summary is None:
            text, level = self.tr("Lecture de la file d’impression…"), "off"
        elif summary.backlog or summary.failed:
            parts = []
            if summary.backlog == 1:
                parts.append(self.tr("1 ticket en attente"))
            elif summary.backlog:
                parts.append(self.tr("{n} tickets en attente").format(n=summary.backlog))
            if summary.failed == 1:
                parts.append(self.tr("1 non imprimé\u202f: à vous de décider"))
            elif summary.failed:
                parts.append(
                    self.tr("{n} non imprimés\u202f: à vous de décider").format(n=summary.failed)
                )
            text, level = ", ".join(parts), "error" if summary.failed else "warning"
        else:
            text, level = self.tr("Rien en attente\u202f: tout est imprimé"), "ok"
        self.counts.setText(text)
        self.counts.setProperty("level", level)
        self.counts.style().unpolish(self.counts)
        self.counts.style().polish(self.counts)
        self.icon.set_colour(_LEVEL_COLOURS[level])
        self.glyph.set_icon(GLYPHS[Level(level)], _LEVEL_COLOURS[level])
        self._rows_box.setVisible(bool(self.jobs))

    def _show_feedback(self) -> None:
        job = self._test_page
        if not self._test_page_asked:
            text = ""
        elif job is None:
            text = self.tr("Page de test demandée…")
        elif job.state is PrintJobState.PRINTED and job.printed_at is not None:
            text = self.tr("Page de test imprimée à {time}").format(time=clock_time(job.printed_at))
        elif job.state is PrintJobState.FAILED:
            text = self.tr("Page de test non imprimée\u202f: {why}").format(why=self._why(job))
        elif job.state is PrintJobState.CANCELLED:
            text = self.tr("Page de test annulée")
        elif job.last_error_code is not None:
            text = self.tr("Page de test en attente\u202f: {why}").format(why=self._why(job))
        else:
            text = self.tr("Page de test en cours d’impression…")
        self.feedback.setText(text)
        self.feedback.setVisible(bool(text))

    def _show_rows(self) -> None:
        for n, row in enumerate(self.rows):
            if n < len(self.jobs):
                self._fill(row, self.jobs[n])
            row.setVisible(n < len(self.jobs))
        others = max(0, self._total() - ROWS_MAX)
        if others:
            self.more.setText(self.tr("… et {n} autre(s), plus récent(s)").format(n=others))
        self.more.setVisible(bool(others))

    def _total(self) -> int:
        summary = self.summary
        return len(self.jobs) if summary is None else summary.backlog + summary.failed

    def _fill(self, row: JobRow, job: SpoolJob) -> None:
        asking = job.id in self._confirming and job.state is PrintJobState.FAILED
        if row.job == job and row.language == self._language and row.asking == asking:
            return  # unchanged: no icon drawn again, no layout
        row.job, row.language, row.job_id, row.asking = job, self._language, job.id, asking
        icon, colour = _STATE_ICONS.get(job.state, ("printer", "text_muted"))
        row.icon.set_icon(icon, colour)
        row.title.setText(
            self.tr("{what}, demandé à {time}").format(
                what=self._kind(job.kind), time=clock_time(job.created_at)
            )
        )
        row.detail.setText(
            self.tr(
                "Ce ticket est peut-être déjà sorti\u202f: le réimprimer en fait un second. "
                "Touchez «\u202fOui, réimprimer\u202f» pour confirmer."
            )
            if asking
            else self._state(job)
        )
        row.retry.setVisible(job.state is PrintJobState.FAILED)
        # A job being sent cannot be called back: it may already be on paper.
        row.cancel.setVisible(job.state is not PrintJobState.SENDING)
        row.retry.setText(self.tr("Oui, réimprimer") if asking else self.tr("Réimprimer"))
        row.cancel.setText(self.tr("Annuler"))

    def _state(self, job: SpoolJob) -> str:
        if job.state is PrintJobState.SENDING:
            return self.tr("Impression en cours")
        if job.state is PrintJobState.FAILED:
            return self.tr("Non imprimé\u202f: {why}").format(why=self._why(job))
        if job.last_error_code is None:
            return self.tr("En attente de l’imprimante")
        if job.attempts == 1:
            text = self.tr("Nouvel essai à {time}, après 1 essai\u202f: {why}")
        else:
            text = self.tr("Nouvel essai à {time}, après {n} essais\u202f: {why}")
        return text.format(time=clock_time(job.next_attempt_at), n=job.attempts, why=self._why(job))

    def _why(self, job: SpoolJob) -> str:
        code = job.last_error_code
        why = {
            Failure.PAPER_OUT: self.tr("plus de papier"),
            Failure.OFFLINE: self.tr("imprimante hors ligne (capot ouvert ou erreur)"),
            Failure.UNREACHABLE: self.tr("imprimante injoignable (câble, réseau, alimentation)"),
            Failure.SILENT: self.tr("l’imprimante ne répond pas"),
            Failure.NOT_CONFIGURED: self.tr("aucune imprimante configurée"),
            Failure.INTERRUPTED: self.tr(
                "peut-être imprimé, l’envoi a été coupé en cours\u202f; "
                "vérifiez si le ticket est sorti"
            ),
            Failure.EXPIRED: self.tr("pas imprimé à temps, il n’est plus envoyé tout seul"),
            Failure.UNREADABLE: self.tr("ticket illisible, il ne peut pas être imprimé"),
            Failure.ERROR: self.tr("erreur du logiciel (voir le journal)"),
        }
        if code is not None:
            return why[code]
        return self.tr("raison inconnue")  # last_error is technical, not for the screen

    def _kind(self, kind: str) -> str:
        return {
            "help_ticket": self.tr("Ticket d’attente (Besoin d’aide\u202f?)"),
            "checkin_pass": self.tr("Pass d’entrée"),
            "visitor_pass": self.tr("Pass visiteur"),
            "pickup_receipt": self.tr("Reçu de retrait"),
            "document": self.tr("Fiche document"),
            TEST_PAGE: self.tr("Page de test"),
            "receipt": self.tr("Ticket"),
        }.get(kind, kind)

    def retranslate(self) -> None:
        self._language += 1
        self.title.setText(self.tr("File d’impression"))
        self.test_page.setText(self.tr("Imprimer une page de test"))
        self._show()

    # --- while shown -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ask()
        self._refresh.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self._refresh.stop()
        self._debounce.stop()
        self._test_page_asked, self._test_page = False, None  # the next visit starts afresh
        self._show_feedback()
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

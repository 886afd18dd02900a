"""Smart Tour sync on screen: a chip in the bottom bar saying how fresh the data are, and a
section on the hardware screen with the details, the conflicts and a "sync now" button.

The worker behind them is :class:`ui.sync.monitor.SyncMonitor`; :func:`install` puts the three
in place on a tour kiosk.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain import PARIS
from kiosk.ports import Clock
from kiosk.sync.failures import SyncFailure
from ui.devices.device_card import DeviceCard, Level
from ui.host import Host, ScreenDeps
from ui.sync.monitor import CONFLICTS_SHOWN, SyncMonitor, SyncView
from ui.theme import ThemeController
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel

__all__ = ["SyncChip", "SyncMonitor", "SyncSection", "SyncView", "describe", "install"]

STALE_AFTER: Final = timedelta(hours=24)  # data older than this: the chip turns red
CHIP_MAX_WIDTH: Final = 600  # the bar keeps its buttons; a long state wraps on two lines


def _ago(then: datetime, now: datetime) -> str:
    minutes = int((now - then).total_seconds() // 60)
    if minutes < 1:
        return QCoreApplication.translate("SyncStatus", "à l’instant")
    if minutes < 60:
        return QCoreApplication.translate("SyncStatus", "il y a {n} min").format(n=minutes)
    if minutes < 24 * 60:
        return QCoreApplication.translate("SyncStatus", "il y a {n} h").format(n=minutes // 60)
    return QCoreApplication.translate("SyncStatus", "il y a {n} j").format(n=minutes // (24 * 60))


def _stamp(at: datetime) -> str:
    return at.astimezone(PARIS).strftime("%d/%m %H:%M")


def describe(view: SyncView, now: datetime) -> tuple[Level, str, str]:
    """The chip: a level (colour), an icon (shape) and one line of text."""
    if not view.configured:
        return (
            Level.OFF,
            "cloud-off",
            QCoreApplication.translate("SyncStatus", "Synchronisation non configurée"),
        )
    if view.running:
        return (
            Level.OK,
            "refresh",
            QCoreApplication.translate("SyncStatus", "Synchronisation en cours…"),
        )
    status = view.status
    if status is None:
        return (
            Level.OFF,
            "cloud-off",
            QCoreApplication.translate("SyncStatus", "Pas encore synchronisé"),
        )
    parts: list[str] = []
    offline = status.last_error is not None
    if status.last_success_at is None:
        level, icon = Level.WARNING, "cloud-off"
        parts.append(QCoreApplication.translate("SyncStatus", "Jamais synchronisé"))
    elif offline:
        level, icon = Level.WARNING, "cloud-off"
        parts.append(QCoreApplication.translate("SyncStatus", "Hors ligne"))
    else:
        level, icon = Level.OK, "cloud-check"
        parts.append(
            QCoreApplication.translate("SyncStatus", "Synchronisé {ago}").format(
                ago=_ago(status.last_success_at, now)
            )
        )
    if status.data_as_of is not None and (offline or status.last_success_at is None):
        parts.append(
            QCoreApplication.translate("SyncStatus", "données du {at}").format(
                at=_stamp(status.data_as_of)
            )
        )
    if status.data_as_of is None or now - status.data_as_of > STALE_AFTER:
        level = Level.ERROR
    if status.pending:
        parts.append(
            QCoreApplication.translate("SyncStatus", "{n} à envoyer").format(n=status.pending)
        )
    if status.conflicts:
        parts.append(
            QCoreApplication.translate("SyncStatus", "conflits\u202f: {n}").format(
                n=status.conflicts
            )
        )
    return level, icon, " · ".join(parts)


class SyncChip(QFrame):
    """One line low on the screen: synced, offline or stale, with an icon for each."""

    def __init__(self, theme: ThemeController, clock: Clock, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("syncChip")
        self._clock = clock
        self._view: SyncView | None = None
        self.icon = IconLabel(theme, "cloud-off", 32, colour="text_muted", stroke=2)
        self.icon.setFixedSize(40, 40)
        self.text = QLabel()
        self.text.setObjectName("syncChipText")
        self.text.setWordWrap(True)
        # The label takes the width the bar leaves and the chip picks what fits there: the
        # whole line, the state alone ("Hors ligne"), or the icon alone (its shape and colour
        # say the state). A portrait bar with Retour has ~150 px left for it: a wrapping label
        # then stood eight lines tall and pushed « Accessibilité » off the screen.
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = ""
        self.setMaximumWidth(CHIP_MAX_WIDTH)
        row = self._row = QHBoxLayout(self)
        row.setContentsMargins(20, 8, 24, 8)
        row.setSpacing(12)
        row.addWidget(self.icon)
        row.addWidget(self.text)
        self._theme = theme

    def show_view(self, view: SyncView) -> None:
        self._view = view
        level, icon, text = describe(view, self._clock.now())
        self.icon.set_icon(icon, _LEVEL_COLOURS[level])
        self._full = text
        self._fit_text()
        self.setProperty("level", level.value)
        self.style().unpolish(self)
        self.style().polish(self)

    def sizeHint(self) -> QSize:
        """As wide as the whole line (the bar gives less if it must, up to the maximum)."""
        hint = super().sizeHint()
        metrics = self.text.fontMetrics()
        one_line = metrics.horizontalAdvance(self._full)
        margins = self._row.contentsMargins()
        room = margins.left() + margins.right() + self.icon.width() + self._row.spacing()
        room += 16  # the frame's border and padding
        return QSize(max(hint.width(), room + one_line), hint.height())

    def minimumSizeHint(self) -> QSize:
        margins = self._row.contentsMargins()
        width = margins.left() + margins.right() + self.icon.width()
        return QSize(width, super().minimumSizeHint().height())

    def _fit_text(self) -> None:
        """The whole line if it fits on two lines, else the state alone, else nothing.

        Two lines as long as the bar is tall enough for them: its height comes from its
        buttons, and two lines of English in the normal theme needed 54 px where 50 were left
        at 1366x768 (the second line was cut)."""
        width = self.text.width()
        metrics = self.text.fontMetrics()
        two_lines = 3 * metrics.lineSpacing() - 1  # a bounding box of two lines is a bit taller
        tall = self.text.contentsRect().height()
        room = min(two_lines, tall) if tall > 0 else two_lines
        for candidate in (self._full, self._full.split(" · ")[0]):
            box = metrics.boundingRect(
                QRect(0, 0, max(width, 1), 10_000), Qt.TextFlag.TextWordWrap, candidate
            )
            if box.width() <= width and box.height() <= room:
                self.text.setText(candidate)
                return
        self.text.setText("")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._view is not None:
            self.show_view(self._view)
        super().changeEvent(event)


_LEVEL_COLOURS = {
    Level.OK: "success",
    Level.WARNING: "warning",
    Level.ERROR: "error",
    Level.OFF: "text_muted",
}


class ElidedLabel(QLabel):
    """One line that ends in "…" when narrower than its text, instead of widening the screen."""

    def __init__(self, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(self.width(), 1)
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width))


class SyncSection(QWidget):
    """The hardware screen's part: state, data age, what waits, the last conflicts."""

    def __init__(
        self,
        theme: ThemeController,
        clock: Clock,
        monitor: SyncMonitor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._monitor = monitor
        self.card = DeviceCard(theme, "cloud-upload", detail_lines=1)
        self.conflict_lines = [ElidedLabel("deviceDetail") for _ in range(CONFLICTS_SHOWN)]
        card_row = self.card.layout()
        card_item = card_row.itemAt(1) if card_row is not None else None
        card_text = card_item.layout() if card_item is not None else None  # icon, then its text
        assert isinstance(card_text, QVBoxLayout)
        for label in self.conflict_lines:
            card_text.insertWidget(card_text.count() - 1, label)  # above the final stretch
        self.sync_button = TouchButton(theme, "refresh")
        self.sync_button.setObjectName("syncNow")
        self.sync_button.clicked.connect(monitor.sync_now)
        self.card.title.setWordWrap(True)
        row = self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(24)
        row.addWidget(self.card, 1)
        row.addWidget(self.sync_button, 0, Qt.AlignmentFlag.AlignVCenter)
        monitor.changed.connect(self.show_view)
        self.show_view(monitor.view)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The button under the card when both do not fit side by side (a portrait panel:
        the card's title and the button's words pushed the screen ~110 px wider)."""
        super().resizeEvent(event)
        side = self.card.sizeHint().width() + self._row.spacing()
        side += self.sync_button.sizeHint().width()
        direction = QBoxLayout.Direction.LeftToRight
        if self.width() < side:
            direction = QBoxLayout.Direction.TopToBottom
        if self._row.direction() != direction:
            self._row.setDirection(direction)
            align = Qt.AlignmentFlag
            stacked = direction is QBoxLayout.Direction.TopToBottom
            self._row.setAlignment(
                self.sync_button, align.AlignLeft if stacked else align.AlignVCenter
            )

    def show_view(self, view: SyncView) -> None:
        self.card.title.setText(
            QCoreApplication.translate("SyncStatus", "Synchronisation avec la base centrale")
        )
        self.sync_button.setText(
            QCoreApplication.translate("SyncStatus", "Synchroniser maintenant")
        )
        self.sync_button.setEnabled(view.configured and not view.running)
        self.sync_button.setVisible(view.configured)
        level, _icon, text = describe(view, self._clock.now())
        details: list[str] = []
        status = view.status
        if not view.configured:
            details.append(
                QCoreApplication.translate(
                    "SyncStatus", "Réglage central_db vide\u202f: ce kiosque travaille seul."
                )
            )
        elif status is not None:
            never = QCoreApplication.translate("SyncStatus", "jamais")
            success = _stamp(status.last_success_at) if status.last_success_at else never
            line = QCoreApplication.translate("SyncStatus", "Dernière réussite\u202f: {at}").format(
                at=success
            )
            if status.last_error:
                line += " · " + QCoreApplication.translate(
                    "SyncStatus", "erreur\u202f: {error}"
                ).format(error=failure_text(status.last_failure))
            details.append(line)
        self.card.set_state(level, text, *details)
        conflicts = view.conflicts if view.configured else ()
        for n, label in enumerate(self.conflict_lines):
            if n < len(conflicts):
                conflict = conflicts[n]
                who = " · ".join(p for p in (conflict.person, conflict.event) if p)
                label.set_full_text(f"⚠ {_stamp(conflict.at)} · {who} : {conflict.message}")
            label.setVisible(n < len(conflicts))


def failure_text(failure: SyncFailure | None) -> str:
    """Why the last sync failed, for staff at the kiosk (the technical detail is in the log)."""

    translate = QCoreApplication.translate
    if failure is None:  # a code this kiosk does not know, or written by an older one
        return translate("SyncStatus", "raison inconnue (voir le journal)")
    return {
        SyncFailure.UNREACHABLE: translate(
            "SyncStatus", "base centrale injoignable (pas de réseau\u202f?)"
        ),
        SyncFailure.CONNECTION_LOST: translate("SyncStatus", "connexion à la base centrale perdue"),
        SyncFailure.REFUSED: translate("SyncStatus", "la base centrale a refusé un enregistrement"),
        SyncFailure.SCHEMA: translate(
            "SyncStatus", "base centrale à mettre à jour (smartcorner db upgrade)"
        ),
        SyncFailure.CANCELLED: translate(
            "SyncStatus", "synchronisation interrompue par l’arrêt du kiosque"
        ),
        SyncFailure.SETTINGS: translate("SyncStatus", "réglages de synchronisation à corriger"),
    }[failure]


def install(host: Host, deps: ScreenDeps) -> SyncMonitor:
    """The tour kiosk's sync: worker, chip in the bottom bar, hardware section."""
    monitor = SyncMonitor(deps.settings, deps.clock, parent=host.owner, apart=deps.database.apart)
    if monitor.view.configured:
        chip = SyncChip(deps.theme, deps.clock)
        monitor.changed.connect(chip.show_view)
        chip.show_view(monitor.view)
        host.window.bottom_bar.add_status(chip)
    host.hardware_sections.append(lambda: SyncSection(deps.theme, deps.clock, monitor))
    host.shutdown_hooks.append(monitor.stop)
    monitor.start()
    return monitor

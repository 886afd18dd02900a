"""One project, opened from its card: what it is, who carries it, what it changes for agents,
its pictures or video, its ambassador, the events to come that present it (a tap: the event's
page) and a QR code of its public page to take away."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain import UpcomingEvent
from kiosk.projects.catalogue import MediaKind, ProjectDetail
from ui.formatting import in_english, kind_label, long_date, time_range
from ui.projects.cards import PictureLabel, set_stage, stage_chip
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel
from ui.widgets.qr_code import QrCodeWidget


class EventEntry(QFrame):
    """An event that presents the project: its title and when, wrapped on a narrow panel; a
    tap opens its page."""

    tapped = Signal(object)  # UpcomingEvent

    def __init__(self, upcoming: UpcomingEvent, theme: ThemeController) -> None:
        super().__init__()
        self.setObjectName("projectEvent")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(theme.tokens.touch_target)
        self.upcoming = upcoming
        px = theme.tokens.px
        self.title = named(QLabel(wordWrap=True), "projectEventTitle")
        self.when = named(QLabel(wordWrap=True), "projectEventWhen")
        texts = QVBoxLayout()
        texts.setSpacing(px(4))
        texts.addWidget(self.title)
        texts.addWidget(self.when)
        row = QHBoxLayout(self)
        row.setContentsMargins(px(24), px(16), px(24), px(16))
        row.setSpacing(px(20))
        row.addWidget(IconLabel(theme, "calendar-event", 40, colour="events"))
        row.addLayout(texts, 1)
        row.addWidget(IconLabel(theme, "chevron-right", 40, colour="text_muted"))
        self.retranslate()

    def retranslate(self) -> None:
        event = self.upcoming
        self.title.setText(event.title_in(in_english()))
        self.when.setText(
            f"{kind_label(event.kind)} · {long_date(event.starts_at)} · "
            f"{time_range(event.starts_at, event.ends_at)}"
        )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.tapped.emit(self.upcoming)


class ProjectPage(QWidget):
    event_chosen = Signal(object)  # UpcomingEvent
    video_requested = Signal(str, str)  # content hash, media type

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectPage")
        self._theme = theme
        px = theme.tokens.px
        self.detail: ProjectDetail | None = None
        self.link = ""
        self.stage = stage_chip()
        self.direction = named(QLabel(wordWrap=True), "projectDirection")
        self.title = named(QLabel(wordWrap=True), "screenTitle")
        self.pitch = named(QLabel(wordWrap=True), "projectPitch")
        self.picture = PictureLabel(px(360))
        self.video = TouchButton(theme, "movie", role="secondary")
        self.video.clicked.connect(self._play_video)
        self.agents_title = named(QLabel(wordWrap=True), "projectSection")
        self.for_agents = named(QLabel(wordWrap=True), "projectText")
        self.ambassador_title = named(QLabel(wordWrap=True), "projectSection")
        self.ambassador = named(QLabel(wordWrap=True), "projectText")
        self.ambassador.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.events_title = named(QLabel(wordWrap=True), "projectSection")
        self.no_event = named(QLabel(wordWrap=True), "projectMuted")
        self.events_box = QVBoxLayout()
        self.events_box.setSpacing(px(16))
        self.qr = QrCodeWidget(px(240))
        self.qr_text = named(QLabel(wordWrap=True), "projectMuted")
        self.qr_link = named(QLabel(wordWrap=True), "projectLink")

        top = QHBoxLayout()
        top.setSpacing(px(20))
        top.addWidget(self.stage)
        top.addWidget(self.direction, 1)
        take_away = QHBoxLayout()
        take_away.setSpacing(px(32))
        take_away.addWidget(self.qr)
        words = QVBoxLayout()
        words.addStretch(1)
        words.addWidget(self.qr_text)
        words.addWidget(self.qr_link)
        words.addStretch(1)
        take_away.addLayout(words, 1)

        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(px(56))
        self._grid.setVerticalSpacing(px(20))
        self._left, self._right = QVBoxLayout(), QVBoxLayout()
        for column in (self._left, self._right):
            column.setSpacing(px(20))
        self._left.addWidget(self.picture)
        self._left.addWidget(self.video)
        self._left.addWidget(self.agents_title)
        self._left.addWidget(self.for_agents)
        self._left.addWidget(self.ambassador_title)
        self._left.addWidget(self._with_icon("user-check", self.ambassador))
        self._left.addStretch(1)
        self._right.addWidget(self.events_title)
        self._right.addWidget(self.no_event)
        self._right.addLayout(self.events_box)
        self._right.addSpacing(px(24))
        self._right.addLayout(take_away)
        self._right.addStretch(1)
        self._portrait = False
        self._place_columns()

        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, px(16), 0)
        page.setSpacing(px(20))
        page.addLayout(top)
        page.addWidget(self.title)
        page.addWidget(self.pitch)
        page.addLayout(self._grid)
        self.retranslate()

    def _with_icon(self, icon: str, label: QLabel) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(self._theme.tokens.px(16))
        layout.addWidget(IconLabel(self._theme, icon, 40, colour="text_muted"))
        layout.addWidget(label, 1)
        return row

    def set_portrait(self, portrait: bool) -> None:
        """A totem (1080 wide): the two columns one above the other."""
        if portrait != self._portrait:
            self._portrait = portrait
            self._place_columns()

    def _place_columns(self) -> None:
        for column in (self._left, self._right):
            self._grid.removeItem(column)
        if self._portrait:
            self._grid.addLayout(self._left, 0, 0)
            self._grid.addLayout(self._right, 1, 0)
            self._grid.setColumnStretch(1, 0)
        else:
            self._grid.addLayout(self._left, 0, 0)
            self._grid.addLayout(self._right, 0, 1)
            self._grid.setColumnStretch(0, 11)
            self._grid.setColumnStretch(1, 9)

    def show_project(self, detail: ProjectDetail, link: str) -> None:
        self.detail, self.link = detail, link
        self.picture.set_data(None)
        has_picture = detail.card.picture_hash is not None
        self.picture.setVisible(has_picture)
        self.video.setVisible(any(m.kind is MediaKind.VIDEO for m in detail.media))
        self.qr.set_payload(link)
        # a link has no spaces to wrap at: let it break after its slashes and hyphens
        self.qr_link.setText(link.replace("/", "/\u200b").replace("-", "-\u200b"))
        while self.events_box.count():
            item = self.events_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for upcoming in detail.events:
            entry = EventEntry(upcoming, self._theme)
            entry.tapped.connect(self.event_chosen.emit)
            self.events_box.addWidget(entry)
        self.no_event.setVisible(not detail.events)
        self.retranslate()

    def set_picture(self, content_hash: str, data: bytes | None) -> None:
        if self.detail is not None and self.detail.card.picture_hash == content_hash:
            self.picture.set_data(data)

    def _play_video(self) -> None:
        if self.detail is None:
            return
        for item in self.detail.media:
            if item.kind is MediaKind.VIDEO:
                self.video_requested.emit(item.content_hash, item.media_type)
                return

    def clear(self) -> None:
        self.detail = None
        self.picture.set_data(None)

    def retranslate(self) -> None:
        self.agents_title.setText(self.tr("Ce que ça change pour les agents"))
        self.ambassador_title.setText(self.tr("Votre contact, ambassadeur du projet"))
        self.events_title.setText(self.tr("Pour en savoir plus, venez à"))
        self.no_event.setText(self.tr("Pas d’événement prévu pour l’instant sur ce projet."))
        self.qr_text.setText(self.tr("Scannez pour retrouver le projet sur votre téléphone"))
        self.video.setText(self.tr("Voir la vidéo"))
        detail = self.detail
        if detail is None:
            return
        english = in_english()
        set_stage(self.stage, detail.card.stage)
        self.direction.setText(detail.card.direction)
        self.title.setText(detail.card.title_in(english))
        self.pitch.setText(detail.card.pitch_in(english))
        self.for_agents.setText(detail.for_agents_in(english))
        for visible in (self.agents_title, self.for_agents):
            visible.setVisible(bool(detail.for_agents_in(english)))
        contact = detail.ambassador_contact
        self.ambassador.setText(detail.ambassador + (f"\n{contact}" if contact else ""))
        for visible in (self.ambassador_title, self.ambassador):
            visible.setVisible(bool(detail.ambassador))
        for i in range(self.events_box.count()):
            item = self.events_box.itemAt(i)
            entry = item.widget() if item is not None else None
            if isinstance(entry, EventEntry):
                entry.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

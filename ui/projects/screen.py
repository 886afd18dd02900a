"""« Projets numériques »: the gallery, a search as you type (the documents' French search), a
project's page and the page of an event that presents it.

One screen with four pages so that « Retour » walks back through them (:meth:`go_back`)
before leaving; the database work is :class:`ui.projects.desk.ProjectDesk`'s.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain import UpcomingEvent
from kiosk.projects.catalogue import ProjectCard, ProjectDetail
from ui.documents.media_player import MediaPlayer
from ui.events.event_detail import EventDetailPage
from ui.projects.cards import ProjectCardWidget
from ui.projects.desk import ProjectDesk
from ui.projects.project_page import ProjectPage
from ui.screens.base import Screen
from ui.theme import Area, ThemeController, named
from ui.widgets.buttons import ClearButton, TouchButton
from ui.widgets.icon_label import IconLabel
from ui.widgets.keyboard import OnScreenKeyboard, fit_page_margins
from ui.widgets.kinetic import kinetic_page
from ui.widgets.screen_heading import screen_heading

NARROW = 1600  # logical px: below, a project's page is one column


class ProjectsScreen(Screen):
    key = "projects"

    def __init__(
        self, desk: ProjectDesk, theme: ThemeController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self._theme = theme
        px = theme.tokens.px
        icon = IconLabel(theme, "bulb", 64, colour="documents", stroke=1.75)
        icon.setProperty("area", Area.DOCUMENTS.value)
        heading = screen_heading(icon, wrap=True)
        self.title, self.subtitle = heading.title, heading.subtitle
        self._heading_parts: tuple[QWidget, ...] = (icon, heading.title, heading.subtitle)

        self.search = named(QLineEdit(), "projectSearch")
        ClearButton(theme, self.search)  # the field owns it
        self.search.textChanged.connect(self._query_changed)
        self.keyboard_toggle = TouchButton(
            theme, "keyboard", role="secondary", checked_colour="accent"
        )
        self.keyboard_toggle.setCheckable(True)
        self.keyboard_toggle.toggled.connect(self._show_keyboard)
        self.keyboard = OnScreenKeyboard(theme)
        self.keyboard.set_target(self.search)
        self.keyboard.submitted.connect(lambda: self.keyboard_toggle.setChecked(False))
        self.keyboard.hide()
        search_row = QHBoxLayout()
        search_row.setSpacing(px(20))
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.keyboard_toggle)

        self.cards: list[ProjectCardWidget] = []
        self._grid_body = named(QWidget(), "projectGridBody")
        self._grid = QGridLayout(self._grid_body)
        self._grid.setContentsMargins(0, 0, px(16), 0)
        self._grid.setSpacing(px(32))
        self.grid_page = kinetic_page(self._grid_body, "projectGrid")
        self.empty = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "emptyState")
        self.empty.setWordWrap(True)
        gallery = QWidget()
        gallery_column = QVBoxLayout(gallery)
        gallery_column.setContentsMargins(0, 0, 0, 0)
        gallery_column.setSpacing(px(24))
        gallery_column.addLayout(search_row)
        gallery_column.addWidget(self.grid_page, 1)
        gallery_column.addWidget(self.empty, 1)
        gallery_column.addWidget(self.keyboard)
        self.gallery = gallery

        self.project = ProjectPage(theme)
        self.project_page = kinetic_page(self.project, "projectDetailScroll")
        self.event_detail = EventDetailPage(theme)
        self.event_page = kinetic_page(self.event_detail, "eventDetailScroll")
        self.player = MediaPlayer(theme)
        self._pages = QStackedLayout()
        for page in (self.gallery, self.project_page, self.event_page, self.player):
            self._pages.addWidget(page)

        column = self._column = QVBoxLayout(self)
        column.setContentsMargins(px(96), px(56), px(96), px(24))
        column.setSpacing(px(32))
        column.addLayout(heading.layout)
        column.addLayout(self._pages, 1)

        self._columns = 3
        self._query = ""
        self._loaded = False
        self.project.event_chosen.connect(self.open_event)
        self.project.video_requested.connect(self._video_requested)
        desk.cards_ready.connect(self._show_cards)
        desk.detail_ready.connect(self._show_project)
        desk.media_ready.connect(self._media_ready)
        desk.video_ready.connect(self._play)
        self.retranslate()

    # -- the gallery ----------------------------------------------------------------------

    def shown(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.empty.setText(self.tr("Chargement des projets…"))
            self.desk.load(self._query)

    def _query_changed(self, text: str) -> None:
        self._query = text
        self.desk.load(text)

    def _show_keyboard(self, on: bool) -> None:
        """While typing, the keyboard takes the heading's room (a 768 px panel needs it)."""
        for part in self._heading_parts:
            part.setVisible(not on)
        self.keyboard.setVisible(on)
        self._fit_margins()
        if on:
            self.search.setFocus()

    def _fit_margins(self) -> None:
        if self.keyboard.isVisibleTo(self):
            fit_page_margins(self, self._column, self._theme, top=40, bottom=16, spacing=20)
        else:
            px = self._theme.tokens.px
            self._column.setContentsMargins(px(96), px(56), px(96), px(24))
            self._column.setSpacing(px(32))

    def _show_cards(self, query: str, cards: list[ProjectCard]) -> None:
        if query != self._query:
            return  # an answer to what was typed before
        for widget in self.cards:
            widget.deleteLater()
        self.cards = []
        for n, card in enumerate(cards):
            widget = ProjectCardWidget(card, self._theme)
            widget.tapped.connect(self.open_project)
            self._grid.addWidget(widget, n // self._columns, n % self._columns)
            self.cards.append(widget)
            if card.picture_hash is not None:
                self.desk.media(card.picture_hash)
        for c in range(self._columns):
            self._grid.setColumnStretch(c, 1)
        self._grid.setRowStretch(len(cards) // self._columns + 1, 1)
        self.grid_page.setVisible(bool(cards))
        self.empty.setVisible(not cards)
        self.empty.setText(
            self.tr("Aucun projet ne correspond à «\u202f{query}\u202f».").format(
                query=query.strip()
            )
            if query.strip()
            else self.tr("Aucun projet à montrer pour le moment.")
        )

    def _media_ready(self, content_hash: str, data: bytes | None) -> None:
        for widget in self.cards:
            if widget.card.picture_hash == content_hash:
                widget.set_picture(data)
        self.project.set_picture(content_hash, data)

    def _relayout(self) -> None:
        widgets = list(self.cards)
        for widget in widgets:
            self._grid.removeWidget(widget)
        for c in range(3):
            self._grid.setColumnStretch(c, 1 if c < self._columns else 0)
        for n, widget in enumerate(widgets):
            self._grid.addWidget(widget, n // self._columns, n % self._columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        portrait = size.height() > size.width()
        columns = 2 if portrait else 3
        # a project's two columns need a wide screen: a 1366 px panel stacks them as a totem
        self.project.set_portrait(portrait or size.width() < NARROW)
        self._fit_margins()
        if columns != self._columns:
            self._columns = columns
            self._relayout()

    # -- a project, an event, a video -----------------------------------------------------

    def open_project(self, slug: str) -> None:
        self.desk.open_project(slug)

    def _show_project(self, detail: ProjectDetail | None) -> None:
        if detail is None:
            self.desk.load(self._query)  # gone since the gallery was drawn
            return
        self.keyboard_toggle.setChecked(False)
        self.project.show_project(detail, self.desk.link(detail.card.slug))
        if detail.card.picture_hash is not None:
            self.desk.media(detail.card.picture_hash)
        self.project_page.verticalScrollBar().setValue(0)
        self._pages.setCurrentWidget(self.project_page)

    def open_event(self, upcoming: UpcomingEvent) -> None:
        self.event_detail.show_event(upcoming)
        self.event_page.verticalScrollBar().setValue(0)
        self._pages.setCurrentWidget(self.event_page)

    def _video_requested(self, content_hash: str, media_type: str) -> None:
        self.desk.video_file(content_hash, media_type)

    def _play(self, _content_hash: str, path: object) -> None:
        if isinstance(path, Path) and self.player.available:
            self._pages.setCurrentWidget(self.player)
            self.player.play(path)

    # -- Retour, idle reset ---------------------------------------------------------------

    def go_back(self) -> bool:
        current = self._pages.currentWidget()
        if current is self.player:
            self.player.stop()
            self._pages.setCurrentWidget(self.project_page)
            return True
        if current is self.event_page:
            self.event_detail.clear()
            self._pages.setCurrentWidget(self.project_page)
            return True
        if current is self.project_page:
            self.project.clear()
            self._pages.setCurrentWidget(self.gallery)
            return True
        return False

    def reset(self) -> None:
        self.player.stop()
        self.event_detail.clear()
        self.project.clear()
        self.keyboard_toggle.setChecked(False)
        self.search.clear()
        self.keyboard.reset()
        self._pages.setCurrentWidget(self.gallery)
        self.grid_page.verticalScrollBar().setValue(0)

    def stop_work(self) -> None:
        self.player.stop()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Projets numériques"))
        self.subtitle.setText(self.tr("Les projets du Département, de l’idée à la mise en service"))
        self.search.setPlaceholderText(self.tr("Rechercher un projet, une direction…"))
        self.keyboard_toggle.setText(self.tr("Clavier"))
        self.keyboard.set_action_label(self.tr("Rechercher"))  # also retranslates its keys
        for widget in self.cards:
            widget.retranslate()

"""The Kiosque numérique's first page: the search field, the themes grid and "Nouveautés"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.documents.catalogue import THEMES, ThemeCount, theme_icon
from ui.documents.desk import Shelf
from ui.documents.document_list import DocumentListView, documents_text, theme_label
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel
from ui.widgets.kinetic import kinetic_page
from ui.widgets.screen_heading import screen_heading

THEME_COLUMNS = 2
MAX_THEME_TILES = 8  # the grid's room; further themes are reached by search


class ThemeButton(TouchButton):
    """A theme tile: icon, name and number of documents; ``theme`` is what it filters on."""

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(theme, "books", role="theme", icon_colour="documents", icon_size=48,
                         parent=parent)  # fmt: skip
        self.setObjectName("themeButton")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.theme = ""
        self.theme_en = ""
        self.count = 0

    def set_theme(self, count: ThemeCount) -> None:
        self.theme, self.theme_en, self.count = count.theme, count.theme_en, count.count
        self.set_icon_name(theme_icon(count.theme))
        self.retranslate()

    def retranslate(self) -> None:
        name = theme_label(self.theme, self.theme_en)
        self.setText(f"{name}\n{documents_text(self.count)}")


class SearchEntry(QLineEdit):
    """The search field; a tap on it says so even when it already has the focus."""

    tapped = Signal()

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentSearch")
        self._theme = theme
        self._icon = IconLabel(theme, "search", 40, colour="text_muted", parent=self)
        self._icon.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.installEventFilter(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter on the keypad opens it as a tap does (the speech path, ui.speech)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.tapped.emit()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._icon.setGeometry(24, (self.height() - 48) // 2, 48, 48)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress:
            self.tapped.emit()
        return False


class BrowsePage(QWidget):
    search_requested = Signal()
    theme_chosen = Signal(str)
    document_chosen = Signal(object)  # SearchHit

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        icon = IconLabel(theme, "books", 64, colour="documents", stroke=1.75)
        icon.setProperty("area", "documents")
        heading = screen_heading(icon, wrap=True)
        self.title, self.subtitle = heading.title, heading.subtitle
        header = heading.layout

        self.search = SearchEntry(theme)
        self.search.setReadOnly(True)  # a door to the search page, where the keyboard is
        self.search.tapped.connect(self.search_requested)
        search_row = QHBoxLayout()
        search_row.setSpacing(16)
        search_row.addWidget(self.search, 1)

        # the catalogue could not be read: said here, tried again each time the screen shows
        self.notice = named(QLabel(wordWrap=True), "emptyState")
        self.notice_box = QWidget()
        notice_row = QHBoxLayout(self.notice_box)
        notice_row.setContentsMargins(0, 48, 0, 0)
        notice_row.setSpacing(24)
        notice_row.addWidget(IconLabel(theme, "alert-triangle", 64, colour="warning", stroke=2),
                             0, Qt.AlignmentFlag.AlignTop)  # fmt: skip
        notice_row.addWidget(self.notice, 1, Qt.AlignmentFlag.AlignTop)
        self.notice_box.hide()

        self.themes_title = named(QLabel(), "sectionTitle")
        tiles_box = named(QWidget(), "themeTiles")
        self.grid = QGridLayout(tiles_box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(16)
        self.tiles: list[ThemeButton] = []
        for n in range(MAX_THEME_TILES):
            tile = ThemeButton(theme)
            tile.clicked.connect(lambda _=False, t=tile: self.theme_chosen.emit(t.theme))
            self.grid.addWidget(tile, n // THEME_COLUMNS, n % THEME_COLUMNS)
            self.tiles.append(tile)
        # the tiles scroll where a short panel in large type has no room for four rows
        self.themes = kinetic_page(tiles_box, "themeScroll")
        left = QVBoxLayout()
        left.setSpacing(16)
        left.addWidget(self.themes_title)
        left.addWidget(self.themes, 1)

        self.latest_title = named(QLabel(), "sectionTitle")
        self.latest = DocumentListView(theme)
        self.latest.activated_hit.connect(self.document_chosen)
        right = QVBoxLayout()
        right.setSpacing(16)
        right.addWidget(self.latest_title)
        right.addWidget(self.latest, 1)

        self.body = QWidget()
        self._body = body = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(48)
        body.addLayout(left, 5)
        body.addLayout(right, 6)

        column = self._column = QVBoxLayout(self)
        column.setContentsMargins(96, 48, 96, 24)
        column.setSpacing(28)
        column.addLayout(header)
        column.addLayout(search_row)
        column.addWidget(self.notice_box, 1)
        column.addWidget(self.body, 1)
        self.set_shelf(Shelf((), ()))
        theme.changed.connect(self._refit)  # larger type: taller tiles
        self.retranslate()

    def set_shelf(self, shelf: Shelf) -> None:
        counts = {t.theme: t for t in shelf.themes}
        editorial = [counts[name] for name, _ in THEMES if name in counts]
        others = [t for t in shelf.themes if t not in editorial]
        shown = (editorial + others)[:MAX_THEME_TILES]
        for tile, count in zip(self.tiles, shown, strict=False):
            tile.set_theme(count)
        for n, tile in enumerate(self.tiles):
            tile.setVisible(n < len(shown))
        self.latest.set_hits([])
        self.latest.list_model.set_documents(shelf.latest)
        self.notice_box.hide()
        self.body.show()
        self._refit()

    def show_unavailable(self) -> None:
        """Nothing to browse: the notice takes the place of the empty themes and list."""
        self.body.hide()
        self.notice_box.show()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Kiosque numérique"))
        self.subtitle.setText(
            self.tr("Guides, articles et vidéos à lire ici ou à emporter sur votre téléphone")
        )
        self.search.setPlaceholderText(self.tr("Rechercher un document, un sujet, un mot…"))
        self.themes_title.setText(self.tr("Thèmes"))
        self.latest_title.setText(self.tr("Nouveautés"))
        self.notice.setText(
            self.tr("Le kiosque numérique est indisponible pour le moment\u202f: réessayez dans "
                    "quelques minutes, ou demandez à l’accueil du Smart Corner.")
        )  # fmt: skip
        for tile in self.tiles:
            tile.retranslate()
        self._refit()

    def reset(self) -> None:
        self.latest.scrollToTop()
        self.themes.verticalScrollBar().setValue(0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit(portrait=event.size().height() > event.size().width())

    def _refit(self) -> None:
        self._fit(portrait=self.height() > self.width())

    def _fit(self, *, portrait: bool) -> None:
        """Landscape: the themes beside « Nouveautés ». Portrait: the themes above, as tall as
        their two columns of tiles need, and « Nouveautés » under them over the whole width
        (side by side on a 1080 px width, tiles grew into squares with their names cut and the
        new documents had a 170 px column)."""
        body = self._body
        body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        # a totem's 1080 px: sides of 48, the two columns of accessible theme names need 900
        side = 48 if portrait else 96
        self._column.setContentsMargins(side, 48, side, 24)
        body.setStretch(0, 0 if portrait else 5)
        body.setStretch(1, 1 if portrait else 6)
        tiles = self.themes.widget()
        if tiles is None:
            return
        # a scroll area does not ask for its content's width: the tiles' names do
        bar = self.themes.verticalScrollBar().sizeHint().width()
        # (in portrait the page's whole width is theirs: a minimum there only pushed the
        # second column past the page's edge in accessible type)
        self.themes.setMinimumWidth(0 if portrait else tiles.minimumSizeHint().width() + bar)
        self.themes.setMinimumHeight(tiles.sizeHint().height() if portrait else 0)
        for tile in self.tiles:
            tile.setSizePolicy(
                QSizePolicy.Policy.Expanding,
                QSizePolicy.Policy.Preferred if portrait else QSizePolicy.Policy.Expanding,
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

"""The search page: the field and its on-screen keyboard, format and theme filters, the results.

The keyboard is shown while the visitor types and steps aside (the list gets its height back)
when they tap "Rechercher", flick the results or pick a filter; a tap on the field brings it
back. The theme filter opens a grid of themes in place of the results.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk.documents.catalogue import (
    MAX_SNIPPET_ROWS,
    SNIPPET_ROWS,
    DocumentKind,
    SearchResults,
    ThemeCount,
    theme_icon,
)
from kiosk.documents.index import COUNT_CAP
from ui.documents.browse import SearchEntry
from ui.documents.desk import SearchRequest
from ui.documents.document_list import (
    ROW_GAP,
    DocumentListView,
    counted,
    documents_text,
    kinetic,
    theme_label,
)
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.keyboard import OnScreenKeyboard, fit_page_margins

SUGGESTIONS = 4
SUGGESTION_COLUMNS = 2
THEME_COLUMNS = 3


class NoResults(QWidget):
    """ "Aucun résultat": the spelling the index knows, and themes to browse instead."""

    retry = Signal(str)
    theme_chosen = Signal(str)

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.english_themes: dict[str, str] = {}  # the themes' English names (SearchPage)
        self._spelling = ""
        self.message = named(QLabel(wordWrap=True), "emptyState")
        self.did_you_mean = TouchButton(theme, "search", role="primary", icon_colour="on_accent")
        self.did_you_mean.setObjectName("didYouMean")
        self.did_you_mean.clicked.connect(lambda: self.retry.emit(self._spelling))
        self.hint = named(QLabel(), "sectionTitle")
        self.themes = [TouchButton(theme, "books", icon_colour="documents", icon_size=40)
                       for _ in range(SUGGESTIONS)]  # fmt: skip
        # two a row: four in one row ran off a 1366 px panel and a portrait one
        row = QGridLayout()
        row.setSpacing(16)
        for n, button in enumerate(self.themes):
            button.setObjectName("suggestedTheme")
            # the theme itself (the filter's key), not its shown name
            button.clicked.connect(
                lambda _=False, b=button: self.theme_chosen.emit(b.property("theme"))
            )
            row.addWidget(button, n // SUGGESTION_COLUMNS, n % SUGGESTION_COLUMNS)
        row.setColumnStretch(SUGGESTION_COLUMNS, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 24, 0, 0)
        column.setSpacing(24)
        column.addWidget(self.message)
        column.addWidget(self.did_you_mean, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.hint)
        column.addLayout(row)
        column.addStretch(1)
        self._results: SearchResults | None = None
        self._spelling = ""
        self._failed = False

    def clear(self) -> None:
        """Idle reset: the last visitor's words and the spelling offered for them go, so that
        they are not read again the next time the panel shows."""
        self._results = None
        self._spelling = ""
        self._failed = False
        for widget in (self.did_you_mean, *self.themes):
            widget.hide()
            widget.setText("")
        self.message.clear()

    def show_unavailable(self) -> None:
        """The search itself failed: say so, with nothing to try instead."""
        self._failed = True
        self._spelling = ""
        for widget in (self.did_you_mean, self.hint, *self.themes):
            widget.hide()
        self.retranslate()

    def show_results(self, results: SearchResults) -> None:
        self._failed = False
        self.hint.show()
        self._results = results
        self._spelling = results.did_you_mean or ""
        for button, name in zip(self.themes, results.suggested_themes, strict=False):
            button.setProperty("theme", name)
            button.setText(theme_label(name, self.english_themes.get(name, "")))
            button.set_icon_name(theme_icon(name))
        for n, button in enumerate(self.themes):
            button.setVisible(n < len(results.suggested_themes))
        self.did_you_mean.setVisible(bool(self._spelling))
        self.retranslate()

    def retranslate(self) -> None:
        query = self._results.query.strip() if self._results else ""
        if self._failed:
            self.message.setText(
                self.tr(
                    "La recherche est indisponible pour le moment\u202f: réessayez dans "
                    "quelques minutes, ou demandez à l’accueil du Smart Corner."
                )
            )
        else:
            self.message.setText(
                self.tr("Aucun résultat pour «\u202f%1\u202f».").replace("%1", query)
            )
        self.did_you_mean.setText(
            self.tr("Vouliez-vous dire «\u202f%1\u202f»\u202f?").replace("%1", self._spelling)
        )
        self.hint.setText(self.tr("Essayez plutôt un thème\u202f:"))
        for button in self.themes:
            name = button.property("theme") or ""
            button.setText(theme_label(name, self.english_themes.get(name, "")))


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless area that a finger flicks when it is taller than the room."""
    area = QScrollArea()
    area.setObjectName("searchBodyScroll")
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.viewport().setAutoFillBackground(False)
    content.setAutoFillBackground(False)
    kinetic(area)
    return area


class SearchPage(QWidget):
    request_changed = Signal(object)  # SearchRequest
    document_chosen = Signal(object)  # SearchHit
    submitted = Signal()

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._theme_name: str | None = None
        self._english_themes: dict[str, str] = {}  # imported themes' manifest English names
        self._kind: DocumentKind | None = None
        self.field = SearchEntry(theme)
        self.field.textChanged.connect(self._changed)
        self.field.tapped.connect(lambda: self.show_keyboard(True))
        self.clear = TouchButton(theme, "x", icon_size=36)
        self.clear.setObjectName("clearSearch")
        self.clear.clicked.connect(self.field.clear)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(self.field, 1)
        top.addWidget(self.clear)

        self.formats = QButtonGroup(self)
        filters = QHBoxLayout()
        filters.setSpacing(12)
        scope_row = QHBoxLayout()
        scope_row.setSpacing(12)
        for n, kind in enumerate((None, *DocumentKind)):
            chip = TouchButton(theme, role="chip", checked_colour="on_accent")
            chip.setCheckable(True)
            chip.setProperty("kind", kind.value if kind else "")
            self.formats.addButton(chip, n)
            filters.addWidget(chip)
        self.formats.button(0).setChecked(True)
        self.formats.idClicked.connect(self._format_clicked)
        self.theme_chip = TouchButton(theme, "filter", role="chip", icon_size=32)
        self.theme_chip.setObjectName("themeFilter")
        self.theme_chip.clicked.connect(self._toggle_themes)
        scope_row.addWidget(self.theme_chip)
        scope_row.addStretch(1)
        self.count = named(QLabel(), "resultCount")
        scope_row.addWidget(self.count)
        # A theme left on narrows every later search: the list says so, and one tap widens it.
        self.scope = TouchButton(theme, "x", role="chip", icon_size=28)
        self.scope.setObjectName("searchScope")
        self.scope.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the cross after the words
        self.scope.clicked.connect(lambda: self.set_theme(None))
        self.scope.hide()
        scope_row.addWidget(self.scope)
        # Formats then theme and count on one line; two lines when the page is too narrow
        # for both (a portrait panel, English, accessible mode).
        filters.addStretch(1)
        self._filters = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._filters.setSpacing(24)
        self._formats_row, self._scope_row = filters, scope_row
        self._filters.addLayout(filters)
        self._filters.addLayout(scope_row)
        # Out of the way while the keyboard is up (the results get the room: three rows above
        # the keyboard at 1920x1080, two at 1366x768), unless a filter narrows the search: the
        # visitor must see that while typing. Back with the results' full rows.
        self.filters_bar = QWidget()
        self.filters_bar.setLayout(self._filters)
        self._filters.setContentsMargins(0, 0, 0, 0)

        self.results = DocumentListView(theme)
        self.results.activated_hit.connect(self.document_chosen)
        self.results.scrolled_by_hand.connect(lambda: self.show_keyboard(False))
        self.empty = NoResults(theme)
        self.empty.english_themes = self._english_themes
        self.empty.retry.connect(self.field.setText)
        self.empty.theme_chosen.connect(self._browse_theme)
        self.theme_grid = QWidget()
        self._grid = QGridLayout(self.theme_grid)
        self._grid.setSpacing(16)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._theme_buttons: list[TouchButton] = []
        # "Aucun résultat" and the theme grid scroll rather than push the keyboard's rows
        # into each other: the page's minimum height is the keyboard's, not theirs.
        self._empty_page = scrolling(self.empty)
        self._themes_page = scrolling(self.theme_grid)
        # The pages stack in a widget of their own: switching them re-enables the updates of
        # the stack's parent widget, which repaints all of it (with a layout nested in the
        # page's, that was the whole page, keyboard included: 12 ms on each "Aucun résultat").
        self._stack = QWidget()
        self._body = QStackedLayout(self._stack)
        self._body.setContentsMargins(0, 0, 0, 0)

        self.keyboard = OnScreenKeyboard(theme)
        self.keyboard.set_target(self.field)
        self.keyboard.submitted.connect(self._submit)

        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.filters_bar)
        column.addWidget(self._stack, 1)
        for widget in (self.results, self._empty_page, self._themes_page):
            self._body.addWidget(widget)
        column.addWidget(self.keyboard)
        self._column = column
        theme.changed.connect(self._fit)
        self._fit()
        self.retranslate()  # (the filters' line out of the way: the keyboard starts up)
        self.results.set_compact(self._typing)

    def _fit(self) -> None:
        """Margins and gaps at the screen's scale (see :func:`fit_page_margins`)."""
        fit_page_margins(self, self._column, self._theme, top=40, bottom=16, spacing=20)
        margins = self._column.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        wide = self._formats_row.sizeHint().width() + self._filters.spacing()
        wide += self._scope_row.sizeHint().width()
        direction = QBoxLayout.Direction.LeftToRight
        if self.width() > 0 and wide > room:
            direction = QBoxLayout.Direction.TopToBottom
        if self._filters.direction() != direction:
            self._filters.setDirection(direction)
            self._column.activate()  # now, not after one more trip through the event loop

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit()
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a chip's words or font changed
            self._fit()
        return super().event(event)

    # -- what the visitor asks -------------------------------------------------------------
    @property
    def request(self) -> SearchRequest:
        """What the list is to show. While the keyboard is up the rows are compact, without
        snippets: none is cut (the keyboard stepping aside asks again, with them)."""
        snippets = 0 if self._typing else self.rows_shown()
        return SearchRequest(self.field.text(), self._theme_name, self._kind, snippets)

    @property
    def _typing(self) -> bool:
        return not self.keyboard.isHidden()

    def rows_shown(self) -> int:
        """Result rows this page shows once the keyboard is down (the list takes its room):
        those found by their body get a snippet cut from it, the others their summary. Four on a
        landscape panel, nine on a portrait totem; cutting eight snippets where four show
        was a third of a keystroke's search (``bench/documents.py``)."""
        row = self.results.delegate.full_height + ROW_GAP
        room = self._stack.height()
        if not self.keyboard.isHidden():  # it steps aside
            room += self._column.spacing() + self.keyboard.height()
        if self.filters_bar.isHidden():  # they come back
            room -= self._column.spacing() + self.filters_bar.sizeHint().height()
        if room < row:  # not laid out yet
            return SNIPPET_ROWS
        return min(MAX_SNIPPET_ROWS, -(-room // row))  # a row cut at the bottom shows too

    def start(self, *, theme: str | None = None, typing: bool) -> None:
        """Open the page afresh: an empty field, maybe one theme, keyboard up if ``typing``."""
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self._kind = None
        self.formats.button(0).setChecked(True)
        self.set_theme(theme)
        self.show_keyboard(typing)

    def set_theme(self, theme: str | None) -> None:
        self._theme_name = theme or None
        self._refresh_theme_chip()
        self._changed()

    def _browse_theme(self, theme: str) -> None:
        """A theme suggested instead of nothing: the words that found nothing go."""
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self.set_theme(theme)

    def set_themes(self, themes: tuple[ThemeCount, ...]) -> None:
        """The themes the filter offers (those that have documents)."""
        for button in self._theme_buttons:
            button.deleteLater()
        self._theme_buttons = []
        self._english_themes.clear()  # shared with the no-result page's suggestions
        self._english_themes.update({t.theme: t.theme_en for t in themes if t.theme_en})
        names = [None, *(t.theme for t in themes)]
        for n, name in enumerate(names):
            button = TouchButton(self._theme, theme_icon(name) if name else "books",
                                 icon_colour="documents", icon_size=40)  # fmt: skip
            button.setObjectName("themeChoice")
            button.setProperty("theme", name or "")
            button.setText(self._label(name) if name else self.tr("Tous les thèmes"))
            button.clicked.connect(lambda _=False, t=name: self._theme_picked(t))
            self._grid.addWidget(button, n // THEME_COLUMNS, n % THEME_COLUMNS)
            self._theme_buttons.append(button)

    def show_keyboard(self, visible: bool, *, ask_again: bool = True) -> None:
        """Up: the field takes the keys, the rows go compact. Down: the list takes the room,
        its rows their snippets, which the answers given while typing did not have (asked
        for again unless ``ask_again`` is False: the caller asks anew)."""
        typing = self._typing
        self.keyboard.setVisible(visible)
        self._refresh_filters_bar()
        self.results.set_compact(visible)
        if visible:
            self.field.setFocus()
        elif typing and ask_again and self.field.text().strip():
            self._fit()  # the filters' line(s) back: the list's new height, for the rows it shows
            self.filters_bar.updateGeometry()
            self._column.activate()
            self.request_changed.emit(self.request)

    def show_results(self, results: SearchResults) -> None:
        if self._body.currentWidget() is self._themes_page:
            return  # choosing a theme: the answer to the old filters is moot
        self.results.set_hits(results.hits)
        if results.hits or not results.query.strip():
            self._body.setCurrentWidget(self.results)
        else:
            self.empty.show_results(results)
            self._body.setCurrentWidget(self._empty_page)
        self._set_count(results)

    def show_unavailable(self) -> None:
        if self._body.currentWidget() is self._themes_page:
            return
        self.results.set_hits([])
        self.count.clear()
        self.empty.show_unavailable()
        self._body.setCurrentWidget(self._empty_page)

    # -- reactions -------------------------------------------------------------------------
    def _changed(self) -> None:
        if self._body.currentWidget() is self._themes_page:
            self._body.setCurrentWidget(self.results)
        self.request_changed.emit(self.request)  # first: the worker starts on it meanwhile
        self._refresh_scope()

    def _refresh_filters_bar(self) -> None:
        narrowed = bool(self._theme_name) or self._kind is not None
        self.filters_bar.setVisible(narrowed or not self._typing)

    def _refresh_scope(self) -> None:
        self._refresh_filters_bar()
        narrowed = bool(self._theme_name) and bool(self.field.text().strip())
        shown = self._label(self._theme_name or "")
        self.scope.setText(self.tr("dans %1 · tout afficher").replace("%1", shown))
        self.scope.setAccessibleName(
            self.tr("Chercher dans tous les thèmes, pas seulement %1").replace("%1", shown)
        )
        self.scope.setVisible(narrowed)

    def _submit(self) -> None:
        self.show_keyboard(False)
        self.submitted.emit()

    def _format_clicked(self, n: int) -> None:
        value = self.formats.button(n).property("kind")
        self._kind = DocumentKind(value) if value else None
        self.show_keyboard(False, ask_again=False)
        self._changed()

    def _toggle_themes(self) -> None:
        if self._body.currentWidget() is self._themes_page:
            self._body.setCurrentWidget(self.results)
            return
        self.show_keyboard(False)
        self.count.clear()  # it counted the results the grid now hides
        self._body.setCurrentWidget(self._themes_page)

    def _theme_picked(self, theme: str | None) -> None:
        self._body.setCurrentWidget(self.results)
        self.set_theme(theme)

    def _label(self, theme: str) -> str:
        return theme_label(theme, self._english_themes.get(theme, ""))

    def _refresh_theme_chip(self) -> None:
        self.theme_chip.setText(
            self._label(self._theme_name) if self._theme_name else self.tr("Tous les thèmes")
        )
        self.theme_chip.setChecked(False)
        self.theme_chip.setProperty("active", bool(self._theme_name))
        self.theme_chip.style().unpolish(self.theme_chip)
        self.theme_chip.style().polish(self.theme_chip)

    def _set_count(self, results: SearchResults) -> None:
        if results.total >= COUNT_CAP:
            self.count.setText(self.tr("Plus de %1 résultats").replace("%1", str(COUNT_CAP)))
        elif results.query.strip():
            one, many = self.tr("%1 résultat"), self.tr("%1 résultats")
            self.count.setText(counted(results.total, one, many))
        else:
            self.count.setText(documents_text(results.total))
        self._fit()

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("Tapez un mot\u202f: hameçonnage, RGPD, IA…"))
        self.clear.setAccessibleName(self.tr("Effacer la recherche"))
        labels = (self.tr("Tout"), self.tr("PDF"), self.tr("Articles"), self.tr("Vidéos"),
                  self.tr("Liens"))  # fmt: skip
        for n, label in enumerate(labels):
            self.formats.button(n).setText(label)
        self.keyboard.set_action_label(self.tr("Rechercher"))
        for button in self._theme_buttons:
            name = button.property("theme")
            button.setText(self._label(name) if name else self.tr("Tous les thèmes"))
        self._refresh_theme_chip()
        self._refresh_scope()
        self._fit()  # the words' widths changed: one line of filters or two

    def reset(self) -> None:
        """Nothing of the last visitor's search stays, not even out of sight."""
        self.keyboard.reset()
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self._theme_name, self._kind = None, None
        self.formats.button(0).setChecked(True)
        self._refresh_theme_chip()
        self._refresh_scope()
        self.results.set_hits([])
        self.count.clear()
        self.empty.clear()
        self._body.setCurrentWidget(self.results)
        self.show_keyboard(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

"""The reader: a PDF (QtPdf), an article (rich text), a video (QtMultimedia) or a link's card,
with the take-away column (QR code of the public link, "Imprimer la fiche") beside it and the
in-document search under it.

In-document search asks our own index (accent-insensitive: QPdfSearchModel is not, and fills
in page by page) and lists the pages that match; a tap jumps there.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedLayout,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kiosk.documents.catalogue import DocumentKind, DocumentSummary, PageHit
from ui.documents.browse import SearchEntry
from ui.documents.document_list import (
    KIND_ICONS,
    kinetic,
    meta_line,
    pages_text,
    split_highlights,
)
from ui.documents.media_player import MediaPlayer
from ui.documents.opening import OpeningNotice
from ui.documents.pdf_viewer import PdfViewer
from ui.formatting import in_english
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel
from ui.widgets.keyboard import OnScreenKeyboard
from ui.widgets.qr_code import QrCodeWidget

QR_SIZE = 240
SIDE_WIDTH = 480
TEXT_SLACK = 32  # a styled button's size hint falls a few pixels short of its bold text
PORTRAIT_FINDER_HEIGHT = 560  # on a totem the search panel sits under the page
QWIDGETSIZE_MAX = (1 << 24) - 1


class TakeAway(QWidget):
    """The QR code of the public link and the "Imprimer la fiche" button."""

    print_requested = Signal()

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("takeAway")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFixedWidth(SIDE_WIDTH)
        self.title = named(QLabel(wordWrap=True), "sectionTitle")
        self.qr = QrCodeWidget(QR_SIZE)
        self.hint = named(QLabel(wordWrap=True), "takeAwayHint")
        self.link = named(QLabel(wordWrap=True), "takeAwayLink")
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.print = TouchButton(theme, "printer", role="primary", icon_colour="on_accent")
        self.print.setObjectName("printFiche")
        self.print.clicked.connect(self.print_requested)
        self._theme = theme
        theme.changed.connect(self._fit)
        self.status = named(QLabel(wordWrap=True), "printStatus")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(28, 28, 28, 28)
        self._grid.setHorizontalSpacing(28)
        self._grid.setVerticalSpacing(18)
        self.portrait = False
        self.arrange(portrait=False)
        self._fit()
        self.retranslate()

    def arrange(self, *, portrait: bool) -> None:
        """A column beside the page, or in portrait a band under it: the code on the left, the
        words and « Imprimer la fiche » on its right (a 400 px column beside the page left the
        page 470 px wide and the zoom buttons laid over each other)."""
        grid = self._grid
        self.portrait = portrait
        parts = (self.title, self.qr, self.hint, self.link, self.status, self.print)
        for part in parts:
            grid.removeWidget(part)
        for row in range(7):
            grid.setRowStretch(row, 0)
        centre = Qt.AlignmentFlag.AlignHCenter
        if portrait:
            grid.addWidget(self.title, 0, 0, 1, 2)
            grid.addWidget(self.qr, 1, 0, 4, 1, Qt.AlignmentFlag.AlignTop)
            words: tuple[QWidget, ...] = (self.hint, self.link, self.status, self.print)
            for row, word in enumerate(words, 1):
                grid.addWidget(word, row, 1)
            grid.setColumnStretch(1, 1)
        else:
            grid.addWidget(self.title, 0, 0)
            grid.addWidget(self.qr, 1, 0, centre)
            grid.addWidget(self.hint, 2, 0)
            grid.addWidget(self.link, 3, 0)
            grid.setRowStretch(4, 1)
            grid.addWidget(self.status, 5, 0)
            grid.addWidget(self.print, 6, 0)
            grid.setColumnStretch(1, 0)

    def _fit(self) -> None:
        """The accessible theme's larger type leaves no room for the address: the QR has it.
        The code at the panel's scale: 240 px unscaled stood over its caption at 1366x768
        (a fixed size does not give way in a layout). Still about 4 cm: a phone reads it."""
        self.link.setVisible(not self._theme.accessible)
        side = self._theme.tokens.px(QR_SIZE)
        self.qr.setFixedSize(side, side)

    def show_link(self, link: str, can_print: bool) -> None:
        self.qr.set_payload(link)
        self.link.setText(link)
        self.print.setVisible(can_print)
        self.print.setEnabled(True)
        self.status.clear()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Emporter ce document"))
        self.hint.setText(self.tr("Scannez le QR code avec l’appareil photo de votre téléphone."))
        self.print.setText(self.tr("Imprimer la fiche"))


class FindPanel(QWidget):
    """Search inside the open document: a field, its keyboard, the pages that match."""

    query = Signal(str)
    page_chosen = Signal(int)
    closed = Signal()
    typing = Signal()  # the field was tapped: the keyboard should come up

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = SearchEntry(theme)
        self.field.tapped.connect(self.typing)
        self.field.textChanged.connect(self.query)
        self.close_button = TouchButton(theme, "x", icon_size=36)
        self.close_button.setObjectName("closeFind")
        self.close_button.clicked.connect(self.closed)
        self.count = named(QLabel(), "resultCount")
        self.pages = named(QListWidget(), "pageHits")
        self.pages.setWordWrap(True)
        self.pages.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.pages.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pages.itemClicked.connect(
            lambda item: self.page_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        kinetic(self.pages)
        self.title = named(QLabel(), "sectionTitle")
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.title, 1)
        top.addWidget(self.close_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addLayout(top)
        column.addWidget(self.field)
        column.addWidget(self.count)
        column.addWidget(self.pages, 1)
        self.retranslate()

    def start(self) -> None:
        self.field.clear()
        self.pages.clear()
        self.count.clear()
        self.field.setFocus()

    def clear(self) -> None:
        """The document closes: its words looked for and the pages found go with it (no new
        search is asked for, there is nothing left to search)."""
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self.pages.clear()
        self.count.clear()

    def show_hits(self, hits: list[PageHit]) -> None:
        self.pages.clear()
        for hit in hits:
            text, _ = split_highlights(" ".join(hit.snippet.split()))
            item = QListWidgetItem(self.tr("Page %1\u202f: %2").replace("%1", str(hit.page_number))
                                   .replace("%2", text))  # fmt: skip
            item.setSizeHint(QSize(SIDE_WIDTH - 40, 112))
            item.setData(Qt.ItemDataRole.UserRole, hit.page_number)
            self.pages.addItem(item)
        if self.field.text().strip():
            self.count.setText(pages_text(len(hits)))
        else:
            self.count.clear()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Chercher dans ce document"))
        self.field.setPlaceholderText(self.tr("Un mot…"))
        self.close_button.setAccessibleName(self.tr("Fermer la recherche"))


class DocumentReader(QWidget):
    find_requested = Signal(str)  # text to find in the open document
    print_requested = Signal()

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: DocumentSummary | None = None
        self.badge = IconLabel(theme, "file-text", 56, colour="documents")
        self.badge.setObjectName("readerBadge")
        self.badge.setFixedSize(96, 96)
        self.title = named(QLabel(), "readerTitle")
        self.title.setWordWrap(True)  # a long title on a totem: two lines, not cut mid-word
        self.meta = named(QLabel(), "readerMeta")
        heading = QVBoxLayout()
        heading.setSpacing(4)
        heading.addWidget(self.title)
        heading.addWidget(self.meta)
        header = QHBoxLayout()
        header.setSpacing(24)
        header.addWidget(self.badge)
        header.addLayout(heading, 1)

        self.pdf = PdfViewer()
        self.article = named(QTextBrowser(), "articleView")
        self.article.setOpenLinks(False)
        self.article.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        kinetic(self.article)
        self.media = MediaPlayer(theme)
        self.link_card = named(QLabel(wordWrap=True,
                                alignment=Qt.AlignmentFlag.AlignCenter), "linkCard")  # fmt: skip
        self.failure = named(QLabel(wordWrap=True,
                              alignment=Qt.AlignmentFlag.AlignCenter), "emptyState")  # fmt: skip
        self.opening = OpeningNotice()
        self._content = QStackedLayout()
        for widget in (self.pdf, self.article, self.media, self.link_card, self.failure,
                       self.opening):  # fmt: skip
            # parented first: a stacked layout with no widget of its own would show its first
            # page as a window, which took the keyboard focus from the kiosk
            widget.setParent(self)
            self._content.addWidget(widget)

        self.previous = TouchButton(theme, "chevron-left", icon_size=40)
        self.previous.setObjectName("previousPage")
        self.previous.clicked.connect(self.pdf.previous_page)
        self.page_label = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "pageCounter")
        self.next = TouchButton(theme, "chevron-right", icon_size=40)
        self.next.setObjectName("nextPage")
        self.next.clicked.connect(self.pdf.next_page)
        self.zoom_out = TouchButton(theme, "zoom-out", icon_size=40)
        self.zoom_out.setObjectName("zoomOut")
        self.zoom_out.clicked.connect(lambda: self.pdf.zoom_out())
        self.zoom_in = TouchButton(theme, "zoom-in", icon_size=40)
        self.zoom_in.setObjectName("zoomIn")
        self.zoom_in.clicked.connect(lambda: self.pdf.zoom_in())
        self.fit = TouchButton(theme, "arrow-autofit-width", icon_size=40)
        self.fit.setObjectName("zoomFit")
        self.fit.clicked.connect(self.pdf.fit_width)
        self.find_button = TouchButton(theme, "file-search", icon_size=40)
        self.find_button.setObjectName("findInDocument")
        self.find_button.clicked.connect(self.open_find)
        self.toolbar = named(QWidget(), "readerToolbar")
        self._bar = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.toolbar)
        self._bar.setContentsMargins(0, 0, 0, 0)
        self._bar.setSpacing(24)
        self._pages_row, self._zoom_row = QHBoxLayout(), QHBoxLayout()
        for row, items in ((self._pages_row, (self.previous, self.page_label, self.next)),
                           (self._zoom_row, (self.zoom_out, self.zoom_in, self.fit))):  # fmt: skip
            row.setSpacing(12)
            for item in items:
                row.addWidget(item)
            self._bar.addLayout(row)
        self._pages_row.addStretch(1)
        self._zoom_row.addStretch(1)
        self._zoom_row.addWidget(self.find_button)
        self.toolbar.installEventFilter(self)
        # after the new style sheet has sized the buttons: the words may fit again, or no more
        theme.changed.connect(self._fit_toolbar_later)
        self.pdf.page_changed.connect(self._page_changed)
        self.pdf.zoom_changed.connect(self._zoom_changed)

        self.finder = FindPanel(theme)
        self.finder.setObjectName("findPanel")
        self.finder.setFixedWidth(SIDE_WIDTH)
        self.finder.query.connect(self.find_requested)
        self.finder.page_chosen.connect(self._page_chosen)
        self.finder.closed.connect(self.close_find)
        self.finder.typing.connect(self._show_keyboard)
        self.take_away = TakeAway(theme)
        self.take_away.print_requested.connect(self.print_requested)
        side = named(QWidget(), "readerSide")
        side.setFixedWidth(SIDE_WIDTH)  # the take-away column keeps its width, the page the rest
        self._side_widget = side
        side.installEventFilter(self)  # on a totem its height follows its width
        self._side = QStackedLayout(side)
        self._side.addWidget(self.take_away)
        self._side.addWidget(self.finder)
        self.keyboard = OnScreenKeyboard(theme)
        self.keyboard.set_target(self.finder.field)
        self.keyboard.submitted.connect(self.keyboard.hide)
        self.keyboard.hide()

        left = QVBoxLayout()
        left.setSpacing(16)
        left.addLayout(self._content, 1)
        left.addWidget(self.toolbar)
        self._body = body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        body.setSpacing(32)
        body.addLayout(left, 1)
        body.addWidget(side)
        column = QVBoxLayout(self)
        column.setContentsMargins(64, 28, 64, 16)
        column.setSpacing(20)
        column.addLayout(header)
        column.addLayout(body, 1)
        column.addWidget(self.keyboard)
        self.retranslate()

    # -- showing a document ----------------------------------------------------------------
    def show_document(self, doc: DocumentSummary, body_html: str, file: Path | None) -> None:
        self.close_document()
        self.document = doc
        self.badge.set_icon(KIND_ICONS[doc.kind])
        self.title.setText(doc.title_in(in_english()))
        self.meta.setText(meta_line(doc))
        self.toolbar.setVisible(doc.kind is DocumentKind.PDF)
        if doc.kind is DocumentKind.PDF and file is not None and self.pdf.open(file):
            self._content.setCurrentWidget(self.pdf)
        elif doc.kind is DocumentKind.ARTICLE:
            self.article.setHtml(body_html or f"<p>{doc.summary}</p>")
            self._content.setCurrentWidget(self.article)
        elif doc.kind is DocumentKind.VIDEO and file is not None and self.media.available:
            self.media.play(file)
            self._content.setCurrentWidget(self.media)
        elif doc.kind in (DocumentKind.LINK, DocumentKind.VIDEO):
            self._content.setCurrentWidget(self.link_card)
        else:
            self.toolbar.hide()
            self._content.setCurrentWidget(self.failure)
        self._retranslate_content()

    def show_opening(self) -> None:
        """A moving bar until :meth:`show_document`: never a blank pane that looks broken."""
        self.toolbar.hide()
        self._content.setCurrentWidget(self.opening)

    def show_unavailable(self, message: str) -> None:
        self.toolbar.hide()
        self.failure.setText(message)
        self._content.setCurrentWidget(self.failure)

    def set_take_away(self, link: str, can_print: bool) -> None:
        self.take_away.show_link(link, can_print)

    def close_document(self) -> None:
        """Nothing of the last document stays: file closed, video stopped, text dropped."""
        self.close_find()
        self.finder.clear()
        self.pdf.close_document()
        self.media.stop()
        self.article.clear()
        self.document = None
        self.title.clear()
        self.meta.clear()
        self.take_away.show_link("", False)

    @property
    def playing(self) -> bool:
        return self.media.playing

    # -- in-document search ----------------------------------------------------------------
    def open_find(self) -> None:
        self._side.setCurrentWidget(self.finder)
        self._fit_side()
        self.finder.start()
        self.keyboard.reset()
        self.keyboard.show()

    def close_find(self) -> None:
        self.keyboard.hide()
        self.keyboard.reset()
        self._side.setCurrentWidget(self.take_away)
        self._fit_side()

    def _page_chosen(self, page: int) -> None:
        self.keyboard.hide()
        self.pdf.go_to(page)

    def show_page_hits(self, hits: list[PageHit]) -> None:
        self.finder.show_hits(hits)
        if hits:
            self.pdf.go_to(hits[0].page_number)

    # -- state -----------------------------------------------------------------------------
    def _page_changed(self, page: int, count: int) -> None:
        self.page_label.setText(self.tr("Page %1 / %2").replace("%1", str(page))
                                .replace("%2", str(count)))  # fmt: skip
        self.previous.setEnabled(page > 1)
        self.next.setEnabled(page < count)

    def _zoom_changed(self) -> None:
        self.zoom_in.setEnabled(self.pdf.can_zoom_in())
        self.zoom_out.setEnabled(self.pdf.can_zoom_out())
        self.fit.setEnabled(self.pdf.can_zoom_out())

    def _retranslate_content(self) -> None:
        doc = self.document
        if doc is not None and doc.kind is DocumentKind.VIDEO:
            self.link_card.setText(self.tr("Cette vidéo se regarde sur votre téléphone\u202f: "
                                           "scannez le QR code ci-contre."))  # fmt: skip
        else:
            self.link_card.setText(
                self.tr(
                    "Ce document est une page web\u202f: scannez le QR code "
                    "ci-contre pour l’ouvrir sur votre téléphone."
                )
            )
        self.failure.setText(self.tr("Ce document ne peut pas être affiché ici. "
                                     "Emportez-le avec le QR code ci-contre."))  # fmt: skip

    def _show_keyboard(self) -> None:
        self.keyboard.show()

    def retranslate(self) -> None:
        self.previous.setAccessibleName(self.tr("Page précédente"))
        self.next.setAccessibleName(self.tr("Page suivante"))
        self.zoom_in.setAccessibleName(self.tr("Agrandir"))
        self.zoom_out.setAccessibleName(self.tr("Réduire"))
        self.fit.setAccessibleName(self.tr("Ajuster à la largeur"))
        self.find_button.setAccessibleName(self.tr("Chercher dans le document"))
        self._fit_toolbar()
        self.keyboard.set_action_label(self.tr("OK"))
        self.take_away.retranslate()
        self.finder.retranslate()
        if self.document is not None:
            self.meta.setText(meta_line(self.document))
            self._page_changed(self.pdf.current_page, self.pdf.page_count)
        self._retranslate_content()
        self._fit_side()

    def _fit_toolbar(self) -> None:
        """One row where the bar has room, the page buttons above the zoom buttons where it has
        not (1366x768, portrait totems, the large accessible type); then « Ajuster » and the
        find button lose their words before anything is cut: a cut word reads worse than an
        icon, and the accessible names keep the words for the voice."""
        labels = ((self.fit, self.tr("Ajuster")),
                  (self.find_button, self.tr("Chercher dans le document")))  # fmt: skip
        for button, text in labels:
            button.setText(text)
        room = self.toolbar.width() - TEXT_SLACK
        one_row = row_width(self._pages_row) + self._bar.spacing() + row_width(self._zoom_row)
        self._bar.setDirection(
            QBoxLayout.Direction.LeftToRight
            if one_row <= room
            else QBoxLayout.Direction.TopToBottom
        )
        for button, _ in labels:
            if one_row <= room or row_width(self._zoom_row) <= room:
                break
            button.setText("")
        for row in (self._pages_row, self._zoom_row):
            row.invalidate()
        self._bar.activate()  # now: the rows' cached hints are of the old words
        self.toolbar.updateGeometry()  # two rows need the height of two: the page gives way

    def resizeEvent(self, event: QResizeEvent) -> None:
        portrait = self.height() > self.width()
        if portrait != self.take_away.portrait:
            self._arrange(portrait=portrait)
        super().resizeEvent(event)

    def _arrange(self, *, portrait: bool) -> None:
        """Beside the page in landscape; under it, the page's full width, on a totem."""
        self._body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self.take_away.arrange(portrait=portrait)
        for widget in (self._side_widget, self.take_away, self.finder):
            if portrait:
                widget.setMinimumWidth(0)
                widget.setMaximumWidth(QWIDGETSIZE_MAX)
            else:
                widget.setFixedWidth(SIDE_WIDTH)
        # under the page, the hits list a few rows high: the page keeps the height
        self.finder.setMaximumHeight(PORTRAIT_FINDER_HEIGHT if portrait else QWIDGETSIZE_MAX)
        self._fit_side()

    def _fit_side(self) -> None:
        """Under the page, the band is as tall as what it shows (a stacked layout asks for its
        tallest page: the finder's list left the take-away band half empty)."""
        shown = self._side.currentWidget()
        side = self._side_widget
        if not self.take_away.portrait or shown is None:
            side.setMinimumHeight(0)
            side.setMaximumHeight(QWIDGETSIZE_MAX)
            return
        # the words wrap at the band's width: its height for that width, not its size hint
        # (the page, stretched, would take what the hint leaves and cut the hint's last line)
        if shown is self.finder:  # a few rows of hits: the page keeps the height
            side.setFixedHeight(self.finder.maximumHeight())
            return
        width = side.width()
        high = shown.heightForWidth(width) if shown.hasHeightForWidth() else -1
        side.setFixedHeight(max(high, shown.minimumSizeHint().height()))

    def _fit_toolbar_later(self) -> None:
        QTimer.singleShot(0, self, self._refit)

    def _refit(self) -> None:
        """After a restyle or a new language: the words take another room."""
        self._fit_toolbar()
        self._fit_side()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.toolbar and event.type() == QEvent.Type.Resize:
            self._fit_toolbar()
        elif watched is self._side_widget and event.type() == QEvent.Type.Resize:
            resize = cast(QResizeEvent, event)
            if resize.size().width() != resize.oldSize().width():
                self._fit_side()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def row_width(row: QHBoxLayout) -> int:
    """What a row of buttons needs, from its widgets' size hints (a layout's own hint is only
    brought up to date on its next activation, after a button's text changed)."""
    widgets = [item.widget() for item in map(row.itemAt, range(row.count())) if item is not None]
    hints = sum(max(widget.sizeHint().width(), widget.minimumWidth())
                for widget in widgets if widget is not None)  # fmt: skip
    return hints + row.spacing() * max(0, row.count() - 1)  # the stretch has its spacing too

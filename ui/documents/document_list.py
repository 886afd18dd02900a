"""Documents as a kinetic-scrolling list: one model, one painting delegate, no widget per row.

Used for search results (with the matched words highlighted in the snippet), a theme's
documents and "Nouveautés". The snippet arrives from the index with the matches between
``HIGHLIGHT_START`` / ``HIGHLIGHT_END``; it is laid out once per row and width (QTextLayout with
bold, tinted ranges) and reused until the model changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QStaticText,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QFrame,
    QListView,
    QScroller,
    QScrollerProperties,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kiosk.documents.catalogue import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    THEMES,
    DocumentKind,
    DocumentSummary,
    SearchHit,
)
from ui import resources
from ui.formatting import in_english
from ui.speech.narrator import TARGET
from ui.speech.phrase import Phrase, announce, phrases
from ui.theme import ThemeController, ThemeTokens

HitRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
ROW_GAP = 16
SNIPPET_LINES = 2
SNIPPET_CACHE = 200  # laid-out snippets kept: several answers' worth of visible rows
FRAME_BORDER = 2  # the card's outline, px

KIND_ICONS = {
    DocumentKind.PDF: "file-type-pdf",
    DocumentKind.ARTICLE: "article",
    DocumentKind.VIDEO: "movie",
    DocumentKind.LINK: "world-www",
}


def kind_label(kind: DocumentKind) -> str:
    return {
        DocumentKind.PDF: QCoreApplication.translate("Documents", "PDF"),
        DocumentKind.ARTICLE: QCoreApplication.translate("Documents", "Article"),
        DocumentKind.VIDEO: QCoreApplication.translate("Documents", "Vidéo"),
        DocumentKind.LINK: QCoreApplication.translate("Documents", "Lien"),
    }[kind]


def theme_label(theme: str, english: str = "") -> str:
    """A theme's name in the screen's language: the editorial themes (catalogue.THEMES) are
    translated here; an imported one shows ``english`` (its manifest's ``theme_en``) in
    English, its French name when it has none."""
    translate = QCoreApplication.translate
    if english and in_english() and all(theme != name for name, _ in THEMES):
        return english
    return {
        "Cybersécurité": translate("DocumentTheme", "Cybersécurité"),
        "Intelligence artificielle": translate("DocumentTheme", "Intelligence artificielle"),
        "Numérique responsable": translate("DocumentTheme", "Numérique responsable"),
        "Accessibilité": translate("DocumentTheme", "Accessibilité"),
        "Outils collaboratifs": translate("DocumentTheme", "Outils collaboratifs"),
        "Innovation managériale": translate("DocumentTheme", "Innovation managériale"),
        "Données et RGPD": translate("DocumentTheme", "Données et RGPD"),
        "Travail hybride": translate("DocumentTheme", "Travail hybride"),
    }.get(theme, theme)


def counted(n: int, one: str, many: str) -> str:
    """``one`` or ``many`` (already translated, with %1 for the number) for ``n``."""
    return (one if n == 1 else many).replace("%1", str(n))


def pages_text(n: int) -> str:
    return counted(
        n,
        QCoreApplication.translate("Documents", "%1 page"),
        QCoreApplication.translate("Documents", "%1 pages"),
    )


def documents_text(n: int) -> str:
    return counted(
        n,
        QCoreApplication.translate("Documents", "%1 document"),
        QCoreApplication.translate("Documents", "%1 documents"),
    )


def meta_line(doc: DocumentSummary) -> str:
    """Theme · format · length · date, as the card and the reader's header show it."""
    parts = [theme_label(doc.theme, doc.theme_en), kind_label(doc.kind)]
    if doc.page_count:
        parts.append(pages_text(doc.page_count))
    elif doc.reading_minutes:
        parts.append(
            QCoreApplication.translate("Documents", "%1 min de lecture").replace(
                "%1", str(doc.reading_minutes)
            )
        )
    parts.append(doc.published_on.strftime("%d/%m/%Y"))
    return "  ·  ".join(parts)


def split_highlights(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """The plain text and its highlighted (start, length) ranges."""
    text, ranges, start = [], [], -1
    pos = 0
    for ch in snippet:
        if ch == HIGHLIGHT_START:
            start = pos
        elif ch == HIGHLIGHT_END:
            if start >= 0:
                ranges.append((start, pos - start))
            start = -1
        else:
            text.append(ch)
            pos += 1
    return "".join(text), ranges


class DocumentListModel(QAbstractListModel):
    """The hits shown; a new answer changes the rows in place (no reset).

    While a visitor types, each keystroke brings a list much like the last one: the rows both
    lists have are told they changed, the extra ones are added or taken away, so the view keeps
    its items' layout and the delegate its laid-out snippets (keyed by text, not by row).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit] | tuple[SearchHit, ...]) -> None:
        new, old = list(hits), len(self._hits)
        if len(new) < old:
            self.beginRemoveRows(QModelIndex(), len(new), old - 1)
            self._hits = self._hits[: len(new)]
            self.endRemoveRows()
        elif len(new) > old:
            self.beginInsertRows(QModelIndex(), old, len(new) - 1)
            self._hits = self._hits + new[old:]
            self.endInsertRows()
        kept = min(old, len(new))
        changed = [n for n in range(kept) if self._hits[n] != new[n]]
        self._hits = new
        if changed:
            self.dataChanged.emit(self.index(changed[0]), self.index(changed[-1]))

    def set_documents(self, documents: list[DocumentSummary] | tuple[DocumentSummary, ...]) -> None:
        self.set_hits([SearchHit(d, d.summary, 0.0) for d in documents])

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        if role == HitRole:
            return hit
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return hit.document.title_in(in_english())
        return None


def _font(tokens: ThemeTokens, px: int, weight: QFont.Weight) -> QFont:
    font = QFont(tokens.font_family)
    font.setPixelSize(px)
    font.setWeight(weight)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


class DocumentCardDelegate(QStyledItemDelegate):
    """A card per row: format badge, title, theme · format · length · date, snippet.

    ``compact`` (while the visitor types, the keyboard up): no snippet and closer padding, so
    three rows show above the keyboard where one and a half did (1920x1080; one where none
    whole did at 1366x768); the snippets come back with the keyboard's room."""

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.compact = False
        self._layouts: dict[tuple[str, int], QTextLayout] = {}
        self._frames: dict[tuple[DocumentKind, bool, float], tuple[QPixmap, QPixmap]] = {}
        self._lines: dict[tuple[str, int, int, int], QStaticText] = {}
        self._metas: dict[tuple[object, ...], str] = {}
        self._fonts()
        theme.changed.connect(self._fonts)

    def _fonts(self) -> None:
        t = self._theme.tokens
        base = t.font_size
        self.f_title = _font(t, round(base * 1.25), QFont.Weight.DemiBold)
        self.f_meta = _font(t, base, QFont.Weight.Medium)
        self.f_text = _font(t, base, QFont.Weight.Normal)
        self.full_pad, self.compact_pad = 24, 12
        self.badge = round(base * 3.2)
        self.title_h = QFontMetrics(self.f_title).height()
        self.meta_h = QFontMetrics(self.f_meta).height()
        self.line_h = QFontMetrics(self.f_text).lineSpacing()
        self.full_height = (2 * self.full_pad + self.title_h + 6 + self.meta_h + 10
                            + SNIPPET_LINES * self.line_h)  # fmt: skip
        lines = self.title_h + 6 + self.meta_h
        self.compact_height = 2 * self.compact_pad + max(lines, self.badge)
        self.forget()

    @property
    def pad(self) -> int:
        return self.compact_pad if self.compact else self.full_pad

    @property
    def height(self) -> int:
        return self.compact_height if self.compact else self.full_height

    def forget(self) -> None:
        """Drop everything drawn or laid out before (the theme or its fonts changed)."""
        self._layouts.clear()
        self._frames.clear()
        self._lines.clear()
        self._metas.clear()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(option.rect.width(), self.height + ROW_GAP)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """The card drawn from what earlier paints kept: its frame from pieces drawn once per
        theme (:meth:`_frame`), its title and meta line from text prepared once per document
        and width (a visitor typing sees the same documents keystroke after keystroke); only
        its snippet changes (:meth:`_snippet`). Drawing the rounded frame, eliding and shaping
        the two lines again for every row of every answer was most of a repaint
        (``bench/documents.py``)."""
        hit: SearchHit = index.data(HitRole)
        t = self._theme.tokens
        rect = option.rect.adjusted(0, 0, 0, -ROW_GAP)
        pressed = bool(option.state & QStyle.StateFlag.State_Sunken)
        doc = hit.document
        painter.save()
        self._frame(painter, rect, doc.kind, pressed)
        left = rect.left() + 2 * self.full_pad + self.badge - 1  # a pad right of the badge
        width = rect.right() - self.full_pad - left
        y = rect.top() + self.pad
        if self.compact:  # the two lines in the middle, beside the badge
            y += (rect.height() - 2 * self.pad - self.title_h - 6 - self.meta_h) // 2
        english = in_english()
        painter.setPen(QColor(t.text))
        painter.setFont(self.f_title)
        title = self._line(doc.title_in(english), self.f_title, width)
        painter.drawStaticText(left, y, title)
        y += self.title_h + 6
        painter.setFont(self.f_meta)
        painter.setPen(QColor(t.documents if not t.dark else t.text_muted))
        painter.drawStaticText(left, y, self._line(self._meta(doc, english), self.f_meta, width))
        if self.compact:
            painter.restore()
            return
        y += self.meta_h + 10
        snippet = hit.snippet
        if snippet == doc.summary:  # no words highlighted: the summary, in the kiosk's language
            snippet = doc.summary_in(english)
        layout = self._snippet(snippet, width)
        painter.setPen(QColor(t.text_muted))
        painter.setClipRect(QRect(left, y, width, SNIPPET_LINES * self.line_h))
        layout.draw(painter, QPointF(left, y))
        painter.restore()

    def _frame(self, painter: QPainter, rect: QRect, kind: DocumentKind, pressed: bool) -> None:
        """The card's rounded frame and its format badge. Only the four corners and the badge
        are pictures, blended; the straight edges and the inside are plain fills: blending a
        picture of the whole card cost as much as drawing its path (0.3 ms a row at 1,700 px)."""
        ratio = painter.device().devicePixelRatioF()
        corners, badge = self._frame_parts(kind, pressed, ratio)
        t = self._theme.tokens
        c, b = self._corner, FRAME_BORDER
        x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
        surface = QColor(t.surface_muted if pressed else t.surface)
        painter.fillRect(QRect(x + b, y + c, w - 2 * b, h - 2 * c), surface)
        painter.fillRect(QRect(x + c, y + b, w - 2 * c, c - b), surface)
        painter.fillRect(QRect(x + c, y + h - c, w - 2 * c, c - b), surface)
        border = QColor(t.border)
        painter.fillRect(QRect(x + c, y, w - 2 * c, b), border)
        painter.fillRect(QRect(x + c, y + h - b, w - 2 * c, b), border)
        painter.fillRect(QRect(x, y + c, b, h - 2 * c), border)
        painter.fillRect(QRect(x + w - b, y + c, b, h - 2 * c), border)
        far = corners.width() / ratio - c  # where the far corners start in the picture
        for dx, dy, sx, sy in ((0, 0, 0, 0), (w - c, 0, far, 0), (0, h - c, 0, far),
                               (w - c, h - c, far, far)):  # fmt: skip
            painter.drawPixmap(
                QRectF(x + dx, y + dy, c, c),
                corners,
                QRectF(sx * ratio, sy * ratio, c * ratio, c * ratio),
            )
        painter.drawPixmap(x + self.full_pad, y + (h - self.badge) // 2 if self.compact
                           else y + self.pad, badge)  # fmt: skip

    @property
    def _corner(self) -> int:
        """A corner piece's side: the arc ends inside it."""
        return self._theme.tokens.radius_small + 2 * FRAME_BORDER

    def _frame_parts(
        self, kind: DocumentKind, pressed: bool, ratio: float
    ) -> tuple[QPixmap, QPixmap]:
        """A small card whose corners are the card's, and the badge: drawn once per theme."""
        key = (kind, pressed, ratio)
        parts = self._frames.get(key)
        if parts is not None:
            return parts
        t = self._theme.tokens
        side = 2 * self._corner + 2
        corners = QPixmap(round(side * ratio), round(side * ratio))
        corners.setDevicePixelRatio(ratio)
        corners.fill(Qt.GlobalColor.transparent)
        painter = QPainter(corners)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QPainterPath()
        half = FRAME_BORDER / 2
        card.addRoundedRect(
            QRectF(0, 0, side, side).adjusted(half, half, -half, -half),
            t.radius_small,
            t.radius_small,
        )
        painter.fillPath(card, QColor(t.surface_muted if pressed else t.surface))
        painter.setPen(QPen(QColor(t.border), FRAME_BORDER))
        painter.drawPath(card)
        painter.end()
        badge = QPixmap(round(self.badge * ratio), round(self.badge * ratio))
        badge.setDevicePixelRatio(ratio)
        badge.fill(Qt.GlobalColor.transparent)
        painter = QPainter(badge)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        tint = QColor(t.documents)
        tint.setAlphaF(0.14)
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, self.badge, self.badge), t.radius_small, t.radius_small)
        painter.fillPath(path, tint)
        icon_px = round(self.badge * 0.55)
        pm = resources.pixmap(KIND_ICONS[kind], t.documents, icon_px, ratio)
        middle = QRect(0, 0, self.badge, self.badge).center()
        painter.drawPixmap(middle.x() - icon_px // 2 + 1, middle.y() - icon_px // 2 + 1, pm)
        painter.end()
        self._frames[key] = (corners, badge)
        return corners, badge

    def _meta(self, doc: DocumentSummary, english: bool) -> str:
        key = (doc.slug, doc.theme, doc.kind, doc.page_count, doc.published_on, english)
        meta = self._metas.get(key)
        if meta is None:
            if len(self._metas) >= SNIPPET_CACHE:
                self._metas.clear()
            meta = self._metas[key] = meta_line(doc)
        return meta

    def _line(self, text: str, font: QFont, width: int) -> QStaticText:
        """``text`` on one line of ``width``, elided, shaped once for ``font``."""
        key = (text, width, font.pixelSize(), int(font.weight().value))
        line = self._lines.get(key)
        if line is not None:
            return line
        if len(self._lines) >= 2 * SNIPPET_CACHE:
            self._lines.clear()
        elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width)
        line = QStaticText(elided)
        line.setTextFormat(Qt.TextFormat.PlainText)
        line.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
        line.prepare(QTransform(), font)
        self._lines[key] = line
        return line

    def _snippet(self, snippet: str, width: int) -> QTextLayout:
        key = (snippet, width)
        layout = self._layouts.get(key)
        if layout is not None:
            return layout
        if len(self._layouts) >= SNIPPET_CACHE:
            self._layouts.clear()  # a few screens' worth; those in view are laid out again
        t = self._theme.tokens
        text, ranges = split_highlights(" ".join(snippet.split()))
        layout = QTextLayout(text, self.f_text)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        formats = []
        for start, length in ranges:
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setForeground(QBrush(QColor(t.text)))
            fmt.setBackground(QBrush(QColor(t.accent_soft)))
            span = QTextLayout.FormatRange()
            span.start, span.length, span.format = start, length, fmt
            formats.append(span)
        layout.setFormats(formats)
        layout.beginLayout()
        y = 0.0
        for _ in range(SNIPPET_LINES):
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            y += self.line_h
        layout.endLayout()
        self._layouts[key] = layout
        return layout


class DocumentListView(QListView):
    """The list with touch kinetic scrolling; ``activated_hit`` on a tap (not on a drag)."""

    activated_hit = Signal(object)  # SearchHit
    scrolled_by_hand = Signal()

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentList")
        self.list_model = DocumentListModel(self)
        self.delegate = DocumentCardDelegate(theme, self)
        self.setModel(self.list_model)
        self.setItemDelegate(self.delegate)
        self.setUniformItemSizes(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.clicked.connect(lambda index: self.activated_hit.emit(index.data(HitRole)))
        # The speech path: the keys reach the list, ↑/↓ move along it, Enter opens.
        self.setProperty(TARGET, True)
        self.activated.connect(lambda index: self.activated_hit.emit(index.data(HitRole)))
        theme.changed.connect(self.doItemsLayout)
        kinetic(self)
        QScroller.scroller(self.viewport()).stateChanged.connect(self._scroller_state)

    def _scroller_state(self, state: QScroller.State) -> None:
        if state == QScroller.State.Dragging:
            self.scrolled_by_hand.emit()

    def set_hits(self, hits: tuple[SearchHit, ...] | list[SearchHit]) -> None:
        """A new answer starts at its top; the same documents again (now with their snippets,
        asked for as the keyboard steps aside) stay where the finger scrolled them."""
        model = self.list_model
        same = [h.document.slug for h in hits] == [
            model.hit(n).document.slug for n in range(model.rowCount())
        ]
        model.set_hits(hits)
        if not same:
            self.scrollToTop()

    def set_compact(self, compact: bool) -> None:
        """Rows without their snippet, closer together (see :class:`DocumentCardDelegate`)."""
        if self.delegate.compact != compact:
            self.delegate.compact = compact
            self.doItemsLayout()

    def dataChanged(
        self,
        topLeft: Index,
        bottomRight: Index,
        roles: Sequence[int] = (),
    ) -> None:
        """Rows whose hit changed are repainted, not laid out again: every row has the same
        height (``uniformItemSizes``), yet QListView lays all of them out on any change, and
        does it while painting, which then paints the list a second time (2 ms a keystroke)."""
        QAbstractItemView.dataChanged(self, topLeft, bottomRight, list(roles))

    def spoken(self) -> list[Phrase]:
        """The document the keys are on: its title, then its kind, theme and date."""
        index = self.currentIndex()
        if not index.isValid():
            return phrases(documents_text(self.list_model.rowCount()))
        doc = self.list_model.hit(index.row()).document
        return phrases(doc.title_in(in_english()), meta_line(doc))

    def focusInEvent(self, event: QFocusEvent) -> None:
        if not self.currentIndex().isValid() and self.list_model.rowCount():
            self.setCurrentIndex(self.list_model.index(0, 0))
        super().focusInEvent(event)

    def currentChanged(self, current: Index, previous: Index) -> None:
        super().currentChanged(current, previous)
        if self.hasFocus():
            announce(self)


def kinetic(view: QAbstractScrollArea) -> None:
    """Flick scrolling with a finger (or the mouse), as on a phone."""
    QScroller.grabGesture(view.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(view.viewport())
    props = scroller.scrollerProperties()
    props.setScrollMetric(
        QScrollerProperties.ScrollMetric.VerticalOvershootPolicy,
        QScrollerProperties.OvershootPolicy.OvershootWhenScrollable,
    )
    props.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.004)
    scroller.setScrollerProperties(props)

"""The pieces of the staff door screen: lock pad, event list, counters, last verdict, last scans.

Staff read these from a step away while people file past: big numbers, the last verdict in
the same colours and shapes as the public verdict, and names in full (staff may see them;
the public screen never shows them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain import CheckinOutcome
from ui.checkin.verdict_panel import PALETTES, SHAPES, paint_shape
from ui.checkin.verdicts import Tone
from ui.formatting import clock_time, day_and_month
from ui.speech.narrator import TARGET
from ui.speech.phrase import Phrase
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel

if TYPE_CHECKING:
    from kiosk.checkin.door import ScanLine
    from kiosk.checkin.door_operations import EventChoice

translate = QCoreApplication.translate
SCAN_MARK_SIZE: Final = 32
TEXT_PAD: Final = 20  # above and below the banner's two lines


def outcome_label(outcome: CheckinOutcome) -> str:
    """What staff read next to a name (short, the public screen has the long version)."""
    labels = {
        CheckinOutcome.OK: translate("Door", "Arrivée enregistrée"),
        CheckinOutcome.ALREADY_CHECKED_IN: translate("Door", "Déjà enregistré·e"),
        CheckinOutcome.NOT_REGISTERED: translate("Door", "Non inscrit·e"),
        CheckinOutcome.EVENT_FULL: translate("Door", "Complet"),
        CheckinOutcome.OUTSIDE_WINDOW: translate("Door", "Hors horaires d’accueil"),
        CheckinOutcome.WRONG_EVENT: translate("Door", "Inscrit·e ailleurs"),
        CheckinOutcome.UNKNOWN_BADGE: translate("Door", "Badge inconnu"),
        CheckinOutcome.INVALID_CODE: translate("Door", "Code illisible"),
        CheckinOutcome.FORGED_CODE: translate("Door", "Billet falsifié"),
        CheckinOutcome.EXPIRED_CODE: translate("Door", "Billet expiré"),
        CheckinOutcome.REVOKED_CODE: translate("Door", "Billet annulé"),
        CheckinOutcome.VISIT_RECORDED: translate("Door", "Visite comptée"),
        CheckinOutcome.WAITING_LIST: translate("Door", "Liste d’attente"),
    }
    return labels[outcome]


def tone_of(outcome: CheckinOutcome) -> Tone:
    return {"green": Tone.GREEN, "amber": Tone.AMBER}.get(outcome.verdict.value, Tone.RED)


def lock_title() -> str:
    return translate("Door", "Mode accueil")


def lock_hint() -> str:
    return translate(
        "Door",
        "Réservé à l’équipe\u202f: présentez votre badge d’équipe ou d’ambassadeur, "
        "ou saisissez le code administrateur.",
    )


class EventButton(QPushButton):
    """One event to pick: its title, then when, where and how many, both wrapping.

    A push button's own text never wraps: a long title with its room and counts asked
    ~1330 px on a 1366 px panel and pushed the list past the screen's edge."""

    def __init__(self, theme: ThemeController, title: str, facts: str) -> None:
        super().__init__()
        self.setProperty("role", "doorEvent")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(f"{title}. {facts}")
        icon = IconLabel(theme, "calendar-event", 40, colour="accent", stroke=1.75)
        icon.setFixedSize(48, 48)
        self.title = named(QLabel(title, wordWrap=True), "doorEventChoice")
        self.facts = named(QLabel(facts, wordWrap=True), "doorEventFacts")
        for part in (icon, self.title, self.facts):
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        grid = self._grid = QGridLayout(self)
        grid.setContentsMargins(24, 16, 24, 16)
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(4)
        grid.addWidget(icon, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.title, 0, 1)
        grid.addWidget(self.facts, 1, 1)
        grid.setColumnStretch(1, 1)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)  # as tall as its words at the list's width
        self.setSizePolicy(policy)

    def sizeHint(self) -> QSize:
        height = self._grid.totalSizeHint().height()
        return QSize(super().sizeHint().width(), height).expandedTo(self.minimumSize())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._grid.totalMinimumSize().height())


class EventPicker(QWidget):
    """Today's events at this site first, one big button each."""

    picked = Signal(object)  # EventChoice
    leave = Signal()

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.title = named(QLabel(wordWrap=True), "doorTitle")  # two lines in portrait
        self.quit = TouchButton(theme, "logout", role="secondary")
        self.quit.setObjectName("doorQuit")
        self.quit.clicked.connect(self.leave)
        self.empty = named(QLabel(), "emptyState")
        self.buttons: list[EventButton] = []
        self._list = QVBoxLayout()
        self._list.setSpacing(16)
        holder = named(QWidget(), "doorEventList")
        holder.setLayout(self._list)
        scroll = named(QScrollArea(), "doorEventScroll")
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        QScroller.grabGesture(scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.quit)
        column = QVBoxLayout(self)
        column.setContentsMargins(72, 40, 72, 24)
        column.setSpacing(24)
        column.addLayout(head)
        column.addWidget(self.empty)
        column.addWidget(scroll, 1)
        self.retranslate()

    def set_events(self, choices: list[EventChoice], now_label: Callable[[], str]) -> None:
        while self._list.count():
            item = self._list.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.hide()  # now: deleted later, it would stand among the new ones a while
                widget.deleteLater()
        self.buttons = []
        for choice in choices:
            info = choice.info
            when = (
                f"{clock_time(info.starts_at)} – {clock_time(info.ends_at)}"
                if choice.today
                else f"{day_and_month(info.starts_at)}, {clock_time(info.starts_at)}"
            )
            seats = (
                translate("Door", "{n} inscrits / {cap} places").format(
                    n=choice.registered, cap=choice.capacity
                )
                if choice.capacity
                else translate("Door", "{n} inscrits").format(n=choice.registered)
            )
            button = EventButton(self._theme, info.title, f"{when} · {info.place} · {seats}")
            button.clicked.connect(lambda _=False, c=choice: self.picked.emit(c))
            self._list.addWidget(button)
            self.buttons.append(button)
        self._list.addStretch(1)
        self.empty.setVisible(not choices)

    def retranslate(self) -> None:
        self.title.setText(translate("Door", "Quel événement accueillez-vous\u202f?"))
        self.quit.setText(translate("Door", "Quitter"))
        self.empty.setText(translate("Door", "Aucun événement cette semaine."))


class Counter(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doorCounter")
        self.number = named(QLabel("0", alignment=Qt.AlignmentFlag.AlignCenter), "doorCount")
        self.label = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "doorCountLabel")
        self._box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._box.setContentsMargins(16, 16, 16, 16)
        self._box.setSpacing(0)
        self._box.addWidget(self.number)
        self._box.addWidget(self.label)

    def set_compact(self, compact: bool) -> None:
        """The word beside the number rather than under it: a short landscape panel (768 px)
        needs that height for the last scans."""
        self._box.setDirection(
            QBoxLayout.Direction.LeftToRight if compact else QBoxLayout.Direction.TopToBottom
        )
        self._box.setSpacing(12 if compact else 0)
        self.number.setProperty("compact", compact)
        self.number.style().unpolish(self.number)
        self.number.style().polish(self.number)


class ScanBanner(QWidget):
    """The last verdict at the door: the public verdict's colour and shape, the full name."""

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doorBanner")
        self._theme = theme
        self._tone: Tone | None = None
        self._undone = False  # the banner's arrival was undone: no verdict colour any more
        self._title = ""
        self._detail = ""
        self._fit()
        theme.changed.connect(self._fit)

    def _fit(self) -> None:
        """Tall enough for the title and the detail line whole (descenders included)."""
        tokens = self._theme.tokens
        title, detail = QFont(tokens.font_family), QFont(tokens.font_family)
        title.setPixelSize(tokens.font_title)
        detail.setPixelSize(tokens.font_large)
        lines = QFontMetrics(title).height() + QFontMetrics(detail).height()
        self.setMinimumHeight(max(tokens.px(150), lines + 4 + 2 * TEXT_PAD))

    @property
    def tone(self) -> Tone | None:
        return self._tone

    @property
    def undone(self) -> bool:
        return self._undone

    @property
    def text(self) -> str:
        return f"{self._title} — {self._detail}" if self._title else ""

    @property
    def detail(self) -> str:
        return self._detail

    def show_line(self, tone: Tone, title: str, detail: str) -> None:
        self._tone, self._title, self._detail = tone, title, detail
        self._undone = False
        self.update()

    def show_undone(self, title: str, detail: str) -> None:
        """The arrival shown was undone: neutral colours and the struck mark, not the green
        tick that staff would read as "this person is in"."""
        self._tone, self._title, self._detail = None, title, detail
        self._undone = True
        self.update()

    def set_title(self, title: str) -> None:
        self._title = title
        self.update()

    def clear(self) -> None:
        self._tone, self._title, self._detail = None, "", ""
        self._undone = False
        self.update()

    def title_width(self) -> float:
        """The room the title is drawn in (right of the shape)."""
        side = self.height() - 2 - 48
        return self.width() - 2 - side - 72 - 32

    def title_fit(self, width: float) -> tuple[QFont, str]:
        """The title's font and text for ``width``: a long name on a portrait panel in the
        accessible theme ran past the banner's edge. It gives up size down to the detail
        line's, then (a name no door has seen yet) ends with an ellipsis rather than cut."""
        tokens = self._theme.tokens
        title = QFont(tokens.font_family)
        title.setWeight(QFont.Weight.Bold)
        size = tokens.font_title
        while True:
            title.setPixelSize(size)
            metrics = QFontMetrics(title)
            if metrics.horizontalAdvance(self._title) <= width or size <= tokens.font_large:
                break
            size -= 1
        shown = metrics.elidedText(self._title, Qt.TextElideMode.ElideRight, round(width))
        return title, shown

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        tokens = self._theme.tokens
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        if self._undone:
            painter.setPen(QColor(tokens.border))
            painter.setBrush(QColor(tokens.surface))
            painter.drawRoundedRect(rect, tokens.radius, tokens.radius)
            side = rect.height() - 48
            box = QRectF(rect.left() + 32, rect.top() + 24, side, side)
            paint_undone_mark(painter, box, QColor(tokens.text_muted))
            self._paint_text(painter, rect, side, QColor(tokens.text), QColor(tokens.text_muted))
            return
        if self._tone is None:
            painter.setPen(QColor(tokens.border))
            painter.setBrush(QColor(tokens.surface))
            painter.drawRoundedRect(rect, tokens.radius, tokens.radius)
            painter.setPen(QColor(tokens.text_muted))
            painter.drawText(
                rect.adjusted(40, 0, -40, 0),
                Qt.AlignmentFlag.AlignVCenter,
                translate("Door", "Présentez un badge ou un billet au lecteur."),
            )
            return
        colours = PALETTES[self._tone]
        background, foreground = QColor(colours.background), QColor(colours.foreground)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(rect, tokens.radius, tokens.radius)
        side = rect.height() - 48
        box = QRectF(rect.left() + 32, rect.top() + 24, side, side)
        paint_shape(painter, SHAPES[self._tone], box, background, foreground)
        self._paint_text(painter, rect, side, foreground, foreground)

    def _paint_text(
        self,
        painter: QPainter,
        rect: QRectF,
        side: float,
        title_colour: QColor,
        detail_colour: QColor,
    ) -> None:
        tokens = self._theme.tokens
        text = rect.adjusted(side + 72, TEXT_PAD, -32, -TEXT_PAD)
        title, shown = self.title_fit(text.width())
        painter.setPen(title_colour)
        painter.setFont(title)
        title_h = QFontMetrics(title).height()
        detail_font = QFont(tokens.font_family)
        detail_font.setPixelSize(tokens.font_large)
        detail_h = QFontMetrics(detail_font).height()
        # the two lines as a block in the middle, each as tall as its font says
        top_y = text.top() + max(0.0, (text.height() - title_h - 4 - detail_h) / 2)
        top = QRectF(text.left(), top_y, text.width(), title_h)
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, shown)
        painter.setPen(detail_colour)
        painter.setFont(detail_font)
        bottom = QRectF(text.left(), top.bottom() + 4, text.width(), detail_h)
        painter.drawText(
            bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, self._detail
        )


class LastScans(QFrame):
    """The newest scans at this event (staff see names), newest first."""

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.setObjectName("doorScans")
        self.title = named(QLabel(), "doorSectionTitle")
        self._rows = QVBoxLayout()
        self._rows.setSpacing(6)
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 20, 28, 20)
        column.setSpacing(10)
        column.addWidget(self.title)
        column.addLayout(self._rows)
        column.addStretch(1)
        self.lines: list[str] = []
        self._fitting = self._again = False  # see _fit_rows
        self._said: list[Phrase] = []  # each scan, the name only for a headset
        self.setProperty(TARGET, True)  # the arrivals list is a stop on the speech path
        self.retranslate()

    def spoken(self) -> list[Phrase]:
        """The newest arrivals first; names only into a headset (the door is a public place)."""
        none = [Phrase(translate("Door", "Aucun passage pour l’instant."))]
        return [Phrase(self.title.text()), *(self._said or none)]

    def set_scans(self, scans: list[ScanLine]) -> None:
        while self._rows.count():
            item = self._rows.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.hide()  # not drawn over the new rows until it is deleted
                widget.deleteLater()
        self.lines = []
        self._said = []
        for scan in scans:
            name = " ".join(p for p in (scan.first_name, scan.last_name) if p) or "—"
            label = outcome_label(scan.outcome)
            if scan.undone:
                label = translate("Door", "{label} (annulée)").format(label=label)
            line = f"{clock_time(scan.at)}   {name}   ·   {label}"
            self._said.append(
                Phrase(f"{clock_time(scan.at)}, {label}", f"{clock_time(scan.at)}, {name}, {label}")
            )
            tone = tone_of(scan.outcome)
            muted = QColor(self._theme.tokens.text_muted)
            self._rows.addWidget(_ScanRow(tone, line, undone=scan.undone, muted=muted))
            self.lines.append(line)
        if not scans:
            empty = QLabel(translate("Door", "Aucun passage pour l’instant."))
            empty.setObjectName("emptyState")
            self._rows.addWidget(empty)
        self._fit_rows()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """As many whole rows as the frame holds: the oldest ones go, none is cut in half."""
        if self._fitting:  # showing a row laid the frame out again: fit once more after
            self._again = True
            return
        self._fitting, changed = True, False
        try:
            for _ in range(4):  # the frame's size settles in a pass or two
                self._again = False
                changed |= self._fit_rows_once()
                if not self._again:
                    break
        finally:
            self._fitting = False
        if changed:
            # Called from a resize, inside the parent's layout pass: a row grown here kept
            # its neighbours' old places (the accessible theme's wrapped rows were drawn over
            # the next ones) until the rows are laid out again, after this pass.
            QTimer.singleShot(0, self, self._relayout)  # not after the list is gone

    def _fit_rows_once(self) -> bool:
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else None
        room = self.contentsRect().height()
        if margins is not None:
            room -= margins.top() + margins.bottom()
        room -= self.title.sizeHint().height() + 10
        width = self.contentsRect().width()
        if margins is not None:
            width -= margins.left() + margins.right()
        widgets = [
            w for i in range(self._rows.count()) if (item := self._rows.itemAt(i)) is not None
            if (w := item.widget()) is not None
        ]  # fmt: skip
        # Measure every row first, then show: showing one lays the frame out again.
        heights = []
        for widget in widgets:
            # a row never shown yet has not met the theme's style sheet: its text measured
            # in the default font said one line where the accessible theme wraps to two
            widget.ensurePolished()
            for child in widget.findChildren(QWidget):
                child.ensurePolished()
            heights.append(max(widget.minimumSizeHint().height(), widget.heightForWidth(width)))
        shown = []
        for i, height in enumerate(heights):
            need = height + (self._rows.spacing() if i else 0)
            shown.append(need <= room)
            room = room - need if shown[-1] else -1  # after one that does not fit, none does
        changed = False
        for widget, height, fits in zip(widgets, heights, shown, strict=True):
            if isinstance(widget, _ScanRow):
                changed |= widget.fit_height(height)  # a long name wraps: the row grows
            changed |= widget.isHidden() == fits
            widget.setVisible(fits)
        return changed

    def _relayout(self) -> None:
        layout = self.layout()
        if layout is not None:
            layout.invalidate()
            layout.activate()

    @property
    def rows(self) -> list[QWidget]:
        """The rows of the scans shown last, newest first (those that do not fit are hidden)."""
        items = (self._rows.itemAt(i) for i in range(self._rows.count()))
        return [w for item in items if item is not None and (w := item.widget()) is not None]

    def retranslate(self) -> None:
        self.title.setText(translate("Door", "Derniers passages"))


class _ScanRow(QFrame):
    """One line of the last scans: the verdict's shape in small (not colour alone), the text."""

    def __init__(self, tone: Tone, text: str, *, undone: bool, muted: QColor) -> None:
        super().__init__()
        self.setObjectName("doorScanLine")
        self.setProperty("tone", "undone" if undone else tone.value)
        self.tone = tone
        mark = named(QLabel(), "doorScanMark")
        ratio = self.devicePixelRatioF()
        mark.setPixmap(
            undone_mark(SCAN_MARK_SIZE, muted, ratio)
            if undone  # struck through: no green tick left beside it
            else tone_mark(tone, SCAN_MARK_SIZE, ratio)
        )
        self.undone = undone
        mark.setFixedSize(SCAN_MARK_SIZE, SCAN_MARK_SIZE)
        self.text = named(QLabel(text), "doorScanText")
        self.text.setWordWrap(True)  # a long name on a narrow (portrait) screen: two lines
        self.text.ensurePolished()  # the theme's font size, for the height below
        line = QFontMetrics(self.text.font()).height()
        # Never squeezed below the taller of the mark and a whole line (descenders included).
        self._least = max(SCAN_MARK_SIZE, line) + 12
        self.setMinimumHeight(self._least)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 6, 0, 6)
        row.setSpacing(16)
        row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text, 1)

    def fit_height(self, height: int) -> bool:
        """As tall as its wrapped text at the list's width (whole lines, descenders included);
        True when that changed its height."""
        line = QFontMetrics(self.text.font()).height()  # the font of the theme now
        least = max(SCAN_MARK_SIZE + 12, line + 12, height)
        if least == self.minimumHeight():
            return False
        self.setMinimumHeight(least)
        return True


def tone_mark(tone: Tone, size: int, ratio: float = 1.0) -> QPixmap:
    """The verdict's shape (disc, triangle, octagon) in its signal colour, ``size`` px square."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colours = PALETTES[tone]
    # The shape in the signal's background colour, its glyph cut in white (amber: dark).
    shape_colour = QColor(colours.background)
    glyph = QColor(colours.foreground)
    paint_shape(painter, SHAPES[tone], QRectF(1, 1, size - 2, size - 2), glyph, shape_colour)
    painter.end()
    return pixmap


def paint_undone_mark(painter: QPainter, box: QRectF, colour: QColor) -> None:
    """An undone arrival: a ring struck through, in a quiet colour (no verdict signal)."""
    pen = QPen(colour, max(2.0, box.width() / 12))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = pen.widthF() / 2 + 1
    ring = box.adjusted(inset, inset, -inset, -inset)
    painter.drawEllipse(ring)
    middle = ring.center().y()
    painter.drawLine(
        QPointF(ring.left() + ring.width() * 0.25, middle),
        QPointF(ring.right() - ring.width() * 0.25, middle),
    )


def undone_mark(size: int, colour: QColor, ratio: float = 1.0) -> QPixmap:
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_undone_mark(painter, QRectF(0, 0, size, size), colour)
    painter.end()
    return pixmap

"""Every screen fits every kiosk screen: 1366x768 to portrait totems and 4K at 200 %.

Geometry and font metrics only (no pixels are compared), so the whole matrix runs in seconds.
Each panel is emulated in process: the window is given the panel's size in logical pixels
(3840x2160 at 200 % is 1920x1080 logical) and the theme the panel's density in px/mm, the
two things QScreen would report. The offscreen platform's single screen cannot be resized
per test, and one Xvfb per size would cost seconds of start-up each for the same numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import pytest
from PySide6.QtCore import QEventLoop, QRect, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.identity import load_site_key
from kiosk.settings import Language, Profile, Settings
from tools.screenshots.layout import (
    LOADS,
    ROOM_VIEWS,
    STORE_VIEWS,
    TOUR_CENTRAL,
    TOUR_VIEWS,
    VERDICT_KINDS,
    open_view,
    overlay,
    seed_fleet_kiosks,
    seed_store,
)
from ui.checkin.verdict_panel import BAR_HEIGHT, TEXT_FLAGS, VerdictPanel
from ui.collect.signature_pad import SignaturePad
from ui.speech.focus_ring import FocusRing
from ui.sync.status import SyncChip, SyncSection
from ui.theme import MIN_TARGET_MM, ScreenMetrics, body_text_px
from ui.widgets.fitting_label import FittingLabel


@dataclass(frozen=True)
class Panel:
    name: str
    width: int  # device pixels
    height: int
    ratio: float  # QT_SCALE_FACTOR / the desktop's scaling
    width_mm: float  # what the EDID reports

    @property
    def metrics(self) -> ScreenMetrics:
        width, height = round(self.width / self.ratio), round(self.height / self.ratio)
        return ScreenMetrics(width, height, width / self.width_mm)


PANELS = [
    Panel("1366x768", 1366, 768, 1.0, 409.8),  # 18.5"
    Panel("1280x1024", 1280, 1024, 1.0, 376.3),  # 19" 5:4
    Panel("1920x1080", 1920, 1080, 1.0, 531.4),  # 24"
    Panel("1080x1920", 1080, 1920, 1.0, 535.7),  # 43" totem, portrait
    Panel("1080x1920-24in", 1080, 1920, 1.0, 298.9),  # 24" turned portrait: denser, 3.6 px/mm
    Panel("3840x2160@200", 3840, 2160, 2.0, 596.7),  # 27" 4K at 200 %
]
SCREENS = ROOM_VIEWS


# What each screen must show whatever the panel (a reflow must not lose a button).
MUST_SHOW: dict[str, Callable[[Any], list[QWidget]]] = {
    "attract": lambda s: [s.router.current.clock, s.router.current.touch],
    "home": lambda s: [
        *s.router.current.tiles,
        s.window.bottom_bar.home,
        s.window.bottom_bar.language,
        s.window.bottom_bar.accessible,
    ],
    "admin": lambda s: [
        s.router.current.back,
        s.router.current.hardware,
        s.router.current.simulator,
        s.router.current.stats,
        s.router.current.quit,
    ],
    "hardware": lambda s: [
        s.router.current.back,
        s.router.current.reader,
        s.router.current.printer,
        s.router.current.scanner,
        s.router.current.camera,
    ],
    "stats": lambda s: [
        s.router.current.previous,
        s.router.current.next,
        s.router.current.quarter_label,
        s.router.current.subtitle,
        s.router.current.back,
    ],
    "pin": lambda s: [
        *s.router.current.keys.values(),
        s.router.current.clear,
        s.router.current.validate,
        s.router.current.cancel,
        s.router.current.dots,
    ],
    "door_search": lambda s: [
        *s.router.current.search.keyboard.char_keys[:26],
        s.router.current.search.keyboard.space,
        s.router.current.search.keyboard.action,
        s.router.current.search.field,
        s.router.current.search.cancel,
    ],
    "documents_search": lambda s: [
        *s.router.current.search.keyboard.char_keys[:26],
        s.router.current.search.keyboard.space,
        s.router.current.search.keyboard.layer_key,
        s.router.current.search.keyboard.accents_key,
        s.router.current.search.keyboard.backspace,
        s.router.current.search.keyboard.action,
        s.router.current.search.field,
        s.router.current.search.results,
    ],
    "help_describe": lambda s: [
        *s.router.current.describe.keyboard.char_keys[:26],
        s.router.current.describe.keyboard.space,
        s.router.current.describe.keyboard.layer_key,
        s.router.current.describe.keyboard.accents_key,
        s.router.current.describe.keyboard.backspace,
        s.router.current.describe.keyboard.action,
        s.router.current.describe.field,
        s.router.current.describe.skip,
    ],
    "door": lambda s: [
        *s.router.current.lock.keys.values(),
        s.router.current.lock.erase,
        s.router.current.lock.validate,
        s.router.current.lock.dots,
    ],
    "door_board": lambda s: [
        s.router.current.banner,
        s.router.current.present,
        s.router.current.capacity,
        s.router.current.find_name,
        s.router.current.link,
        s.router.current.undo,
        s.router.current.pass_button,
        s.router.current.export,
        s.router.current.quit,
        s.router.current.scans.title,
        *s.router.current.scans.rows[:3],
    ],
}


MUST_SHOW.update(
    {
        "help_reasons": lambda s: [
            *(part for b in s.router.current.reasons.buttons for part in (b, b.title, b.hint)),
            s.router.current.reasons.staff,
            s.router.current.reasons.title,
        ],
        "help_ticket": lambda s: [
            s.router.current.ticket.number,
            s.router.current.ticket.position,
            s.router.current.ticket.wait,
            s.router.current.ticket.print_text,
            s.router.current.ticket.finish,
        ],
        "collect_lines": lambda s: [
            s.router.current.lines_page.hello,
            s.router.current.lines_page.take,
            s.router.current.lines_page.finish,
        ],
        "collect_confirm": lambda s: [
            s.router.current.confirm_page.title,
            s.router.current.confirm_page.pad,
            s.router.current.confirm_page.erase,
            s.router.current.confirm_page.privacy,
            s.router.current.confirm_page.confirm,
        ],
        "collect_done": lambda s: [
            s.router.current.message.title,
            s.router.current.message.primary,
        ],
        "collect_staff": lambda s: [s.router.current.title, s.router.current.lock_button],
    }
)


def _verdict_buttons(s: Any) -> list[QWidget]:
    panel = overlay(s, "verdict_ok")
    return [panel.accept_button, panel.decline_button]


def _find(s: Any, kind: type[QWidget]) -> QWidget:
    found = s.window.findChild(kind)
    assert found is not None, f"no {kind.__name__} in the window"
    return found


MUST_SHOW.update(
    {
        "door_events": lambda s: [
            s.router.current.picker.title,
            s.router.current.picker.quit,
            *s.router.current.picker.buttons,
        ],
        "door_visitor": lambda s: [
            s.router.current.visitor.title,
            *s.router.current.visitor.fields,
            *s.router.current.visitor.labels,
            s.router.current.visitor.cancel,
            s.router.current.visitor.save,
            s.router.current.visitor.privacy,
            *s.router.current.visitor.keyboard.char_keys[:26],
            s.router.current.visitor.keyboard.space,
            s.router.current.visitor.keyboard.action,
        ],
        "event_detail": lambda s: [
            s.router.current.detail.title,
            s.router.current.detail.description,
            s.router.current.detail.when,
            s.router.current.detail.where,
            s.router.current.detail.audience,
            s.router.current.detail.seats,
            s.router.current.detail.next_step,
        ],
        "badge_simulator": lambda s: [
            s.router.current.back,
            s.router.current.field,
            s.router.current.unknown,
            s.router.current.random_card,
        ],
        "fleet": lambda s: [
            s.router.current.title,
            s.router.current.back,
            *s.router.current.cards[:4],
        ],
        "out_of_service": lambda s: [
            s.router.current.title,
            s.router.current.visitor,
            s.router.current.cause,
            s.router.current.command,
        ],
        "verdict_walk-in-offer": _verdict_buttons,
        "verdict_walk-in-confirm": _verdict_buttons,
        "tour_events_offline": lambda s: [
            _find(s, SyncChip),
            s.window.bottom_bar.language,
            s.window.bottom_bar.accessible,
        ],
        "tour_hardware_sync": lambda s: [
            _find(s, SyncSection).card,
            _find(s, SyncSection).sync_button,
            s.router.current.back,
        ],
    }
)


def card_heights(shell: Any) -> list[str]:
    """A compact help card is as tall as the wordiest card of the grid (a row shares its
    height), or a touch target, not the tall card's 480 px floor."""
    found = []
    cards = shell.router.current.reasons.buttons
    words = max(card.layout().totalHeightForWidth(card.width()) for card in cards)
    needs = max(words, shell.theme.tokens.touch_target)
    for card in cards:
        if card.compact and card.height() > needs + 24:
            found.append(f"the compact card {card.title.text()!r} is {card.height()} px tall "
                         f"for {needs} px of content")  # fmt: skip
    return found


# Checks of one view beyond the general ones, one line per problem.
def banner_title(shell: Any) -> list[str]:
    """The door's banner paints the last name scanned: whole, at the detail's size at least."""
    banner = shell.router.current.board.banner
    font, shown = banner.title_fit(banner.title_width())
    found = []
    if shown != banner._title:
        found.append(f"the banner shows {shown!r} of {banner._title!r}")
    if QFontMetrics(font).horizontalAdvance(shown) > banner.title_width():
        found.append(f"the banner's {shown!r} runs past its edge")
    return found


EXTRA: dict[str, Callable[[Any], list[str]]] = {
    "help_reasons": card_heights,
    "door_board": banner_title,
}


# Widgets that show what they paint, not text: nothing may be laid over them either.
DRAWN: tuple[type[QWidget], ...] = (SignaturePad,)
# Widgets laid over others on purpose (the keyboard focus ring is drawn around what it marks).
OVERLAYS: tuple[type[QWidget], ...] = (FocusRing,)


def settle(shell: Any, qtbot: QtBot) -> None:
    desk = getattr(shell.router.current, "desk", None)
    qtbot.waitUntil(lambda: not getattr(desk, "pending", 0))
    QApplication.processEvents()


def settle_layout(window: QWidget, qapp: QApplication, passes: int = 20) -> None:
    """Run the event loop until no widget moves any more: a text changed in one language
    reaches the scroll area above it one layout request at a time (one pass left a help
    card at its English height after the switch to French)."""

    def where() -> list[QRect]:
        return [w.geometry() for w in visible_descendants(window)]

    def one_pass() -> None:  # a turn of a real loop: processEvents() alone left it unsettled
        loop = QEventLoop()
        QTimer.singleShot(0, loop.quit)
        loop.exec()

    before = where()
    for _ in range(passes):
        one_pass()
        now = where()
        if now == before:
            return
        before = now


def shows(widget: QWidget) -> bool:
    """Text, an icon (an icon-only button, an :class:`IconLabel`) or a drawing of its own."""
    if isinstance(widget, DRAWN) or text_of(widget):
        return True
    if isinstance(widget, QLabel):
        return not widget.pixmap().isNull()
    return isinstance(widget, QAbstractButton) and not widget.icon().isNull()


def text_of(widget: QWidget) -> str:
    if isinstance(widget, QLabel | QAbstractButton):
        return widget.text()
    return ""


def visible_descendants(root: QWidget) -> Iterator[QWidget]:
    for child in root.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if child.isVisible() and child.width() > 0 and child.height() > 0:
            yield child
            yield from visible_descendants(child)


def scroll_area_of(widget: QWidget, root: QWidget) -> QAbstractScrollArea | None:
    """The scroll area ``widget`` scrolls in (below ``root``), if any."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
            return area
        parent = area
    return None


def clipped(widget: QWidget) -> str | None:
    """The ancestor that cuts part of ``widget`` off (a key wider than its keyboard's room:
    inside the window, but « P » half drawn), if any; two pixels of rounding allowed (a form
    row gave the voice buttons 114 px of their 116: a border's width, not a cut word)."""
    parent = widget.parentWidget()
    rect = widget.geometry()
    while parent is not None and not parent.isWindow():
        if isinstance(parent.parentWidget(), QAbstractScrollArea):
            return None  # a scroll area's viewport: scrolled content, checked apart
        room = parent.rect().adjusted(-2, -2, 2, 2)
        if not room.contains(rect):
            return f"{type(parent).__name__}#{parent.objectName()} {parent.rect().getRect()}"
        rect = rect.translated(parent.pos()).intersected(parent.geometry())
        parent = parent.parentWidget()
    return None


def rect_in(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def problems(
    window: QWidget, screen: QWidget, metrics: ScreenMetrics, *, bottom_bar: bool = True
) -> list[str]:
    """What a person at this screen would see go wrong, one line each (``bottom_bar``: the
    window's bar too, when it shows; not under a panel laid over the whole window)."""
    found: list[str] = []
    bounds = window.rect()
    target = MIN_TARGET_MM * metrics.px_per_mm - 1  # a pixel of rounding
    shown = bottom_bar and window.bottom_bar.isVisible()
    roots = [screen] + ([window.bottom_bar] if shown else [])
    for root in roots:
        widgets = [root, *visible_descendants(root)]
        for widget in widgets:
            name = f"{type(widget).__name__}#{widget.objectName()} {text_of(widget)!r}"
            area = scroll_area_of(widget, root)
            if area is not None:  # scrolled content: reachable below, never cut at the sides
                view = rect_in(area.viewport(), window)
                rect = rect_in(widget, window)
                if rect.left() < view.left() or rect.right() > view.right():
                    found.append(f"{name} at {rect.getRect()} leaves its scroll area's width")
            elif not bounds.contains(rect_in(widget, window)):
                found.append(f"{name} at {rect_in(widget, window).getRect()} leaves the window")
            elif (cut := clipped(widget)) is not None:
                found.append(f"{name} is cut by its parent {cut}")
            if isinstance(widget, QLabel) and widget.text() and not widget.pixmap():
                rect = widget.contentsRect()
                fm = (  # a fitting label draws at the size that fits: check that one
                    QFontMetrics(widget.drawn_font())
                    if isinstance(widget, FittingLabel)
                    else widget.fontMetrics()
                )
                if widget.wordWrap():
                    flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
                    needed = fm.boundingRect(rect, flags, widget.text()).height()
                    if needed > rect.height() + 1:
                        found.append(f"{name} needs {needed} px of height, has {rect.height()}")
                else:
                    lines = widget.text().split("\n")
                    wide = max(fm.horizontalAdvance(line) for line in lines)
                    if wide > rect.width() + 1:
                        found.append(f"{name} needs {wide} px of width, has {rect.width()}")
                    # a line's ink, not its leading: a label squeezed below its font's ascent
                    # and descent cuts the tops of capitals or the tails of « g » and « p »
                    tall = fm.ascent() + fm.descent() + fm.lineSpacing() * (len(lines) - 1)
                    if tall > rect.height() + 1:
                        found.append(f"{name} needs {tall} px of height, has {rect.height()}")
            if isinstance(widget, QAbstractButton) and widget.isEnabled():
                if min(widget.width(), widget.height()) < target:
                    found.append(f"{name} is {widget.width()}x{widget.height()} px < 15 mm")
                if widget.text() and widget.sizeHint().width() > widget.width() + 1:
                    found.append(
                        f"{name} needs {widget.sizeHint().width()} px, has {widget.width()}"
                    )
        # no two visible siblings that show something (text, an icon, a drawing) overlap
        for parent in [root, *visible_descendants(root)]:
            kids = [
                k
                for k in parent.findChildren(
                    QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
                )
                if k.isVisible()
                and not isinstance(k, OVERLAYS)
                and (shows(k) or any(shows(d) for d in visible_descendants(k)))
            ]
            for i, a in enumerate(kids):
                for b in kids[i + 1 :]:
                    if a.geometry().intersects(b.geometry()):
                        found.append(
                            f"{type(a).__name__}#{a.objectName()} overlaps "
                            f"{type(b).__name__}#{b.objectName()}"
                        )
    if isinstance(screen, VerdictPanel):
        found += painted_problems(screen)
    return found


def painted_problems(panel: VerdictPanel) -> list[str]:
    """The verdict is painted, not laid out: its words must fit their column, and end above
    the walk-in buttons and the countdown bar."""
    view = panel.view
    if view is None:
        return ["no verdict is shown"]
    plan = panel.layout_for(view)
    found = []
    if plan.width > panel.width():
        found.append(f"the text column is {plan.width} px wide on a {panel.width()} px panel")
    for font, text, _ in plan.blocks:
        box = QFontMetrics(font).boundingRect(QRect(0, 0, plan.width, 10_000), TEXT_FLAGS, text)
        if box.width() > plan.width + 1:
            found.append(f"{text!r} needs {box.width()} px of width, has {plan.width}")
    body = panel._theme.tokens.font_size
    for font, text, _ in plan.blocks:  # read at arm's length: nothing under the body text
        if font.pixelSize() < body:
            found.append(f"{text!r} is drawn at {font.pixelSize()} px, under the body's {body}")
    buttons = [b for b in (panel.accept_button, panel.decline_button) if b.isVisible()]
    floor = min([rect_in(b, panel).top() for b in buttons] + [panel.height() - BAR_HEIGHT])
    if plan.bottom > floor:
        found.append(f"the verdict's text ends at {plan.bottom} px, below {floor}")
    return found


@pytest.fixture
def fitted_shell(make_shell: Callable[..., Any], qapp: QApplication) -> Callable[..., Any]:
    def make(panel: Panel, lang: Language, accessible: bool) -> Any:
        shell = make_shell(reader="none")  # the badge simulator's button too
        fit(shell, panel)
        shell.session.set_language(lang)
        shell.session.set_accessible(accessible)
        qapp.processEvents()
        return shell

    return make


# The languages and modes each panel is checked in, switched on one shell: a shell per
# combination cost a start-up and a shutdown (its child process included) twenty times over.
# In this order the accessible mode, which restyles the whole application, is switched once.
MODES = [
    (Language.FR, False),
    (Language.EN, False),
    (Language.EN, True),
    (Language.FR, True),
]


def fit(shell: Any, panel: Panel) -> ScreenMetrics:
    """Give ``shell`` the panel's size and density, as QScreen would report them."""
    metrics = panel.metrics
    shell.theme.set_screen(metrics)
    shell.window.resize(metrics.width, metrics.height)
    return metrics


def check_modes(
    shell: Any, keys: list[str], metrics: ScreenMetrics, qapp: QApplication, qtbot: QtBot
) -> list[str]:
    """:func:`check_views` in each language, normal and accessible, on the same shell."""
    report: list[str] = []
    for lang, accessible in MODES:
        shell.session.set_language(lang)
        shell.session.set_accessible(accessible)
        qapp.processEvents()
        where = f" {lang.value} {'accessible' if accessible else 'normal'}"
        report += check_views(shell, keys, metrics, qapp, qtbot, where)
    return report


@pytest.mark.parametrize("panel", PANELS, ids=lambda p: p.name)
def test_every_screen_fits_the_panel(
    make_shell: Callable[..., Any],
    kiosk_settings: Settings,
    qapp: QApplication,
    qtbot: QtBot,
    panel: Panel,
) -> None:
    seed_fleet_kiosks(kiosk_settings.database_url)  # « Parc des bornes » has kiosks to show
    shell = make_shell(reader="none")  # the badge simulator's button too
    report = check_modes(shell, SCREENS, fit(shell, panel), qapp, qtbot)
    assert not report, "\n".join(report)


def check_views(
    shell: Any,
    keys: list[str],
    metrics: ScreenMetrics,
    qapp: QApplication,
    qtbot: QtBot,
    where: str = "",
) -> list[str]:
    """Open each view of ``keys`` as the screenshot tool does; what goes wrong, one line each."""

    def until(condition: Callable[[], bool]) -> None:
        qtbot.waitUntil(condition, timeout=30_000)  # the documents index: a child process

    window = shell.window
    report: list[str] = []
    for key in keys:
        open_view(shell, key, until)
        qapp.processEvents()
        if key in LOADS:
            settle(shell, qtbot)
        settle_layout(window, qapp)
        assert (window.width(), window.height()) == (metrics.width, metrics.height)
        laid_over = overlay(shell, key)
        screen = laid_over or shell.router.current
        found = problems(window, screen, metrics, bottom_bar=laid_over is None)
        report += [f"{key}{where}: {p}" for p in found]
        report += [f"{key}{where}: {p}" for p in EXTRA.get(key, lambda s: [])(shell)]
        report += [
            f"{key}{where}: {type(w).__name__}#{w.objectName()} is not shown"
            for w in MUST_SHOW.get(key, lambda s: [])(shell)
            if not w.isVisible()
        ]
    return report


@pytest.mark.parametrize("panel", PANELS, ids=lambda p: p.name)
def test_every_store_screen_fits_the_panel(
    make_shell: Callable[..., Any],
    kiosk_settings: Settings,
    qapp: QApplication,
    qtbot: QtBot,
    panel: Panel,
) -> None:
    """Help and Click & Collect on a store kiosk: one shell per panel, its database seeded."""
    seed_store(kiosk_settings.database_url, load_site_key(kiosk_settings.site_key_path))
    shell = make_shell(profile=Profile.STORE, reader="none")
    report = check_modes(shell, STORE_VIEWS, fit(shell, panel), qapp, qtbot)
    assert not report, "\n".join(report)


@pytest.mark.parametrize("panel", PANELS, ids=lambda p: p.name)
def test_every_tour_screen_fits_the_panel(
    make_shell: Callable[..., Any], qapp: QApplication, qtbot: QtBot, panel: Panel
) -> None:
    """The Smart Tour offline: its sync chip in the bottom bar, its hardware section."""
    shell = make_shell(profile=Profile.TOUR, reader="none", central_db=TOUR_CENTRAL)
    report = check_modes(shell, TOUR_VIEWS, fit(shell, panel), qapp, qtbot)
    assert not report, "\n".join(report)


def test_the_matrix_shows_every_verdict() -> None:
    from tools.screenshots.checkin import sample_results
    from tools.screenshots.main import NOW

    kinds = {*sample_results(NOW), "walk-in-confirm", "pending", "failure"}
    assert set(VERDICT_KINDS) == kinds
    assert {f"verdict_{kind}" for kind in kinds} <= set(SCREENS)


@pytest.mark.parametrize("panel", PANELS, ids=lambda p: p.name)
def test_the_theme_holds_the_physical_minimums(panel: Panel) -> None:
    from ui.theme import ACCESSIBLE, NORMAL, fit_tokens

    metrics = panel.metrics
    for base in (NORMAL, ACCESSIBLE):
        tokens = fit_tokens(base, metrics)
        assert tokens.touch_target >= MIN_TARGET_MM * metrics.px_per_mm
        # what the keyboard's keys give way to on a short panel: 15 mm, never less
        assert MIN_TARGET_MM * metrics.px_per_mm <= tokens.min_target <= tokens.touch_target
        assert tokens.font_size >= min(body_text_px(metrics), base.font_size * 3 // 2)
        assert tokens.font_large > tokens.font_size


def test_the_window_never_asks_for_more_than_the_smallest_panel(
    fitted_shell: Callable[..., Any], qapp: QApplication, qtbot: QtBot
) -> None:
    shell = fitted_shell(PANELS[0], Language.FR, True)
    for key in SCREENS:
        open_view(shell, key, lambda c: qtbot.waitUntil(c, timeout=10_000))
        qapp.processEvents()
        if key in LOADS:
            settle(shell, qtbot)
    minimum = shell.window.minimumSize()
    assert minimum.width() <= PANELS[0].width
    assert minimum.height() <= PANELS[0].height
    assert shell.window.layout().totalMinimumSize().width() > 0  # the screens still have one


def test_the_window_covers_its_screen_and_sizes_the_theme_for_it(
    make_shell: Callable[..., Any], qapp: QApplication
) -> None:
    shell = make_shell()
    screen = qapp.primaryScreen()
    shell.window.resize(800, 600)
    shell.window.fill_screen(screen)
    qapp.processEvents()
    assert shell.window.geometry() == screen.geometry()
    assert shell.theme.metrics == ScreenMetrics.of(screen)


def test_a_dense_small_panel_keeps_15_mm_targets_where_scaling_alone_would_not() -> None:
    from ui.theme import NORMAL, fit_tokens

    dense = ScreenMetrics(1280, 1024, 1280 / 245.0)  # a 12" 5:4 panel, 5.2 px/mm
    tokens = fit_tokens(NORMAL, dense)
    scaled_only = round(NORMAL.touch_target * tokens.scale)
    assert scaled_only < MIN_TARGET_MM * dense.px_per_mm  # the design scale falls short...
    assert tokens.touch_target >= MIN_TARGET_MM * dense.px_per_mm  # ...the floor lifts it
    assert tokens.font_size > round(NORMAL.font_size * tokens.scale)  # and the body text


def test_the_design_panel_keeps_the_design_sizes() -> None:
    from ui.theme import ACCESSIBLE, NORMAL, fit_tokens

    for base in (NORMAL, ACCESSIBLE):
        tokens = fit_tokens(base, ScreenMetrics.design())
        assert (tokens.font_size, tokens.touch_target, tokens.font_hero) == (
            base.font_size,
            base.touch_target,
            base.font_hero,
        )


def test_rechercher_on_the_small_panel_gives_the_results_the_keyboards_room(
    fitted_shell: Callable[..., Any], qapp: QApplication, qtbot: QtBot
) -> None:
    shell = fitted_shell(PANELS[0], Language.FR, True)
    open_view(shell, "documents_search", lambda c: qtbot.waitUntil(c, timeout=10_000))
    qapp.processEvents()
    page = shell.router.current.search
    results = page.results
    model = results.model()
    assert model.rowCount() == 3

    def whole_rows() -> int:
        height = results.viewport().height()
        rects = [results.visualRect(model.index(n, 0)) for n in range(3)]
        return sum(r.top() >= 0 and r.bottom() < height for r in rects)

    typing_rows, typing_height = whole_rows(), results.height()
    assert typing_rows >= 1  # compact rows while typing, the filters out of the way
    assert not page.filters_bar.isVisible()
    qtbot.mouseClick(page.keyboard.action, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.keyboard.isVisible() and results.height() > typing_height)
    assert page.filters_bar.isVisible()  # back, on a line of their own above the list
    room = page.keyboard.height() - page.filters_bar.height() - page.layout().spacing()
    assert results.height() >= typing_height + room
    assert whole_rows() >= 2  # accessible cards are 5 cm tall: two of them, whole


def test_the_check_sees_a_cut_line_and_an_icon_laid_over_text(qapp: QApplication) -> None:
    """The check itself: a one-line label given less than its font's height, and an icon-only
    button laid over a label, are both reported; the same widgets laid out apart are not."""
    from PySide6.QtGui import QIcon, QPixmap

    class Window(QWidget):  # problems() reads the window's bottom bar
        def __init__(self) -> None:
            super().__init__()
            self.bottom_bar = QWidget(self)
            self.bottom_bar.hide()

    metrics = ScreenMetrics(800, 600, 800 / 200.0)
    window = Window()
    screen = QWidget(window)
    screen.setGeometry(0, 0, 800, 600)
    label = QLabel("Retrait Click & Collect", screen)
    label.setGeometry(10, 10, 600, label.fontMetrics().height())
    icon = QPixmap(32, 32)
    icon.fill(Qt.GlobalColor.black)
    button = QPushButton(screen)
    button.setIcon(QIcon(icon))
    button.setGeometry(700, 10, 90, 90)
    window.resize(800, 600)
    window.show()
    assert problems(window, screen, metrics) == []

    label.setFixedHeight(label.fontMetrics().ascent() // 2)
    button.move(500, 0)
    found = problems(window, screen, metrics)
    assert any("needs" in p and "of height" in p for p in found), found
    assert any("overlaps QPushButton" in p for p in found), found
    window.close()


def test_the_door_list_refits_its_rows_when_the_theme_grows_them(
    make_shell: Callable[..., Any], qapp: QApplication, qtbot: QtBot
) -> None:
    """The door board alone, normal then accessible, on the totem: the rows were measured
    while the list still had its normal height and kept it (seven rows laid over each other
    in a frame that holds four); the check between other views never caught it."""
    panel = next(p for p in PANELS if p.name == "1080x1920")
    shell = make_shell(reader="none")
    metrics = fit(shell, panel)
    report = []
    for accessible in (False, True):
        shell.session.set_accessible(accessible)
        report += check_views(shell, ["door_board"], metrics, qapp, qtbot, f" {accessible}")
    assert not report, "\n".join(report)
    scans = shell.router.current.board.scans
    shown = [r for r in scans.rows if r.isVisible()]
    assert 2 <= len(shown) < len(scans.rows)  # the oldest went, whole rows stayed
    assert all(a.geometry().bottom() < b.geometry().top() for a, b in pairwise(shown))


def test_a_scroll_area_shows_the_page_behind_it(
    make_shell: Callable[..., Any], kiosk_settings: Settings, qapp: QApplication, qtbot: QtBot
) -> None:
    """In the dark accessible theme, the room the help reasons leave under their cards on a
    totem is the page's black: their scroll area, left unnamed, painted a light grey slab there.
    Pixels read from the window as it is drawn."""
    from PySide6.QtGui import QColor

    seed_store(kiosk_settings.database_url, load_site_key(kiosk_settings.site_key_path))
    shell = make_shell(profile=Profile.STORE, reader="none")
    metrics = fit(shell, next(p for p in PANELS if p.name == "1080x1920"))
    shell.session.set_accessible(True)
    assert not check_views(shell, ["help_reasons"], metrics, qapp, qtbot)
    area = shell.router.current.reasons.tiles
    view = rect_in(area.viewport(), shell.window)
    cards = [rect_in(w, shell.window) for w in visible_descendants(area.widget())]
    bottom = max(r.bottom() for r in cards)
    assert view.bottom() - bottom > 100  # room under the cards to look at
    black = QColor(shell.theme.tokens.background)

    def under_the_cards() -> list[str]:
        image = shell.window.grab().toImage()
        points = [(view.left() + 4, bottom + 40), (view.center().x(), view.bottom() - 10)]
        return [image.pixelColor(x, y).name() for x, y in points]

    qtbot.waitUntil(lambda: under_the_cards() == [black.name()] * 2)

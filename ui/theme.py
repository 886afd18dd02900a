"""Colour, type and spacing tokens, and the QSS templates they fill in.

The tokens are plain data so that the council's brand can replace the DSFR-like defaults: build
another :class:`ThemeTokens` and hand it to :class:`ThemeController`. The QSS lives in
``assets/theme/*.qss`` as :class:`string.Template` text (``${accent}``, ``${touch_target}``...).
"""

from __future__ import annotations

import enum
import math
from dataclasses import asdict, dataclass, fields, replace
from string import Template

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QFont, QScreen
from PySide6.QtWidgets import QApplication

from ui import resources


class Area(enum.StrEnum):
    """The four areas of the Smart Corner; each has its accent colour."""

    DOCUMENTS = "documents"
    EVENTS = "events"
    COLLECT = "collect"
    HELP = "help"


@dataclass(frozen=True)
class ThemeTokens:
    name: str
    dark: bool
    font_family: str
    font_files: tuple[str, ...]
    # colours (hex)
    background: str  # the screen behind the cards
    background_end: str  # the other end of the background's gentle gradient
    surface: str  # cards
    surface_muted: str  # chips, pressed states, keypad keys
    border: str
    text: str
    text_muted: str
    text_disabled: str  # a control that cannot be used yet: still readable (4.5:1), greyed
    accent: str  # brand colour: primary buttons, focus of the screen
    accent_pressed: str
    on_accent: str  # text and icons on the accent
    accent_soft: str  # a tint of the accent for quiet backgrounds
    success: str
    warning: str
    error: str
    on_error: str
    documents: str
    events: str
    collect: str
    help: str
    # What covers the screen behind the idle countdown, as r, g, b, a: opaque, because the
    # last visitor's order or verdict must not be readable by whoever walks up next.
    scrim: str
    # sizes (logical px; 24 px is 18 pt at 96 dpi, the smallest text the kiosk shows)
    font_size: int
    font_large: int
    font_title: int
    font_hero: int
    font_hero_compact: int  # the invitation on the attract screen, which shares the width
    font_clock: int
    touch_target: int
    radius: int
    radius_small: int
    spacing: int
    font_display: int = 88  # the home screen's greeting
    # keypad keys (PIN pad): taller and wider than a button's text needs, one size for all keys
    key_width: int = 150
    key_height: int = 104
    # the physical floor of a touch target (15 mm: 54 px on the 24" design panel); what the
    # on-screen keyboard's keys give up to when a short panel cannot hold them at touch_target
    min_target: int = 54
    # what fit_tokens() multiplied the design sizes by (1.0: the 1920x1080 design)
    scale: float = 1.0

    def px(self, design: int) -> int:
        """A length of the 1920x1080 design (margins, icon boxes) at this screen's scale."""
        return max(1, round(design * self.scale))

    def area_colour(self, area: Area) -> str:
        return str(getattr(self, area.value))

    def template_vars(self) -> dict[str, str]:
        """Every token as text, plus ``<colour>_rgb`` ("r, g, b") to build rgba() tints in QSS."""
        out: dict[str, str] = {}
        for key, value in asdict(self).items():
            if isinstance(value, tuple | float):
                continue
            out[key] = str(value)
            if isinstance(value, str) and value.startswith("#"):
                c = QColor(value)
                out[f"{key}_rgb"] = f"{c.red()}, {c.green()}, {c.blue()}"
        return out


# Calm light theme in the spirit of the DSFR: blue France, neutral greys, AA colours throughout.
NORMAL = ThemeTokens(
    name="normal",
    dark=False,
    font_family="Inter",
    font_files=resources.INTER_FILES,
    background="#F5F5FE",
    background_end="#FFFFFF",
    surface="#FFFFFF",
    surface_muted="#EEEEF6",
    border="#DDDDE8",
    text="#161616",
    text_muted="#555555",  # 7.4:1 on white
    text_disabled="#6A6A6A",  # 5.4:1 on white, 4.7:1 on surface_muted
    accent="#000091",
    accent_pressed="#1212FF",
    on_accent="#FFFFFF",
    accent_soft="#E3E3FD",
    success="#18753C",
    warning="#B34000",
    error="#CE0500",
    on_error="#FFFFFF",
    documents="#3558A2",
    events="#7F3E98",
    collect="#006A6F",
    help="#A94645",
    scrim="22, 22, 40, 1",
    font_size=24,
    font_large=30,
    font_title=44,
    font_hero=60,
    font_hero_compact=56,
    font_clock=176,
    touch_target=96,
    radius=28,
    radius_small=16,
    spacing=24,
)

# Dark high-contrast theme with Atkinson Hyperlegible and larger text.
ACCESSIBLE = ThemeTokens(
    name="accessible",
    dark=True,
    font_family="Atkinson Hyperlegible",
    font_files=resources.ATKINSON_FILES,
    background="#000000",
    background_end="#000000",
    surface="#121212",
    surface_muted="#2A2A2A",
    border="#CECECE",
    text="#FFFFFF",
    text_muted="#E0E0E0",
    text_disabled="#9E9E9E",  # 7.0:1 on the cards, 5.4:1 on surface_muted
    accent="#FFD23F",  # 14.5:1 on black
    accent_pressed="#FFE380",
    on_accent="#000000",
    accent_soft="#2B2410",
    success="#6FE49D",
    warning="#FFCA00",
    error="#FF8D7E",
    on_error="#000000",
    documents="#7AB1E8",
    events="#D8A7E9",
    collect="#3FD2C7",
    help="#FFB7AE",
    scrim="0, 0, 0, 1",
    font_size=30,
    font_large=36,
    font_title=52,
    font_hero=68,
    font_hero_compact=56,
    font_clock=176,
    touch_target=112,
    radius=24,
    radius_small=14,
    spacing=24,
)


# The design is drawn for 1920x1080 (landscape) and 1080x1920 (portrait), in logical pixels.
DESIGN_LONG, DESIGN_SHORT = 1920, 1080
MIN_SCALE, MAX_SCALE = 0.6, 1.5
MIN_TARGET_MM = 15.0  # the smallest touch target, whatever the screen's pixel density
# Body text read from 2 m: its capital letters subtend BODY_CAP_ARCMIN minutes of arc there.
# Eight minutes is what a 18.5" 1366x768 panel can hold with the screens' content; the ISO
# 9241-303 comfort figure (16') would take a 40" screen or more at this distance.
READ_DISTANCE_MM = 2000.0
BODY_CAP_ARCMIN = 8.0
CAP_HEIGHT_EM = 0.72  # capital height of Inter and Atkinson Hyperlegible, as a share of the em


@dataclass(frozen=True)
class ScreenMetrics:
    """The screen the kiosk fills: its size in logical pixels and its pixel density."""

    width: int
    height: int
    px_per_mm: float  # logical pixels per millimetre (device pixels / devicePixelRatio)

    @property
    def portrait(self) -> bool:
        return self.height > self.width

    @classmethod
    def of(cls, screen: QScreen) -> ScreenMetrics:
        """Measured from the screen's EDID size; its logical DPI when that size is unknown."""
        size = screen.geometry().size()
        mm = screen.physicalSize()
        if mm.width() >= 100 and mm.height() >= 60:  # 0 or a few mm: no or a bogus EDID
            density = size.width() / mm.width()
        else:
            density = screen.logicalDotsPerInch() / 25.4
        return cls(size.width(), size.height(), density)

    @classmethod
    def design(cls) -> ScreenMetrics:
        """A 24" 1920x1080 panel, the size the tokens were drawn for."""
        return cls(DESIGN_LONG, DESIGN_SHORT, DESIGN_LONG / 531.4)


def mm_to_px(mm: float, metrics: ScreenMetrics) -> int:
    return math.ceil(mm * metrics.px_per_mm)


def body_text_px(metrics: ScreenMetrics) -> int:
    """The smallest body text (em, in logical px) still read from READ_DISTANCE_MM."""
    cap_mm = 2 * READ_DISTANCE_MM * math.tan(math.radians(BODY_CAP_ARCMIN / 60) / 2)
    return mm_to_px(cap_mm / CAP_HEIGHT_EM, metrics)


def fit_tokens(tokens: ThemeTokens, metrics: ScreenMetrics) -> ThemeTokens:
    """``tokens`` sized for ``metrics``: the design's lengths scaled to the screen's pixels,
    body text never below what reads from 2 m, touch targets never below MIN_TARGET_MM."""
    long_side = max(metrics.width, metrics.height)
    short_side = min(metrics.width, metrics.height)
    scale = min(long_side / DESIGN_LONG, short_side / DESIGN_SHORT)
    scale = min(MAX_SCALE, max(MIN_SCALE, scale))
    sized: dict[str, int | float] = {"scale": scale}
    for f in fields(tokens):
        value = getattr(tokens, f.name)
        if isinstance(value, int) and not isinstance(value, bool):
            sized[f.name] = max(1, round(value * scale))
    floor = body_text_px(metrics)
    # text keeps its hierarchy: the floor lifts the body sizes, never above the larger ones
    sized["font_size"] = max(int(sized["font_size"]), min(floor, tokens.font_size * 3 // 2))
    sized["font_large"] = max(int(sized["font_large"]), int(sized["font_size"]) + 4)
    sized["touch_target"] = max(int(sized["touch_target"]), mm_to_px(MIN_TARGET_MM, metrics))
    sized["min_target"] = min(mm_to_px(MIN_TARGET_MM, metrics), int(sized["touch_target"]))
    sized["key_height"] = max(int(sized["key_height"]), int(sized["touch_target"]))
    sized["key_width"] = max(int(sized["key_width"]), int(sized["touch_target"]))
    return replace(tokens, **sized)  # type: ignore[arg-type]


def named[T: QObject](thing: T, name: str) -> T:
    """``thing`` with its object name, the handle the QSS theme styles it by.

    PySide6 accepts ``QLabel(objectName="title")`` at run time, but its type stubs list only
    each class's own properties: this keeps the constructors typed (strict mypy).
    """
    thing.setObjectName(name)
    return thing


def render_stylesheet(tokens: ThemeTokens, template: str | None = None) -> str:
    """The QSS of ``tokens``; a placeholder without a token raises KeyError (caught by tests)."""
    text = resources.theme_templates() if template is None else template
    return Template(text).substitute(_TemplateVars(tokens))


class _TemplateVars(dict[str, str]):
    """The tokens, plus ``${px_N}``: a length N of the 1920x1080 design at the screen's scale
    (a circle's radius, an icon's box), so the QSS scales with the layouts."""

    def __init__(self, tokens: ThemeTokens) -> None:
        super().__init__(tokens.template_vars())
        self._tokens = tokens

    def __missing__(self, key: str) -> str:
        if key.startswith("px_") and key[3:].isdigit():
            return str(self._tokens.px(int(key[3:])))
        raise KeyError(key)


def app_font(tokens: ThemeTokens) -> QFont:
    font = QFont(tokens.font_family)
    font.setPixelSize(tokens.font_size)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


class ThemeController(QObject):
    """Applies a token set to the application; widgets that draw icons listen to ``changed``."""

    changed = Signal()

    def __init__(
        self,
        app: QApplication,
        normal: ThemeTokens = NORMAL,
        accessible: ThemeTokens = ACCESSIBLE,
        parent: QObject | None = None,
        metrics: ScreenMetrics | None = None,
    ) -> None:
        """``metrics``: the screen the window will fill, when known before the widgets exist;
        sizing the theme for it later re-applies the style sheet to every widget built."""
        super().__init__(parent)
        self._app = app
        self._normal = normal
        self._accessible = accessible
        self._tokens = normal
        self._is_accessible = False
        self._metrics = metrics or ScreenMetrics.design()

    @property
    def tokens(self) -> ThemeTokens:
        return self._tokens

    @property
    def accessible(self) -> bool:
        return self._is_accessible

    @property
    def metrics(self) -> ScreenMetrics:
        return self._metrics

    def set_screen(self, metrics: ScreenMetrics) -> None:
        """Size the theme for the screen the window fills (re-applied when it changes)."""
        if metrics != self._metrics:
            self._metrics = metrics
            self.apply(self._is_accessible)

    def apply(self, accessible: bool = False) -> None:
        base = self._accessible if accessible else self._normal
        resources.load_fonts(base.font_files)  # the accessible face is loaded on first use
        tokens = fit_tokens(base, self._metrics)
        self._is_accessible = accessible
        self._tokens = tokens
        self._app.setFont(app_font(tokens))
        self._app.setStyleSheet(render_stylesheet(tokens))
        self.changed.emit()

    def set_accessible(self, accessible: bool) -> None:
        if accessible != self.accessible:
            self.apply(accessible)
